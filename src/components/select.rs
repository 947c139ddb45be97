//! A labelled native `<select>`: a combobox with a visible label, the most
//! robust choice for keyboards, screen readers and phones.

use leptos::prelude::*;

/// One option: its value and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    pub value: String,
    pub label: String,
}

impl Opt {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Opt {
            value: value.into(),
            label: label.into(),
        }
    }
}

#[component]
pub fn LabeledSelect(
    /// Element id (unique per instance).
    id: String,
    /// The visible label, which names the combobox.
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] options: Signal<Vec<Opt>>,
    /// The selected value.
    #[prop(into)]
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=move || value.get()
                disabled=move || disabled.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                <For each=move || options.get() key=|o| (o.value.clone(), o.label.clone()) let(o)>
                    <option value=o.value.clone() selected=move || value.get() == o.value>
                        {o.label.clone()}
                    </option>
                </For>
            </select>
        </div>
    }
}
