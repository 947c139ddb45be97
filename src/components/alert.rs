//! Failure and notice boxes.

use crate::api::ApiError;
use crate::context::{tr, Ctx};
use crate::domain::validate::{Finding, Flaw};
use crate::i18n::{self, Locale, Msg};
use leptos::prelude::*;

/// What failed, in words, for an API error.
pub fn describe(l: Locale, what: Msg, e: &ApiError) -> String {
    let why = match e {
        ApiError::Network(_) | ApiError::Aborted => l.t(Msg::WhyNetwork).to_owned(),
        ApiError::Http {
            status,
            title,
            detail,
            ..
        } => {
            let d = detail.clone().or_else(|| title.clone()).unwrap_or_default();
            i18n::http_failed(l, *status, &d)
        }
        ApiError::Decode(_) => l.t(Msg::WhyDecode).to_owned(),
        ApiError::Timeout => i18n::timed_out(l, (crate::api::TIMEOUT_MS / 1000) as u32),
        ApiError::TooLarge => l.t(Msg::WhyTooLarge).to_owned(),
    };
    let mut s = i18n::load_failed(l, l.t(what), &why);
    if let ApiError::Http {
        retry_after: Some(secs),
        ..
    } = e
    {
        s.push(' ');
        s.push_str(&i18n::retry_after(l, &secs.to_string()));
    }
    s
}

/// An alert that says what failed, with a Retry button.
#[component]
pub fn LoadError(
    /// What was being loaded (a `WhatFailed…` message).
    what: Msg,
    error: ApiError,
    /// Called by Retry.
    on_retry: Callback<()>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let l = ctx.locale;
    let text = move || describe(l.get(), what, &error);
    view! {
        <div class="alert alert-error" role="alert">
            <p class="alert-text">{text}</p>
            <button class="btn" type="button" on:click=move |_| on_retry.run(())>
                {tr(Msg::Retry)}
            </button>
        </div>
    }
}

/// A list of flagged items (bad records), shown rather than dropped.
#[component]
pub fn DataIssues(findings: Vec<Finding>) -> impl IntoView {
    let ctx = Ctx::get();
    if findings.is_empty() {
        return None;
    }
    let l = ctx.locale;
    // A `Flaw::More` stands for the flagged items not kept (budgets).
    let count = crate::domain::validate::total(&findings);
    let items = move || {
        let shown: Vec<_> = findings
            .iter()
            .filter(|f| !matches!(f.flaw, Flaw::More(_)))
            .take(50)
            .map(|f| view! { <li>{i18n::finding(l.get(), f.list, &f.id, &f.flaw)}</li> })
            .collect();
        let rest = count - shown.len();
        let more = (rest > 0).then(
            || view! { <li>{i18n::and_more(l.get(), &i18n::num(l.get(), rest as f64))}</li> },
        );
        (shown, more)
    };
    Some(view! {
        <details class="alert alert-warning">
            <summary>{move || format!("{} ({})", l.get().t(Msg::DataIssues), i18n::num(l.get(), count as f64))}</summary>
            <p>{tr(Msg::DataIssuesBody)}</p>
            <ul>{items}</ul>
        </details>
    })
}

/// A busy placeholder for a region that is loading.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading">
            <span class="spinner" aria-hidden="true"></span>
            {tr(Msg::Loading)}
        </p>
    }
}
