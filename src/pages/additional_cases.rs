//! `/customer-activity/additional-cases`: the cases that no entitlement of
//! the view accounts for, by consumption service, for the selected
//! workspaces.

use super::back::BackLink;
use super::customer_activity::WorkspacePicker;
use super::export::export_callbacks;
use super::gate::{use_workspace, User};
use super::part::{Part, Reading};
use super::url::{keys, query_setter, query_value, TableQuery};
use crate::api::{Loader, Opened};
use crate::components::alert::Loading;
use crate::components::alert::{count_note, DataIssues};
use crate::components::data_grid::DataGrid;
use crate::components::select::{LabeledSelect, Opt};
use crate::components::table_tools::{DateRangeFields, ExportGroup};
use crate::context::{tr, Ctx};
use crate::domain::cases::{cases_in_view, cases_without_workspace, count};
use crate::domain::export::table;
use crate::domain::grid::{
    export_extras, visible_order, with_workspace as with_ws_column, ColId, CASE_COLUMNS,
};
use crate::domain::records::{case_rows, CaseRow};
use crate::domain::validate::unreadable;
use crate::domain::view::WorkspaceSel;
use crate::i18n::{self, Msg};
use crate::pages::load_error::request_view;
use ca_contract::{AdditionalCases, CaseService, Decoded};
use leptos::prelude::*;
use std::sync::Arc;

fn service_key(s: CaseService) -> &'static str {
    match s {
        CaseService::ReactiveSupport => "problemResolution",
        _ => "advisory",
    }
}

#[component]
pub fn AdditionalCasesPage() -> impl IntoView {
    let ctx = Ctx::get();
    let api = ctx.api.clone();
    // The cases' code (their decoder and grid) is fetched beside them.
    let part = Part::new(preload_cases);
    let res = Loader::new(move || {
        let api = api.clone();
        async move {
            // The body waits in the browser for the code that reads it.
            let opened = api.open_additional_cases().await?;
            part.read(|| decode_cases(opened)).await
        }
    });
    let sel = use_workspace();
    let service_q = query_value(keys::SERVICE);
    let service = Memo::new(move |_| match service_q.get().as_deref() {
        Some("problemResolution") => CaseService::ReactiveSupport,
        _ => CaseService::AdvisorySupport,
    });
    let tq = TableQuery::from_url();
    let range_id = ctx.id("cases-range");
    let cases_h = ctx.id("cases-h");

    let body = move || {
        // The cases wait for their code: if it could not be fetched, the
        // page says so, with Retry.
        if res.get().is_none() {
            if let Some(failed) = part.failure() {
                return failed;
            }
        }
        request_view(res, Msg::WhatFailedCases, None, |d| {
            part.show(
                || view! { <Loading /> }.into_any(),
                || {
                    cases_part(CasesArgs {
                        d,
                        sel,
                        service,
                        tq,
                        range_id: range_id.clone(),
                        cases_h: cases_h.clone(),
                    })
                },
            )
        })
    };
    view! {
        <div class="page">
            <BackLink sel=sel />
            <h1>{tr(Msg::AdditionalCases)}</h1>
            <p class="muted">{tr(Msg::AdditionalCasesIntro)}</p>
            <div class="toolbar">
                <WorkspacePicker sel=sel />
            </div>
            // Busy until the cases, and the code that draws them, are in.
            <section aria-busy=move || part.busy(res)>{body}</section>
        </div>
    }
}

super::part::split_fn! {
    /// Reads the cases as they arrive and decodes them, in the wasm part
    /// `cases` (the landing page never needs their decoder).
    fn decode_cases(opened: Opened) -> Reading<Decoded<AdditionalCases>> => cases, preload_decode_cases / load_decode_cases {
        Box::pin(opened.decode::<AdditionalCases>(None))
    }
}

/// What the page hands to [`cases_part`].
pub(super) struct CasesArgs {
    d: Arc<Decoded<AdditionalCases>>,
    sel: Memo<WorkspaceSel>,
    service: Memo<CaseService>,
    tq: TableQuery,
    range_id: String,
    cases_h: String,
}

super::part::split_view! {
    /// The cases of the view: the service filter, the exports and the grid,
    /// in the wasm part `cases`.
    pub(super) fn cases_part(a: CasesArgs) in cases, preload_cases / load_cases {
        let CasesArgs { d, sel, service, tq, range_id, cases_h } = a;
        let ctx = Ctx::get();
        let me = User::get();
        let set = query_setter();
        let today = ctx.today;
        let l = ctx.locale.get();
        let in_view = cases_in_view(&d.value.cases, &sel.get(), &me);
        let (adv, pr) = (
            count(&in_view, CaseService::AdvisorySupport),
            count(&in_view, CaseService::ReactiveSupport),
        );
        let opts = vec![
            Opt::new(
                "advisory",
                i18n::advisory_option(l, &i18n::num(l, adv as f64)),
            ),
            Opt::new(
                "problemResolution",
                i18n::problem_resolution_option(l, &i18n::num(l, pr as f64)),
            ),
        ];
        let chosen = service.get();
        let sel_now = sel.get();
        let of_service: Vec<_> = in_view
            .into_iter()
            .filter(|c| c.service == chosen)
            .collect();
        let rows: Arc<Vec<CaseRow>> = Arc::new(case_rows(&of_service, &me, &tq.range.get()));
        let columns = if sel_now == WorkspaceSel::All {
            with_ws_column(CASE_COLUMNS)
        } else {
            CASE_COLUMNS.to_vec()
        };
        let no_ws = cases_without_workspace(&d.value.cases);
        let note = (sel_now != WorkspaceSel::All && no_ws > 0)
            .then(|| count_note(l, no_ws, i18n::cases_without_workspace));
        let sheet = {
            let (rows, columns) = (rows.clone(), columns.clone());
            move || {
                let l = Ctx::get().locale.get_untracked();
                let label = move |w: &'static str| i18n::enum_label(l, w).to_owned();
                let order = visible_order(
                    &rows,
                    &columns,
                    &label,
                    tq.sort.get_untracked(),
                    &tq.q.get_untracked(),
                );
                let mut all = columns.clone();
                all.extend(export_extras(&columns, None));
                let title = l.t(Msg::AdditionalCases);
                table(
                    title,
                    &rows,
                    &order,
                    &all,
                    &|c: ColId| i18n::column_header(l, c).to_owned(),
                    &label,
                )
            }
        };
        let (on_csv, on_xlsx) = export_callbacks("additional-cases".into(), today, sheet);
        let set = set.clone();
        let findings = unreadable(&d.issues);
        view! {
            <DataIssues findings=findings />
            <div class="section-filters">
                <LabeledSelect
                    id=Ctx::get().id("case-service")
                    label=l.t(Msg::ConsumptionService).to_owned()
                    options=opts
                    value=service_key(chosen).to_owned()
                    on_change=Callback::new(move |v: String| set(
                        &[
                            (keys::SERVICE, Some(v.as_str())),
                            (keys::Q, None),
                            (keys::SORT, None),
                            (keys::DIR, None),
                        ],
                        false,
                    ))
                />
            </div>
            {note}
            <section class="card" aria-labelledby=cases_h.clone()>
                <div class="card__head">
                    <h2 id=cases_h.clone()>{l.t(Msg::Cases)}</h2>
                    <div class="card__actions">
                        <ExportGroup on_csv=on_csv on_xlsx=on_xlsx />
                    </div>
                </div>
                <div class="table-filters">
                    <DateRangeFields id=range_id.clone() range=tq.range on_change=tq.on_range />
                </div>
                <DataGrid
                    label=l.t(Msg::Cases).to_owned()
                    rows=rows
                    columns=columns
                    sort=tq.sort
                    on_sort=tq.on_sort
                    query=tq.q
                    on_query=tq.on_query
                    widths_key="cases"
                />
            </section>
        }
        .into_any()
    }
}

super::part::split_view! {
    /// The additional cases' page, in the wasm part `pages` (the views below the landing page:
    /// its first load never needs their code).
    pub(crate) fn cases_page(_none: ()) in pages, preload_cases_page / load_cases_page {
        view! { <AdditionalCasesPage /> }.into_any()
    }
}
