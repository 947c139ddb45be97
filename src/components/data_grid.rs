//! The data grid: sortable columns (`aria-sort`), a Filter rows searchbox,
//! the count of matching rows in a live region, and a virtualised body, so
//! the DOM holds only the rows in sight however many there are. Sorting and
//! filtering are index lists computed in `domain`; the state lives in the
//! URL (`sort`, `dir`, `q`).

use crate::context::{tr, Ctx};
use crate::domain::grid::{
    filter_order, haystacks, sort_order, Cell, ColId, ColKind, GridRow, SortDir, SortSpec,
};
use crate::i18n::{self, Locale, Msg};
use crate::pages::url::{query_setter, query_value};
use leptos::prelude::*;
use std::sync::Arc;

/// Fixed row height (px): it is what makes windowing exact.
pub const ROW_HEIGHT: f64 = 41.0;
/// Rows drawn beyond the visible ones, above and below.
const OVERSCAN: usize = 12;
/// Rows drawn before the first scroll event measures the viewport.
const INITIAL_ROWS: usize = 40;

/// The grid's current sort, from the URL.
pub fn sort_from_url(sort: Option<String>, dir: Option<String>) -> Option<SortSpec> {
    let col = ColId::from_key(sort.as_deref()?)?;
    Some(SortSpec {
        col,
        dir: SortDir::from_query(dir.as_deref()),
    })
}

/// The rows a grid shows for a sort and filter, as indices (used by exports
/// to write exactly what is shown).
pub fn visible_order<R: GridRow>(
    rows: &[R],
    cols: &[ColId],
    l: Locale,
    sort: Option<SortSpec>,
    q: &str,
) -> Vec<u32> {
    let label = move |w: &'static str| i18n::enum_label(l, w).to_owned();
    let order = sort_order(rows, sort, &label);
    filter_order(&order, &haystacks(rows, cols, &label), q)
}

fn render_cell(l: Locale, cell: Cell<'_>) -> AnyView {
    match cell {
        Cell::Text(s) => s.to_owned().into_any(),
        Cell::Num(n) => i18n::num(l, n).into_any(),
        Cell::Date(s) => i18n::any_date(l, s).into_any(),
        Cell::Enum(w) => {
            view! { <span class=format!("badge badge--{w}")>{i18n::enum_label(l, w)}</span> }
                .into_any()
        }
        Cell::Empty => "".into_any(),
    }
}

#[component]
pub fn DataGrid<R>(
    /// The table's accessible name (also its visible heading's text).
    #[prop(into)]
    label: Signal<String>,
    rows: Arc<Vec<R>>,
    columns: Vec<ColId>,
    /// Header of the quantity column (the entitlement's unit).
    #[prop(optional, into)]
    quantity_header: Option<Signal<String>>,
) -> impl IntoView
where
    R: GridRow + Send + Sync + 'static,
{
    let ctx = Ctx::get();
    let l = ctx.locale;
    let q = query_value("q");
    let sort_q = query_value("sort");
    let dir_q = query_value("dir");
    let set = query_setter();
    let sort = Memo::new(move |_| sort_from_url(sort_q.get(), dir_q.get()));
    let columns = Arc::new(columns);

    // Sorting re-runs only when the sort or language changes; typing only
    // filters the sorted order.
    let order = {
        let rows = rows.clone();
        Memo::new(move |_| {
            let l = l.get();
            let label = move |w: &'static str| i18n::enum_label(l, w).to_owned();
            Arc::new(sort_order(&rows, sort.get(), &label))
        })
    };
    // The search text of every row is built on the first search, not on
    // load: a page that is only read or sorted never pays for it.
    let searching =
        Memo::new(move |_| q.with(|q| q.as_deref().is_some_and(|q| !q.trim().is_empty())));
    let hay = {
        let (rows, cols) = (rows.clone(), columns.clone());
        Memo::new(move |_| {
            if !searching.get() {
                return None;
            }
            let l = l.get();
            Some(Arc::new(haystacks(
                &rows,
                &cols,
                &move |w: &'static str| i18n::enum_label(l, w).to_owned(),
            )))
        })
    };
    let visible = Memo::new(move |_| {
        let q = q.get().unwrap_or_default();
        hay.with(|h| match h {
            Some(h) => Arc::new(order.with(|o| filter_order(o, h, &q))),
            None => order.get(),
        })
    });

    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(INITIAL_ROWS as f64 * ROW_HEIGHT);
    let window = Memo::new(move |_| {
        let n = visible.with(|v| v.len());
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize)
            .saturating_sub(OVERSCAN)
            .min(n);
        let count = (viewport.get() / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        (first, (first + count).min(n), n)
    });

    let total = rows.len();
    let count_text = move || {
        let l = l.get();
        let shown = visible.with(|v| v.len());
        let filtered = !q.get().unwrap_or_default().trim().is_empty();
        i18n::record_count(
            l,
            &i18n::num(l, shown as f64),
            &i18n::num(l, total as f64),
            filtered,
            i18n::is_one(l, shown as f64),
        )
    };

    let search_id = ctx.id("grid-filter");
    let set_q = set.clone();
    let header_cols = columns.clone();
    let headers = move || {
        let l = l.get();
        header_cols
            .iter()
            .map(|&c| {
                let text = match (c, &quantity_header) {
                    (ColId::Quantity, Some(h)) => h.get(),
                    _ => i18n::column_header(l, c).to_owned(),
                };
                let set = set.clone();
                let aria_sort = move || match sort.get() {
                    Some(s) if s.col == c && s.dir == SortDir::Asc => "ascending",
                    Some(s) if s.col == c => "descending",
                    _ => "none",
                };
                let numeric = matches!(c.kind(), ColKind::Number);
                view! {
                    <th scope="col" aria-sort=aria_sort class:num=numeric>
                        <button
                            type="button"
                            class="sort-button"
                            on:click=move |_| {
                                let s = SortSpec::clicked(sort.get_untracked(), c);
                                set(&[("sort", Some(c.key())), ("dir", Some(s.dir.as_query()))], false);
                            }
                        >
                            {text}
                            <span class="sort-icon" aria-hidden="true"></span>
                        </button>
                    </th>
                }
            })
            .collect_view()
    };

    let body_cols = columns.clone();
    let ncols = columns.len();
    let body = move || {
        let (first, last, n) = window.get();
        let l = l.get();
        let idx = visible.get();
        let cols = body_cols.clone();
        let rows = rows.clone();
        let top = first as f64 * ROW_HEIGHT;
        let bottom = (n - last) as f64 * ROW_HEIGHT;
        let drawn = idx[first..last]
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let r = &rows[i as usize];
                let cells = cols
                    .iter()
                    .map(|&c| {
                        let numeric = matches!(c.kind(), ColKind::Number);
                        view! { <td class:num=numeric>{render_cell(l, r.cell(c))}</td> }
                    })
                    .collect_view();
                view! { <tr aria-rowindex=(first + k + 2).to_string()>{cells}</tr> }
            })
            .collect_view();
        view! {
            {(top > 0.0).then(|| view! { <tr class="spacer" aria-hidden="true"><td colspan=ncols style:height=format!("{top}px")></td></tr> })}
            {drawn}
            {(bottom > 0.0).then(|| view! { <tr class="spacer" aria-hidden="true"><td colspan=ncols style:height=format!("{bottom}px")></td></tr> })}
        }
    };

    let empty = move || {
        (visible.with(|v| v.is_empty())).then(|| {
            let m = if total == 0 {
                Msg::NoRecords
            } else {
                Msg::NoMatchingRecords
            };
            view! { <p class="grid-empty">{tr(m)}</p> }
        })
    };

    view! {
        <div class="grid">
            <div class="grid-tools">
                <div class="field field--search">
                    <label for=search_id.clone()>{tr(Msg::FilterRows)}</label>
                    <input
                        id=search_id
                        type="search"
                        autocomplete="off"
                        prop:value=move || q.get().unwrap_or_default()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            set_q(&[("q", Some(v.as_str()))], true);
                        }
                    />
                </div>
                <p class="grid-count" role="status" aria-live="polite">{count_text}</p>
            </div>
            <div
                class="grid-scroll"
                on:scroll=move |ev| {
                    let el: web_sys::Element = event_target(&ev);
                    scroll_top.set(el.scroll_top() as f64);
                    viewport.set(el.client_height() as f64);
                }
            >
                <table class="grid-table" aria-label=move || label.get() aria-rowcount=move || (visible.with(|v| v.len()) + 1).to_string()>
                    <thead>
                        <tr aria-rowindex="1">{headers}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {empty}
        </div>
    }
}
