//! Cells: what each column of a row holds, per record type.

use super::columns::ColId;
#[cfg(doc)]
use crate::domain::text::clip_for_cell;
use ca_contract::{ActivityRecord, AdditionalCase};

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

    /// The row's link in Services Hub, as sent (the page links it only
    /// when it is http(s): [`crate::domain::text::http_url`]).
    fn url(&self) -> Option<&str> {
        None
    }
}

/// A text cell, whole: the grid clips what it shows, searches and sorts
/// by ([`clip_for_cell`]: `components::grid_cells::cell_text`, the search
/// index, the sort keys); exports write the whole text.
fn text(s: &str) -> Cell<'_> {
    Cell::Text(s)
}
fn opt_text<S: std::ops::Deref<Target = str>>(s: &Option<S>) -> Cell<'_> {
    s.as_deref().map_or(Cell::Empty, text)
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
            (_, RecordId) => text(record_id(self)),
            (_, Url) => self.url().map_or(Cell::Empty, Cell::Text),
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
                EngagementId => opt_text(&r.engagement_id),
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

    fn url(&self) -> Option<&str> {
        match self {
            ActivityRecord::SupportRequest(r) => r.url.as_deref(),
            ActivityRecord::ProactiveDelivery(r) => r.url.as_deref(),
            _ => None,
        }
    }
}

/// A record's id.
pub fn record_id(r: &ActivityRecord) -> &str {
    match r {
        ActivityRecord::SupportRequest(r) => &r.id,
        ActivityRecord::ProactiveDelivery(r) => &r.id,
        ActivityRecord::EducationActivity(r) => &r.id,
        ActivityRecord::SupportContact(r) => &r.id,
        ActivityRecord::AssessmentSetup(r) => &r.id,
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
            Url => self.url.as_deref().map_or(Cell::Empty, Cell::Text),
            _ => Cell::Empty,
        }
    }

    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
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
    use crate::domain::fixtures::sr;
    use crate::domain::text::MAX_CELL_BYTES;

    #[test]
    fn a_long_text_is_clipped_where_the_grid_uses_it_and_whole_in_exports() {
        let long = "z".repeat(1 << 20);
        let r = vec![sr("a", "2026-01-01T00:00:00Z", 1.0, &long)];
        // What Filter rows searches is clipped...
        let hay = super::super::haystacks(&r, &[ColId::Title], &|w| w.to_owned());
        assert!(hay[0].len() <= MAX_CELL_BYTES + 1, "{}", hay[0].len());
        // ...and so is what the search index holds.
        let ix = super::super::SearchIndex::build(&r, &[ColId::Title], &|w| w.to_owned());
        let q = super::super::Query::parse("zzz");
        assert_eq!(super::super::search(&ix, &[0], &q, None), [0]);
        // An export writes the whole text.
        let sheet =
            crate::domain::export::table("s", &r, &[0], &[ColId::Title], &|_| "T".into(), &|w| {
                w.to_owned()
            });
        assert_eq!(
            sheet.rows[0][0],
            crate::domain::xlsx::XCell::Text(long.clone())
        );
        let ActivityRecord::SupportRequest(x) = &r[0] else {
            unreachable!()
        };
        assert_eq!(x.title.len(), 1 << 20, "the record keeps it all");
    }
}
