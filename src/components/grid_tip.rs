//! The whole text of a cut-off cell, for the mouse and the keyboard.
//!
//! A windowed grid's cells keep one line (their rows have a fixed height),
//! so a long title, reason or classification may be cut off. Pointing at
//! such a cell gives it a `title` with its whole text (measured then, so
//! only a cell that is really cut off gets one, whatever its column's
//! width); a long text's cell can be focused (`tabindex`, set by
//! `grid_slot`), and while it has focus a tooltip under it shows the whole
//! text. Escape hides it; scrolling moves it with the cell (or hides it when
//! the cell leaves the view).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The body cell an event happened in, if any.
fn cell_of(target: Option<web_sys::EventTarget>) -> Option<Element> {
    let el: Element = target?.dyn_into().ok()?;
    let td = el.closest("tbody td").ok()??;
    Some(td)
}

/// Whether a cell's text is cut off by its box.
fn cut_off(td: &Element) -> bool {
    td.scroll_width() > td.client_width() + 1
}

/// On pointing at a cell: a `title` with its whole text when it is cut off
/// (and none when it is not).
pub(crate) fn on_pointer(ev: &web_sys::MouseEvent) {
    let Some(td) = cell_of(ev.target()) else {
        return;
    };
    if cut_off(&td) {
        let text = td.text_content().unwrap_or_default();
        if td.get_attribute("title").as_deref() != Some(text.as_str()) {
            let _ = td.set_attribute("title", &text);
        }
    } else if td.has_attribute("title") {
        let _ = td.remove_attribute("title");
    }
}

/// The tooltip of a grid: where it sits, and what it shows while a cut-off
/// cell has focus.
#[derive(Clone, Copy)]
pub(crate) struct GridTip {
    /// Read with `try_`: focus leaves a cell also when its grid is taken
    /// away (the user went to another view), and the grid is gone by then.
    tip: NodeRef<leptos::html::Div>,
}

impl GridTip {
    pub(crate) fn new() -> Self {
        GridTip {
            tip: NodeRef::new(),
        }
    }

    /// The tooltip's element (it is drawn by the grid, after its table).
    pub(crate) fn view(self) -> impl IntoView {
        // Not for screen readers: the cell itself holds the whole text.
        view! { <div class="grid-tip" aria-hidden="true" hidden node_ref=self.tip></div> }
    }

    /// Shows the whole text of `td` under it when it is cut off; hides the
    /// tooltip otherwise.
    fn show_for(self, td: Option<Element>) {
        let Some(tip) = self.tip.try_get_untracked().flatten() else {
            return;
        };
        let tip: &HtmlElement = &tip;
        let Some(td) = td.filter(|td| td.has_attribute("tabindex") && cut_off(td)) else {
            tip.set_hidden(true);
            return;
        };
        let Some(grid) = tip.parent_element() else {
            return;
        };
        let g = grid.get_bounding_client_rect();
        let c = td.get_bounding_client_rect();
        // A cell scrolled out of its grid's view has no tooltip.
        let scroller = td.closest(".grid-scroll").ok().flatten();
        if let Some(s) = scroller {
            let s = s.get_bounding_client_rect();
            if c.bottom() <= s.top() + 1.0 || c.top() >= s.bottom() - 1.0 {
                tip.set_hidden(true);
                return;
            }
        }
        tip.set_text_content(td.text_content().as_deref());
        let style = tip.style();
        let _ = style.set_property("top", &format!("{}px", c.bottom() - g.top() + 2.0));
        let left = (c.left() - g.left()).max(0.0);
        let _ = style.set_property("left", &format!("{left}px"));
        let _ = style.set_property("max-width", &format!("{}px", (g.width() - left).max(160.0)));
        tip.set_hidden(false);
    }

    /// A cell got focus.
    pub(crate) fn on_focus(self, ev: &web_sys::FocusEvent) {
        self.show_for(cell_of(ev.target()));
    }

    /// Focus left a cell.
    pub(crate) fn hide(self) {
        if let Some(tip) = self.tip.try_get_untracked().flatten() {
            tip.set_hidden(true);
        }
    }

    /// The grid scrolled (a focused cell moved, or now shows another
    /// record): the tooltip follows the focused cell.
    pub(crate) fn on_scroll(self) {
        let Some(tip) = self.tip.try_get_untracked().flatten() else {
            return;
        };
        if tip.hidden() {
            return;
        }
        let focused = document().active_element();
        self.show_for(focused.and_then(|f| f.closest("tbody td").ok().flatten()));
    }
}
