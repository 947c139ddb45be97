//! What every view may read: the API client, the locale, "today", the
//! signed-in user, and the instance's id prefix (two embedded instances on
//! one page must not share element ids).

use crate::api::{Api, Loader};
pub use crate::config::AppConfig;
use crate::i18n::{Locale, Msg};
use ca_contract::Me;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct Ctx {
    pub api: Api,
    pub config: Arc<AppConfig>,
    pub locale: RwSignal<Locale>,
    pub today: NaiveDate,
    pub me: Loader<Me>,
    /// Unique per mounted instance.
    pub prefix: Arc<str>,
}

impl Ctx {
    pub fn get() -> Ctx {
        expect_context::<Ctx>()
    }

    /// An element id unique to this instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    /// A path under the router's base.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path.trim_end_matches('/'), path)
    }
}

/// A reactive message of the current locale, for text nodes and attributes:
/// `{tr(Msg::Retry)}`.
pub fn tr(m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    crate::ui::tr(m)
}
