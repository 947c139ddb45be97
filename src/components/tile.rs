//! An enterprise tile: a link whose name starts with its title, showing per
//! unit what was consumed, purchased ("As needed" when uncapped) and what
//! remains (or how much over), and delivered hours for proactive services.

use crate::domain::enterprise::UnitTotal;
use crate::i18n::{self, Msg};
use crate::ui::use_ui;
use leptos::prelude::*;

#[component]
pub fn Tile(
    #[prop(into)] title: Signal<String>,
    /// A line under the title (Support As Needed: "(Advisory and Reactive
    /// Support)").
    #[prop(default = None)]
    subtitle: Option<String>,
    href: String,
    totals: Vec<UnitTotal>,
    delivered_hours: Option<f64>,
) -> impl IntoView {
    let ctx = use_ui();
    let l = ctx.locale;
    let rows = move || {
        let l = l.get();
        totals
            .iter()
            .map(|t| {
                let u = i18n::usage_texts(l, t.usage, t.unit);
                view! {
                    <dl class="tile__figures">
                        <div>
                            <dt>{l.t(Msg::Consumed)}</dt>
                            <dd class="tile__big">{u.consumed}</dd>
                        </div>
                        <div>
                            <dt>{l.t(Msg::Purchased)}</dt>
                            <dd>{u.purchased}</dd>
                        </div>
                        {u
                            .left
                            .map(|left| {
                                view! {
                                    <div>
                                        <dt>{l.t(Msg::Remaining)}</dt>
                                        <dd class:over=left.is_over()>{left.text().to_owned()}</dd>
                                    </div>
                                }
                            })}
                    </dl>
                }
            })
            .collect_view()
    };
    let delivered = move || {
        delivered_hours.map(|h| {
            let l = l.get();
            view! {
                <p class="tile__delivered">
                    {l.t(Msg::DeliveredHours)}": "<strong>{i18n::num(l, h)}</strong>
                </p>
            }
        })
    };
    view! {
        <a href=href class="tile">
            <h3 class="tile__title">{title}</h3>
            {subtitle.map(|s| view! { <p class="tile__subtitle">{s}</p> })}
            {rows}
            {delivered}
        </a>
    }
}
