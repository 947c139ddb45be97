//! `/customer-activity/additional-cases`: the cases that no entitlement of
//! the view accounts for, by consumption service, for the selected
//! workspaces.

use super::customer_activity::WorkspacePicker;
use super::gate::{use_workspace, User};
use super::url::{query_setter, query_value, with_workspace};
use crate::api::Loader;
use crate::components::alert::{DataIssues, LoadError, Loading};
use crate::components::data_grid::DataGrid;
use crate::components::select::{LabeledSelect, Opt};
use crate::context::{tr, Ctx};
use crate::domain::cases::{cases_in_view, count};
use crate::domain::grid::CASE_COLUMNS;
use crate::domain::validate::unreadable;
use crate::i18n::{self, Msg};
use ca_contract::{AdditionalCase, CaseService};
use leptos::prelude::*;
use leptos_router::components::A;
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
    let me = User::get();
    let api = ctx.api.clone();
    let res = Loader::new(move || {
        let api = api.clone();
        async move { api.additional_cases().await }
    });
    let sel = use_workspace();
    let service_q = query_value("service");
    let service = Memo::new(move |_| match service_q.get().as_deref() {
        Some("problemResolution") => CaseService::ReactiveSupport,
        _ => CaseService::AdvisorySupport,
    });
    let set = query_setter();
    let l = ctx.locale;
    let back = move || with_workspace(&Ctx::get().href("/customer-activity"), sel.get().as_query());

    let body = move || {
        match res.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => view! {
            <LoadError what=Msg::WhatFailedCases error=e on_retry=Callback::new(move |_| res.refetch()) />
        }
        .into_any(),
        Some(Ok(d)) => {
            let l = l.get();
            let in_view = cases_in_view(&d.value.cases, &sel.get(), &me);
            let (adv, pr) = (count(&in_view, CaseService::AdvisorySupport), count(&in_view, CaseService::ReactiveSupport));
            let opts = vec![
                Opt::new("advisory", i18n::advisory_option(l, &i18n::num(l, adv as f64))),
                Opt::new("problemResolution", i18n::problem_resolution_option(l, &i18n::num(l, pr as f64))),
            ];
            let chosen = service.get();
            let rows: Vec<AdditionalCase> = in_view.into_iter().filter(|c| c.service == chosen).cloned().collect();
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
                        on_change=Callback::new(move |v: String| set(&[("service", Some(v.as_str())), ("q", None), ("sort", None), ("dir", None)], false))
                    />
                </div>
                <DataGrid label=l.t(Msg::Cases).to_owned() rows=Arc::new(rows) columns=CASE_COLUMNS.to_vec() />
            }
            .into_any()
        }
    }
    };
    view! {
        <div class="page">
            <nav class="crumbs" aria-label=tr(Msg::BackToCustomerActivity)>
                <A href=back>{tr(Msg::BackToCustomerActivity)}</A>
            </nav>
            <h1>{tr(Msg::AdditionalCases)}</h1>
            <p class="muted">{tr(Msg::AdditionalCasesIntro)}</p>
            <div class="toolbar"><WorkspacePicker sel=sel /></div>
            <section aria-busy=move || res.get().is_none().to_string()>{body}</section>
        </div>
    }
}
