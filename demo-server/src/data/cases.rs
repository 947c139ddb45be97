//! Additional cases: advisory and problem-resolution cases that no
//! entitlement accounts for, with every reason and classification.

use super::contracts::{WS_CONTOSO, WS_FABRIKAM, WS_NORTHWIND};
use super::people::PATTERNS;
use super::rng::Lcg;
use super::Case;
use crate::date::Day;
use ca_contract::{AdditionalCase, CaseReason, CaseService, CaseStatus, Classification};

type Row = (
    &'static str,
    CaseService,
    CaseReason,
    Option<Classification>,
    Option<&'static str>,
    Option<&'static str>,
    i64,
    bool,
    Option<f64>,
);

pub fn cases(today: Day) -> Vec<Case> {
    use CaseReason::*;
    use CaseService::{AdvisorySupport as Adv, ReactiveSupport as Rea};
    use Classification::*;
    let (c, f, n) = (Some(WS_CONTOSO), Some(WS_FABRIKAM), Some(WS_NORTHWIND));
    // title, service, reason, classification, contract, workspace, days ago, open, hours
    let rows: [Row; 21] = [
        (
            "Exchange 2016 coexistence guidance",
            Adv,
            ExpiredContract,
            None,
            Some("S-1983302"),
            c,
            40,
            false,
            Some(6.5),
        ),
        (
            "Cluster node evicted after patching",
            Rea,
            ExpiredContract,
            None,
            Some("S-1983302"),
            c,
            55,
            false,
            Some(12.0),
        ),
        (
            "Lab tenant: Entra Connect sync errors",
            Rea,
            UnmappedContract,
            None,
            Some("U-5108834"),
            c,
            20,
            true,
            Some(3.25),
        ),
        (
            "Prototype: event-driven architecture review",
            Adv,
            UnmappedContract,
            None,
            Some("U-5108834"),
            None,
            75,
            false,
            None,
        ),
        (
            "POS terminals lose connection to Azure SQL",
            Rea,
            MissingContract,
            None,
            None,
            f,
            12,
            true,
            Some(2.0),
        ),
        (
            "Advice on warehouse scanner fleet management",
            Adv,
            MissingContract,
            None,
            None,
            n,
            90,
            false,
            Some(4.5),
        ),
        (
            "Purview labels not applied to Teams files",
            Rea,
            MissingPackage,
            None,
            Some("U-4827153"),
            c,
            33,
            false,
            Some(8.0),
        ),
        (
            "Design review: loyalty app on Azure Container Apps",
            Adv,
            MissingPackage,
            None,
            Some("U-3391820"),
            f,
            61,
            false,
            None,
        ),
        (
            "Windows 10 ESU activation fails",
            Rea,
            MissingService,
            None,
            Some("S-2087715"),
            n,
            18,
            true,
            Some(1.5),
        ),
        (
            "Power Platform governance: CoE kit set-up",
            Adv,
            MissingService,
            None,
            Some("S-7654321"),
            c,
            140,
            false,
            Some(5.0),
        ),
        (
            "Richiesta di assistenza: licenze Visio",
            Rea,
            Classified,
            Some(Su),
            Some("U-4827153"),
            c,
            8,
            true,
            None,
        ),
        (
            "Custom connector SDK throws 401",
            Adv,
            Classified,
            Some(Dsa),
            Some("U-1234567"),
            f,
            27,
            false,
            Some(7.75),
        ),
        (
            "Technology advisor: Azure OpenAI quota planning",
            Rea,
            Classified,
            Some(X85),
            Some("U-6610384"),
            n,
            45,
            false,
            Some(3.0),
        ),
        (
            "Reactive enabled contact: access to portal",
            Adv,
            Classified,
            Some(Rec),
            Some("U-4827153"),
            c,
            100,
            false,
            Some(2.5),
        ),
        (
            "REC contact added for weekend coverage",
            Rea,
            Classified,
            Some(Rec),
            None,
            None,
            66,
            false,
            Some(1.0),
        ),
        (
            "Graph API throttling in the HR integration",
            Rea,
            Classified,
            Some(Dsa),
            Some("U-1234567"),
            c,
            5,
            true,
            Some(0.75),
        ),
        (
            "Subscription and billing question",
            Adv,
            Classified,
            Some(Su),
            Some("S-5520147"),
            f,
            150,
            false,
            None,
        ),
        (
            "Legacy ERP: RPC errors on file share",
            Rea,
            MissingContract,
            None,
            None,
            None,
            210,
            false,
            Some(9.5),
        ),
        (
            "Migration path for Premier SharePoint 2013 farm",
            Adv,
            ExpiredContract,
            None,
            Some("S-1983302"),
            c,
            80,
            false,
            Some(10.0),
        ),
        (
            "Technology advisor: Fabric capacity sizing",
            Rea,
            Classified,
            Some(X85),
            Some("U-4827153"),
            c,
            14,
            false,
            Some(4.0),
        ),
        (
            "Store Wi-Fi controller crash loop",
            Rea,
            MissingService,
            None,
            Some("U-1234567"),
            f,
            3,
            true,
            None,
        ),
    ];
    let mut rng = Lcg::seeded("additional-cases");
    rows.iter()
        .enumerate()
        .map(
            |(i, &(title, service, reason, classification, contract, ws, ago, open, hours))| {
                let day = today.plus(-ago);
                let case_number = format!(
                    "{}{:010}",
                    day.case_prefix(),
                    50_000_000 + rng.range(0, 9_999_999)
                );
                let url = (i % 4 != 3).then(|| {
                    format!(
                        "{}/support/requests/{case_number}",
                        super::records::SERVICES_HUB
                    )
                });
                let case = AdditionalCase {
                    case_number,
                    title: title.to_string(),
                    service,
                    reason,
                    classification,
                    contract_number: contract.map(Into::into),
                    workspace_id: ws.map(Into::into),
                    created_at: day.at(rng.range(7, 18) as u32, rng.range(0, 59) as u32),
                    status: Some(if open {
                        CaseStatus::Open
                    } else {
                        CaseStatus::Closed
                    }),
                    url,
                    hours,
                };
                Case {
                    case,
                    access: PATTERNS[i % PATTERNS.len()],
                }
            },
        )
        .collect()
}
