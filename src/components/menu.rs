//! The shell's Manage menu (menu button pattern): Enter, Space or Arrow
//! Down open it on its first item; Escape closes it and returns focus;
//! a click elsewhere closes it.

use crate::i18n::Msg;
use crate::ui::{tr, use_ui};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ManageMenu(
    /// Whether the user may open Customer Activity (its item shows only then).
    can_open: Signal<bool>,
    /// Where Customer Activity is (under the router's base).
    href: String,
) -> impl IntoView {
    let ctx = use_ui();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let menu = NodeRef::<html::Div>::new();
    let menu_id = ctx.id("manage-menu");
    let button_id = ctx.id("manage-button");

    let focus_first = move || {
        if let Some(m) = menu.get() {
            if let Ok(Some(el)) = m.query_selector("[role=menuitem]") {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
    };
    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = button.get() {
                let _ = b.focus();
            }
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            open.set(true);
            request_animation_frame(focus_first);
        }
        "Escape" => close(true),
        _ => {}
    };
    let on_menu_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" || ev.key() == "Tab" {
            if ev.key() == "Escape" {
                ev.prevent_default();
            }
            close(ev.key() == "Escape");
        }
    };
    // Close when focus or a click lands outside the menu. Focus that goes
    // nowhere is looked at after a frame: when the focused item was replaced
    // (the user's pages arrived while the menu was open), the menu stays
    // open on its new first item; otherwise (a click on no control) it
    // closes unless focus is back inside.
    let inside = move |n: &web_sys::Node| {
        menu.get_untracked().is_some_and(|m| m.contains(Some(n)))
            || button.get_untracked().is_some_and(|b| b.contains(Some(n)))
    };
    let on_focusout = move |ev: web_sys::FocusEvent| {
        use wasm_bindgen::JsCast;
        match ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        {
            Some(n) if inside(&n) => {}
            Some(_) => open.set(false),
            None => {
                let left: Option<web_sys::Node> = ev.target().and_then(|t| t.dyn_into().ok());
                request_animation_frame(move || {
                    if !open.get_untracked() {
                        return;
                    }
                    let replaced = left.as_ref().is_some_and(|n| !n.is_connected());
                    let focused: Option<web_sys::Node> =
                        document().active_element().map(|e| e.unchecked_into());
                    if focused.as_ref().is_some_and(&inside) {
                        return;
                    }
                    if replaced {
                        focus_first();
                    } else {
                        open.set(false);
                    }
                });
            }
        }
    };
    view! {
        <div class="menu" on:focusout=on_focusout>
            <button
                id=button_id.clone()
                class="menu-button"
                node_ref=button
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=menu_id.clone()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    if open.get_untracked() {
                        request_animation_frame(focus_first);
                    }
                }
                on:keydown=on_key
            >
                {tr(Msg::Manage)}
                <span class="chevron" aria-hidden="true"></span>
            </button>
            <div
                id=menu_id
                class="menu-list"
                role="menu"
                aria-labelledby=button_id
                node_ref=menu
                hidden=move || !open.get()
                on:keydown=on_menu_key
            >
                <Show
                    when=move || can_open.get()
                    fallback=move || {
                        view! {
                            <span
                                role="menuitem"
                                aria-disabled="true"
                                class="menu-item disabled"
                                tabindex="-1"
                            >
                                {tr(Msg::NoPagesAvailable)}
                            </span>
                        }
                    }
                >
                    <a
                        href=href.clone()
                        role="menuitem"
                        class="menu-item"
                        on:click=move |_| open.set(false)
                    >
                        {tr(Msg::CustomerActivity)}
                    </a>
                </Show>
            </div>
        </div>
    }
}
