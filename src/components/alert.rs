//! Failure and notice boxes.

use crate::domain::validate::{Finding, Flaw};
use crate::i18n::{self, Msg};
use crate::ui::{tr, use_ui};
use leptos::prelude::*;

/// An alert that says what failed, with a Retry button (the page words
/// the failure: `pages::load_error`).
#[component]
pub fn ErrorAlert(
    #[prop(into)] text: Signal<String>,
    /// Called by Retry.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="alert alert-error" role="alert">
            <p class="alert-text">{move || text.get()}</p>
            <button class="btn" type="button" on:click=move |_| on_retry.run(())>
                {tr(Msg::Retry)}
            </button>
        </div>
    }
}

/// A note about `n` items, worded by `text` (the locale, the count as the
/// locale writes it, and whether it is one).
pub fn count_note(
    l: i18n::Locale,
    n: usize,
    text: fn(i18n::Locale, &str, bool) -> String,
) -> impl IntoView {
    view! {
        <p class="note" role="note">
            {text(l, &i18n::num(l, n as f64), i18n::is_one(l, n as f64))}
        </p>
    }
}

/// A list of flagged items (bad records), shown rather than dropped.
#[component]
pub fn DataIssues(findings: Vec<Finding>) -> impl IntoView {
    let ctx = use_ui();
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
            <summary>
                {move || {
                    format!("{} ({})", l.get().t(Msg::DataIssues), i18n::num(l.get(), count as f64))
                }}
            </summary>
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
