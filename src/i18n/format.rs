//! Locale formatting through the browser's `Intl`, with the formatters
//! cached per locale (building one is far dearer than using it).
//! Browser-only: these call JavaScript.

use super::{unit_word, Locale};
use ca_contract::Unit;
use chrono::{Datelike, NaiveDate};
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn locales(l: Locale) -> Array {
    Array::of1(&JsValue::from_str(l.tag()))
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Date,
    DateLocal,
    DateTime,
}

/// Formatted texts kept per locale, at most this many of each kind: a grid
/// shows the same hours and dates over and over as it scrolls, and a lookup
/// costs far less than a call into `Intl`.
const KEPT: usize = 4096;

/// Texts already formatted, per locale, by what they were made from.
type Kept<K> = RefCell<HashMap<Locale, HashMap<K, String>>>;

/// The text kept for `key` in `l`, else `make`'s, then kept (a locale's
/// texts are all dropped once it holds [`KEPT`]).
fn kept<Q>(
    cache: &'static std::thread::LocalKey<Kept<Q::Owned>>,
    l: Locale,
    key: &Q,
    make: impl FnOnce() -> String,
) -> String
where
    Q: ToOwned + std::hash::Hash + Eq + ?Sized,
    Q::Owned: std::hash::Hash + Eq,
{
    if let Some(t) = cache.with(|m| m.borrow().get(&l).and_then(|m| m.get(key)).cloned()) {
        return t;
    }
    let t = make();
    cache.with(|m| {
        let mut m = m.borrow_mut();
        let m = m.entry(l).or_default();
        if m.len() >= KEPT {
            m.clear();
        }
        m.insert(key.to_owned(), t.clone());
    });
    t
}

thread_local! {
    static NUMS: Kept<u64> = RefCell::new(HashMap::new());
    static DATES: Kept<String> = RefCell::new(HashMap::new());
    static FORMATTERS: RefCell<HashMap<(Locale, Kind), Function>> = RefCell::new(HashMap::new());
    static PLURALS: RefCell<HashMap<Locale, Intl::PluralRules>> = RefCell::new(HashMap::new());
}

fn formatter(l: Locale, k: Kind) -> Function {
    FORMATTERS.with(|m| {
        m.borrow_mut()
            .entry((l, k))
            .or_insert_with(|| match k {
                Kind::Number => Intl::NumberFormat::new(
                    &locales(l),
                    &options(&[("maximumFractionDigits", 2.into())]),
                )
                .format(),
                Kind::Date => Intl::DateTimeFormat::new(
                    &locales(l),
                    &options(&[("dateStyle", "medium".into()), ("timeZone", "UTC".into())]),
                )
                .format(),
                Kind::DateLocal => Intl::DateTimeFormat::new(
                    &locales(l),
                    &options(&[("dateStyle", "medium".into())]),
                )
                .format(),
                Kind::DateTime => Intl::DateTimeFormat::new(
                    &locales(l),
                    &options(&[
                        ("dateStyle", "medium".into()),
                        ("timeStyle", "short".into()),
                    ]),
                )
                .format(),
            })
            .clone()
    })
}

fn call(f: &Function, v: &JsValue) -> String {
    f.call1(&JsValue::NULL, v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A number for reading: grouping and at most two decimals, per locale.
pub fn num(l: Locale, n: f64) -> String {
    kept(&NUMS, l, &n.to_bits(), || {
        call(&formatter(l, Kind::Number), &JsValue::from_f64(n))
    })
}

/// Whether the locale's plural rule puts `n` in the "one" category.
pub fn is_one(l: Locale, n: f64) -> bool {
    PLURALS.with(|m| {
        m.borrow_mut()
            .entry(l)
            .or_insert_with(|| Intl::PluralRules::new(&locales(l), &Object::new()))
            .select(n)
            .as_string()
            .as_deref()
            == Some("one")
    })
}

/// "12.5 hours", "1 ora": a quantity with its unit, plural per locale.
pub fn quantity(l: Locale, n: f64, unit: Unit) -> String {
    format!("{} {}", num(l, n), unit_word(l, unit, is_one(l, n)))
}

/// A calendar date (no time zone shift: it is a day, not an instant).
pub fn date(l: Locale, d: NaiveDate) -> String {
    let ms = js_sys::Date::utc(d.year() as f64, d.month0() as f64);
    let ms = ms + (d.day0() as f64) * 86_400_000.0;
    call(
        &formatter(l, Kind::Date),
        &js_sys::Date::new(&JsValue::from_f64(ms)),
    )
}

/// A contract date or instant as sent: a date reads as a day; an instant
/// reads as the day it falls on in the browser's time zone. Unreadable
/// values are shown as sent.
pub fn any_date(l: Locale, s: &str) -> String {
    kept(&DATES, l, s, || format_any_date(l, s))
}

fn format_any_date(l: Locale, s: &str) -> String {
    if let Some(d) = crate::domain::dates::parse_date(s) {
        return date(l, d);
    }
    match crate::domain::dates::parse_instant_ms(s) {
        Some(ms) => call(
            &formatter(l, Kind::DateLocal),
            &js_sys::Date::new(&JsValue::from_f64(ms as f64)),
        ),
        None => s.to_owned(),
    }
}

/// An instant with its time, in the browser's time zone.
pub fn date_time(l: Locale, s: &str) -> String {
    match crate::domain::dates::parse_instant_ms(s) {
        Some(ms) => call(
            &formatter(l, Kind::DateTime),
            &js_sys::Date::new(&JsValue::from_f64(ms as f64)),
        ),
        None => s.to_owned(),
    }
}

/// "in 15 days", "tra 15 giorni".
pub fn relative_days(l: Locale, days: i64) -> String {
    let f = Intl::RelativeTimeFormat::new(&locales(l), &options(&[("numeric", "auto".into())]));
    f.format(days as f64, "day").as_string().unwrap_or_default()
}

/// Today in the browser's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN)
}

/// Why a Needs attention item is listed, in words: "6 hours over",
/// "3 workshops unused, 15 days left" ("…, ends today"), "runs out on
/// 12 Mar 2027".
pub fn attention_reason(l: Locale, r: &crate::domain::attention::Reason, unit: Unit) -> String {
    use crate::domain::attention::Reason;
    match *r {
        Reason::Over { amount } => super::over_text(l, &quantity(l, amount, unit)),
        Reason::RunsOut { date: d } => super::runs_out_on(l, &date(l, d)),
        Reason::Unused { amount, days_left } => {
            let days = (days_left > 0).then(|| {
                super::days_left(l, &num(l, days_left as f64), is_one(l, days_left as f64))
            });
            super::unused_text(
                l,
                &quantity(l, amount, unit),
                unit,
                is_one(l, amount),
                days.as_deref(),
            )
        }
    }
}

/// What is left of an entitlement (or a tile's total), in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Left {
    /// "Remaining: 28 hours": a quantity left.
    Remaining(String),
    /// "2 hours over": consumed beyond what was purchased.
    Over(String),
}

impl Left {
    /// The text, whichever it is.
    pub fn text(&self) -> &str {
        match self {
            Left::Remaining(s) | Left::Over(s) => s,
        }
    }

    pub fn is_over(&self) -> bool {
        matches!(self, Left::Over(_))
    }
}

/// A usage in words, the one way every view writes it (tiles, package
/// cards, the tile's entitlements, the drilldown's total).
#[derive(Debug, Clone, PartialEq)]
pub struct UsageTexts {
    /// "12 hours".
    pub consumed: String,
    /// "40 hours", or "As needed" when nothing was purchased as a cap.
    pub purchased: String,
    /// "12 of 40 hours", or "12 hours · As needed".
    pub consumed_of: String,
    /// What is left, or the overage; `None` for As needed.
    pub left: Option<Left>,
}

/// The words of a usage in `unit`.
pub fn usage_texts(
    l: Locale,
    u: crate::domain::usage::Usage,
    unit: ca_contract::Unit,
) -> UsageTexts {
    let consumed = quantity(l, u.consumed, unit);
    let (purchased, consumed_of) = match u.purchased {
        Some(p) => {
            let p = quantity(l, p, unit);
            let of = super::of_text(l, &consumed, &p);
            (p, of)
        }
        None => {
            let a = l.t(super::Msg::AsNeeded);
            (a.to_owned(), format!("{consumed} · {a}"))
        }
    };
    let left = match (u.over(), u.remaining()) {
        (Some(o), _) => Some(Left::Over(super::over_text(l, &quantity(l, o, unit)))),
        (None, Some(r)) => Some(Left::Remaining(quantity(l, r, unit))),
        (None, None) => None,
    };
    UsageTexts {
        consumed,
        purchased,
        consumed_of,
        left,
    }
}
