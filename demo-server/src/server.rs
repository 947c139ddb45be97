//! The HTTP side: one router for the API and the static files, behind the
//! Host check, a request timeout and compression.

use crate::api::{self, BenchViews};
use crate::data::Dataset;
use crate::data_dir::DataFiles;
use crate::personas;
use crate::static_files::Site;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

/// Where the API's answers come from.
pub enum Source {
    /// The embedded dataset, per persona.
    Demo { ds: Dataset, views: BenchViews },
    /// `--data DIR`: a customer's own documents.
    Files(DataFiles),
}

pub struct App {
    pub source: Source,
    pub site: Option<Site>,
    /// The Host names this server answers to.
    pub hosts: HostCheck,
    pub timeout: Duration,
}

/// Host header names accepted: `localhost`, the loopback literals and the
/// bound address (any IP literal when bound to all interfaces). A page of
/// another name that resolves to us (DNS rebinding) is refused. The port is
/// not compared: only a local origin can send a loopback name with another
/// port (a proxy on this machine, e.g. bench/serve.mjs, or Trunk's, which
/// sends none), and the name is what a rebinding page cannot fake.
#[derive(Debug, Clone)]
pub struct HostCheck {
    bound: IpAddr,
}

impl HostCheck {
    pub fn new(bound: IpAddr) -> HostCheck {
        HostCheck { bound }
    }

    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim();
        let (name, port) = if let Some(rest) = host.strip_prefix('[') {
            let Some((inside, after)) = rest.split_once(']') else {
                return false;
            };
            let port = match after {
                "" => "",
                p => match p.strip_prefix(':') {
                    Some(p) => p,
                    None => return false,
                },
            };
            let Ok(ip) = inside.parse::<std::net::Ipv6Addr>() else {
                return false;
            };
            return port_ok(port) && self.ip_ok(IpAddr::V6(ip));
        } else {
            match host.rsplit_once(':') {
                Some((n, p)) => (n, p),
                None => (host, ""),
            }
        };
        if !port_ok(port) || name.is_empty() {
            return false;
        }
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => self.ip_ok(ip),
            Err(_) => false,
        }
    }

    fn ip_ok(&self, ip: IpAddr) -> bool {
        ip.is_loopback() && self.bound.is_loopback()
            || ip == self.bound
            || self.bound.is_unspecified()
    }
}

fn port_ok(p: &str) -> bool {
    p.is_empty() || (p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn plain(status: StatusCode, body: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

async fn check_host(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let ok = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| app.hosts.allows(h));
    if ok {
        next.run(req).await
    } else {
        plain(
            StatusCode::BAD_REQUEST,
            "Bad Host header: this demo server answers only to localhost and its own address.\n",
        )
    }
}

/// An API reply as an HTTP response: never cached.
pub fn api_response(reply: api::Reply) -> Response {
    let mut r = Response::new(Body::from(reply.body));
    *r.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(reply.content_type),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A 405 names the methods that are allowed (RFC 9110 §15.5.6).
    if reply.status == 405 {
        h.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    r
}

async fn api(app: Arc<App>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().as_str().to_string();
    let persona = match &app.source {
        Source::Demo { .. } if !api::is_personas_path(&path) => {
            let cookies: Vec<String> = req
                .headers()
                .get_all(header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .map(str::to_string)
                .collect();
            let named = req
                .headers()
                .get("x-demo-persona")
                .and_then(|v| v.to_str().ok());
            match personas::select(cookies.iter().map(String::as_str), named) {
                Ok(p) => p,
                Err(id) => return api_response(api::Reply::unknown_persona(&id)),
            }
        }
        _ => personas::by_id(personas::DEFAULT_PERSONA).expect("the default persona exists"),
    };
    let reply = tokio::task::spawn_blocking(move || match &app.source {
        Source::Demo { ds, views } => api::handle_with(ds, Some(views), persona, &method, &path),
        Source::Files(files) => api::handle_files(files, &method, &path),
    })
    .await
    .unwrap_or_else(|_| {
        api::Reply::problem(500, "Internal error", "The request could not be answered.")
    });
    api_response(reply)
}

async fn serve(State(app): State<Arc<App>>, req: Request) -> Response {
    let path = req.uri().path();
    let mut r = if path == "/api" || path.starts_with("/api/") {
        api(app, req).await
    } else if let Some(site) = &app.site {
        site.serve(req).await
    } else {
        plain(
            StatusCode::NOT_FOUND,
            "Not found (start with --static DIR to serve the page)\n",
        )
    };
    r.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// Bodies above this are sent as they are: compressing the 100,000-record
/// `--bench` document on every request would cost more than it saves on
/// loopback (and would change what the benchmark measures).
pub const COMPRESS_AT_MOST: u64 = 8 << 20;

#[derive(Clone, Copy)]
struct NotHuge;

impl Predicate for NotHuge {
    fn should_compress<B: http_body::Body>(&self, response: &axum::http::Response<B>) -> bool {
        let declared = response
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let size = declared.or_else(|| response.body().size_hint().exact());
        size.is_none_or(|n| n <= COMPRESS_AT_MOST)
    }
}

/// A compressed body is another representation of the file: its entity tag
/// becomes weak (RFC 9110 §8.8.1), which `If-None-Match` still matches.
async fn weaken_etag(mut r: Response) -> Response {
    if r.headers().contains_key(header::CONTENT_ENCODING) {
        let strong = r
            .headers()
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .filter(|t| t.starts_with('"'))
            .map(str::to_string);
        if let Some(Ok(weak)) = strong.map(|t| HeaderValue::from_str(&format!("W/{t}"))) {
            r.headers_mut().insert(header::ETAG, weak);
        }
    }
    r
}

/// The whole service: Host check, then timeout, then compression.
pub fn router(app: Arc<App>) -> Router {
    let compression = CompressionLayer::new()
        .br(true)
        .gzip(true)
        .compress_when(DefaultPredicate::new().and(NotHuge));
    Router::new()
        .fallback(serve)
        .with_state(app.clone())
        .layer(compression)
        .layer(middleware::map_response(weaken_etag))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            app.timeout,
        ))
        .layer(middleware::from_fn_with_state(app, check_host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_are_checked() {
        let loopback = HostCheck::new("127.0.0.1".parse().unwrap());
        for ok in [
            "127.0.0.1:4174",
            "127.0.0.1",
            "localhost:4174",
            "LOCALHOST",
            "[::1]:4174",
            "[::1]",
            "127.0.0.1:8098",
        ] {
            assert!(loopback.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:4174",
            "evil.example",
            "localhost.evil.example:4174",
            "127.0.0.1.nip.io:4174",
            "10.0.0.5:4174",
            "",
            ":4174",
            "127.0.0.1:x",
            "[::1",
            "[::1]x",
            "[evil]:1",
        ] {
            assert!(!loopback.allows(bad), "{bad}");
        }
        let lan = HostCheck::new("192.168.1.5".parse().unwrap());
        assert!(lan.allows("192.168.1.5:8081") && lan.allows("localhost:8081"));
        assert!(!lan.allows("127.0.0.1:8081") && !lan.allows("evil.example:8081"));
        let all = HostCheck::new("0.0.0.0".parse().unwrap());
        assert!(all.allows("10.0.0.5:8081") && !all.allows("evil.example:8081"));
    }
}
