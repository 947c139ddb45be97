//! Customer Activity, the Services Hub page, as a Leptos client-side app.
pub mod domain;
pub mod i18n;
