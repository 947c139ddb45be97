//! The data grid's search index ([`SearchIndex`]), built in the background:
//! right after the rows arrive (and again when the language changes, as
//! enum words are translated), a few milliseconds at a time, so that
//! neither the load nor the first keystroke has a long task. A search that
//! comes before it is done finishes it first ([`with_complete`]).

use crate::domain::grid::{ColId, GridRow, SearchIndex};
use crate::i18n::{self, Locale};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Rows indexed per step of the background build, and the time (ms) the
/// build may take before it yields to the page.
const INDEX_STEP: usize = 256;
const INDEX_SLICE_MS: f64 = 8.0;

/// The search index of one locale, possibly partly built.
struct LocaleIndex {
    locale: Locale,
    index: SearchIndex,
}

/// A grid's index, shared by its background build and its searches.
#[derive(Clone, Default)]
pub struct SharedIndex(Arc<Mutex<Option<LocaleIndex>>>);

impl SharedIndex {
    fn lock(&self) -> MutexGuard<'_, Option<LocaleIndex>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the complete index of `rows` in locale `l`, finishing
    /// (or starting over) the build first.
    pub fn with_complete<R: GridRow, T>(
        &self,
        rows: &[R],
        cols: &[ColId],
        l: Locale,
        f: impl FnOnce(&SearchIndex) -> T,
    ) -> T {
        let mut ix = self.lock();
        while !index_step(&mut ix, rows, cols, l, usize::MAX) {}
        f(&ix.as_ref().expect("built above").index)
    }

    /// Builds the index of `rows` in the background, in the current
    /// locale, until it is complete, the language changes (the build starts
    /// over) or the grid goes away.
    pub fn build_in_background<R: GridRow + Send + Sync + 'static>(
        &self,
        rows: Arc<Vec<R>>,
        cols: Arc<Vec<ColId>>,
        locale: RwSignal<Locale>,
    ) {
        let alive = Arc::new(AtomicBool::new(true));
        {
            let alive = alive.clone();
            on_cleanup(move || alive.store(false, Ordering::Relaxed));
        }
        let index = self.clone();
        Effect::new(move |_| {
            let lang = locale.get();
            let (rows, cols, index, alive) =
                (rows.clone(), cols.clone(), index.clone(), alive.clone());
            leptos::task::spawn_local(async move {
                loop {
                    crate::platform::next_task().await;
                    // Unmounted, or a newer language's build took over.
                    if !alive.load(Ordering::Relaxed) || locale.try_get_untracked() != Some(lang) {
                        return;
                    }
                    let t0 = crate::platform::now_ms();
                    let mut ix = index.lock();
                    while !index_step(&mut ix, &rows, &cols, lang, INDEX_STEP) {
                        if crate::platform::now_ms() - t0 > INDEX_SLICE_MS {
                            break;
                        }
                    }
                    if ix.as_ref().is_some_and(|x| x.index.is_complete(rows.len())) {
                        return;
                    }
                }
            });
        });
    }
}

/// Indexes up to `step` more rows for locale `l` (starting over if the
/// index is another locale's); returns whether the index is complete.
fn index_step<R: GridRow>(
    ix: &mut Option<LocaleIndex>,
    rows: &[R],
    cols: &[ColId],
    l: Locale,
    step: usize,
) -> bool {
    if ix.as_ref().is_none_or(|x| x.locale != l) {
        *ix = Some(LocaleIndex {
            locale: l,
            index: SearchIndex::with_capacity(rows.len()),
        });
    }
    let x = ix.as_mut().expect("set above");
    if x.index.is_complete(rows.len()) {
        return true;
    }
    let label = move |w: &'static str| i18n::enum_label(l, w).to_owned();
    x.index.extend(rows, cols, &label, step)
}
