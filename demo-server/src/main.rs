//! Demo backend of the Customer Activity page.
//!
//! `demo-server [--port N] [--static DIR] [--today YYYY-MM-DD] [--bench] [--demo-ui]`
//!
//! Serves the contract's API under `/api/v1` over an embedded dataset (see
//! `data/`), filtered per persona (`personas.rs`, `access.rs`), and with
//! `--static` the page's files with an SPA fallback. Binds 127.0.0.1 only.

mod access;
mod api;
mod data;
mod date;
mod personas;
mod static_files;
#[cfg(test)]
mod tests;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use axum::Router;
use data::Dataset;
use date::Day;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

const USAGE: &str =
    "usage: demo-server [--port N (default 8081)] [--static DIR] [--today YYYY-MM-DD] [--bench] [--demo-ui]";

#[derive(Debug, PartialEq)]
struct Args {
    port: u16,
    static_dir: Option<PathBuf>,
    today: Option<Day>,
    bench: bool,
    /// Mark the served index.html as a demo (shows the persona switcher).
    demo_ui: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        port: 8081,
        static_dir: None,
        today: None,
        bench: false,
        demo_ui: false,
    };
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--port" => {
                out.port = value("--port")?
                    .parse()
                    .map_err(|_| "--port needs a number 0-65535".to_string())?
            }
            "--static" => out.static_dir = Some(PathBuf::from(value("--static")?)),
            "--today" => {
                let v = value("--today")?;
                out.today = Some(
                    Day::parse(&v).ok_or_else(|| format!("--today {v}: not a YYYY-MM-DD date"))?,
                );
            }
            "--bench" => out.bench = true,
            "--demo-ui" => out.demo_ui = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(out)
}

struct App {
    ds: Dataset,
    static_dir: Option<PathBuf>,
    demo_ui: bool,
}

/// The page's demo switch in index.html, off as built and on with --demo-ui.
const DEMO_META_OFF: &str = r#"<meta name="customer-activity:demo" content="false" />"#;
const DEMO_META_ON: &str = r#"<meta name="customer-activity:demo" content="true" />"#;

fn respond(status: u16, content_type: &str, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    r
}

/// A 405 names the methods that are allowed (RFC 9110 §15.5.6).
fn allow_on_405(r: &mut Response) {
    if r.status() == StatusCode::METHOD_NOT_ALLOWED {
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
}

/// An API reply as an HTTP response: never cached.
fn api_response(reply: api::Reply) -> Response {
    let mut r = respond(reply.status, reply.content_type, reply.body);
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    allow_on_405(&mut r);
    r
}

async fn serve(State(app): State<Arc<App>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    if path == "/api" || path.starts_with("/api/") {
        let cookies: Vec<String> = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_string)
            .collect();
        let header = req
            .headers()
            .get("x-demo-persona")
            .and_then(|v| v.to_str().ok());
        let persona = personas::select(cookies.iter().map(String::as_str), header);
        let app2 = Arc::clone(&app);
        let reply = tokio::task::spawn_blocking(move || {
            api::handle(&app2.ds, persona, method.as_str(), &path)
        })
        .await
        .unwrap_or_else(|_| {
            api::Reply::problem(500, "Internal error", "The request could not be answered.")
        });
        return api_response(reply);
    }
    let Some(dir) = app.static_dir.clone() else {
        return respond(
            404,
            "text/plain; charset=utf-8",
            "Not found (start with --static DIR to serve the page)\n",
        );
    };
    if method != Method::GET && method != Method::HEAD {
        let mut r = respond(405, "text/plain; charset=utf-8", "Method not allowed\n");
        allow_on_405(&mut r);
        return r;
    }
    let loaded = tokio::task::spawn_blocking(move || static_files::load(&dir, &path))
        .await
        .unwrap_or(Err(500));
    match loaded {
        Ok(f) => {
            let is_index = f.is_index;
            let bytes = if is_index && app.demo_ui {
                String::from_utf8_lossy(&f.bytes)
                    .replace(DEMO_META_OFF, DEMO_META_ON)
                    .into_bytes()
            } else {
                f.bytes
            };
            let mut r = respond(200, f.content_type, bytes);
            if is_index {
                r.headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            }
            r
        }
        Err(400) => respond(400, "text/plain; charset=utf-8", "Bad path\n"),
        Err(code) => respond(code, "text/plain; charset=utf-8", "Not found\n"),
    }
}

fn main() {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    let today = args.today.unwrap_or_else(Day::today_utc);
    let app = Arc::new(App {
        ds: Dataset::build(today, args.bench),
        static_dir: args.static_dir,
        demo_ui: args.demo_ui,
    });
    if args.bench {
        // Build the 100,000 records now, beside the server, rather than on
        // the first request that needs them.
        let app = app.clone();
        std::thread::spawn(move || {
            app.ds.bench();
        });
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("demo-server: cannot bind 127.0.0.1:{}: {e}", args.port);
                std::process::exit(1);
            }
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "demo-server listening on http://127.0.0.1:{port}");
        let _ = out.flush();
        drop(out);
        let router = Router::new().fallback(serve).with_state(app);
        if let Err(e) = axum::serve(listener, router).await {
            eprintln!("demo-server: {e}");
            std::process::exit(1);
        }
    });
}

#[cfg(test)]
mod http_tests {
    use super::*;

    #[test]
    fn api_answers_are_not_cached_and_a_405_says_what_is_allowed() {
        let ds = Dataset::build(Day::parse("2026-05-14").unwrap(), false);
        let admin = personas::by_id("customer-admin").expect("a persona");
        for method in ["POST", "DELETE", "TRACE"] {
            let r = api_response(api::handle(&ds, admin, method, "/api/v1/me"));
            assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED, "{method}");
            assert_eq!(r.headers()[header::ALLOW], "GET, HEAD", "{method}");
        }
        let r = api_response(api::handle(&ds, admin, "GET", "/api/v1/me"));
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers().get(header::ALLOW).is_none());
        assert_eq!(r.headers()[header::CACHE_CONTROL], "no-store");
    }
}

#[cfg(test)]
mod arg_tests {
    use super::*;

    fn parse(s: &str) -> Result<Args, String> {
        parse_args(s.split_whitespace().map(str::to_string))
    }

    #[test]
    fn parses_the_cli() {
        assert_eq!(
            parse("").unwrap(),
            Args {
                port: 8081,
                static_dir: None,
                today: None,
                bench: false,
                demo_ui: false
            }
        );
        let a = parse("--port 0 --static dist --today 2026-03-01 --bench").unwrap();
        assert_eq!(
            (
                a.port,
                a.static_dir.unwrap(),
                a.today.unwrap().to_string(),
                a.bench
            ),
            (0, "dist".into(), "2026-03-01".into(), true)
        );
        for bad in [
            "--port",
            "--port x",
            "--today 2026-02-30",
            "--nope",
            "--port 70000",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
