//! Customer Activity, the Services Hub page, as a Leptos client-side app.
//!
//! Data flows one way: `api` (HTTP, typed errors) → `domain` (pure logic) →
//! `pages` (own the resources and the URL state) → `components` (render
//! what they are given; they never call the API).

pub(crate) mod api;
pub mod components;
mod config;
pub(crate) mod context;
pub mod domain;
mod embed;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod i18n;
pub(crate) mod pages;
mod platform;
pub mod ui;

pub use config::AppConfig;

use context::Ctx;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// The whole page: shell, router and routes, for one configuration.
#[component]
pub fn App(config: AppConfig) -> impl IntoView {
    let config = Arc::new(config);
    let api = api::Api::new(&config.api_base);
    let locale = RwSignal::new(config.locale.unwrap_or_else(platform::initial_locale));
    let me = {
        let api = api.clone();
        api::Loader::new(move || {
            let api = api.clone();
            async move { api.me().await }
        })
    };
    let n = INSTANCES.fetch_add(1, Ordering::Relaxed);
    let ctx = Ctx {
        api,
        config: config.clone(),
        locale,
        today: i18n::today(),
        me,
        prefix: format!("ca{n}").into(),
    };
    provide_context(ui::Ui {
        locale,
        prefix: ctx.prefix.clone(),
        today: ctx.today,
    });
    provide_context(ctx);
    if config.standalone {
        platform::sync_document_lang(locale);
    }

    let base = config.base_path.trim_end_matches('/').to_owned();
    use pages::{additional_cases, part::page_part, tile_list};
    view! {
        <Router base=base>
            <pages::shell::Shell>
                <Routes fallback=|| view! { <pages::not_found::NotFound /> }>
                    <Route path=path!("/") view=pages::home::Home />
                    <ParentRoute path=path!("/customer-activity") view=pages::gate::Gate>
                        <Route path=path!("") view=pages::customer_activity::CustomerActivityPage />
                        // A tile's list and the additional cases: their code
                        // is a part (`pages`), fetched when one is shown.
                        <Route
                            path=path!("tiles/:group")
                            view=|| page_part(
                                tile_list::preload_tile_list_page,
                                tile_list::tile_list_page,
                            )
                        />
                        <Route
                            path=path!("entitlements/:id")
                            view=pages::drilldown::DrilldownPage
                        />
                        <Route
                            path=path!("additional-cases")
                            view=|| page_part(
                                additional_cases::preload_cases_page,
                                additional_cases::cases_page,
                            )
                        />
                    </ParentRoute>
                </Routes>
            </pages::shell::Shell>
        </Router>
    }
}

/// Standalone start: reads the configuration from `index.html` meta tags
/// (`customer-activity:api-base`, `customer-activity:base-path`,
/// `customer-activity:demo`) and mounts on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    platform::install_panic_view();
    let config = platform::config_from_meta();
    mount_to_body(move || view! { <App config=config /> });
}
