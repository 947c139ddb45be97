//! What every view may read: the API client, the locale, "today", the
//! signed-in user, and the instance's id prefix (two embedded instances on
//! one page must not share element ids).

use crate::api::{Api, Loader};
use crate::i18n::{Locale, Msg};
use ca_contract::{Me, Role};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// A host's callback for navigations: (kind, url).
pub type NavigateCallback = Arc<dyn Fn(&str, &str) + Send + Sync>;

/// How the page is hosted. Set by the host (standalone `index.html` meta
/// tags or the embedding call), never by the page URL.
#[derive(Clone)]
pub struct AppConfig {
    /// The API's base path or URL. Default `/api/v1`.
    pub api_base: String,
    /// The router's base path (`""` at the site root, `/hub/activity` when
    /// the host mounts the page there).
    pub base_path: String,
    /// Forced locale; `None` follows the saved choice, then
    /// `navigator.language`.
    pub locale: Option<Locale>,
    /// Whether this build shows the demo persona switcher.
    pub demo: bool,
    /// The page owns the document (sets `<html lang>`); false when embedded.
    pub standalone: bool,
    /// `light` (default) or `dark`.
    pub theme: Option<String>,
    /// Called with (kind, url) on navigations the host may want to handle,
    /// such as an entitlement's action link.
    pub on_navigate: Option<NavigateCallback>,
    /// The host's Manage Users page (where an administrator grants the
    /// Customer Activity role); the access-denied view links to it.
    pub manage_users_url: Option<String>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            api_base: "/api/v1".into(),
            base_path: String::new(),
            locale: None,
            demo: false,
            standalone: false,
            theme: None,
            on_navigate: None,
            manage_users_url: None,
        }
    }
}

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

/// Who may open Customer Activity (the seed's roles).
pub fn has_access(me: &Me) -> bool {
    me.has(Role::CustomerAdmin) || me.has(Role::WorkspaceAdmin) || me.has(Role::CustomerActivity)
}

/// Administrators see every support request; others only those they reach.
pub fn is_admin(me: &Me) -> bool {
    me.has(Role::CustomerAdmin)
        || me.has(Role::WorkspaceAdmin)
        || me.has(Role::ViewAllSupportRequests)
}

/// A reactive message of the current locale, for text nodes and attributes:
/// `{tr(Msg::Retry)}`.
pub fn tr(m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    crate::ui::tr(m)
}
