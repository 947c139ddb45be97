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

/// Where a table's column widths are remembered (`localStorage`).
fn widths_storage_key(key: &str) -> String {
    format!("customer-activity.widths.{key}")
}

/// A table's remembered column widths (em), by column, else the defaults.
/// Stored as `column=width` pairs, so a table whose columns changed keeps
/// the widths of those it still has.
pub fn load_widths(
    key: Option<&str>,
    cols: &[crate::domain::grid::ColId],
    defaults: &[f64],
) -> Vec<f64> {
    let saved = key.and_then(|k| {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(&widths_storage_key(k))
            .ok()?
    });
    let saved = saved.unwrap_or_default();
    cols.iter()
        .zip(defaults)
        .map(|(c, d)| {
            saved
                .split(';')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == c.key())
                .and_then(|(_, v)| v.parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v > 0.0 && *v <= 100.0)
                .unwrap_or(*d)
        })
        .collect()
}

/// Remembers a table's column widths.
pub fn save_widths(key: Option<&str>, cols: &[crate::domain::grid::ColId], widths: &[f64]) {
    let Some(k) = key else { return };
    let value = cols
        .iter()
        .zip(widths)
        .map(|(c, w)| format!("{}={w}", c.key()))
        .collect::<Vec<_>>()
        .join(";");
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(&widths_storage_key(k), &value);
    }
}
