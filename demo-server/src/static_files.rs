//! `--static DIR`: the page's files through tower-http's `ServeDir` (ETag,
//! Last-Modified, conditional and range requests), with the SPA fallback (a
//! path that is not a file answers `index.html`), `Cache-Control` by kind of
//! file, and no way out of DIR: no `..`, and no symlink that leads outside.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use tower::ServiceExt;
use tower_http::services::fs::{Backend, TokioBackend, TokioFile};
use tower_http::services::ServeDir;

use crate::packed::{self, Packed};

/// Decodes `%XX` escapes; `None` for a bad escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// What a URL path asks for, relative to the static root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file under the root, if there is one (else the SPA fallback).
    File(PathBuf),
    /// The page itself: `/` or `/index.html`.
    Index,
}

/// Resolves a URL path against the static root, without touching the file
/// system. `None`: rejected (a `..` segment, a backslash, a NUL, a drive
/// letter or bad percent-encoding, before or after decoding).
pub fn resolve(url_path: &str) -> Option<Resolved> {
    let decoded = percent_decode(url_path)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut rel = PathBuf::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains(':') => return None,
            s => rel.push(s),
        }
    }
    if rel.as_os_str().is_empty() || rel == Path::new("index.html") {
        return Some(Resolved::Index);
    }
    Some(Resolved::File(rel))
}

/// Whether a file name carries a content hash as Trunk writes it: a `-`,
/// then 16 or more hex digits, then `.` or `_` (`app-3f2a9c0d1b2e4f56_bg.wasm`,
/// `tokens-0123456789abcdef.css`).
pub fn is_hashed(file_name: &str) -> bool {
    let b = file_name.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        if c != b'-' {
            return false;
        }
        let run = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        run >= 16 && matches!(b.get(i + 1 + run), Some(b'.' | b'_'))
    })
}

/// One year, never revalidated: the name changes when the content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Stored, but revalidated (ETag) on every use.
pub const NO_CACHE: &str = "no-cache";

/// `Cache-Control` for a file: immutable when its name is content-hashed,
/// else `no-cache` (the entry points `index.html`, `boot.js`, `embed.js`,
/// the favicon, and any file whose name stays the same across releases).
pub fn cache_control(rel: &Path) -> &'static str {
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let entry =
        matches!(name, "index.html" | "boot.js" | "embed.js") || name.starts_with("favicon");
    if !entry && is_hashed(name) {
        IMMUTABLE
    } else {
        NO_CACHE
    }
}

/// `ServeDir`'s file system, refusing whatever resolves (through symlinks)
/// outside the root: such a path is "not found", so the SPA fallback answers.
#[derive(Clone)]
pub struct Contained {
    root: Arc<PathBuf>,
}

impl Contained {
    /// `root` must exist; it is canonicalised once.
    pub fn new(root: &Path) -> io::Result<Contained> {
        Ok(Contained {
            root: Arc::new(root.canonicalize()?),
        })
    }

    async fn check(&self, path: &Path) -> io::Result<PathBuf> {
        let real = tokio::fs::canonicalize(path).await?;
        if real.starts_with(self.root.as_path()) {
            Ok(real)
        } else {
            Err(io::Error::new(io::ErrorKind::NotFound, "outside the root"))
        }
    }

    /// The real path of a regular file under the root.
    pub async fn file(&self, path: &Path) -> io::Result<PathBuf> {
        let real = self.check(path).await?;
        if tokio::fs::metadata(&real).await?.is_file() {
            Ok(real)
        } else {
            Err(io::Error::new(io::ErrorKind::NotFound, "not a file"))
        }
    }
}

type BoxFut<T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send>>;

impl Backend for Contained {
    type File = TokioFile;
    type Metadata = std::fs::Metadata;
    type OpenFuture = BoxFut<TokioFile>;
    type MetadataFuture = BoxFut<std::fs::Metadata>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        let me = self.clone();
        Box::pin(async move {
            let real = me.check(&path).await?;
            TokioBackend.open(real).await
        })
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        let me = self.clone();
        Box::pin(async move {
            let real = me.check(&path).await?;
            TokioBackend.metadata(real).await
        })
    }
}

/// The page's demo switch in index.html, off as built and on with --demo-ui.
pub const DEMO_META_OFF: &str = r#"<meta name="customer-activity:demo" content="false" />"#;
pub const DEMO_META_ON: &str = r#"<meta name="customer-activity:demo" content="true" />"#;

/// The static side of the server.
#[derive(Clone)]
pub struct Site {
    dir: PathBuf,
    contained: Contained,
    demo_ui: bool,
    packed: Packed,
}

fn text(status: StatusCode, body: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

/// An entity tag from a file's size and modification time (and whether the
/// demo switch was turned on in it): a new build changes it.
fn entity_tag(len: u64, modified: SystemTime, demo: bool) -> String {
    let nanos = modified
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("\"{len:x}-{nanos:x}{}\"", if demo { "-demo" } else { "" })
}

/// Whether `If-None-Match` names this tag (weak comparison, RFC 9110 §13.1.2).
fn none_match_hits(headers: &HeaderMap, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || bare(t) == bare(tag))
}

impl Site {
    pub fn new(dir: PathBuf, demo_ui: bool) -> io::Result<Site> {
        let packed = Packed::default();
        packed.warm(&dir, |rel| cache_control(rel) == IMMUTABLE);
        Ok(Site {
            contained: Contained::new(&dir)?,
            dir,
            demo_ui,
            packed,
        })
    }

    /// Answers a request for a static path (GET and HEAD only).
    pub async fn serve(&self, req: Request) -> Response {
        if req.method() != Method::GET && req.method() != Method::HEAD {
            let mut r = text(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n");
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            return r;
        }
        let rel = match resolve(req.uri().path()) {
            None => return text(StatusCode::BAD_REQUEST, "Bad path\n"),
            Some(Resolved::Index) => return self.index(req.method(), req.headers()).await,
            Some(Resolved::File(rel)) => rel,
        };
        let (method, headers) = (req.method().clone(), req.headers().clone());
        if let Some(r) = self.precompressed(&rel, &method, &headers).await {
            return r;
        }
        let served = ServeDir::with_backend(&self.dir, self.contained.clone())
            .append_index_html_on_directories(false)
            .redirect_to_trailing_slash(false)
            .oneshot(req)
            .await;
        match served {
            Ok(r) if r.status() != StatusCode::NOT_FOUND => {
                let mut r = r.map(Body::new);
                if matches!(
                    r.status(),
                    StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED
                ) {
                    r.headers_mut().insert(
                        header::CACHE_CONTROL,
                        HeaderValue::from_static(cache_control(&rel)),
                    );
                }
                add_charset(r.headers_mut());
                r
            }
            // Not a file under the root: the SPA fallback.
            _ => self.index(&method, &headers).await,
        }
    }

    /// A content-hashed file's brotli body made once at quality 11
    /// (`packed`), when the client takes brotli and it is ready; `None`
    /// leaves the request to `ServeDir` and on-the-fly compression.
    async fn precompressed(
        &self,
        rel: &Path,
        method: &Method,
        headers: &HeaderMap,
    ) -> Option<Response> {
        if cache_control(rel) != IMMUTABLE || headers.contains_key(header::RANGE) {
            return None;
        }
        let content_type = packed::content_type(rel)?;
        let accept = headers.get(header::ACCEPT_ENCODING)?.to_str().ok()?;
        if !packed::accepts_br(accept) {
            return None;
        }
        let real = self.contained.file(&self.dir.join(rel)).await.ok()?;
        let meta = tokio::fs::metadata(&real).await.ok()?;
        let modified = meta.modified().unwrap_or(UNIX_EPOCH);
        let body = self.packed.get(&real, meta.len(), modified)?;
        // Another representation of the file: a weak tag (RFC 9110 §8.8.1).
        let tag = format!("W/{}", entity_tag(meta.len(), modified, false));
        let mut r = if none_match_hits(headers, &tag) {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        } else {
            let len = body.len();
            let mut r = Response::new(if method == Method::HEAD {
                Body::empty()
            } else {
                Body::from(body)
            });
            let h = r.headers_mut();
            h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            r
        };
        let h = r.headers_mut();
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
        if let Ok(v) = HeaderValue::from_str(&tag) {
            h.insert(header::ETAG, v);
        }
        if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(modified)) {
            h.insert(header::LAST_MODIFIED, v);
        }
        Some(r)
    }

    /// `index.html` (with the demo switch on under `--demo-ui`), never
    /// cached without revalidation.
    async fn index(&self, method: &Method, headers: &HeaderMap) -> Response {
        let Ok(real) = self.contained.file(&self.dir.join("index.html")).await else {
            return text(StatusCode::NOT_FOUND, "Not found\n");
        };
        let Ok(meta) = tokio::fs::metadata(&real).await else {
            return text(StatusCode::NOT_FOUND, "Not found\n");
        };
        let modified = meta.modified().unwrap_or(UNIX_EPOCH);
        let tag = entity_tag(meta.len(), modified, self.demo_ui);
        let mut r = if none_match_hits(headers, &tag) {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            r
        } else {
            let Ok(bytes) = tokio::fs::read(&real).await else {
                return text(StatusCode::NOT_FOUND, "Not found\n");
            };
            let bytes = if self.demo_ui {
                String::from_utf8_lossy(&bytes)
                    .replace(DEMO_META_OFF, DEMO_META_ON)
                    .into_bytes()
            } else {
                bytes
            };
            let mut r = Response::new(if method == Method::HEAD {
                Body::empty()
            } else {
                Body::from(bytes.clone())
            });
            r.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            r
        };
        let h = r.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
        if let Ok(v) = HeaderValue::from_str(&tag) {
            h.insert(header::ETAG, v);
        }
        if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(modified)) {
            h.insert(header::LAST_MODIFIED, v);
        }
        r
    }
}

/// Text types are UTF-8 (mime_guess names the type only).
fn add_charset(h: &mut HeaderMap) {
    let Some(ct) = h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return;
    };
    let textual = ct.starts_with("text/") || ct == "application/javascript";
    if textual && !ct.contains("charset") {
        if let Ok(v) = HeaderValue::from_str(&format!("{ct}; charset=utf-8")) {
            h.insert(header::CONTENT_TYPE, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_without_touching_the_disk() {
        assert_eq!(resolve("/"), Some(Resolved::Index));
        assert_eq!(resolve("/index.html"), Some(Resolved::Index));
        assert_eq!(resolve("//./index.html"), Some(Resolved::Index));
        assert_eq!(
            resolve("/app-1a2b.js"),
            Some(Resolved::File("app-1a2b.js".into()))
        );
        assert_eq!(
            resolve("/assets/logo.svg"),
            Some(Resolved::File("assets/logo.svg".into()))
        );
        assert_eq!(
            resolve("/a%20b.txt"),
            Some(Resolved::File("a b.txt".into()))
        );
    }

    #[test]
    fn traversal_is_rejected() {
        for bad in [
            "/../etc/passwd",
            "/assets/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/assets/%2E%2E/%2e%2e/secret",
            "/..%2fetc%2fpasswd",
            "/..%5c..%5cwindows",
            "/a\\b",
            "/%00",
            "/%zz",
            "/%+1",
            "/C:/windows",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn hashed_names_are_told_from_stable_ones() {
        for hashed in [
            "customer-activity-3f2a9c0d1b2e4f56_bg.wasm",
            "customer-activity-3f2a9c0d1b2e4f56.js",
            "tokens-0123456789abcdef.css",
            "x-0123456789ABCDEF0123.css",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
            assert_eq!(cache_control(Path::new(hashed)), IMMUTABLE, "{hashed}");
        }
        for stable in [
            "customer-activity.js",
            "customer-activity_bg.wasm",
            "tokens.css",
            "app-0123456789abcde.js",
            "app-0123456789abcdefg.js",
            "0123456789abcdef0123.js",
            "app-0123456789abcdef",
        ] {
            assert!(!is_hashed(stable), "{stable}");
            assert_eq!(cache_control(Path::new(stable)), NO_CACHE, "{stable}");
        }
        for entry in [
            "index.html",
            "boot.js",
            "embed.js",
            "favicon.svg",
            "favicon-0123456789abcdef.ico",
        ] {
            assert_eq!(cache_control(Path::new(entry)), NO_CACHE, "{entry}");
        }
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let mut h = HeaderMap::new();
        assert!(!none_match_hits(&h, "\"a-1\""));
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"a-1\""),
        );
        assert!(none_match_hits(&h, "\"a-1\""));
        assert!(!none_match_hits(&h, "\"a-2\""));
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(none_match_hits(&h, "\"a-2\""));
    }
}
