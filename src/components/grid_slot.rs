//! One row slot of the data grid's body, written directly, and how many
//! slots are drawn.
//!
//! The body is a fixed pool of `<tr>` slots, keyed by position in the
//! window. As the grid scrolls, each slot shows another record: one effect
//! per slot writes its cells' text nodes (and a status cell's badge), and
//! only those that changed. A cell is no reactive node of its own, so a
//! scroll step costs one effect run per row instead of one per cell, and
//! creates no elements.

use crate::components::grid_cells::{badge_class, cell_text, linked};
use crate::domain::grid::{Cell, ColId, ColKind, GridRow};
use crate::domain::text::http_url;
use crate::i18n::{self, Locale};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Text};

/// In a windowed grid, a cell whose text is longer than this many
/// characters can be focused, so that a keyboard user can read it whole
/// when its column cuts it off (components/grid_tip.rs shows it).
const FOCUSABLE_FROM: usize = 18;

/// Slots drawn in the task after the grid's own; the others one task
/// later. On a phone's CPU the grid's first draw compiles every function
/// it runs: the head, the first rows (the rows' code, run for the first
/// time) and the other rows in one task were one long task.
const FIRST_DRAWN: usize = 6;

/// How many slots the grid draws for its `window` (first, last, total):
/// none in the grid's first task, at most [`FIRST_DRAWN`] in the next, then
/// the window's rows.
pub(crate) fn drawn_slots(window: Memo<(usize, usize, usize)>) -> Memo<usize> {
    let stage = crate::platform::tasks_passed(2);
    Memo::new(move |_| {
        let n = window.with(|(first, last, _)| last - first);
        match stage.get() {
            0 => 0,
            1 => n.min(FIRST_DRAWN),
            _ => n,
        }
    })
}

/// What a cell's DOM holds, and what was last written to it.
enum Out {
    Text {
        node: Text,
        shown: String,
    },
    /// A status word: a badge span, hidden when the record has none.
    Badge {
        span: HtmlElement,
        text: Text,
        shown: Option<(&'static str, Locale)>,
    },
    /// A case number or engagement: a link when the record's URL is
    /// http(s), else the same element without `href` (plain text).
    Link {
        a: Element,
        node: Text,
        shown: String,
        href: Option<String>,
    },
}

/// A slot's cells and what they show.
pub(crate) struct SlotCells {
    cells: Vec<Out>,
    /// The record, language and windowing last written (records never
    /// change while a grid lives, so the same triple means the same cells).
    shown: Option<(u32, Locale, bool)>,
    rowindex: usize,
}

impl SlotCells {
    /// Takes hold of a slot's cells: a text node in each cell, or in its
    /// badge span for a status column (the span is in the slot's view).
    pub(crate) fn attach(tr: &Element, cols: &[ColId]) -> Self {
        let doc = leptos::prelude::document();
        let mut td = tr.first_element_child();
        let mut cells = Vec::with_capacity(cols.len());
        for &c in cols {
            let Some(cell) = td else { break };
            let node = doc.create_text_node("");
            let host = match c.kind() {
                _ if linked(c) => cell.first_element_child().unwrap_or_else(|| cell.clone()),
                ColKind::Enum => cell.first_element_child().unwrap_or_else(|| cell.clone()),
                _ => cell.clone(),
            };
            let _ = host.append_child(&node);
            cells.push(match c.kind() {
                _ if linked(c) => Out::Link {
                    a: host,
                    node,
                    shown: String::new(),
                    href: None,
                },
                ColKind::Enum => Out::Badge {
                    span: host.unchecked_into(),
                    text: node,
                    shown: None,
                },
                _ => Out::Text {
                    node,
                    shown: String::new(),
                },
            });
            td = cell.next_element_sibling();
        }
        SlotCells {
            cells,
            shown: None,
            rowindex: 0,
        }
    }

    /// Shows record `rec` (its index and row) at `rowindex`, or blank cells;
    /// `windowed`: the grid draws a window of its rows, one line each (else
    /// every row, wrapped).
    pub(crate) fn show<R: GridRow>(
        &mut self,
        tr: &Element,
        cols: &[ColId],
        rowindex: usize,
        rec: Option<(u32, &R)>,
        l: Locale,
        windowed: bool,
    ) {
        if self.rowindex != rowindex {
            self.rowindex = rowindex;
            let _ = tr.set_attribute("aria-rowindex", &rowindex.to_string());
        }
        let key = rec.map(|(i, _)| (i, l, windowed));
        if key == self.shown && key.is_some() {
            return;
        }
        self.shown = key;
        let url = rec.and_then(|(_, r)| r.url()).and_then(http_url);
        // A title set when a cell was pointed at (grid_tip) was its old text.
        let mut td = tr.first_element_child();
        while let Some(t) = td {
            if t.has_attribute("title") {
                let _ = t.remove_attribute("title");
            }
            td = t.next_element_sibling();
        }
        for (out, &c) in self.cells.iter_mut().zip(cols) {
            let cell = rec.map_or(Cell::Empty, |(_, r)| r.cell(c));
            match out {
                Out::Text { node, shown } => {
                    let text = cell_text(l, cell);
                    if *shown != text {
                        node.set_data(&text);
                        *shown = text;
                    }
                    // A long text may be cut off by its column: its cell can
                    // be focused (and then shows it whole).
                    if let Some(td) = node.parent_element() {
                        let focusable = windowed && shown.chars().count() > FOCUSABLE_FROM;
                        if focusable != td.has_attribute("tabindex") {
                            if focusable {
                                let _ = td.set_attribute("tabindex", "0");
                            } else {
                                let _ = td.remove_attribute("tabindex");
                            }
                        }
                    }
                }
                Out::Link {
                    a,
                    node,
                    shown,
                    href,
                } => {
                    let text = cell_text(l, cell);
                    let want = url.filter(|_| !text.is_empty());
                    if href.as_deref() != want {
                        match want {
                            Some(u) => {
                                let _ = a.set_attribute("href", u);
                            }
                            None => {
                                let _ = a.remove_attribute("href");
                            }
                        }
                        *href = want.map(str::to_owned);
                    }
                    if *shown != text {
                        node.set_data(&text);
                        *shown = text;
                    }
                }
                Out::Badge { span, text, shown } => {
                    let word = match cell {
                        Cell::Enum(w) => Some((w, l)),
                        _ => None,
                    };
                    if *shown == word {
                        continue;
                    }
                    match word {
                        Some((w, l)) => {
                            if shown.map(|s| s.0) != Some(w) {
                                span.set_class_name(&badge_class(w));
                            }
                            text.set_data(i18n::enum_label(l, w));
                            span.set_hidden(false);
                        }
                        None => {
                            // Without its class too: a badge's `display`
                            // would override `hidden`.
                            span.set_class_name("");
                            text.set_data("");
                            span.set_hidden(true);
                        }
                    }
                    *shown = word;
                }
            }
        }
    }
}
