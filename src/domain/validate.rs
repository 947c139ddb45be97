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
    /// This many more items were flagged than are kept (past
    /// [`MAX_FINDINGS`], or past the decoder's budget of rejected items).
    More(usize),
}

/// Findings kept per check, at most (the page lists the first 50). The
/// rest are counted in one [`Flaw::More`]: 200,000 flagged records once
/// held the page for more than 30 s and about 90× their size in memory.
pub const MAX_FINDINGS: usize = 100;

/// Bytes of an item's id kept in a finding (an id is the server's text,
/// of any length).
pub const MAX_FINDING_ID_BYTES: usize = ca_contract::MAX_ISSUE_TEXT_BYTES;

/// One flagged item: the list it is in, its id, and the flaw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub list: &'static str,
    pub id: String,
    pub flaw: Flaw,
}

impl Finding {
    /// How many flagged items this stands for (a [`Flaw::More`] counts
    /// those it stands for).
    pub fn weight(&self) -> usize {
        match self.flaw {
            Flaw::More(n) => n,
            _ => 1,
        }
    }
}

/// How many flagged items `findings` stand for in all.
pub fn total(findings: &[Finding]) -> usize {
    findings.iter().map(Finding::weight).sum()
}

/// Findings up to [`MAX_FINDINGS`], then a count.
#[derive(Default)]
struct Budget {
    out: Vec<Finding>,
    more: usize,
    more_list: &'static str,
}

impl Budget {
    fn push(&mut self, list: &'static str, id: &str, flaw: Flaw) {
        if self.out.len() < MAX_FINDINGS {
            let id = ca_contract::clip_text(id.to_owned(), MAX_FINDING_ID_BYTES);
            self.out.push(Finding { list, id, flaw });
        } else {
            if self.more == 0 {
                self.more_list = list;
            }
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<Finding> {
        if self.more > 0 {
            self.out.push(Finding {
                list: self.more_list,
                id: String::new(),
                flaw: Flaw::More(self.more),
            });
        }
        self.out
    }
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

fn dates(list: &'static str, id: &str, start: &str, end: &str, out: &mut Budget) {
    match (parse_date(start), parse_date(end)) {
        (Some(s), Some(e)) if e < s => out.push(list, id, Flaw::EndBeforeStart),
        (None, _) => out.push(list, id, Flaw::BadDate("startDate")),
        (_, None) => out.push(list, id, Flaw::BadDate("endDate")),
        _ => {}
    }
}

/// The flaws of the customer-activity document (at most [`MAX_FINDINGS`],
/// then a count).
pub fn check_activity(doc: &CustomerActivity) -> Vec<Finding> {
    let mut out = Budget::default();
    for c in doc.contracts.iter() {
        dates("contracts", &c.id, &c.start_date, &c.end_date, &mut out);
    }
    for p in doc.packages.iter() {
        dates("packages", &p.id, &p.start_date, &p.end_date, &mut out);
    }
    let contracts: HashSet<&str> = doc.contracts.iter().map(|c| c.id.as_str()).collect();
    let mut seen = HashSet::new();
    for e in doc.entitlements.iter() {
        let mut f = |flaw| out.push("entitlements", &e.id, flaw);
        if !seen.insert(e.id.as_str()) {
            f(Flaw::DuplicateId);
        }
        if let Some(fl) = number_flaw(e.consumed).or_else(|| e.purchased.and_then(number_flaw)) {
            f(fl);
        }
        if e.kind == EntitlementKind::AdditionalBenefit && e.consumed != 0.0 {
            f(Flaw::ConsumedOnBenefit);
        }
        if e.service == Service::Unknown {
            f(Flaw::UnknownService);
        }
        if e.unit == Unit::Unknown {
            f(Flaw::UnknownUnit);
        }
        if !contracts.contains(e.contract_id.as_str()) {
            f(Flaw::UnknownContract);
        }
    }
    out.finish()
}

/// The flaws of an entitlement's records (at most [`MAX_FINDINGS`], then
/// a count).
pub fn check_records(
    entitlement_id: &str,
    answered_for: &str,
    records: &[ActivityRecord],
) -> Vec<Finding> {
    let mut out = Budget::default();
    if answered_for != entitlement_id {
        out.push("records", answered_for, Flaw::OtherEntitlement);
    }
    let mut seen = HashSet::new();
    for r in records {
        let mut f = |flaw| out.push("records", r.id(), flaw);
        if !seen.insert(r.id()) {
            f(Flaw::DuplicateId);
        }
        if let Some(fl) = number_flaw(r.quantity()) {
            f(fl);
        }
        for (name, value) in record_dates(r) {
            if parse_any_ms(value).is_none() {
                f(Flaw::BadDate(name));
            }
        }
    }
    out.finish()
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

/// Findings for items the decoder set aside (it keeps the first ones of a
/// list and counts the rest: those become one [`Flaw::More`]).
pub fn unreadable(issues: &[ca_contract::RecordIssue]) -> Vec<Finding> {
    let mut out = Vec::with_capacity(issues.len());
    for i in issues {
        out.push(Finding {
            list: i.list,
            id: i.id.clone().unwrap_or_else(|| format!("#{}", i.index + 1)),
            flaw: Flaw::Unreadable(i.message.clone()),
        });
        if i.more > 0 {
            out.push(Finding {
                list: i.list,
                id: String::new(),
                flaw: Flaw::More(i.more),
            });
        }
    }
    out
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

    /// 200,000 flagged records: the first MAX_FINDINGS are kept with their
    /// ids (clipped), the rest counted in one finding; nothing is lost
    /// from the count.
    #[test]
    fn findings_are_kept_up_to_the_budget_and_counted_past_it() {
        let long = "i".repeat(100_000);
        let recs: Vec<ActivityRecord> = (0..200_000)
            .map(|i| sr(if i == 0 { &long } else { "dup" }, "yesterday", 1.0, "t"))
            .collect();
        let f = check_records("e1", "e1", &recs);
        assert_eq!(f.len(), MAX_FINDINGS + 1);
        // Each record has a bad date; all but the first two repeat an id.
        assert_eq!(total(&f), 200_000 + 199_998);
        assert_eq!(f.last().unwrap().flaw, Flaw::More(total(&f) - MAX_FINDINGS));
        assert!(f[0].id.len() <= MAX_FINDING_ID_BYTES);
        assert!(f.iter().all(|x| x.id.len() <= MAX_FINDING_ID_BYTES));
        // Under the budget: no count.
        let few = check_records("e1", "e1", &recs[1..3]);
        assert!(few.iter().all(|x| !matches!(x.flaw, Flaw::More(_))));
        assert_eq!(total(&few), few.len());
    }

    #[test]
    fn rejected_items_past_the_decoders_budget_are_counted() {
        let issue = |index, more| ca_contract::RecordIssue {
            list: "records",
            index,
            id: None,
            message: "invalid type".into(),
            more,
        };
        let f = unreadable(&[issue(0, 0), issue(1, 199_998)]);
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].id, "#1");
        assert_eq!(f[2].flaw, Flaw::More(199_998));
        assert_eq!(total(&f), 200_000);
    }
}
