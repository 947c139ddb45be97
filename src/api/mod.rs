//! The HTTP client of the contract: one function per endpoint, each a typed
//! `Result`. Requests are aborted when the view that made them goes away,
//! and time out after [`TIMEOUT_MS`].

mod error;
mod flight;
mod loader;

pub use error::ApiError;
use flight::{early_error, read_text, Body, Flight};
pub use loader::Loader;

use ca_contract::{
    decode, CustomerActivity, Decoded, Document, Me, Problem, StreamDecoder, Streamed,
};
use gloo_net::http::{Request, Response};
use std::sync::Arc;
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

    /// Asks for the records of an entitlement: answered once the status is
    /// known (a 404 or 403 at once), with the body still to be read and
    /// decoded by [`Opened::decode`] (in the wasm part that draws them).
    pub async fn open_entitlement_activity(&self, id: &str) -> Result<Opened, ApiError> {
        self.open(&format!(
            "/entitlements/{}/activity",
            crate::domain::query::encode(id)
        ))
        .await
    }

    /// Asks for the additional cases: see [`Api::open_entitlement_activity`].
    pub async fn open_additional_cases(&self) -> Result<Opened, ApiError> {
        self.open("/additional-cases").await
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

    /// Sends a GET; its answer, once its status is 2xx.
    async fn open(&self, path: &str) -> Result<Opened, ApiError> {
        let flight = Flight::start(self.timeout_ms);
        let resp = self.response(path, &flight).await?;
        let body = Body::new(&resp, &flight, MAX_RESPONSE_BYTES)?;
        Ok(Opened {
            flight,
            _resp: resp,
            body,
            early: Vec::new(),
            ended: false,
        })
    }

    /// Sends a GET and returns the response if its status is 2xx; any other
    /// status becomes [`ApiError::Http`] with the problem details.
    async fn response(&self, path: &str, flight: &Flight) -> Result<Response, ApiError> {
        let url = format!("{}{}", self.base, path);
        let resp = match crate::platform::take_early(&url) {
            // Asked for by the loader while the wasm arrived (the user).
            Some(early) => {
                let r = JsFuture::from(early).await;
                // Usually here already: go on in a task of its own, so what
                // was drawn before it is painted, and input answered, before
                // this is drawn (on a phone, one long task otherwise).
                crate::platform::next_task().await;
                r.map(|r| Response::from(r.unchecked_into::<web_sys::Response>()))
                    .map_err(|e| early_error(&e))?
            }
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

/// A request answered with a 2xx status, its body not read yet: the time
/// limit of [`TIMEOUT_MS`] still runs, and dropping it abandons the body.
pub struct Opened {
    flight: Flight,
    _resp: Response,
    body: Body,
    /// Chunks read before the decoder came ([`Opened::is_long`]).
    early: Vec<Vec<u8>>,
    ended: bool,
}

/// How much of a body is read, before the code that decodes it is in, to
/// tell a long list from a short one ([`Opened::is_long`]).
pub const LONG_BYTES: usize = 256 << 10;

impl Opened {
    /// Whether the body is longer than [`LONG_BYTES`]: reads it up to there
    /// (kept for [`Opened::decode`]). A page fetches the code that decodes
    /// a long list at once (the network waits for a reader), a short one's
    /// once its first paint is done.
    pub async fn is_long(&mut self) -> Result<bool, ApiError> {
        let mut read: usize = self.early.iter().map(Vec::len).sum();
        while !self.ended && read < LONG_BYTES {
            let mut buf = Vec::new();
            if self.body.next(&self.flight, &mut buf).await? {
                read += buf.len();
                self.early.push(buf);
            } else {
                self.ended = true;
            }
        }
        Ok(!self.ended)
    }

    /// Reads the body as the network delivers it and decodes its long list
    /// item by item on the way ([`StreamDecoder`]): decoding overlaps the
    /// download, and the body is never held whole (36 MB for 100,000
    /// records). The main thread is handed back between chunks so the page
    /// stays responsive while a large list loads.
    ///
    /// For a long list (a body of at least [`PREVIEW_MIN_BYTES`]),
    /// `preview` is called once with the first [`PREVIEW_ROWS`] items as
    /// soon as they are decoded, so the page can show them while the rest
    /// arrives.
    pub async fn decode<T: Streamed>(
        self,
        mut preview: Option<Preview<T::Item>>,
    ) -> Result<Decoded<T>, ApiError>
    where
        T::Item: Clone,
    {
        let Opened {
            flight,
            _resp,
            mut body,
            early,
            ended,
        } = self;
        let length = body.declared;
        let mut early = early.into_iter();
        let mut decoder = StreamDecoder::<T>::new();
        let mut buf = Vec::new();
        let mut bytes = 0usize;
        let mut reserved = false;
        let mut slice_start = crate::platform::now_ms();
        loop {
            // What was read before, then the rest as it arrives.
            match early.next() {
                Some(chunk) => buf = chunk,
                None if ended => break,
                None => {
                    if !body.next(&flight, &mut buf).await? {
                        break;
                    }
                }
            }
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
}

#[cfg(test)]
mod tests;
