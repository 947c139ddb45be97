//! `/customer-activity/entitlements/{id}`: one entitlement's detail. Total
//! consumption, description, action, contract and package, a chart of
//! consumption over time, and the records in the data grid.

use super::back::BackLink;
use super::gate::{use_workspace, Activity, Loaded, User};
use super::part::Part;
use super::records_view::{
    decode_records, preload_preview, preload_records, preview_part, records_part, DecodeArgs,
    PreviewArgs, RecordsArgs,
};
use super::url::TableQuery;
use crate::api::{Loader, Preview};
use crate::components::alert::Loading;
use crate::components::table_tools::Toggletip;
use crate::context::{tr, Ctx};
use crate::domain::dates::parse_date;
use crate::domain::roles::may_export_training_report;
use crate::domain::usage::Usage;
use crate::domain::validate::Finding;
use crate::domain::view::WorkspaceSel;
use crate::i18n::{self, Msg};
use crate::pages::load_error::request_view;
use ca_contract::{ActivityRecord, Entitlement};
use leptos::prelude::*;
use std::sync::Arc;

/// The loaded records and their findings.
pub(crate) struct Records {
    pub(crate) records: Arc<Vec<ActivityRecord>>,
    pub(crate) findings: Vec<Finding>,
    /// Consumption to date over time, for the chart and the forecast.
    pub(crate) series: Vec<(i64, f64)>,
}

/// Only http(s) URLs become links; anything else (`javascript:`, `data:`)
/// is shown as text, if at all.
pub fn safe_url(url: &str) -> Option<String> {
    let u = web_sys::Url::new(url.trim()).ok()?;
    matches!(u.protocol().as_str(), "http:" | "https:").then(|| u.href())
}

#[component]
pub fn DrilldownPage() -> impl IntoView {
    let ctx = Ctx::get();
    let Activity(doc) = expect_context::<Activity>();
    let id = crate::pages::router::Router::get().param();
    let api = ctx.api.clone();
    // The records' code (their decoder, chart, exports and grid) is fetched
    // once the summary has painted (`Detail`).
    let part = Part::later(preload_records);
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
            // Asked for at once (a 404 or a 403 is known before any code
            // arrives); the body waits in the browser for the records'
            // code, which reads and decodes it. A long list needs that code
            // at once (its download waits for a reader), a short one once
            // the summary has painted (`Detail`).
            let mut opened = api.open_entitlement_activity(&id).await?;
            if opened.is_long().await? {
                part.start();
            }
            // The first rows are drawn by the records' code too (it decodes
            // them): its preview function is in as soon as the part is.
            part.ready().await;
            let _ = preload_preview().await;
            part.read(|| {
                decode_records(DecodeArgs {
                    opened,
                    id,
                    preview: show,
                })
            })
            .await
        }
    });
    let sel = use_workspace();
    let tq = TableQuery::from_url();

    // Only a 404 or a 403 replaces the page: the records arriving must not
    // draw the summary again (a memo, so `view` reruns on a new status only).
    let status = Memo::new(move |_| records.get().and_then(|r| r.err()).and_then(|e| e.status()));
    let view = move || {
        let status = status.get();
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
                        part=part
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

/// The summary's Element Timing name: the records' code waits for it.
const SUMMARY_TIMING: &str = "ca-drilldown-summary";

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
    part: Part,
) -> impl IntoView {
    let ctx = Ctx::get();
    let l = ctx.locale;
    let e = entitlement;
    // What the user sees first is the summary below: the records' code is
    // fetched once it is on screen (the records themselves are on their
    // way), not competing with it for a slow link.
    let summary_value = NodeRef::<leptos::html::P>::new();
    // (`elementtiming` is no attribute `view!` knows: set once mounted,
    // before the first paint.)
    summary_value.on_load(|p| {
        let _ = p.set_attribute("elementtiming", SUMMARY_TIMING);
    });
    leptos::task::spawn_local(async move {
        crate::platform::on_screen(SUMMARY_TIMING, 300).await;
        // And a frame more: the summary's other lines may paint a frame
        // after its figure.
        crate::platform::after_paint().await;
        part.start();
    });
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
            // They wait for their code: if it could not be fetched, the
            // page says so, with Retry.
            if let Some(failed) = part.failure() {
                return failed;
            }
            if let Some(first) = preview.get().filter(|_| plain()) {
                // (Only the records' code makes a preview: it is in.)
                if let Some(Ok(v)) = super::part::now(preview_part(PreviewArgs {
                    first,
                    service,
                    unit,
                })) {
                    return v;
                }
            }
        }
        request_view(records, Msg::WhatFailedRecords, None, |r| {
            part.show(
                || view! { <Loading /> }.into_any(),
                || {
                    records_part(RecordsArgs {
                        r,
                        usage,
                        unit,
                        service,
                        period,
                        can_export,
                        tq,
                        sel,
                        title: title.clone(),
                    })
                },
            )
        })
    };
    view! {
        <h1>{e.name.clone()}</h1>
        <section class="summary card" aria-label=tr(Msg::TotalConsumption)>
            <p class="summary__label">{tr(Msg::TotalConsumption)}</p>
            <p class="summary__value" node_ref=summary_value>
                {total}
                {as_needed_tip}
            </p>
            {over}
            {facts}
            {action}
        </section>
        // Busy until the records, and the code that draws them, are in.
        <div aria-busy=move || part.busy(records)>{body}</div>
    }
}
