//! A drilldown's records once they are in: the chart with its forecast, the
//! From/To range, the exports and the grid (`pages::drilldown` loads them).

use super::drilldown::Records;
use super::export::export_callbacks;
use super::gate::User;
use super::part::Reading;
use super::url::TableQuery;
use crate::api::{Opened, Preview};
use crate::components::alert::{count_note, DataIssues};
use crate::components::chart::{ChartData, ConsumptionChart};
use crate::components::data_grid::DataGrid;
use crate::components::grid_preview::RecordsPreview;
use crate::components::table_tools::{DateRangeFields, ExportGroup};
use crate::context::{tr, Ctx};
use crate::domain::csv_export::{training_report, training_report_name};
use crate::domain::export::table;
use crate::domain::forecast::{cumulative, forecast, Outcome};
use crate::domain::grid::{
    columns as record_columns, dominant_kind, export_extras, visible_order,
    with_workspace as with_ws_column, ColId,
};
use crate::domain::records::{has_workspaces, shown_records, ShownRecords};
use crate::domain::usage::Usage;
use crate::domain::validate::{check_records, unreadable};
use crate::domain::view::WorkspaceSel;
use crate::i18n::{self, Locale, Msg};
use ca_contract::{ActivityRecord, EntitlementActivity, Service};
use leptos::prelude::*;
use std::sync::Arc;

/// The records shown, compared by identity (a new selection or range makes
/// a new list).
#[derive(Clone)]
struct Shown(Arc<ShownRecords>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What [`decode_records`] reads: an entitlement's answered request.
pub(super) struct DecodeArgs {
    pub(super) opened: Opened,
    pub(super) id: String,
    pub(super) preview: Preview<ActivityRecord>,
}

super::part::split_fn! {
    /// Reads an entitlement's records as they arrive, decodes and checks
    /// them, in the wasm part `records` (the landing page never needs
    /// their decoder).
    pub(super) fn decode_records(a: DecodeArgs) -> Reading<Records> => records, preload_decode_records / load_decode_records {
        Box::pin(async move {
            let DecodeArgs { opened, id, preview } = a;
            let d = opened.decode::<EntitlementActivity>(Some(preview)).await?;
            // What follows the download takes a while for a long list: each
            // step in a task of its own, so the page can paint and answer
            // input in between.
            crate::platform::next_task().await;
            let mut findings = unreadable(&d.issues);
            findings.extend(check_records(
                &id,
                &d.value.entitlement_id,
                &d.value.records,
            ));
            crate::platform::next_task().await;
            let series = cumulative(&d.value.records.items);
            crate::platform::next_task().await;
            Ok(Records {
                records: Arc::new(d.value.records.items),
                findings,
                series,
            })
        })
    }
}

/// What a drilldown hands to [`preview_part`].
pub(super) struct PreviewArgs {
    pub(super) first: Arc<Vec<ActivityRecord>>,
    pub(super) service: Service,
    pub(super) unit: ca_contract::Unit,
}

super::part::split_view! {
    /// The first records of a long list while the rest loads (the chart's
    /// place and the grid's first rows), in the wasm part `records`: only
    /// its decoder reads them, so it is in whenever they are.
    pub(super) fn preview_part(a: PreviewArgs) in records, preload_preview / load_preview {
        view! {
            <RecordsPreview
                columns=record_columns(dominant_kind(&a.first, a.service)).to_vec()
                rows=a.first
                unit=a.unit
            />
        }
        .into_any()
    }
}

/// What a drilldown hands to [`records_part`].
pub(super) struct RecordsArgs {
    pub(super) r: Arc<Records>,
    pub(super) usage: Usage,
    pub(super) unit: ca_contract::Unit,
    pub(super) service: Service,
    pub(super) period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub(super) can_export: bool,
    pub(super) tq: TableQuery,
    pub(super) sel: Memo<WorkspaceSel>,
    pub(super) title: String,
}

super::part::split_view! {
    /// The records' view, in the wasm part `records` (with the grid, the
    /// chart and the exports, which only a drilldown draws).
    pub(super) fn records_part(a: RecordsArgs) in records, preload_records / load_records {
        view! {
            <RecordsView
                r=a.r
                usage=a.usage
                unit=a.unit
                service=a.service
                period=a.period
                can_export=a.can_export
                tq=a.tq
                sel=a.sel
                title=a.title
            />
        }
        .into_any()
    }
}

#[component]
fn RecordsView(
    r: Arc<Records>,
    usage: Usage,
    unit: ca_contract::Unit,
    service: Service,
    period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    can_export: bool,
    tq: TableQuery,
    sel: Memo<WorkspaceSel>,
    title: String,
) -> impl IntoView {
    let ctx = Ctx::get();
    let l = ctx.locale;
    let today = ctx.today;
    let me = User::get();
    let records = r.records.clone();
    let series = r.series.clone();
    let fc = period.and_then(|(s, e)| {
        forecast(&series, usage.purchased, usage.consumed, s, e, today).map(|f| (f, e))
    });
    let forecast_line = fc.and_then(|(f, end)| {
        let t0 = today.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
        let end_ms = end.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
        match f.outcome {
            Outcome::RunsOut { date } => {
                let ms = date.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
                Some([(t0, usage.consumed), (ms, usage.purchased?)])
            }
            Outcome::LeftUnused { amount } => {
                Some([(t0, usage.consumed), (end_ms, usage.purchased? - amount)])
            }
            Outcome::Exhausted => None,
        }
    });
    let forecast_text = move || {
        let l = l.get();
        fc.map(|(f, _)| {
            let text = match f.outcome {
                Outcome::RunsOut { date } => i18n::runs_out(
                    l,
                    &format!(
                        "{} ({})",
                        i18n::date(l, date),
                        i18n::relative_days(l, (date - today).num_days())
                    ),
                ),
                Outcome::LeftUnused { amount } => {
                    i18n::left_unused(l, &i18n::quantity(l, amount, unit))
                }
                Outcome::Exhausted => l.t(Msg::FullyConsumed).to_owned(),
            };
            view! {
                <p class="forecast">
                    <strong>{l.t(Msg::Forecast)}": "</strong>
                    {text}
                </p>
            }
        })
    };
    let alt = {
        let series = series.clone();
        Signal::derive(move || {
            let l = l.get();
            match (series.first(), series.last()) {
                (Some(first), Some(last)) => {
                    let d = |ms: i64| {
                        i18n::any_date(
                            l,
                            &chrono::DateTime::from_timestamp_millis(ms)
                                .map(|d| d.to_rfc3339())
                                .unwrap_or_default(),
                        )
                    };
                    let cap = usage.purchased.map(|p| i18n::quantity(l, p, unit));
                    i18n::chart_alt(
                        l,
                        &i18n::quantity(l, last.1, unit),
                        &d(first.0),
                        &d(last.0),
                        cap.as_deref(),
                    )
                }
                _ => l.t(Msg::ChartNoData).to_owned(),
            }
        })
    };
    let chart_series = series.clone();
    let chart = (!series.is_empty()).then_some(move || {
        let loc = l.get_untracked();
        // The From/To range, marked on the chart (To counts to its day's end).
        let r = tq.range.get();
        let ms = |d: chrono::NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc().timestamp_millis())
        };
        let data = ChartData {
            points: chart_series.clone(),
            cap: usage.purchased,
            forecast: forecast_line,
            range: r.is_set().then(|| {
                (
                    r.from.and_then(ms),
                    r.to.and_then(|t| ms(t).map(|x| x + 86_400_000 - 1)),
                )
            }),
        };
        let fmt_x = Arc::new(move |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|d| i18n::any_date(loc, &d.to_rfc3339()))
                .unwrap_or_default()
        });
        let fmt_y = Arc::new(move |y: f64| i18n::num(loc, y));
        view! { <ConsumptionChart data=data alt=alt fmt_x=fmt_x fmt_y=fmt_y /> }
    });
    let no_chart = series
        .is_empty()
        .then(|| view! { <p class="muted">{tr(Msg::ChartNoData)}</p> });
    let kind = dominant_kind(&records, service);
    let base_columns = record_columns(kind).to_vec();
    let carries_workspace = has_workspaces(&records);
    // The records of the Workspace selection and the date range.
    let shown = {
        let (records, me) = (records.clone(), me.clone());
        let key = Memo::new(move |_| (sel.get(), tq.range.get()));
        Memo::new(move |_| {
            let (s, range) = key.get();
            Shown(Arc::new(shown_records(&records, &s, &me, &range)))
        })
    };
    let columns = {
        let base = base_columns.clone();
        Memo::new(move |_| {
            if carries_workspace && sel.get() == WorkspaceSel::All {
                with_ws_column(&base)
            } else {
                base.clone()
            }
        })
    };
    let quantity_header = Signal::derive(move || i18n::unit_header(l.get(), unit));
    // The records as shown (Workspace, From/To, Filter rows, sort), in the
    // order shown: what every export writes.
    let in_order = move |l: Locale| {
        let rows = shown.get_untracked().0;
        let cols = columns.get_untracked();
        let label = move |w: &'static str| i18n::enum_label(l, w).to_owned();
        let order = visible_order(
            &rows.rows,
            &cols,
            &label,
            tq.sort.get_untracked(),
            &tq.q.get_untracked(),
        );
        (rows, cols, order)
    };
    // Those rows as a sheet, then the other fields.
    let sheet = {
        let title = title.clone();
        move || {
            let l = l.get_untracked();
            let (rows, cols, order) = in_order(l);
            let label = move |w: &'static str| i18n::enum_label(l, w).to_owned();
            let mut all = cols.clone();
            all.extend(export_extras(&cols, Some(kind)));
            let header = |c: ColId| match c {
                ColId::Quantity => quantity_header.get_untracked(),
                c => i18n::column_header(l, c).to_owned(),
            };
            table(&title, &rows.rows, &order, &all, &header, &label)
        }
    };
    let (on_csv, on_xlsx) = export_callbacks(title.clone(), today, sheet);
    let export = can_export.then(|| {
        view! {
            <button
                type="button"
                class="btn"
                on:click=move |_| {
                    let l = l.get_untracked();
                    let (rows, _, order) = in_order(l);
                    let header = export_header(l);
                    let csv = training_report(
                        header.each_ref().map(|s| s.as_str()),
                        order.iter().map(|&i| rows.rows[i as usize].record()),
                        &|w| i18n::enum_label(l, w).to_owned(),
                    );
                    if let Err(err) = crate::platform::download(
                        &training_report_name(today),
                        &csv,
                        "text/csv;charset=utf-8",
                    ) {
                        leptos::logging::error!("export failed: {err}");
                    }
                }
            >
                {tr(Msg::ExportTrainingReport)}
            </button>
        }
    });
    let in_range = move || {
        let r = tq.range.get();
        r.is_set().then(|| {
            let l = l.get();
            let total = shown.with(|s| s.0.total);
            view! {
                <p class="in-range" role="status">
                    <strong>{l.t(Msg::InRange)}": "</strong>
                    {i18n::quantity(l, total, unit)}
                </p>
            }
        })
    };
    let hidden_note = move || {
        let n = shown.with(|s| s.0.other_workspaces);
        (n > 0).then(|| count_note(l.get(), n, i18n::other_workspaces_hidden))
    };
    let range_id = ctx.id("range");
    // Drawn in three tasks: the chart's card, then the records' card with
    // its tools, then the grid. On a phone's CPU the records' code compiles
    // every function it runs the first time, and all of it in one task was
    // the drilldown's longest. Each comes below what is drawn before it:
    // nothing moves.
    let stage = crate::platform::tasks_passed(2);
    let grid = move || {
        if stage.get() < 2 {
            return None;
        }
        let rows = Arc::new(shown.get().0.rows.clone());
        Some(view! {
            <DataGrid
                label=Signal::derive(move || l.get().t(Msg::ConsumptionDetails).to_owned())
                rows=rows
                columns=columns.get()
                quantity_header=quantity_header
                sort=tq.sort
                on_sort=tq.on_sort
                query=tq.q
                on_query=tq.on_query
                widths_key=format!("records-{kind:?}")
            />
        })
    };
    let chart_h = ctx.id("chart-h");
    let chart_h_ref = chart_h.clone();
    let grid_h = ctx.id("grid-h");
    let grid_h_ref = grid_h.clone();
    let records_card = move || {
        view! {
            <section class="card" aria-labelledby=grid_h_ref>
                <div class="card__head">
                    <h2 id=grid_h>{tr(Msg::ConsumptionDetails)}</h2>
                    <div class="card__actions">
                        <ExportGroup on_csv=on_csv on_xlsx=on_xlsx />
                        {export}
                    </div>
                </div>
                {hidden_note}
                <div class="table-filters">
                    <DateRangeFields id=range_id range=tq.range on_change=tq.on_range />
                    {in_range}
                </div>
                {grid}
            </section>
        }
    };
    let records_card = crate::platform::drawn_when(move || stage.get() >= 1, records_card);
    view! {
        <DataIssues findings=r.findings.clone() />
        <section class="card" aria-labelledby=chart_h_ref>
            <h2 id=chart_h>{tr(Msg::ConsumptionOverTime)}</h2>
            {forecast_text}
            {chart}
            {no_chart}
        </section>
        {records_card}
    }
}

/// The training report's header, in the page's language.
fn export_header(l: Locale) -> [String; 9] {
    use crate::domain::grid::ColId::*;
    let h = |c| i18n::column_header(l, c).to_owned();
    [
        h(Learner),
        h(LearnerEmail),
        h(Activity),
        h(ActivityType),
        h(Status),
        h(Started),
        h(Completed),
        h(Hours),
        h(Quantity),
    ]
}
