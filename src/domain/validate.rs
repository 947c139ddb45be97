//! Checks of loaded data that the contract's types cannot express. A flawed
//! item is flagged and shown, never silently dropped, and never panics.

use super::dates::{parse_any_ms, parse_date};
use ca_contract::{ActivityRecord, CustomerActivity, EntitlementKind, Service, Unit};
use std::collections::HashSet;

/// What is wrong with an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flaw {
    NegativeQuantity,
    NotANumber,
    ConsumedOnBenefit,
    EndBeforeStart,
    /// A date field that does not parse (its wire name).
    BadDate(&'static str),
    DuplicateId,
    /// A record that belongs to another entitlement.
    OtherEntitlement,
    UnknownContract,
    /// A service or unit this page does not know (a newer server): the
    /// entitlement is in no tile, and its quantities have no unit.
    UnknownService,
    UnknownUnit,
    /// The item could not be read at all (serde's message).
    Unreadable(String),
}

/// One flagged item: the list it is in, its id, and the flaw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub list: &'static str,
    pub id: String,
    pub flaw: Flaw,
}

fn number_flaw(n: f64) -> Option<Flaw> {
    if !n.is_finite() {
        Some(Flaw::NotANumber)
    } else if n < 0.0 {
        Some(Flaw::NegativeQuantity)
    } else {
        None
    }
}

fn dates(list: &'static str, id: &str, start: &str, end: &str, out: &mut Vec<Finding>) {
    let f = |flaw| Finding {
        list,
        id: id.to_owned(),
        flaw,
    };
    match (parse_date(start), parse_date(end)) {
        (Some(s), Some(e)) if e < s => out.push(f(Flaw::EndBeforeStart)),
        (None, _) => out.push(f(Flaw::BadDate("startDate"))),
        (_, None) => out.push(f(Flaw::BadDate("endDate"))),
        _ => {}
    }
}

/// The flaws of the customer-activity document.
pub fn check_activity(doc: &CustomerActivity) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in doc.contracts.iter() {
        dates("contracts", &c.id, &c.start_date, &c.end_date, &mut out);
    }
    for p in doc.packages.iter() {
        dates("packages", &p.id, &p.start_date, &p.end_date, &mut out);
    }
    let contracts: HashSet<&str> = doc.contracts.iter().map(|c| c.id.as_str()).collect();
    let mut seen = HashSet::new();
    for e in doc.entitlements.iter() {
        let f = |flaw| Finding {
            list: "entitlements",
            id: e.id.clone(),
            flaw,
        };
        if !seen.insert(e.id.as_str()) {
            out.push(f(Flaw::DuplicateId));
        }
        if let Some(fl) = number_flaw(e.consumed).or_else(|| e.purchased.and_then(number_flaw)) {
            out.push(f(fl));
        }
        if e.kind == EntitlementKind::AdditionalBenefit && e.consumed != 0.0 {
            out.push(f(Flaw::ConsumedOnBenefit));
        }
        if e.service == Service::Unknown {
            out.push(f(Flaw::UnknownService));
        }
        if e.unit == Unit::Unknown {
            out.push(f(Flaw::UnknownUnit));
        }
        if !contracts.contains(e.contract_id.as_str()) {
            out.push(f(Flaw::UnknownContract));
        }
    }
    out
}

/// The flaws of an entitlement's records.
pub fn check_records(
    entitlement_id: &str,
    answered_for: &str,
    records: &[ActivityRecord],
) -> Vec<Finding> {
    let mut out = Vec::new();
    if answered_for != entitlement_id {
        out.push(Finding {
            list: "records",
            id: answered_for.to_owned(),
            flaw: Flaw::OtherEntitlement,
        });
    }
    let mut seen = HashSet::new();
    for r in records {
        let f = |flaw| Finding {
            list: "records",
            id: r.id().to_owned(),
            flaw,
        };
        if !seen.insert(r.id()) {
            out.push(f(Flaw::DuplicateId));
        }
        if let Some(fl) = number_flaw(r.quantity()) {
            out.push(f(fl));
        }
        for (name, value) in record_dates(r) {
            if parse_any_ms(value).is_none() {
                out.push(f(Flaw::BadDate(name)));
            }
        }
    }
    out
}

/// A record's date field: its wire name and value, when present.
type DateField<'a> = (&'static str, Option<&'a str>);

fn record_dates(r: &ActivityRecord) -> Vec<(&'static str, &str)> {
    let (a, b): (DateField, DateField) = match r {
        ActivityRecord::SupportRequest(x) => (
            ("createdAt", Some(&x.created_at)),
            ("closedAt", x.closed_at.as_deref()),
        ),
        ActivityRecord::ProactiveDelivery(x) => (
            ("startDate", Some(&x.start_date)),
            ("endDate", x.end_date.as_deref()),
        ),
        ActivityRecord::EducationActivity(x) => (
            ("startedAt", Some(&x.started_at)),
            ("completedAt", x.completed_at.as_deref()),
        ),
        ActivityRecord::SupportContact(x) => (("addedAt", x.added_at.as_deref()), ("", None)),
        ActivityRecord::AssessmentSetup(x) => (
            ("setupDate", x.setup_date.as_deref()),
            ("lastCollectedAt", x.last_collected_at.as_deref()),
        ),
    };
    [a, b]
        .into_iter()
        .filter_map(|(n, v)| v.map(|v| (n, v)))
        .collect()
}

/// Findings for items the decoder set aside.
pub fn unreadable(issues: &[ca_contract::RecordIssue]) -> Vec<Finding> {
    issues
        .iter()
        .map(|i| Finding {
            list: i.list,
            id: i.id.clone().unwrap_or_else(|| format!("#{}", i.index + 1)),
            flaw: Flaw::Unreadable(i.message.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::{Lenient, Service, Unit};

    #[test]
    fn flags_bad_items_without_dropping_them() {
        let mut benefit = ent("b", "c1", Some("p"), Service::Other, Unit::Days, None, 2.0);
        benefit.kind = EntitlementKind::AdditionalBenefit;
        let doc = CustomerActivity {
            generated_at: "2026-11-27T00:00:00Z".into(),
            workspaces: Lenient::default(),
            contracts: vec![
                contract("c1", "2026-12-01", "2026-01-01", &["w"]),
                contract("c2", "x", "2026-01-01", &[]),
            ]
            .into(),
            entitlements: vec![
                ent(
                    "e1",
                    "c1",
                    None,
                    Service::ReactiveSupport,
                    Unit::Hours,
                    Some(10.0),
                    -1.0,
                ),
                ent(
                    "e1",
                    "c9",
                    None,
                    Service::ReactiveSupport,
                    Unit::Hours,
                    Some(f64::NAN),
                    1.0,
                ),
                benefit,
            ]
            .into(),
            packages: Lenient::default(),
        };
        let flaws: Vec<(String, Flaw)> = check_activity(&doc)
            .into_iter()
            .map(|f| (f.id, f.flaw))
            .collect();
        assert_eq!(
            flaws,
            [
                ("c1".into(), Flaw::EndBeforeStart),
                ("c2".into(), Flaw::BadDate("startDate")),
                ("e1".into(), Flaw::NegativeQuantity),
                ("e1".into(), Flaw::DuplicateId),
                ("e1".into(), Flaw::NotANumber),
                ("e1".into(), Flaw::UnknownContract),
                ("b".into(), Flaw::ConsumedOnBenefit),
            ]
        );
        assert_eq!(doc.entitlements.len(), 3, "nothing dropped");
    }

    #[test]
    fn flags_what_a_newer_server_may_send() {
        let mut e = ent(
            "n",
            "c1",
            None,
            Service::Unknown,
            Unit::Unknown,
            Some(1.0),
            0.0,
        );
        e.kind = EntitlementKind::ConsumptionService;
        let doc = CustomerActivity {
            generated_at: String::new(),
            workspaces: Lenient::default(),
            contracts: vec![contract("c1", "2026-01-01", "2026-12-31", &["w"])].into(),
            entitlements: vec![e].into(),
            packages: Lenient::default(),
        };
        let flaws: Vec<Flaw> = check_activity(&doc).into_iter().map(|f| f.flaw).collect();
        assert_eq!(flaws, [Flaw::UnknownService, Flaw::UnknownUnit]);
    }

    #[test]
    fn flags_records() {
        let recs = vec![
            sr("r1", "2026-01-01T00:00:00Z", 1.0, "t"),
            sr("r1", "yesterday", -2.0, "t"),
        ];
        let f = check_records("e1", "e2", &recs);
        let flaws: Vec<&Flaw> = f.iter().map(|f| &f.flaw).collect();
        assert_eq!(
            flaws,
            [
                &Flaw::OtherEntitlement,
                &Flaw::DuplicateId,
                &Flaw::NegativeQuantity,
                &Flaw::BadDate("createdAt")
            ]
        );
        assert!(check_records("e1", "e1", &recs[..1]).is_empty());
    }
}
