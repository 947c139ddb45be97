//! Lenient decoding: a document decodes as long as its own shape is right;
//! a malformed item of one of its arrays is set aside with the reason, so the
//! page can show what loaded and report what did not.

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;
use std::ops::Deref;

/// One item of a list that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordIssue {
    /// The list it came from (`entitlements`, `records`, ...).
    pub list: &'static str,
    /// Its position in that list (0-based).
    pub index: usize,
    /// Its id (or case number) when one could be read.
    pub id: Option<String>,
    /// What is wrong with it, in serde's words.
    pub message: String,
}

/// A list whose malformed items are kept aside instead of failing the whole
/// document. Serialises as a plain JSON array of the good items.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient<T> {
    pub items: Vec<T>,
    pub rejected: Vec<RecordIssue>,
}

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            rejected: Vec::new(),
        }
    }
}

impl<T> From<Vec<T>> for Lenient<T> {
    fn from(items: Vec<T>) -> Self {
        Self {
            items,
            rejected: Vec::new(),
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

impl<T: Item> Lenient<T> {
    /// Decodes one item's JSON text into the list, or sets it aside with
    /// the reason. `index` is its position in the list as sent. Fails only
    /// when the text is not JSON at all: then the document is not either.
    pub fn push_item(&mut self, index: usize, text: &str) -> Result<(), serde_json::Error> {
        match T::decode_item(text) {
            Ok(v) => self.items.push(v),
            Err(e) if e.is_syntax() || e.is_eof() => return Err(e),
            Err(e) => {
                // Decoding may stop at the first wrong value; the rest of
                // the text must still be JSON.
                let id = match serde_json::from_str::<ItemIds>(text) {
                    Ok(ids) => ids.id.or(ids.case_number),
                    // Not an object: no id, but it must still be JSON.
                    Err(_) => {
                        serde_json::from_str::<IgnoredAny>(text)?;
                        None
                    }
                };
                self.rejected.push(RecordIssue {
                    list: "",
                    index,
                    id,
                    message: e.to_string(),
                })
            }
        }
        Ok(())
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
                let mut out = Lenient {
                    items: Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096)),
                    rejected: Vec::new(),
                };
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

fn label<T>(list: &'static str, l: &mut Lenient<T>) -> Vec<RecordIssue> {
    std::mem::take(&mut l.rejected)
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

    #[test]
    fn serialises_as_plain_arrays() {
        let cases = AdditionalCases {
            cases: Lenient::from(vec![]),
        };
        assert_eq!(serde_json::to_string(&cases).unwrap(), r#"{"cases":[]}"#);
    }
}
