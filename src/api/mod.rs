//! The HTTP client of the contract: one function per endpoint, each a typed
//! `Result`. Requests are aborted when the view that made them goes away,
//! and time out after [`TIMEOUT_MS`].

mod error;

pub use error::ApiError;

use ca_contract::{
    decode, AdditionalCases, CustomerActivity, Decoded, Document, EntitlementActivity, Me, Problem,
};
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a request may take, body included, before it is abandoned.
pub const TIMEOUT_MS: i32 = 20_000;

/// A demo user the demo backend can act as.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct DemoPersona {
    pub id: String,
    pub label: String,
}

/// The API client: a base path (default `/api/v1`, same origin).
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    base: Arc<str>,
    timeout_ms: i32,
}

impl Api {
    /// A client for the API at `base` (a path such as `/api/v1`, or an
    /// absolute URL given by the embedding host; never from the page URL).
    pub fn new(base: &str) -> Self {
        Api {
            base: base.trim_end_matches('/').into(),
            timeout_ms: TIMEOUT_MS,
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub async fn me(&self) -> Result<Me, ApiError> {
        self.get::<Me>("/me").await.map(|d| d.value)
    }

    pub async fn customer_activity(&self) -> Result<Decoded<CustomerActivity>, ApiError> {
        self.get("/customer-activity").await
    }

    pub async fn entitlement_activity(
        &self,
        id: &str,
    ) -> Result<Decoded<EntitlementActivity>, ApiError> {
        self.get(&format!(
            "/entitlements/{}/activity",
            crate::domain::query::encode(id)
        ))
        .await
    }

    pub async fn additional_cases(&self) -> Result<Decoded<AdditionalCases>, ApiError> {
        self.get("/additional-cases").await
    }

    /// The demo backend's personas (not part of the contract; demo builds
    /// only).
    pub async fn demo_personas(&self) -> Result<Vec<DemoPersona>, ApiError> {
        let body = self.get_text("/demo/personas").await?;
        serde_json::from_str(&body).map_err(|e| ApiError::Decode(e.to_string()))
    }

    async fn get<T: Document>(&self, path: &str) -> Result<Decoded<T>, ApiError> {
        let body = self.get_text(path).await?;
        decode::<T>(&body).map_err(|e| ApiError::Decode(e.0))
    }

    async fn get_text(&self, path: &str) -> Result<String, ApiError> {
        let url = format!("{}{}", self.base, path);
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());

        // Abort when the owning view (or the resource's previous run) is
        // cleaned up, so a view that is gone never receives late data.
        if let Some(c) = controller.clone() {
            let c = SendWrapper::new(c);
            on_cleanup(move || c.abort());
        }

        let timed_out = Rc::new(Cell::new(false));
        let timer = controller.clone().and_then(|c| {
            let flag = timed_out.clone();
            let cb = Closure::once_into_js(move || {
                flag.set(true);
                c.abort();
            });
            web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    self.timeout_ms,
                )
                .ok()
        });
        let clear = move || {
            if let (Some(h), Some(w)) = (timer, web_sys::window()) {
                w.clear_timeout_with_handle(h);
            }
        };
        let failed = |e: gloo_net::Error| {
            if timed_out.get() {
                ApiError::Timeout
            } else if signal.as_ref().is_some_and(|s| s.aborted()) {
                ApiError::Aborted
            } else {
                ApiError::Network(e.to_string())
            }
        };

        let result = async {
            let resp = Request::get(&url)
                .header("Accept", "application/json")
                .abort_signal(signal.as_ref())
                .send()
                .await
                .map_err(failed)?;
            let status = resp.status();
            let retry_after = resp
                .headers()
                .get("retry-after")
                .and_then(|v| v.trim().parse::<u32>().ok());
            let text = resp.text().await.map_err(failed)?;
            if !(200..300).contains(&status) {
                let problem: Problem = serde_json::from_str(&text).unwrap_or_default();
                return Err(ApiError::Http {
                    status,
                    title: problem.title,
                    detail: problem.detail,
                    retry_after,
                });
            }
            Ok(text)
        }
        .await;
        clear();
        result
    }
}
