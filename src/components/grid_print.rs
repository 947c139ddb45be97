//! A grid on paper: while the page prints, the grid draws its rows whole
//! (up to [`PRINT_MAX`]) instead of the window in sight, and a note says
//! when there are more.

use crate::i18n;
use leptos::prelude::*;

/// Rows a printed grid holds at most (a note says when there are more).
pub(crate) const PRINT_MAX: usize = 2_000;

/// Whether the page is printing (between `beforeprint` and `afterprint`).
pub(crate) fn use_printing() -> RwSignal<bool> {
    let printing = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}

/// "Printed: the first 2,000 of N rows", printed only, when `rows()` is
/// over [`PRINT_MAX`].
pub(crate) fn print_note(
    l: RwSignal<i18n::Locale>,
    rows: impl Fn() -> usize + Send + Sync + 'static,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    move || {
        let n = rows();
        (n > PRINT_MAX).then(|| {
            let l = l.get();
            let text =
                i18n::printed_rows(l, &i18n::num(l, PRINT_MAX as f64), &i18n::num(l, n as f64));
            view! { <p class="print-only">{text}</p> }.into_any()
        })
    }
}
