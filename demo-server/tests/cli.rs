//! The binary as scripts and people run it: the CLI, the startup line, and
//! what only a real socket shows (the Host check, timeouts, `--data` at
//! start).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_demo-server");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A server on a free port, stopped on drop.
struct Server {
    child: Child,
    port: u16,
    line: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["--port", "0", "--today", "2026-05-14"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server { child, port, line }
    }

    /// Sends raw bytes, returns everything until the server closes.
    fn raw(&self, request: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        text(&out)
    }

    /// GET with Connection: close; (status, body).
    fn get(&self, path: &str, headers: &str) -> (u16, String) {
        let r = self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n{headers}\r\n",
            self.port
        ));
        let status = r.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = r
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn help_and_version_go_to_stdout_and_exit_0() {
    let h = run(&["--help"]);
    assert_eq!(h.status.code(), Some(0));
    let out = text(&h.stdout);
    for flag in [
        "--port",
        "--static",
        "--today",
        "--bench",
        "--demo-ui",
        "--data",
        "--host",
        "--version",
    ] {
        assert!(out.contains(flag), "--help lists {flag}:\n{out}");
    }
    assert!(out.contains("without authentication"), "{out}");
    let v = run(&["--version"]);
    assert_eq!(v.status.code(), Some(0));
    assert_eq!(
        text(&v.stdout).trim(),
        format!("demo-server {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_exit_non_zero_with_a_message_and_no_panic() {
    for (args, says) in [
        (&["--today", "9999-12-31"][..], "9999-12-31"),
        (&["--today", "2026-02-30"][..], "2026-02-30"),
        (&["--port", "70000"][..], "70000"),
        (&["--nope"][..], "--nope"),
        (&["--data", "/nonexistent/dir"][..], "/nonexistent/dir"),
    ] {
        let o = run(args);
        let err = text(&o.stderr);
        assert!(!o.status.success(), "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}: nothing started");
    }
}

#[test]
fn port_equals_form_and_the_startup_line() {
    // --port=N: find a free port, then ask for it in that form.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BIN)
        .arg(format!("--port={port}"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.contains(&format!("listening on http://127.0.0.1:{port}")),
        "{line}"
    );
    assert!(
        line.contains("demo server without authentication"),
        "{line}"
    );
}

#[test]
fn the_host_header_is_checked_on_the_socket() {
    let s = Server::start(&[]);
    assert!(s.line.contains("loopback only"), "{}", s.line);
    assert_eq!(s.get("/api/v1/me", "").0, 200);
    let r = s.raw(
        "GET /api/v1/me HTTP/1.1\r\nHost: rebind.attacker.test:80\r\nConnection: close\r\n\r\n",
    );
    assert!(r.starts_with("HTTP/1.1 400"), "{r}");
    assert!(!r.contains("Giulia"), "{r}");
}

#[test]
fn a_half_sent_request_is_closed_after_the_timeout() {
    let s = Server::start(&["--request-timeout", "1"]);
    // The head never ends.
    let t = Instant::now();
    let r = s.raw("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    let took = t.elapsed();
    assert!(took < Duration::from_secs(5), "closed after {took:?}: {r}");
    assert!(!r.contains("200 OK"), "{r}");
    // Nothing sent at all.
    let t = Instant::now();
    s.raw("");
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "idle connection held {:?}",
        t.elapsed()
    );
    // A body announced and never sent.
    let t = Instant::now();
    s.raw("POST /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc");
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "half body held {:?}",
        t.elapsed()
    );
    // The server still answers.
    assert_eq!(s.get("/api/v1/me", "").0, 200);
}

/// A scratch directory, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("demo-server-it-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("activity")).unwrap();
        Scratch(d)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes a data dir from the embedded demo as `persona` sees it.
fn snapshot(persona: &str, dir: &Path) -> Vec<String> {
    let s = Server::start(&[]);
    let h = format!("x-demo-persona: {persona}\r\n");
    let get = |p: &str| {
        let (status, body) = s.get(&format!("/api/v1{p}"), &h);
        assert_eq!(status, 200, "{p}");
        body
    };
    std::fs::write(dir.join("me.json"), get("/me")).unwrap();
    let ca = get("/customer-activity");
    std::fs::write(dir.join("customer-activity.json"), &ca).unwrap();
    std::fs::write(dir.join("additional-cases.json"), get("/additional-cases")).unwrap();
    let ca: serde_json::Value = serde_json::from_str(&ca).unwrap();
    let ids: Vec<String> = ca["entitlements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    for id in &ids {
        std::fs::write(
            dir.join("activity").join(format!("{id}.json")),
            get(&format!("/entitlements/{id}/activity")),
        )
        .unwrap();
    }
    ids
}

#[test]
fn data_dir_serves_the_files_as_they_are() {
    let d = Scratch::new("good");
    let ids = snapshot("workspace-admin", &d.0);
    assert!(ids.len() > 3);
    let s = Server::start(&["--data", d.0.to_str().unwrap()]);
    assert!(s.line.contains(d.0.to_str().unwrap()), "{}", s.line);
    let file = |p: &str| std::fs::read_to_string(d.0.join(p)).unwrap();
    // Personas play no part: the files are one user's view.
    assert_eq!(
        s.get("/api/v1/me", "x-demo-persona: customer-admin\r\n"),
        (200, file("me.json"))
    );
    assert_eq!(
        s.get("/api/v1/customer-activity", ""),
        (200, file("customer-activity.json"))
    );
    assert_eq!(
        s.get("/api/v1/additional-cases", ""),
        (200, file("additional-cases.json"))
    );
    let id = &ids[0];
    let act = file(&format!("activity/{id}.json"));
    assert_eq!(
        s.get(&format!("/api/v1/entitlements/{id}/activity"), ""),
        (200, act.clone())
    );
    let encoded: String = id.bytes().map(|b| format!("%{b:02X}")).collect();
    assert_eq!(
        s.get(&format!("/api/v1/entitlements/{encoded}/activity"), ""),
        (200, act)
    );
    assert_eq!(s.get("/api/v1/entitlements/nope/activity", "").0, 404);
    assert_eq!(s.get("/api/v1/demo/personas", ""), (200, "[]".to_string()));
}

#[test]
fn the_example_data_dir_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-data");
    let s = Server::start(&["--data", dir.to_str().unwrap()]);
    let (status, body) = s.get("/api/v1/customer-activity", "");
    assert_eq!(status, 200);
    let ca: serde_json::Value = serde_json::from_str(&body).unwrap();
    for e in ca["entitlements"].as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        assert_eq!(
            s.get(&format!("/api/v1/entitlements/{id}/activity"), "").0,
            200,
            "{id}"
        );
    }
}

#[test]
fn a_bad_data_file_is_refused_at_start_with_its_path_and_pointer() {
    let d = Scratch::new("bad");
    let ids = snapshot("workspace-admin", &d.0);
    let dir = d.0.to_str().unwrap().to_string();
    let refused = |file: &str, says: &[&str]| {
        let o = run(&["--port", "0", "--data", &dir]);
        let err = text(&o.stderr);
        assert!(!o.status.success(), "{file}: {err}");
        assert!(o.stdout.is_empty(), "{file}: nothing served");
        assert!(
            err.contains(&d.0.join(file).display().to_string()),
            "{file}: {err}"
        );
        for s in says {
            assert!(err.contains(s), "{file}: {s:?} in {err}");
        }
    };
    let edit = |file: &str, f: &dyn Fn(&mut serde_json::Value)| -> String {
        let p = d.0.join(file);
        let before = std::fs::read_to_string(&p).unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&before).unwrap();
        f(&mut v);
        std::fs::write(&p, v.to_string()).unwrap();
        before
    };
    // A wrong type deep in a list item.
    let ca = edit("customer-activity.json", &|v| {
        v["contracts"][1]["number"] = 7.into()
    });
    refused(
        "customer-activity.json",
        &["\"/contracts/1/number\"", "expected"],
    );
    std::fs::write(d.0.join("customer-activity.json"), ca).unwrap();
    // A required key missing at the top.
    let me = edit("me.json", &|v| {
        v.as_object_mut().unwrap().remove("displayName");
    });
    refused("me.json", &["displayName"]);
    std::fs::write(d.0.join("me.json"), me).unwrap();
    // Not JSON.
    let act = format!("activity/{}.json", ids[1]);
    let before = std::fs::read_to_string(d.0.join(&act)).unwrap();
    std::fs::write(d.0.join(&act), &before[..before.len() / 2]).unwrap();
    refused(&act, &["not JSON"]);
    // Another entitlement's document under this name.
    std::fs::write(d.0.join(&act), before.replace(&ids[1], "someone-else")).unwrap();
    refused(&act, &["/entitlementId", &ids[1]]);
    std::fs::write(d.0.join(&act), &before).unwrap();
    // A missing required file.
    std::fs::rename(d.0.join("me.json"), d.0.join("me.json.bak")).unwrap();
    refused("me.json", &["cannot read"]);
    std::fs::rename(d.0.join("me.json.bak"), d.0.join("me.json")).unwrap();
    // Whole again: starts.
    let s = Server::start(&["--data", &dir]);
    assert_eq!(s.get("/api/v1/me", "").0, 200);
}
