//! The data grid's model: columns per record type, cells, and filtering and
//! sorting as index lists (never copies of rows), so 100,000 records stay
//! fast. Display text comes from the page (`label`) so this stays pure.

use super::dates::parse_any_ms;
use super::text::fold;
pub use ca_contract::RecordKind;
use ca_contract::{ActivityRecord, AdditionalCase, Service};
use std::cmp::Ordering;

/// A column of any grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColId {
    CaseNumber,
    Title,
    Severity,
    Status,
    Created,
    Closed,
    PrimaryContact,
    Product,
    ServiceName,
    DeliveryType,
    StartDate,
    EndDate,
    DeliveredHours,
    Resource,
    Learner,
    LearnerEmail,
    Activity,
    ActivityType,
    Started,
    Completed,
    Hours,
    Name,
    Email,
    Role,
    Added,
    Assessment,
    Technology,
    SetupDate,
    LastCollected,
    LogAnalytics,
    Reason,
    Classification,
    ContractNumber,
    /// The record's `quantity`, headed by the entitlement's unit.
    Quantity,
}

/// How a column's values compare and render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    Text,
    Number,
    Date,
    /// A contract enum: shown as words (and a badge), sorted by those words.
    Enum,
}

const ALL_COLS: [ColId; 34] = {
    use ColId::*;
    [
        CaseNumber,
        Title,
        Severity,
        Status,
        Created,
        Closed,
        PrimaryContact,
        Product,
        ServiceName,
        DeliveryType,
        StartDate,
        EndDate,
        DeliveredHours,
        Resource,
        Learner,
        LearnerEmail,
        Activity,
        ActivityType,
        Started,
        Completed,
        Hours,
        Name,
        Email,
        Role,
        Added,
        Assessment,
        Technology,
        SetupDate,
        LastCollected,
        LogAnalytics,
        Reason,
        Classification,
        ContractNumber,
        Quantity,
    ]
};

impl ColId {
    pub fn kind(self) -> ColKind {
        use ColId::*;
        match self {
            Severity | Status | DeliveryType | ActivityType | Role | Reason => ColKind::Enum,
            Created | Closed | StartDate | EndDate | Started | Completed | Added | SetupDate
            | LastCollected => ColKind::Date,
            DeliveredHours | Hours | Quantity => ColKind::Number,
            _ => ColKind::Text,
        }
    }

    /// The column's name in the query string (`sort=`).
    pub fn key(self) -> &'static str {
        use ColId::*;
        match self {
            CaseNumber => "caseNumber",
            Title => "title",
            Severity => "severity",
            Status => "status",
            Created => "created",
            Closed => "closed",
            PrimaryContact => "primaryContact",
            Product => "product",
            ServiceName => "serviceName",
            DeliveryType => "deliveryType",
            StartDate => "startDate",
            EndDate => "endDate",
            DeliveredHours => "deliveredHours",
            Resource => "resource",
            Learner => "learner",
            LearnerEmail => "learnerEmail",
            Activity => "activity",
            ActivityType => "activityType",
            Started => "started",
            Completed => "completed",
            Hours => "hours",
            Name => "name",
            Email => "email",
            Role => "role",
            Added => "added",
            Assessment => "assessment",
            Technology => "technology",
            SetupDate => "setupDate",
            LastCollected => "lastCollected",
            LogAnalytics => "logAnalytics",
            Reason => "reason",
            Classification => "classification",
            ContractNumber => "contractNumber",
            Quantity => "quantity",
        }
    }

    pub fn from_key(k: &str) -> Option<ColId> {
        ALL_COLS.into_iter().find(|c| c.key() == k)
    }
}

/// One cell's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Text(&'a str),
    Num(f64),
    /// A date or an instant as sent; parsed to compare, formatted to show.
    Date(&'a str),
    /// A contract enum's wire value.
    Enum(&'static str),
    Empty,
}

/// A row of a grid.
pub trait GridRow {
    fn cell(&self, col: ColId) -> Cell<'_>;
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(s)
}
fn opt_text(s: &Option<String>) -> Cell<'_> {
    s.as_deref().map_or(Cell::Empty, Cell::Text)
}
fn opt_date(s: &Option<String>) -> Cell<'_> {
    s.as_deref().map_or(Cell::Empty, Cell::Date)
}
fn opt_num(n: Option<f64>) -> Cell<'static> {
    n.map_or(Cell::Empty, Cell::Num)
}

impl GridRow for ActivityRecord {
    fn cell(&self, col: ColId) -> Cell<'_> {
        use ColId::*;
        match (self, col) {
            (_, Quantity) => Cell::Num(self.quantity()),
            (ActivityRecord::SupportRequest(r), c) => match c {
                CaseNumber => text(&r.case_number),
                Title => text(&r.title),
                Severity => r.severity.map_or(Cell::Empty, |s| Cell::Enum(s.as_str())),
                Status => Cell::Enum(r.status.as_str()),
                Created => Cell::Date(&r.created_at),
                Closed => opt_date(&r.closed_at),
                PrimaryContact => opt_text(&r.primary_contact),
                Product => opt_text(&r.product),
                _ => Cell::Empty,
            },
            (ActivityRecord::ProactiveDelivery(r), c) => match c {
                ServiceName => text(&r.service_name),
                DeliveryType => r
                    .delivery_type
                    .map_or(Cell::Empty, |s| Cell::Enum(s.as_str())),
                Status => Cell::Enum(r.status.as_str()),
                StartDate => Cell::Date(&r.start_date),
                EndDate => opt_date(&r.end_date),
                DeliveredHours => opt_num(r.delivered_hours),
                Resource => opt_text(&r.resource),
                _ => Cell::Empty,
            },
            (ActivityRecord::EducationActivity(r), c) => match c {
                Learner => text(&r.learner_name),
                LearnerEmail => opt_text(&r.learner_email),
                Activity => text(&r.activity_title),
                ActivityType => r
                    .activity_type
                    .map_or(Cell::Empty, |s| Cell::Enum(s.as_str())),
                Status => Cell::Enum(r.status.as_str()),
                Started => Cell::Date(&r.started_at),
                Completed => opt_date(&r.completed_at),
                Hours => opt_num(r.hours),
                _ => Cell::Empty,
            },
            (ActivityRecord::SupportContact(r), c) => match c {
                Name => text(&r.name),
                Email => opt_text(&r.email),
                Role => r.role.map_or(Cell::Empty, |s| Cell::Enum(s.as_str())),
                Status => Cell::Enum(r.status.as_str()),
                Added => opt_date(&r.added_at),
                _ => Cell::Empty,
            },
            (ActivityRecord::AssessmentSetup(r), c) => match c {
                Assessment => text(&r.assessment_name),
                Technology => opt_text(&r.technology),
                Status => Cell::Enum(r.status.as_str()),
                SetupDate => opt_date(&r.setup_date),
                LastCollected => opt_date(&r.last_collected_at),
                LogAnalytics => opt_text(&r.log_analytics_workspace),
                _ => Cell::Empty,
            },
        }
    }
}

impl GridRow for AdditionalCase {
    fn cell(&self, col: ColId) -> Cell<'_> {
        use ColId::*;
        match col {
            CaseNumber => text(&self.case_number),
            Title => text(&self.title),
            Created => Cell::Date(&self.created_at),
            Status => self.status.map_or(Cell::Empty, |s| Cell::Enum(s.as_str())),
            Hours => opt_num(self.hours),
            Reason => Cell::Enum(self.reason.as_str()),
            Classification => self
                .classification
                .map_or(Cell::Empty, |c| Cell::Enum(c.as_str())),
            ContractNumber => opt_text(&self.contract_number),
            _ => Cell::Empty,
        }
    }
}

/// The most common type among the records, else the service's.
pub fn dominant_kind(records: &[ActivityRecord], service: Service) -> RecordKind {
    let mut counts = [0usize; 5];
    for r in records {
        let k = RecordKind::of(r);
        counts[RecordKind::ALL.iter().position(|x| *x == k).unwrap_or(0)] += 1;
    }
    let best = (0..5)
        .max_by_key(|i| (counts[*i], usize::MAX - i))
        .unwrap_or(0);
    if counts[best] == 0 {
        RecordKind::for_service(service)
    } else {
        RecordKind::ALL[best]
    }
}

/// The grid's columns for a record type, quantity last.
pub fn columns(kind: RecordKind) -> &'static [ColId] {
    use ColId::*;
    match kind {
        RecordKind::SupportRequest => &[
            CaseNumber,
            Title,
            Severity,
            Status,
            Created,
            Closed,
            PrimaryContact,
            Product,
            Quantity,
        ],
        RecordKind::ProactiveDelivery => &[
            ServiceName,
            DeliveryType,
            Status,
            StartDate,
            EndDate,
            DeliveredHours,
            Resource,
            Quantity,
        ],
        RecordKind::EducationActivity => &[
            Learner,
            LearnerEmail,
            Activity,
            ActivityType,
            Status,
            Started,
            Completed,
            Hours,
            Quantity,
        ],
        RecordKind::SupportContact => &[Name, Email, Role, Status, Added, Quantity],
        RecordKind::AssessmentSetup => &[
            Assessment,
            Technology,
            Status,
            SetupDate,
            LastCollected,
            LogAnalytics,
            Quantity,
        ],
    }
}

/// The columns of the Additional cases grid.
pub const CASE_COLUMNS: &[ColId] = &[
    ColId::CaseNumber,
    ColId::Title,
    ColId::Created,
    ColId::Status,
    ColId::Hours,
    ColId::Reason,
    ColId::Classification,
    ColId::ContractNumber,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn as_query(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
    pub fn from_query(s: Option<&str>) -> SortDir {
        if s == Some("desc") {
            SortDir::Desc
        } else {
            SortDir::Asc
        }
    }
}

/// A sort on one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortSpec {
    pub col: ColId,
    pub dir: SortDir,
}

impl SortSpec {
    /// The sort after a click on `col`'s header: ascending first, then
    /// toggling.
    pub fn clicked(current: Option<SortSpec>, col: ColId) -> SortSpec {
        match current {
            Some(s) if s.col == col => SortSpec {
                col,
                dir: if s.dir == SortDir::Asc {
                    SortDir::Desc
                } else {
                    SortDir::Asc
                },
            },
            _ => SortSpec {
                col,
                dir: SortDir::Asc,
            },
        }
    }
}

/// A comparable key of one cell.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Key {
    Num(f64),
    Text(String),
}

fn key(cell: Cell<'_>, label: &dyn Fn(&'static str) -> String) -> Option<Key> {
    match cell {
        Cell::Text(s) => Some(Key::Text(fold(s))),
        Cell::Enum(w) => Some(Key::Text(fold(&label(w)))),
        Cell::Num(n) if n.is_finite() => Some(Key::Num(n)),
        Cell::Date(s) => parse_any_ms(s).map(|ms| Key::Num(ms as f64)),
        Cell::Num(_) | Cell::Empty => None,
    }
}

/// Row indices in sorted order. Stable (ties keep API order); empty and
/// unreadable values last in either direction. `label` gives an enum's
/// words, so enums sort as the user reads them.
pub fn sort_order<R: GridRow>(
    rows: &[R],
    sort: Option<SortSpec>,
    label: &dyn Fn(&'static str) -> String,
) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..rows.len() as u32).collect();
    let Some(SortSpec { col, dir }) = sort else {
        return idx;
    };
    let keys: Vec<Option<Key>> = rows.iter().map(|r| key(r.cell(col), label)).collect();
    idx.sort_by(|&a, &b| {
        let (ka, kb) = (&keys[a as usize], &keys[b as usize]);
        match (ka, kb) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
                if dir == SortDir::Desc {
                    o.reverse()
                } else {
                    o
                }
            }
        }
    });
    idx
}

/// Per row, the folded text that Filter rows searches: every text and enum
/// (as words) column, plus numbers as written.
pub fn haystacks<R: GridRow>(
    rows: &[R],
    cols: &[ColId],
    label: &dyn Fn(&'static str) -> String,
) -> Vec<String> {
    rows.iter()
        .map(|r| {
            let mut h = String::new();
            for c in cols {
                match r.cell(*c) {
                    Cell::Text(s) => h.push_str(s),
                    Cell::Enum(w) => h.push_str(&label(w)),
                    Cell::Num(n) => h.push_str(&n.to_string()),
                    Cell::Date(_) | Cell::Empty => continue,
                }
                h.push('\u{1f}');
            }
            fold(&h)
        })
        .collect()
}

/// Keeps the indices of `order` whose row contains every word of `query`
/// (folded; any order). An empty query keeps all.
pub fn filter_order(order: &[u32], hay: &[String], query: &str) -> Vec<u32> {
    let q = fold(query);
    let words: Vec<&str> = q.split_whitespace().collect();
    if words.is_empty() {
        return order.to_vec();
    }
    order
        .iter()
        .copied()
        .filter(|&i| words.iter().all(|w| hay[i as usize].contains(w)))
        .collect()
}

/// The date a record counts on, for charts and the forecast.
pub fn record_date(r: &ActivityRecord) -> Option<&str> {
    match r {
        ActivityRecord::SupportRequest(r) => Some(&r.created_at),
        ActivityRecord::ProactiveDelivery(r) => r.end_date.as_deref().or(Some(&r.start_date)),
        ActivityRecord::EducationActivity(r) => Some(&r.started_at),
        ActivityRecord::SupportContact(r) => r.added_at.as_deref(),
        ActivityRecord::AssessmentSetup(r) => r.setup_date.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;

    fn label(w: &'static str) -> String {
        w.to_uppercase()
    }

    fn rows() -> Vec<ActivityRecord> {
        vec![
            sr("a", "2026-03-01T10:00:00Z", 2.0, "Zeta outage"),
            sr("b", "2026-01-01T10:00:00Z", 10.0, "éclair login"),
            sr("c", "not a date", 2.0, "Alpha latency"),
            sr("d", "2026-02-01T10:00:00Z", 0.5, "Città backup"),
        ]
    }

    #[test]
    fn sorts_numbers_dates_text_stably() {
        let r = rows();
        let s = |col, dir| sort_order(&r, Some(SortSpec { col, dir }), &label);
        assert_eq!(s(ColId::Quantity, SortDir::Asc), [3, 0, 2, 1]);
        assert_eq!(
            s(ColId::Quantity, SortDir::Desc),
            [1, 0, 2, 3],
            "ties keep API order"
        );
        assert_eq!(
            s(ColId::Created, SortDir::Asc),
            [1, 3, 0, 2],
            "unparseable last"
        );
        assert_eq!(
            s(ColId::Created, SortDir::Desc),
            [0, 3, 1, 2],
            "unparseable last"
        );
        assert_eq!(s(ColId::Title, SortDir::Asc), [2, 3, 1, 0], "accents fold");
        assert_eq!(sort_order(&r, None, &label), [0, 1, 2, 3]);
    }

    #[test]
    fn filter_only_narrows_and_matches_words() {
        let r = rows();
        let cols = columns(RecordKind::SupportRequest);
        let hay = haystacks(&r, cols, &label);
        let all = sort_order(&r, None, &label);
        assert_eq!(filter_order(&all, &hay, ""), all);
        assert_eq!(filter_order(&all, &hay, "citta"), [3]);
        assert_eq!(filter_order(&all, &hay, "ECLAIR cn-b"), [1]);
        assert_eq!(
            filter_order(&all, &hay, "closed").len(),
            4,
            "enum words are searched"
        );
        for q in ["a", "al", "alp", "alph", "zzz"] {
            let n = filter_order(&all, &hay, q);
            assert!(n.iter().all(|i| all.contains(i)));
        }
    }

    #[test]
    fn sort_header_toggles() {
        let s = SortSpec::clicked(None, ColId::Title);
        assert_eq!(s.dir, SortDir::Asc);
        assert_eq!(SortSpec::clicked(Some(s), ColId::Title).dir, SortDir::Desc);
        assert_eq!(
            SortSpec::clicked(Some(s), ColId::Quantity),
            SortSpec {
                col: ColId::Quantity,
                dir: SortDir::Asc
            }
        );
        for c in ALL_COLS {
            assert_eq!(ColId::from_key(c.key()), Some(c));
        }
    }

    #[test]
    fn dominant_record_kind() {
        assert_eq!(
            dominant_kind(&rows(), Service::OnDemandEducation),
            RecordKind::SupportRequest
        );
        assert_eq!(
            dominant_kind(&[], Service::OnDemandEducation),
            RecordKind::EducationActivity
        );
    }
}
