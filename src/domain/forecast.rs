//! The consumption pace of an entitlement and what it foretells.
//!
//! Rule for "too few to say": a forecast needs at least
//! [`MIN_RECORDS`] dated records spanning at least [`MIN_SPAN_DAYS`] days;
//! otherwise none is shown. The pace is the consumption recorded from the
//! start of the period (the package's or contract's start, or the first
//! record if earlier) to today, divided by the days elapsed: an average over
//! the whole period, so a burst does not swing it.

use super::dates::parse_any_ms;
use super::grid::record_date;
use super::usage::round2;
use ca_contract::ActivityRecord;
use chrono::{Days, NaiveDate};

pub const MIN_RECORDS: usize = 3;
pub const MIN_SPAN_DAYS: i64 = 14;
const DAY_MS: i64 = 86_400_000;

/// What the pace foretells by the end of the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// At this pace the entitlement runs out on `date`, before it ends.
    RunsOut { date: NaiveDate },
    /// At this pace `amount` is left unused when it ends.
    LeftUnused { amount: f64 },
    /// Nothing remains already.
    Exhausted,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Forecast {
    /// Units consumed per day, on average.
    pub per_day: f64,
    pub outcome: Outcome,
}

/// Cumulative consumption over time: `(ms since epoch, running total)`,
/// one point per dated record in time order.
pub fn cumulative(records: &[ActivityRecord]) -> Vec<(i64, f64)> {
    let mut pts: Vec<(i64, f64)> = records
        .iter()
        .filter_map(|r| Some((parse_any_ms(record_date(r)?)?, r.quantity())))
        .filter(|(_, q)| q.is_finite())
        .collect();
    pts.sort_by_key(|p| p.0);
    let mut total = 0.0;
    for p in &mut pts {
        total += p.1;
        p.1 = round2(total);
    }
    pts
}

/// The points of a line worth drawing: at most four per `buckets`-th of
/// the time range (the first, lowest, highest and last point in it), in
/// time order. With at least as many buckets as the chart has pixel
/// columns, the line covers the same pixels as with every point; a long
/// list has a hundred times more points than that. `points` are in time
/// order.
pub fn thin(points: &[(i64, f64)], buckets: usize) -> Vec<(i64, f64)> {
    if buckets == 0 || points.len() <= 4 * buckets {
        return points.to_vec();
    }
    let x0 = points[0].0;
    let span = (points[points.len() - 1].0 - x0).max(1) as f64;
    let bucket = |x: i64| ((((x - x0) as f64 / span) * buckets as f64) as usize).min(buckets - 1);
    let mut out = Vec::with_capacity(4 * buckets);
    let mut i = 0;
    while i < points.len() {
        let b = bucket(points[i].0);
        let (mut lo, mut hi, mut j) = (i, i, i);
        while j < points.len() && bucket(points[j].0) == b {
            if points[j].1 < points[lo].1 {
                lo = j;
            }
            if points[j].1 > points[hi].1 {
                hi = j;
            }
            j += 1;
        }
        let mut keep = [i, lo, hi, j - 1];
        keep.sort_unstable();
        for (n, &k) in keep.iter().enumerate() {
            if n == 0 || keep[n - 1] != k {
                out.push(points[k]);
            }
        }
        i = j;
    }
    out
}

/// The forecast for a capped entitlement of the period `[start, end]`, or
/// `None` when there is no cap, the period is over or not begun, or there
/// are too few records to say.
pub fn forecast(
    series: &[(i64, f64)],
    purchased: Option<f64>,
    consumed: f64,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Option<Forecast> {
    let purchased = purchased?;
    if today > end || today < start {
        return None;
    }
    if consumed >= purchased && purchased >= 0.0 {
        return Some(Forecast {
            per_day: 0.0,
            outcome: Outcome::Exhausted,
        });
    }
    let (first, last) = (series.first()?.0, series.last()?.0);
    if series.len() < MIN_RECORDS || (last - first) / DAY_MS < MIN_SPAN_DAYS {
        return None;
    }
    let start_ms = start
        .and_hms_opt(0, 0, 0)?
        .and_utc()
        .timestamp_millis()
        .min(first);
    project(purchased, consumed, start_ms, end, today)
}

/// A forecast for a package card, from the entitlement's total alone: the
/// pace is what was consumed since the period began over the days elapsed.
/// None when the period is over or not begun, uncapped, or younger than
/// [`MIN_SPAN_DAYS`] days (too early to say).
pub fn forecast_from_total(
    purchased: Option<f64>,
    consumed: f64,
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Option<Forecast> {
    let purchased = purchased?;
    if today > end || today < start || !purchased.is_finite() || !consumed.is_finite() {
        return None;
    }
    if consumed >= purchased && purchased >= 0.0 {
        return Some(Forecast {
            per_day: 0.0,
            outcome: Outcome::Exhausted,
        });
    }
    if (today - start).num_days() < MIN_SPAN_DAYS {
        return None;
    }
    let start_ms = start.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
    project(purchased, consumed, start_ms, end, today)
}

/// Projects the average pace since `since_ms` (or the period start if
/// earlier) to the end of the period.
fn project(
    purchased: f64,
    consumed: f64,
    since_ms: i64,
    end: NaiveDate,
    today: NaiveDate,
) -> Option<Forecast> {
    let today_ms = today.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis() + DAY_MS;
    let elapsed_days = ((today_ms - since_ms) as f64 / DAY_MS as f64).max(1.0);
    let per_day = consumed / elapsed_days;
    let remaining = purchased - consumed;
    let days_left = (end - today).num_days() as f64;
    if per_day > 0.0 && remaining / per_day < days_left {
        let run_out = today.checked_add_days(Days::new((remaining / per_day).ceil() as u64))?;
        Some(Forecast {
            per_day,
            outcome: Outcome::RunsOut { date: run_out },
        })
    } else {
        Some(Forecast {
            per_day,
            outcome: Outcome::LeftUnused {
                amount: round2(remaining - per_day * days_left),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thin_keeps_a_short_line_whole() {
        let pts: Vec<(i64, f64)> = (0..40).map(|i| (i * 10, i as f64)).collect();
        assert_eq!(thin(&pts, 10), pts);
        assert_eq!(thin(&pts, 0), pts);
        assert!(thin(&[], 10).is_empty());
    }

    #[test]
    fn thin_keeps_each_buckets_ends_and_extremes() {
        // 10,000 points over 0..100,000 ms, up and down, in 50 buckets.
        let pts: Vec<(i64, f64)> = (0..10_000)
            .map(|i| (i * 10, ((i * 7919) % 1000) as f64 - (i % 3) as f64))
            .collect();
        let out = thin(&pts, 50);
        assert!(out.len() <= 200, "{} points", out.len());
        assert_eq!(out.first(), pts.first());
        assert_eq!(out.last(), pts.last());
        assert!(
            out.windows(2).all(|w| w[0].0 < w[1].0),
            "in time order, no repeats"
        );
        assert!(
            out.iter().all(|p| pts.contains(p)),
            "only points of the line"
        );
        // Every bucket's lowest and highest point is kept.
        for b in 0..50i64 {
            let inb: Vec<_> = pts
                .iter()
                .filter(|p| p.0 * 50 / 99_990 == b || (b == 49 && p.0 == 99_990))
                .collect();
            let lo = inb.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let hi = inb.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
            assert!(
                out.iter().any(|p| p.1 == lo && inb.contains(&p)),
                "bucket {b} low"
            );
            assert!(
                out.iter().any(|p| p.1 == hi && inb.contains(&p)),
                "bucket {b} high"
            );
        }
    }

    use super::*;
    use crate::domain::fixtures::*;

    fn series(points: &[(&str, f64)]) -> Vec<ActivityRecord> {
        points
            .iter()
            .enumerate()
            .map(|(i, (d, q))| sr(&i.to_string(), d, *q, "t"))
            .collect()
    }

    #[test]
    fn card_forecast_from_the_total() {
        let (s, e) = (day("2026-01-01"), day("2026-12-31"));
        // 50 of 100 in the first half: runs out just before the end.
        let f = forecast_from_total(Some(100.0), 50.0, s, e, day("2026-06-30")).unwrap();
        assert!(
            matches!(f.outcome, Outcome::RunsOut { date } if date > day("2026-12-01") && date <= e),
            "{f:?}"
        );
        // 10 of 100 in half a year: most left unused.
        let f = forecast_from_total(Some(100.0), 10.0, s, e, day("2026-06-30")).unwrap();
        assert!(
            matches!(f.outcome, Outcome::LeftUnused { amount } if amount > 75.0),
            "{f:?}"
        );
        assert_eq!(
            forecast_from_total(Some(100.0), 10.0, s, e, day("2026-01-10")),
            None,
            "too early"
        );
        assert_eq!(
            forecast_from_total(None, 10.0, s, e, day("2026-06-30")),
            None,
            "as needed"
        );
        assert_eq!(
            forecast_from_total(Some(100.0), 10.0, s, e, day("2027-01-01")),
            None,
            "over"
        );
        assert_eq!(
            forecast_from_total(Some(5.0), 6.0, s, e, day("2026-06-30"))
                .unwrap()
                .outcome,
            Outcome::Exhausted
        );
    }

    #[test]
    fn cumulative_is_sorted_and_skips_undated() {
        let r = series(&[
            ("2026-02-01T00:00:00Z", 1.0),
            ("2026-01-01T00:00:00Z", 2.5),
            ("bad", 9.0),
        ]);
        let c = cumulative(&r);
        assert_eq!(c.iter().map(|p| p.1).collect::<Vec<_>>(), [2.5, 3.5]);
        assert!(c[0].0 < c[1].0);
    }

    #[test]
    fn steady_pace_runs_out_before_the_end() {
        // 10 a month from Jan 1 to Jul 1 (60), 100 purchased, ends Dec 31.
        let r = series(&[
            ("2026-01-15T00:00:00Z", 10.0),
            ("2026-02-15T00:00:00Z", 10.0),
            ("2026-03-15T00:00:00Z", 10.0),
            ("2026-04-15T00:00:00Z", 10.0),
            ("2026-05-15T00:00:00Z", 10.0),
            ("2026-06-15T00:00:00Z", 10.0),
        ]);
        let f = forecast(
            &cumulative(&r),
            Some(100.0),
            60.0,
            day("2026-01-01"),
            day("2026-12-31"),
            day("2026-07-01"),
        )
        .unwrap();
        let Outcome::RunsOut { date } = f.outcome else {
            panic!("{f:?}")
        };
        assert!(
            date > day("2026-09-01") && date < day("2026-11-15"),
            "{date}"
        );
    }

    #[test]
    fn slow_pace_leaves_some_unused() {
        let r = series(&[
            ("2026-01-10T00:00:00Z", 1.0),
            ("2026-02-10T00:00:00Z", 1.0),
            ("2026-03-10T00:00:00Z", 1.0),
        ]);
        let f = forecast(
            &cumulative(&r),
            Some(100.0),
            3.0,
            day("2026-01-01"),
            day("2026-12-31"),
            day("2026-06-30"),
        )
        .unwrap();
        let Outcome::LeftUnused { amount } = f.outcome else {
            panic!("{f:?}")
        };
        assert!(amount > 90.0 && amount < 97.0, "{amount}");
    }

    #[test]
    fn bursty_pace_uses_the_whole_period() {
        let r = series(&[
            ("2026-01-02T00:00:00Z", 1.0),
            ("2026-01-03T00:00:00Z", 1.0),
            ("2026-06-01T00:00:00Z", 48.0),
        ]);
        let f = forecast(
            &cumulative(&r),
            Some(100.0),
            50.0,
            day("2026-01-01"),
            day("2026-12-31"),
            day("2026-06-30"),
        )
        .unwrap();
        assert!((f.per_day - 50.0 / 181.0).abs() < 0.01, "{}", f.per_day);
    }

    #[test]
    fn none_when_too_few_uncapped_or_over() {
        let (s, e, t) = (day("2026-01-01"), day("2026-12-31"), day("2026-06-30"));
        assert_eq!(forecast(&[], Some(10.0), 0.0, s, e, t), None, "no records");
        let two = cumulative(&series(&[
            ("2026-01-10T00:00:00Z", 1.0),
            ("2026-05-10T00:00:00Z", 1.0),
        ]));
        assert_eq!(forecast(&two, Some(10.0), 2.0, s, e, t), None, "too few");
        let close = cumulative(&series(&[
            ("2026-05-01T00:00:00Z", 1.0),
            ("2026-05-02T00:00:00Z", 1.0),
            ("2026-05-03T00:00:00Z", 1.0),
        ]));
        assert_eq!(
            forecast(&close, Some(10.0), 3.0, s, e, t),
            None,
            "span too short"
        );
        assert_eq!(forecast(&two, None, 2.0, s, e, t), None, "as needed");
        assert_eq!(
            forecast(&two, Some(10.0), 2.0, s, e, day("2027-01-01")),
            None,
            "expired"
        );
        assert_eq!(
            forecast(&two, Some(2.0), 3.0, s, e, t).unwrap().outcome,
            Outcome::Exhausted
        );
    }
}
