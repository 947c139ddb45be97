//! Small builders for the domain's tests.

use ca_contract::*;
use chrono::NaiveDate;

pub fn day(s: &str) -> NaiveDate {
    crate::domain::dates::parse_date(s).expect("test date")
}

pub fn me(workspaces: &[&str], current: &str) -> Me {
    Me {
        id: "u1".into(),
        display_name: "Giulia Bianchi".into(),
        email: None,
        roles: vec![Role::CustomerAdmin],
        workspaces: workspaces
            .iter()
            .map(|w| Workspace {
                id: (*w).into(),
                name: format!("Workspace {w}"),
            })
            .collect(),
        current_workspace_id: current.into(),
    }
}

pub fn contract(id: &str, start: &str, end: &str, ws: &[&str]) -> Contract {
    Contract {
        id: id.into(),
        number: format!("U-{id}"),
        name: format!("Contract {id}"),
        kind: None,
        start_date: start.into(),
        end_date: end.into(),
        workspace_ids: ws.iter().map(|w| (*w).into()).collect(),
    }
}

pub fn ent(
    id: &str,
    contract: &str,
    package: Option<&str>,
    service: Service,
    unit: Unit,
    purchased: Option<f64>,
    consumed: f64,
) -> Entitlement {
    Entitlement {
        id: id.into(),
        contract_id: contract.into(),
        package_id: package.map(Into::into),
        service,
        name: format!("Entitlement {id}"),
        description: None,
        kind: EntitlementKind::ConsumptionService,
        unit,
        purchased,
        consumed,
        delivered_hours: None,
        action: None,
    }
}

pub fn package(id: &str, contract: &str, status: PackageStatus, start: &str, end: &str) -> Package {
    Package {
        id: id.into(),
        contract_id: contract.into(),
        name: format!("Package {id}"),
        number: None,
        status,
        start_date: start.into(),
        end_date: end.into(),
    }
}

pub fn sr(id: &str, created: &str, quantity: f64, title: &str) -> ActivityRecord {
    ActivityRecord::SupportRequest(SupportRequest {
        id: id.into(),
        case_number: format!("CN-{id}"),
        title: title.into(),
        severity: Some(Severity::B),
        status: CaseStatus::Closed,
        created_at: created.into(),
        closed_at: None,
        primary_contact: None,
        product: None,
        workspace_id: None,
        url: None,
        quantity,
    })
}

pub fn edu(id: &str, learner: &str, started: &str, hours: Option<f64>) -> ActivityRecord {
    ActivityRecord::EducationActivity(EducationActivity {
        id: id.into(),
        learner_name: learner.into(),
        learner_email: Some(format!("{id}@contoso.it")),
        activity_title: "Azure Fundamentals".into(),
        activity_type: Some(ActivityType::Course),
        started_at: started.into(),
        status: EducationStatus::Completed,
        completed_at: Some("2026-10-02T10:00:00Z".into()),
        hours,
        quantity: 1.0,
    })
}
