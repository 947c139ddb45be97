//! Calendar dates and instants of the contract, read leniently: a value that
//! does not parse is `None`, and `validate` reports it.
//!
//! The parsers are hand-written rather than chrono's `parse_from_str` /
//! `parse_from_rfc3339` / `format`: those pull chrono's whole strftime
//! machinery (and RFC 2822) into the wasm. They accept exactly what chrono's
//! did (a test compares them with chrono on generated input).

use chrono::{Datelike, NaiveDate};

/// Parses a contract calendar date (`YYYY-MM-DD`), as chrono's
/// `NaiveDate::parse_from_str(s, "%Y-%m-%d")` did: the year has 1 to 4
/// digits, or a sign and any number; month and day 1 or 2 digits; white
/// space may precede each number.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (year, s) = year_field(s)?;
    let s = s.strip_prefix('-')?;
    let (month, s) = number(s.trim_start(), 2)?;
    let s = s.strip_prefix('-')?;
    let (day, s) = number(s.trim_start(), 2)?;
    if !s.is_empty() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month as u32, day as u32)
}

/// chrono's signed `%Y`: `-`/`+` and 1+ digits, or 1 to 4 digits.
fn year_field(s: &str) -> Option<(i64, &str)> {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('-') {
        let (v, rest) = number(rest, usize::MAX)?;
        Some((-v, rest))
    } else if let Some(rest) = s.strip_prefix('+') {
        number(rest, usize::MAX)
    } else {
        number(s, 4)
    }
}

/// 1 to `max` ASCII digits (chrono's `scan::number(s, 1, max)`).
fn number(s: &str, max: usize) -> Option<(i64, &str)> {
    let b = s.as_bytes();
    let n = b
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n == 0 {
        return None;
    }
    let mut v = 0i64;
    for c in &b[..n] {
        v = v.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
    }
    Some((v, &s[n..]))
}

/// An RFC 3339 instant as chrono's `DateTime::parse_from_rfc3339` reads it:
/// the UTC seconds since the epoch and the nanoseconds (≥ 10⁹ on a leap
/// second).
fn parse_rfc3339(s: &str) -> Option<(i64, u32)> {
    let b = s.as_bytes();
    if b.len() < 19 {
        return None;
    }
    let digit = |i: usize| {
        let c = b[i];
        c.is_ascii_digit().then(|| u32::from(c - b'0'))
    };
    let two = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    let year = two(0)? * 100 + two(2)?;
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year as i32, two(5)?, two(8)?)?;
    let (hour, min, sec) = (two(11)?, two(14)?, two(17)?);
    // A leap second reads as :59 with a second's worth of extra nanoseconds.
    let (sec, mut nano) = if sec == 60 {
        (59, 1_000_000_000)
    } else {
        (sec, 0)
    };
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        let mut v = 0u32;
        for (i, c) in frac.bytes().take(9).enumerate().take(n) {
            v += u32::from(c - b'0') * 10u32.pow(8 - i as u32);
        }
        nano += v;
        rest = &frac[n..];
    }
    if hour >= 24 || min >= 60 || sec >= 60 {
        return None;
    }
    let offset = offset_seconds(rest)?;
    let days = i64::from(date.num_days_from_ce()) - 719_163;
    let local = days * 86_400 + i64::from(hour * 3600 + min * 60 + sec);
    Some((local - offset, nano))
}

/// `Z`, or `+HH:MM` / `-HH:MM` / `−HH:MM` (U+2212) with HH ≤ 23 and MM ≤ 59,
/// and nothing after it.
fn offset_seconds(s: &str) -> Option<i64> {
    if matches!(s, "Z" | "z") {
        return Some(0);
    }
    let (sign, s) = if let Some(r) = s.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        (-1, r)
    } else {
        return None;
    };
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' || !b[..2].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if !matches!(b[3], b'0'..=b'5') || !b[4].is_ascii_digit() {
        return None;
    }
    let hours = i64::from((b[0] - b'0') * 10 + (b[1] - b'0'));
    let minutes = i64::from((b[3] - b'0') * 10 + (b[4] - b'0'));
    let secs = hours * 3600 + minutes * 60;
    (secs < 86_400).then_some(sign * secs)
}

/// Parses an RFC 3339 instant; returns milliseconds since the epoch.
pub fn parse_instant_ms(s: &str) -> Option<i64> {
    parse_rfc3339(s.trim()).map(|(secs, nano)| secs * 1000 + i64::from(nano / 1_000_000))
}

/// A sortable, comparable time for a record field that may be a date or an
/// instant: milliseconds since the epoch (dates at UTC midnight).
pub fn parse_any_ms(s: &str) -> Option<i64> {
    parse_instant_ms(s).or_else(|| {
        parse_date(s)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc().timestamp_millis())
    })
}

/// Whole days from `today` to `day` (negative when `day` is past).
pub fn days_until(today: NaiveDate, day: NaiveDate) -> i64 {
    (day - today).num_days()
}

/// Whether `today` lies within `[start, end]`, both inclusive.
pub fn within(today: NaiveDate, start: NaiveDate, end: NaiveDate) -> bool {
    start <= today && today <= end
}

/// ISO calendar date (`YYYY-MM-DD`) of an RFC 3339 instant or a date, for CSV.
pub fn iso_date(s: &str) -> Option<String> {
    day_of(s).map(iso)
}

/// The day of a date (`YYYY-MM-DD`) or of an instant (its UTC day).
pub fn day_of(s: &str) -> Option<NaiveDate> {
    if let Some(d) = parse_date(s) {
        return Some(d);
    }
    let (secs, _) = parse_rfc3339(s.trim())?;
    let days = i32::try_from(secs.div_euclid(86_400) + 719_163).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// `YYYY-MM-DD`, as chrono's `format("%Y-%m-%d")` writes it (a year outside
/// 0..=9999 gets a sign and at least four digits).
pub fn iso(d: NaiveDate) -> String {
    let y = d.year();
    let (m, day) = (d.month(), d.day());
    if (0..10_000).contains(&y) {
        format!("{y:04}-{m:02}-{day:02}")
    } else {
        format!("{y:+05}-{m:02}-{day:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn boundaries_are_inclusive() {
        let cases = [
            ("2026-01-01", "2026-01-01", "2026-12-31", true),
            ("2026-12-31", "2026-01-01", "2026-12-31", true),
            ("2025-12-31", "2026-01-01", "2026-12-31", false),
            ("2027-01-01", "2026-01-01", "2026-12-31", false),
        ];
        for (today, s, e, want) in cases {
            assert_eq!(within(d(today), d(s), d(e)), want, "{today} in {s}..{e}");
        }
    }

    #[test]
    fn parses_leniently() {
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("31/12/2026").is_none());
        assert_eq!(parse_any_ms("1970-01-02"), Some(86_400_000));
        assert_eq!(parse_any_ms("1970-01-01T00:00:01Z"), Some(1000));
        assert_eq!(
            iso_date("2026-10-01T23:30:00-02:00").as_deref(),
            Some("2026-10-02")
        );
        assert_eq!(days_until(d("2026-11-27"), d("2026-12-01")), 4);
    }

    /// The hand-written parsers accept and return exactly what chrono's did.
    mod chrono_agrees {
        use super::super::*;
        use chrono::DateTime;
        use proptest::prelude::*;

        fn chrono_date(s: &str) -> Option<NaiveDate> {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
        }
        fn chrono_ms(s: &str) -> Option<i64> {
            DateTime::parse_from_rfc3339(s.trim())
                .ok()
                .map(|d| d.timestamp_millis())
        }
        fn chrono_iso(s: &str) -> Option<String> {
            if let Some(d) = chrono_date(s) {
                return Some(d.format("%Y-%m-%d").to_string());
            }
            DateTime::parse_from_rfc3339(s.trim())
                .ok()
                .map(|d| d.to_utc().format("%Y-%m-%d").to_string())
        }
        fn check(s: &str) {
            assert_eq!(parse_date(s), chrono_date(s), "date {s:?}");
            assert_eq!(parse_instant_ms(s), chrono_ms(s), "instant {s:?}");
            assert_eq!(iso_date(s), chrono_iso(s), "iso {s:?}");
        }

        #[test]
        fn on_edge_cases() {
            for s in [
                "2026-01-01",
                " 2026-1-5 ",
                "26-01-01",
                "0-1-1",
                "+2026-01-01",
                "-0001-12-31",
                "+12345-06-07",
                "99999999999999999999-01-01",
                "2026- 1- 5",
                "2026-01-01x",
                "2026-13-01",
                "2026-00-10",
                "2024-02-29",
                "2025-02-29",
                "2026-01-001",
                "",
                "2026-01-01T00:00:00Z",
                "2026-01-01t00:00:00z",
                "2026-01-01 23:59:60Z",
                "2026-12-31T23:59:60.999999999999-00:00",
                "1969-12-31T23:59:59.9995Z",
                "1970-01-01T00:00:00+23:59",
                "1970-01-01T00:00:00+24:00",
                "0000-01-01T00:00:00+01:00",
                "9999-12-31T23:00:00-02:00",
                "2026-01-01T00:00:00\u{2212}05:30",
                "2026-01-01T24:00:00Z",
                "2026-01-01T00:60:00Z",
                "2026-01-01T00:00:61Z",
                "2026-01-01T00:00:00.Z",
                "2026-01-01T00:00:00+0530",
                "2026-01-01T00:00:00+05:60",
                "2026-01-01T00:00:00+05:3",
                "2026-01-01T00:00:00",
                "2026-01-01T00:00:00ZZ",
                "2026-01-01T00:00:00+05:30 ",
                "2026-10-01T23:30:00-02:00",
                "2026-02-30T00:00:00Z",
                "é026-01-01T00:00:00Z",
                "2026-01-01T00:00:00é",
                "2026-01-01T00:00:00.é",
            ] {
                check(s);
            }
        }

        fn piece() -> impl Strategy<Value = String> {
            prop_oneof![
                "[0-9]{1,5}",
                Just("-".to_owned()),
                Just(":".to_owned()),
                Just("T".to_owned()),
                Just("Z".to_owned()),
                Just("+".to_owned()),
                Just(".".to_owned()),
                Just(" ".to_owned()),
                Just("\u{2212}".to_owned()),
                "[0-9]{4}-[0-9]{2}-[0-9]{2}",
                "[0-9]{2}:[0-9]{2}:[0-9]{2}",
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2048, failure_persistence: None, ..ProptestConfig::default() })]
            #[test]
            fn on_generated_strings(parts in prop::collection::vec(piece(), 0..8)) {
                check(&parts.concat());
            }

            #[test]
            fn on_well_formed_instants(
                y in 0u32..10_000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..61,
                se in 0u32..62, frac in "(\\.[0-9]{0,12})?", off in "Z|z|[+-][0-2][0-9]:[0-6][0-9]",
                sep in "[Tt ]",
            ) {
                check(&format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{se:02}{frac}{off}"));
                check(&format!("{y:04}-{mo:02}-{d:02}"));
            }
        }
    }
}
