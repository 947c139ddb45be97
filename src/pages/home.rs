//! `/`: the shell's landing view; it leads to Customer Activity.

use crate::context::{tr, Ctx};
use crate::domain::roles::has_access;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let ctx = Ctx::get();
    let c = ctx.clone();
    let link = move || {
        let c = c.clone();
        c.me.get()
            .and_then(|r| r.ok())
            .filter(|me| has_access(me))
            .map(|_| {
                let href = c.href("/customer-activity");
                view! {
                    <p>
                        <a href=href class="btn btn-primary">
                            {tr(Msg::CustomerActivity)}
                        </a>
                    </p>
                }
            })
    };
    view! {
        <section class="home">
            <h1>{tr(Msg::ServicesHub)}</h1>
            <p>{tr(Msg::HomeIntro)}</p>
            {link}
        </section>
    }
}
