//! How the page is hosted: read from the standalone page's meta tags
//! (`platform::config_from_meta`) or given by the embedding call
//! (`embed`). It depends on nothing of ours but the locale, so every layer
//! may read it.

use crate::i18n::Locale;
use std::sync::Arc;

/// A host's callback for navigations: (kind, url).
pub type NavigateCallback = Arc<dyn Fn(&str, &str) + Send + Sync>;

/// A host's callback with no arguments.
pub type HostCallback = Arc<dyn Fn() + Send + Sync>;

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
    /// Called once the page's first view is drawn (in the DOM, not yet
    /// painted): embed.js fires `ca-ready` after the next paint.
    pub on_shown: Option<HostCallback>,
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
            on_shown: None,
            manage_users_url: None,
        }
    }
}
