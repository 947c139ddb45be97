//! The region "Enterprise-level packages": Contract filter, Active contracts
//! table, and the five tiles.

use super::gate::{Activity, Drawn, User};
use super::url::{keys, query_setter, query_value};
use crate::components::select::{LabeledSelect, Opt};
use crate::components::skeleton::{FieldSkeleton, Skeleton, TableSkeleton, TilesSkeleton};
use crate::components::table_tools::Toggletip;
use crate::components::tile::Tile;
use crate::context::{tr, Ctx};
use crate::domain::enterprise::{chosen_contracts, tiles, TileGroup};
use crate::domain::query::to_query;
use crate::domain::view::{active_contracts, WorkspaceSel};
use crate::i18n::{self, Msg};
use ca_contract::Contract;
use leptos::prelude::*;

/// A contract as its options show it: number and name.
pub fn contract_label(c: &Contract) -> String {
    format!("{} – {}", c.number, c.name)
}

/// The Contract choice of the URL (`asked`) among the active contracts: the
/// contracts the region sums, and the combobox's value ("all" or one id).
fn contract_choice<'a>(
    active: &[&'a Contract],
    asked: Option<&str>,
) -> (Vec<&'a Contract>, String) {
    let chosen = chosen_contracts(active, asked);
    let value = if chosen.len() == 1 && asked.is_some() {
        chosen[0].id.clone()
    } else {
        "all".to_owned()
    };
    (chosen, value)
}

#[component]
pub fn EnterpriseSection(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let drawn = Drawn::get();
    let (shown, tiles_shown) = (
        drawn.reached(Drawn::ENTERPRISE),
        drawn.reached(Drawn::ENTERPRISE_TILES),
    );
    let l = ctx.locale;
    let today = ctx.today;
    let heading_id = ctx.id("enterprise");
    let heading_id_ref = heading_id.clone();
    let contract_q = query_value(keys::CONTRACT);
    let set = query_setter();
    let me_tiles = me.clone();

    let content = move || {
        let loaded = res.get()?.ok()?;
        if !shown.get() {
            return None;
        }
        let me = me.clone();
        let set = set.clone();
        let doc = &loaded.doc;
        let sel_now = sel.get();
        let active = active_contracts(&doc.contracts, &sel_now, &me, today);
        let (_, value) = contract_choice(&active, contract_q.get().as_deref());
        let l = l.get();

        let mut opts = vec![Opt::new("all", l.t(Msg::AllActiveContracts))];
        opts.extend(
            active
                .iter()
                .map(|c| Opt::new(c.id.clone(), contract_label(c))),
        );

        let rows = active
            .iter()
            .map(|c| {
                view! {
                    <tr>
                        <td>{c.number.clone()}</td>
                        <td>{c.name.clone()}</td>
                        <td>{i18n::any_date(l, &c.start_date)}</td>
                        <td>{i18n::any_date(l, &c.end_date)}</td>
                    </tr>
                }
            })
            .collect_view();
        let table_id = Ctx::get().id("active-contracts");
        let table_id_ref = table_id.clone();
        let table = if active.is_empty() {
            view! { <p class="empty">{l.t(Msg::NoActiveContracts)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="simple-table" aria-labelledby=table_id_ref>
                        <caption id=table_id>{l.t(Msg::ActiveContracts)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{l.t(Msg::Number)}</th>
                                <th scope="col">{l.t(Msg::Name)}</th>
                                <th scope="col">{l.t(Msg::StartDate)}</th>
                                <th scope="col">{l.t(Msg::EndDate)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };

        Some(view! {
            <div class="section-filters">
                <LabeledSelect
                    id=Ctx::get().id("contract")
                    label=l.t(Msg::Contract).to_owned()
                    options=opts
                    value=value
                    on_change=Callback::new(move |v: String| {
                        set(&[(keys::CONTRACT, (v != "all").then_some(v.as_str()))], false)
                    })
                />
            </div>
            {table}
        })
    };
    // The tiles draw one task after the filter and the table (their
    // skeleton meanwhile): on a phone's CPU the region was one long task.
    let tile_part = move || {
        let loaded = res.get()?.ok()?;
        if !shown.get() {
            return None;
        }
        if !tiles_shown.get() {
            return Some(view! { <TilesSkeleton count=5 /> }.into_any());
        }
        let doc = &loaded.doc;
        let sel_now = sel.get();
        let active = active_contracts(&doc.contracts, &sel_now, &me_tiles, today);
        let (chosen, value) = contract_choice(&active, contract_q.get().as_deref());
        let l = l.get();
        let ws = sel_now.as_query().to_owned();
        let contract_param = if value == "all" {
            String::new()
        } else {
            value.clone()
        };
        let ts = tiles(&doc.entitlements, &chosen);
        let tile_views = if ts.is_empty() {
            view! { <p class="empty">{l.t(Msg::NoEnterpriseEntitlements)}</p> }.into_any()
        } else {
            ts.into_iter()
                .map(|t| {
                    let href = format!(
                        "{}{}",
                        Ctx::get().href(&format!("/customer-activity/tiles/{}", t.group.slug())),
                        to_query([
                            (keys::WORKSPACE, ws.as_str()),
                            (keys::CONTRACT, contract_param.as_str())
                        ])
                    );
                    let title = i18n::group_title(l, t.group).to_owned();
                    let subtitle = (t.group == TileGroup::SupportAsNeeded)
                        .then(|| l.t(Msg::SupportAsNeededSubtitle).to_owned());
                    view! {
                        <Tile
                            title=title
                            subtitle=subtitle
                            href=href
                            totals=t.totals
                            delivered_hours=t.delivered_hours
                        />
                    }
                })
                .collect_view()
                .into_any()
        };
        Some(view! { <div class="tiles">{tile_views}</div> }.into_any())
    };
    // Loading, or the document is here and the region draws it next task.
    let waiting = move || res.get().is_none() || !shown.get();
    let busy = move || (waiting() || !tiles_shown.get()).to_string();
    view! {
        <section class="section" aria-labelledby=heading_id_ref aria-busy=busy>
            <div class="section__head">
                <h2 id=heading_id>{tr(Msg::EnterprisePackages)}</h2>
                <Toggletip
                    topic=Signal::derive(move || l.get().t(Msg::Unit).to_owned())
                    text=Msg::UnitsHelp
                />
            </div>
            {move || waiting().then(|| view! { <EnterpriseSkeleton /> })}
            {content}
            {tile_part}
        </section>
    }
}

/// The region while the document loads: the Contract filter, the Active
/// contracts table and a row of tiles, where they will be.
#[component]
fn EnterpriseSkeleton() -> impl IntoView {
    view! {
        <Skeleton>
            <div class="section-filters">
                <FieldSkeleton />
            </div>
            <TableSkeleton rows=3 />
            <TilesSkeleton count=5 />
        </Skeleton>
    }
}
