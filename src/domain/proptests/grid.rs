//! Sort, usage and forecast.

use super::gen::*;
use super::*;

// --------------------------------------------------------------------- sort

/// What a cell sorts by, as the grid documents it: folded text, enum words,
/// finite numbers, parseable dates; anything else sorts last.
#[derive(Debug, PartialEq, PartialOrd)]
enum Key {
    Num(f64),
    Text(String),
}

fn key(c: Cell<'_>) -> Option<Key> {
    match c {
        Cell::Text(s) => Some(Key::Text(fold(s))),
        Cell::Enum(w) => Some(Key::Text(fold(&label(w)))),
        Cell::Num(n) if n.is_finite() => Some(Key::Num(n)),
        Cell::Date(s) => parse_any_ms(s).map(|ms| Key::Num(ms as f64)),
        _ => None,
    }
}

fn check_sorted<R: GridRow>(rows: &[R], col: ColId, dir: SortDir) -> Result<(), TestCaseError> {
    let order = sort_order(rows, Some(SortSpec { col, dir }), &label);
    let mut sorted = order.clone();
    sorted.sort_unstable();
    prop_assert_eq!(
        sorted,
        (0..rows.len() as u32).collect::<Vec<_>>(),
        "a permutation"
    );
    for w in order.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ka, kb) = (
            key(rows[a as usize].cell(col)),
            key(rows[b as usize].cell(col)),
        );
        match (&ka, &kb) {
            (None, None) => prop_assert!(a < b, "unreadable values keep API order"),
            (None, Some(_)) => prop_assert!(false, "unreadable before readable: {:?}", order),
            (Some(_), None) => {}
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(y);
                let o = if dir == SortDir::Desc {
                    o.map(|o| o.reverse())
                } else {
                    o
                };
                match o {
                    Some(std::cmp::Ordering::Less) => {}
                    Some(std::cmp::Ordering::Equal) => {
                        prop_assert!(a < b, "ties keep API order: {} before {}", a, b)
                    }
                    other => prop_assert!(
                        false,
                        "{:?} before {:?} ({:?}) by {:?} {:?}",
                        ka,
                        kb,
                        other,
                        col,
                        dir
                    ),
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Sorting by any column, either way, is a stable permutation with
    /// unreadable values last.
    #[test]
    fn sort_order_is_a_stable_permutation(
        rows in prop::collection::vec(record(), 0..24),
        cases in prop::collection::vec(additional_case(), 0..12),
    ) {
        for kind in RecordKind::ALL {
            for col in columns(kind) {
                for dir in [SortDir::Asc, SortDir::Desc] {
                    check_sorted(&rows, *col, dir)?;
                }
            }
        }
        for col in CASE_COLUMNS {
            for dir in [SortDir::Asc, SortDir::Desc] {
                check_sorted(&cases, *col, dir)?;
            }
        }
        prop_assert_eq!(sort_order(&rows, None, &label), (0..rows.len() as u32).collect::<Vec<_>>());
    }
}

// ------------------------------------------------------------ Filter rows

/// A query word drawn from a row's own text (so that queries often match),
/// or from a small alphabet (so that they often don't).
fn query_from(hay: &[String], pick: usize, from: usize, len: usize, noise: &str) -> String {
    let Some(h) = (!hay.is_empty()).then(|| &hay[pick % hay.len()]) else {
        return noise.to_owned();
    };
    let chars: Vec<char> = h.chars().filter(|c| *c != '\u{1f}').collect();
    let from = from % (chars.len() + 1);
    let s: String = chars[from..(from + len).min(chars.len())].iter().collect();
    format!("{s}{noise}")
}

proptest! {
    #![proptest_config(config())]

    /// The index holds, row by row, exactly the haystacks, however many
    /// steps it is built in.
    #[test]
    fn search_index_is_the_haystacks(
        rows in prop::collection::vec(record(), 0..24),
        cases in prop::collection::vec(additional_case(), 0..12),
        step in 1usize..7,
    ) {
        for kind in RecordKind::ALL {
            let cols = columns(kind);
            let hay = haystacks(&rows, cols, &label);
            let mut ix = SearchIndex::with_capacity(0);
            let mut steps = 0;
            while !ix.extend(&rows, cols, &label, step) {
                steps += 1;
                prop_assert!(steps <= rows.len(), "progress");
            }
            prop_assert_eq!(ix.indexed(), rows.len());
            for (i, h) in hay.iter().enumerate() {
                prop_assert_eq!(ix.row(i), h.as_str());
            }
        }
        let hay = haystacks(&cases, CASE_COLUMNS, &label);
        let ix = SearchIndex::build(&cases, CASE_COLUMNS, &label);
        for (i, h) in hay.iter().enumerate() {
            prop_assert_eq!(ix.row(i), h.as_str());
        }
    }

    /// `search`, narrowing from the previous query's result or not, keeps
    /// exactly what `filter_order` keeps, in the same order.
    #[test]
    fn search_equals_filter_order(
        rows in prop::collection::vec(record(), 0..24),
        col in 0usize..9,
        desc in any::<bool>(),
        pick in any::<usize>(),
        from in any::<usize>(),
        len in 0usize..6,
        noise in "[a-eA-Eé0-9 ]{0,3}",
        more in "[a-eA-Eé0-9 ]{0,3}",
        other in "[a-eA-Eé0-9 ]{0,4}",
    ) {
        let cols = columns(dominant_kind(&rows, Service::ReactiveSupport));
        let sort = Some(SortSpec { col: cols[col % cols.len()], dir: if desc { SortDir::Desc } else { SortDir::Asc } });
        let hay = haystacks(&rows, cols, &label);
        let ix = SearchIndex::build(&rows, cols, &label);
        let order = sort_order(&rows, sort, &label);
        let q1 = query_from(&hay, pick, from, len, &noise);
        let kept1 = filter_order(&order, &hay, &q1);
        prop_assert_eq!(&search(&ix, &order, &Query::parse(&q1), None), &kept1, "{:?}", q1);
        for q2 in [format!("{q1}{more}"), format!("{q1} {more}"), format!("{more} {q1}"), other.clone(), String::new()] {
            let want = filter_order(&order, &hay, &q2);
            let last = (&Query::parse(&q1), kept1.as_slice());
            prop_assert_eq!(&search(&ix, &order, &Query::parse(&q2), Some(last)), &want, "{:?} after {:?}", q2, q1);
            if Query::parse(&q2).narrows(&Query::parse(&q1)) {
                prop_assert!(want.iter().all(|i| kept1.contains(i)), "narrowing keeps a subset");
            }
        }
    }
}

// -------------------------------------------------------- usage and forecast

proptest! {
    #![proptest_config(config())]

    /// What remains is never negative (nor NaN); "over" is positive only
    /// when more was consumed than purchased; the bar never passes the cap.
    #[test]
    fn usage_reads_sanely(consumed in number(), purchased in prop::option::of(number())) {
        let u = Usage::new(consumed, purchased);
        if let Some(r) = u.remaining() {
            prop_assert!(r >= 0.0, "remaining {} of {:?}", r, u);
        }
        if let Some(o) = u.over() {
            prop_assert!(!o.is_nan(), "over NaN: {:?}", u);
            if o > 0.0 {
                prop_assert!(purchased.is_some_and(|p| consumed > p), "over {} of {:?}", o, u);
            }
        }
        if let Some(p) = purchased {
            if consumed > p && is_ordinary(consumed) && is_ordinary(p) && consumed - p >= 0.005 {
                prop_assert!(u.over().is_some_and(|o| o > 0.0), "{:?} is over", u);
            }
        }
        match (u.purchased, u.bar_now(), u.percent()) {
            (None, bar, pct) => prop_assert!(bar.is_none() && pct.is_none()),
            (Some(p), Some(bar), Some(pct)) => {
                prop_assert!(bar >= 0.0 || bar.is_nan(), "bar {} of {:?}", bar, u);
                // The bar's maximum is the cap: for a sensible cap (flagged by
                // validate otherwise), the value never passes it.
                if p >= 0.0 {
                    prop_assert!(bar <= p, "bar {} passes cap {}", bar, p);
                }
                prop_assert!((0.0..=100.0).contains(&pct) || pct.is_nan(), "percent {}", pct);
            }
            // No bar for a cap that is not a number of 0 or more (validate
            // flags such an entitlement).
            (Some(p), None, None) => prop_assert!(!(p.is_finite() && p >= 0.0), "no bar for cap {}", p),
            other => prop_assert!(false, "{:?}", other),
        }
    }

    /// The forecast never panics, and a run-out day is never after the end
    /// (nor before today).
    #[test]
    fn forecast_never_panics_and_runs_out_in_time(
        records in prop::collection::vec(record(), 0..16),
        purchased in prop::option::weighted(0.9, number()),
        consumed in number(),
        start in -400i32..800,
        len in 0i32..800,
        today in -400i32..1200,
        extreme in 0u8..4,
    ) {
        let series = cumulative(&records);
        prop_assert!(series.windows(2).all(|w| w[0].0 <= w[1].0), "in time order");
        let (s, e, t) = match extreme {
            0 => (NaiveDate::MIN, NaiveDate::MAX, day(today)),
            1 => (day(start), NaiveDate::MAX, NaiveDate::MAX),
            _ => (
                day(start.max(0)),
                day(start.max(0) + len),
                day(today.max(0)),
            ),
        };
        if let Some(f) = forecast(&series, purchased, consumed, s, e, t) {
            if let Outcome::RunsOut { date } = f.outcome {
                prop_assert!(date <= e, "runs out {} after the end {}", date, e);
                prop_assert!(date >= t, "runs out {} before today {}", date, t);
            }
            prop_assert!(s <= t && t <= e, "a forecast only within the period");
        }
    }
}
