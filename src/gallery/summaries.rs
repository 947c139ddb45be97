//! The summary components: enterprise tiles, add-on package cards and the
//! usage bar, each in every state.

use super::fixtures::{self, CardFixture, TileFixture};
use super::page::{Section, State};
use crate::components::package_card::PackageCard;
use crate::components::tile::Tile;
use crate::components::usage_bar::UsageBar;
use crate::context::Ctx;
use crate::domain::enterprise::TileGroup;
use crate::domain::usage::Usage;
use crate::i18n;
use ca_contract::Unit;
use leptos::prelude::*;

fn tile(group: TileGroup, f: TileFixture) -> impl IntoView {
    let l = Ctx::get().locale;
    let title = Signal::derive(move || i18n::group_title(l.get(), group).to_owned());
    view! {
        <Tile
            title=title
            href=format!("/customer-activity/tiles/{}", group.slug())
            totals=f.totals
            delivered_hours=f.delivered_hours
        />
    }
}

#[component]
pub fn Tiles() -> impl IntoView {
    use TileGroup::*;
    view! {
        <Section id="tiles">
            <State name="tile-capped" title="Capped, with delivered hours">
                {tile(IntegratedProactiveServices, fixtures::tile_capped())}
            </State>
            <State name="tile-as-needed" title="As needed (no cap)">
                {tile(SupportAsNeeded, fixtures::tile_as_needed())}
            </State>
            <State name="tile-mixed-units" title="Mixed units">
                {tile(IntegratedProactiveServices, fixtures::tile_mixed_units())}
            </State>
            <State name="tile-over-consumed" title="Over-consumed">
                {tile(OnDemandEducation, fixtures::tile_over_consumed())}
            </State>
            <State name="tile-zero" title="Zero (0 of 0)">
                {tile(OnDemandAssessments, fixtures::tile_zero())}
            </State>
        </Section>
    }
}

fn card(f: CardFixture) -> impl IntoView {
    view! { <PackageCard package=f.package expiry=f.expiry services=f.services benefits=f.benefits /> }
}

#[component]
pub fn PackageCards() -> impl IntoView {
    view! {
        <Section id="package-cards">
            <State name="card-active" title="Active">
                {card(fixtures::card_active())}
            </State>
            <State name="card-expiring-30-days" title="Expiring in 30 days">
                {card(fixtures::card_expiring())}
            </State>
            <State name="card-ends-today" title="Ends today (over-consumed service)">
                {card(fixtures::card_ends_today())}
            </State>
            <State name="card-expired" title="Expired (as-needed service)">
                {card(fixtures::card_expired())}
            </State>
            <State name="card-no-services" title="Empty: no services">
                {card(fixtures::card_empty())}
            </State>
            <State name="card-with-benefits" title="With additional benefits">
                {card(fixtures::card_with_benefits())}
            </State>
        </Section>
    }
}

/// A bar with its value in words under it (the bar itself says it only to
/// assistive technology).
fn bar(consumed: f64, purchased: f64) -> impl IntoView {
    let l = Ctx::get().locale;
    let usage = Usage::new(consumed, Some(purchased));
    let words = Signal::derive(move || {
        let l = l.get();
        i18n::bar_valuetext(
            l,
            &i18n::num(l, consumed),
            &i18n::num(l, purchased),
            i18n::unit_word(l, Unit::Hours, i18n::is_one(l, purchased)),
        )
    });
    view! {
        <UsageBar name="Designated Support Engineering" usage=usage valuetext=words />
        <p class="gallery-caption">{words}</p>
    }
}

#[component]
pub fn UsageBars() -> impl IntoView {
    let titles = ["0 %", "50 %", "95 % (high)", "Over the cap"];
    let states = fixtures::BARS
        .into_iter()
        .zip(titles)
        .map(|((name, consumed, purchased), title)| {
            view! {
                <State name=name title=title>
                    {bar(consumed, purchased)}
                </State>
            }
        })
        .collect_view();
    view! { <Section id="usage-bars">{states}</Section> }
}
