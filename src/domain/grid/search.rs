//! Filter rows, fast: the folded search text of every row in one contiguous
//! `String` (not one allocation per row), built in steps so a page can build
//! it in the background right after the rows arrive; a query parsed once
//! into folded terms searched with one `memmem` finder per term; and
//! narrowing, so a query that extends the previous one only searches the
//! previous result.
//!
//! The reference for what matches is [`haystacks`](super::haystacks) and
//! [`filter_order`](super::filter_order): a row's text here is exactly its
//! haystack there, and [`search`] keeps exactly what `filter_order` keeps
//! (property tests in `domain/proptests/grid.rs`).

use super::cells::{Cell, GridRow};
use super::columns::ColId;
use crate::domain::text::{fold, fold_into};
use memchr::memmem::Finder;
use std::fmt::Write as _;

/// Between two rows' texts. A query term never holds whitespace, so no
/// match ever spans two rows.
const ROW_SEP: char = '\n';
/// After each searched cell (as in `haystacks`).
const CELL_SEP: char = '\u{1f}';

/// The folded search text of rows `0..indexed()`.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    text: String,
    /// `starts[i]` is where row `i` begins; row `i` ends one byte (the
    /// separator) before `starts[i + 1]`. Always one more than the rows.
    starts: Vec<u32>,
    /// Folded enum words, looked up by wire value (a handful per grid).
    words: Vec<(&'static str, String)>,
}

impl SearchIndex {
    /// An empty index, with room for about `rows` rows.
    pub fn with_capacity(rows: usize) -> Self {
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        SearchIndex {
            text: String::with_capacity(rows.saturating_mul(96)),
            starts,
            words: Vec::new(),
        }
    }

    /// The whole index of `rows` at once.
    pub fn build<R: GridRow>(
        rows: &[R],
        cols: &[ColId],
        label: &dyn Fn(&'static str) -> String,
    ) -> Self {
        let mut ix = SearchIndex::with_capacity(rows.len());
        ix.extend(rows, cols, label, rows.len());
        ix
    }

    /// How many rows (from the first) are indexed.
    pub fn indexed(&self) -> usize {
        self.starts.len().max(1) - 1
    }

    /// Whether every one of `rows` is indexed.
    pub fn is_complete(&self, rows: usize) -> bool {
        self.indexed() >= rows
    }

    /// Indexes up to `step` more of `rows` (the same rows, columns and
    /// labels on every call); returns whether all of them are indexed.
    pub fn extend<R: GridRow>(
        &mut self,
        rows: &[R],
        cols: &[ColId],
        label: &dyn Fn(&'static str) -> String,
        step: usize,
    ) -> bool {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let from = self.indexed();
        let to = from.saturating_add(step).min(rows.len());
        for r in &rows[from.min(to)..to] {
            for &c in cols {
                match r.cell(c) {
                    Cell::Text(s) => fold_into(&mut self.text, s),
                    Cell::Enum(w) => {
                        let k = match self.words.iter().position(|(k, _)| *k == w) {
                            Some(k) => k,
                            None => {
                                self.words.push((w, fold(&label(w))));
                                self.words.len() - 1
                            }
                        };
                        self.text.push_str(&self.words[k].1);
                    }
                    Cell::Num(n) => push_num(&mut self.text, n),
                    Cell::Date(_) | Cell::Empty => continue,
                }
                self.text.push(CELL_SEP);
            }
            self.text.push(ROW_SEP);
            self.starts.push(self.text.len() as u32);
        }
        self.is_complete(rows.len())
    }

    /// Row `i`'s folded text (as `haystacks` makes it).
    pub fn row(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    fn row_bytes(&self, i: u32) -> &[u8] {
        let i = i as usize;
        &self.text.as_bytes()[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    /// The indices of `candidates` (all indexed) whose row holds every
    /// term of `query`, in the order given.
    pub fn filter(&self, candidates: &[u32], query: &Query) -> Vec<u32> {
        if query.terms.is_empty() {
            return candidates.to_vec();
        }
        // Longest first: usually the rarest, so most rows fail on the first.
        let mut terms: Vec<&str> = query.terms.iter().map(String::as_str).collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let finders: Vec<Finder<'_>> = terms.iter().map(|t| Finder::new(t.as_bytes())).collect();
        candidates
            .iter()
            .copied()
            .filter(|&i| {
                let row = self.row_bytes(i);
                finders.iter().all(|f| f.find(row).is_some())
            })
            .collect()
    }
}

/// `fold(&n.to_string())`, without float formatting for whole numbers
/// (most quantities), which is much cheaper.
fn push_num(out: &mut String, n: f64) {
    if n.fract() == 0.0 && n.abs() < 1e15 && !(n == 0.0 && n.is_sign_negative()) {
        let _ = write!(out, "{}", n as i64);
    } else {
        let at = out.len();
        let _ = write!(out, "{n}");
        out[at..].make_ascii_lowercase(); // "NaN"
    }
}

/// A Filter rows query: its folded words, each of which a row must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Self {
        Query {
            terms: fold(q).split_whitespace().map(str::to_owned).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every row this query keeps is one `prev` keeps: each of
    /// `prev`'s terms lies inside one of ours ("tim" → "time", "a" → "a b").
    pub fn narrows(&self, prev: &Query) -> bool {
        prev.terms
            .iter()
            .all(|p| self.terms.iter().any(|t| t.contains(p.as_str())))
    }
}

/// The indices of `order` whose row holds every term of `query`, in order:
/// what `filter_order` keeps. `last` is a previous query and what it kept
/// of this same `order` and index: when `query` narrows it, only those rows
/// are searched.
pub fn search(
    index: &SearchIndex,
    order: &[u32],
    query: &Query,
    last: Option<(&Query, &[u32])>,
) -> Vec<u32> {
    if query.is_empty() {
        return order.to_vec();
    }
    let candidates = match last {
        Some((prev, kept)) if query.narrows(prev) => kept,
        _ => order,
    };
    index.filter(candidates, query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        for n in [0.0, -0.0, 2.0, -3.0, 0.5, 1e15, 1e16, 123456.0, f64::NAN, f64::INFINITY, -1e-7] {
            let mut s = String::new();
            push_num(&mut s, n);
            assert_eq!(s, fold(&n.to_string()), "{n}");
        }
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
}
