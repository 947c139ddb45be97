//! Tests of `domain/attention.rs`.
use super::*;
use crate::domain::fixtures::*;
use ca_contract::{Service, Unit};

const TODAY: &str = "2026-11-27";

fn hours(id: &str, contract: &str, package: Option<&str>, p: Option<f64>, c: f64) -> Entitlement {
    ent(
        id,
        contract,
        package,
        Service::ProactiveServices,
        Unit::Hours,
        p,
        c,
    )
}

fn reasons(items: &[Item]) -> Vec<(String, Reason)> {
    items
        .iter()
        .map(|i| (i.entitlement.id.clone(), i.reason))
        .collect()
}

/// A package of contract `c` ending `end`, started long ago (so its
/// forecast, if any, is from a long span).
fn pkg(id: &str, end: &str) -> Package {
    package(id, "c", PackageStatus::Active, "2026-01-01", end)
}

#[test]
fn ending_boundaries_0_90_91_days() {
    let t = day(TODAY);
    let c = contract("c", "2025-01-01", "2028-01-01", &["w"]);
    // 1 of 10 consumed in a year: slow, so no run-out forecast.
    let ps = vec![
        pkg("p0", "2026-11-27"),
        pkg("p90", "2027-02-25"),
        pkg("p91", "2027-02-26"),
    ];
    let es = vec![
        hours("e0", "c", Some("p0"), Some(10.0), 1.0),
        hours("e90", "c", Some("p90"), Some(10.0), 1.0),
        hours("e91", "c", Some("p91"), Some(10.0), 1.0),
    ];
    let items = needs_attention(&es, &ps, &[&c], t);
    assert_eq!(
        reasons(&items),
        [
            (
                "e0".to_owned(),
                Reason::Unused {
                    amount: 9.0,
                    days_left: 0
                }
            ),
            (
                "e90".to_owned(),
                Reason::Unused {
                    amount: 9.0,
                    days_left: 90
                }
            ),
        ]
    );
    assert_eq!(items[0].package.map(|p| p.id.as_str()), Some("p0"));
    assert_eq!(items[0].reason.severity(), Severity::Warning);
}

#[test]
fn enterprise_entitlement_ends_with_its_contract() {
    let t = day(TODAY);
    let c = contract("c", "2026-01-01", "2026-12-12", &["w"]);
    let es = vec![hours("e", "c", None, Some(10.0), 1.0)];
    assert_eq!(
        reasons(&needs_attention(&es, &[], &[&c], t)),
        [(
            "e".to_owned(),
            Reason::Unused {
                amount: 9.0,
                days_left: 15
            }
        )]
    );
}

#[test]
fn consumed_equal_to_purchased_is_neither_over_nor_unused() {
    let t = day(TODAY);
    let c = contract("c", "2026-01-01", "2026-12-12", &["w"]);
    let es = vec![
        hours("eq", "c", None, Some(10.0), 10.0),
        hours("zero", "c", None, Some(0.0), 0.0),
    ];
    assert!(needs_attention(&es, &[], &[&c], t).is_empty());
}

#[test]
fn uncapped_never_appears() {
    let t = day(TODAY);
    let c = contract("c", "2026-01-01", "2026-12-12", &["w"]);
    let es = vec![hours("e", "c", None, None, 500.0)];
    assert!(needs_attention(&es, &[], &[&c], t).is_empty());
}

#[test]
fn over_consumed_wins_and_says_by_how_much() {
    let t = day(TODAY);
    let c = contract("c", "2026-01-01", "2026-12-12", &["w"]);
    let es = vec![hours("e", "c", None, Some(120.0), 126.5)];
    let items = needs_attention(&es, &[], &[&c], t);
    assert_eq!(
        reasons(&items),
        [("e".to_owned(), Reason::Over { amount: 6.5 })]
    );
    assert_eq!(items[0].reason.severity(), Severity::Urgent);
}

#[test]
fn runs_out_by_the_card_forecast_and_wins_over_unused() {
    let t = day(TODAY);
    // 2026-01-01 to 2026-12-31: 330 days elapsed; 90 of 100 consumed is
    // 0.27 a day, so the 10 left last 37 days: past the end (34 days).
    // 95 of 100: 5 left last 18 days, before the end.
    let c = contract("c", "2026-01-01", "2026-12-31", &["w"]);
    let es = vec![
        hours("slow", "c", None, Some(100.0), 90.0),
        hours("fast", "c", None, Some(100.0), 95.0),
    ];
    let items = needs_attention(&es, &[], &[&c], t);
    let want = match forecast_from_total(Some(100.0), 95.0, day("2026-01-01"), day("2026-12-31"), t)
        .map(|f| f.outcome)
    {
        Some(Outcome::RunsOut { date }) => date,
        other => panic!("expected a run-out forecast, got {other:?}"),
    };
    assert_eq!(
        reasons(&items),
        [
            ("fast".to_owned(), Reason::RunsOut { date: want }),
            (
                "slow".to_owned(),
                Reason::Unused {
                    amount: 10.0,
                    days_left: 34
                }
            ),
        ]
    );
    assert_eq!(items[0].days, days_until(t, want));
}

#[test]
fn no_forecast_in_the_first_14_days() {
    let t = day(TODAY);
    // Started 13 days ago, ends in a year, nearly all consumed: too early
    // to say. Started 14 days ago: it runs out.
    let young = contract("young", "2026-11-14", "2027-11-13", &["w"]);
    let old = contract("old", "2026-11-13", "2027-11-12", &["w"]);
    let es = vec![
        hours("y", "young", None, Some(100.0), 90.0),
        hours("o", "old", None, Some(100.0), 90.0),
    ];
    let items = needs_attention(&es, &[], &[&young, &old], t);
    assert_eq!(
        items
            .iter()
            .map(|i| i.entitlement.id.as_str())
            .collect::<Vec<_>>(),
        ["o"]
    );
    assert!(matches!(items[0].reason, Reason::RunsOut { .. }));
}

#[test]
fn ended_contract_and_inactive_or_ended_packages_are_out_of_view() {
    let t = day(TODAY);
    let me = me(&["w"], "w");
    let ended = contract("ended", "2025-01-01", "2026-11-26", &["w"]);
    let c = contract("c", "2026-01-01", "2027-06-30", &["w"]);
    let cs = vec![ended, c];
    let ps = vec![
        package(
            "off",
            "c",
            PackageStatus::Inactive,
            "2026-01-01",
            "2026-12-01",
        ),
        package(
            "gone",
            "c",
            PackageStatus::Active,
            "2026-01-01",
            "2026-11-26",
        ),
    ];
    let es = vec![
        hours("e-ended", "ended", None, Some(10.0), 20.0),
        hours("e-off", "c", Some("off"), Some(10.0), 20.0),
        hours("e-gone", "c", Some("gone"), Some(10.0), 20.0),
        hours("e-orphan", "c", Some("nowhere"), Some(10.0), 20.0),
        hours("e-c", "c", None, Some(10.0), 11.0),
    ];
    let items = in_view(&cs, &es, &ps, &WorkspaceSel::All, &me, None, t);
    assert_eq!(
        reasons(&items),
        [("e-c".to_owned(), Reason::Over { amount: 1.0 })]
    );
}

#[test]
fn order_over_first_then_days_left_ties_in_api_order() {
    let t = day(TODAY);
    let c = contract("c", "2026-06-01", "2027-06-01", &["w"]);
    let ps = vec![pkg("p10", "2026-12-07"), pkg("p50", "2027-01-16")];
    let es = vec![
        hours("u50", "c", Some("p50"), Some(100.0), 1.0),
        hours("u10", "c", Some("p10"), Some(100.0), 1.0),
        hours("over-late", "c", None, Some(1.0), 3.0),
        hours("over-soon", "c", Some("p10"), Some(1.0), 2.0),
        hours("u10-again", "c", Some("p10"), Some(100.0), 2.0),
    ];
    let items = needs_attention(&es, &ps, &[&c], t);
    assert_eq!(
        items
            .iter()
            .map(|i| i.entitlement.id.as_str())
            .collect::<Vec<_>>(),
        ["over-soon", "over-late", "u10", "u10-again", "u50"]
    );
}

#[test]
fn contract_choice_and_shared_contract_counted_once() {
    let t = day(TODAY);
    let me = me(&["w1", "w2"], "w1");
    let shared = contract("shared", "2026-01-01", "2027-06-30", &["w1", "w2"]);
    let own = contract("own", "2026-01-01", "2027-06-30", &["w2"]);
    let cs = vec![shared, own];
    let mut es = vec![
        hours("s", "shared", None, Some(1.0), 2.0),
        hours("o", "own", None, Some(1.0), 3.0),
    ];
    let ids = |items: Vec<Item>| {
        items
            .iter()
            .map(|i| i.entitlement.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(in_view(&cs, &es, &[], &WorkspaceSel::All, &me, None, t)),
        ["s", "o"]
    );
    assert_eq!(
        ids(in_view(
            &cs,
            &es,
            &[],
            &WorkspaceSel::One("w1".into()),
            &me,
            None,
            t
        )),
        ["s"]
    );
    assert_eq!(
        ids(in_view(
            &cs,
            &es,
            &[],
            &WorkspaceSel::All,
            &me,
            Some("own"),
            t
        )),
        ["o"]
    );
    // An unknown choice: all active contracts.
    assert_eq!(
        ids(in_view(
            &cs,
            &es,
            &[],
            &WorkspaceSel::All,
            &me,
            Some("gone"),
            t
        ))
        .len(),
        2
    );
    // The same entitlement sent twice is one item.
    es.push(es[0].clone());
    assert_eq!(
        ids(in_view(&cs, &es, &[], &WorkspaceSel::All, &me, None, t)),
        ["s", "o"]
    );
}

#[test]
fn additional_benefits_never_appear() {
    let t = day(TODAY);
    let c = contract("c", "2026-01-01", "2026-12-12", &["w"]);
    let mut b = hours("b", "c", None, Some(1.0), 5.0);
    b.kind = EntitlementKind::AdditionalBenefit;
    assert!(needs_attention(&[b], &[], &[&c], t).is_empty());
}
