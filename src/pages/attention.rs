//! The region "Needs attention": what the customer should act on among the
//! entitlements in view (`domain::attention` decides), following the
//! Workspace selection and the enterprise Contract choice.

use super::enterprise::contract_label;
use super::gate::{Activity, Drawn, User};
use super::url::{keys, query_value, with_workspace};
use crate::components::attention_list::{AttentionItem, AttentionList};
use crate::context::Ctx;
use crate::domain::attention::{self, Item};
use crate::domain::query::encode;
use crate::domain::view::WorkspaceSel;
use crate::i18n::{self, Locale};
use leptos::prelude::*;

#[component]
pub fn NeedsAttention(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let contract_q = query_value(keys::CONTRACT);
    let l = ctx.locale;
    let today = ctx.today;
    let drilldown = ctx.href("/customer-activity/entitlements/");
    let reached = Drawn::get().reached(Drawn::ATTENTION);

    let items = Signal::derive(move || {
        // Its skeleton until its task (the document's own decodes it).
        if !reached.get() {
            return None;
        }
        let loaded = res.get()?.ok()?;
        let doc = &loaded.doc;
        let sel_now = sel.get();
        let l = l.get();
        let ws = sel_now.as_query();
        let found = attention::in_view(
            &doc.contracts,
            &doc.entitlements,
            &doc.packages,
            &sel_now,
            &me,
            contract_q.get().as_deref(),
            today,
        );
        Some(
            found
                .iter()
                .map(|i| shown(l, i, &drilldown, ws))
                .collect::<Vec<_>>(),
        )
    });
    // A failed load is reported once, above the regions; this one then
    // stays out of the way rather than waiting for ever.
    let failed = Memo::new(move |_| matches!(res.get(), Some(Err(_))));
    view! {
        <Show when=move || !failed.get()>
            <AttentionList items=items />
        </Show>
    }
}

/// An item as the region shows it: names, drilldown link (keeping the
/// workspace), and the reason in words.
fn shown(l: Locale, i: &Item, drilldown: &str, ws: &str) -> AttentionItem {
    let e = i.entitlement;
    let context = match i.package {
        Some(p) => format!("{} · {}", p.name, i.contract.number),
        None => contract_label(i.contract),
    };
    AttentionItem {
        name: e.name.clone(),
        context,
        href: with_workspace(&format!("{drilldown}{}", encode(&e.id)), ws),
        reason: i18n::attention_reason(l, &i.reason, e.unit),
        severity: i.reason.severity(),
    }
}
