//! The HTTP client of the contract: one function per endpoint, each a typed
//! `Result`. Requests are aborted when the view that made them goes away,
//! and time out after [`TIMEOUT_MS`].

mod error;
mod loader;

pub use error::ApiError;
pub use loader::Loader;

use ca_contract::{
    decode, ActivityRecord, AdditionalCases, CustomerActivity, Decoded, Document,
    EntitlementActivity, Me, Problem, StreamDecoder, Streamed,
};
use gloo_net::http::{Request, Response};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long a request may take, body included, before it is abandoned.
pub const TIMEOUT_MS: i32 = 20_000;

/// Receives the first records of a long list while the rest loads.
pub type Preview<T> = Box<dyn FnOnce(Vec<T>)>;

/// How many records a preview holds (a screenful and more).
pub const PREVIEW_ROWS: usize = 30;

/// Bodies shorter than this load too fast for a preview to help.
pub const PREVIEW_MIN_BYTES: usize = 4 << 20;

/// The pieces a streamed chunk is decoded in (bytes): before the preview is
/// shown (about 170 records), and after.
const PREVIEW_PIECE: usize = 64 << 10;
const DECODE_PIECE: usize = 512 << 10;

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

    /// The records of an entitlement. For a long list (a body of at least
    /// [`PREVIEW_MIN_BYTES`]), `preview` is called once with the first
    /// [`PREVIEW_ROWS`] records as soon as they are decoded, so the page can
    /// show them while the rest arrives.
    pub async fn entitlement_activity(
        &self,
        id: &str,
        preview: Option<Preview<ActivityRecord>>,
    ) -> Result<Decoded<EntitlementActivity>, ApiError> {
        self.get_streamed(
            &format!(
                "/entitlements/{}/activity",
                crate::domain::query::encode(id)
            ),
            preview,
        )
        .await
    }

    pub async fn additional_cases(&self) -> Result<Decoded<AdditionalCases>, ApiError> {
        self.get_streamed("/additional-cases", None).await
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
        let flight = Flight::start(self.timeout_ms);
        let resp = self.response(path, &flight).await?;
        resp.text().await.map_err(|e| flight.error(e.to_string()))
    }

    /// Reads the body as the network delivers it and decodes its long list
    /// item by item on the way ([`StreamDecoder`]): decoding overlaps the
    /// download, and the body is never held whole (36 MB for 100,000
    /// records). The main thread is handed back between chunks so the page
    /// stays responsive while a large list loads.
    async fn get_streamed<T: Streamed>(
        &self,
        path: &str,
        mut preview: Option<Preview<T::Item>>,
    ) -> Result<Decoded<T>, ApiError>
    where
        T::Item: Clone,
    {
        let flight = Flight::start(self.timeout_ms);
        let resp = self.response(path, &flight).await?;
        let length = resp
            .headers()
            .get("content-length")
            .and_then(|v| v.trim().parse::<usize>().ok());
        let Some(stream) = resp.body() else {
            // No body at all (e.g. a 204): let the decoder judge "".
            return StreamDecoder::<T>::new()
                .finish()
                .map_err(|e| ApiError::Decode(e.0));
        };
        let reader = web_sys::ReadableStreamDefaultReader::new(&stream)
            .map_err(|e| flight.error(js_message(&e)))?;
        let mut decoder = StreamDecoder::<T>::new();
        let mut buf = Vec::new();
        let mut bytes = 0usize;
        let mut reserved = false;
        let mut slice_start = crate::platform::now_ms();
        loop {
            let chunk = JsFuture::from(reader.read())
                .await
                .map_err(|e| flight.error(js_message(&e)))?;
            let done = js_sys::Reflect::get(&chunk, &"done".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) else {
                break;
            };
            let array = js_sys::Uint8Array::new(&value);
            buf.resize(array.length() as usize, 0);
            array.copy_to(&mut buf);
            // A chunk may be megabytes (whatever arrived while the page was
            // busy): it is decoded in pieces, small ones until the preview
            // is out (so its rows do not wait for the whole chunk), then
            // larger ones, with a pause for the page between any two
            // pieces once 40 ms have gone.
            let mut at = 0;
            while at < buf.len() {
                let piece = if preview.is_some() {
                    PREVIEW_PIECE
                } else {
                    DECODE_PIECE
                };
                let end = (at + piece).min(buf.len());
                T::push_chunk(&mut decoder, &buf[at..end]);
                bytes += end - at;
                at = end;
                // Once the first items show how long one is, make room for
                // all of them at once rather than growing the list step by
                // step.
                if !reserved && bytes >= 256 * 1024 && decoder.items_read() > 0 {
                    reserved = true;
                    if let Some(total) = length {
                        let expected = total / (bytes / decoder.items_read()).max(1);
                        decoder.reserve(expected + expected / 32);
                    }
                }
                let long = length.unwrap_or(bytes).max(bytes) >= PREVIEW_MIN_BYTES;
                if long && decoder.items_read() >= PREVIEW_ROWS {
                    if let Some(show) = preview.take() {
                        show(decoder.items()[..PREVIEW_ROWS].to_vec());
                        // Let the browser paint them before decoding goes on.
                        crate::platform::next_task().await;
                        slice_start = crate::platform::now_ms();
                    }
                }
                if crate::platform::now_ms() - slice_start > 40.0 {
                    crate::platform::next_task().await;
                    slice_start = crate::platform::now_ms();
                }
            }
        }
        drop(flight);
        decoder.finish().map_err(|e| ApiError::Decode(e.0))
    }

    /// Sends a GET and returns the response if its status is 2xx; any other
    /// status becomes [`ApiError::Http`] with the problem details.
    async fn response(&self, path: &str, flight: &Flight) -> Result<Response, ApiError> {
        let url = format!("{}{}", self.base, path);
        let resp = match crate::platform::take_early(&url) {
            // Asked for by the loader while the wasm arrived (the user).
            Some(early) => JsFuture::from(early)
                .await
                .map(|r| Response::from(r.unchecked_into::<web_sys::Response>()))
                .map_err(|e| early_error(&e))?,
            None => Request::get(&url)
                .header("Accept", "application/json")
                .abort_signal(flight.signal.as_ref())
                .send()
                .await
                .map_err(|e| flight.error(e.to_string()))?,
        };
        let status = resp.status();
        if (200..300).contains(&status) {
            return Ok(resp);
        }
        let retry_after = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.trim().parse::<u32>().ok());
        let text = resp.text().await.map_err(|e| flight.error(e.to_string()))?;
        let problem: Problem = serde_json::from_str(&text).unwrap_or_default();
        Err(ApiError::Http {
            status,
            title: problem.title,
            detail: problem.detail,
            retry_after,
        })
    }
}

/// One request in flight: aborted when the view that made it is cleaned
/// up (so a view that is gone never receives late data) or when it takes
/// longer than the time limit, body included.
struct Flight {
    signal: Option<web_sys::AbortSignal>,
    timed_out: Rc<Cell<bool>>,
    timer: Option<i32>,
}

impl Flight {
    fn start(timeout_ms: i32) -> Self {
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        if let Some(c) = controller.clone() {
            let c = SendWrapper::new(c);
            on_cleanup(move || c.abort());
        }
        let timed_out = Rc::new(Cell::new(false));
        let timer = controller.and_then(|c| {
            let flag = timed_out.clone();
            let cb = Closure::once_into_js(move || {
                flag.set(true);
                c.abort();
            });
            web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    timeout_ms,
                )
                .ok()
        });
        Flight {
            signal,
            timed_out,
            timer,
        }
    }

    /// What a failure of the request or of reading its body means.
    fn error(&self, message: String) -> ApiError {
        if self.timed_out.get() {
            ApiError::Timeout
        } else if self.signal.as_ref().is_some_and(|s| s.aborted()) {
            ApiError::Aborted
        } else {
            ApiError::Network(message)
        }
    }
}

impl Drop for Flight {
    fn drop(&mut self) {
        if let (Some(h), Some(w)) = (self.timer, web_sys::window()) {
            w.clear_timeout_with_handle(h);
        }
    }
}

/// What a failure of the loader's early request means (its time limit is
/// `AbortSignal.timeout`, which fails with a `TimeoutError`).
fn early_error(e: &wasm_bindgen::JsValue) -> ApiError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("TimeoutError") => ApiError::Timeout,
        _ => ApiError::Network(js_message(e)),
    }
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the response body could not be read".to_owned())
}
