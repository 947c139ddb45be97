//! The data grid's model: columns per record type, cells, and filtering and
//! sorting as index lists (never copies of rows), so 100,000 records stay
//! fast. Display text comes from the page (`label`) so this stays pure.

mod cells;
mod columns;
mod order;
mod search;

pub use ca_contract::RecordKind;
pub use cells::{record_date, record_id, Cell, GridRow};
pub use columns::{
    columns, dominant_kind, export_extras, with_workspace, ColId, ColKind, CASE_COLUMNS,
};
pub use order::{filter_order, haystacks, sort_order, SortDir, SortSpec};
pub use search::{search, Query, SearchIndex};

/// The rows a grid shows for a sort and a Filter rows text, as indices in
/// the order shown (exports write exactly these). `label` gives an enum's
/// words in the page's language.
pub fn visible_order<R: GridRow>(
    rows: &[R],
    cols: &[ColId],
    label: &dyn Fn(&'static str) -> String,
    sort: Option<SortSpec>,
    q: &str,
) -> Vec<u32> {
    let order = sort_order(rows, sort, label);
    let query = Query::parse(q);
    if query.is_empty() {
        return order;
    }
    search(&SearchIndex::build(rows, cols, label), &order, &query, None)
}

#[cfg(test)]
mod tests {
    use super::columns::ALL_COLS;
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::{ActivityRecord, Service};

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
        for &c in ALL_COLS {
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
