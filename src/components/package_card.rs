//! An add-on package card: name, number, dates, expiry (with a warning in
//! the last 90 days), each consumption service as a link with its bar, and
//! the additional benefits.

use crate::components::usage_bar::UsageBar;
use crate::domain::dates::parse_date;
use crate::domain::forecast::{forecast_from_total, Outcome};
use crate::domain::packages::Expiry;
use crate::domain::usage::Usage;
use crate::i18n::{self, Msg};
use crate::ui::{tr, use_ui};
use ca_contract::{Entitlement, Package};
use chrono::NaiveDate;
use leptos::prelude::*;

/// A consumption service of the card, with where it leads.
#[derive(Debug, Clone)]
pub struct ServiceLine {
    pub entitlement: Entitlement,
    pub href: String,
}

#[component]
pub fn PackageCard(
    package: Package,
    expiry: Expiry,
    services: Vec<ServiceLine>,
    benefits: Vec<Entitlement>,
) -> impl IntoView {
    let ctx = use_ui();
    let l = ctx.locale;
    let title_id = ctx.id(&format!("pkg-{}", package.id));
    let title_id_ref = title_id.clone();
    let expiry_view = move || {
        let l = l.get();
        match expiry {
            Expiry::Expires { date, days_left } => {
                let warn = days_left.map(|n| {
                    let text = if n == 0 {
                        l.t(Msg::EndsToday).to_owned()
                    } else {
                        i18n::days_left(l, &i18n::num(l, n as f64), i18n::is_one(l, n as f64))
                    };
                    view! { <span class="badge badge-warning">{text}</span> }
                });
                view! { <p class="card__expiry">{i18n::expires(l, &i18n::date(l, date))} " " {warn}</p> }
                .into_any()
            }
            Expiry::Expired { date } => {
                view! { <p class="card__expiry card__expiry--past">{i18n::expired(l, &i18n::date(l, date))}</p> }
                    .into_any()
            }
            Expiry::Unknown => view! { <p class="card__expiry">{l.t(Msg::Unknown)}</p> }.into_any(),
        }
    };
    let p = package.clone();
    let meta = move || {
        let l = l.get();
        view! {
            <dl class="card__meta">
                {p
                    .number
                    .clone()
                    .map(|n| {
                        view! {
                            <div>
                                <dt>{l.t(Msg::PackageNumber)}</dt>
                                <dd>{n}</dd>
                            </div>
                        }
                    })} <div>
                    <dt>{l.t(Msg::StartDate)}</dt>
                    <dd>{i18n::any_date(l, &p.start_date)}</dd>
                </div> <div>
                    <dt>{l.t(Msg::EndDate)}</dt>
                    <dd>{i18n::any_date(l, &p.end_date)}</dd>
                </div>
            </dl>
        }
    };
    let has_services = !services.is_empty();
    let period = parse_date(&package.start_date).zip(parse_date(&package.end_date));
    let service_list = services
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <ServiceTile line=s period=period />
                </li>
            }
        })
        .collect_view();
    let benefit_list = (!benefits.is_empty()).then(|| {
        let items = benefits
            .into_iter()
            .map(|b| {
                view! {
                    <li>
                        <span class="benefit__name">{b.name.clone()}</span>
                        {b
                            .description
                            .clone()
                            .map(|d| view! { <span class="benefit__desc">{d}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h4 class="card__sub">{tr(Msg::AdditionalBenefits)}</h4>
            <ul class="benefits">{items}</ul>
        }
    });
    view! {
        <article class="card package-card" aria-labelledby=title_id_ref>
            <header class="card__head">
                <h3 id=title_id class="card__title">
                    {package.name.clone()}
                </h3>
                {expiry_view}
            </header>
            {meta}
            <h4 class="card__sub">{tr(Msg::ConsumptionServices)}</h4>
            {if has_services {
                view! { <ul class="services">{service_list}</ul> }.into_any()
            } else {
                view! { <p class="muted">{tr(Msg::NoConsumptionServices)}</p> }.into_any()
            }}
            {benefit_list}
        </article>
    }
}

#[component]
fn ServiceTile(line: ServiceLine, period: Option<(NaiveDate, NaiveDate)>) -> impl IntoView {
    let ctx = use_ui();
    let l = ctx.locale;
    let e = line.entitlement;
    let usage = Usage::new(e.consumed, e.purchased);
    let unit = e.unit;
    let valuetext = Signal::derive(move || {
        let l = l.get();
        let p = usage.purchased.unwrap_or_default();
        i18n::bar_valuetext(
            l,
            &i18n::num(l, usage.consumed),
            &i18n::num(l, p),
            i18n::unit_word(l, unit, i18n::is_one(l, p)),
        )
    });
    let figures = move || {
        let l = l.get();
        let u = i18n::usage_texts(l, usage, unit);
        let rest = u.left.map(|left| match left {
            i18n::Left::Over(o) => view! { <span class="over">{o}</span> }.into_any(),
            i18n::Left::Remaining(r) => {
                view! { <span>{l.t(Msg::Remaining)}": "{r}</span> }.into_any()
            }
        });
        view! {
            <span class="svc__figures">
                <span>{l.t(Msg::Consumed)}": "{u.consumed_of}</span>
                {rest}
            </span>
        }
    };
    // At this pace, will it run out before the package ends, or be left
    // partly unused? (From the total so far; the drilldown refines it.)
    let today = use_ui().today;
    let forecast =
        period.and_then(|(s, e)| forecast_from_total(usage.purchased, usage.consumed, s, e, today));
    let forecast_text = move || {
        let l = l.get();
        forecast
            .and_then(|f| match f.outcome {
                Outcome::RunsOut { date } => Some(i18n::runs_out(l, &i18n::date(l, date))),
                Outcome::LeftUnused { amount } if amount > 0.0 => {
                    Some(i18n::left_unused(l, &i18n::quantity(l, amount, unit)))
                }
                _ => None,
            })
            .map(|t| view! { <span class="svc__forecast">{t}</span> })
    };
    view! {
        <a href=line.href class="svc">
            <span class="svc__name">{e.name.clone()}</span>
            <UsageBar name=e.name.clone() usage=usage valuetext=valuetext />
            {figures}
            {forecast_text}
        </a>
    }
}
