//! Shared strings for the repeated values of long lists.
//!
//! A list of 100,000 records names the same few contacts, products,
//! workspaces and courses over and over. Decoded as `String`s, each
//! occurrence is an allocation of its own; decoded through [`intern`], each
//! distinct value is allocated once and every record holding it shares it
//! (an [`Arc<str>`], also 4 bytes smaller than a `String` in wasm32).
//!
//! The table of known values is per thread and bounded ([`CAPACITY`]): a
//! field whose values are all different fills it once and is then simply
//! allocated per value, as a `String` would be.

use serde::de::{Deserializer, Error, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// A string decoded once per distinct value.
pub type Shared = Arc<str>;

/// The most values the table keeps.
pub const CAPACITY: usize = 4096;

/// FNV-1a: these keys are short, and SipHash's resistance to chosen keys
/// buys nothing in a bounded table of one page's data.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashSet<Shared, BuildHasherDefault<Fnv>>;

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The shared copy of `s`.
pub fn intern(s: &str) -> Shared {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(known) = t.get(s) {
            return known.clone();
        }
        let new: Shared = Arc::from(s);
        if t.len() < CAPACITY {
            t.insert(new.clone());
        }
        new
    })
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Shared;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<Shared, E> {
        Ok(intern(v))
    }
}

struct OptVisitor;

impl<'de> Visitor<'de> for OptVisitor {
    type Value = Option<Shared>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or null")
    }
    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(StrVisitor).map(Some)
    }
}

/// `#[serde(deserialize_with = "intern::string")]` for a `Shared` field.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
    d.deserialize_str(StrVisitor)
}

/// `#[serde(default, deserialize_with = "intern::optional")]` for an
/// `Option<Shared>` field.
pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Shared>, D::Error> {
    d.deserialize_option(OptVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_share_one_allocation() {
        let a = intern("Contoso Ltd");
        let b = intern(&String::from("Contoso Ltd"));
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*a, "Contoso Ltd");
        assert!(!Arc::ptr_eq(&a, &intern("Contoso")));
    }

    #[test]
    fn the_table_is_bounded_and_values_stay_right_past_it() {
        for i in 0..CAPACITY + 100 {
            let s = format!("unique value {i}");
            assert_eq!(&*intern(&s), s);
        }
        TABLE.with(|t| assert!(t.borrow().len() <= CAPACITY));
        // Past the bound a value is still decoded, just not shared.
        let s = format!("unique value {}", CAPACITY + 50);
        assert_eq!(&*intern(&s), s);
    }

    #[test]
    fn fields_decode_through_the_table() {
        #[derive(serde::Deserialize)]
        struct R {
            #[serde(deserialize_with = "string")]
            a: Shared,
            #[serde(default, deserialize_with = "optional")]
            b: Option<Shared>,
            #[serde(default, deserialize_with = "optional")]
            c: Option<Shared>,
        }
        let r: Vec<R> = serde_json::from_str(
            r#"[{"a":"x\u00e9","b":"Prod"},{"a":"xé","b":null},{"a":"y","c":"Prod"}]"#,
        )
        .unwrap();
        assert_eq!(&*r[0].a, "xé");
        assert!(Arc::ptr_eq(&r[0].a, &r[1].a));
        assert_eq!(r[1].b, None);
        assert!(Arc::ptr_eq(
            r[0].b.as_ref().unwrap(),
            r[2].c.as_ref().unwrap()
        ));
        assert!(serde_json::from_str::<R>(r#"{"a":1}"#).is_err());
        assert!(serde_json::from_str::<R>(r#"{"a":"x","b":2}"#).is_err());
    }
}
