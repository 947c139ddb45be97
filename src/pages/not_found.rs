use crate::context::{tr, Ctx};
use crate::i18n::Msg;
use leptos::prelude::*;

/// Any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let ctx = Ctx::get();
    let href = ctx.href("/customer-activity");
    view! {
        <section class="notice-page">
            <h1>{tr(Msg::PageNotFound)}</h1>
            <p>
                <a href=href>{tr(Msg::BackToCustomerActivity)}</a>
            </p>
        </section>
    }
}
