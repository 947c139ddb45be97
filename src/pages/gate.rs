//! The `/customer-activity` parent route: waits for the user, shows the
//! access-denied or signed-out view when it must (making no other
//! request), and otherwise loads the customer-activity document once for
//! every view below it, so moving between views or changing a filter never
//! refetches.

use crate::api::Loader;
use crate::context::{tr, Ctx};
use crate::domain::roles::has_access;
use crate::domain::validate::{check_activity, unreadable, Finding};
use crate::domain::view::WorkspaceSel;
use crate::i18n::Msg;
use crate::pages::load_error::request_view;
use crate::pages::url::{keys, query_value};
use ca_contract::{CustomerActivity, Me};
use leptos::prelude::*;
use std::sync::Arc;

/// The loaded document and what was flagged in it.
#[derive(Debug)]
pub struct Loaded {
    pub doc: CustomerActivity,
    pub findings: Vec<Finding>,
}

/// The document's resource, shared by the views under the gate.
#[derive(Clone, Copy)]
pub struct Activity(pub Loader<Loaded>);

/// How far the landing page has drawn the document. The task it arrives in
/// decodes it and draws what is above the regions; each region one browser
/// task after the one above it (Needs attention [`Drawn::ATTENTION`], the
/// enterprise region [`Drawn::ENTERPRISE`], its tiles
/// [`Drawn::ENTERPRISE_TILES`], then [`Drawn::ADDONS`]), keeping their
/// skeletons meanwhile, so on a phone's
/// CPU no single task blocks input for long. Advanced by the document's
/// fetch once it has answered, never by an effect; it never goes back, so
/// a Retry or a filter change draws at once.
#[derive(Clone, Copy)]
pub struct Drawn(RwSignal<u8>);

impl Drawn {
    pub const ATTENTION: u8 = 1;
    pub const ENTERPRISE: u8 = 2;
    pub const ENTERPRISE_TILES: u8 = 3;
    pub const ADDONS: u8 = 4;

    pub fn get() -> Drawn {
        expect_context::<Drawn>()
    }

    /// Whether the region of `stage` may draw the document: a memo, so a
    /// region's views run again when it is reached, not at every later
    /// stage.
    pub fn reached(self, stage: u8) -> Memo<bool> {
        Memo::new(move |_| self.0.get() >= stage)
    }

    /// Called when the document has answered: one stage a task.
    fn advance(self) {
        // The views may have gone while the document was on its way (an
        // embedded page re-rendered for another locale): then nothing.
        if self.0.try_get_untracked().is_none_or(|s| s >= Self::ADDONS) {
            return;
        }
        leptos::task::spawn_local(async move {
            for stage in Self::ATTENTION..=Self::ADDONS {
                crate::platform::next_task().await;
                // The views may have gone (the user left): then nothing.
                self.0.try_update(|s| *s = (*s).max(stage));
            }
        });
    }
}

/// The signed-in user, for the views under the gate.
#[derive(Clone)]
pub struct User(pub Arc<Me>);

impl User {
    pub fn get() -> Arc<Me> {
        expect_context::<User>().0
    }
}

/// The Workspace selection of the current URL.
pub fn use_workspace() -> Memo<WorkspaceSel> {
    let me = User::get();
    let q = query_value(keys::WORKSPACE);
    Memo::new(move |_| WorkspaceSel::from_query(q.get().as_deref(), &me))
}

/// The user's gate around the views below `/customer-activity`
/// (`children`, drawn once the user may see them).
#[component]
pub fn Gate(children: ChildrenFn) -> impl IntoView {
    let ctx = Ctx::get();
    let me = ctx.me;
    move || {
        if matches!(me.get(), Some(Err(e)) if e.status() == Some(401)) {
            return view! { <SignedOut /> }.into_any();
        }
        request_view(
            me,
            Msg::WhatFailedProfile,
            Some(Msg::CustomerActivity),
            |user| {
                if has_access(&user) {
                    let children = children.clone();
                    view! { <WithActivity user=user>{children()}</WithActivity> }.into_any()
                } else {
                    view! { <AccessDenied /> }.into_any()
                }
            },
        )
    }
}

#[component]
fn WithActivity(user: Arc<Me>, children: Children) -> impl IntoView {
    let ctx = Ctx::get();
    provide_context(User(user));
    let api = ctx.api.clone();
    let drawn = Drawn(RwSignal::new(0));
    let res = Loader::new(move || {
        let api = api.clone();
        async move {
            let d = api.customer_activity().await;
            drawn.advance();
            let d = d?;
            let mut findings = unreadable(&d.issues);
            findings.extend(check_activity(&d.value));
            Ok(Loaded {
                doc: d.value,
                findings,
            })
        }
    });
    provide_context(Activity(res));
    provide_context(drawn);
    children()
}

#[component]
pub fn AccessDenied() -> impl IntoView {
    // The host's Manage Users page, when it says where it is (an http(s)
    // URL or a path of the host's own).
    let manage = Ctx::get().config.manage_users_url.clone().filter(|u| {
        crate::domain::text::http_url(u).is_some() || (u.starts_with('/') && !u.starts_with("//"))
    });
    view! {
        <section class="notice-page">
            <h1>{tr(Msg::NoAccessTitle)}</h1>
            <p>{tr(Msg::NoAccessBody)}</p>
            {manage
                .map(|href| {
                    view! {
                        <p>
                            <a class="btn" href=href rel="external">
                                {tr(Msg::ManageUsers)}
                            </a>
                        </p>
                    }
                })}
        </section>
    }
}

#[component]
pub fn SignedOut() -> impl IntoView {
    view! {
        <section class="notice-page" role="alert">
            <h1>{tr(Msg::SignedOutTitle)}</h1>
            <p>{tr(Msg::SignedOutBody)}</p>
        </section>
    }
}
