//! The link back to Customer Activity that every view below it shows,
//! keeping the Workspace selection.

use super::url::with_workspace;
use crate::context::{tr, Ctx};
use crate::domain::view::WorkspaceSel;
use crate::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn BackLink(sel: Memo<WorkspaceSel>) -> impl IntoView {
    let back = move || with_workspace(&Ctx::get().href("/customer-activity"), sel.get().as_query());
    view! {
        <nav class="crumbs" aria-label=tr(Msg::BackToCustomerActivity)>
            <a href=back>{tr(Msg::BackToCustomerActivity)}</a>
        </nav>
    }
}
