//! Invariants of the dataset.

use super::records::MARKUP_TITLE;
use super::*;
use ca_contract::*;
use std::collections::BTreeSet;

fn ds() -> Dataset {
    Dataset::build(Day::parse("2026-05-14").unwrap(), false)
}

fn all_records(ds: &Dataset) -> impl Iterator<Item = &ActivityRecord> {
    ds.entitlements
        .iter()
        .flat_map(|e| ds.records_of(&e.id))
        .map(|r| &r.record)
}

#[test]
fn every_service_and_unit_has_an_enterprise_entitlement() {
    let ds = ds();
    let enterprise: Vec<_> = ds
        .entitlements
        .iter()
        .filter(|e| e.package_id.is_none())
        .collect();
    for s in Service::ALL {
        assert!(
            enterprise.iter().any(|e| e.service == *s),
            "no enterprise entitlement for {s:?}"
        );
    }
    for u in Unit::ALL {
        assert!(
            enterprise.iter().any(|e| e.unit == *u),
            "no enterprise entitlement in {u:?}"
        );
    }
    let over = |pkg: bool| {
        ds.entitlements
            .iter()
            .any(|e| e.package_id.is_some() == pkg && e.purchased.is_some_and(|p| e.consumed > p))
    };
    let as_needed = |pkg: bool| {
        ds.entitlements.iter().any(|e| {
            e.package_id.is_some() == pkg
                && e.purchased.is_none()
                && e.kind == EntitlementKind::ConsumptionService
        })
    };
    assert!(over(false) && over(true) && as_needed(false) && as_needed(true));
    // mixed units within the Integrated Proactive Services tile of one contract
    let units: BTreeSet<_> = enterprise
        .iter()
        .filter(|e| e.contract_id == "c-cu" && is_proactive(e.service))
        .map(|e| e.unit)
        .collect();
    assert!(units.len() >= 2, "{units:?}");
    for e in &ds.entitlements {
        assert_eq!(
            e.delivered_hours.is_some(),
            is_proactive(e.service) && e.kind == EntitlementKind::ConsumptionService,
            "{}",
            e.id
        );
        if let Some(a) = &e.action {
            assert!(
                a.url.starts_with("https://") || a.url == "javascript:alert(1)",
                "{}",
                a.url
            );
        }
    }
    assert_eq!(
        ds.entitlements
            .iter()
            .filter(|e| e
                .action
                .as_ref()
                .is_some_and(|a| a.url.starts_with("javascript:")))
            .count(),
        1
    );
}

#[test]
fn records_add_up_to_consumed_and_match_the_service() {
    let ds = ds();
    for e in &ds.entitlements {
        let recs = ds.records_of(&e.id);
        if e.kind == EntitlementKind::AdditionalBenefit {
            assert!(
                recs.is_empty()
                    && e.consumed == 0.0
                    && e.purchased.is_none()
                    && e.description.is_some(),
                "{}",
                e.id
            );
            continue;
        }
        assert!(
            (5..=40).contains(&recs.len()),
            "{} has {} records",
            e.id,
            recs.len()
        );
        let sum: f64 = recs.iter().map(|r| r.record.quantity()).sum();
        assert!(
            (sum - e.consumed).abs() < 1e-6,
            "{}: records add up to {sum}, consumed is {}",
            e.id,
            e.consumed
        );
        let want = match record_kind(e.service) {
            RecordKind::SupportRequest => "supportRequest",
            RecordKind::ProactiveDelivery => "proactiveDelivery",
            RecordKind::EducationActivity => "educationActivity",
            RecordKind::SupportContact => "supportContact",
            RecordKind::AssessmentSetup => "assessmentSetup",
        };
        for r in recs {
            assert_eq!(r.record.type_name(), want, "{}", e.id);
            assert_eq!(r.access.is_some(), want == "supportRequest");
            assert!(r.record.quantity() >= 0.0);
        }
    }
    let ids: BTreeSet<_> = all_records(&ds).map(|r| r.id()).collect();
    assert_eq!(ids.len(), all_records(&ds).count(), "record ids are unique");
}

#[test]
fn every_enum_value_of_every_record_field_occurs() {
    let ds = ds();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut note = |k: &str, v: &str| {
        seen.insert(format!("{k}:{v}"));
    };
    for r in all_records(&ds) {
        match r {
            ActivityRecord::SupportRequest(x) => {
                note("severity", x.severity.map_or("none", |s| s.as_str()));
                note("caseStatus", x.status.as_str());
            }
            ActivityRecord::ProactiveDelivery(x) => {
                note(
                    "deliveryType",
                    x.delivery_type.map_or("none", |s| s.as_str()),
                );
                note("deliveryStatus", x.status.as_str());
            }
            ActivityRecord::EducationActivity(x) => {
                note(
                    "activityType",
                    x.activity_type.map_or("none", |s| s.as_str()),
                );
                note("educationStatus", x.status.as_str());
            }
            ActivityRecord::SupportContact(x) => {
                note("contactRole", x.role.map_or("none", |s| s.as_str()));
                note("contactStatus", x.status.as_str());
            }
            ActivityRecord::AssessmentSetup(x) => note("assessmentStatus", x.status.as_str()),
        }
    }
    let mut want: Vec<String> = Vec::new();
    let mut add =
        |k: &str, vals: Vec<&str>| want.extend(vals.into_iter().map(|v| format!("{k}:{v}")));
    add(
        "severity",
        Severity::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "caseStatus",
        CaseStatus::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "deliveryType",
        DeliveryType::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "deliveryStatus",
        DeliveryStatus::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "activityType",
        ActivityType::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "educationStatus",
        EducationStatus::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "contactRole",
        ContactRole::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "contactStatus",
        ContactStatus::ALL.iter().map(|v| v.as_str()).collect(),
    );
    add(
        "assessmentStatus",
        AssessmentStatus::ALL.iter().map(|v| v.as_str()).collect(),
    );
    for w in want {
        assert!(seen.contains(&w), "{w} never occurs");
    }
    let accented = all_records(&ds)
        .any(|r| matches!(r, ActivityRecord::EducationActivity(x) if !x.learner_name.is_ascii()));
    assert!(accented, "learners have accented names");
    let markup = all_records(&ds)
        .any(|r| matches!(r, ActivityRecord::SupportRequest(x) if x.title == MARKUP_TITLE));
    assert!(markup && MARKUP_TITLE.contains("<b>bold</b> & <script>x</script>"));
}

#[test]
fn additional_cases_cover_every_reason_and_classification() {
    let ds = ds();
    let cases: Vec<_> = ds.cases.iter().map(|c| &c.case).collect();
    assert!((18..=25).contains(&cases.len()));
    for r in CaseReason::ALL {
        assert!(cases.iter().any(|c| c.reason == *r), "{r:?}");
    }
    for k in Classification::ALL {
        assert!(cases.iter().any(|c| c.classification == Some(*k)), "{k:?}");
    }
    for c in &cases {
        assert_eq!(
            c.reason == CaseReason::Classified,
            c.classification.is_some(),
            "{}",
            c.case_number
        );
        assert_eq!(c.case_number.len(), 16);
    }
    for s in CaseService::ALL {
        assert!(cases.iter().any(|c| c.service == *s));
    }
    for s in CaseStatus::ALL {
        assert!(cases.iter().any(|c| c.status == Some(*s)));
    }
    assert!(
        cases.iter().any(|c| c.workspace_id.is_none()) && cases.iter().any(|c| c.hours.is_none())
    );
    let ws: BTreeSet<_> = cases
        .iter()
        .filter_map(|c| c.workspace_id.as_deref())
        .collect();
    assert_eq!(ws.len(), 3);
}

fn dates_hold(today: Day) {
    let ds = Dataset::build(today, false);
    let t = today.to_string();
    let d = |s: &str| Day::parse(s).unwrap();
    let active = |c: &&Contract| d(&c.start_date) <= today && today <= d(&c.end_date);
    assert_eq!(ds.workspaces.len(), 3);
    for ws in &ds.workspaces {
        let here = |c: &&Contract| c.workspace_ids.contains(&ws.id) && active(c);
        let kinds: BTreeSet<_> = ds
            .contracts
            .iter()
            .filter(here)
            .filter_map(|c| c.kind)
            .collect();
        assert!(
            kinds.contains(&ContractType::Unified) && kinds.contains(&ContractType::Premier),
            "{}",
            ws.id
        );
    }
    assert_eq!(
        ds.contracts
            .iter()
            .filter(|c| active(c) && c.workspace_ids.len() == 2)
            .count(),
        1
    );
    assert!(
        ds.contracts
            .iter()
            .any(|c| d(&c.end_date).0 <= today.0 - 30),
        "an expired contract"
    );
    assert!(
        ds.contracts
            .iter()
            .any(|c| d(&c.start_date).0 >= today.0 + 20),
        "a future contract"
    );
    assert!(
        ds.contracts.iter().any(|c| c.end_date == t)
            && ds.contracts.iter().any(|c| c.start_date == t)
    );
    assert!(ds
        .contracts
        .iter()
        .any(|c| c.workspace_ids.is_empty() && active(&c)));
    for c in &ds.contracts {
        assert!(c.number.starts_with("U-") || c.number.starts_with("S-"));
    }
    // packages
    let p = &ds.packages;
    let left = |x: &Package| d(&x.end_date).0 - today.0;
    assert!(p
        .iter()
        .any(|x| x.status == PackageStatus::Active && (1..=90).contains(&left(x))));
    assert!(p
        .iter()
        .any(|x| x.status == PackageStatus::Active && (25..=35).contains(&left(x))));
    assert!(p.iter().any(|x| left(x) == 0));
    assert!(p
        .iter()
        .any(|x| left(x) < 0 && x.status == PackageStatus::Inactive));
    assert!(p
        .iter()
        .all(|x| x.number.as_deref().is_some_and(|n| n.starts_with("PKG-"))));
    assert!(
        ds.contracts
            .iter()
            .any(|c| active(&c) && p.iter().all(|x| x.contract_id != c.id)),
        "a contract without packages"
    );
    assert!(p.iter().filter(|x| x.contract_id == "c-cu").count() >= 4);
    for x in p {
        let c = ds.contract(&x.contract_id).unwrap();
        assert!(
            d(&c.start_date) <= d(&x.start_date) && d(&x.end_date) <= d(&c.end_date),
            "{} within its contract",
            x.id
        );
    }
    // past activity is in the past
    for r in all_records(&ds) {
        if let ActivityRecord::SupportRequest(x) = r {
            assert!(x.created_at < ds.generated_at, "{}", x.id);
            assert!(
                x.closed_at
                    .as_ref()
                    .is_none_or(|c| c >= &x.created_at && c < &ds.generated_at),
                "{}",
                x.id
            );
        }
    }
}

#[test]
fn dates_relative_to_today_hold_on_any_day() {
    for t in ["2026-05-14", "2024-02-29", "2025-12-31", "2027-01-01"] {
        dates_hold(Day::parse(t).unwrap());
    }
}

#[test]
fn the_dataset_is_deterministic() {
    let a = ds();
    let b = ds();
    let json = |d: &Dataset| {
        serde_json::to_string(&(
            &d.contracts,
            &d.entitlements,
            &d.packages,
            all_records(d).collect::<Vec<_>>(),
        ))
        .unwrap()
    };
    assert_eq!(json(&a), json(&b));
}
