//! Sorting and filtering as index lists (never copies of rows).

use super::cells::{Cell, GridRow};
use super::columns::ColId;
use crate::domain::dates::parse_any_ms;
use crate::domain::text::{clip_for_cell, fold};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn as_query(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
    pub fn from_query(s: Option<&str>) -> SortDir {
        if s == Some("desc") {
            SortDir::Desc
        } else {
            SortDir::Asc
        }
    }
}

/// A sort on one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortSpec {
    pub col: ColId,
    pub dir: SortDir,
}

impl SortSpec {
    /// The sort of the query keys `sort` (a column's key) and `dir`.
    pub fn from_query(sort: Option<&str>, dir: Option<&str>) -> Option<SortSpec> {
        Some(SortSpec {
            col: ColId::from_key(sort?)?,
            dir: SortDir::from_query(dir),
        })
    }

    /// The sort after a click on `col`'s header: ascending first, then
    /// toggling.
    pub fn clicked(current: Option<SortSpec>, col: ColId) -> SortSpec {
        match current {
            Some(s) if s.col == col => SortSpec {
                col,
                dir: if s.dir == SortDir::Asc {
                    SortDir::Desc
                } else {
                    SortDir::Asc
                },
            },
            _ => SortSpec {
                col,
                dir: SortDir::Asc,
            },
        }
    }
}

/// A comparable key of one cell.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Key {
    Num(f64),
    Text(String),
}

fn key(cell: Cell<'_>, label: &dyn Fn(&'static str) -> String) -> Option<Key> {
    match cell {
        Cell::Text(s) => Some(Key::Text(fold(clip_for_cell(s)))),
        Cell::Enum(w) => Some(Key::Text(fold(&label(w)))),
        Cell::Num(n) if n.is_finite() => Some(Key::Num(n)),
        Cell::Date(s) => parse_any_ms(s).map(|ms| Key::Num(ms as f64)),
        Cell::Num(_) | Cell::Empty => None,
    }
}

/// Row indices in sorted order. Stable (ties keep API order); empty and
/// unreadable values last in either direction. `label` gives an enum's
/// words, so enums sort as the user reads them.
pub fn sort_order<R: GridRow>(
    rows: &[R],
    sort: Option<SortSpec>,
    label: &dyn Fn(&'static str) -> String,
) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..rows.len() as u32).collect();
    let Some(SortSpec { col, dir }) = sort else {
        return idx;
    };
    let keys: Vec<Option<Key>> = rows.iter().map(|r| key(r.cell(col), label)).collect();
    idx.sort_by(|&a, &b| {
        let (ka, kb) = (&keys[a as usize], &keys[b as usize]);
        match (ka, kb) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
                if dir == SortDir::Desc {
                    o.reverse()
                } else {
                    o
                }
            }
        }
    });
    idx
}

/// Per row, the folded text that Filter rows searches: every text and enum
/// (as words) column, plus numbers as written.
pub fn haystacks<R: GridRow>(
    rows: &[R],
    cols: &[ColId],
    label: &dyn Fn(&'static str) -> String,
) -> Vec<String> {
    rows.iter()
        .map(|r| {
            let mut h = String::new();
            for c in cols {
                match r.cell(*c) {
                    Cell::Text(s) => h.push_str(clip_for_cell(s)),
                    Cell::Enum(w) => h.push_str(&label(w)),
                    Cell::Num(n) => h.push_str(&n.to_string()),
                    Cell::Date(_) | Cell::Empty => continue,
                }
                h.push('\u{1f}');
            }
            fold(&h)
        })
        .collect()
}

/// Keeps the indices of `order` whose row contains every word of `query`
/// (folded; any order; the words [`Query::parse`] keeps). An empty query
/// keeps all.
///
/// [`Query::parse`]: super::Query::parse
pub fn filter_order(order: &[u32], hay: &[String], query: &str) -> Vec<u32> {
    let q = super::Query::parse(query);
    let words = q.terms();
    if words.is_empty() {
        return order.to_vec();
    }
    order
        .iter()
        .copied()
        .filter(|&i| words.iter().all(|w| hay[i as usize].contains(w.as_str())))
        .collect()
}
