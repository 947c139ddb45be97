//! The proof of delivery (CPOD) of the page's view: a CSV of its lines, an
//! Excel workbook (a Summary sheet, then each entitlement's records, fetched
//! a few at a time with progress, Cancel and Retry), and Print.

use super::gate::{Activity, User};
use super::pod_files::{
    pod_csv, pod_plan, pod_save, pod_sheet, preload_pod_csv, preload_pod_save, PodView, SheetArgs,
};
use super::url::{keys, query_value};
use crate::components::table_tools::Toggletip;
use crate::context::{tr, Ctx};
use crate::domain::view::WorkspaceSel;
use crate::domain::xlsx::Sheet;
use crate::i18n::{self, Msg};
use crate::pages::load_error::LoadError;
use leptos::prelude::*;
use std::sync::Arc;

/// The proof of delivery of the current view (workspace and enterprise
/// contract), the CPOD: what was purchased and delivered per contract,
/// package and entitlement, as CSV, as an Excel workbook (a Summary sheet,
/// then each entitlement's records), or printed (the print stylesheet drops
/// the chrome).
#[component]
pub fn ProofOfDelivery(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let ctx = Ctx::get();
    let me = User::get();
    let Activity(res) = expect_context::<Activity>();
    let contract_q = query_value(keys::CONTRACT);
    let l = ctx.locale;
    let today = ctx.today;
    // What the proof of delivery is made of: the loaded document and the
    // view (None while the document is not loaded). Its lines, sheets and
    // files are made in the wasm part `pod`, fetched when the user points at
    // (or tabs to) its buttons, or at the latest on a click.
    let view_args = {
        let me = me.clone();
        move || {
            let Some(Ok(loaded)) = res.get_untracked() else {
                return None;
            };
            Some(PodView {
                loaded,
                l: l.get_untracked(),
                sel: sel.get_untracked(),
                me: me.clone(),
                contract: contract_q.get_untracked(),
                today,
            })
        }
    };
    // The part's code could not be fetched: said, with Retry (which runs
    // the button again).
    let part_failed = RwSignal::new(false);
    let last: StoredValue<Option<Callback<()>>> = StoredValue::new(None);
    let fetching = StoredValue::new(false);
    let prefetch = move || {
        if !fetching.get_value() {
            fetching.set_value(true);
            leptos::task::spawn_local(async move {
                if preload_pod_csv().await.is_err() {
                    fetching.set_value(false);
                }
            });
        }
    };
    let download = {
        let view_args = view_args.clone();
        Callback::new(move |_: ()| {
            let Some(v) = view_args() else {
                return;
            };
            part_failed.set(false);
            leptos::task::spawn_local(async move {
                if pod_csv(v).await.is_err() {
                    part_failed.set(true);
                }
            });
        })
    };

    // The workbook: its plan, the sheets fetched so far (kept across a
    // Retry, which resumes), the progress, and a generation that Cancel
    // bumps so that fetches still in flight are ignored.
    let job: StoredValue<Option<PodJob>> = StoredValue::new(None);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let failed = RwSignal::new(None::<crate::api::ApiError>);
    let generation = StoredValue::new(0u32);
    // Set by a failed fetch: no new fetch starts until Retry (those in
    // flight still keep their sheets, so Retry resumes).
    let stopped = StoredValue::new(false);
    let run: StoredValue<Option<Arc<dyn Fn() + Send + Sync>>> = StoredValue::new(None);
    {
        let api = ctx.api.clone();
        let me = me.clone();
        let runner = Arc::new(move || {
            let gen = generation.get_value();
            stopped.set_value(false);
            failed.set(None);
            for _ in 0..POD_PARALLEL {
                let api = api.clone();
                let me = me.clone();
                leptos::task::spawn_local(async move {
                    loop {
                        if stopped.try_get_value() != Some(false) {
                            return;
                        }
                        // The next entitlement nobody has taken.
                        let Some(Some((k, id))) = job.try_update_value(|j| {
                            let j = j.as_mut()?;
                            let k = j
                                .sheets
                                .iter()
                                .zip(&j.taken)
                                .position(|(s, t)| s.is_none() && !*t)?;
                            j.taken[k] = true;
                            Some((k, j.plan[k].id.clone()))
                        }) else {
                            return;
                        };
                        // Asked for here; read, decoded and written by the
                        // workbook's code (the wasm part `pod`).
                        let got = match api.open_entitlement_activity(&id).await {
                            Err(e) => Err(e),
                            Ok(opened) => {
                                let Some(Some(e)) =
                                    job.try_with_value(|j| j.as_ref().map(|j| j.plan[k].clone()))
                                else {
                                    return;
                                };
                                let writing = pod_sheet(SheetArgs {
                                    e,
                                    opened,
                                    sel: sel.get_untracked(),
                                    me: me.clone(),
                                    l: l.get_untracked(),
                                })
                                .await;
                                let Ok(writing) = writing else {
                                    if generation.try_get_value() != Some(gen) {
                                        return;
                                    }
                                    job.update_value(|j| {
                                        if let Some(j) = j.as_mut() {
                                            j.taken[k] = false;
                                        }
                                    });
                                    stopped.set_value(true);
                                    failed.set(Some(part_error()));
                                    return;
                                };
                                writing.await
                            }
                        };
                        if generation.try_get_value() != Some(gen) {
                            return;
                        }
                        match got {
                            Ok(sheet) => {
                                let done = job.try_update_value(|j| {
                                    let j = j.as_mut()?;
                                    j.sheets[k] = Some(sheet);
                                    j.taken[k] = false;
                                    Some((
                                        j.sheets.iter().filter(|s| s.is_some()).count(),
                                        j.plan.len(),
                                    ))
                                });
                                let Some(Some((done, all))) = done else {
                                    return;
                                };
                                progress.set(Some((done, all)));
                                if done == all {
                                    finish(job, progress, failed, today).await;
                                    return;
                                }
                            }
                            Err(e) => {
                                job.update_value(|j| {
                                    if let Some(j) = j.as_mut() {
                                        j.taken[k] = false;
                                    }
                                });
                                // No new fetch starts; Retry starts them again.
                                stopped.set_value(true);
                                failed.set(Some(e));
                                return;
                            }
                        }
                    }
                });
            }
        });
        run.set_value(Some(runner));
    }
    let start = Callback::new(move |_: ()| {
        let Some(v) = view_args() else {
            return;
        };
        part_failed.set(false);
        // Busy from the click on.
        generation.update_value(|g| *g += 1);
        let gen = generation.get_value();
        progress.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            let plan = pod_plan(v).await;
            if generation.try_get_value() != Some(gen) {
                return;
            }
            let Ok((summary, plan)) = plan else {
                progress.set(None);
                part_failed.set(true);
                return;
            };
            let n = plan.len();
            job.set_value(Some(PodJob {
                summary,
                sheets: vec![None; n],
                taken: vec![false; n],
                plan,
            }));
            progress.set(Some((0, n)));
            if n == 0 {
                finish(job, progress, failed, today).await;
                return;
            }
            if let Some(r) = run.get_value() {
                r();
            }
        });
    });
    let cancel = move |_| {
        generation.update_value(|g| *g += 1);
        job.set_value(None);
        progress.set(None);
        failed.set(None);
    };
    let retry = Callback::new(move |_| {
        // Every sheet in, the writer's code missing: save again; else fetch
        // what is missing.
        let complete = job.with_value(|j| {
            j.as_ref()
                .is_some_and(|j| j.sheets.iter().all(Option::is_some))
        });
        if complete {
            failed.set(None);
            leptos::task::spawn_local(finish(job, progress, failed, today));
        } else if let Some(r) = run.get_value() {
            r();
        }
    });
    let busy = move || progress.get().is_some();
    let bar = move || {
        progress.get().map(|(done, all)| {
            let l = l.get();
            let text =
                i18n::progress_text(l, &i18n::num(l, done as f64), &i18n::num(l, all as f64));
            let error = failed.get().map(|e| {
                view! { <LoadError what=Msg::WhatFailedProofOfDelivery error=e on_retry=retry /> }
            });
            view! {
                <div class="pod-progress">
                    <label class="pod-progress__label">
                        <span>{l.t(Msg::PreparingProofOfDelivery)}</span>
                        <progress
                            aria-label=l.t(Msg::PreparingProofOfDelivery)
                            max=all.max(1).to_string()
                            value=done.to_string()
                            aria-valuetext=text.clone()
                        ></progress>
                    </label>
                    <span class="muted">{text}</span>
                    <button type="button" class="btn" on:click=cancel>
                        {l.t(Msg::Cancel)}
                    </button>
                    {error}
                </div>
            }
        })
    };
    let ready = move || matches!(res.get(), Some(Ok(_)));
    view! {
        <div
            class="toolbar-group"
            role="group"
            aria-label=tr(Msg::ProofOfDelivery)
            on:pointerenter=move |_| prefetch()
            on:focusin=move |_| prefetch()
        >
            <span class="toolbar-label" aria-hidden="true">
                {tr(Msg::ProofOfDelivery)}
            </span>
            <Toggletip
                topic=Signal::derive(move || l.get().t(Msg::ProofOfDelivery).to_owned())
                text=Msg::ProofOfDeliveryHelp
            />
            <button
                type="button"
                class="btn"
                disabled=move || !ready()
                on:click=move |_| {
                    last.set_value(Some(download));
                    download.run(());
                }
            >
                {tr(Msg::DownloadCsv)}
            </button>
            <button
                type="button"
                class="btn"
                disabled=move || !ready() || busy()
                on:click=move |_| {
                    last.set_value(Some(start));
                    start.run(());
                }
            >
                {tr(Msg::DownloadExcel)}
            </button>
            <button type="button" class="btn" on:click=move |_| crate::platform::print()>
                {tr(Msg::Print)}
            </button>
        </div>
        {bar}
        {move || {
            part_failed
                .get()
                .then(|| {
                    view! {
                        <LoadError
                            what=Msg::WhatFailedProofOfDelivery
                            error=part_error()
                            on_retry=Callback::new(move |_| {
                                if let Some(again) = last.get_value() {
                                    again.run(());
                                }
                            })
                        />
                    }
                })
        }}
    }
}

/// Entitlements fetched at once for the workbook: a few, not all.
const POD_PARALLEL: usize = 3;

/// A proof-of-delivery workbook being prepared.
struct PodJob {
    summary: Sheet,
    plan: Vec<ca_contract::Entitlement>,
    /// Each entitlement's sheet, once fetched.
    sheets: Vec<Option<Sheet>>,
    /// Fetches in flight.
    taken: Vec<bool>,
}

/// Why a part of the page's code is missing, as a request failure is told.
fn part_error() -> crate::api::ApiError {
    crate::api::ApiError::Network("the code of this part of the page could not be fetched".into())
}

/// Saves the workbook once every sheet is in, and ends the job.
async fn finish(
    job: StoredValue<Option<PodJob>>,
    progress: RwSignal<Option<(usize, usize)>>,
    failed: RwSignal<Option<crate::api::ApiError>>,
    today: chrono::NaiveDate,
) {
    // The writer's code first: should it not come, the sheets stay for Retry.
    if preload_pod_save().await.is_err() {
        let _ = failed.try_set(Some(part_error()));
        return;
    }
    let Some(Some(j)) = job.try_update_value(|j| j.take()) else {
        return;
    };
    let mut sheets = vec![j.summary];
    sheets.extend(j.sheets.into_iter().flatten());
    // (Its code is in: this cannot fail now.)
    let _ = pod_save((sheets, today)).await;
    let _ = progress.try_set(None);
}
