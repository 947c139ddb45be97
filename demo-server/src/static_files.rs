//! `--static DIR`: the page's files, with the SPA fallback (a path that is
//! not a file answers `index.html`) and no way out of DIR.

use std::path::{Path, PathBuf};

/// What a URL path resolves to, relative to the static root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file under the root.
    File(PathBuf),
    /// Not a file: answer `index.html` (SPA fallback).
    Index,
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Resolves a URL path against the static root. `None`: rejected (a `..`
/// segment, a backslash, a NUL or bad percent-encoding, before or after
/// decoding). `is_file` tells whether a relative path names a file under
/// the root; it is the only thing that touches the file system.
pub fn resolve(url_path: &str, is_file: impl Fn(&Path) -> bool) -> Option<Resolved> {
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
    if rel.as_os_str().is_empty() {
        return Some(Resolved::Index);
    }
    Some(if is_file(&rel) {
        Resolved::File(rel)
    } else {
        Resolved::Index
    })
}

/// The content type of a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A file to send: its bytes, content type and whether it is the index.
pub struct StaticFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub is_index: bool,
}

/// Reads what a URL path resolves to under `root`. `Err(400)` for a rejected
/// path, `Err(404)` when not even `index.html` is there.
pub fn load(root: &Path, url_path: &str) -> Result<StaticFile, u16> {
    let canonical_root = root.canonicalize().map_err(|_| 404u16)?;
    let inside = |rel: &Path| {
        root.join(rel)
            .canonicalize()
            .is_ok_and(|p| p.starts_with(&canonical_root) && p.is_file())
    };
    let rel = match resolve(url_path, inside).ok_or(400u16)? {
        Resolved::File(rel) => rel,
        Resolved::Index => PathBuf::from("index.html"),
    };
    let bytes = std::fs::read(root.join(&rel)).map_err(|_| 404u16)?;
    Ok(StaticFile {
        bytes,
        content_type: content_type(&rel),
        is_index: rel == Path::new("index.html"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(p: &Path) -> bool {
        [
            "index.html",
            "app-1a2b.js",
            "app-1a2b_bg.wasm",
            "assets/logo.svg",
            "a b.txt",
        ]
        .iter()
        .any(|f| Path::new(f) == p)
    }

    #[test]
    fn files_resolve_and_everything_else_falls_back_to_the_index() {
        assert_eq!(resolve("/", files), Some(Resolved::Index));
        assert_eq!(
            resolve("/app-1a2b.js", files),
            Some(Resolved::File("app-1a2b.js".into()))
        );
        assert_eq!(
            resolve("/assets/logo.svg", files),
            Some(Resolved::File("assets/logo.svg".into()))
        );
        assert_eq!(
            resolve("/a%20b.txt", files),
            Some(Resolved::File("a b.txt".into()))
        );
        assert_eq!(
            resolve("/customer-activity/entitlements/e-cu-reactive", files),
            Some(Resolved::Index)
        );
        assert_eq!(resolve("/customer-activity/", files), Some(Resolved::Index));
        assert_eq!(resolve("/assets/", files), Some(Resolved::Index));
        assert_eq!(resolve("/missing.js", files), Some(Resolved::Index));
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
            "/C:/windows",
        ] {
            assert_eq!(resolve(bad, |_| true), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("x.wasm")), "application/wasm");
        assert!(content_type(Path::new("x.js")).starts_with("text/javascript"));
        assert!(content_type(Path::new("index.html")).starts_with("text/html"));
        assert_eq!(content_type(Path::new("f.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("noext")), "application/octet-stream");
    }

    #[test]
    fn load_serves_files_and_the_index() {
        let dir = std::env::temp_dir().join(format!("demo-server-static-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("pkg/app.wasm"), [0u8, 97, 115, 109]).unwrap();
        let f = load(&dir, "/pkg/app.wasm").unwrap();
        assert_eq!(
            (f.content_type, f.is_index, f.bytes.len()),
            ("application/wasm", false, 4)
        );
        let f = load(&dir, "/customer-activity/tiles/support").unwrap();
        assert!(f.is_index && f.content_type.starts_with("text/html"));
        assert_eq!(load(&dir, "/../Cargo.toml").err(), Some(400));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
