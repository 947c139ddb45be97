//! A calendar day (proleptic Gregorian, UTC) as a count of days since
//! 1970-01-01: all the date arithmetic the dataset needs, without a crate.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// Howard Hinnant's days_from_civil.
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Day {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(m);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// Howard Hinnant's civil_from_days.
    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// Parses `YYYY-MM-DD` (a real date only).
    pub fn parse(s: &str) -> Option<Day> {
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let day = Day::from_ymd(y, m, d);
        (day.ymd() == (y, m, d)).then_some(day)
    }

    /// The earliest and latest `--today` the dataset is built for: its dates
    /// reach years before and after today and are written as `YYYY`.
    pub const FIRST_TODAY: (i64, u32, u32) = (1900, 1, 1);
    pub const LAST_TODAY: (i64, u32, u32) = (9899, 12, 31);

    /// Parses a `--today`: a real `YYYY-MM-DD` date within
    /// [`Day::FIRST_TODAY`]..=[`Day::LAST_TODAY`].
    pub fn parse_today(s: &str) -> Result<Day, String> {
        let day = Day::parse(s).ok_or_else(|| format!("{s:?} is not a YYYY-MM-DD date"))?;
        let (first, last) = (
            Day::from_ymd(
                Self::FIRST_TODAY.0,
                Self::FIRST_TODAY.1,
                Self::FIRST_TODAY.2,
            ),
            Day::from_ymd(Self::LAST_TODAY.0, Self::LAST_TODAY.1, Self::LAST_TODAY.2),
        );
        if day < first || day > last {
            return Err(format!(
                "{s} is outside the dates the demo data can be built for ({first} to {last})"
            ));
        }
        Ok(day)
    }

    /// Today in UTC, by the machine's clock.
    pub fn today_utc() -> Day {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Day((secs / 86_400) as i64)
    }

    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    /// An RFC 3339 instant on this day (UTC).
    pub fn at(self, hour: u32, minute: u32) -> String {
        format!("{self}T{:02}:{:02}:00Z", hour % 24, minute % 60)
    }

    /// `YYMMDD`, the prefix of a support case number.
    pub fn case_prefix(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{:02}{m:02}{d:02}", y.rem_euclid(100))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_bad_dates() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(Day::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(
            Day::parse("2026-03-01").unwrap().plus(-1).to_string(),
            "2026-02-28"
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "x",
            "2026-01-01-01",
        ] {
            assert!(Day::parse(bad).is_none(), "{bad}");
        }
        for n in -100_000..100_000 {
            let d = Day(n * 7 + 3);
            let (y, m, dd) = d.ymd();
            assert_eq!(Day::from_ymd(y, m, dd), d);
        }
        assert_eq!(Day::parse("2024-09-16").unwrap().case_prefix(), "240916");
        assert_eq!(Day(0).at(6, 5), "1970-01-01T06:05:00Z");
    }

    #[test]
    fn today_is_bounded_to_what_the_dataset_can_be_built_for() {
        assert!(Day::parse_today("2026-05-14").is_ok());
        for bad in [
            "9999-12-31",
            "9900-01-01",
            "1899-12-31",
            "0000-01-01",
            "2026-02-30",
            "x",
        ] {
            assert!(Day::parse_today(bad).is_err(), "{bad}");
        }
        // The bounds themselves build (the dataset's own dates parse back).
        for edge in ["1900-01-01", "9899-12-31"] {
            let day = Day::parse_today(edge).unwrap();
            let ds = crate::data::Dataset::build(day, false);
            assert_eq!(ds.today, day);
        }
    }
}
