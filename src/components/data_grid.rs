//! The data grid: sortable columns (`aria-sort`), a Filter rows searchbox,
//! the count of matching rows in a live region, and a virtualised body, so
//! the DOM holds only the rows in sight however many there are. Sorting and
//! filtering are index lists computed in `domain`. The grid owns no state
//! of its own beyond scrolling: the page gives it the sort and the filter
//! text and is called back when the user changes them (the page keeps them
//! in the URL).

use crate::components::grid_cells::{col_width, header_text, linked};
use crate::components::grid_index::SharedIndex;
use crate::components::grid_print::{print_note, use_printing, PRINT_MAX};
use crate::components::grid_resize::ResizeHandle;
use crate::components::grid_slot::{drawn_slots, SlotCells};
use crate::components::grid_tip::{self, GridTip};
use crate::domain::grid::{search, sort_order, ColId, ColKind, GridRow, Query, SortDir, SortSpec};
use crate::i18n::{self, Locale, Msg};
use crate::ui::{tr, use_ui};
use leptos::prelude::*;
use std::sync::Arc;

/// Fixed row height (px): it is what makes windowing exact.
pub const ROW_HEIGHT: f64 = 41.0;
/// Rows drawn beyond the visible ones, above and below: they hide the
/// frame the rows lag behind a fast scroll, but each one drawn costs its
/// layout on every scroll step.
const OVERSCAN: usize = 2;
/// Up to this many rows are all drawn (no windowing for small sets).
const ALL_DRAWN: usize = 30;
/// A column's narrowest and widest (em).
const MIN_COL_EM: f64 = 4.0;
const MAX_COL_EM: f64 = 40.0;

/// A header's or cell's box: its column's width and share of the extra
/// width, from the table's custom properties (the default until they are
/// set).
fn flex_of(i: usize, default: f64) -> String {
    format!("var(--ca-g{i}, {default}) 0 var(--ca-w{i}, {default}em)")
}

/// The scroll area's height (style/grid.css `.grid-scroll`); a scroll event
/// measures the real one.
const INITIAL_VIEWPORT: f64 = 560.0;
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
    /// The sort the rows are shown in.
    #[prop(into)]
    sort: Signal<Option<SortSpec>>,
    /// Called with the new sort when a header is clicked.
    on_sort: Callback<SortSpec>,
    /// The Filter rows text the rows are filtered by.
    #[prop(into)]
    query: Signal<String>,
    /// Called with the text as the user types in Filter rows.
    on_query: Callback<String>,
    /// Remembers the columns' widths under this name (per table); without
    /// it, resized widths last as long as the grid.
    #[prop(optional, into)]
    widths_key: Option<String>,
) -> impl IntoView
where
    R: GridRow + Send + Sync + 'static,
{
    let ctx = use_ui();
    let l = ctx.locale;
    let q = query;
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

    // Filter rows searches an index built in the background from the start.
    let index = SharedIndex::default();
    index.build_in_background(rows.clone(), columns.clone(), l);

    // What the last search kept, so that a query that extends it ("tim" →
    // "time") searches only those rows: (language, the order searched, the
    // query, the rows kept).
    type Last = (Locale, Arc<Vec<u32>>, Query, Arc<Vec<u32>>);
    let last: StoredValue<Option<Last>> = StoredValue::new(None);
    let visible = {
        let (rows, cols) = (rows.clone(), columns.clone());
        Memo::new(move |_| {
            let query = q.with(|q| Query::parse(q));
            let order = order.get();
            if query.is_empty() {
                last.set_value(None);
                return order;
            }
            let lang = l.get();
            let prev = last.with_value(|p| {
                p.as_ref()
                    .filter(|p| p.0 == lang && Arc::ptr_eq(&p.1, &order))
                    .map(|p| (p.2.clone(), p.3.clone()))
            });
            let kept = Arc::new(index.with_complete(&rows, &cols, lang, |ix| {
                search(
                    ix,
                    &order,
                    &query,
                    prev.as_ref().map(|(q, k)| (q, k.as_slice())),
                )
            }));
            last.set_value(Some((lang, order, query, kept.clone())));
            kept
        })
    };

    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(INITIAL_VIEWPORT);
    // How many rows are drawn: changes only with the viewport's height.
    let slots = Memo::new(move |_| {
        // The rows in sight, one more for a partly scrolled first row, and
        // the overscan.
        (viewport.get() / ROW_HEIGHT).ceil() as usize + 1 + 2 * OVERSCAN
    });
    // Printing draws the rows whole (up to PRINT_MAX), not the window.
    let printing = use_printing();
    let window = Memo::new(move |_| {
        let n = visible.with(|v| v.len());
        if n <= ALL_DRAWN {
            return (0, n, n);
        }
        if printing.get() {
            return (0, n.min(PRINT_MAX), n);
        }
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize)
            .saturating_sub(OVERSCAN)
            .min(n);
        (first, (first + slots.get()).min(n), n)
    });

    let total = rows.len();
    let count_text = move || {
        let l = l.get();
        let shown = visible.with(|v| v.len());
        let filtered = q.with(|q| !q.trim().is_empty());
        i18n::record_count(
            l,
            &i18n::num(l, shown as f64),
            &i18n::num(l, total as f64),
            filtered,
            i18n::is_one(l, shown as f64),
        )
    };

    // Column widths (em): resizable with the mouse and the keyboard, and
    // remembered per table. The table holds them as custom properties that
    // every header and cell's flex reads, so a resize restyles one element.
    let defaults: Vec<f64> = columns.iter().map(|&c| col_width(c)).collect();
    let widths = RwSignal::new(crate::ui::load_widths(
        widths_key.as_deref(),
        &columns,
        &defaults,
    ));
    let table_ref = NodeRef::<leptos::html::Table>::new();
    Effect::new(move |_| {
        let Some(t) = table_ref.get() else { return };
        let style = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&t).style();
        widths.with(|w| {
            for (i, x) in w.iter().enumerate() {
                let _ = style.set_property(&format!("--ca-w{i}"), &format!("{x}em"));
                let _ = style.set_property(&format!("--ca-g{i}"), &format!("{x}"));
            }
            let _ = style.set_property("min-width", &format!("{}em", w.iter().sum::<f64>()));
        });
    });
    let resize_cols = columns.clone();
    let set_width = move |i: usize, w: f64| {
        widths.update(|ws| ws[i] = w.clamp(MIN_COL_EM, MAX_COL_EM).round());
        crate::ui::save_widths(widths_key.as_deref(), &resize_cols, &widths.get_untracked());
    };

    let search_id = ctx.id("grid-filter");
    let header_cols = columns.clone();
    let headers = move || {
        let l = l.get();
        header_cols
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let text = header_text(l, c, quantity_header);
                let aria_sort = move || match sort.get() {
                    Some(s) if s.col == c && s.dir == SortDir::Asc => "ascending",
                    Some(s) if s.col == c => "descending",
                    _ => "none",
                };
                let numeric = matches!(c.kind(), ColKind::Number);
                let set_width = set_width.clone();
                let default = defaults[i];
                let resize_name = i18n::resize_column(l, &text);
                let th_name = text.clone();
                view! {
                    // Named by its text alone (not by its resize handle's name).
                    <th
                        scope="col"
                        aria-label=th_name
                        aria-sort=aria_sort
                        class:num=numeric
                        style:flex=flex_of(i, default)
                    >
                        <button
                            type="button"
                            class="sort-button"
                            on:click=move |_| {
                                on_sort.run(SortSpec::clicked(sort.get_untracked(), c));
                            }
                        >
                            {text}
                            <span class="sort-icon" aria-hidden="true"></span>
                        </button>
                        <ResizeHandle
                            name=resize_name
                            width=Signal::derive(move || widths.with(|w| w[i]))
                            default=default
                            min=MIN_COL_EM
                            max=MAX_COL_EM
                            on_width=Callback::new(move |w| set_width(i, w))
                        />
                    </th>
                }
            })
            .collect_view()
    };

    // The body is a fixed pool of row slots, keyed by position in the
    // window, not by record: scrolling rewrites the slots' cells (and
    // `aria-rowindex`) instead of creating rows and cells. Each slot's
    // effect writes them (components/grid_slot.rs).
    let ncols = columns.len();
    let slot = {
        let cols = columns.clone();
        move |k: usize| {
            let tr = NodeRef::<leptos::html::Tr>::new();
            let mut cells: Option<SlotCells> = None;
            {
                let (rows, cols) = (rows.clone(), cols.clone());
                Effect::new(move |_| {
                    let Some(tr) = tr.get() else { return };
                    let (first, last, _) = window.get();
                    let rec = (first + k < last)
                        .then(|| visible.with(|v| v.get(first + k).copied()))
                        .flatten();
                    let lang = l.get();
                    let windowed = window.with(|w| w.2 > ALL_DRAWN);
                    cells
                        .get_or_insert_with(|| SlotCells::attach(&tr, &cols))
                        .show(
                            &tr,
                            &cols,
                            first + k + 2,
                            rec.map(|i| (i, &rows[i as usize])),
                            lang,
                            windowed,
                        );
                });
            }
            let cells = cols
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let numeric = matches!(c.kind(), ColKind::Number);
                    let badge = (c.kind() == ColKind::Enum).then(|| view! { <span hidden></span> });
                    let link = linked(c)
                        .then(|| view! { <a target="_blank" rel="noopener noreferrer"></a> });
                    view! {
                        <td class:num=numeric style:flex=flex_of(i, col_width(c))>
                            {badge}
                            {link}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr node_ref=tr>{cells}</tr> }
        }
    };
    let drawn = drawn_slots(window);
    let drawn = move || 0..drawn.get();
    let top = Memo::new(move |_| window.with(|w| w.0) as f64 * ROW_HEIGHT);
    let bottom = Memo::new(move |_| window.with(|w| w.2 - w.1) as f64 * ROW_HEIGHT);
    // Spacers stand for the rows above and below the window; each is
    // created once and only its height follows the scroll.
    let has_top = Memo::new(move |_| top.get() > 0.0);
    let has_bottom = Memo::new(move |_| bottom.get() > 0.0);
    let spacer = move |shown: Memo<bool>, h: Memo<f64>| {
        move || {
            shown.get().then(|| {
                view! {
                    <tr class="spacer" aria-hidden="true">
                        <td colspan=ncols style:height=move || format!("{}px", h.get())></td>
                    </tr>
                }
            })
        }
    };
    let top_spacer = spacer(has_top, top);
    let bottom_spacer = spacer(has_bottom, bottom);

    // A scroll area its rows overflow gets a fixed height and `contain:
    // strict` (same look: it is 560 px high either way), which makes it a
    // layout boundary: rows changing as it scrolls lay out only the grid,
    // not the whole page.
    let full =
        Memo::new(move |_| visible.with(|v| v.len()) as f64 * ROW_HEIGHT >= INITIAL_VIEWPORT);

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

    let tip = GridTip::new();
    view! {
        // `data-q`: the query the rows shown were filtered by.
        <div class="grid" class:grid--wrap=move || visible.with(|v| v.len()) <= ALL_DRAWN data-q=move || q.get()>
            <div class="grid-tools">
                <div class="field field--search">
                    <label for=search_id.clone()>{tr(Msg::FilterRows)}</label>
                    <input
                        id=search_id
                        type="search"
                        autocomplete="off"
                        prop:value=move || q.get()
                        on:input=move |ev| on_query.run(event_target_value(&ev))
                    />
                </div>
                <p class="grid-count" role="status" aria-live="polite">{count_text}</p>
            </div>
            <div
                class="grid-scroll"
                class:grid-scroll--full=full
                on:scroll=move |ev| {
                    let el: web_sys::Element = event_target(&ev);
                    scroll_top.set(el.scroll_top() as f64);
                    let h = el.client_height() as f64;
                    if h != viewport.get_untracked() {
                        viewport.set(h);
                    }
                    // After the rows show the records now in view.
                    request_animation_frame(move || tip.on_scroll());
                }
            >
                <table
                    class="grid-table"
                    on:mouseover=move |ev| grid_tip::on_pointer(&ev)
                    on:focusin=move |ev| tip.on_focus(&ev)
                    on:focusout=move |_| tip.hide()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            tip.hide();
                        }
                    }
                    node_ref=table_ref aria-label=move || label.get() aria-rowcount=move || (visible.with(|v| v.len()) + 1).to_string()>
                    <thead>
                        <tr aria-rowindex="1">{headers}</tr>
                    </thead>
                    <tbody>
                        {top_spacer}
                        <For each=drawn key=|k| *k children=slot />
                        {bottom_spacer}
                    </tbody>
                </table>
            </div>
            {tip.view()}
            {empty}
            {print_note(l, move || visible.with(|v| v.len()))}
        </div>
    }
}
