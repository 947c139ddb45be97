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
mod tests;
