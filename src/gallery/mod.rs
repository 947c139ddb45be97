//! The designers' gallery: every component in every state, on fixed data,
//! in either language and theme. Built only with the `gallery` feature
//! (`gallery.html`), never into the production bundle.
//!
//! `?locale=it-IT&theme=dark` picks the language and theme; the switchers at
//! the top change them. Each state is a `[data-state="<name>"]` wrapper with
//! its heading, inside a `[data-section="<name>"]` per component; the
//! Playwright gallery suite screenshots those.

mod attention;
pub mod fixtures;
mod notices;
mod page;
mod playground;
mod records;
mod summaries;

use crate::api::Api;
use crate::config::AppConfig;
use crate::context::Ctx;
use crate::i18n::Locale;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the gallery on `<body>` (what `public/gallery-boot.js` calls).
#[wasm_bindgen(js_name = startGallery)]
pub fn start_gallery() {
    console_error_panic_hook::set_once();
    mount_to_body(Gallery);
}

/// The gallery with the context the app provides: a [`Ctx`] whose "today"
/// is fixed and whose user is a fixture, and a router (tiles and cards are
/// router links).
#[component]
pub fn Gallery() -> impl IntoView {
    let config = Arc::new(AppConfig {
        standalone: true,
        ..AppConfig::default()
    });
    let locale = RwSignal::new(Locale::EnUs);
    let me = crate::api::Loader::new(|| async { Ok(fixtures::me()) });
    provide_context(crate::ui::Ui {
        locale,
        prefix: "gallery".into(),
        today: fixtures::today(),
    });
    provide_context(Ctx {
        api: Api::new(&config.api_base),
        config,
        locale,
        today: fixtures::today(),
        me,
        prefix: "gallery".into(),
    });
    crate::platform::sync_document_lang(locale);
    // The views read their table's state from the URL.
    crate::pages::router::Router::provide(String::new());
    view! { <page::GalleryPage /> }
}
