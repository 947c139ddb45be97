//! Demo backend of the Customer Activity page. `demo-server --help` for the
//! options.
//!
//! Serves the contract's API under `/api/v1` over an embedded dataset (see
//! `data/`), filtered per persona (`personas.rs`, `access.rs`), or over a
//! customer's own documents (`--data`, `data_dir.rs`), and with `--static`
//! the page's files with an SPA fallback (`static_files.rs`). A demo: no
//! authentication, so it binds the loopback address unless told otherwise.

mod access;
mod api;
mod data;
mod data_dir;
mod date;
#[cfg(test)]
mod http_tests;
mod packed;
mod personas;
mod server;
mod static_files;
#[cfg(test)]
mod tests;

use clap::Parser;
use data::Dataset;
use date::Day;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use server::{App, HostCheck, Source};
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Demo backend of the Customer Activity page: the contract's API over an
/// embedded, deterministic dataset (or your own documents), and the page's
/// files. A demo without authentication: anyone who can reach the address
/// reads the data.
#[derive(Debug, Parser, PartialEq)]
#[command(name = "demo-server", version)]
struct Cli {
    /// The port to listen on (0: any free port, printed at start).
    #[arg(long, value_name = "N", default_value_t = 8081)]
    port: u16,
    /// The address to bind. Loopback by default; anything else exposes the
    /// unauthenticated demo to the network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    host: IpAddr,
    /// Serve the page's files from DIR (a release `dist/`), unknown paths
    /// answering index.html.
    #[arg(long = "static", value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// The day the demo data is built around (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = Day::parse_today)]
    today: Option<Day>,
    /// Add the 100,000-record benchmark entitlement.
    #[arg(long)]
    bench: bool,
    /// Mark the served index.html as a demo (shows the persona switcher).
    #[arg(long)]
    demo_ui: bool,
    /// Serve your own JSON documents from DIR instead of the demo data:
    /// me.json, customer-activity.json, additional-cases.json and
    /// activity/<entitlementId>.json, each checked against the contract at
    /// start.
    #[arg(long, value_name = "DIR", conflicts_with = "bench")]
    data: Option<PathBuf>,
    /// Seconds a request may take, from its first byte to the answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    request_timeout: u64,
}

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("demo-server: {msg}");
    std::process::exit(1);
}

fn main() {
    let cli = Cli::parse();
    let source = match &cli.data {
        Some(dir) => match data_dir::load(dir) {
            Ok(files) => Source::Files(files),
            Err(e) => fail(format_args!("--data refused, nothing served:\n  {e}")),
        },
        None => Source::Demo {
            ds: Dataset::build(cli.today.unwrap_or_else(Day::today_utc), cli.bench),
            views: api::BenchViews::new(),
        },
    };
    let site = cli.static_dir.as_ref().map(|dir| {
        static_files::Site::new(dir.clone(), cli.demo_ui)
            .unwrap_or_else(|e| fail(format_args!("--static {}: {e}", dir.display())))
    });
    let timeout = Duration::from_secs(cli.request_timeout);
    let app = Arc::new(App {
        source,
        site,
        hosts: HostCheck::new(cli.host),
        timeout,
    });
    if let (true, Source::Demo { .. }) = (cli.bench, &app.source) {
        // Build the 100,000 records and their document now, beside the
        // server, rather than on the first request that needs them.
        let app = app.clone();
        std::thread::spawn(move || {
            if let Source::Demo { ds, .. } = &app.source {
                ds.bench();
            }
        });
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async move {
        let addr = SocketAddr::new(cli.host, cli.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .unwrap_or_else(|e| fail(format_args!("cannot bind {addr}: {e}")));
        let bound = listener.local_addr().unwrap_or(addr);
        let what = match (&cli.data, &app.site) {
            (Some(d), _) => format!("the documents of {}", d.display()),
            (None, Some(_)) => "the demo data and the page".to_string(),
            (None, None) => "the demo data, API only".to_string(),
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "demo-server listening on http://{bound} (serving {what}; a demo server without authentication, {})",
            if cli.host.is_loopback() {
                "loopback only"
            } else {
                "reachable by anyone who can reach this address"
            }
        );
        let _ = out.flush();
        drop(out);
        let router = server::router(app);
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("demo-server: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let svc = TowerToHyperService::new(router.clone());
            tokio::spawn(async move {
                // A request whose head does not arrive in time is dropped
                // (the TimeoutLayer bounds the answer once it has).
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(timeout)
                    .serve_connection(TokioIo::new(stream), svc)
                    .await;
            });
        }
    });
}

#[cfg(test)]
mod arg_tests {
    use super::*;

    fn parse(s: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("demo-server").chain(s.split_whitespace()))
    }

    #[test]
    fn parses_the_cli() {
        let d = parse("").unwrap();
        assert_eq!(
            (
                d.port,
                d.host.to_string(),
                d.static_dir,
                d.today,
                d.bench,
                d.demo_ui,
                d.data,
                d.request_timeout
            ),
            (
                8081,
                "127.0.0.1".to_string(),
                None,
                None,
                false,
                false,
                None,
                30
            )
        );
        let a = parse("--port 0 --static dist --today 2026-03-01 --bench --demo-ui").unwrap();
        assert_eq!(
            (
                a.port,
                a.static_dir.unwrap(),
                a.today.unwrap().to_string(),
                a.bench,
                a.demo_ui
            ),
            (0, "dist".into(), "2026-03-01".into(), true, true)
        );
        assert_eq!(parse("--port=4174").unwrap().port, 4174);
        assert_eq!(parse("--data=snap").unwrap().data, Some("snap".into()));
        for bad in [
            "--port",
            "--port x",
            "--port 70000",
            "--today 2026-02-30",
            "--today 9999-12-31",
            "--nope",
            "--data d --bench",
            "--request-timeout 0",
            "--host example.com",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
