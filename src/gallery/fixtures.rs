//! The gallery's data: plain values with fixed dates, so every screenshot
//! is the same on every run. "Today" is [`today`] (2026-11-27).

use crate::api::ApiError;
use crate::components::chart::ChartData;
use crate::components::package_card::ServiceLine;
use crate::domain::enterprise::UnitTotal;
use crate::domain::packages::{expiry, Expiry};
use crate::domain::usage::Usage;
use crate::domain::validate::{Finding, Flaw};
use ca_contract::{
    ActivityRecord, CaseStatus, Entitlement, EntitlementKind, Me, Package, PackageStatus, Role,
    Service, Severity, SupportRequest, Unit, Workspace,
};
use chrono::NaiveDate;

/// The gallery's today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid date")
}

/// The signed-in user of the gallery's context.
pub fn me() -> Me {
    Me {
        id: "gallery-user".into(),
        display_name: "Giulia Bianchi".into(),
        email: Some("giulia.bianchi@contoso.it".into()),
        roles: vec![Role::CustomerAdmin],
        workspaces: vec![Workspace {
            id: "ws-milano".into(),
            name: "Contoso Milano".into(),
        }],
        current_workspace_id: "ws-milano".into(),
    }
}

fn total(unit: Unit, consumed: f64, purchased: Option<f64>) -> UnitTotal {
    UnitTotal {
        unit,
        usage: Usage::new(consumed, purchased),
    }
}

/// An enterprise tile's figures: per-unit totals and delivered hours.
pub struct TileFixture {
    pub totals: Vec<UnitTotal>,
    pub delivered_hours: Option<f64>,
}

pub fn tile_capped() -> TileFixture {
    TileFixture {
        totals: vec![total(Unit::Hours, 45.5, Some(120.0))],
        delivered_hours: Some(38.0),
    }
}

pub fn tile_as_needed() -> TileFixture {
    TileFixture {
        totals: vec![total(Unit::Cases, 17.0, None)],
        delivered_hours: None,
    }
}

pub fn tile_mixed_units() -> TileFixture {
    TileFixture {
        totals: vec![
            total(Unit::Hours, 12.25, Some(40.0)),
            total(Unit::Credits, 1_250.0, Some(2_000.0)),
            total(Unit::Days, 4.0, Some(10.0)),
        ],
        delivered_hours: Some(96.5),
    }
}

pub fn tile_over_consumed() -> TileFixture {
    TileFixture {
        totals: vec![total(Unit::Hours, 46.0, Some(40.0))],
        delivered_hours: None,
    }
}

pub fn tile_zero() -> TileFixture {
    TileFixture {
        totals: vec![total(Unit::Assessments, 0.0, Some(0.0))],
        delivered_hours: None,
    }
}

fn entitlement(
    id: &str,
    package: &str,
    service: Service,
    name: &str,
    unit: Unit,
    purchased: Option<f64>,
    consumed: f64,
) -> Entitlement {
    Entitlement {
        id: id.into(),
        contract_id: "c-unified-2026".into(),
        package_id: Some(package.into()),
        service,
        name: name.into(),
        description: None,
        kind: EntitlementKind::ConsumptionService,
        unit,
        purchased,
        consumed,
        delivered_hours: None,
        action: None,
    }
}

fn benefit(id: &str, package: &str, name: &str, description: &str) -> Entitlement {
    Entitlement {
        description: Some(description.into()),
        kind: EntitlementKind::AdditionalBenefit,
        ..entitlement(id, package, Service::Other, name, Unit::Days, None, 0.0)
    }
}

fn line(e: Entitlement) -> ServiceLine {
    ServiceLine {
        href: format!("/customer-activity/entitlements/{}", e.id),
        entitlement: e,
    }
}

/// An add-on package card's props.
pub struct CardFixture {
    pub package: Package,
    pub expiry: Expiry,
    pub services: Vec<ServiceLine>,
    pub benefits: Vec<Entitlement>,
}

fn card(
    id: &str,
    name: &str,
    status: PackageStatus,
    start: &str,
    end: &str,
    services: Vec<Entitlement>,
    benefits: Vec<Entitlement>,
) -> CardFixture {
    let package = Package {
        id: id.into(),
        contract_id: "c-unified-2026".into(),
        name: name.into(),
        number: Some(format!("PKG-{}", id.to_uppercase())),
        status,
        start_date: start.into(),
        end_date: end.into(),
    };
    CardFixture {
        expiry: expiry(&package, today()),
        package,
        services: services.into_iter().map(line).collect(),
        benefits,
    }
}

fn two_services(p: &str) -> Vec<Entitlement> {
    vec![
        entitlement(
            &format!("{p}-dse"),
            p,
            Service::DesignatedSupportEngineering,
            "Designated Support Engineering",
            Unit::Hours,
            Some(200.0),
            84.5,
        ),
        entitlement(
            &format!("{p}-ws"),
            p,
            Service::Workshops,
            "Security workshops",
            Unit::Workshops,
            Some(4.0),
            4.0,
        ),
    ]
}

/// Active, ending well beyond the 90-day warning.
pub fn card_active() -> CardFixture {
    card(
        "active",
        "Azure Success Plan",
        PackageStatus::Active,
        "2026-07-01",
        "2027-06-30",
        two_services("active"),
        vec![],
    )
}

/// Ends 30 days after today.
pub fn card_expiring() -> CardFixture {
    card(
        "expiring",
        "Modern Work Accelerator",
        PackageStatus::Active,
        "2025-12-28",
        "2026-12-27",
        vec![entitlement(
            "expiring-pc",
            "expiring",
            Service::ProactiveCredits,
            "Proactive credits",
            Unit::Credits,
            Some(500.0),
            480.0,
        )],
        vec![],
    )
}

/// Its last day is today.
pub fn card_ends_today() -> CardFixture {
    card(
        "today",
        "Data Platform Health Check",
        PackageStatus::Active,
        "2025-11-28",
        "2026-11-27",
        vec![entitlement(
            "today-as",
            "today",
            Service::AdvisorySupport,
            "Advisory support",
            Unit::Hours,
            Some(20.0),
            26.0,
        )],
        vec![],
    )
}

pub fn card_expired() -> CardFixture {
    card(
        "expired",
        "Windows Server Migration",
        PackageStatus::Inactive,
        "2025-10-01",
        "2026-09-30",
        vec![entitlement(
            "expired-rs",
            "expired",
            Service::ReactiveSupport,
            "Reactive support",
            Unit::Cases,
            None,
            9.0,
        )],
        vec![],
    )
}

/// No consumption services and no benefits.
pub fn card_empty() -> CardFixture {
    card(
        "empty",
        "Copilot Readiness",
        PackageStatus::Active,
        "2026-10-01",
        "2027-09-30",
        vec![],
        vec![],
    )
}

pub fn card_with_benefits() -> CardFixture {
    card(
        "benefits",
        "Mission Critical Add-on",
        PackageStatus::Active,
        "2026-01-01",
        "2027-12-31",
        two_services("benefits"),
        vec![
            benefit(
                "benefits-b1",
                "benefits",
                "Priority routing",
                "Critical cases go straight to the mission-critical team.",
            ),
            benefit(
                "benefits-b2",
                "benefits",
                "Quarterly service review",
                "A review of incidents and risks with your account team.",
            ),
        ],
    )
}

/// The usage bar's cases: (state, consumed, purchased), 40 hours capped.
pub const BARS: [(&str, f64, f64); 4] = [
    ("bar-0", 0.0, 40.0),
    ("bar-50", 20.0, 40.0),
    ("bar-95", 38.0, 40.0),
    ("bar-over", 46.0, 40.0),
];

const TITLES: [&str; 8] = [
    "Sign-in loop after conditional access change",
    "SQL Server availability group failover",
    "Exchange Online mail flow delays",
    "Teams meetings drop after 60 minutes",
    "Azure VM backup job fails",
    "Intune enrollment error 0x80180014",
    "SharePoint search returns stale results",
    "Defender alert flood on build agents",
];
const CONTACTS: [&str; 5] = [
    "Giulia Bianchi",
    "Marco Rossi",
    "Sara Conti",
    "Luca Ferrari",
    "Anna Ricci",
];
const PRODUCTS: [&str; 6] = [
    "Microsoft Entra ID",
    "SQL Server",
    "Exchange Online",
    "Microsoft Teams",
    "Azure Backup",
    "Microsoft Intune",
];
const SEVERITIES: [Severity; 4] = [Severity::Critical, Severity::A, Severity::B, Severity::C];

/// `n` support requests, generated deterministically: one every ~3 hours
/// going back from 2026-11-26, every third one still open.
pub fn support_requests(n: usize) -> Vec<ActivityRecord> {
    let end = ms(2026, 11, 26);
    (0..n)
        .map(|i| {
            let created = end - (i as i64) * 10_800_000 - ((i * 7919) % 3_600) as i64 * 1000;
            let open = i % 3 == 0;
            let instant = |ms: i64| {
                chrono::DateTime::from_timestamp_millis(ms)
                    .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                    .unwrap_or_default()
            };
            ActivityRecord::SupportRequest(SupportRequest {
                id: format!("sr-{i}"),
                case_number: format!("2611{:08}", 260_000 + i),
                title: TITLES[i % TITLES.len()].into(),
                severity: (i % 11 != 5).then(|| SEVERITIES[i % SEVERITIES.len()]),
                status: if open {
                    CaseStatus::Open
                } else {
                    CaseStatus::Closed
                },
                created_at: instant(created),
                closed_at: (!open).then(|| instant(created + 172_800_000)),
                primary_contact: Some(CONTACTS[i % CONTACTS.len()].into()),
                product: Some(PRODUCTS[i % PRODUCTS.len()].into()),
                workspace_id: Some("ws-milano".into()),
                quantity: 1.0,
            })
        })
        .collect()
}

fn ms(y: i32, m: u32, d: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
        .unwrap_or_default()
}

/// Cumulative hours since September, a 40-hour cap, and the forecast's
/// line from today to when the cap is reached.
pub fn chart_with_cap_and_forecast() -> ChartData {
    ChartData {
        points: vec![
            (ms(2026, 9, 3), 4.0),
            (ms(2026, 9, 17), 7.5),
            (ms(2026, 10, 1), 12.0),
            (ms(2026, 10, 14), 16.0),
            (ms(2026, 10, 29), 21.5),
            (ms(2026, 11, 12), 25.0),
            (ms(2026, 11, 24), 28.0),
        ],
        cap: Some(40.0),
        forecast: Some([(ms(2026, 11, 27), 28.0), (ms(2027, 1, 22), 40.0)]),
    }
}

/// The four ways a request fails.
pub fn error_network() -> ApiError {
    ApiError::Network("TypeError: Failed to fetch".into())
}

pub fn error_500() -> ApiError {
    ApiError::Http {
        status: 500,
        title: Some("Internal Server Error".into()),
        detail: Some("The activity service is unavailable.".into()),
        retry_after: None,
    }
}

pub fn error_decode() -> ApiError {
    ApiError::Decode("missing field `contracts` at line 1 column 212".into())
}

pub fn error_timeout() -> ApiError {
    ApiError::Timeout
}

/// Flagged items, one of each kind a designer is likely to meet.
pub fn findings() -> Vec<Finding> {
    let f = |list, id: &str, flaw| Finding {
        list,
        id: id.into(),
        flaw,
    };
    vec![
        f("entitlements", "e-104", Flaw::NegativeQuantity),
        f("entitlements", "e-117", Flaw::UnknownService),
        f("packages", "p-9", Flaw::EndBeforeStart),
        f("records", "sr-2291", Flaw::BadDate("createdAt")),
        f(
            "records",
            "sr-2305",
            Flaw::Unreadable("invalid type: null, expected a string".into()),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_have_the_expiry_their_state_says() {
        assert_eq!(
            card_active().expiry,
            Expiry::Expires {
                date: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
                days_left: None
            }
        );
        assert!(matches!(
            card_expiring().expiry,
            Expiry::Expires {
                days_left: Some(30),
                ..
            }
        ));
        assert!(matches!(
            card_ends_today().expiry,
            Expiry::Expires {
                days_left: Some(0),
                ..
            }
        ));
        assert!(matches!(card_expired().expiry, Expiry::Expired { .. }));
    }

    #[test]
    fn generated_rows_are_deterministic_and_dated() {
        let a = support_requests(100_000);
        assert_eq!(a.len(), 100_000);
        assert_eq!(a[..50], support_requests(50)[..]);
        let ActivityRecord::SupportRequest(first) = &a[0] else {
            panic!("a support request")
        };
        assert!(first.created_at.starts_with("2026-11-2"));
    }
}
