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

/// Bytes read of one response body, at most; past it the request fails
/// with [`ApiError::TooLarge`] ("the answer was too large", with Retry).
/// The longest answer the page expects is the 100,000-record drilldown
/// (36 MB); wasm memory is 4 GB at most and never shrinks, and the body's
/// text, its decoded records and their search index must all fit.
pub const MAX_RESPONSE_BYTES: usize = 64 << 20;

/// Bytes read of an error's problem details (a few lines of JSON); a
/// longer body is not read and the status alone is shown.
pub const MAX_PROBLEM_BYTES: usize = 64 << 10;

/// The preview of a long list, once [`PREVIEW_ROWS`] items are decoded
/// (items read are not enough: unreadable ones are set aside, and 200,000
/// of them before the first good one once sliced past the end and
/// panicked).
fn preview_rows<T: Clone>(long: bool, decoded: &[T]) -> Option<Vec<T>> {
    (long && decoded.len() >= PREVIEW_ROWS).then(|| decoded[..PREVIEW_ROWS].to_vec())
}

/// A body's declared length (`Content-Length`), judged: `Err` when it
/// says more than `cap`. Only a hint, never trusted for more than that:
/// the bytes that actually arrive are counted too.
pub fn declared_length(header: Option<&str>, cap: usize) -> Result<Option<usize>, ApiError> {
    match header.map(|v| v.trim().parse::<u64>()) {
        Some(Ok(n)) if n > cap as u64 => Err(ApiError::TooLarge),
        Some(Ok(n)) => Ok(Some(n as usize)),
        _ => Ok(None),
    }
}

/// How many items a streamed list is given room for at once: its declared
/// length (at most [`MAX_RESPONSE_BYTES`]) over the bytes an item took so
/// far, plus 3%, never more than [`ca_contract::MAX_ITEMS_KEPT`] (a lying
/// `Content-Length: 4000000000` once asked for 2 GB and panicked).
pub fn items_to_reserve(declared: Option<usize>, bytes: usize, items: usize) -> usize {
    let Some(total) = declared else { return 0 };
    let per_item = (bytes / items.max(1)).max(1);
    let expected = total.min(MAX_RESPONSE_BYTES) / per_item;
    (expected + expected / 32).min(ca_contract::MAX_ITEMS_KEPT)
}

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
        read_text(&resp, &flight, MAX_RESPONSE_BYTES).await
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
        let mut body = Body::new(&resp, &flight, MAX_RESPONSE_BYTES)?;
        let length = body.declared;
        let mut decoder = StreamDecoder::<T>::new();
        let mut buf = Vec::new();
        let mut bytes = 0usize;
        let mut reserved = false;
        let mut slice_start = crate::platform::now_ms();
        while body.next(&flight, &mut buf).await? {
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
                // step. Decoded items, not items read: room for unreadable
                // ones would be taken and never used.
                let decoded = decoder.items().len();
                if !reserved && bytes >= 256 * 1024 && decoded > 0 {
                    reserved = true;
                    decoder.reserve(items_to_reserve(length, bytes, decoded));
                }
                let long = length.unwrap_or(bytes).max(bytes) >= PREVIEW_MIN_BYTES;
                if let Some(first) = preview
                    .is_some()
                    .then(|| preview_rows(long, decoder.items()))
                    .flatten()
                {
                    if let Some(show) = preview.take() {
                        show(first);
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
        // Problem details are a few lines: a longer body is not read.
        let problem: Problem = match read_text(&resp, flight, MAX_PROBLEM_BYTES).await {
            Ok(text) => serde_json::from_str(&text).unwrap_or_default(),
            Err(ApiError::TooLarge) => Problem::default(),
            Err(e) => return Err(e),
        };
        Err(ApiError::Http {
            status,
            title: problem.title,
            detail: problem.detail,
            retry_after,
        })
    }
}

/// A response body read chunk by chunk, at most `cap` bytes of it.
struct Body {
    reader: Option<web_sys::ReadableStreamDefaultReader>,
    /// The declared length (`Content-Length`), when it is at most `cap`.
    declared: Option<usize>,
    read: usize,
    cap: usize,
}

impl Body {
    /// Fails at once when the declared length is over `cap`.
    fn new(resp: &Response, flight: &Flight, cap: usize) -> Result<Self, ApiError> {
        let stream = resp.body();
        let declared = declared_length(resp.headers().get("content-length").as_deref(), cap)
            .inspect_err(|_| {
                if let Some(s) = &stream {
                    ignore_promise(s.cancel());
                }
            })?;
        let reader = match stream {
            // No body at all (e.g. a 204): read as "".
            None => None,
            Some(s) => Some(
                web_sys::ReadableStreamDefaultReader::new(&s)
                    .map_err(|e| flight.error(js_message(&e)))?,
            ),
        };
        Ok(Body {
            reader,
            declared,
            read: 0,
            cap,
        })
    }

    /// The next chunk into `buf` (replacing what it held): `false` at the
    /// end; [`ApiError::TooLarge`] (and the download cancelled) once more
    /// than `cap` bytes have come.
    async fn next(&mut self, flight: &Flight, buf: &mut Vec<u8>) -> Result<bool, ApiError> {
        let Some(reader) = &self.reader else {
            return Ok(false);
        };
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| {
            // The loader's early request times out by its own signal.
            if js_name(&e).as_deref() == Some("TimeoutError") {
                ApiError::Timeout
            } else {
                flight.error(js_message(&e))
            }
        })?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        let value = match js_sys::Reflect::get(&chunk, &"value".into()) {
            Ok(v) if !done => v,
            _ => return Ok(false),
        };
        let array = js_sys::Uint8Array::new(&value);
        let n = array.length() as usize;
        if n > self.cap - self.read {
            ignore_promise(reader.cancel());
            self.reader = None;
            return Err(ApiError::TooLarge);
        }
        self.read += n;
        buf.resize(n, 0);
        array.copy_to(buf);
        Ok(true)
    }
}

/// A whole body as text, at most `cap` bytes (invalid UTF-8 replaced and a
/// leading byte-order mark dropped, as `Response.text()` does).
async fn read_text(resp: &Response, flight: &Flight, cap: usize) -> Result<String, ApiError> {
    let mut body = Body::new(resp, flight, cap)?;
    let mut all = Vec::with_capacity(body.declared.unwrap_or(0));
    let mut buf = Vec::new();
    while body.next(flight, &mut buf).await? {
        all.extend_from_slice(&buf);
    }
    let bytes = all.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&all);
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Lets a promise settle unobserved (a rejection is not an error here).
fn ignore_promise(p: js_sys::Promise) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(p).await;
    });
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

/// What a failure of the loader's early request means. Its time limit
/// (`public/boot.js`) fails with a `TimeoutError`; where the browser drops
/// the abort's reason, with an `AbortError`, and nothing else aborts it.
fn early_error(e: &wasm_bindgen::JsValue) -> ApiError {
    match js_name(e).as_deref() {
        Some("TimeoutError" | "AbortError") => ApiError::Timeout,
        _ => ApiError::Network(js_message(e)),
    }
}

fn js_name(e: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
}

fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the response body could not be read".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ca_contract::MAX_ITEMS_KEPT;

    #[test]
    fn a_declared_length_over_the_budget_fails_at_once() {
        let cap = MAX_RESPONSE_BYTES;
        assert_eq!(declared_length(None, cap), Ok(None));
        assert_eq!(
            declared_length(Some(" 36000000 "), cap),
            Ok(Some(36_000_000))
        );
        assert_eq!(declared_length(Some(&cap.to_string()), cap), Ok(Some(cap)));
        for lie in ["4000000000", "67108865", "18446744073709551615"] {
            assert_eq!(
                declared_length(Some(lie), cap),
                Err(ApiError::TooLarge),
                "{lie}"
            );
        }
        // Not a number: no hint at all (the bytes are counted anyway).
        assert_eq!(declared_length(Some("-1"), cap), Ok(None));
        assert_eq!(
            declared_length(Some("99999999999999999999999"), cap),
            Ok(None)
        );
    }

    proptest::proptest! {
        /// Whatever the header says and however short the items so far,
        /// the room asked for never passes the items budget (nor
        /// overflows), and follows the declared length when it is honest.
        #[test]
        fn the_reservation_is_bounded(
            declared in proptest::option::of(proptest::prelude::any::<usize>()),
            bytes in 0usize..(1 << 24),
            items in 0usize..100_000,
        ) {
            let n = items_to_reserve(declared, bytes, items);
            proptest::prop_assert!(n <= MAX_ITEMS_KEPT);
            if declared.is_none() {
                proptest::prop_assert_eq!(n, 0);
            }
        }
    }

    #[test]
    fn the_preview_waits_for_decoded_items() {
        assert_eq!(preview_rows(true, &[1; 5]), None);
        assert_eq!(preview_rows(false, &[1; 40]), None);
        assert_eq!(
            preview_rows(true, &[1; 40]).map(|v| v.len()),
            Some(PREVIEW_ROWS)
        );
    }

    #[test]
    fn the_reservation_follows_an_honest_length() {
        // 100,000 records of 360 bytes: room for them all (and 3% more).
        let n = items_to_reserve(Some(36_000_000), 360 * 1000, 1000);
        assert_eq!(n, 100_000 + 100_000 / 32);
        // The lying header of the fault matrix, with items of 60 bytes.
        assert_eq!(
            items_to_reserve(Some(4_000_000_000), 60 * 5000, 5000),
            MAX_ITEMS_KEPT
        );
    }
}
