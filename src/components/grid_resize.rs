//! A column's resize handle: the right edge of its header, a focusable
//! separator (window-splitter pattern). Drag it with the mouse or a finger,
//! or focus it and press the arrow keys (Home: the default width).

use leptos::prelude::*;

#[component]
pub fn ResizeHandle(
    /// The handle's accessible name ("Resize column Title").
    name: String,
    /// The column's width (em).
    #[prop(into)]
    width: Signal<f64>,
    /// The width Home goes back to.
    default: f64,
    min: f64,
    max: f64,
    /// Called with the width asked for (the grid clamps and keeps it).
    on_width: Callback<f64>,
) -> impl IntoView {
    // A drag in progress: (pointer, start x, start width, px per em).
    let drag: StoredValue<Option<(i32, f64, f64, f64)>> = StoredValue::new(None);
    view! {
        <span
            class="col-resize"
            role="separator"
            aria-orientation="vertical"
            tabindex="0"
            aria-label=name
            aria-valuemin=min.to_string()
            aria-valuemax=max.to_string()
            aria-valuenow=move || width.get().to_string()
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                let now = width.get_untracked();
                let w = match ev.key().as_str() {
                    "ArrowRight" | "ArrowUp" => now + 1.0,
                    "ArrowLeft" | "ArrowDown" => now - 1.0,
                    "Home" => default,
                    _ => return,
                };
                ev.prevent_default();
                on_width.run(w);
            }
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                let el: web_sys::Element = event_target(&ev);
                let _ = el.set_pointer_capture(ev.pointer_id());
                let em = web_sys::window()
                    .and_then(|w| w.get_computed_style(&el).ok().flatten())
                    .and_then(|s| s.get_property_value("font-size").ok())
                    .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
                    .filter(|v| *v > 0.0)
                    .unwrap_or(14.0);
                drag.set_value(
                    Some((ev.pointer_id(), f64::from(ev.client_x()), width.get_untracked(), em)),
                );
                ev.prevent_default();
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                if let Some((id, x0, w0, em)) = drag.get_value() {
                    if id == ev.pointer_id() {
                        on_width.run(w0 + (f64::from(ev.client_x()) - x0) / em);
                    }
                }
            }
            on:pointerup=move |_| drag.set_value(None)
            on:pointercancel=move |_| drag.set_value(None)
        ></span>
    }
}
