//! The first rows of a long list, shown while the rest of it loads: the
//! data grid's table (same name, columns and cells) without its controls,
//! which need every row. The page swaps in the [`DataGrid`] once all rows
//! have arrived.
//!
//! [`DataGrid`]: crate::components::data_grid::DataGrid

use crate::components::alert::Loading;
use crate::components::grid_cells::{cell_view, col_flex, header_text, table_min_width};
use crate::domain::grid::{ColId, ColKind, GridRow};
use crate::i18n::{self, Msg};
use crate::ui::{tr, use_ui};
use ca_contract::{ActivityRecord, Unit};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn GridPreview<R>(
    /// The table's accessible name (the grid's).
    #[prop(into)]
    label: Signal<String>,
    rows: Arc<Vec<R>>,
    columns: Vec<ColId>,
    /// Header of the quantity column (the entitlement's unit).
    #[prop(into)]
    quantity_header: Signal<String>,
) -> impl IntoView
where
    R: GridRow + Send + Sync + 'static,
{
    let l = use_ui().locale;
    let table_min_width = table_min_width(&columns);
    let cols = Arc::new(columns);
    let head_cols = cols.clone();
    let headers = move || {
        let l = l.get();
        head_cols
            .iter()
            .map(|&c| {
                let numeric = matches!(c.kind(), ColKind::Number);
                view! {
                    <th scope="col" class:num=numeric style:flex=col_flex(c)>
                        {header_text(l, c, Some(quantity_header))}
                    </th>
                }
            })
            .collect_view()
    };
    let body = move || {
        let l = l.get();
        rows.iter()
            .enumerate()
            .map(|(k, r)| {
                let cells = cols
                    .iter()
                    .map(|&c| {
                        let numeric = matches!(c.kind(), ColKind::Number);
                        view! {
                            <td class:num=numeric style:flex=col_flex(c)>
                                {cell_view(l, r.cell(c))}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr aria-rowindex=(k + 2).to_string()>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <div class="grid grid--preview">
            <div class="grid-tools">
                <p class="loading">
                    <span class="spinner" aria-hidden="true"></span>
                    {tr(Msg::LoadingMoreRecords)}
                </p>
            </div>
            <div class="grid-scroll grid-scroll--full">
                <table
                    class="grid-table"
                    style:min-width=table_min_width
                    aria-label=move || label.get()
                >
                    <thead>
                        <tr aria-rowindex="1">{headers}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    }
}

/// What a drilldown shows of a long list while the rest of it loads: the
/// chart's place and the first rows of the grid.
#[component]
pub fn RecordsPreview(
    rows: Arc<Vec<ActivityRecord>>,
    columns: Vec<ColId>,
    unit: Unit,
) -> impl IntoView {
    let ctx = use_ui();
    let l = ctx.locale;
    let chart_h = ctx.id("chart-h");
    let chart_h_ref = chart_h.clone();
    let grid_h = ctx.id("grid-h");
    let grid_h_ref = grid_h.clone();
    view! {
        <section class="card" aria-labelledby=chart_h_ref>
            <h2 id=chart_h>{tr(Msg::ConsumptionOverTime)}</h2>
            <Loading />
        </section>
        <section class="card" aria-labelledby=grid_h_ref>
            <div class="card__head">
                <h2 id=grid_h>{tr(Msg::ConsumptionDetails)}</h2>
            </div>
            <GridPreview
                label=Signal::derive(move || l.get().t(Msg::ConsumptionDetails).to_owned())
                rows=rows
                columns=columns
                quantity_header=Signal::derive(move || i18n::unit_header(l.get(), unit))
            />
        </section>
    }
}
