//! `/customer-activity/entitlements/{id}`: one entitlement's detail. Total
//! consumption, description, action, contract and package, a chart of
//! consumption over time, and the records in the data grid.

use super::back::BackLink;
use super::gate::{use_workspace, Activity, Loaded, User};
use super::url::TableQuery;
use crate::api::{Loader, Preview};
use crate::components::alert::DataIssues;
use crate::components::chart::{ChartData, ConsumptionChart};
use crate::components::data_grid::DataGrid;
use crate::components::grid_preview::RecordsPreview;
use crate::components::table_tools::{DateRangeFields, ExportGroup, Toggletip};
use crate::context::{tr, Ctx};
use crate::domain::csv_export::{training_report, training_report_name};
use crate::domain::dates::parse_date;
use crate::domain::export::{file_name, table, to_csv};
use crate::domain::forecast::{cumulative, forecast, Outcome};
use crate::domain::grid::{
    columns as record_columns, dominant_kind, export_extras, visible_order,
    with_workspace as with_ws_column, ColId,
};
use crate::domain::records::{has_workspaces, shown_records, ShownRecords};
use crate::domain::roles::may_export_training_report;
use crate::domain::usage::Usage;
use crate::domain::validate::{check_records, unreadable, Finding};
use crate::domain::view::WorkspaceSel;
use crate::domain::xlsx::workbook;
use crate::i18n::{self, Locale, Msg};
use crate::pages::load_error::request_view;
use ca_contract::{ActivityRecord, Entitlement, Service};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// The loaded records and their findings.
struct Records {
    records: Arc<Vec<ActivityRecord>>,
    findings: Vec<Finding>,
    /// Consumption to date over time, for the chart and the forecast.
    series: Vec<(i64, f64)>,
}

/// Only http(s) URLs become links; anything else (`javascript:`, `data:`)
/// is shown as text, if at all.
pub fn safe_url(url: &str) -> Option<String> {
    let u = web_sys::Url::new(url.trim()).ok()?;
    matches!(u.protocol().as_str(), "http:" | "https:").then(|| u.href())
}

/// The records shown, compared by identity (a new selection or range makes
/// a new list).
#[derive(Clone)]
struct Shown(Arc<ShownRecords>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn DrilldownPage() -> impl IntoView {
    let ctx = Ctx::get();
    let Activity(doc) = expect_context::<Activity>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let api = ctx.api.clone();
    // The first records of a long list, shown while the rest loads.
    let preview = RwSignal::new(None::<Arc<Vec<ActivityRecord>>>);
    let records = Loader::new(move || {
        let api = api.clone();
        let id = id.get();
        preview.set(None);
        async move {
            let show: Preview<ActivityRecord> = Box::new(move |first| {
                preview.try_set(Some(Arc::new(first)));
            });
            let d = api.entitlement_activity(&id, Some(show)).await?;
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
        }
    });
    let sel = use_workspace();
    let tq = TableQuery::from_url();

    let view = move || {
        let status = records.get().and_then(|r| r.err()).and_then(|e| e.status());
        if status == Some(404) {
            return view! { <Notice title=Msg::EntitlementNotFound body=Msg::EntitlementNotFoundBody /> }.into_any();
        }
        if status == Some(403) {
            return view! { <Notice title=Msg::EntitlementForbidden body=Msg::EntitlementForbiddenBody /> }.into_any();
        }
        request_view(
            doc,
            Msg::WhatFailedActivity,
            Some(Msg::CustomerActivity),
            |loaded| {
                match loaded.doc.entitlements.iter().find(|e| e.id == id.get()) {
                None => view! { <Notice title=Msg::EntitlementNotFound body=Msg::EntitlementNotFoundBody /> }.into_any(),
                Some(e) => view! {
                    <Detail
                        loaded=loaded.clone()
                        entitlement=e.clone()
                        records=records
                        preview=preview
                        tq=tq
                        sel=sel
                    />
                }.into_any(),
            }
            },
        )
    };
    view! {
        <div class="page">
            <BackLink sel=sel />
            {view}
        </div>
    }
}

#[component]
fn Notice(title: Msg, body: Msg) -> impl IntoView {
    view! {
        <section class="notice-page">
            <h1>{tr(title)}</h1>
            <p>{tr(body)}</p>
        </section>
    }
}

#[component]
fn Detail(
    loaded: Arc<Loaded>,
    entitlement: Entitlement,
    records: Loader<Records>,
    preview: RwSignal<Option<Arc<Vec<ActivityRecord>>>>,
    tq: TableQuery,
    sel: Memo<WorkspaceSel>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let l = ctx.locale;
    let e = entitlement;
    let doc = &loaded.doc;
    let contract = doc
        .contracts
        .iter()
        .find(|c| c.id == e.contract_id)
        .cloned();
    let package = e
        .package_id
        .as_ref()
        .and_then(|p| doc.packages.iter().find(|x| &x.id == p))
        .cloned();
    let usage = Usage::new(e.consumed, e.purchased);
    let unit = e.unit;
    // The forecast's period: the package's, else the contract's.
    let period = package
        .as_ref()
        .map(|p| (p.start_date.clone(), p.end_date.clone()))
        .or_else(|| {
            contract
                .as_ref()
                .map(|c| (c.start_date.clone(), c.end_date.clone()))
        })
        .and_then(|(s, e)| Some((parse_date(&s)?, parse_date(&e)?)));

    let total = move || i18n::usage_texts(l.get(), usage, unit).consumed_of;
    let over = move || {
        i18n::usage_texts(l.get(), usage, unit)
            .left
            .filter(i18n::Left::is_over)
            .map(|o| view! { <p class="over">{o.text().to_owned()}</p> })
    };
    let action = e.action.clone().map(|a| match safe_url(&a.url) {
        Some(href) => {
            let cb = Ctx::get().config.on_navigate.clone();
            let url = href.clone();
            view! {
                <p>
                    <a
                        class="btn btn-primary"
                        href=href
                        target="_blank"
                        rel="noopener noreferrer"
                        on:click=move |_| {
                            if let Some(cb) = &cb {
                                cb("action", &url);
                            }
                        }
                    >
                        {a.label.clone()}
                    </a>
                </p>
            }
            .into_any()
        }
        None => view! { <p class="muted">{a.label.clone()}</p> }.into_any(),
    });
    let facts = {
        let (contract, package, desc, delivered) = (
            contract.clone(),
            package.clone(),
            e.description.clone(),
            e.delivered_hours,
        );
        move || {
            let l = l.get();
            view! {
                <dl class="facts">
                    {desc
                        .clone()
                        .map(|d| {
                            view! {
                                <div>
                                    <dt>{l.t(Msg::Description)}</dt>
                                    <dd>{d}</dd>
                                </div>
                            }
                        })}
                    {contract
                        .clone()
                        .map(|c| {
                            view! {
                                <div>
                                    <dt>{l.t(Msg::Contract)}</dt>
                                    <dd>{format!("{} – {}", c.number, c.name)}</dd>
                                </div>
                            }
                        })}
                    {package
                        .clone()
                        .map(|p| {
                            view! {
                                <div>
                                    <dt>{l.t(Msg::Package)}</dt>
                                    <dd>{p.name.clone()}</dd>
                                </div>
                            }
                        })}
                    {delivered
                        .map(|h| {
                            view! {
                                <div>
                                    <dt>
                                        {l.t(Msg::DeliveredHours)}
                                        <Toggletip
                                            topic=l.t(Msg::DeliveredHours).to_owned()
                                            text=Msg::DeliveredHoursHelp
                                        />
                                    </dt>
                                    <dd>{i18n::num(l, h)}</dd>
                                </div>
                            }
                        })}
                </dl>
            }
        }
    };
    let service = e.service;
    let title = e.name.clone();
    let as_needed_tip = usage.purchased.is_none().then(|| {
        view! {
            <Toggletip
                topic=Signal::derive(move || l.get().t(Msg::AsNeeded).to_owned())
                text=Msg::AsNeededHelp
            />
        }
    });
    let can_export = may_export_training_report(&User::get(), service);
    // A preview is in API order: shown only while the grid is unsorted and
    // unfiltered, as the grid would show those rows first too.
    let plain = move || tq.is_plain();
    let body = move || {
        // The first rows while the rest loads, in API order (so only while
        // unsorted and unfiltered).
        if records.get().is_none() {
            if let Some(first) = preview.get().filter(|_| plain()) {
                return view! {
                    <RecordsPreview
                        columns=record_columns(dominant_kind(&first, service)).to_vec()
                        rows=first
                        unit=unit
                    />
                }
                .into_any();
            }
        }
        request_view(records, Msg::WhatFailedRecords, None, |r| {
            view! {
                <RecordsView
                    r=r
                    usage=usage
                    unit=unit
                    service=service
                    period=period
                    can_export=can_export
                    tq=tq
                    sel=sel
                    title=title.clone()
                />
            }
            .into_any()
        })
    };
    view! {
        <h1>{e.name.clone()}</h1>
        <section class="summary card" aria-label=tr(Msg::TotalConsumption)>
            <p class="summary__label">{tr(Msg::TotalConsumption)}</p>
            <p class="summary__value">{total}{as_needed_tip}</p>
            {over}
            {facts}
            {action}
        </section>
        <div aria-busy=move || records.get().is_none().to_string()>{body}</div>
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
    // The rows as shown (filter, range, sort), as a sheet.
    let sheet = {
        let title = title.clone();
        move || {
            let l = l.get_untracked();
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
            let mut all = cols.clone();
            all.extend(export_extras(&cols, Some(kind)));
            let header = |c: ColId| match c {
                ColId::Quantity => quantity_header.get_untracked(),
                c => i18n::column_header(l, c).to_owned(),
            };
            table(&title, &rows.rows, &order, &all, &header, &label)
        }
    };
    let on_csv = {
        let (sheet, title) = (sheet.clone(), title.clone());
        Callback::new(move |_| {
            let csv = to_csv(&sheet());
            if let Err(err) = crate::platform::download(
                &file_name(&title, today, "csv"),
                &csv,
                "text/csv;charset=utf-8",
            ) {
                leptos::logging::error!("export failed: {err}");
            }
        })
    };
    let on_xlsx = {
        let title = title.clone();
        Callback::new(move |_| {
            let bytes = workbook(&[sheet()]);
            if let Err(err) = crate::platform::download_bytes(
                &file_name(&title, today, "xlsx"),
                &bytes,
                XLSX_MIME,
            ) {
                leptos::logging::error!("export failed: {err}");
            }
        })
    };
    let export = can_export.then(|| {
        view! {
            <button
                type="button"
                class="btn"
                on:click=move |_| {
                    let l = l.get_untracked();
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
        (n > 0).then(|| {
            let l = l.get();
            view! {
                <p class="note" role="note">
                    {i18n::other_workspaces_hidden(
                        l,
                        &i18n::num(l, n as f64),
                        i18n::is_one(l, n as f64),
                    )}
                </p>
            }
        })
    };
    let range_id = ctx.id("range");
    let grid = move || {
        let rows = Arc::new(shown.get().0.rows.clone());
        view! {
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
        }
    };
    let chart_h = ctx.id("chart-h");
    let chart_h_ref = chart_h.clone();
    let grid_h = ctx.id("grid-h");
    let grid_h_ref = grid_h.clone();
    view! {
        <DataIssues findings=r.findings.clone() />
        <section class="card" aria-labelledby=chart_h_ref>
            <h2 id=chart_h>{tr(Msg::ConsumptionOverTime)}</h2>
            {forecast_text}
            {chart}
            {no_chart}
        </section>
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
}

/// The media type of an `.xlsx` workbook.
pub(crate) const XLSX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
