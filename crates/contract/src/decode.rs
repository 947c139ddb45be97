//! Lenient decoding: a document decodes as long as its own shape is right;
//! a malformed item of one of its arrays is set aside with the reason, so the
//! page can show what loaded and report what did not.

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;
use std::ops::Deref;

/// Items of one list kept decoded, at most. The demo's longest list is
/// 100,000 records (36 MB, about 47 MB of wasm memory once decoded): two and
/// a half times that still fits a tab, and a list past it is a broken or
/// hostile server. Items beyond it are checked to be JSON, counted and
/// reported ([`RecordIssue::more`]), not decoded.
pub const MAX_ITEMS_KEPT: usize = 250_000;

/// Rejected items of one list kept with their reasons, at most. The page
/// lists the first 50; each kept issue costs its id and serde's message,
/// and 200,000 unreadable records kept whole were once about 90× their
/// size. The rest are counted ([`RecordIssue::more`]), not kept.
pub const MAX_REJECTED_KEPT: usize = 100;

/// Bytes the kept rejected items of one list may take (ids and messages
/// included): a bound that holds whatever the server puts in them. Short
/// ids and messages (about 150 bytes an issue) are bounded by the count,
/// long ones (up to about 500 bytes) by this.
pub const MAX_REJECTED_BYTES: usize = 32 << 10;

/// Bytes of a rejected item's id or message kept (serde's message quotes
/// the wrong value whole: a 1 MB string would be kept twice).
pub const MAX_ISSUE_TEXT_BYTES: usize = 200;

/// One item of a list that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordIssue {
    /// The list it came from (`entitlements`, `records`, ...).
    pub list: &'static str,
    /// Its position in that list (0-based).
    pub index: usize,
    /// Its id (or case number) when one could be read (at most
    /// [`MAX_ISSUE_TEXT_BYTES`]).
    pub id: Option<String>,
    /// What is wrong with it, in serde's words (at most
    /// [`MAX_ISSUE_TEXT_BYTES`]).
    pub message: String,
    /// How many more items of the list after this one were set aside too
    /// but not kept (past [`MAX_REJECTED_KEPT`] or [`MAX_ITEMS_KEPT`]): 0
    /// but on the last issue of a list.
    pub more: usize,
}

/// A list whose malformed items are kept aside instead of failing the whole
/// document. Serialises as a plain JSON array of the good items.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient<T> {
    pub items: Vec<T>,
    /// The first rejected items (see [`MAX_REJECTED_KEPT`]).
    pub rejected: Vec<RecordIssue>,
    /// Rejected items not kept in `rejected`.
    pub rejected_more: usize,
    /// What `rejected` takes (ids, messages and the issues themselves).
    rejected_bytes: usize,
    /// Items past [`MAX_ITEMS_KEPT`]: how many, and the first one's index.
    over_limit: usize,
    first_over: usize,
}

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl<T> From<Vec<T>> for Lenient<T> {
    fn from(items: Vec<T>) -> Self {
        Self {
            items,
            rejected: Vec::new(),
            rejected_more: 0,
            rejected_bytes: 0,
            over_limit: 0,
            first_over: 0,
        }
    }
}

impl<T> Deref for Lenient<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T: Serialize> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.items.serialize(s)
    }
}

/// An item of a lenient list: decoded on its own from its JSON text.
pub trait Item: Sized {
    /// Decodes one item; the default is the type's own `Deserialize`.
    fn decode_item(text: &str) -> Result<Self, serde_json::Error>;
}

macro_rules! plain_items {
    ($($t:ty),+) => {$(
        impl Item for $t {
            fn decode_item(text: &str) -> Result<Self, serde_json::Error> {
                serde_json::from_str(text)
            }
        }
    )+};
}
plain_items!(
    crate::Workspace,
    crate::Contract,
    crate::Entitlement,
    crate::Package,
    crate::AdditionalCase
);

/// `s` cut to at most `max` bytes (at a char boundary, `…` appended when
/// cut), its memory too.
pub fn clip_text(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut end = max.saturating_sub('…'.len_utf8());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
        // A cut string would otherwise keep holding all of its memory.
        s.shrink_to_fit();
    }
    s
}

impl<T: Item> Lenient<T> {
    /// Decodes one item's JSON text into the list, or sets it aside with
    /// the reason. `index` is its position in the list as sent. Fails only
    /// when the text is not JSON at all: then the document is not either.
    /// Whatever the depth or shape of the item, it costs only itself.
    pub fn push_item(&mut self, index: usize, text: &str) -> Result<(), serde_json::Error> {
        if self.items.len() >= MAX_ITEMS_KEPT {
            // Not decoded, but it must still be JSON.
            serde_json::from_str::<IgnoredAny>(text)?;
            if self.over_limit == 0 {
                self.first_over = index;
            }
            self.over_limit += 1;
            return Ok(());
        }
        match T::decode_item(text) {
            Ok(v) => self.items.push(v),
            Err(e) => {
                // Decoding may stop at the first wrong value, or at serde's
                // recursion limit (128 levels, an error of the "syntax"
                // category): the whole text must still be JSON. Skipping a
                // value (`IgnoredAny`) does not recurse, so an item nested
                // 300 or 300,000 levels deep is set aside, not fatal.
                serde_json::from_str::<IgnoredAny>(text)?;
                self.reject(index, text, &e);
            }
        }
        Ok(())
    }

    fn reject(&mut self, index: usize, text: &str, e: &serde_json::Error) {
        if self.rejected.len() >= MAX_REJECTED_KEPT || self.rejected_bytes >= MAX_REJECTED_BYTES {
            self.rejected_more += 1;
            return;
        }
        // Named by its id when one can be read; any other key is skipped
        // unread (and a text that is not an object has none).
        let id = serde_json::from_str::<ItemIds>(text)
            .ok()
            .and_then(|ids| ids.id.or(ids.case_number))
            .map(|s| clip_text(s, MAX_ISSUE_TEXT_BYTES));
        let message = clip_text(e.to_string(), MAX_ISSUE_TEXT_BYTES);
        let cost = std::mem::size_of::<RecordIssue>()
            + id.as_ref().map_or(0, String::capacity)
            + message.capacity();
        if self.rejected_bytes + cost > MAX_REJECTED_BYTES && !self.rejected.is_empty() {
            self.rejected_more += 1;
            return;
        }
        self.rejected_bytes += cost;
        self.rejected.push(RecordIssue {
            list: "",
            index,
            id,
            message,
            more: 0,
        });
    }

    /// Moves the issues out (unlabelled): the kept ones, the count of the
    /// rest on the last, and one for the items past [`MAX_ITEMS_KEPT`].
    fn take_rejected(&mut self) -> Vec<RecordIssue> {
        let mut v = std::mem::take(&mut self.rejected);
        if let Some(last) = v.last_mut() {
            last.more = std::mem::take(&mut self.rejected_more);
        }
        self.rejected_bytes = 0;
        if self.over_limit > 0 {
            v.push(RecordIssue {
                list: "",
                index: self.first_over,
                id: None,
                message: format!(
                    "more than {MAX_ITEMS_KEPT} items in one list: this one and the ones after it were not read"
                ),
                more: std::mem::take(&mut self.over_limit) - 1,
            });
        }
        v
    }
}

/// What names a rejected item: its `id`, else its `caseNumber` (each only
/// when a string); every other key is skipped unread.
#[derive(Deserialize)]
struct ItemIds {
    #[serde(default, deserialize_with = "string_or_none")]
    id: Option<String>,
    #[serde(default, rename = "caseNumber", deserialize_with = "string_or_none")]
    case_number: Option<String>,
}

/// A string value, or `None` for any other JSON value (which is skipped).
fn string_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any value")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
            while a.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut a: A,
        ) -> Result<Self::Value, A::Error> {
            while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

impl<'de, T: Item> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Items<T>(std::marker::PhantomData<T>);
        impl<'de, T: Item> Visitor<'de> for Items<T> {
            type Value = Lenient<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                // Each item is borrowed as its raw JSON text (no copy, no
                // intermediate tree) and decoded on its own, so one bad item
                // costs only itself.
                let mut out =
                    Lenient::from(Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096)));
                let mut index = 0;
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    out.push_item(index, raw.get())
                        .map_err(serde::de::Error::custom)?;
                    index += 1;
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Items(std::marker::PhantomData))
    }
}

/// Why a whole document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

/// A decoded document and the items of it that were set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    pub value: T,
    pub issues: Vec<RecordIssue>,
}

/// A top-level document of the API; names its lenient lists' issues.
pub trait Document: DeserializeOwned {
    /// Moves the rejected items out of every lenient list, labelled.
    fn take_issues(&mut self) -> Vec<RecordIssue>;
}

fn label<T: Item>(list: &'static str, l: &mut Lenient<T>) -> Vec<RecordIssue> {
    l.take_rejected()
        .into_iter()
        .map(|mut i| {
            i.list = list;
            i
        })
        .collect()
}

impl Document for crate::CustomerActivity {
    fn take_issues(&mut self) -> Vec<RecordIssue> {
        let mut v = label("workspaces", &mut self.workspaces);
        v.extend(label("contracts", &mut self.contracts));
        v.extend(label("entitlements", &mut self.entitlements));
        v.extend(label("packages", &mut self.packages));
        v
    }
}

impl Document for crate::EntitlementActivity {
    fn take_issues(&mut self) -> Vec<RecordIssue> {
        label("records", &mut self.records)
    }
}

impl Document for crate::AdditionalCases {
    fn take_issues(&mut self) -> Vec<RecordIssue> {
        label("cases", &mut self.cases)
    }
}

impl Document for crate::Me {
    fn take_issues(&mut self) -> Vec<RecordIssue> {
        Vec::new()
    }
}

/// Decodes a response body. Fails only when the document itself is not the
/// promised JSON (not JSON at all, truncated, a required key missing or of
/// the wrong type); a bad item of a list becomes a [`RecordIssue`].
pub fn decode<T: Document>(body: &str) -> Result<Decoded<T>, DecodeError> {
    let mut value: T = serde_json::from_str(body).map_err(|e| DecodeError(e.to_string()))?;
    let issues = value.take_issues();
    Ok(Decoded { value, issues })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    const DOC: &str = r#"{
      "generatedAt": "2026-11-01T00:00:00Z",
      "futureKey": {"ignored": true},
      "workspaces": [{"id": "w1", "name": "Contoso"}],
      "contracts": [
        {"id": "c1", "number": "U-1", "name": "Unified", "startDate": "2026-01-01", "endDate": "2026-12-31", "workspaceIds": ["w1"]},
        {"id": "c2", "number": 7, "name": "Broken", "startDate": "2026-01-01", "endDate": "2026-12-31", "workspaceIds": []}
      ],
      "entitlements": [
        {"id": "e1", "contractId": "c1", "packageId": null, "service": "teleportation", "name": "New thing",
         "kind": "consumptionService", "unit": "parsecs", "purchased": null, "consumed": 2}
      ],
      "packages": []
    }"#;

    #[test]
    fn bad_items_are_reported_and_the_rest_loads() {
        let d = decode::<CustomerActivity>(DOC).unwrap();
        assert_eq!(d.value.contracts.len(), 1);
        assert_eq!(d.issues.len(), 1);
        assert_eq!(d.issues[0].list, "contracts");
        assert_eq!(d.issues[0].index, 1);
        assert_eq!(d.issues[0].id.as_deref(), Some("c2"));
        let e = &d.value.entitlements[0];
        assert_eq!(e.service, Service::Unknown);
        assert_eq!(e.unit, Unit::Unknown);
        assert_eq!(e.purchased, None);
    }

    #[test]
    fn a_rejected_item_is_named_by_its_id_else_its_case_number() {
        let body = r#"[
          {"id": "w0", "name": "fine"},
          {"id": "w1", "name": 1, "extra": {"nested": [1, {"id": "no"}]}},
          {"id": 5, "caseNumber": "2411", "name": 1},
          {"id": null, "caseNumber": ["x"], "name": 1},
          [1, 2],
          "w5",
          {"id": "w6", "id": "again", "name": 1}
        ]"#;
        let l: Lenient<crate::Workspace> = serde_json::from_str(body).unwrap();
        assert_eq!(l.items.len(), 1);
        let ids: Vec<_> = l
            .rejected
            .iter()
            .map(|r| (r.index, r.id.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                (1, Some("w1")),
                (2, Some("2411")),
                (3, None),
                (4, None),
                (5, None),
                (6, None)
            ]
        );
        // A rejected item must still be JSON.
        assert!(
            serde_json::from_str::<Lenient<crate::Workspace>>(r#"[{"id": "w", "name": 1, }]"#)
                .is_err()
        );
    }

    #[test]
    fn not_the_promised_json_fails_the_document() {
        for body in [
            "<!doctype html><p>hi</p>",
            "{\"generatedAt\": \"x\", \"work",
            "{}",
            "",
            "[]",
        ] {
            assert!(
                decode::<CustomerActivity>(body).is_err(),
                "{body:?} should fail"
            );
        }
    }

    #[test]
    fn records_decode_by_type_and_unknown_types_are_reported() {
        let body = r#"{"entitlementId": "e1", "records": [
          {"type": "supportRequest", "id": "r1", "caseNumber": "2411", "title": "Outage", "status": "open",
           "createdAt": "2026-10-01T08:00:00Z", "quantity": 1.5},
          {"type": "hologram", "id": "r2"}
        ]}"#;
        let d = decode::<EntitlementActivity>(body).unwrap();
        assert_eq!(d.value.records.len(), 1);
        assert_eq!(d.value.records[0].type_name(), "supportRequest");
        assert_eq!(d.issues[0].id.as_deref(), Some("r2"));
        assert_eq!(d.issues[0].list, "records");
    }

    /// `n` records that cannot be read (the 200,000-bad-records fault),
    /// then the five good ones.
    fn bad_then_good(n: usize, id: &str) -> String {
        let mut body = String::from(r#"{"entitlementId": "e1", "records": ["#);
        for i in 0..n {
            body.push_str(&format!(
                r#"{{"type":"supportRequest","id":"{id}{i}","quantity":"many"}},"#
            ));
        }
        for i in 0..5 {
            body.push_str(&format!(
                r#"{{"type":"supportContact","id":"ok{i}","name":"Ada","status":"active","quantity":1}}{}"#,
                if i < 4 { "," } else { "" }
            ));
        }
        body.push_str("]}");
        body
    }

    /// Rejected items beyond the budget are counted, not kept: the first
    /// ones are kept with their reasons, the last kept one counts the rest,
    /// and what they take stays under the byte budget.
    #[test]
    fn rejected_items_are_kept_up_to_the_budget_and_counted_past_it() {
        let n = 200_000;
        let body = bad_then_good(n, "bad-");
        for d in [
            decode::<EntitlementActivity>(&body).unwrap(),
            crate::decode_streamed::<EntitlementActivity>(body.as_bytes()).unwrap(),
        ] {
            assert_eq!(d.value.records.len(), 5, "the good records are kept");
            assert_eq!(d.issues.len(), MAX_REJECTED_KEPT);
            assert_eq!(d.issues[0].id.as_deref(), Some("bad-0"));
            assert_eq!(d.issues[0].more, 0);
            let last = d.issues.last().unwrap();
            assert_eq!(last.index, MAX_REJECTED_KEPT - 1);
            assert_eq!(last.more, n - MAX_REJECTED_KEPT, "the rest are counted");
            let bytes: usize = d
                .issues
                .iter()
                .map(|i| {
                    std::mem::size_of::<RecordIssue>()
                        + i.message.capacity()
                        + i.id.as_ref().map_or(0, String::capacity)
                })
                .sum();
            assert!(bytes <= MAX_REJECTED_BYTES, "{bytes} bytes kept");
        }
    }

    /// Long ids and serde's messages (which quote the wrong value whole)
    /// are cut, and the byte budget stops keeping before the count does.
    #[test]
    fn a_rejected_items_id_and_message_are_clipped() {
        let long = "x".repeat(1 << 20);
        let body = format!(
            r#"{{"cases": [{{"caseNumber": "{long}", "title": "{long}", "service": 7}}, {{"caseNumber": 1, "title": "{long}"}}]}}"#
        );
        let d = decode::<AdditionalCases>(&body).unwrap();
        assert_eq!(d.issues.len(), 2);
        for i in &d.issues {
            assert!(
                i.message.len() <= MAX_ISSUE_TEXT_BYTES,
                "{}",
                i.message.len()
            );
            assert!(i
                .id
                .as_ref()
                .is_none_or(|s| s.len() <= MAX_ISSUE_TEXT_BYTES));
        }
        assert!(d.issues[0].id.as_deref().unwrap().ends_with('…'));
        assert_eq!(
            clip_text("cittàxxx".into(), 8),
            "citt…",
            "at a char boundary"
        );
        assert_eq!(clip_text("città!".into(), 6), "cit…");
        assert_eq!(clip_text("ab".into(), 5), "ab");
        // Many rejected items whose messages are long: kept by bytes.
        let mut many = String::from(r#"{"cases": ["#);
        for i in 0..MAX_REJECTED_KEPT {
            many.push_str(&format!(
                r#"{{"caseNumber": "{i}{}", "title": 5}},"#,
                "y".repeat(500)
            ));
        }
        many.push_str("1]}");
        let d = decode::<AdditionalCases>(&many).unwrap();
        let kept = d.issues.len();
        assert!(kept < MAX_REJECTED_KEPT, "{kept} kept");
        assert_eq!(kept + d.issues.last().unwrap().more, MAX_REJECTED_KEPT + 1);
    }

    /// Past MAX_ITEMS_KEPT good items, the rest are counted in one issue,
    /// not decoded; the document still decodes, the same on both paths.
    #[test]
    fn items_past_the_budget_are_counted_not_kept() {
        let extra = 3;
        let mut body = String::from(r#"{"cases": ["#);
        for i in 0..MAX_ITEMS_KEPT + extra {
            if i > 0 {
                body.push(',');
            }
            body.push_str(r#"{"caseNumber":"1","title":"t","service":"advisorySupport","reason":"classified","createdAt":"x"}"#);
        }
        body.push_str("]}");
        for d in [
            decode::<AdditionalCases>(&body).unwrap(),
            crate::decode_streamed::<AdditionalCases>(body.as_bytes()).unwrap(),
        ] {
            assert_eq!(d.value.cases.len(), MAX_ITEMS_KEPT);
            assert_eq!(d.issues.len(), 1);
            assert_eq!(d.issues[0].index, MAX_ITEMS_KEPT);
            assert_eq!(d.issues[0].more, extra - 1);
            assert!(d.issues[0].message.contains("250000"));
        }
        // Past the budget an item must still be JSON.
        let broken = body.replacen(r#""x"}]}"#, r#""x"}, {"a": tru}]}"#, 1);
        assert!(decode::<AdditionalCases>(&broken).is_err());
        assert!(crate::decode_streamed::<AdditionalCases>(broken.as_bytes()).is_err());
    }

    #[test]
    fn serialises_as_plain_arrays() {
        let cases = AdditionalCases {
            cases: Lenient::from(vec![]),
        };
        assert_eq!(serde_json::to_string(&cases).unwrap(), r#"{"cases":[]}"#);
    }
}
