//! The region "Add-on packages": Contract (one at a time), Package and
//! Package status filters, and one card per package in view.

use super::enterprise::contract_label;
use super::gate::{Activity, Drawn, User};
use super::url::{keys, query_setter, query_value, with_workspace};
use crate::components::package_card::{PackageCard, ServiceLine};
use crate::components::select::{LabeledSelect, Opt};
use crate::components::skeleton::{CardsSkeleton, FieldSkeleton, Skeleton};
use crate::context::{tr, Ctx};
use crate::domain::packages::{
    addon_contract, contract_packages, expiry, package_entitlements, packages_in_view, StatusFilter,
};
use crate::domain::query::encode;
use crate::domain::view::{contracts_in_view, WorkspaceSel};
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn AddonSection(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let reached = Drawn::get().reached(Drawn::ADDONS);
    let l = ctx.locale;
    let today = ctx.today;
    let heading_id = ctx.id("addons");
    let heading_id_ref = heading_id.clone();
    let contract_q = query_value(keys::ADDON_CONTRACT);
    let package_q = query_value(keys::PACKAGE);
    let status_q = query_value("status");
    let set = query_setter();

    let content = move || {
        let loaded = res.get()?.ok()?;
        if !reached.get() {
            return None;
        }
        let doc = &loaded.doc;
        let sel_now = sel.get();
        let l = l.get();
        let ws = sel_now.as_query().to_owned();
        let in_view = contracts_in_view(&doc.contracts, &sel_now, &me);
        let Some(contract) = addon_contract(&in_view, contract_q.get().as_deref(), today) else {
            return Some(view! { <p class="empty">{l.t(Msg::NoContractsInView)}</p> }.into_any());
        };
        let all_pkgs = contract_packages(&doc.packages, &contract.id);
        let package = package_q
            .get()
            .filter(|id| all_pkgs.iter().any(|p| &p.id == id));
        let status = StatusFilter::from_query(status_q.get().as_deref());

        let contract_opts: Vec<Opt> = in_view
            .iter()
            .map(|c| Opt::new(c.id.clone(), contract_label(c)))
            .collect();
        let mut package_opts = vec![Opt::new("all", l.t(Msg::AllPackages))];
        package_opts.extend(
            all_pkgs
                .iter()
                .map(|p| Opt::new(p.id.clone(), p.name.clone())),
        );
        let status_opts: Vec<Opt> = StatusFilter::ALL
            .into_iter()
            .map(|s| {
                let m = match s {
                    StatusFilter::All => Msg::StatusAll,
                    StatusFilter::Active => Msg::StatusActive,
                    StatusFilter::Inactive => Msg::StatusInactive,
                };
                Opt::new(s.as_query(), l.t(m))
            })
            .collect();

        let shown = packages_in_view(&doc.packages, &contract.id, package.as_deref(), status);
        let cards = if all_pkgs.is_empty() {
            view! { <p class="empty">{l.t(Msg::NoPackagesForContract)}</p> }.into_any()
        } else if shown.is_empty() {
            view! { <p class="empty">{l.t(Msg::NoPackageMatches)}</p> }.into_any()
        } else {
            shown
                .into_iter()
                .map(|p| {
                    let (services, benefits) = package_entitlements(&doc.entitlements, &p.id);
                    let services = services
                        .into_iter()
                        .map(|e| ServiceLine {
                            href: with_workspace(
                                &Ctx::get().href(&format!(
                                    "/customer-activity/entitlements/{}",
                                    encode(&e.id)
                                )),
                                &ws,
                            ),
                            entitlement: e.clone(),
                        })
                        .collect();
                    let benefits = benefits.into_iter().cloned().collect();
                    view! {
                        <PackageCard
                            package=p.clone()
                            expiry=expiry(p, today)
                            services=services
                            benefits=benefits
                        />
                    }
                })
                .collect_view()
                .into_any()
        };

        let (s1, s2, s3) = (set.clone(), set.clone(), set.clone());
        let id = |n: &str| Ctx::get().id(n);
        Some(
            view! {
                <div class="section-filters">
                    <LabeledSelect
                        id=id("addon-contract")
                        label=l.t(Msg::Contract).to_owned()
                        options=contract_opts
                        value=contract.id.clone()
                        on_change=Callback::new(move |v: String| s1(
                            &[(keys::ADDON_CONTRACT, Some(v.as_str())), (keys::PACKAGE, None)],
                            false,
                        ))
                    />
                    <LabeledSelect
                        id=id("package")
                        label=l.t(Msg::Package).to_owned()
                        options=package_opts
                        value=package.clone().unwrap_or_else(|| "all".to_owned())
                        on_change=Callback::new(move |v: String| s2(
                            &[(keys::PACKAGE, (v != "all").then_some(v.as_str()))],
                            false,
                        ))
                    />
                    <LabeledSelect
                        id=id("package-status")
                        label=l.t(Msg::PackageStatus).to_owned()
                        options=status_opts
                        value=status.as_query().to_owned()
                        on_change=Callback::new(move |v: String| s3(
                            &[("status", Some(v.as_str()))],
                            false,
                        ))
                    />
                </div>
                <div class="cards">{cards}</div>
            }
            .into_any(),
        )
    };
    // Loading, or the document is here and the region draws it next task.
    let waiting = move || res.get().is_none() || !reached.get();
    let busy = move || waiting().to_string();
    view! {
        <section class="section" aria-labelledby=heading_id_ref aria-busy=busy>
            <h2 id=heading_id>{tr(Msg::AddonPackages)}</h2>
            {move || waiting().then(|| view! { <AddonSkeleton /> })}
            {content}
        </section>
    }
}

/// The region while the document loads: its three filters and two package
/// cards, where they will be.
#[component]
fn AddonSkeleton() -> impl IntoView {
    view! {
        <Skeleton>
            <div class="section-filters">
                <FieldSkeleton />
                <FieldSkeleton />
                <FieldSkeleton />
            </div>
            <CardsSkeleton count=2 />
        </Skeleton>
    }
}
