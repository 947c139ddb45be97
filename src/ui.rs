//! What a component may read from around it: the locale, an id prefix
//! unique to the mounted instance, and "today". Nothing else: components
//! get their data as props, so the gallery draws any of them from plain
//! values without an API client or the app's context.

use crate::i18n::{Locale, Msg};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The components' context, provided by the app (and the gallery).
#[derive(Clone)]
pub struct Ui {
    pub locale: RwSignal<Locale>,
    /// Unique per mounted instance (element ids).
    pub prefix: Arc<str>,
    /// The browser's today (fixed in the gallery).
    pub today: NaiveDate,
}

impl Ui {
    /// An element id unique to this instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }
}

/// The components' context.
pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

/// The current locale (a signal).
pub fn use_locale() -> RwSignal<Locale> {
    use_ui().locale
}

/// A reactive message of the current locale, for text nodes and attributes:
/// `{tr(Msg::Retry)}`.
pub fn tr(m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let l = use_locale();
    move || l.get().t(m)
}
