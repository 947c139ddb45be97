//! `/customer-activity/tiles/{group}`: the entitlements one enterprise tile
//! sums, each leading to its drilldown.

use super::back::BackLink;
use super::enterprise::contract_label;
use super::gate::{use_workspace, Activity, User};
use super::url::{keys, query_value, with_workspace};
use crate::context::Ctx;
use crate::domain::enterprise::chosen_contracts;
use crate::domain::enterprise::{group_entitlements, TileGroup};
use crate::domain::query::encode;
use crate::domain::usage::Usage;
use crate::domain::view::active_contracts;
use crate::i18n::{self, Msg};
use crate::pages::load_error::request_view;
use leptos::prelude::*;

#[component]
pub fn TileListPage() -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let param = crate::pages::router::Router::get().param();
    let group = Memo::new(move |_| param.with(|g| TileGroup::from_slug(g)));
    let sel = use_workspace();
    let contract_q = query_value(keys::CONTRACT);
    let l = ctx.locale;
    let today = ctx.today;

    let title = move || match group.get() {
        Some(g) => i18n::group_title(l.get(), g).to_owned(),
        None => l.get().t(Msg::UnknownGroup).to_owned(),
    };
    let body = move || {
        let l = l.get();
        let g = group.get()?;
        Some(request_view(res, Msg::WhatFailedActivity, None, |loaded| {
            let doc = &loaded.doc;
            let active = active_contracts(&doc.contracts, &sel.get(), &me, today);
            let chosen = chosen_contracts(&active, contract_q.get().as_deref());
            let list = group_entitlements(&doc.entitlements, &chosen, g);
            if list.is_empty() {
                return view! { <p class="empty">{l.t(Msg::NoEntitlementsInGroup)}</p> }.into_any();
            }
            let ws = sel.get().as_query().to_owned();
            let rows = list
                .into_iter()
                .map(|e| {
                    let href = with_workspace(
                        &Ctx::get().href(&format!(
                            "/customer-activity/entitlements/{}",
                            encode(&e.id)
                        )),
                        &ws,
                    );
                    let contract = doc
                        .contracts
                        .iter()
                        .find(|c| c.id == e.contract_id)
                        .map(contract_label);
                    let name = e.name.clone();
                    let u = Usage::new(e.consumed, e.purchased);
                    let texts = i18n::usage_texts(l, u, e.unit);
                    let remaining = texts
                        .left
                        .as_ref()
                        .map(|x| x.text().to_owned())
                        .unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=href>{name}</a>
                            </th>
                            <td>{contract}</td>
                            <td class="num">{texts.consumed}</td>
                            <td class="num">{texts.purchased}</td>
                            <td class="num" class:over=u.over().is_some()>
                                {remaining}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let cap_id = Ctx::get().id("tile-entitlements");
            let cap_id_ref = cap_id.clone();
            view! {
                <div class="table-wrap">
                    <table class="simple-table" aria-labelledby=cap_id_ref>
                        <caption id=cap_id>{l.t(Msg::Entitlements)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{l.t(Msg::Entitlement)}</th>
                                <th scope="col">{l.t(Msg::Contract)}</th>
                                <th scope="col" class="num">
                                    {l.t(Msg::Consumed)}
                                </th>
                                <th scope="col" class="num">
                                    {l.t(Msg::Purchased)}
                                </th>
                                <th scope="col" class="num">
                                    {l.t(Msg::Remaining)}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }))
    };
    view! {
        <div class="page">
            <BackLink sel=sel />
            <h1>{title}</h1>
            // The seed's subtitle of Support As Needed, as on its tile.
            {move || {
                (group.get() == Some(TileGroup::SupportAsNeeded))
                    .then(|| {
                        view! {
                            <p class="muted page-subtitle">
                                {l.get().t(Msg::SupportAsNeededSubtitle)}
                            </p>
                        }
                    })
            }}
            <div aria-busy=move || res.get().is_none().to_string()>{body}</div>
        </div>
    }
}

super::part::split_view! {
    /// A tile's list, in the wasm part `pages` (the views below the landing page:
    /// its first load never needs their code).
    pub(crate) fn tile_list_page(_none: ()) in pages, preload_tile_list_page / load_tile_list_page {
        view! { <TileListPage /> }.into_any()
    }
}
