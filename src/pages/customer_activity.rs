//! `/customer-activity`: the page. Workspace filter, the enterprise-level
//! section and the add-on section, all computed from one document.

use super::addons::AddonSection;
use super::attention::NeedsAttention;
use super::enterprise::chosen_contract;
use super::enterprise::EnterpriseSection;
use super::gate::{use_workspace, Activity, User};
use super::url::{query_setter, query_value, with_workspace};
use crate::components::alert::{DataIssues, LoadError};
use crate::components::select::{LabeledSelect, Opt};
use crate::context::{is_admin, tr, Ctx};
use crate::domain::csv_export::{delivery_lines, proof_of_delivery};
use crate::domain::view::{active_contracts, WorkspaceSel};
use crate::i18n::{self, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CustomerActivityPage() -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let sel = use_workspace();
    let l = ctx.locale;

    let failure = move || match res.get() {
        Some(Err(e)) => Some(view! {
            <LoadError what=Msg::WhatFailedActivity error=e on_retry=Callback::new(move |_| res.refetch()) />
        }),
        _ => None,
    };
    let as_of = move || {
        res.get().and_then(|r| r.ok()).map(|d| {
            let l = l.get();
            view! { <p class="muted as-of">{i18n::data_as_of(l, &i18n::date_time(l, &d.doc.generated_at))}</p> }
        })
    };
    let issues = move || {
        res.get()
            .and_then(|r| r.ok())
            .map(|d| view! { <DataIssues findings=d.findings.clone() /> })
    };
    let note =
        (!is_admin(&me)).then(|| view! { <p class="note" role="note">{tr(Msg::NonAdminNote)}</p> });
    let cases_href = move || {
        with_workspace(
            &Ctx::get().href("/customer-activity/additional-cases"),
            sel.get().as_query(),
        )
    };

    view! {
        <div class="page">
            <div class="page-head">
                <h1>{tr(Msg::CustomerActivity)}</h1>
                {as_of}
            </div>
            <div class="toolbar">
                <WorkspacePicker sel=sel />
                <A href=cases_href attr:class="btn btn-link">{tr(Msg::AdditionalCases)}</A>
                <ProofOfDelivery sel=sel />
            </div>
            {note}
            {failure}
            {issues}
            <NeedsAttention sel=sel />
            <EnterpriseSection sel=sel />
            <AddonSection sel=sel />
        </div>
    }
}

/// The Workspace combobox: the user's workspaces, and All workspaces when
/// there is more than one. Changing it resets the contract and package
/// choices, which belong to the previous workspace.
#[component]
pub fn WorkspacePicker(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let set = query_setter();
    let l = ctx.locale;
    let options = Signal::derive(move || {
        let l = l.get();
        let mut v = Vec::new();
        if me.workspaces.len() > 1 {
            v.push(Opt::new(WorkspaceSel::ALL, l.t(Msg::AllWorkspaces)));
        }
        v.extend(
            me.workspaces
                .iter()
                .map(|w| Opt::new(w.id.clone(), w.name.clone())),
        );
        v
    });
    view! {
        <LabeledSelect
            id=ctx.id("workspace")
            label=Signal::derive(move || l.get().t(Msg::Workspace).to_owned())
            options=options
            value=Signal::derive(move || sel.get().as_query().to_owned())
            on_change=Callback::new(move |v: String| {
                set(&[("workspace", Some(v.as_str())), ("contract", None), ("addonContract", None), ("package", None)], false)
            })
        />
    }
}

/// The proof of delivery of the current view (workspace and enterprise
/// contract): what was purchased and delivered per contract, package and
/// entitlement, as CSV, or printed (the print stylesheet drops the chrome).
#[component]
fn ProofOfDelivery(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let contract_q = query_value("contract");
    let l = ctx.locale;
    let today = ctx.today;
    let download = move |_| {
        let Some(Ok(loaded)) = res.get_untracked() else {
            return;
        };
        let l = l.get_untracked();
        let doc = &loaded.doc;
        let active = active_contracts(&doc.contracts, &sel.get_untracked(), &me, today);
        let chosen = chosen_contract(&active, contract_q.get_untracked().as_deref());
        let lines = delivery_lines(&chosen, &doc.entitlements, &doc.packages, &|u| {
            i18n::unit_word(l, u, false).to_owned()
        });
        let h = [
            Msg::Contract,
            Msg::Package,
            Msg::Entitlement,
            Msg::Unit,
            Msg::Purchased,
            Msg::Consumed,
            Msg::Remaining,
            Msg::DeliveredHours,
            Msg::Ends,
        ]
        .map(|m| l.t(m));
        let mut csv = proof_of_delivery(h, &lines, l.t(Msg::AsNeeded));
        csv.push_str(&format!(
            "{},{}\r\n",
            l.t(Msg::GeneratedAt),
            doc.generated_at
        ));
        let name = format!("proof-of-delivery-{}.csv", crate::domain::dates::iso(today));
        if let Err(e) = crate::platform::download(&name, &csv, "text/csv;charset=utf-8") {
            leptos::logging::error!("download failed: {e}");
        }
    };
    let ready = move || matches!(res.get(), Some(Ok(_)));
    view! {
        <div class="toolbar-group" role="group" aria-label=tr(Msg::ProofOfDelivery)>
            <span class="toolbar-label" aria-hidden="true">{tr(Msg::ProofOfDelivery)}</span>
            <button type="button" class="btn" disabled=move || !ready() on:click=download>{tr(Msg::DownloadCsv)}</button>
            <button type="button" class="btn" on:click=move |_| crate::platform::print()>{tr(Msg::Print)}</button>
        </div>
    }
}
