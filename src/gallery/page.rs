//! The gallery's page: the language and theme switchers (kept in the query
//! string), a table of contents, and one section per component. Also the
//! two wrappers every section uses, [`Section`] and [`State`].

use super::{attention, notices, playground, records, summaries};
use crate::components::select::{LabeledSelect, Opt};
use crate::context::Ctx;
use crate::i18n::{self, Locale};
use crate::pages::url::{query_setter, query_value};
use leptos::prelude::*;

/// The sections, in page order: (id, heading).
const SECTIONS: [(&str, &str); 8] = [
    ("tiles", "Enterprise tiles"),
    ("package-cards", "Package cards"),
    ("usage-bars", "Usage bars"),
    ("grid", "Data grid"),
    ("chart", "Consumption chart"),
    ("alerts", "Alerts and loading"),
    ("gate", "Access pages"),
    ("attention", "Needs attention"),
];

fn theme_of(q: Option<&str>) -> &'static str {
    if q == Some("dark") {
        "dark"
    } else {
        "light"
    }
}

#[component]
pub fn GalleryPage() -> impl IntoView {
    let ctx = Ctx::get();
    let locale = ctx.locale;
    let locale_q = query_value("locale");
    let theme_q = query_value("theme");
    // The query string decides; a link that drops it (a tile's href) keeps
    // the current choice. Set before the first render, then kept in step.
    let theme = RwSignal::new(theme_of(theme_q.get_untracked().as_deref()));
    if let Some(t) = locale_q.get_untracked() {
        locale.set(Locale::from_tag(&t));
    }
    Effect::new(move |_| {
        if let Some(t) = locale_q.get() {
            locale.set(Locale::from_tag(&t));
        }
        if let Some(t) = theme_q.get() {
            theme.set(theme_of(Some(&t)));
        }
    });

    let set = query_setter();
    let set_theme = set.clone();
    let locales: Vec<Opt> = Locale::ALL
        .into_iter()
        .map(|l| Opt::new(l.tag(), l.native_name()))
        .collect();
    let themes = vec![Opt::new("light", "Light"), Opt::new("dark", "Dark")];
    let today = move || i18n::date(locale.get(), ctx.today);
    let toc = SECTIONS
        .into_iter()
        .map(|(id, title)| {
            view! {
                <li>
                    <a href=format!("#gallery-{id}")>{title}</a>
                </li>
            }
        })
        .collect_view();
    let toc = view! {
        {toc}
        <li>
            <a href="#gallery-playground">"Try your own values"</a>
        </li>
    };

    view! {
        <div class="ca-app gallery" lang=move || locale.get().tag() data-theme=move || theme.get()>
            <header class="gallery-head">
                <div>
                    <h1>"Customer Activity · component gallery"</h1>
                    <p class="muted">"Fixed data. Today is " {today} "."</p>
                </div>
                <div class="gallery-switchers">
                    <LabeledSelect
                        id="gallery-locale".to_owned()
                        label="Language".to_owned()
                        options=locales
                        value=Signal::derive(move || locale.get().tag().to_owned())
                        on_change=Callback::new(move |v: String| set(
                            &[("locale", Some(v.as_str()))],
                            false,
                        ))
                    />
                    <LabeledSelect
                        id="gallery-theme".to_owned()
                        label="Theme".to_owned()
                        options=themes
                        value=Signal::derive(move || theme.get().to_owned())
                        on_change=Callback::new(move |v: String| set_theme(
                            &[("theme", Some(v.as_str()))],
                            false,
                        ))
                    />
                </div>
                <nav class="gallery-toc" aria-label="Sections">
                    <ul>{toc}</ul>
                </nav>
            </header>
            <main class="gallery-main">
                <summaries::Tiles />
                <summaries::PackageCards />
                <summaries::UsageBars />
                <records::Grids />
                <records::Charts />
                <notices::Alerts />
                <notices::Gate />
                <attention::Attention />
                <playground::Playground />
            </main>
        </div>
    }
}

/// A component's section: its heading and its states.
#[component]
pub fn Section(
    /// One of [`SECTIONS`]' ids.
    id: &'static str,
    /// Full-width states (grid, chart, alerts) rather than a grid of them.
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    let title = SECTIONS
        .into_iter()
        .find(|(s, _)| *s == id)
        .map_or(id, |(_, t)| t);
    let h = format!("gallery-{id}-h");
    let h_ref = h.clone();
    view! {
        <section class="gallery-section" id=format!("gallery-{id}") data-section=id aria-labelledby=h_ref>
            <h2 id=h>{title}</h2>
            <div class="gallery-states" class:gallery-states--wide=wide>
                {children()}
            </div>
        </section>
    }
}

/// One state: a `data-state` wrapper with its heading. Its content gets a
/// context of its own id prefix, so that element ids stay unique across
/// the many instances of a component on this page.
#[component]
pub fn State(
    /// The state's name (`data-state`, and the screenshot's file name).
    name: &'static str,
    /// What the state shows, for the heading.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let ctx = Ctx::get();
    let prefix: std::sync::Arc<str> = format!("gallery-{name}").into();
    provide_context(crate::ui::Ui {
        prefix: prefix.clone(),
        ..crate::ui::use_ui()
    });
    provide_context(Ctx { prefix, ..ctx });
    view! {
        <div class="gallery-state" data-state=name>
            <h3 class="gallery-state__title">{title} " " <code>{name}</code></h3>
            {children()}
        </div>
    }
}
