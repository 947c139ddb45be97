//! What the data grid and its preview share: column widths, header texts
//! and cell contents.

use crate::domain::grid::{Cell, ColId, ColKind};
use crate::i18n::{self, Locale};
use leptos::prelude::*;

/// A cell as text (enums as their words).
pub(crate) fn cell_text(l: Locale, cell: Cell<'_>) -> String {
    match cell {
        Cell::Text(s) => crate::domain::text::clip_for_cell(s).to_owned(),
        Cell::Num(n) => i18n::num(l, n),
        Cell::Date(s) => i18n::any_date(l, s),
        Cell::Enum(w) => i18n::enum_label(l, w).to_owned(),
        Cell::Empty => String::new(),
    }
}

/// Whether a column's cells link to the record in Services Hub (when the
/// record has an http(s) `url`): the case number and the engagement.
pub(crate) fn linked(c: ColId) -> bool {
    matches!(c, ColId::CaseNumber | ColId::EngagementId)
}

/// A column's header text (the quantity column's names the unit).
pub(crate) fn header_text(l: Locale, c: ColId, quantity: Option<Signal<String>>) -> String {
    match (c, quantity) {
        (ColId::Quantity, Some(h)) => h.get(),
        _ => i18n::column_header(l, c).to_owned(),
    }
}

/// A column's cells' box (style/grid.css lays each row out as a flex line):
/// a fixed width in `em`, which fits its content at any font size, growing
/// in proportion to it when the table is wider than the columns' sum. The
/// browser never measures the cells' text to lay rows out as they scroll by.
/// (Set as a style property, not a `style` attribute, which a host page's
/// Content Security Policy may forbid.)
pub(crate) fn col_flex(c: ColId) -> String {
    let w = col_width(c);
    format!("{w} 0 {w}em")
}

/// The table's least width, the sum of its columns' (a narrower window
/// scrolls the grid sideways).
pub(crate) fn table_min_width(columns: &[ColId]) -> String {
    let w: f64 = columns.iter().map(|&c| col_width(c)).sum();
    format!("{w}em")
}

/// The classes of a status word's badge (style/grid.css).
pub(crate) fn badge_class(word: &str) -> String {
    format!("badge badge--{word}")
}

/// A cell's content: a status word as a badge, anything else as text.
pub(crate) fn cell_view(l: Locale, cell: Cell<'_>) -> AnyView {
    match cell {
        Cell::Enum(w) => {
            view! { <span class=badge_class(w)>{i18n::enum_label(l, w)}</span> }.into_any()
        }
        other => cell_text(l, other).into_any(),
    }
}

/// A column's width in `em` (cell padding included): a case number's 16
/// digits, a date, a status badge, a header with its sort icon.
pub(crate) fn col_width(c: ColId) -> f64 {
    use ColId::*;
    match (c, c.kind()) {
        (Title | Activity | ServiceName | Assessment, _) => 14.0,
        (CaseNumber, _) => 13.0,
        (EngagementId, _) => 9.0,
        (Reason | Classification, _) => 13.0,
        (_, ColKind::Text) => 9.5,
        (_, ColKind::Date) => 8.5,
        (_, ColKind::Enum) => 7.5,
        (_, ColKind::Number) => 6.0,
    }
}
