//! The region "Needs attention": a heading with the count, and one link per
//! entitlement to act on, saying why in words, its severity by a word and
//! an icon (never colour alone). Plain props; reads only the locale.

use crate::domain::attention::Severity;
use crate::i18n::{self, Msg};
use crate::ui::use_ui;
use leptos::prelude::*;

/// One item as the region shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttentionItem {
    /// The entitlement's name.
    pub name: String,
    /// Where it belongs: the contract number, and the package for an add-on.
    pub context: String,
    /// Its drilldown.
    pub href: String,
    /// Why, in words ("6 hours over").
    pub reason: String,
    pub severity: Severity,
}

/// How many placeholder lines stand in for the list while it loads.
const PLACEHOLDER_LINES: usize = 3;

#[component]
pub fn AttentionList(
    /// The items in display order; `None` while the document loads (the
    /// region then keeps its space and is `aria-busy`).
    #[prop(into)]
    items: Signal<Option<Vec<AttentionItem>>>,
) -> impl IntoView {
    let ctx = use_ui();
    let l = ctx.locale;
    let heading_id = ctx.id("attention");
    let heading_id_ref = heading_id.clone();
    let heading = move || {
        let l = l.get();
        items.with(|i| {
            let count = i.as_ref().map(|v| i18n::num(l, v.len() as f64));
            i18n::attention_heading(l, count.as_deref())
        })
    };
    let body = move || {
        let l = l.get();
        match items.get() {
            None => {
                let lines = (0..PLACEHOLDER_LINES)
                    .map(|_| view! { <li class="attention__placeholder-line"></li> })
                    .collect_view();
                view! {
                    <ul class="attention__placeholder" aria-hidden="true">
                        {lines}
                    </ul>
                    <p class="sr-only">{l.t(Msg::Loading)}</p>
                }
                .into_any()
            }
            Some(v) if v.is_empty() => view! {
                <p class="attention__none">
                    <span class="attention__icon attention__icon--ok" aria-hidden="true">
                        {icon(None)}
                    </span>
                    {l.t(Msg::NothingNeedsAttention)}
                </p>
            }
            .into_any(),
            Some(v) => {
                let rows = v
                    .into_iter()
                    .map(|item| {
                        let sev = item.severity;
                        view! {
                            <li class=format!("attention__item attention__item--{}", sev.as_str())>
                                <a href=item.href class="attention__link">
                                    <span class="attention__icon" aria-hidden="true">
                                        {icon(Some(sev))}
                                    </span>
                                    <span class="attention__text">
                                        <span class="attention__severity">
                                            {i18n::attention_severity(l, sev)}
                                        </span>
                                        <span class="sr-only">": "</span>
                                        <span class="attention__name">{item.name}</span>
                                        <span class="attention__sep">": "</span>
                                        <span class="attention__reason">{item.reason}</span>
                                        <span class="sr-only">" – "</span>
                                        <span class="attention__context">{item.context}</span>
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="attention__list">{rows}</ul> }.into_any()
            }
        }
    };
    let busy = move || items.with(|i| i.is_none()).to_string();
    view! {
        <section class="section attention" aria-labelledby=heading_id_ref aria-busy=busy>
            <h2 id=heading_id>{heading}</h2>
            {body}
        </section>
    }
}

/// The icon of a severity (`None`: nothing to act on), drawn inline so it
/// needs no icon font; always beside the words it illustrates.
fn icon(sev: Option<Severity>) -> impl IntoView {
    let shape = match sev {
        Some(Severity::Urgent) => view! {
            <circle cx="8" cy="8" r="7.5" class="attention__svg-fill" />
            <path d="M7 3.5h2v6H7zM7 10.75h2v2H7z" class="attention__svg-cut" />
        }
        .into_any(),
        Some(Severity::Warning) => view! {
            <circle cx="8" cy="8" r="6.5" class="attention__svg-line" />
            <path d="M8 4.5V8.5l2.75 1.75" class="attention__svg-line" />
        }
        .into_any(),
        None => {
            view! { <path d="M2.5 8.5l3.5 3.5 7.5-8" class="attention__svg-line" /> }.into_any()
        }
    };
    view! {
        <svg viewBox="0 0 16 16" width="16" height="16" focusable="false">
            {shape}
        </svg>
    }
}
