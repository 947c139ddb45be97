//! The embedding entry points: what a Services Hub host calls to mount the
//! page into an element of its own. A host reaches them through
//! `public/embed.js` (the wasm and its glue have content-hashed names that
//! only the build knows; embed.js is written with them):
//!
//! ```js
//! import { ready, mountCustomerActivity } from '/embed.js';
//! await ready; // the wasm and the stylesheets, loaded once
//! const handle = mountCustomerActivity(document.querySelector('#slot'), {
//!   apiBase: '/api/v1',          // default '/api/v1'
//!   basePath: '/hub',            // the router's base path, default ''
//!   locale: 'it-IT',             // default: saved choice, then navigator.language
//!   theme: 'dark',               // 'light' (default) or 'dark'
//!   onNavigate: (kind, url) => {}, // e.g. kind 'action' for an entitlement's action link
//!   onShown: () => {},           // once the first view is drawn (before its paint)
//! });
//! handle.unmount();
//! ```
//! `public/embed.js` also wraps this in a `<customer-activity>` custom
//! element, and `public/boot.js` calls [`start_standalone`] through it.

use crate::config::{AppConfig, HostCallback, NavigateCallback};
use crate::i18n::Locale;
use crate::App;
use leptos::prelude::*;
use std::any::Any;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

fn string(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// The host's function under `key`, callable from the page.
fn function(options: &JsValue, key: &str) -> Option<send_wrapper::SendWrapper<js_sys::Function>> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(send_wrapper::SendWrapper::new)
}

/// Reads the host's options object (missing keys keep their defaults).
fn config_from(options: &JsValue) -> AppConfig {
    let d = AppConfig::default();
    let on_navigate = function(options, "onNavigate").map(|f| {
        Arc::new(move |kind: &str, url: &str| {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from_str(kind),
                &JsValue::from_str(url),
            );
        }) as NavigateCallback
    });
    let on_shown = function(options, "onShown").map(|f| {
        Arc::new(move || {
            let _ = f.call0(&JsValue::NULL);
        }) as HostCallback
    });
    AppConfig {
        api_base: string(options, "apiBase").unwrap_or(d.api_base),
        base_path: string(options, "basePath").unwrap_or(d.base_path),
        locale: string(options, "locale").map(|l| Locale::from_tag(&l)),
        demo: false,
        standalone: false,
        theme: string(options, "theme"),
        on_navigate,
        on_shown,
        manage_users_url: string(options, "manageUsersUrl"),
    }
}

/// A mounted page; `unmount()` removes it and releases everything it held.
#[wasm_bindgen]
pub struct EmbeddedPage {
    handle: Option<Box<dyn Any>>,
    /// The reactive owner of everything the page created. Dropping the
    /// mount handle alone leaves it alive while anything else holds it, and
    /// with it the router's window listeners: unmount cleans it up for sure.
    owner: Option<Owner>,
}

#[wasm_bindgen]
impl EmbeddedPage {
    /// Removes the page from its element. Safe to call twice.
    pub fn unmount(&mut self) {
        self.handle.take();
        if let Some(owner) = self.owner.take() {
            owner.cleanup();
        }
    }
}

/// Mounts Customer Activity into `element` with the host's options.
#[wasm_bindgen(js_name = mountCustomerActivity)]
pub fn mount_customer_activity(element: web_sys::HtmlElement, options: JsValue) -> EmbeddedPage {
    console_error_panic_hook::set_once();
    let config = config_from(&options);
    let owner = Owner::new();
    let handle = owner.with(|| mount_to(element, move || view! { <App config=config /> }));
    EmbeddedPage {
        handle: Some(Box::new(handle)),
        owner: Some(owner),
    }
}

/// The standalone page (what `public/boot.js` calls).
#[wasm_bindgen(js_name = startStandalone)]
pub fn start_standalone() {
    crate::start();
}
