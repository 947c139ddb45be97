//! Alerts (a failed load, flagged data), the busy placeholder, and the two
//! pages the gate shows instead of Customer Activity.

use super::fixtures;
use super::page::{Section, State};
use crate::api::ApiError;
use crate::components::alert::{DataIssues, Loading};
use crate::i18n::Msg;
use crate::pages::gate::{AccessDenied, SignedOut};
use crate::pages::load_error::LoadError;
use leptos::html;
use leptos::prelude::*;

fn load_error(error: ApiError) -> impl IntoView {
    view! { <LoadError what=Msg::WhatFailedActivity error=error on_retry=Callback::new(|_| ()) /> }
}

/// The flagged items, shown expanded (the page shows them collapsed).
fn data_issues() -> impl IntoView {
    let wrap = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            if let Ok(Some(d)) = el.query_selector("details") {
                let _ = d.set_attribute("open", "");
            }
        }
    });
    view! {
        <div node_ref=wrap>
            <DataIssues findings=fixtures::findings() />
        </div>
    }
}

#[component]
pub fn Alerts() -> impl IntoView {
    view! {
        <Section id="alerts" wide=true>
            <State name="error-network" title="Load error: network">
                {load_error(fixtures::error_network())}
            </State>
            <State name="error-500" title="Load error: HTTP 500 with problem details">
                {load_error(fixtures::error_500())}
            </State>
            <State name="error-decode" title="Load error: not the promised JSON">
                {load_error(fixtures::error_decode())}
            </State>
            <State name="error-timeout" title="Load error: timeout">
                {load_error(fixtures::error_timeout())}
            </State>
            <State name="data-issues" title="Data issues (expanded)">
                {data_issues()}
            </State>
            <State name="loading" title="Loading">
                <Loading />
            </State>
        </Section>
    }
}

#[component]
pub fn Gate() -> impl IntoView {
    view! {
        <Section id="gate" wide=true>
            <State name="access-denied" title="No access">
                <AccessDenied />
            </State>
            <State name="signed-out" title="Signed out">
                <SignedOut />
            </State>
        </Section>
    }
}
