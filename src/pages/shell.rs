//! The Services Hub shell: a header with the navigation landmark, the
//! Manage menu, and the language switch; the routed view below.

use crate::components::menu::ManageMenu;
use crate::context::{has_access, Ctx, tr};
use crate::i18n::{Locale, Msg};
use leptos::prelude::*;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let ctx = Ctx::get();
    let main_id = ctx.id("main");
    let skip = format!("#{main_id}");
    let can_open = Signal::derive(move || ctx.me.get().and_then(|r| r.ok()).is_some_and(|me| has_access(&me)));
    view! {
        <div class="ca-app">
            <a class="skip-link" href=skip>{tr(Msg::SkipToContent)}</a>
            <header class="shell-header">
                <span class="shell-brand">{tr(Msg::ServicesHub)}</span>
                <nav class="shell-nav" aria-label=tr(Msg::MainNav)>
                    <ManageMenu can_open=can_open />
                </nav>
                <div class="shell-tools">
                    <LanguageSwitch />
                    <UserName />
                </div>
            </header>
            <main id=main_id class="shell-main" tabindex="-1">
                {children()}
            </main>
        </div>
    }
}

#[component]
fn UserName() -> impl IntoView {
    let ctx = Ctx::get();
    move || ctx.me.get().and_then(|r| r.ok()).map(|me| view! { <span class="shell-user">{me.display_name.clone()}</span> })
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
                    .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.native_name()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
