//! A failed request, in words, with Retry: what failed (the view's
//! `WhatFailed…` message) and why (network, HTTP status and problem
//! details, a body that is not the promised JSON, the time limit).

use crate::api::{ApiError, Loader};
use crate::components::alert::{ErrorAlert, Loading};
use crate::i18n::{self, Locale, Msg};
use crate::ui::use_locale;
use leptos::prelude::*;
use std::sync::Arc;

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
    let l = use_locale();
    let text = Signal::derive(move || describe(l.get(), what, &error));
    view! { <ErrorAlert text=text on_retry=on_retry /> }
}

/// A request's state, shown the one way every view shows it: the Loading
/// line while it runs, an alert that says what failed with Retry (under
/// `title`, the view's heading, when the failure leaves the view without
/// one), or `loaded` with the answer. (The page's own regions draw
/// skeletons instead of the Loading line: `customer_activity`.)
pub fn request_view<T: Send + Sync + 'static>(
    res: Loader<T>,
    what: Msg,
    title: Option<Msg>,
    loaded: impl FnOnce(Arc<T>) -> AnyView,
) -> AnyView {
    match res.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => view! {
            {title.map(|t| view! { <h1>{crate::ui::tr(t)}</h1> })}
            <LoadError what=what error=e on_retry=Callback::new(move |_| res.refetch()) />
        }
        .into_any(),
        Some(Ok(v)) => loaded(v),
    }
}
