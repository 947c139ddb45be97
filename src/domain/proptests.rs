//! Property-based tests of the domain over generated documents: contracts,
//! entitlements and packages with arbitrary dates (unparseable ones too),
//! NaN, negative and huge numbers, null `purchased`, duplicate ids and random
//! workspace mappings. Each property runs [`CASES`] cases by default so that
//! `cargo test` stays fast; `PROPTEST_CASES=N` runs more (see SECURITY.md).
//! A failure prints the minimal input that breaks the property.

use super::cases::cases_in_view;
use super::csv_export::{neutralise, write};
use super::dates::parse_any_ms;
use super::enterprise::{tiles, TileGroup};
use super::forecast::{cumulative, forecast, Outcome};
use super::grid::{
    columns, dominant_kind, filter_order, haystacks, sort_order, Cell, ColId, GridRow, SortDir,
    SortSpec, CASE_COLUMNS,
};
use super::packages::{packages_in_view, StatusFilter};
use super::text::fold;
use super::usage::Usage;
use super::validate::{check_activity, check_records, Flaw};
use super::view::{active_contracts, contracts_in_view, WorkspaceSel};
use ca_contract::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::HashSet;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 64;

fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            CASES
        },
        // No regression files in the source tree: a failure prints its input.
        failure_persistence: None,
        ..base
    }
}

// ---------------------------------------------------------------- generators

/// The user's workspaces; `w4` belongs to someone else.
const MY_WS: [&str; 3] = ["w1", "w2", "w3"];
const ALL_WS: [&str; 4] = ["w1", "w2", "w3", "w4"];

fn me_of(current: &str) -> Me {
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
fn day(n: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::TimeDelta::days(i64::from(n))
}

/// A calendar date around 2026, or a string that is not one.
fn date_str() -> impl Strategy<Value = String> {
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
fn instant_str() -> impl Strategy<Value = String> {
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
fn number() -> impl Strategy<Value = f64> {
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
fn is_ordinary(x: f64) -> bool {
    x.is_finite() && x.abs() <= 1e12
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(&[
            "Alpha", "alpha", "Città", "citta", "ÉLAN", "elan", "", " ", "=1+1", "-2", "@SUM(A1)",
            "\tx", "\rx", "a,b", "\"q\"", "line\nbreak", "Zeta outage",
        ][..])
        .prop_map(String::from),
        1 => "\\PC{0,10}",
    ]
}

fn id(prefix: &'static str, n: usize) -> impl Strategy<Value = String> {
    (0..n).prop_map(move |i| format!("{prefix}{i}"))
}

fn contract() -> impl Strategy<Value = Contract> {
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

fn service() -> impl Strategy<Value = Service> {
    prop_oneof![
        8 => select(Service::ALL),
        1 => Just(Service::Unknown)
    ]
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        8 => select(&[Unit::Hours, Unit::Credits, Unit::Cases, Unit::Days][..]),
        1 => select(Unit::ALL),
        1 => Just(Unit::Unknown)
    ]
}

fn kind() -> impl Strategy<Value = EntitlementKind> {
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
fn entitlement() -> impl Strategy<Value = Entitlement> {
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
fn entitlements() -> impl Strategy<Value = Vec<Entitlement>> {
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

fn package() -> impl Strategy<Value = Package> {
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

fn workspace_sel() -> impl Strategy<Value = WorkspaceSel> {
    prop_oneof![
        Just(WorkspaceSel::All),
        select(&ALL_WS[..]).prop_map(|w| WorkspaceSel::One(w.into())),
    ]
}

/// A record of any of the five kinds, with ids from a small pool so that
/// duplicates occur, and texts and enums from small pools so that ties do.
fn record() -> impl Strategy<Value = ActivityRecord> {
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
                        product,
                        workspace_id: None,
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
                        service_name,
                        delivery_type,
                        status,
                        start_date,
                        end_date,
                        delivered_hours: dh,
                        resource: None,
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
                        activity_title,
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

fn additional_case() -> impl Strategy<Value = AdditionalCase> {
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
                workspace_id: ws.map(String::from),
                created_at,
                status: None,
                hours,
            },
        )
}

/// Enum words that collide ("closed" and "critical" both read "C"), so that
/// sorting by an enum column has ties across different values.
fn label(w: &'static str) -> String {
    w.chars().take(1).collect::<String>().to_uppercase()
}

// -------------------------------------------------------------------- tiles

proptest! {
    #![proptest_config(config())]

    /// Each tile is the per-unit sum of exactly the enterprise consumption
    /// services of the contracts in view that belong to its group: units are
    /// never mixed, consumed is the sum of the parts, and purchased is `None`
    /// exactly when some part is uncapped.
    #[test]
    fn tiles_are_the_sum_of_their_parts(
        contracts in prop::collection::vec(contract(), 0..8),
        ents in entitlements(),
        sel in workspace_sel(),
        today in 0i32..800,
        active_only in any::<bool>(),
    ) {
        let me = me_of("w1");
        let in_view = if active_only {
            active_contracts(&contracts, &sel, &me, day(today))
        } else {
            contracts_in_view(&contracts, &sel, &me)
        };
        let ids: HashSet<&str> = in_view.iter().map(|c| c.id.as_str()).collect();
        let ts = tiles(&ents, &in_view);

        let groups: Vec<TileGroup> = ts.iter().map(|t| t.group).collect();
        let want_groups: Vec<TileGroup> = TileGroup::ALL
            .into_iter()
            .filter(|g| {
                ents.iter().any(|e| {
                    e.package_id.is_none()
                        && e.kind == EntitlementKind::ConsumptionService
                        && TileGroup::of(e.service) == Some(*g)
                        && ids.contains(e.contract_id.as_str())
                })
            })
            .collect();
        prop_assert_eq!(groups, want_groups, "a tile for each group with something in view, in order");

        for t in &ts {
            let parts: Vec<&Entitlement> = ents
                .iter()
                .filter(|e| {
                    e.package_id.is_none()
                        && e.kind == EntitlementKind::ConsumptionService
                        && TileGroup::of(e.service) == Some(t.group)
                        && ids.contains(e.contract_id.as_str())
                })
                .collect();
            let part_ids: Vec<&str> = parts.iter().map(|e| e.id.as_str()).collect();
            prop_assert_eq!(&t.entitlement_ids, &part_ids);

            // Units: distinct, in order of first appearance, never mixed.
            let mut units: Vec<Unit> = Vec::new();
            for e in &parts {
                if !units.contains(&e.unit) {
                    units.push(e.unit);
                }
            }
            let tile_units: Vec<Unit> = t.totals.iter().map(|u| u.unit).collect();
            prop_assert_eq!(&tile_units, &units, "one total per unit");

            for total in &t.totals {
                let mine: Vec<&&Entitlement> =
                    parts.iter().filter(|e| e.unit == total.unit).collect();
                let n = mine.len() as f64;
                let consumed: Vec<f64> = mine.iter().map(|e| e.consumed).collect();
                check_sum(total.usage.consumed, &consumed, n)?;
                let capped: Option<Vec<f64>> = mine.iter().map(|e| e.purchased).collect();
                match (total.usage.purchased, capped) {
                    (None, None) => {}
                    (Some(p), Some(parts)) => check_sum(p, &parts, n)?,
                    (got, want) => prop_assert!(
                        false,
                        "purchased {:?} but parts {:?}: None iff some part is uncapped",
                        got,
                        want
                    ),
                }
            }

            let dh_ok = match t.delivered_hours {
                None => t.group != TileGroup::IntegratedProactiveServices,
                Some(h) => t.group == TileGroup::IntegratedProactiveServices && !h.is_nan(),
            };
            prop_assert!(dh_ok, "delivered hours only on the proactive tile, never NaN: {:?}", t);
        }
    }

    /// Under All, a contract mapped to several of the user's workspaces (or
    /// listed twice) counts once: each entitlement is in at most one tile, at
    /// most once, and All sums exactly the contracts mapped to any of the
    /// user's workspaces.
    #[test]
    fn a_contract_counts_once_under_all(
        contracts in prop::collection::vec(contract(), 0..8),
        ents in entitlements(),
    ) {
        let me = me_of("w1");
        let all = contracts_in_view(&contracts, &WorkspaceSel::All, &me);
        let all_ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        let unique: HashSet<&str> = all_ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), all_ids.len(), "each contract once");
        let mapped: HashSet<&str> = contracts
            .iter()
            .filter(|c| c.workspace_ids.iter().any(|w| MY_WS.contains(&w.as_str())))
            .map(|c| c.id.as_str())
            .collect();
        prop_assert_eq!(&unique, &mapped);

        let ts = tiles(&ents, &all);
        let counted: Vec<&str> = ts
            .iter()
            .flat_map(|t| t.entitlement_ids.iter().map(String::as_str))
            .collect();
        let distinct: HashSet<&str> = counted.iter().copied().collect();
        prop_assert_eq!(distinct.len(), counted.len(), "no entitlement counted twice");
        let want: HashSet<&str> = ents
            .iter()
            .filter(|e| {
                e.package_id.is_none()
                    && e.kind == EntitlementKind::ConsumptionService
                    && TileGroup::of(e.service).is_some()
                    && mapped.contains(e.contract_id.as_str())
            })
            .map(|e| e.id.as_str())
            .collect();
        prop_assert_eq!(distinct, want, "All sums every entitlement of a mapped contract");

        // All is the union of the single workspaces, without repeats.
        let mut union: HashSet<&str> = HashSet::new();
        for w in MY_WS {
            let one = contracts_in_view(&contracts, &WorkspaceSel::One(w.into()), &me);
            union.extend(one.iter().map(|c| c.id.as_str()));
        }
        prop_assert_eq!(union, unique);
    }
}

/// `got` is the sum of `parts` (rounded to cents at each step): close to the
/// plain sum when every part is ordinary, NaN when a part is NaN.
fn check_sum(got: f64, parts: &[f64], n: f64) -> Result<(), TestCaseError> {
    if parts.iter().all(|x| is_ordinary(*x)) {
        let want: f64 = parts.iter().sum();
        prop_assert!(
            (got - want).abs() <= 0.005 * n + 1e-6 + want.abs() * 1e-12,
            "sum {} of {:?} should be {}",
            got,
            parts,
            want
        );
    } else if parts.iter().any(|x| x.is_nan()) {
        prop_assert!(
            got.is_nan(),
            "a NaN part makes the sum NaN: {} of {:?}",
            got,
            parts
        );
    }
    Ok(())
}

// ------------------------------------------------------------------ filters

proptest! {
    #![proptest_config(config())]

    /// Every filter only narrows: active ⊆ in view, one workspace ⊆ All, a
    /// package or a status ⊆ without it, cases of one workspace ⊆ All.
    #[test]
    fn filters_only_narrow(
        contracts in prop::collection::vec(contract(), 0..8),
        packages in prop::collection::vec(package(), 0..10),
        cases in prop::collection::vec(additional_case(), 0..10),
        sel in workspace_sel(),
        today in 0i32..800,
        contract_id in id("c", 7),
        package_id in id("p", 5),
        current in select(&ALL_WS[..]),
    ) {
        let me = me_of(current);
        let seen = |v: &[&Contract]| v.iter().map(|c| *c as *const Contract).collect::<HashSet<_>>();
        let in_view = contracts_in_view(&contracts, &sel, &me);
        let active = active_contracts(&contracts, &sel, &me, day(today));
        prop_assert!(seen(&active).is_subset(&seen(&in_view)));
        let all = contracts_in_view(&contracts, &WorkspaceSel::All, &me);
        // One of the user's workspaces (the only kind the query yields) ⊆ All.
        let mine = matches!(&sel, WorkspaceSel::One(w) if MY_WS.contains(&w.as_str()));
        if mine {
            let ids = |v: &[&Contract]| v.iter().map(|c| c.id.clone()).collect::<HashSet<_>>();
            prop_assert!(ids(&in_view).is_subset(&ids(&all)));
        }

        let p = |v: Vec<&Package>| v.iter().map(|p| *p as *const Package).collect::<HashSet<_>>();
        for status in StatusFilter::ALL {
            let wide = packages_in_view(&packages, &contract_id, None, status);
            prop_assert!(wide.iter().all(|x| x.contract_id == contract_id));
            let narrow = packages_in_view(&packages, &contract_id, Some(&package_id), status);
            prop_assert!(narrow.iter().all(|x| x.id == package_id));
            prop_assert!(p(narrow).is_subset(&p(wide.clone())));
            let any_status = packages_in_view(&packages, &contract_id, None, StatusFilter::All);
            prop_assert!(p(wide).is_subset(&p(any_status)));
        }

        let c = |v: Vec<&AdditionalCase>| v.iter().map(|x| *x as *const AdditionalCase).collect::<HashSet<_>>();
        let one = cases_in_view(&cases, &sel, &me);
        prop_assert!(one.iter().all(|x| x.workspace_id.is_some()));
        if mine || sel == WorkspaceSel::All {
            prop_assert!(c(one).is_subset(&c(cases_in_view(&cases, &WorkspaceSel::All, &me))));
        }

        // The workspace from the query is one of the user's (or the current).
        let q = WorkspaceSel::from_query(Some(sel.as_query()), &me);
        match q {
            WorkspaceSel::All => prop_assert!(me.workspaces.len() > 1),
            WorkspaceSel::One(w) => prop_assert!(MY_WS.contains(&w.as_str())),
        }
    }

    /// Filter rows: a longer query keeps a subset, in the same order, of what
    /// the shorter one keeps, and never adds rows not in the order given.
    #[test]
    fn grid_filter_only_narrows(
        rows in prop::collection::vec(record(), 0..20),
        q in "[a-zA-Zàé0-9 ]{0,5}",
        more in "[a-zA-Zàé0-9 ]{0,4}",
        col in 0usize..9,
        desc in any::<bool>(),
    ) {
        let cols = columns(dominant_kind(&rows, Service::ReactiveSupport));
        let sort = Some(SortSpec { col: cols[col % cols.len()], dir: if desc { SortDir::Desc } else { SortDir::Asc } });
        let hay = haystacks(&rows, cols, &label);
        let order = sort_order(&rows, sort, &label);
        let wide = filter_order(&order, &hay, &q);
        let narrow = filter_order(&order, &hay, &format!("{q}{more}"));
        prop_assert!(is_subsequence(&wide, &order), "filtering keeps the order");
        prop_assert!(is_subsequence(&narrow, &wide), "{:?} ⊄ {:?}", narrow, wide);
        let spaced = filter_order(&order, &hay, &format!("{q} {more}"));
        prop_assert!(is_subsequence(&spaced, &wide));
        prop_assert_eq!(filter_order(&order, &hay, "  "), order.clone());
    }
}

fn is_subsequence(small: &[u32], big: &[u32]) -> bool {
    let mut it = big.iter();
    small.iter().all(|x| it.any(|y| y == x))
}

// --------------------------------------------------------------------- sort

/// What a cell sorts by, as the grid documents it: folded text, enum words,
/// finite numbers, parseable dates; anything else sorts last.
#[derive(Debug, PartialEq, PartialOrd)]
enum Key {
    Num(f64),
    Text(String),
}

fn key(c: Cell<'_>) -> Option<Key> {
    match c {
        Cell::Text(s) => Some(Key::Text(fold(s))),
        Cell::Enum(w) => Some(Key::Text(fold(&label(w)))),
        Cell::Num(n) if n.is_finite() => Some(Key::Num(n)),
        Cell::Date(s) => parse_any_ms(s).map(|ms| Key::Num(ms as f64)),
        _ => None,
    }
}

fn check_sorted<R: GridRow>(rows: &[R], col: ColId, dir: SortDir) -> Result<(), TestCaseError> {
    let order = sort_order(rows, Some(SortSpec { col, dir }), &label);
    let mut sorted = order.clone();
    sorted.sort_unstable();
    prop_assert_eq!(
        sorted,
        (0..rows.len() as u32).collect::<Vec<_>>(),
        "a permutation"
    );
    for w in order.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ka, kb) = (
            key(rows[a as usize].cell(col)),
            key(rows[b as usize].cell(col)),
        );
        match (&ka, &kb) {
            (None, None) => prop_assert!(a < b, "unreadable values keep API order"),
            (None, Some(_)) => prop_assert!(false, "unreadable before readable: {:?}", order),
            (Some(_), None) => {}
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(y);
                let o = if dir == SortDir::Desc {
                    o.map(|o| o.reverse())
                } else {
                    o
                };
                match o {
                    Some(std::cmp::Ordering::Less) => {}
                    Some(std::cmp::Ordering::Equal) => {
                        prop_assert!(a < b, "ties keep API order: {} before {}", a, b)
                    }
                    other => prop_assert!(
                        false,
                        "{:?} before {:?} ({:?}) by {:?} {:?}",
                        ka,
                        kb,
                        other,
                        col,
                        dir
                    ),
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Sorting by any column, either way, is a stable permutation with
    /// unreadable values last.
    #[test]
    fn sort_order_is_a_stable_permutation(
        rows in prop::collection::vec(record(), 0..24),
        cases in prop::collection::vec(additional_case(), 0..12),
    ) {
        for kind in RecordKind::ALL {
            for col in columns(kind) {
                for dir in [SortDir::Asc, SortDir::Desc] {
                    check_sorted(&rows, *col, dir)?;
                }
            }
        }
        for col in CASE_COLUMNS {
            for dir in [SortDir::Asc, SortDir::Desc] {
                check_sorted(&cases, *col, dir)?;
            }
        }
        prop_assert_eq!(sort_order(&rows, None, &label), (0..rows.len() as u32).collect::<Vec<_>>());
    }
}

// -------------------------------------------------------- usage and forecast

proptest! {
    #![proptest_config(config())]

    /// What remains is never negative (nor NaN); "over" is positive only
    /// when more was consumed than purchased; the bar never passes the cap.
    #[test]
    fn usage_reads_sanely(consumed in number(), purchased in prop::option::of(number())) {
        let u = Usage::new(consumed, purchased);
        if let Some(r) = u.remaining() {
            prop_assert!(r >= 0.0, "remaining {} of {:?}", r, u);
        }
        if let Some(o) = u.over() {
            prop_assert!(!o.is_nan(), "over NaN: {:?}", u);
            if o > 0.0 {
                prop_assert!(purchased.is_some_and(|p| consumed > p), "over {} of {:?}", o, u);
            }
        }
        if let Some(p) = purchased {
            if consumed > p && is_ordinary(consumed) && is_ordinary(p) && consumed - p >= 0.005 {
                prop_assert!(u.over().is_some_and(|o| o > 0.0), "{:?} is over", u);
            }
        }
        match (u.purchased, u.bar_now(), u.percent()) {
            (None, bar, pct) => prop_assert!(bar.is_none() && pct.is_none()),
            (Some(p), Some(bar), Some(pct)) => {
                prop_assert!(bar >= 0.0 || bar.is_nan(), "bar {} of {:?}", bar, u);
                // The bar's maximum is the cap: for a sensible cap (flagged by
                // validate otherwise), the value never passes it.
                if p >= 0.0 {
                    prop_assert!(bar <= p, "bar {} passes cap {}", bar, p);
                }
                prop_assert!((0.0..=100.0).contains(&pct) || pct.is_nan(), "percent {}", pct);
            }
            // No bar for a cap that is not a number of 0 or more (validate
            // flags such an entitlement).
            (Some(p), None, None) => prop_assert!(!(p.is_finite() && p >= 0.0), "no bar for cap {}", p),
            other => prop_assert!(false, "{:?}", other),
        }
    }

    /// The forecast never panics, and a run-out day is never after the end
    /// (nor before today).
    #[test]
    fn forecast_never_panics_and_runs_out_in_time(
        records in prop::collection::vec(record(), 0..16),
        purchased in prop::option::weighted(0.9, number()),
        consumed in number(),
        start in -400i32..800,
        len in 0i32..800,
        today in -400i32..1200,
        extreme in 0u8..4,
    ) {
        let series = cumulative(&records);
        prop_assert!(series.windows(2).all(|w| w[0].0 <= w[1].0), "in time order");
        let (s, e, t) = match extreme {
            0 => (NaiveDate::MIN, NaiveDate::MAX, day(today)),
            1 => (day(start), NaiveDate::MAX, NaiveDate::MAX),
            _ => (
                day(start.max(0)),
                day(start.max(0) + len),
                day(today.max(0)),
            ),
        };
        if let Some(f) = forecast(&series, purchased, consumed, s, e, t) {
            if let Outcome::RunsOut { date } = f.outcome {
                prop_assert!(date <= e, "runs out {} after the end {}", date, e);
                prop_assert!(date >= t, "runs out {} before today {}", date, t);
            }
            prop_assert!(s <= t && t <= e, "a forecast only within the period");
        }
    }
}

// ---------------------------------------------------------------------- CSV

proptest! {
    #![proptest_config(config())]

    /// No cell of an export can start a formula: neutralise never returns a
    /// string that begins with = + - @ tab or CR, changes only such cells,
    /// and the CSV reads back to exactly the neutralised cells.
    #[test]
    fn csv_cells_never_start_a_formula(
        cells in prop::collection::vec(
            prop_oneof![text(), "[=+\\-@\t\r]\\PC{0,6}", any::<String>()],
            1..6,
        ),
    ) {
        for c in &cells {
            let n = neutralise(c);
            prop_assert!(
                !n.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{:?} -> {:?}", c, n
            );
            let prefixed = format!("'{c}");
            prop_assert!(n == *c || n == prefixed, "{:?} -> {:?}", c, n);
        }
        let out = write([cells.clone(), cells.clone()]);
        prop_assert!(out.starts_with(super::csv_export::BOM), "BOM first");
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let mut n = 0;
        for rec in rd.records() {
            let rec = rec.map_err(|e| TestCaseError::fail(e.to_string()))?;
            let got: Vec<&str> = rec.iter().collect();
            let want: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
            prop_assert_eq!(got, want.iter().map(String::as_str).collect::<Vec<_>>());
            n += 1;
        }
        prop_assert_eq!(n, 2, "one record per row");
    }
}

// --------------------------------------------------------------- validation

proptest! {
    #![proptest_config(config())]

    /// Validation never panics on any document, flags every non-finite or
    /// negative quantity and every bad date, and names only items it was
    /// given.
    #[test]
    fn validation_never_panics_and_flags_bad_numbers(
        contracts in prop::collection::vec(contract(), 0..8),
        ents in prop::collection::vec(entitlement(), 0..16),
        packages in prop::collection::vec(package(), 0..8),
        records in prop::collection::vec(record(), 0..16),
        asked in id("e", 3),
        answered in id("e", 3),
        ent_ids in prop::collection::vec(id("e", 6), 16),
    ) {
        let ents: Vec<Entitlement> = ents
            .into_iter()
            .zip(ent_ids)
            .map(|(mut e, id)| {
                e.id = id;
                e
            })
            .collect();
        let doc = CustomerActivity {
            generated_at: "x".into(),
            workspaces: Lenient::default(),
            contracts: contracts.clone().into(),
            entitlements: ents.clone().into(),
            packages: packages.clone().into(),
        };
        let found = check_activity(&doc);
        let known: HashSet<&str> = contracts
            .iter()
            .map(|c| c.id.as_str())
            .chain(ents.iter().map(|e| e.id.as_str()))
            .chain(packages.iter().map(|p| p.id.as_str()))
            .collect();
        prop_assert!(found.iter().all(|f| known.contains(f.id.as_str())));
        for e in &ents {
            let flaws: Vec<&Flaw> = found.iter().filter(|f| f.list == "entitlements" && f.id == e.id).map(|f| &f.flaw).collect();
            if !e.consumed.is_finite() {
                prop_assert!(flaws.contains(&&Flaw::NotANumber), "{} consumed {}", e.id, e.consumed);
            } else if e.consumed < 0.0 {
                prop_assert!(flaws.contains(&&Flaw::NegativeQuantity), "{} consumed {}", e.id, e.consumed);
            }
            if e.purchased.is_some_and(|p| !p.is_finite() || p < 0.0) {
                prop_assert!(
                    flaws.iter().any(|f| matches!(f, Flaw::NotANumber | Flaw::NegativeQuantity)),
                    "{} purchased {:?}", e.id, e.purchased
                );
            }
        }
        for c in &contracts {
            let bad = super::dates::parse_date(&c.start_date).is_none()
                || super::dates::parse_date(&c.end_date).is_none();
            if bad {
                prop_assert!(found.iter().any(|f| f.list == "contracts" && f.id == c.id && matches!(f.flaw, Flaw::BadDate(_))));
            }
        }

        let found = check_records(&asked, &answered, &records);
        prop_assert_eq!(found.iter().any(|f| f.flaw == Flaw::OtherEntitlement), asked != answered);
        for r in &records {
            if !r.quantity().is_finite() || r.quantity() < 0.0 {
                prop_assert!(found.iter().any(|f| f.id == r.id()
                    && matches!(f.flaw, Flaw::NotANumber | Flaw::NegativeQuantity)));
            }
        }
    }
}
