//! Generators of documents, records and selections.

use super::*;

// ---------------------------------------------------------------- generators

/// The user's workspaces; `w4` belongs to someone else.
pub(super) const MY_WS: [&str; 3] = ["w1", "w2", "w3"];
pub(super) const ALL_WS: [&str; 4] = ["w1", "w2", "w3", "w4"];

pub(super) fn me_of(current: &str) -> Me {
    Me {
        id: "u".into(),
        display_name: "U".into(),
        email: None,
        roles: vec![Role::CustomerAdmin],
        workspaces: MY_WS
            .iter()
            .map(|w| Workspace {
                id: (*w).into(),
                name: (*w).into(),
            })
            .collect(),
        current_workspace_id: current.into(),
    }
}

/// A day relative to 2026-01-01.
pub(super) fn day(n: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::TimeDelta::days(i64::from(n))
}

/// A calendar date around 2026, or a string that is not one.
pub(super) fn date_str() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0i32..800).prop_map(|n| day(n).format("%Y-%m-%d").to_string()),
        1 => select(&[
            "",
            "2026-02-30",
            "someday",
            " 2026-03-01 ",
            "2026-3-1",
            "0000-01-01",
            "9999-12-31",
            "+262142-12-31",
            "-262143-01-01",
            "2026-06-01T00:00:00Z",
            "31/12/2026",
        ][..])
        .prop_map(String::from),
        1 => "\\PC{0,12}",
    ]
}

/// A date or an instant as records carry them, or junk.
pub(super) fn instant_str() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0i64..800 * 86_400, 0u8..3).prop_map(|(s, form)| {
            let t = chrono::DateTime::from_timestamp(1_767_225_600 + s, 0).unwrap();
            match form {
                0 => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                1 => t.format("%Y-%m-%dT%H:%M:%S+02:00").to_string(),
                _ => t.format("%Y-%m-%d").to_string(),
            }
        }),
        1 => date_str(),
    ]
}

/// Mostly ordinary quantities, and every kind of number a server may send.
pub(super) fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => (0u32..100_000).prop_map(|n| f64::from(n) / 100.0),
        2 => select(&[
            0.0,
            -0.0,
            -1.0,
            -0.001,
            0.001,
            0.004,
            0.1,
            0.2,
            1e12,
            1e15,
            1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ][..]),
        1 => any::<f64>(),
    ]
}

/// A number a tile sums exactly enough to compare with a plain sum.
pub(super) fn is_ordinary(x: f64) -> bool {
    x.is_finite() && x.abs() <= 1e12
}

pub(super) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(&[
            "Alpha", "alpha", "Città", "citta", "ÉLAN", "elan", "", " ", "=1+1", "-2", "@SUM(A1)",
            "\tx", "\rx", "a,b", "\"q\"", "line\nbreak", "Zeta outage",
        ][..])
        .prop_map(String::from),
        1 => "\\PC{0,10}",
    ]
}

pub(super) fn id(prefix: &'static str, n: usize) -> impl Strategy<Value = String> {
    (0..n).prop_map(move |i| format!("{prefix}{i}"))
}

pub(super) fn contract() -> impl Strategy<Value = Contract> {
    (
        id("c", 6),
        date_str(),
        date_str(),
        prop::collection::vec(select(&ALL_WS[..]), 0..4),
    )
        .prop_map(|(id, start, end, ws)| Contract {
            number: format!("U-{id}"),
            name: format!("Contract {id}"),
            id,
            kind: None,
            start_date: start,
            end_date: end,
            workspace_ids: ws.into_iter().map(String::from).collect(),
        })
}

pub(super) fn service() -> impl Strategy<Value = Service> {
    prop_oneof![
        8 => select(Service::ALL),
        1 => Just(Service::Unknown)
    ]
}

pub(super) fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        8 => select(&[Unit::Hours, Unit::Credits, Unit::Cases, Unit::Days][..]),
        1 => select(Unit::ALL),
        1 => Just(Unit::Unknown)
    ]
}

pub(super) fn kind() -> impl Strategy<Value = EntitlementKind> {
    select(
        &[
            EntitlementKind::ConsumptionService,
            EntitlementKind::ConsumptionService,
            EntitlementKind::ConsumptionService,
            EntitlementKind::AdditionalBenefit,
            EntitlementKind::Unknown,
        ][..],
    )
}

/// An entitlement (its id is set by [`entitlements`]).
pub(super) fn entitlement() -> impl Strategy<Value = Entitlement> {
    (
        (id("c", 7), prop::option::weighted(0.3, id("p", 4))),
        (service(), kind(), unit()),
        (
            prop::option::weighted(0.7, number()),
            number(),
            prop::option::of(number()),
        ),
    )
        .prop_map(
            |((contract_id, package_id), (service, kind, unit), (purchased, consumed, dh))| {
                Entitlement {
                    id: String::new(),
                    contract_id,
                    package_id,
                    service,
                    name: "E".into(),
                    description: None,
                    kind,
                    unit,
                    purchased,
                    consumed,
                    delivered_hours: dh,
                    action: None,
                }
            },
        )
}

/// Entitlements with unique ids, so that each can be traced to a tile.
pub(super) fn entitlements() -> impl Strategy<Value = Vec<Entitlement>> {
    prop::collection::vec(entitlement(), 0..24).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                e.id = format!("e{i}");
                e
            })
            .collect()
    })
}

pub(super) fn package() -> impl Strategy<Value = Package> {
    (
        id("p", 5),
        id("c", 7),
        select(
            &[
                PackageStatus::Active,
                PackageStatus::Inactive,
                PackageStatus::Unknown,
            ][..],
        ),
        date_str(),
        date_str(),
    )
        .prop_map(|(id, contract_id, status, start, end)| Package {
            name: format!("Package {id}"),
            id,
            contract_id,
            number: None,
            status,
            start_date: start,
            end_date: end,
        })
}

pub(super) fn workspace_sel() -> impl Strategy<Value = WorkspaceSel> {
    prop_oneof![
        Just(WorkspaceSel::All),
        select(&ALL_WS[..]).prop_map(|w| WorkspaceSel::One(w.into())),
    ]
}

/// A record of any of the five kinds, with ids from a small pool so that
/// duplicates occur, and texts and enums from small pools so that ties do.
pub(super) fn record() -> impl Strategy<Value = ActivityRecord> {
    prop_oneof![
        (
            (id("r", 12), text(), text()),
            (
                prop::option::of(select(Severity::ALL)),
                select(CaseStatus::ALL)
            ),
            (instant_str(), prop::option::weighted(0.6, instant_str())),
            (prop::option::of(text()), number()),
        )
            .prop_map(
                |(
                    (id, case_number, title),
                    (severity, status),
                    (created_at, closed_at),
                    (product, quantity),
                )| {
                    ActivityRecord::SupportRequest(SupportRequest {
                        id,
                        case_number,
                        title,
                        severity,
                        status,
                        created_at,
                        closed_at,
                        primary_contact: None,
                        product: product.map(Into::into),
                        workspace_id: None,
                        url: None,
                        quantity,
                    })
                }
            ),
        (
            (
                id("r", 12),
                text(),
                prop::option::of(select(DeliveryType::ALL))
            ),
            (select(DeliveryStatus::ALL), instant_str()),
            (prop::option::of(instant_str()), prop::option::of(number())),
            number(),
        )
            .prop_map(
                |((id, service_name, delivery_type), (status, start_date), (end_date, dh), q)| {
                    ActivityRecord::ProactiveDelivery(ProactiveDelivery {
                        id,
                        engagement_id: None,
                        service_name: service_name.into(),
                        delivery_type,
                        status,
                        start_date,
                        end_date,
                        delivered_hours: dh,
                        resource: None,
                        url: None,
                        quantity: q,
                    })
                }
            ),
        (
            (id("r", 12), text(), text()),
            (
                prop::option::of(select(ActivityType::ALL)),
                select(EducationStatus::ALL)
            ),
            (instant_str(), prop::option::of(instant_str())),
            (prop::option::of(number()), number()),
        )
            .prop_map(
                |(
                    (id, learner_name, activity_title),
                    (activity_type, status),
                    (started_at, completed_at),
                    (hours, quantity),
                )| {
                    ActivityRecord::EducationActivity(EducationActivity {
                        id,
                        learner_name,
                        learner_email: None,
                        activity_title: activity_title.into(),
                        activity_type,
                        started_at,
                        status,
                        completed_at,
                        hours,
                        quantity,
                    })
                }
            ),
        (
            (id("r", 12), text()),
            (
                prop::option::of(select(ContactRole::ALL)),
                select(ContactStatus::ALL)
            ),
            (prop::option::of(instant_str()), number()),
        )
            .prop_map(|((id, name), (role, status), (added_at, quantity))| {
                ActivityRecord::SupportContact(SupportContact {
                    id,
                    name,
                    email: None,
                    role,
                    status,
                    added_at,
                    quantity,
                })
            }),
        (
            (id("r", 12), text()),
            (
                select(AssessmentStatus::ALL),
                prop::option::of(instant_str())
            ),
            (prop::option::of(instant_str()), number()),
        )
            .prop_map(
                |((id, assessment_name), (status, setup_date), (last, quantity))| {
                    ActivityRecord::AssessmentSetup(AssessmentSetup {
                        id,
                        assessment_name,
                        technology: None,
                        status,
                        setup_date,
                        last_collected_at: last,
                        log_analytics_workspace: None,
                        quantity,
                    })
                }
            ),
    ]
}

pub(super) fn additional_case() -> impl Strategy<Value = AdditionalCase> {
    (
        (text(), select(CaseService::ALL), select(CaseReason::ALL)),
        (
            prop::option::of(select(&ALL_WS[..])),
            instant_str(),
            prop::option::of(number()),
        ),
    )
        .prop_map(
            |((case_number, service, reason), (ws, created_at, hours))| AdditionalCase {
                case_number,
                title: "t".into(),
                service,
                reason,
                classification: None,
                contract_number: None,
                workspace_id: ws.map(Into::into),
                created_at,
                status: None,
                url: None,
                hours,
            },
        )
}

/// Enum words that collide ("closed" and "critical" both read "C"), so that
/// sorting by an enum column has ties across different values.
pub(super) fn label(w: &'static str) -> String {
    w.chars().take(1).collect::<String>().to_uppercase()
}
