//! Which records and cases a table shows: the Workspace selection (for the
//! rows that carry a workspace) and the From/To date range, and the rows as
//! the grid reads them (a record with its workspace's name).

use super::dates::{day_of, iso, parse_date};
use super::grid::{Cell, ColId, GridRow};
use super::view::WorkspaceSel;
use ca_contract::{ActivityRecord, AdditionalCase, Me};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// The From/To fields (query keys `from`, `to`): both ends included; either
/// may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// Reads the query values (ISO dates); anything else is no bound.
    pub fn from_query(from: Option<&str>, to: Option<&str>) -> Self {
        DateRange {
            from: from.and_then(parse_date),
            to: to.and_then(parse_date),
        }
    }

    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether From comes after To (nothing can be in such a range).
    pub fn is_reversed(&self) -> bool {
        matches!((self.from, self.to), (Some(f), Some(t)) if f > t)
    }

    /// Whether a record dated `day` is kept. With no bound every record is
    /// kept, dated or not; with a bound, a record without a readable date is
    /// not (it cannot be said to fall in the range).
    pub fn contains(&self, day: Option<NaiveDate>) -> bool {
        if !self.is_set() {
            return true;
        }
        let Some(d) = day else { return false };
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// The query values.
    pub fn as_query(&self) -> (Option<String>, Option<String>) {
        (self.from.map(iso), self.to.map(iso))
    }
}

/// The date a record is filtered by: support request, created; proactive
/// delivery, start date; education, started; contact, added; assessment,
/// setup date. Instants count on their UTC day (as the exports write them).
pub fn range_day(r: &ActivityRecord) -> Option<NaiveDate> {
    let s = match r {
        ActivityRecord::SupportRequest(r) => Some(r.created_at.as_str()),
        ActivityRecord::ProactiveDelivery(r) => Some(r.start_date.as_str()),
        ActivityRecord::EducationActivity(r) => Some(r.started_at.as_str()),
        ActivityRecord::SupportContact(r) => r.added_at.as_deref(),
        ActivityRecord::AssessmentSetup(r) => r.setup_date.as_deref(),
    }?;
    day_of(s)
}

/// The workspace a record belongs to, when it says (support requests).
fn record_workspace(r: &ActivityRecord) -> Option<&str> {
    match r {
        ActivityRecord::SupportRequest(r) => r.workspace_id.as_deref(),
        _ => None,
    }
}

/// The user's workspaces' names by id.
fn names(me: &Me) -> HashMap<&str, Arc<str>> {
    me.workspaces
        .iter()
        .map(|w| (w.id.as_str(), Arc::from(w.name.as_str())))
        .collect()
}

/// A record as a drilldown's grid shows it: the record (shared, never
/// copied) and the name of its workspace.
#[derive(Debug, Clone)]
pub struct RecordRow {
    records: Arc<Vec<ActivityRecord>>,
    index: u32,
    workspace: Option<Arc<str>>,
}

impl RecordRow {
    pub fn record(&self) -> &ActivityRecord {
        &self.records[self.index as usize]
    }
}

impl GridRow for RecordRow {
    fn cell(&self, col: ColId) -> Cell<'_> {
        match col {
            ColId::Workspace => self.workspace.as_deref().map_or(Cell::Empty, Cell::Text),
            c => self.record().cell(c),
        }
    }

    fn url(&self) -> Option<&str> {
        self.record().url()
    }
}

/// What a drilldown shows of its records.
#[derive(Debug, Clone, Default)]
pub struct ShownRecords {
    pub rows: Vec<RecordRow>,
    /// Records left out because their workspace is not selected.
    pub other_workspaces: usize,
    /// Records left out by the date range.
    pub out_of_range: usize,
    /// The kept records' quantities, summed.
    pub total: f64,
}

/// The records a drilldown shows: those whose workspace (when they carry
/// one) is selected, dated within `range`, in API order.
pub fn shown_records(
    records: &Arc<Vec<ActivityRecord>>,
    sel: &WorkspaceSel,
    me: &Me,
    range: &DateRange,
) -> ShownRecords {
    let names = names(me);
    let mut out = ShownRecords {
        rows: Vec::with_capacity(records.len()),
        ..Default::default()
    };
    for (i, r) in records.iter().enumerate() {
        let ws = record_workspace(r);
        if let Some(w) = ws {
            if !sel.includes(w, me) {
                out.other_workspaces += 1;
                continue;
            }
        }
        if !range.contains(range_day(r)) {
            out.out_of_range += 1;
            continue;
        }
        let q = r.quantity();
        if q.is_finite() {
            out.total += q;
        }
        out.rows.push(RecordRow {
            records: records.clone(),
            index: i as u32,
            workspace: ws.map(|w| names.get(w).cloned().unwrap_or_else(|| Arc::from(w))),
        });
    }
    out.total = super::usage::round2(out.total);
    out
}

/// Whether any record carries a workspace (the grid then has a Workspace
/// column under All workspaces).
pub fn has_workspaces(records: &[ActivityRecord]) -> bool {
    records.iter().any(|r| record_workspace(r).is_some())
}

/// An additional case as its grid shows it, with its workspace's name
/// (`None` for a case of no workspace: shown as "None").
#[derive(Debug, Clone)]
pub struct CaseRow {
    pub case: AdditionalCase,
    workspace: Option<Arc<str>>,
}

impl GridRow for CaseRow {
    fn cell(&self, col: ColId) -> Cell<'_> {
        match col {
            ColId::Workspace => match (&self.workspace, &self.case.workspace_id) {
                (Some(n), _) => Cell::Text(n),
                (None, Some(id)) => Cell::Text(id),
                (None, None) => Cell::Enum("noWorkspace"),
            },
            c => self.case.cell(c),
        }
    }

    fn url(&self) -> Option<&str> {
        self.case.url.as_deref()
    }
}

/// The rows of the Cases grid: `cases` dated within `range`, with their
/// workspace's name.
pub fn case_rows(cases: &[&AdditionalCase], me: &Me, range: &DateRange) -> Vec<CaseRow> {
    let names = names(me);
    cases
        .iter()
        .filter(|c| range.contains(day_of(&c.created_at)))
        .map(|c| CaseRow {
            case: (*c).clone(),
            workspace: c
                .workspace_id
                .as_deref()
                .and_then(|w| names.get(w).cloned()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::{CaseReason, CaseService, ProactiveDelivery, SupportRequest};

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn with_ws(r: ActivityRecord, ws: Option<&str>) -> ActivityRecord {
        match r {
            ActivityRecord::SupportRequest(s) => ActivityRecord::SupportRequest(SupportRequest {
                workspace_id: ws.map(Into::into),
                ..s
            }),
            other => other,
        }
    }

    #[test]
    fn range_bounds_are_inclusive_and_open_ends_work() {
        let r = DateRange {
            from: Some(d("2026-03-01")),
            to: Some(d("2026-03-31")),
        };
        assert!(r.contains(Some(d("2026-03-01"))));
        assert!(r.contains(Some(d("2026-03-31"))));
        assert!(!r.contains(Some(d("2026-02-28"))));
        assert!(!r.contains(Some(d("2026-04-01"))));
        assert!(
            !r.contains(None),
            "an undated record is outside a set range"
        );
        let open = DateRange {
            from: Some(d("2026-03-01")),
            to: None,
        };
        assert!(open.contains(Some(d("2030-01-01"))));
        assert!(!open.contains(Some(d("2026-02-28"))));
        assert!(DateRange::default().contains(None), "no range keeps all");
        assert!(DateRange::from_query(Some("2026-05-01"), Some("2026-04-01")).is_reversed());
        assert_eq!(
            DateRange::from_query(Some("nope"), Some("2026-04-01")),
            DateRange {
                from: None,
                to: Some(d("2026-04-01"))
            }
        );
    }

    #[test]
    fn each_record_type_is_dated_by_its_own_field() {
        let s = sr("a", "2026-03-31T23:30:00Z", 1.0, "t");
        assert_eq!(
            range_day(&s),
            Some(d("2026-03-31")),
            "UTC day of an instant"
        );
        let p = ActivityRecord::ProactiveDelivery(ProactiveDelivery {
            id: "p".into(),
            engagement_id: None,
            service_name: "x".into(),
            delivery_type: None,
            status: ca_contract::DeliveryStatus::Delivered,
            start_date: "2026-01-10".into(),
            end_date: Some("2026-02-10".into()),
            delivered_hours: None,
            resource: None,
            url: None,
            quantity: 1.0,
        });
        assert_eq!(range_day(&p), Some(d("2026-01-10")), "start, not end");
    }

    #[test]
    fn records_follow_the_workspace_selection_and_range() {
        let me = me(&["w1", "w2"], "w1");
        let recs = Arc::new(vec![
            with_ws(sr("a", "2026-03-01T10:00:00Z", 2.0, "a"), Some("w1")),
            with_ws(sr("b", "2026-03-02T10:00:00Z", 3.0, "b"), Some("w2")),
            with_ws(sr("c", "2026-04-02T10:00:00Z", 4.5, "c"), None),
            with_ws(sr("d", "2026-03-03T10:00:00Z", 1.0, "d"), Some("elsewhere")),
        ]);
        let all = shown_records(&recs, &WorkspaceSel::All, &me, &DateRange::default());
        let ids: Vec<&str> = all
            .rows
            .iter()
            .map(|r| super::super::grid::record_id(r.record()))
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(all.other_workspaces, 1);
        assert_eq!(all.total, 9.5);
        assert_eq!(
            all.rows[0].cell(ColId::Workspace),
            Cell::Text("Workspace w1")
        );
        let one = shown_records(
            &recs,
            &WorkspaceSel::One("w2".into()),
            &me,
            &DateRange::default(),
        );
        assert_eq!(one.rows.len(), 2, "w2's and the one of no workspace");
        assert_eq!(one.other_workspaces, 2);
        let march = DateRange::from_query(Some("2026-03-01"), Some("2026-03-31"));
        let m = shown_records(&recs, &WorkspaceSel::All, &me, &march);
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.out_of_range, 1);
        assert_eq!(m.total, 5.0);
    }

    fn case(n: &str, ws: Option<&str>, created: &str) -> AdditionalCase {
        AdditionalCase {
            case_number: n.into(),
            title: "t".into(),
            service: CaseService::AdvisorySupport,
            reason: CaseReason::MissingContract,
            classification: None,
            contract_number: None,
            workspace_id: ws.map(Into::into),
            created_at: created.into(),
            status: None,
            hours: None,
            url: None,
        }
    }

    #[test]
    fn case_rows_name_their_workspace_and_follow_the_range() {
        let me = me(&["w1", "w2"], "w1");
        let cs = vec![
            case("1", Some("w1"), "2026-01-05T00:00:00Z"),
            case("2", None, "2026-02-05T00:00:00Z"),
            case("3", Some("other"), "2026-02-05T00:00:00Z"),
        ];
        let all = super::super::cases::cases_in_view(&cs, &WorkspaceSel::All, &me);
        assert_eq!(all.len(), 2);
        let rows = case_rows(&all, &me, &DateRange::default());
        assert_eq!(rows[0].cell(ColId::Workspace), Cell::Text("Workspace w1"));
        assert_eq!(rows[1].cell(ColId::Workspace), Cell::Enum("noWorkspace"));
        let feb = DateRange::from_query(Some("2026-02-01"), None);
        assert_eq!(case_rows(&all, &me, &feb).len(), 1);
    }
}
