//! `/customer-activity`: the page. Workspace filter, the enterprise-level
//! section and the add-on section, all computed from one document.

use super::addons::AddonSection;
use super::attention::NeedsAttention;
use super::enterprise::EnterpriseSection;
use super::gate::{use_workspace, Activity, User};
use super::proof_of_delivery::ProofOfDelivery;
use super::url::{keys, query_setter, with_workspace};
use crate::components::alert::DataIssues;
use crate::components::select::{LabeledSelect, Opt};
use crate::components::table_tools::Toggletip;
use crate::context::{tr, Ctx};
use crate::domain::roles::sees_all_requests;
use crate::domain::view::WorkspaceSel;
use crate::i18n::{self, Msg};
use crate::pages::load_error::LoadError;
use leptos::prelude::*;

#[component]
pub fn CustomerActivityPage() -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let sel = use_workspace();
    let l = ctx.locale;

    let failure = move || match res.get() {
        Some(Err(e)) => Some(view! {
            <LoadError
                what=Msg::WhatFailedActivity
                error=e
                on_retry=Callback::new(move |_| res.refetch())
            />
        }),
        _ => None,
    };
    // While the document loads, the line of the data's date keeps its
    // place (on a phone it wraps below the heading), so the page does not
    // move down when the date arrives.
    let as_of = move || match res.get() {
        Some(Ok(d)) => {
            let l = l.get();
            Some(view! { <p class="muted as-of">{i18n::data_as_of(l, &i18n::date_time(l, &d.doc.generated_at))}</p> }.into_any())
        }
        None => Some(
            view! {
                <p class="muted as-of" aria-hidden="true">
                    <span class="bone bone--as-of"></span>
                </p>
            }
            .into_any(),
        ),
        Some(Err(_)) => None,
    };
    let issues = move || {
        res.get()
            .and_then(|r| r.ok())
            .map(|d| view! { <DataIssues findings=d.findings.clone() /> })
    };
    let note = (!sees_all_requests(&me)).then(|| {
        view! {
            <p class="note" role="note">
                {tr(Msg::NonAdminNote)}
                <Toggletip
                    topic=Signal::derive(move || l.get().t(Msg::NonAdminNote).to_owned())
                    text=Msg::NonAdminHelp
                />
            </p>
        }
    });
    let cases_href = move || {
        with_workspace(
            &Ctx::get().href("/customer-activity/additional-cases"),
            sel.get().as_query(),
        )
    };

    // The contracts' and the packages' regions (their placeholders first)
    // in a task of their own, after the head, the toolbar and Needs
    // attention's place: on a phone's CPU this view's first task compiles
    // every function it runs, and all of it in one was a long task. They
    // come below everything drawn before them: nothing moves.
    let lower_drawn = crate::platform::true_next_task();
    let lower = move || {
        lower_drawn.get().then(|| {
            view! {
                <EnterpriseSection sel=sel />
                <AddonSection sel=sel />
            }
        })
    };
    view! {
        <div class="page">
            <div class="page-head">
                <h1>{tr(Msg::CustomerActivity)}</h1>
                {as_of}
            </div>
            <div class="toolbar">
                <WorkspacePicker sel=sel />
                <a href=cases_href class="btn btn-link">
                    {tr(Msg::AdditionalCases)}
                </a>
                <ProofOfDelivery sel=sel />
            </div>
            {note}
            {failure}
            {issues}
            // The slot lets the page size the region's placeholder
            // (style/attention.css) without changing the component's own.
            <div class="attention-slot">
                <NeedsAttention sel=sel />
            </div>
            {lower}
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
                set(
                    &[
                        (keys::WORKSPACE, Some(v.as_str())),
                        (keys::CONTRACT, None),
                        (keys::ADDON_CONTRACT, None),
                        (keys::PACKAGE, None),
                    ],
                    false,
                )
            })
        />
    }
}
