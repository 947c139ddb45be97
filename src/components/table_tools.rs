//! The controls around a table: the From/To date fields, the Export group,
//! and a toggletip (a short explanation behind an "i" button). They take
//! values and callbacks; they read nothing but the locale.

use crate::domain::dates::{iso, parse_date};
use crate::domain::records::DateRange;
use crate::i18n::Msg;
use crate::ui::tr;
use leptos::prelude::*;

/// From and To: native date fields (ISO values, shown in the browser's
/// locale), both ends included. A reversed range is said in words.
#[component]
pub fn DateRangeFields(
    /// Ids' prefix (unique on the page).
    id: String,
    #[prop(into)] range: Signal<DateRange>,
    on_change: Callback<DateRange>,
) -> impl IntoView {
    let (from_id, to_id) = (format!("{id}-from"), format!("{id}-to"));
    let value = move |d: Option<chrono::NaiveDate>| d.map(iso).unwrap_or_default();
    let set_from = move |ev| {
        let v = event_target_value(&ev);
        let mut r = range.get_untracked();
        r.from = parse_date(&v);
        on_change.run(r);
    };
    let set_to = move |ev| {
        let v = event_target_value(&ev);
        let mut r = range.get_untracked();
        r.to = parse_date(&v);
        on_change.run(r);
    };
    let reversed = move || {
        range.get().is_reversed().then(|| {
            view! {
                <p class="field-error" role="alert">
                    {tr(Msg::RangeReversed)}
                </p>
            }
        })
    };
    let clear = move || {
        range.get().is_set().then(|| {
            view! {
                <button
                    type="button"
                    class="btn btn-link"
                    on:click=move |_| on_change.run(DateRange::default())
                >
                    {tr(Msg::ClearDates)}
                </button>
            }
        })
    };
    view! {
        <fieldset class="date-range">
            <legend class="sr-only">{tr(Msg::DateRange)}</legend>
            <div class="field field--date">
                <label for=from_id.clone()>{tr(Msg::DateFrom)}</label>
                <input
                    id=from_id
                    type="date"
                    prop:value=move || value(range.get().from)
                    on:change=set_from
                />
            </div>
            <div class="field field--date">
                <label for=to_id.clone()>{tr(Msg::DateTo)}</label>
                <input
                    id=to_id
                    type="date"
                    prop:value=move || value(range.get().to)
                    on:change=set_to
                />
            </div>
            {clear}
            {reversed}
        </fieldset>
    }
}

/// The Export group: Download CSV and Download Excel.
#[component]
pub fn ExportGroup(
    on_csv: Callback<()>,
    on_xlsx: Callback<()>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="toolbar-group export-group" role="group" aria-label=tr(Msg::Export)>
            <span class="toolbar-label" aria-hidden="true">
                {tr(Msg::Export)}
            </span>
            <button
                type="button"
                class="btn"
                disabled=move || disabled.get()
                on:click=move |_| on_csv.run(())
            >
                {tr(Msg::DownloadCsv)}
            </button>
            <button
                type="button"
                class="btn"
                disabled=move || disabled.get()
                on:click=move |_| on_xlsx.run(())
            >
                {tr(Msg::DownloadExcel)}
            </button>
        </div>
    }
}

/// A short explanation behind a small button: opened by click, Enter or
/// Space, closed by Escape or a second press; the text is announced (a
/// live region) when it opens.
#[component]
pub fn Toggletip(
    /// What the explanation is about (the button's name reads "More
    /// information: {topic}").
    #[prop(into)]
    topic: Signal<String>,
    text: Msg,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let l = crate::ui::use_locale();
    let name = move || format!("{}: {}", l.get().t(Msg::MoreInfo), topic.get());
    view! {
        <span class="toggletip">
            <button
                type="button"
                class="toggletip__button"
                aria-label=name
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
                on:blur=move |_| open.set(false)
            >
                <span aria-hidden="true">"i"</span>
            </button>
            <span class="toggletip__bubble" role="status">
                {move || {
                    open.get().then(|| view! { <span class="toggletip__text">{tr(text)}</span> })
                }}
            </span>
        </span>
    }
}
