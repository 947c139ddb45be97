//! A request in flight (its abort signal and time limit) and its body,
//! read chunk by chunk under a size cap; the JavaScript errors they meet,
//! in words.

use super::{declared_length, ApiError};
use gloo_net::http::Response;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A response body read chunk by chunk, at most `cap` bytes of it.
pub(super) struct Body {
    reader: Option<web_sys::ReadableStreamDefaultReader>,
    /// The declared length (`Content-Length`), when it is at most `cap`.
    pub(super) declared: Option<usize>,
    read: usize,
    cap: usize,
}

impl Body {
    /// Fails at once when the declared length is over `cap`.
    pub(super) fn new(resp: &Response, flight: &Flight, cap: usize) -> Result<Self, ApiError> {
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
    pub(super) async fn next(
        &mut self,
        flight: &Flight,
        buf: &mut Vec<u8>,
    ) -> Result<bool, ApiError> {
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
pub(super) async fn read_text(
    resp: &Response,
    flight: &Flight,
    cap: usize,
) -> Result<String, ApiError> {
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
pub(super) fn ignore_promise(p: js_sys::Promise) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(p).await;
    });
}

/// One request in flight: aborted when the view that made it is cleaned
/// up (so a view that is gone never receives late data) or when it takes
/// longer than the time limit, body included.
pub(super) struct Flight {
    pub(super) signal: Option<web_sys::AbortSignal>,
    timed_out: Rc<Cell<bool>>,
    timer: Option<i32>,
}

impl Flight {
    pub(super) fn start(timeout_ms: i32) -> Self {
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
    pub(super) fn error(&self, message: String) -> ApiError {
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
pub(super) fn early_error(e: &wasm_bindgen::JsValue) -> ApiError {
    match js_name(e).as_deref() {
        Some("TimeoutError" | "AbortError") => ApiError::Timeout,
        _ => ApiError::Network(js_message(e)),
    }
}

pub(super) fn js_name(e: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
}

pub(super) fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the response body could not be read".to_owned())
}
