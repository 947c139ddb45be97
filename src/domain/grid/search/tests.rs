//! Tests of `domain/grid/search.rs`.
use super::*;

#[test]
fn numbers_read_as_written() {
    for n in [
        0.0,
        -0.0,
        2.0,
        -3.0,
        0.5,
        1e15,
        1e16,
        123456.0,
        f64::NAN,
        f64::INFINITY,
        -1e-7,
    ] {
        let mut s = String::new();
        push_num(&mut s, n);
        assert_eq!(s, fold(&n.to_string()), "{n}");
    }
}

#[test]
fn terms_are_found_where_str_contains_finds_them() {
    let rows = [
        "",
        "t",
        "timeout",
        "a timeout\u{1f}x",
        "tim",
        "éclair",
        "x1y2",
        "zz",
        "abcabd",
    ];
    let terms = [
        "t", "ti", "timeout", "out", "\u{1f}x", "é", "clair", "1y", "2", "z", "abd", "bca", "q",
    ];
    for r in rows {
        for t in terms {
            assert_eq!(
                Term::new(t).is_in(r.as_bytes()),
                r.contains(t),
                "{t:?} in {r:?}"
            );
            let m = r.bytes().fold(0, |m, b| m | byte_bit(b));
            if r.contains(t) {
                assert_eq!(Term::new(t).mask & m, Term::new(t).mask);
            }
        }
    }
}

/// A one-column row, to build small indexes from plain strings.
struct Row(String);
impl GridRow for Row {
    fn cell(&self, _: ColId) -> Cell<'_> {
        Cell::Text(&self.0)
    }
}

proptest::proptest! {
    /// Filtering an index (masks, anchored search) keeps exactly the
    /// rows whose folded text holds every term.
    #[test]
    fn index_filter_is_contains(
        texts in proptest::collection::vec("[abtiAÉé1 \u{1f}]{0,10}", 0..12),
        q in "[abtiAé1 ]{0,6}",
    ) {
        let rows: Vec<Row> = texts.into_iter().map(Row).collect();
        let ix = SearchIndex::build(&rows, &[ColId::Title], &|w| w.to_owned());
        let all: Vec<u32> = (0..rows.len() as u32).collect();
        let query = Query::parse(&q);
        let want: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&i| query.terms.iter().all(|t| fold(&rows[i as usize].0).contains(t.as_str())))
            .collect();
        proptest::prop_assert_eq!(ix.filter(&all, &query), want);
    }

    /// The anchored search and the mask agree with `str::contains`.
    #[test]
    fn term_search_is_contains(row in "[abt\u{1f}é1 ]{0,12}", t in "[abt\u{1f}é1]{1,4}") {
        let term = Term::new(&t);
        proptest::prop_assert_eq!(term.is_in(row.as_bytes()), row.contains(&t));
        let m = row.bytes().fold(0, |m, b| m | byte_bit(b));
        if row.contains(&t) {
            proptest::prop_assert_eq!(term.mask & m, term.mask);
        }
        if term.by_mask {
            proptest::prop_assert_eq!(term.mask & m == term.mask, row.contains(&t));
        }
    }
}

#[test]
fn query_terms_are_deduplicated_and_capped() {
    let q = Query::parse("Out out OUTAGE out x x");
    assert_eq!(q.terms(), ["outage", "x"]);
    // 5,000 terms: the first MAX_QUERY_TERMS distinct ones.
    let long: String = (0..5000).map(|i| format!("w{i}x ")).collect();
    let q = Query::parse(&long);
    assert_eq!(q.terms().len(), MAX_QUERY_TERMS);
    assert_eq!(q.terms()[0], "w0x");
    let same: String = "a ".repeat(5000);
    assert_eq!(Query::parse(&same).terms(), ["a"]);
}

/// The index's reservation never passes its budget, however long the
/// first rows are (on wasm32, the old estimate overflowed or reached
/// hundreds of MB).
#[test]
fn the_index_reservation_is_capped() {
    assert_eq!(index_reserve(120, 100_000), 12_600_000);
    assert_eq!(index_reserve(1 << 20, 100_000), MAX_INDEX_RESERVE);
    assert_eq!(index_reserve(usize::MAX, usize::MAX), MAX_INDEX_RESERVE);
    // Rows of 1 MB: the index built from them holds the right text
    // and reserved no more than its budget beyond it.
    let rows: Vec<Row> = (0..300)
        .map(|i| Row(format!("{i} {}", "y".repeat(1 << 16))))
        .collect();
    let ix = SearchIndex::build(&rows, &[ColId::Title], &|w| w.to_owned());
    assert!(ix.text.capacity() <= ix.text.len().max(MAX_INDEX_RESERVE) + (1 << 20));
    assert_eq!(ix.filter(&[0, 1, 299], &Query::parse("299 yy")), [299]);
}

#[test]
fn narrowing() {
    let q = Query::parse;
    assert!(q("time").narrows(&q("tim")));
    assert!(q("tim out").narrows(&q("tim")));
    assert!(q("out tim").narrows(&q("tim ou")));
    assert!(q("abc").narrows(&q("")));
    assert!(!q("ti").narrows(&q("tim")));
    assert!(!q("").narrows(&q("a")));
    assert!(!q("x").narrows(&q("a")));
    assert!(q("ÉCLAIR").narrows(&q("ecl")));
}
