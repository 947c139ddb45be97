//! The consumed-of-purchased progress bar. Clamped, named, and described in
//! words; over-consumption fills it and is said as such.

use crate::domain::usage::Usage;
use leptos::prelude::*;

#[component]
pub fn UsageBar(
    /// The accessible name (the entitlement's name).
    #[prop(into)]
    name: String,
    usage: Usage,
    /// The value in words ("12 of 40 hours consumed").
    #[prop(into)]
    valuetext: Signal<String>,
) -> impl IntoView {
    let (Some(max), Some(now), Some(pct)) = (usage.purchased, usage.bar_now(), usage.percent())
    else {
        return None;
    };
    let over = usage.over().is_some();
    let level = if over {
        "over"
    } else if pct >= 90.0 {
        "high"
    } else {
        "ok"
    };
    Some(view! {
        <div
            class=format!("usage-bar usage-bar--{level}")
            role="progressbar"
            aria-label=name
            aria-valuemin="0"
            aria-valuemax=max.to_string()
            aria-valuenow=now.to_string()
            aria-valuetext=move || valuetext.get()
        >
            <div class="usage-bar__fill" style:width=format!("{pct:.1}%")></div>
        </div>
    })
}
