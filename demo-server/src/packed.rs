//! The content-hashed files (the wasm, its glue, the stylesheets) compressed
//! once with brotli at its best quality, as a CDN or a host's build step
//! stores them, instead of on every request at tower-http's default quality
//! (quality 4: the wasm then weighs about 24% more on the wire, and a phone
//! on a slow link waits for those bytes).
//!
//! Each file is compressed on a thread of its own the first time it is
//! asked for (and, at start, every hashed file of the root), and kept in
//! memory keyed by its size and modification time, so a new build is never
//! answered with an old body. Until it is ready the file is compressed on
//! the fly as before.

use bytes::Bytes;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Only these kinds are worth it (the rest are small or already compressed).
pub fn content_type(rel: &Path) -> Option<&'static str> {
    match rel.extension().and_then(|e| e.to_str())? {
        "wasm" => Some("application/wasm"),
        "js" | "mjs" => Some("text/javascript; charset=utf-8"),
        "css" => Some("text/css; charset=utf-8"),
        _ => None,
    }
}

/// Whether `Accept-Encoding` takes brotli (a `br` token whose q is not 0).
pub fn accepts_br(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut it = part.split(';');
        let token = it.next().unwrap_or("").trim();
        let refused = it.any(|p| {
            let p = p.trim();
            p.strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        token.eq_ignore_ascii_case("br") && !refused
    })
}

/// Brotli at quality 11, window 22: what `brotli -q 11` writes.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 3);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 1 << 16, 11, 22);
        w.write_all(data).expect("writing to memory");
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Version {
    len: u64,
    modified: SystemTime,
}

enum Entry {
    Pending(Version),
    Ready(Version, Bytes),
}

/// The compressed bodies, shared by every request.
#[derive(Clone, Default)]
pub struct Packed {
    files: Arc<Mutex<HashMap<PathBuf, Entry>>>,
}

impl Packed {
    /// The body for `real` as it is now (`len`, `modified`), if it is ready;
    /// if not, it is made in the background for the next request.
    pub fn get(&self, real: &Path, len: u64, modified: SystemTime) -> Option<Bytes> {
        let now = Version { len, modified };
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        match files.get(real) {
            Some(Entry::Ready(v, body)) if *v == now => return Some(body.clone()),
            Some(Entry::Pending(v)) if *v == now => return None,
            _ => {}
        }
        files.insert(real.to_path_buf(), Entry::Pending(now));
        drop(files);
        let (me, real) = (self.clone(), real.to_path_buf());
        std::thread::spawn(move || me.make(&real, now));
        None
    }

    fn make(&self, real: &Path, v: Version) {
        let Ok(data) = std::fs::read(real) else {
            self.files
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(real);
            return;
        };
        // Read while the file changed: the next request starts again.
        if data.len() as u64 != v.len {
            self.files
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(real);
            return;
        }
        let body = Bytes::from(compress(&data));
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(files.get(real), Some(Entry::Pending(p)) if *p == v) {
            files.insert(real.to_path_buf(), Entry::Ready(v, body));
        }
    }

    /// Starts compressing every file under `root` that `wanted` picks (the
    /// content-hashed ones), one after the other on one thread.
    pub fn warm(&self, root: &Path, wanted: impl Fn(&Path) -> bool + Send + 'static) {
        let (me, root) = (self.clone(), root.to_path_buf());
        std::thread::spawn(move || {
            let mut dirs = vec![root.clone()];
            while let Some(dir) = dirs.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                for e in entries.flatten() {
                    let path = e.path();
                    let Ok(meta) = std::fs::symlink_metadata(&path) else {
                        continue;
                    };
                    if meta.is_dir() {
                        dirs.push(path);
                        continue;
                    }
                    let rel = path.strip_prefix(&root).unwrap_or(&path);
                    if !meta.is_file() || !wanted(rel) || content_type(rel).is_none() {
                        continue;
                    }
                    let Ok(real) = path.canonicalize() else {
                        continue;
                    };
                    let v = Version {
                        len: meta.len(),
                        modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                    };
                    let mut files = me.files.lock().unwrap_or_else(|e| e.into_inner());
                    if files.contains_key(&real) {
                        continue;
                    }
                    files.insert(real.clone(), Entry::Pending(v));
                    drop(files);
                    me.make(&real, v);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_takes_br_unless_refused() {
        for yes in [
            "br",
            "gzip, deflate, br",
            "br;q=0.5",
            "gzip, BR ; q=1",
            "br;q=0.001",
        ] {
            assert!(accepts_br(yes), "{yes}");
        }
        for no in [
            "",
            "gzip",
            "br;q=0",
            "gzip, br; q=0.0",
            "brotli",
            "identity",
        ] {
            assert!(!accepts_br(no), "{no}");
        }
    }

    #[test]
    fn compressed_bodies_decompress_to_the_file() {
        let data = b"customer activity ".repeat(500);
        let packed = compress(&data);
        assert!(packed.len() < data.len() / 20, "{}", packed.len());
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut back).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn kinds_worth_compressing() {
        assert_eq!(
            content_type(Path::new("a-0123456789abcdef_bg.wasm")),
            Some("application/wasm")
        );
        assert!(content_type(Path::new("x.css"))
            .unwrap()
            .starts_with("text/css"));
        assert_eq!(content_type(Path::new("logo.svg")), None);
        assert_eq!(content_type(Path::new("README")), None);
    }
}
