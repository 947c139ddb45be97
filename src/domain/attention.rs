//! The region "Needs attention": which entitlements the customer should act
//! on, and why.
//!
//! Over the consumption services of the active contracts in view (the
//! enterprise Contract choice applied) and of their active packages, one
//! item per entitlement that is
//! - **over-consumed**: consumed > purchased;
//! - **forecast to run out** before its period ends, by the forecast rule of
//!   the package cards ([`forecast_from_total`], one rule for both);
//! - **ending with something left**: 0 ≤ N ≤ [`WARN_DAYS`] days to the end
//!   of its period (the package's for an add-on, the contract's for an
//!   enterprise entitlement) and consumed < purchased.
//!
//! An entitlement that qualifies for several reasons is listed once, for
//! the most urgent: over-consumed wins (it has already happened); then
//! running out wins over ending unused, because at that pace nothing will be
//! left unused and the run-out date always comes before the end. An
//! uncapped entitlement (purchased null) never appears.
//!
//! Order: over-consumed first, then by days left (to the run-out date for a
//! forecast, to the end of the period otherwise; an over-consumed item by
//! the days to its end), ties in API order.

use super::dates::{days_until, parse_date};
use super::enterprise::chosen_contracts;
use super::forecast::{forecast_from_total, Outcome};
use super::packages::WARN_DAYS;
use super::usage::{round2, Usage};
use super::view::{active_contracts, WorkspaceSel};
use ca_contract::{Contract, Entitlement, EntitlementKind, Me, Package, PackageStatus};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Why an entitlement needs attention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// Consumed exceeds purchased by `amount`.
    Over { amount: f64 },
    /// At the pace so far it runs out on `date`, before its period ends.
    RunsOut { date: NaiveDate },
    /// `amount` is left and the period ends in `days_left` days (0: today).
    Unused { amount: f64, days_left: i64 },
}

/// How urgent an item is: shown in words and with an icon, never by colour
/// alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Already over what was bought.
    Urgent,
    /// Will run out, or will be lost unused, soon.
    Warning,
}

impl Severity {
    /// The BEM modifier of the item's class.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Urgent => "urgent",
            Severity::Warning => "warning",
        }
    }
}

impl Reason {
    pub fn severity(&self) -> Severity {
        match self {
            Reason::Over { .. } => Severity::Urgent,
            Reason::RunsOut { .. } | Reason::Unused { .. } => Severity::Warning,
        }
    }
}

/// One entitlement that needs attention.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub entitlement: &'a Entitlement,
    /// The add-on package it belongs to, `None` for an enterprise one.
    pub package: Option<&'a Package>,
    pub contract: &'a Contract,
    pub reason: Reason,
    /// The sort key after over-consumption: days to the run-out date, or to
    /// the end of the period (`i64::MAX` when the end date does not parse).
    pub days: i64,
}

/// The items for the Workspace selection and the enterprise Contract choice
/// (`asked`: the `contract` query value), in display order.
pub fn in_view<'a>(
    contracts: &'a [Contract],
    entitlements: &'a [Entitlement],
    packages: &'a [Package],
    sel: &WorkspaceSel,
    me: &Me,
    asked: Option<&str>,
    today: NaiveDate,
) -> Vec<Item<'a>> {
    let active = active_contracts(contracts, sel, me, today);
    let chosen = chosen_contracts(&active, asked);
    needs_attention(entitlements, packages, &chosen, today)
}

/// The items among the entitlements of `contracts` (active ones, each once)
/// and of their active packages, in display order.
pub fn needs_attention<'a>(
    entitlements: &'a [Entitlement],
    packages: &'a [Package],
    contracts: &[&'a Contract],
    today: NaiveDate,
) -> Vec<Item<'a>> {
    let mut seen = HashSet::new();
    let mut items: Vec<Item<'a>> = entitlements
        .iter()
        .filter(|e| e.kind != EntitlementKind::AdditionalBenefit)
        .filter(|e| seen.insert(e.id.as_str()))
        .filter_map(|e| {
            let contract = *contracts.iter().find(|c| c.id == e.contract_id)?;
            let package = match e.package_id.as_deref() {
                None => None,
                Some(id) => Some(
                    packages
                        .iter()
                        .find(|p| p.id == id && p.contract_id == contract.id)
                        .filter(|p| package_active(p, today))?,
                ),
            };
            let (start, end) = match package {
                Some(p) => (&p.start_date, &p.end_date),
                None => (&contract.start_date, &contract.end_date),
            };
            let period = parse_date(start).zip(parse_date(end));
            let (reason, days) = reason(e, period, today)?;
            Some(Item {
                entitlement: e,
                package,
                contract,
                reason,
                days,
            })
        })
        .collect();
    items.sort_by_key(|i| (!matches!(i.reason, Reason::Over { .. }), i.days));
    items
}

/// A package in view: status Active, and not ended.
fn package_active(p: &Package, today: NaiveDate) -> bool {
    p.status == PackageStatus::Active && parse_date(&p.end_date).is_none_or(|end| end >= today)
}

/// Why `e` needs attention in its period `[start, end]`, and its days key.
fn reason(
    e: &Entitlement,
    period: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> Option<(Reason, i64)> {
    let purchased = e.purchased.filter(|p| p.is_finite())?;
    if !e.consumed.is_finite() {
        return None;
    }
    let usage = Usage::new(e.consumed, Some(purchased));
    let to_end = period.map(|(_, end)| days_until(today, end));
    let days = to_end.unwrap_or(i64::MAX);
    if let Some(amount) = usage.over() {
        return Some((Reason::Over { amount }, days));
    }
    let (start, end) = period?;
    let forecast = forecast_from_total(Some(purchased), e.consumed, start, end, today);
    if let Some(Outcome::RunsOut { date }) = forecast.map(|f| f.outcome) {
        return Some((Reason::RunsOut { date }, days_until(today, date)));
    }
    let left = round2(purchased - e.consumed);
    match to_end {
        Some(n) if (0..=WARN_DAYS).contains(&n) && left > 0.0 => Some((
            Reason::Unused {
                amount: left,
                days_left: n,
            },
            n,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::{Service, Unit};

    const TODAY: &str = "2026-11-27";

    fn hours(
        id: &str,
        contract: &str,
        package: Option<&str>,
        p: Option<f64>,
        c: f64,
    ) -> Entitlement {
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
        let want =
            match forecast_from_total(Some(100.0), 95.0, day("2026-01-01"), day("2026-12-31"), t)
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
}
