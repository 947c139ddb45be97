//! Calendar dates and instants of the contract, read leniently: a value that
//! does not parse is `None`, and `validate` reports it.

use chrono::{DateTime, NaiveDate};

/// Parses a contract calendar date (`YYYY-MM-DD`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Parses an RFC 3339 instant; returns milliseconds since the epoch.
pub fn parse_instant_ms(s: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|d| d.timestamp_millis())
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
    if let Some(d) = parse_date(s) {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|d| d.to_utc().format("%Y-%m-%d").to_string())
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
}
