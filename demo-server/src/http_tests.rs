//! The whole service (router and its layers) as a client sees it, without a
//! socket: static headers, the SPA fallback, the root's walls, the Host
//! check, personas and ids. The socket-level parts (CLI, timeouts, --data at
//! start) are in tests/cli.rs.

use crate::api::BenchViews;
use crate::data::Dataset;
use crate::date::Day;
use crate::server::{router, App, HostCheck, Source};
use crate::static_files::{Site, DEMO_META_OFF, DEMO_META_ON, IMMUTABLE, NO_CACHE};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:4174";
const WASM: &str = "customer-activity-3f2a9c0d1b2e4f56_bg.wasm";

/// A scratch directory, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "demo-server-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A dist/ like Trunk's: the entry points, hashed and stable assets.
fn dist(name: &str) -> Scratch {
    let s = Scratch::new(name);
    let d = &s.0;
    std::fs::create_dir_all(d.join("assets")).unwrap();
    std::fs::write(
        d.join("index.html"),
        format!("<!doctype html><html><head>{DEMO_META_OFF}</head><body></body></html>"),
    )
    .unwrap();
    let js = "export function start() { return 'customer activity'; }\n".repeat(40);
    std::fs::write(d.join("boot.js"), &js).unwrap();
    std::fs::write(d.join("embed.js"), &js).unwrap();
    std::fs::write(d.join("customer-activity.js"), &js).unwrap();
    std::fs::write(d.join("customer-activity-3f2a9c0d1b2e4f56.js"), &js).unwrap();
    let mut wasm = vec![0u8, 97, 115, 109, 1, 0, 0, 0];
    wasm.extend(std::iter::repeat_n(7u8, 4000));
    std::fs::write(d.join(WASM), &wasm).unwrap();
    std::fs::write(d.join("tokens-0123456789abcdef.css"), ":root{}\n").unwrap();
    std::fs::write(
        d.join("favicon.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    std::fs::write(d.join("assets/logo.svg"), "<svg/>").unwrap();
    s
}

fn demo() -> Source {
    Source::Demo {
        ds: Dataset::build(Day::parse("2026-05-14").unwrap(), false),
        views: BenchViews::new(),
    }
}

fn app(site: Option<&Path>, demo_ui: bool) -> Arc<App> {
    Arc::new(App {
        source: demo(),
        site: site.map(|d| Site::new(d.to_path_buf(), demo_ui).unwrap()),
        hosts: HostCheck::new("127.0.0.1".parse().unwrap()),
        timeout: Duration::from_secs(30),
    })
}

async fn send(app: &Arc<App>, req: Request<Body>) -> Response {
    router(app.clone()).oneshot(req).await.unwrap()
}

fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::HOST, HOST)
}

async fn body(r: Response) -> Vec<u8> {
    axum::body::to_bytes(r.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

fn h(r: &Response, name: header::HeaderName) -> &str {
    r.headers()
        .get(&name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[tokio::test]
async fn cache_control_per_kind_of_file_and_the_wasm_type() {
    let d = dist("cache");
    let app = app(Some(&d.0), false);
    for (path, cache) in [
        (format!("/{WASM}"), IMMUTABLE),
        ("/customer-activity-3f2a9c0d1b2e4f56.js".into(), IMMUTABLE),
        ("/tokens-0123456789abcdef.css".into(), IMMUTABLE),
        ("/customer-activity.js".into(), NO_CACHE),
        ("/boot.js".into(), NO_CACHE),
        ("/embed.js".into(), NO_CACHE),
        ("/favicon.svg".into(), NO_CACHE),
        ("/index.html".into(), NO_CACHE),
        ("/".into(), NO_CACHE),
        (
            "/customer-activity/entitlements/e-cu-reactive".into(),
            NO_CACHE,
        ),
        ("/no-such-0123456789abcdef.js".into(), NO_CACHE),
    ] {
        let r = send(&app, get(&path).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(h(&r, header::CACHE_CONTROL), cache, "{path}");
        assert!(r.headers().contains_key(header::ETAG), "{path}");
        assert!(r.headers().contains_key(header::LAST_MODIFIED), "{path}");
        assert_eq!(h(&r, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    }
    let r = send(&app, get(&format!("/{WASM}")).body(Body::empty()).unwrap()).await;
    assert_eq!(h(&r, header::CONTENT_TYPE), "application/wasm");
    let r = send(&app, get("/boot.js").body(Body::empty()).unwrap()).await;
    assert_eq!(
        h(&r, header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    // An unknown path is the page (the SPA fallback), a directory too.
    for path in [
        "/customer-activity/tiles/support",
        "/assets/",
        "/assets",
        "/no-such-0123456789abcdef.js",
    ] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(
            h(&r, header::CONTENT_TYPE),
            "text/html; charset=utf-8",
            "{path}"
        );
        assert!(String::from_utf8(body(r).await)
            .unwrap()
            .starts_with("<!doctype html>"));
    }
    let r = send(&app, get("/assets/logo.svg").body(Body::empty()).unwrap()).await;
    assert_eq!(body(r).await, b"<svg/>");
}

#[tokio::test]
async fn etags_answer_if_none_match_with_304() {
    let d = dist("etag");
    let app = app(Some(&d.0), false);
    for path in ["/boot.js", &format!("/{WASM}"), "/", "/some/route"] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        let tag = h(&r, header::ETAG).to_string();
        let r = send(
            &app,
            get(path)
                .header(header::IF_NONE_MATCH, &tag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(h(&r, header::ETAG), tag, "{path}");
        assert!(body(r).await.is_empty());
        let r = send(
            &app,
            get(path)
                .header(header::IF_NONE_MATCH, "\"something-else\"")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
    }
    // A new build (another size) is another tag.
    let r = send(&app, get("/boot.js").body(Body::empty()).unwrap()).await;
    let before = h(&r, header::ETAG).to_string();
    std::fs::write(d.0.join("boot.js"), "export {};\n").unwrap();
    let r = send(&app, get("/boot.js").body(Body::empty()).unwrap()).await;
    assert_ne!(h(&r, header::ETAG), before);
}

#[tokio::test]
async fn compression_br_and_gzip_when_asked() {
    let d = dist("gzip");
    let app = app(Some(&d.0), false);
    let plain = body(send(&app, get("/boot.js").body(Body::empty()).unwrap()).await).await;
    for (accept, encoding) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let r = send(
            &app,
            get("/boot.js")
                .header(header::ACCEPT_ENCODING, accept)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(h(&r, header::CONTENT_ENCODING), encoding, "{accept}");
        assert_eq!(h(&r, header::CACHE_CONTROL), NO_CACHE);
        assert!(h(&r, header::VARY)
            .to_ascii_lowercase()
            .contains("accept-encoding"));
        // Another representation: a weak tag, which still revalidates.
        let tag = h(&r, header::ETAG).to_string();
        assert!(tag.starts_with("W/\""), "{tag}");
        let again = send(
            &app,
            get("/boot.js")
                .header(header::ACCEPT_ENCODING, accept)
                .header(header::IF_NONE_MATCH, &tag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{accept}");
        let b = body(r).await;
        assert!(
            !b.is_empty() && b.len() < plain.len() / 4,
            "{accept}: {}",
            b.len()
        );
    }
    let r = send(&app, get("/boot.js").body(Body::empty()).unwrap()).await;
    assert!(r.headers().get(header::CONTENT_ENCODING).is_none());
    assert!(h(&r, header::ETAG).starts_with('"'), "uncompressed: strong");
    // The API too.
    let r = send(
        &app,
        get("/api/v1/customer-activity")
            .header(header::ACCEPT_ENCODING, "br")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(h(&r, header::CONTENT_ENCODING), "br");
}

#[tokio::test]
async fn demo_ui_turns_the_switch_on_in_every_index_answer() {
    let d = dist("demo-ui");
    for (demo_ui, meta) in [(false, DEMO_META_OFF), (true, DEMO_META_ON)] {
        let app = app(Some(&d.0), demo_ui);
        for path in ["/", "/index.html", "/customer-activity/tiles"] {
            let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
            let html = String::from_utf8(body(r).await).unwrap();
            assert!(html.contains(meta), "{path} {demo_ui}");
        }
    }
    // The two are different representations: different tags.
    let mut tags = Vec::new();
    for demo_ui in [false, true] {
        let r = send(
            &app(Some(&d.0), demo_ui),
            get("/").body(Body::empty()).unwrap(),
        )
        .await;
        tags.push(h(&r, header::ETAG).to_string());
    }
    assert_ne!(tags[0], tags[1]);
}

#[tokio::test]
async fn traversal_and_escaping_symlinks_are_refused() {
    let outside = Scratch::new("outside");
    std::fs::write(outside.0.join("secret.txt"), "TOP SECRET").unwrap();
    std::fs::write(outside.0.join("index.html"), "<!doctype html>OUTSIDE").unwrap();
    let d = dist("walls");
    std::os::unix::fs::symlink(outside.0.join("secret.txt"), d.0.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(&outside.0, d.0.join("out")).unwrap();
    std::os::unix::fs::symlink(d.0.join("boot.js"), d.0.join("alias.js")).unwrap();
    let app = app(Some(&d.0), false);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/a%5c..%5csecret.txt",
    ] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
    }
    for path in ["/leak.txt", "/out/secret.txt", "/out/index.html"] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        let b = String::from_utf8(body(r).await).unwrap();
        assert!(
            !b.contains("SECRET") && !b.contains("OUTSIDE"),
            "{path}: {b}"
        );
        assert!(
            b.starts_with("<!doctype html><html>"),
            "{path}: the SPA fallback"
        );
    }
    // A symlink within the root is fine.
    let r = send(&app, get("/alias.js").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(String::from_utf8(body(r).await)
        .unwrap()
        .contains("customer activity"));
    // A symlinked index.html that leads outside is not served, on any path.
    std::fs::remove_file(d.0.join("index.html")).unwrap();
    std::os::unix::fs::symlink(outside.0.join("index.html"), d.0.join("index.html")).unwrap();
    for path in ["/", "/index.html", "/some/route"] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(!String::from_utf8(body(r).await)
            .unwrap()
            .contains("OUTSIDE"));
    }
}

#[tokio::test]
async fn only_get_and_head_on_static_files() {
    let d = dist("methods");
    let app = app(Some(&d.0), false);
    let r = send(
        &app,
        Request::post("/boot.js")
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(h(&r, header::ALLOW), "GET, HEAD");
    let r = send(
        &app,
        Request::head("/")
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(body(r).await.is_empty());
}

#[tokio::test]
async fn the_host_header_must_name_this_server() {
    let app = app(None, false);
    for host in [
        "127.0.0.1:4174",
        "localhost:4174",
        "[::1]:4174",
        "127.0.0.1",
    ] {
        let r = send(
            &app,
            Request::get("/api/v1/me")
                .header(header::HOST, host)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK, "{host}");
    }
    for host in [
        "evil.example:4174",
        "attacker.test",
        "localhost.attacker.test:4174",
    ] {
        let r = send(
            &app,
            Request::get("/api/v1/me")
                .header(header::HOST, host)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{host}");
        assert!(!String::from_utf8(body(r).await).unwrap().contains("Giulia"));
    }
    let r = send(
        &app,
        Request::get("/api/v1/me").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "no Host at all");
}

#[tokio::test]
async fn an_unknown_persona_is_400_listing_the_known_ones() {
    let app = app(None, false);
    for req in [
        get("/api/v1/me").header("x-demo-persona", "bogus"),
        get("/api/v1/customer-activity").header(header::COOKIE, "a=1; demo_persona=bogus"),
        get("/api/v1/entitlements/e-cu-reactive/activity")
            .header(header::COOKIE, "demo_persona=bogus")
            .header("x-demo-persona", "customer-admin"),
    ] {
        let r = send(&app, req.body(Body::empty()).unwrap()).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        assert_eq!(h(&r, header::CONTENT_TYPE), "application/problem+json");
        assert_eq!(h(&r, header::CACHE_CONTROL), "no-store");
        let p: serde_json::Value = serde_json::from_slice(&body(r).await).unwrap();
        assert_eq!(p["status"], 400);
        let known: Vec<&str> = p["personas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(known, crate::personas::ids());
        let detail = p["detail"].as_str().unwrap();
        assert!(
            detail.contains("\"bogus\"") && detail.contains("customer-admin, workspace-admin"),
            "{detail}"
        );
    }
    // The list itself answers whoever asks (so a switcher can recover).
    let r = send(
        &app,
        get("/api/v1/demo/personas")
            .header("x-demo-persona", "bogus")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    // Known personas still work, by cookie and by header.
    let r = send(
        &app,
        get("/api/v1/me")
            .header(header::COOKIE, "demo_persona=no-access")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let me: serde_json::Value = serde_json::from_slice(&body(r).await).unwrap();
    assert_eq!(me["roles"], serde_json::json!(["supportContact"]));
    let r = send(
        &app,
        get("/api/v1/me")
            .header("x-demo-persona", "signed-out")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn entitlement_ids_are_percent_decoded() {
    let app = app(None, false);
    let plain = body(
        send(
            &app,
            get("/api/v1/entitlements/e-cu-reactive/activity")
                .body(Body::empty())
                .unwrap(),
        )
        .await,
    )
    .await;
    for path in [
        "/api/v1/entitlements/e%2Dcu%2Dreactive/activity",
        "/api/v1/entitlements/%65-cu-reactive/activity",
    ] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(body(r).await, plain, "{path}");
    }
    for path in [
        "/api/v1/entitlements/e%zzcu/activity",
        "/api/v1/entitlements/e%2Fcu-reactive/activity",
    ] {
        let r = send(&app, get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(h(&r, header::CONTENT_TYPE), "application/problem+json");
    }
}

#[tokio::test]
async fn without_static_the_page_is_not_served() {
    let app = app(None, false);
    let r = send(&app, get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hashed_files_are_served_with_brotli_made_once_at_its_best() {
    let d = dist("packed");
    let app = app(Some(&d.0), false);
    let path = format!("/{WASM}");
    let original = std::fs::read(d.0.join(WASM)).unwrap();
    let ask = |extra: Option<&str>| {
        let mut r = get(&path).header(header::ACCEPT_ENCODING, "gzip, deflate, br");
        if let Some(tag) = extra {
            r = r.header(header::IF_NONE_MATCH, tag);
        }
        r.body(Body::empty()).unwrap()
    };
    // The first answers may be compressed on the fly; the packed one follows.
    let mut packed = None;
    for _ in 0..200 {
        let r = send(&app, ask(None)).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(h(&r, header::CONTENT_ENCODING), "br");
        assert_eq!(h(&r, header::CACHE_CONTROL), IMMUTABLE);
        assert_eq!(h(&r, header::CONTENT_TYPE), "application/wasm");
        let tag = h(&r, header::ETAG).to_string();
        assert!(tag.starts_with("W/\""), "{tag}");
        let b = body(r).await;
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &b[..], &mut back).unwrap();
        assert_eq!(back, original);
        if b == crate::packed::compress(&original) {
            packed = Some(tag);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let tag = packed.expect("the quality-11 body within 4 s");
    let r = send(&app, ask(Some(&tag))).await;
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    // A new build of the same name is never answered with the old body.
    let mut changed = original.clone();
    changed.extend_from_slice(b"new build");
    std::fs::write(d.0.join(WASM), &changed).unwrap();
    let r = send(&app, ask(None)).await;
    let b = body(r).await;
    let mut back = Vec::new();
    brotli::BrotliDecompress(&mut &b[..], &mut back).unwrap();
    assert_eq!(back, changed);
    // Without brotli in Accept-Encoding, or for a range, ServeDir answers.
    let r = send(
        &app,
        get(&path)
            .header(header::ACCEPT_ENCODING, "gzip, br;q=0")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(h(&r, header::CONTENT_ENCODING), "gzip");
    let r = send(
        &app,
        get(&path)
            .header(header::RANGE, "bytes=0-7")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(body(r).await, &changed[..8]);
    // Entry points are never packed for a year: compressed on the fly.
    let r = send(
        &app,
        get("/boot.js")
            .header(header::ACCEPT_ENCODING, "br")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(h(&r, header::CACHE_CONTROL), NO_CACHE);
}
