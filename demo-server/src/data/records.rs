//! Support requests and proactive deliveries: the records behind Support As
//! Needed and Integrated Proactive Services.

use super::people::{user_name, PATTERNS, PRODUCTS, RESOURCES};
use super::rng::Lcg;
use super::{contracts::WS_CONTOSO, Ctx, Rec};
use ca_contract::{
    ActivityRecord, CaseStatus, DeliveryStatus, DeliveryType, ProactiveDelivery, Service, Severity,
    SupportRequest, Unit,
};
use std::sync::Arc;

/// The title that must render as text, never as markup.
pub const MARKUP_TITLE: &str =
    "Banner shows <b>bold</b> & <script>x</script> after the portal update";

pub const TITLES: &[&str] = &[
    "Mail flow delays to external domains",
    "Availability group failover does not complete",
    "VM fails to start after resize to D8s_v5",
    "Meeting recordings missing from OneDrive",
    "Sign-in loop for guest users with Conditional Access",
    "Slow queries after upgrade to compatibility level 150",
    "Intune compliance policy not applied to iOS devices",
    "AKS node pool stuck in Updating state",
    "SharePoint site collection quota reached unexpectedly",
    "Errore 0x80070005 durante l'aggiornamento cumulativo",
    "Defender alerts flood after onboarding new servers",
    "Dynamics 365 plug-in timeout on opportunity save",
    "Certificate renewal broke LDAPS on domain controllers",
    "Azure SQL DTU spikes every night at 02:00",
    "Teams Rooms devices reboot during meetings",
    "Hybrid join fails for devices in the Milan OU",
    "Guidance: sizing the new data warehouse on Azure",
    "Guidance: landing zone design review for the Rome region",
    "Backup jobs fail with VSS error on file servers",
    "Outlook prompts for credentials repeatedly",
];

const SEVERITIES: [Option<Severity>; 8] = [
    Some(Severity::B),
    Some(Severity::C),
    Some(Severity::A),
    Some(Severity::B),
    None,
    Some(Severity::Critical),
    Some(Severity::C),
    Some(Severity::B),
];

pub fn support_requests(c: &Ctx, qty: &[f64], rng: &mut Lcg) -> Vec<Rec> {
    let n = qty.len();
    (0..n)
        .map(|i| {
            let day = c.day(i, n, rng);
            let access = PATTERNS[i % PATTERNS.len()];
            let ws = if c.workspaces.is_empty() {
                WS_CONTOSO.to_string()
            } else {
                c.workspaces[i % c.workspaces.len()].clone()
            };
            let title = if c.ent_id == "e-cu-reactive" && i == 3 {
                MARKUP_TITLE
            } else {
                *rng.pick(TITLES)
            };
            let open = day.0 >= c.today.0 - 21 || i % 7 == 3;
            let closed_day = day.plus(rng.range(0, 12)).min(c.today.plus(-1)).max(day);
            let case_number = format!(
                "{}{:010}",
                day.case_prefix(),
                40_000_000 + rng.range(0, 9_999_999)
            );
            let (hour, minute) = (rng.range(7, 18) as u32, rng.range(0, 59) as u32);
            let closed_hour = if closed_day == day {
                rng.range(i64::from(hour) + 1, 23)
            } else {
                rng.range(8, 19)
            } as u32;
            // Most requests link to Services Hub; a few have no link, and one
            // carries a script URL, which the page must show as text.
            let url = match i % 9 {
                4 => None,
                _ if c.ent_id == "e-cu-reactive" && i == 5 => {
                    Some("javascript:alert(document.domain)".to_owned())
                }
                _ => Some(format!("{SERVICES_HUB}/support/requests/{case_number}")),
            };
            let r = SupportRequest {
                id: format!("sr-{}-{:03}", c.ent_id, i + 1),
                case_number,
                title: title.to_string(),
                severity: SEVERITIES[(i * 3 + 1) % SEVERITIES.len()],
                status: if open {
                    CaseStatus::Open
                } else {
                    CaseStatus::Closed
                },
                created_at: day.at(hour, minute),
                closed_at: (!open).then(|| closed_day.at(closed_hour, rng.range(0, 59) as u32)),
                primary_contact: Some(user_name(access.primary_contact).into()),
                product: (i % 11 != 10).then(|| Arc::from(*rng.pick(PRODUCTS))),
                workspace_id: Some(ws.into()),
                url,
                quantity: qty[i],
            };
            Rec {
                record: ActivityRecord::SupportRequest(r),
                access: Some(access),
            }
        })
        .collect()
}

/// Where the demo's records link to (the items of Services Hub).
pub const SERVICES_HUB: &str = "https://serviceshub.microsoft.com";

/// Catalogue entries by delivery type.
fn catalogue(t: DeliveryType, service: Service) -> &'static [&'static str] {
    if service == Service::Other {
        return &[
            "Service Delivery Review",
            "Quarterly Business Review",
            "Escalation management",
            "Onboarding and service planning",
        ];
    }
    match t {
        DeliveryType::Workshop => &[
            "WorkshopPLUS: Windows Server Hardening",
            "WorkshopPLUS: Azure Governance",
            "Workshop: Microsoft 365 Copilot Readiness",
        ],
        DeliveryType::Assessment => &[
            "Active Directory Security Assessment",
            "SQL Server Health Check",
            "Azure Well-Architected Review",
        ],
        DeliveryType::Dse => &[
            "DSE: monthly operations review",
            "DSE: incident trend analysis",
            "DSE: change readiness",
        ],
        DeliveryType::Webcast => &[
            "Webcast: Zero Trust fundamentals",
            "Webcast: Intune what's new",
            "Webcast: Azure cost optimisation",
        ],
        DeliveryType::Remediation => &[
            "Remediation: Exchange hybrid",
            "Remediation: SQL Server performance",
            "Remediation: AD tiering model",
        ],
        _ => &[
            "Custom: data platform modernisation",
            "Custom: SAP landing zone review",
            "Custom: store network resilience",
        ],
    }
}

/// Hours of work behind a quantity in the entitlement's unit.
fn hours_of(q: f64, unit: Unit) -> f64 {
    let h = match unit {
        Unit::Credits => q * 0.8,
        Unit::Days => q * 8.0,
        Unit::Workshops => q * 24.0,
        _ => q,
    };
    (h * 4.0).round() / 4.0
}

pub fn proactive_deliveries(c: &Ctx, qty: &[f64], rng: &mut Lcg) -> Vec<Rec> {
    let n = qty.len();
    (0..n)
        .map(|i| {
            let mut day = c.day(i, n, rng);
            let kind = match c.service {
                Service::DesignatedSupportEngineering if i % 3 != 2 => DeliveryType::Dse,
                Service::Workshops if i % 2 == 0 => DeliveryType::Workshop,
                Service::Other => DeliveryType::Custom,
                _ => DeliveryType::ALL[i % DeliveryType::ALL.len()],
            };
            let q = qty[i];
            let status = if c.upcoming {
                DeliveryStatus::Scheduled
            } else if q == 0.0 {
                DeliveryStatus::Cancelled
            } else {
                match i % 9 {
                    4 => DeliveryStatus::InProgress,
                    7 => DeliveryStatus::Scheduled,
                    _ => DeliveryStatus::Delivered,
                }
            };
            if status == DeliveryStatus::Scheduled && !c.upcoming {
                day = c.today.plus(rng.range(3, 40));
            }
            let delivered = status == DeliveryStatus::Delivered;
            let end = day.plus(rng.range(0, 4)).min(c.today.plus(-1)).max(day);
            let engagement_id =
                (i % 10 != 9).then(|| format!("ENG-{:06}", rng.range(100_000, 999_999)));
            let url = engagement_id
                .as_ref()
                .map(|e| format!("{SERVICES_HUB}/proactive/engagements/{e}"));
            let r = ProactiveDelivery {
                id: format!("pd-{}-{:03}", c.ent_id, i + 1),
                engagement_id,
                service_name: Arc::from(*rng.pick(catalogue(kind, c.service))),
                delivery_type: (i % 13 != 12).then_some(kind),
                status,
                start_date: day.to_string(),
                end_date: delivered.then(|| end.to_string()),
                delivered_hours: delivered.then(|| hours_of(q, c.unit)),
                resource: Some(Arc::from(*rng.pick(RESOURCES))),
                url,
                quantity: q,
            };
            Rec {
                record: ActivityRecord::ProactiveDelivery(r),
                access: None,
            }
        })
        .collect()
}
