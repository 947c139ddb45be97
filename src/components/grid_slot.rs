//! One row slot of the data grid's body, written directly.
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
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Text};

/// Texts longer than this many characters get a tooltip (`title`) with
/// the whole text, in case their column cuts them off.
const TOOLTIP_FROM: usize = 18;

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
    /// The record and language last written (records never change while a
    /// grid lives, so the same pair means the same texts).
    shown: Option<(u32, Locale)>,
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

    /// Shows record `rec` (its index and row) at `rowindex`, or blank cells.
    pub(crate) fn show<R: GridRow>(
        &mut self,
        tr: &Element,
        cols: &[ColId],
        rowindex: usize,
        rec: Option<(u32, &R)>,
        l: Locale,
    ) {
        if self.rowindex != rowindex {
            self.rowindex = rowindex;
            let _ = tr.set_attribute("aria-rowindex", &rowindex.to_string());
        }
        let key = rec.map(|(i, _)| (i, l));
        if key == self.shown && key.is_some() {
            return;
        }
        self.shown = key;
        let url = rec.and_then(|(_, r)| r.url()).and_then(http_url);
        for (out, &c) in self.cells.iter_mut().zip(cols) {
            let cell = rec.map_or(Cell::Empty, |(_, r)| r.cell(c));
            match out {
                Out::Text { node, shown } => {
                    let text = cell_text(l, cell);
                    if *shown != text {
                        node.set_data(&text);
                        // A long text may be cut off by its column: its cell
                        // carries it whole as a tooltip.
                        if let Some(td) = node.parent_element() {
                            if text.chars().count() > TOOLTIP_FROM {
                                let _ = td.set_attribute("title", &text);
                            } else if shown.chars().count() > TOOLTIP_FROM {
                                let _ = td.remove_attribute("title");
                            }
                        }
                        *shown = text;
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
                            let words = i18n::enum_label(l, w);
                            text.set_data(words);
                            if words.chars().count() > TOOLTIP_FROM {
                                let _ = span.set_attribute("title", words);
                            } else {
                                let _ = span.remove_attribute("title");
                            }
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
