//! Skeletons: grey shapes that hold the place of what a region shows once
//! its data arrives, laid out by the same classes as the real thing, so
//! that nothing below moves when the data comes (layout shift). The shapes
//! are hidden from assistive technology: the region says it is busy
//! (`aria-busy`) and a visually hidden "Loading" says the rest.

use crate::i18n::Msg;
use crate::ui::tr;
use leptos::prelude::*;

/// The frame of a region's skeleton: "Loading" for screen readers, and the
/// shapes (its children) hidden from them.
#[component]
pub fn Skeleton(children: Children) -> impl IntoView {
    view! {
        <div class="skeleton">
            <p class="sr-only">{tr(Msg::Loading)}</p>
            <div class="skeleton__shapes" aria-hidden="true">
                {children()}
            </div>
        </div>
    }
}

/// A labelled select (`.field`): its label above its control.
#[component]
pub fn FieldSkeleton() -> impl IntoView {
    view! {
        <div class="field">
            <span class="bone bone--label"></span>
            <span class="bone bone--control"></span>
        </div>
    }
}

/// A simple table (`.table-wrap`): its caption, header row and `rows` rows.
#[component]
pub fn TableSkeleton(rows: usize) -> impl IntoView {
    let rows = (0..rows)
        .map(|_| {
            view! {
                <div class="skeleton-table__row">
                    <span class="bone bone--cell"></span>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap skeleton-table">
            <span class="bone bone--caption"></span>
            <div class="skeleton-table__head"></div>
            {rows}
        </div>
    }
}

/// `count` tiles in the tiles' grid (`.tiles`).
#[component]
pub fn TilesSkeleton(count: usize) -> impl IntoView {
    let tiles = (0..count)
        .map(|_| {
            view! {
                <div class="tile skeleton-tile">
                    <span class="bone bone--title"></span>
                    <span class="bone bone--figure"></span>
                    <span class="bone bone--figure"></span>
                </div>
            }
        })
        .collect_view();
    view! { <div class="tiles">{tiles}</div> }
}

/// `count` package cards in the cards' grid (`.cards`).
#[component]
pub fn CardsSkeleton(count: usize) -> impl IntoView {
    let cards = (0..count)
        .map(|_| {
            view! {
                <div class="card skeleton-card">
                    <span class="bone bone--title"></span>
                    <span class="bone bone--text"></span>
                    <span class="bone bone--service"></span>
                    <span class="bone bone--service"></span>
                </div>
            }
        })
        .collect_view();
    view! { <div class="cards">{cards}</div> }
}
