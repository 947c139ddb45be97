//! The Services Hub shell: a header with the navigation landmark, the
//! Manage menu, and the language switch; the routed view below.

use crate::api::Loader;
use crate::components::menu::ManageMenu;
use crate::context::{tr, Ctx};
use crate::domain::roles::has_access;
use crate::i18n::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let ctx = Ctx::get();
    let main_id = ctx.id("main");
    let skip = format!("#{main_id}");
    let locale = ctx.locale;
    let theme = ctx
        .config
        .theme
        .clone()
        .unwrap_or_else(|| "light".to_owned());
    let demo = ctx.config.demo;
    // Clicks on this instance's own links go through this instance's
    // router (pages/router.rs `follow`).
    let router = crate::pages::router::Router::get();
    let own_links = move |ev: web_sys::MouseEvent| router.follow(&ev);
    let can_open = Signal::derive(move || {
        ctx.me
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|me| has_access(&me))
    });
    // The routed view in a task of its own, after the header's: on a phone
    // the first one (the wasm's start, and the browser compiling every
    // function it runs for the first time) is long enough already.
    let routed = crate::platform::true_next_task();
    let view = crate::platform::drawn_when(move || routed.get(), children);
    // Drawn: the host hears of it (embed.js fires `ca-ready` after the
    // next paint).
    if let Some(shown) = ctx.config.on_shown.clone() {
        Effect::new(move |_| {
            if routed.get() {
                shown();
            }
        });
    }
    view! {
        <div class="ca-app" lang=move || locale.get().tag() data-theme=theme on:click=own_links>
            <a class="skip-link" href=skip>
                {tr(Msg::SkipToContent)}
            </a>
            <header class="shell-header">
                <span class="shell-brand">{tr(Msg::ServicesHub)}</span>
                <nav class="shell-nav" aria-label=tr(Msg::MainNav)>
                    <ManageMenu can_open=can_open href=Ctx::get().href("/customer-activity") />
                </nav>
                <div class="shell-tools">
                    {demo.then(|| view! { <PersonaSwitch /> })} <LanguageSwitch /> <UserName />
                </div>
            </header>
            <main
                id=main_id
                class="shell-main"
                tabindex="-1"
                // A link about to be followed: its view's code is fetched now.
                on:pointerover=move |ev| super::part::on_intent(&ev)
                on:focusin=move |ev| super::part::on_intent(&ev)
                on:touchstart=move |ev| super::part::on_intent(&ev)
            >
                {view}
            </main>
        </div>
    }
}

#[component]
fn UserName() -> impl IntoView {
    let ctx = Ctx::get();
    move || {
        ctx.me
            .get()
            .and_then(|r| r.ok())
            .map(|me| view! { <span class="shell-user">{me.display_name.clone()}</span> })
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let ctx = Ctx::get();
    let id = ctx.id("lang");
    let locale = ctx.locale;
    view! {
        <div class="lang-switch">
            <label for=id.clone()>{tr(Msg::Language)}</label>
            <select
                id=id
                prop:value=move || locale.get().tag()
                on:change=move |ev| {
                    let l = Locale::from_tag(&event_target_value(&ev));
                    crate::platform::save_locale(l);
                    locale.set(l);
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag()>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Demo builds only (meta `customer-activity:demo`): act as another user of
/// the demo backend.
#[component]
fn PersonaSwitch() -> impl IntoView {
    let ctx = Ctx::get();
    let api = ctx.api.clone();
    let personas = Loader::new(move || {
        let api = api.clone();
        async move { Ok(api.demo_personas().await.unwrap_or_default()) }
    });
    let id = ctx.id("persona");
    let current = crate::platform::demo_persona().unwrap_or_else(|| "customer-admin".to_owned());
    view! {
        <div class="lang-switch">
            <label for=id.clone()>{tr(Msg::Persona)}</label>
            <select
                id=id
                on:change=move |ev| crate::platform::set_demo_persona(&event_target_value(&ev))
            >
                {move || {
                    let personas = personas.get().and_then(Result::ok).unwrap_or_default();
                    personas
                        .iter()
                        .map(|p| {
                            let selected = p.id == current;
                            view! {
                                <option value=p.id.clone() selected=selected>
                                    {p.label.clone()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
