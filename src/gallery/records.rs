//! The drilldown's components: the data grid (empty to 100,000 rows) and
//! the consumption chart.

use super::fixtures;
use super::page::{Section, State};
use crate::components::chart::{ChartData, ConsumptionChart};
use crate::components::data_grid::DataGrid;
use crate::context::Ctx;
use crate::domain::grid::{columns, RecordKind, SortSpec};
use crate::i18n::{self, Msg};
use ca_contract::{ActivityRecord, Unit};
use leptos::prelude::*;
use std::sync::Arc;

/// The grids' shared sort and filter: plain signals (the grid takes its
/// state as props), so sorting or filtering one shows all of them sorted or
/// filtered.
#[derive(Clone, Copy)]
struct GridState {
    sort: RwSignal<Option<SortSpec>>,
    q: RwSignal<String>,
}

fn grid(rows: Vec<ActivityRecord>) -> impl IntoView {
    let l = Ctx::get().locale;
    let st = expect_context::<GridState>();
    view! {
        <DataGrid
            label=Signal::derive(move || l.get().t(Msg::ConsumptionDetails).to_owned())
            rows=Arc::new(rows)
            columns=columns(RecordKind::SupportRequest).to_vec()
            quantity_header=Signal::derive(move || i18n::unit_header(l.get(), Unit::Cases))
            sort=st.sort
            on_sort=Callback::new(move |s| st.sort.set(Some(s)))
            query=st.q
            on_query=Callback::new(move |q| st.q.set(q))
        />
    }
}

/// The grids share one sort and one filter text.
#[component]
pub fn Grids() -> impl IntoView {
    provide_context(GridState {
        sort: RwSignal::new(None),
        q: RwSignal::new(String::new()),
    });
    view! {
        <Section id="grid" wide=true>
            <State name="grid-empty" title="No records">
                {grid(vec![])}
            </State>
            <State name="grid-1-row" title="One row">
                {grid(fixtures::support_requests(1))}
            </State>
            <State name="grid-40-rows" title="40 rows">
                {grid(fixtures::support_requests(40))}
            </State>
            <State name="grid-100000-rows" title="100,000 rows (generated, windowed)">
                {grid(fixtures::support_requests(100_000))}
            </State>
        </Section>
    }
}

/// The chart as the drilldown draws it: axis dates and numbers in the
/// current language (redrawn when it changes), and its text alternative.
fn chart(data: ChartData) -> impl IntoView {
    let l = Ctx::get().locale;
    move || {
        let loc = l.get();
        let alt = match (data.points.first(), data.points.last()) {
            (Some(first), Some(last)) => {
                let d = |ms: i64| {
                    chrono::DateTime::from_timestamp_millis(ms)
                        .map(|d| i18n::any_date(loc, &d.to_rfc3339()))
                        .unwrap_or_default()
                };
                i18n::chart_alt(
                    loc,
                    &i18n::quantity(loc, last.1, Unit::Hours),
                    &d(first.0),
                    &d(last.0),
                    data.cap
                        .map(|c| i18n::quantity(loc, c, Unit::Hours))
                        .as_deref(),
                )
            }
            _ => loc.t(Msg::ChartNoData).to_owned(),
        };
        let fmt_x = Arc::new(move |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|d| i18n::any_date(loc, &d.to_rfc3339()))
                .unwrap_or_default()
        });
        let fmt_y = Arc::new(move |y: f64| i18n::num(loc, y));
        view! { <ConsumptionChart data=data.clone() alt=alt fmt_x=fmt_x fmt_y=fmt_y /> }
    }
}

#[component]
pub fn Charts() -> impl IntoView {
    view! {
        <Section id="chart" wide=true>
            <State name="chart-cap-and-forecast" title="With the cap and a forecast">
                {chart(fixtures::chart_with_cap_and_forecast())}
            </State>
            <State name="chart-no-data" title="No data (the drilldown shows its note instead)">
                {chart(ChartData::default())}
                <p class="muted">{crate::context::tr(Msg::ChartNoData)}</p>
            </State>
        </Section>
    }
}
