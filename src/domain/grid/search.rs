//! Filter rows, fast: the folded search text of every row in one contiguous
//! `String` (not one allocation per row), built in steps so a page can build
//! it in the background right after the rows arrive; per row, a 64-bit
//! mask of the bytes it holds, so most rows that cannot match are passed
//! over without reading their text (and a one-letter or one-digit term needs
//! nothing else); a term searched by `memchr` on its rarest byte; and
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
    /// Per row, the [`byte_bit`]s of the bytes of its text.
    masks: Vec<u64>,
    /// Folded enum words, looked up by wire value (a handful per grid).
    words: Vec<(&'static str, String)>,
    /// Whether `text` has been given room for every row (see `extend`).
    sized: bool,
}

/// Rows indexed before the text's final size is estimated from them.
const SAMPLE_ROWS: usize = 256;

/// Bytes the index's text is given room for at once, at most. The estimate
/// (the first rows' length × the rows) once reached about 215 MB on
/// wasm32 when those rows were long; wasm memory never shrinks. 100,000
/// demo records take about 12 MB; past this the text grows as it fills.
pub const MAX_INDEX_RESERVE: usize = 48 << 20;

/// Distinct terms of a Filter rows query, at most. A row must hold every
/// term, so each costs a pass over the candidate rows: a `q` of 5,000
/// terms (a link can carry one) on 100,000 rows once took many seconds a
/// keystroke. Past it the query is cut, and rows holding the first terms
/// are kept (a query that long holds no more meaning).
pub const MAX_QUERY_TERMS: usize = 16;

impl SearchIndex {
    /// An empty index, with room for about `rows` rows.
    pub fn with_capacity(rows: usize) -> Self {
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        SearchIndex {
            // Small at first: `extend` sizes it once the first rows show how
            // long a row's text is (growing it by doubling would briefly
            // hold twice the index, and wasm memory never shrinks).
            text: String::with_capacity(rows.min(SAMPLE_ROWS).saturating_mul(128)),
            starts,
            masks: Vec::with_capacity(rows),
            words: Vec::new(),
            sized: false,
        }
    }

    /// The whole index of `rows` at once.
    pub fn build<R: GridRow>(
        rows: &[R],
        cols: &[ColId],
        label: &dyn Fn(&'static str) -> String,
    ) -> Self {
        let mut ix = SearchIndex::with_capacity(rows.len());
        ix.extend(rows, cols, label, SAMPLE_ROWS);
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
        if !self.sized && from >= SAMPLE_ROWS {
            self.sized = true;
            let per_row = self.text.len() / from + 1;
            let rest = rows.len().saturating_sub(from);
            self.text.reserve_exact(index_reserve(per_row, rest));
        }
        let step = if self.sized {
            step
        } else {
            step.min(SAMPLE_ROWS - from)
        };
        let to = from.saturating_add(step).min(rows.len());
        for r in &rows[from.min(to)..to] {
            for &c in cols {
                match r.cell(c) {
                    Cell::Text(s) => {
                        fold_into(&mut self.text, crate::domain::text::clip_for_cell(s))
                    }
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
            let from = *self.starts.last().expect("never empty") as usize;
            let mask = self.text.as_bytes()[from..]
                .iter()
                .fold(0u64, |m, &b| m | byte_bit(b));
            self.masks.push(mask);
            self.text.push(ROW_SEP);
            self.starts.push(self.text.len() as u32);
        }
        self.is_complete(rows.len())
    }

    /// Row `i`'s folded text (as `haystacks` makes it).
    pub fn row(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    fn row_bytes(&self, i: usize) -> &[u8] {
        &self.text.as_bytes()[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    /// The indices of `candidates` (all indexed) whose row holds every
    /// term of `query`, in the order given.
    pub fn filter(&self, candidates: &[u32], query: &Query) -> Vec<u32> {
        if query.terms.is_empty() {
            return candidates.to_vec();
        }
        let terms: Vec<Term<'_>> = query.terms.iter().map(|t| Term::new(t)).collect();
        // Every term's bytes must be among the row's.
        let need = terms.iter().fold(0u64, |m, t| m | t.mask);
        // One-byte terms with a bit of their own are settled by the mask.
        let rest: Vec<&Term<'_>> = terms.iter().filter(|t| !t.by_mask).collect();
        candidates
            .iter()
            .copied()
            .filter(|&i| {
                let i = i as usize;
                self.masks[i] & need == need && {
                    let row = self.row_bytes(i);
                    rest.iter().all(|t| t.is_in(row))
                }
            })
            .collect()
    }
}

/// The room the index's text is given for `rest` more rows of about
/// `per_row` bytes: 5% more than that, at most [`MAX_INDEX_RESERVE`].
fn index_reserve(per_row: usize, rest: usize) -> usize {
    (rest.saturating_mul(per_row) / 20)
        .saturating_mul(21)
        .min(MAX_INDEX_RESERVE)
}

/// A byte's bit in a row mask: one bit each for `a`–`z` and `0`–`9`, the
/// other bytes share the remaining 28. A row holding a term holds all its
/// bytes, so `mask(term) ⊆ mask(row)`.
fn byte_bit(b: u8) -> u64 {
    let k = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + (b - b'0'),
        _ => 36 + b % 28,
    };
    1 << k
}

/// How common a byte is in folded text (higher = more common): the term
/// is searched for by its rarest byte, so fewer places need comparing.
fn commonness(b: u8) -> u8 {
    const LETTERS: &[u8; 26] = b"etaoinsrhldcumfpgwybvkxjqz";
    match b {
        b'a'..=b'z' => 40 - LETTERS.iter().position(|&x| x == b).unwrap_or(0) as u8,
        b'0'..=b'9' => 10,
        0x1f => 30, // the cell separator
        _ => 0,
    }
}

/// One folded query term, ready to search.
struct Term<'a> {
    bytes: &'a [u8],
    mask: u64,
    /// Where in the term its rarest byte is.
    anchor: usize,
    /// A single byte whose mask bit is its own: the mask says it all.
    by_mask: bool,
}

impl<'a> Term<'a> {
    fn new(t: &'a str) -> Self {
        let bytes = t.as_bytes();
        let anchor = (0..bytes.len())
            .min_by_key(|&k| commonness(bytes[k]))
            .unwrap_or(0);
        Term {
            bytes,
            mask: bytes.iter().fold(0, |m, &b| m | byte_bit(b)),
            anchor,
            by_mask: bytes.len() == 1 && bytes[0].is_ascii_alphanumeric(),
        }
    }

    /// Whether `row` holds this term: each place its rarest byte occurs
    /// (found by `memchr`) is compared with the whole term.
    fn is_in(&self, row: &[u8]) -> bool {
        let (n, k) = (self.bytes.len(), self.anchor);
        if n == 0 {
            return true;
        }
        if row.len() < n {
            return false;
        }
        let a = self.bytes[k];
        // The anchor byte can only be at k..=row.len() - n + k.
        let end = row.len() - n + k + 1;
        let mut at = k;
        while at < end {
            match memchr::memchr(a, &row[at..end]) {
                Some(off) => {
                    let p = at + off - k;
                    if &row[p..p + n] == self.bytes {
                        return true;
                    }
                    at += off + 1;
                }
                None => return false,
            }
        }
        false
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
    /// The folded words of `q`, each once, at most [`MAX_QUERY_TERMS`] of
    /// them (the first ones). A word held in another word of the query is
    /// dropped too: a row that holds "outage" holds "out".
    pub fn parse(q: &str) -> Self {
        let folded = fold(q);
        let mut words: Vec<&str> = Vec::new();
        for w in folded.split_whitespace() {
            if !words.contains(&w) {
                words.push(w);
                if words.len() == MAX_QUERY_TERMS {
                    break;
                }
            }
        }
        let terms = words
            .iter()
            .enumerate()
            .filter(|&(i, w)| {
                !words
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && o.len() > w.len() && o.contains(w))
            })
            .map(|(_, w)| (*w).to_owned())
            .collect();
        Query { terms }
    }

    /// The terms a row must hold.
    pub fn terms(&self) -> &[String] {
        &self.terms
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
mod tests;
