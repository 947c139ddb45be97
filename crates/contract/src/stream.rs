//! Decoding a document while it downloads.
//!
//! The drilldown's document is mostly one long list (100,000 records are
//! 36 MB of JSON). [`StreamDecoder`] takes the body chunk by chunk as the
//! network delivers it and decodes each item of that list as soon as its
//! last byte arrives, so decoding overlaps the download and the body is
//! never held whole: memory is the decoded records plus one chunk.
//!
//! What is not the list (the document's other keys: its "skeleton") is kept
//! as text and decoded at the end by the same serde models as [`decode`],
//! so a document that is not what the contract promises fails the same way
//! (not JSON, truncated, a required key missing or of the wrong type). The
//! property tests (`tests/fuzz.rs`) check that for any body and any way of
//! cutting it into chunks the result is the one [`decode`] gives.
//!
//! [`decode`]: crate::decode

use crate::decode::{DecodeError, Decoded, Document, Item, Lenient};
use memchr::memchr2;

/// A document whose list named [`Streamed::LIST`] is decoded as it arrives.
pub trait Streamed: Document {
    type Item: Item;
    /// The top-level key of the list.
    const LIST: &'static str;
    fn list_mut(&mut self) -> &mut Lenient<Self::Item>;
    /// [`StreamDecoder::push`] compiled here, for this document: generic
    /// code is compiled where it is used, and this crate is built for speed
    /// where the page is built for size (see the release profile).
    fn push_chunk(decoder: &mut StreamDecoder<Self>, chunk: &[u8]);
}

impl Streamed for crate::EntitlementActivity {
    #[inline(never)]
    fn push_chunk(decoder: &mut StreamDecoder<Self>, chunk: &[u8]) {
        decoder.push(chunk)
    }
    type Item = crate::ActivityRecord;
    const LIST: &'static str = "records";
    fn list_mut(&mut self) -> &mut Lenient<Self::Item> {
        &mut self.records
    }
}

impl Streamed for crate::AdditionalCases {
    #[inline(never)]
    fn push_chunk(decoder: &mut StreamDecoder<Self>, chunk: &[u8]) {
        decoder.push(chunk)
    }
    type Item = crate::AdditionalCase;
    const LIST: &'static str = "cases";
    fn list_mut(&mut self) -> &mut Lenient<Self::Item> {
        &mut self.cases
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Before the first byte that is not whitespace.
    Start,
    /// Not an object: kept whole and left to serde to judge.
    Whole,
    /// In the document, outside the streamed list.
    Doc,
    /// Directly inside the streamed list, between items.
    List,
    /// Inside one item of the list.
    Item,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    ValueOrEnd,
    Value,
    CommaOrEnd,
}

/// Decodes a [`Streamed`] document from chunks of its body.
pub struct StreamDecoder<T: Streamed> {
    mode: Mode,
    /// The document without the streamed list's items.
    skeleton: Vec<u8>,
    depth: usize,
    in_str: bool,
    escaped: bool,
    // Keys of the top-level object.
    expect_key: bool,
    capturing_key: bool,
    key: Vec<u8>,
    key_is_list: bool,
    value_is_list: bool,
    // The list.
    streamed: bool,
    want: Want,
    scalar_item: bool,
    /// The part of the current item that came in earlier chunks.
    item: Vec<u8>,
    index: usize,
    list: Lenient<T::Item>,
    fatal: Option<String>,
}

impl<T: Streamed> Default for StreamDecoder<T> {
    fn default() -> Self {
        Self::new()
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<T: Streamed> StreamDecoder<T> {
    pub fn new() -> Self {
        StreamDecoder {
            mode: Mode::Start,
            skeleton: Vec::new(),
            depth: 0,
            in_str: false,
            escaped: false,
            expect_key: false,
            capturing_key: false,
            key: Vec::new(),
            key_is_list: false,
            value_is_list: false,
            streamed: false,
            want: Want::ValueOrEnd,
            scalar_item: false,
            item: Vec::new(),
            index: 0,
            list: Lenient::default(),
            fatal: None,
        }
    }

    /// How many items of the list have been read so far.
    pub fn items_read(&self) -> usize {
        self.index
    }

    /// The items of the list decoded so far.
    pub fn items(&self) -> &[T::Item] {
        &self.list.items
    }

    /// Room for about `n` more items (a guess from the body's length saves
    /// the list's repeated growth).
    pub fn reserve(&mut self, n: usize) {
        self.list.items.reserve(n);
    }

    /// Takes the next chunk of the body.
    pub fn push(&mut self, chunk: &[u8]) {
        if self.fatal.is_some() {
            return;
        }
        let mut i = 0;
        // Where the text still to be copied to the skeleton (Doc mode) or
        // to the current item (Item mode) starts in this chunk.
        let mut from = 0;
        let n = chunk.len();
        while i < n {
            match self.mode {
                Mode::Start => {
                    let b = chunk[i];
                    if is_ws(b) {
                        i += 1;
                        from = i;
                    } else if b == b'{' {
                        self.mode = Mode::Doc;
                        self.depth = 1;
                        self.expect_key = true;
                        from = i;
                        i += 1;
                    } else {
                        self.mode = Mode::Whole;
                        from = i;
                    }
                }
                Mode::Whole => {
                    i = n;
                }
                Mode::Doc => {
                    if self.in_str {
                        i = self.skip_string(chunk, i, true);
                        continue;
                    }
                    let b = chunk[i];
                    let top = self.depth == 1;
                    match b {
                        b'"' => {
                            self.in_str = true;
                            if top && self.expect_key {
                                self.capturing_key = true;
                                self.key.clear();
                                self.expect_key = false;
                            } else if top {
                                self.value_is_list = false;
                            }
                        }
                        b'[' if top && self.value_is_list => {
                            self.value_is_list = false;
                            self.streamed = true;
                            self.depth = 2;
                            self.want = Want::ValueOrEnd;
                            self.skeleton.extend_from_slice(&chunk[from..=i]);
                            self.mode = Mode::List;
                        }
                        b'{' | b'[' => {
                            self.value_is_list = false;
                            self.depth += 1;
                        }
                        b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                        b':' if top => {
                            self.value_is_list = self.key_is_list;
                            self.key_is_list = false;
                        }
                        b',' if top => {
                            self.expect_key = true;
                            self.value_is_list = false;
                        }
                        _ if top && !is_ws(b) => self.value_is_list = false,
                        _ => {}
                    }
                    i += 1;
                }
                Mode::List => {
                    let b = chunk[i];
                    match b {
                        _ if is_ws(b) => i += 1,
                        b',' if self.want == Want::CommaOrEnd => {
                            self.want = Want::Value;
                            i += 1;
                        }
                        b']' if self.want != Want::Value => {
                            // Doc mode takes this `]` again: it closes the
                            // list (depth 2 → 1) and goes to the skeleton.
                            self.mode = Mode::Doc;
                            from = i;
                        }
                        _ if self.want == Want::CommaOrEnd || matches!(b, b',' | b']' | b'}') => {
                            return self.fail(format!(
                                "{}: unexpected `{}` after item {}",
                                T::LIST,
                                char::from(b).escape_default(),
                                self.index
                            ));
                        }
                        _ => {
                            self.mode = Mode::Item;
                            self.item.clear();
                            from = i;
                            self.scalar_item = false;
                            match b {
                                b'{' | b'[' => self.depth += 1,
                                b'"' => self.in_str = true,
                                _ => self.scalar_item = true,
                            }
                            i += 1;
                        }
                    }
                }
                Mode::Item => {
                    if self.in_str {
                        i = self.skip_string(chunk, i, false);
                        if !self.in_str && self.depth == 2 {
                            // A string item ends with its closing quote.
                            self.end_item(&chunk[from..i]);
                        }
                        continue;
                    }
                    let b = chunk[i];
                    if self.scalar_item {
                        if is_ws(b) || matches!(b, b',' | b']' | b'}') {
                            self.end_item(&chunk[from..i]);
                        } else {
                            i += 1;
                        }
                        continue;
                    }
                    match b {
                        b'"' => self.in_str = true,
                        b'{' | b'[' => self.depth += 1,
                        b'}' | b']' => {
                            self.depth -= 1;
                            if self.depth == 2 {
                                self.end_item(&chunk[from..=i]);
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            if self.fatal.is_some() {
                return;
            }
        }
        match self.mode {
            Mode::Doc | Mode::Whole => self.skeleton.extend_from_slice(&chunk[from..]),
            Mode::Item => self.item.extend_from_slice(&chunk[from..]),
            Mode::Start | Mode::List => {}
        }
    }

    /// Moves past string content from `i`; returns where to go on. Keys of
    /// the top-level object are captured to be compared with the list's.
    fn skip_string(&mut self, chunk: &[u8], i: usize, doc: bool) -> usize {
        let capture = doc && self.capturing_key;
        if self.escaped {
            self.escaped = false;
            if capture {
                self.key.push(chunk[i]);
            }
            return i + 1;
        }
        match memchr2(b'"', b'\\', &chunk[i..]) {
            None => {
                if capture {
                    self.key.extend_from_slice(&chunk[i..]);
                }
                chunk.len()
            }
            Some(k) => {
                let j = i + k;
                if capture {
                    self.key.extend_from_slice(&chunk[i..j]);
                }
                if chunk[j] == b'\\' {
                    self.escaped = true;
                    if capture {
                        self.key.push(b'\\');
                    }
                } else {
                    self.in_str = false;
                    if capture {
                        self.capturing_key = false;
                        self.key_is_list = self.key == T::LIST.as_bytes();
                    }
                }
                j + 1
            }
        }
    }

    /// An item is complete: `tail` is its last part (all of it when it
    /// came in one chunk).
    fn end_item(&mut self, tail: &[u8]) {
        let whole;
        let bytes: &[u8] = if self.item.is_empty() {
            tail
        } else {
            self.item.extend_from_slice(tail);
            whole = std::mem::take(&mut self.item);
            &whole
        };
        let text = utf8_lossy(bytes);
        if let Err(e) = self.list.push_item(self.index, &text) {
            self.fatal = Some(format!("{} item {}: {e}", T::LIST, self.index));
        }
        self.index += 1;
        self.item.clear();
        self.mode = Mode::List;
        self.want = Want::CommaOrEnd;
    }

    fn fail(&mut self, message: String) {
        self.fatal = Some(message);
    }

    /// The body is complete: the document, or why it is not one.
    pub fn finish(self) -> Result<Decoded<T>, DecodeError> {
        if let Some(m) = self.fatal {
            return Err(DecodeError(m));
        }
        let text = utf8_lossy(&self.skeleton);
        let mut value: T = serde_json::from_str(&text).map_err(|e| DecodeError(e.to_string()))?;
        if matches!(self.mode, Mode::List | Mode::Item) {
            // Unreachable in practice: the skeleton is cut short too.
            return Err(DecodeError(format!("{} cut short", T::LIST)));
        }
        if self.streamed {
            *value.list_mut() = self.list;
        }
        let issues = value.take_issues();
        Ok(Decoded { value, issues })
    }
}

/// The text of `bytes`, invalid sequences replaced (as a browser's
/// `TextDecoder` does with a whole body). Valid text, the usual case, is
/// checked by `str::from_utf8`, which runs over ASCII many bytes at a time;
/// `from_utf8_lossy` alone checks byte by byte.
fn utf8_lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.into(),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Decodes a whole body through [`StreamDecoder`] (for tests and for
/// bodies that arrive in one piece).
pub fn decode_streamed<T: Streamed>(body: &[u8]) -> Result<Decoded<T>, DecodeError> {
    let mut d = StreamDecoder::<T>::new();
    d.push(body);
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{decode, EntitlementActivity};

    const DOC: &str = r#"{"entitlementId": "e1", "records": [
      {"type": "supportRequest", "id": "r1", "caseNumber": "2411", "title": "Out\"age [{", "status": "open",
       "createdAt": "2026-10-01T08:00:00Z", "quantity": 1.5},
      {"id": "r0", "type": "supportContact", "name": "Ada", "status": "active", "quantity": 1},
      {"type": "hologram", "id": "r2"}, 7, "x", null
    ], "extra": {"records": [1]}}"#;

    fn chunked(body: &[u8], size: usize) -> Result<Decoded<EntitlementActivity>, DecodeError> {
        let mut d = StreamDecoder::<EntitlementActivity>::new();
        for c in body.chunks(size) {
            d.push(c);
        }
        d.finish()
    }

    /// Bytes that are not UTF-8 (in an item and outside the list) read as
    /// the whole body read lossily does: replaced, not failing.
    #[test]
    fn invalid_utf8_is_replaced_as_in_a_lossy_whole_body() {
        let mut body = DOC.as_bytes().to_vec();
        let ada = body.windows(3).position(|w| w == b"Ada").unwrap();
        body.splice(ada + 1..ada + 1, [0xff, 0xfe]);
        let extra = body.windows(5).position(|w| w == b"extra").unwrap();
        body.insert(extra + 1, 0xc3);
        let lossy = String::from_utf8_lossy(&body).into_owned();
        assert!(lossy.contains("A\u{fffd}\u{fffd}da"));
        let want = decode::<EntitlementActivity>(&lossy).unwrap();
        assert_eq!(want.value.records.len(), 2);
        for size in [1, 2, 3, 7, 64, body.len()] {
            let got = chunked(&body, size).unwrap();
            assert_eq!(got.value, want.value, "chunks of {size}");
            assert_eq!(got.issues, want.issues, "chunks of {size}");
        }
    }

    #[test]
    fn any_chunking_gives_what_decode_gives() {
        let want = decode::<EntitlementActivity>(DOC).unwrap();
        assert_eq!(want.value.records.len(), 2);
        assert_eq!(want.issues.len(), 4);
        for size in 1..=DOC.len() {
            assert_eq!(
                chunked(DOC.as_bytes(), size).unwrap(),
                want,
                "chunks of {size}"
            );
        }
    }

    #[test]
    fn broken_documents_fail() {
        for body in [
            "",
            "  ",
            "[]",
            "<!doctype html>",
            r#"{"entitlementId": "e1", "records": [{"type": "supportContact"#,
            r#"{"entitlementId": "e1", "records": [1,]}"#,
            r#"{"entitlementId": "e1", "records": [1 2]}"#,
            r#"{"entitlementId": "e1", "records": [{"a": tru}]}"#,
            r#"{"entitlementId": "e1", "records": [], "records": []}"#,
            r#"{"records": []}"#,
            r#"{"entitlementId": "e1", "records": []} x"#,
        ] {
            assert!(decode::<EntitlementActivity>(body).is_err(), "{body}");
            for size in [1, 3, 1000] {
                assert!(chunked(body.as_bytes(), size).is_err(), "{body} in {size}");
            }
        }
    }
}
