//! "Try your own values": a designer types a name, figures, a unit, an end
//! date and a state, and sees the tile, the usage bar and the package card
//! drawn from them at once ("what if 0 of 0", "a 200-character name",
//! "ends today"), without code. Not screenshotted: the approved states are
//! the sections above.

use super::fixtures::{self, today};
use crate::components::alert::{ErrorAlert, Loading};
use crate::components::package_card::{PackageCard, ServiceLine};
use crate::components::tile::Tile;
use crate::components::usage_bar::UsageBar;
use crate::domain::dates::{iso, parse_date};
use crate::domain::packages::expiry;
use crate::domain::usage::Usage;
use crate::i18n;
use crate::ui::use_locale;
use ca_contract::{PackageStatus, Service, Unit};
use leptos::prelude::*;

/// A number field's value: `None` when empty or not a number.
fn number(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

const UNITS: [Unit; 6] = [
    Unit::Hours,
    Unit::Credits,
    Unit::Days,
    Unit::Workshops,
    Unit::Cases,
    Unit::Seats,
];

#[component]
pub fn Playground() -> impl IntoView {
    let l = use_locale();
    let name = RwSignal::new("Designated Support Engineering".to_owned());
    let consumed = RwSignal::new("45.5".to_owned());
    let purchased = RwSignal::new("120".to_owned());
    let unit = RwSignal::new(0usize);
    let ends = RwSignal::new(iso(today() + chrono::Duration::days(60)));
    let state = RwSignal::new("loaded".to_owned());

    let preset = move |n: &str, c: &str, p: &str, e: Option<String>| {
        name.set(n.to_owned());
        consumed.set(c.to_owned());
        purchased.set(p.to_owned());
        if let Some(e) = e {
            ends.set(e);
        }
        state.set("loaded".to_owned());
    };

    let preview = move || {
        let l = l.get();
        let unit = UNITS[unit.get()];
        let c = number(&consumed.get()).unwrap_or(0.0);
        let p = number(&purchased.get());
        let usage = Usage::new(c, p);
        let name = name.get();
        match state.get().as_str() {
            "loading" => return view! { <Loading /> }.into_any(),
            "failed" => {
                let text = i18n::load_failed(
                    l,
                    l.t(i18n::Msg::WhatFailedActivity),
                    l.t(i18n::Msg::WhyNetwork),
                );
                return view! { <ErrorAlert text=text on_retry=Callback::new(move |_| state.set("loaded".to_owned())) /> }.into_any();
            }
            _ => {}
        }
        let end = parse_date(&ends.get()).unwrap_or_else(today);
        let mut card = fixtures::card(
            "playground",
            &name,
            PackageStatus::Active,
            &iso(end - chrono::Duration::days(365)),
            &iso(end),
            vec![fixtures::entitlement(
                "playground-svc",
                "playground",
                Service::DesignatedSupportEngineering,
                &name,
                unit,
                p,
                c,
            )],
            vec![],
        );
        card.expiry = expiry(&card.package, today());
        let services: Vec<ServiceLine> = card.services;
        let valuetext = i18n::bar_valuetext(
            l,
            &i18n::num(l, c),
            &i18n::num(l, p.unwrap_or_default()),
            i18n::unit_word(l, unit, i18n::is_one(l, p.unwrap_or_default())),
        );
        view! {
            <div class="gallery-states">
                <div class="gallery-state">
                    <h3 class="gallery-state__title">"Tile"</h3>
                    <Tile
                        title=name.clone()
                        href="/customer-activity".to_owned()
                        totals=vec![fixtures::total(unit, c, p)]
                        delivered_hours=None
                    />
                </div>
                <div class="gallery-state">
                    <h3 class="gallery-state__title">"Usage bar"</h3>
                    <UsageBar
                        name=name.clone()
                        usage=usage
                        valuetext=Signal::stored(valuetext.clone())
                    />
                    <p class="gallery-caption">{valuetext}</p>
                </div>
                <div class="gallery-state">
                    <h3 class="gallery-state__title">"Package card"</h3>
                    <PackageCard
                        package=card.package
                        expiry=card.expiry
                        services=services
                        benefits=card.benefits
                    />
                </div>
            </div>
        }
        .into_any()
    };

    let text_field =
        |id: &'static str, label: &'static str, value: RwSignal<String>, kind: &'static str| {
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <input
                        id=id
                        type=kind
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </div>
            }
        };
    let unit_options = UNITS
        .iter()
        .enumerate()
        .map(|(i, u)| view! { <option value=i.to_string()>{move || i18n::unit_word(l.get(), *u, false)}</option> })
        .collect_view();

    view! {
        <section
            class="gallery-section gallery-playground"
            id="gallery-playground"
            aria-labelledby="gallery-playground-h"
        >
            <h2 id="gallery-playground-h">"Try your own values"</h2>
            <form class="gallery-controls" on:submit=|ev| ev.prevent_default()>
                {text_field("play-name", "Name", name, "text")}
                {text_field("play-consumed", "Consumed", consumed, "text")}
                {text_field("play-purchased", "Purchased (empty: As needed)", purchased, "text")}
                <div class="field">
                    <label for="play-unit">"Unit"</label>
                    <select
                        id="play-unit"
                        on:change=move |ev| unit.set(event_target_value(&ev).parse().unwrap_or(0))
                    >
                        {unit_options}
                    </select>
                </div>
                {text_field("play-ends", "Package ends", ends, "date")}
                <div class="field">
                    <label for="play-state">"State"</label>
                    <select
                        id="play-state"
                        prop:value=move || state.get()
                        on:change=move |ev| state.set(event_target_value(&ev))
                    >
                        <option value="loaded">"Loaded"</option>
                        <option value="loading">"Loading"</option>
                        <option value="failed">"Failed"</option>
                    </select>
                </div>
                <div class="gallery-presets" role="group" aria-label="Presets">
                    <button
                        type="button"
                        class="btn"
                        on:click=move |_| preset("Zero", "0", "0", None)
                    >
                        "0 of 0"
                    </button>
                    <button
                        type="button"
                        class="btn"
                        on:click=move |_| preset(
                            &"A very long name ".repeat(12)[..200],
                            "12",
                            "40",
                            None,
                        )
                    >
                        "A 200-character name"
                    </button>
                    <button
                        type="button"
                        class="btn"
                        on:click=move |_| preset(
                            "Data Platform Health Check",
                            "26",
                            "20",
                            Some(iso(today())),
                        )
                    >
                        "Ends today, over the cap"
                    </button>
                </div>
            </form>
            {preview}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn number_fields_read_either_decimal_mark_and_refuse_the_rest() {
        assert_eq!(number("45.5"), Some(45.5));
        assert_eq!(number(" 45,5 "), Some(45.5));
        assert_eq!(number(""), None);
        assert_eq!(number("abc"), None);
        assert_eq!(number("inf"), None);
    }
}
