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
use pages::router::{Top, View};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// The whole page: shell, router and routes (ui.md: Routes), for one
/// configuration.
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

    let router = pages::router::Router::provide(config.base_path.trim_end_matches('/').to_owned());
    let top = Memo::new(move |_| router.route.with(pages::router::Route::top));
    // The shell in a task of its own, after this one (the contexts, the
    // router, the first requests): on a phone's CPU the wasm's first task
    // compiles every function it runs, and both in one were a long task.
    let shown = platform::true_next_task();
    move || {
        shown.get().then(|| {
            view! {
                <pages::shell::Shell>
                    {move || match top.get() {
                        Top::Home => view! { <pages::home::Home /> }.into_any(),
                        Top::NotFound => view! { <pages::not_found::NotFound /> }.into_any(),
                        Top::Activity => {
                            // The views below `/customer-activity` share its gate: the
                            // gate stays while they change.
                            view! {
                                <pages::gate::Gate>{activity_view(router.route)}</pages::gate::Gate>
                            }
                                .into_any()
                        }
                    }}
                </pages::shell::Shell>
            }
        })
    }
}

/// The view below `/customer-activity` that the route names; it stays
/// drawn while only its parameter changes.
fn activity_view(route: Memo<pages::router::Route>) -> impl IntoView {
    use pages::{additional_cases, part::page_part, tile_list};
    let view = Memo::new(move |prev: Option<&Option<View>>| {
        // Leaving the gate: the view stays as it is until it goes.
        route.with(|r| r.view()).or(prev.copied().flatten())
    });
    move || match view.get()? {
        View::Landing => {
            Some(view! { <pages::customer_activity::CustomerActivityPage /> }.into_any())
        }
        // A tile's list and the additional cases: their code is a part
        // (`pages`), fetched when one is shown.
        View::Tiles => {
            Some(page_part(tile_list::preload_tile_list_page, tile_list::tile_list_page).into_any())
        }
        View::Entitlement => Some(view! { <pages::drilldown::DrilldownPage /> }.into_any()),
        View::Cases => Some(
            page_part(
                additional_cases::preload_cases_page,
                additional_cases::cases_page,
            )
            .into_any(),
        ),
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
