//! Parts of the page whose code ships as wasm files of their own, fetched
//! the first time the page needs them: the records of a drilldown (chart,
//! range, exports, grid), the additional cases' grid, and the workbook
//! writers. The landing page's first load then carries only what it draws.
//!
//! A release build (`cfg(ca_split)`, see build.rs; `scripts/build-wasm.sh`)
//! cuts the module at each [`split_fn!`] with `wasm_split_helpers` (what
//! Leptos's `#[lazy]` uses, with its `fallible` option: a part that cannot
//! be fetched is an error, not a panic); every other build (tests, the
//! gallery, `trunk serve`) keeps one module, and a part is then in from the
//! start. The page's code is the same in both: it asks a [`Part`] whether
//! its code is in, draws what it has meanwhile, and says so with Retry when
//! the code could not be fetched (a network failure never blanks the page,
//! and never panics the module).

use crate::api::ApiError;
use crate::i18n::Msg;
use crate::pages::load_error::LoadError;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A part's code could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unloaded;

#[cfg(ca_split)]
impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// What fetches a part's code (the `$preload` function of a [`split_fn!`]).
pub(crate) type Preload = fn() -> Pin<Box<dyn Future<Output = Result<(), Unloaded>>>>;

/// The value of a future that is ready at its first poll, as a split
/// function's is once its part is loaded (it then calls into the part at
/// once). `None` if it would wait.
pub(crate) fn now<T>(f: impl Future<Output = T>) -> Option<T> {
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Loading,
    Ready,
    Failed,
}

/// One part of the page's code, as a view sees it: loading, in, or failed.
#[derive(Clone, Copy)]
pub(crate) struct Part {
    state: RwSignal<State>,
    started: StoredValue<bool>,
    preload: Preload,
    /// What waits for the code ([`Part::ready`]).
    waiting: StoredValue<Vec<Waker>>,
}

thread_local! {
    /// The parts whose code is in (by their preload function).
    static IN: std::cell::RefCell<Vec<Preload>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn is_in(preload: Preload) -> bool {
    IN.with_borrow(|v| v.iter().any(|p| std::ptr::fn_addr_eq(*p, preload)))
}

impl Part {
    /// Starts fetching the part's code (nothing to do if it is in).
    pub(crate) fn new(preload: Preload) -> Self {
        let part = Self::later(preload);
        part.start();
        part
    }

    /// The part, whose code is fetched by [`Part::start`] (if it is not in
    /// already): for a view that first paints what it has.
    pub(crate) fn later(preload: Preload) -> Self {
        let ready = is_in(preload);
        Part {
            state: RwSignal::new(if ready { State::Ready } else { State::Loading }),
            started: StoredValue::new(ready),
            preload,
            waiting: StoredValue::new(Vec::new()),
        }
    }

    /// Fetches the part's code, once.
    pub(crate) fn start(self) {
        if self.started.try_get_value() == Some(false) {
            self.started.set_value(true);
            self.load();
        }
    }

    fn load(self) {
        let preload = self.preload;
        let done = move |r: Result<(), Unloaded>| {
            if r.is_ok() && !is_in(preload) {
                IN.with_borrow_mut(|v| v.push(preload));
            }
            // The view may have been dropped meanwhile.
            let _ = self.state.try_set(state_of(r));
            if r.is_ok() {
                for w in self
                    .waiting
                    .try_update_value(std::mem::take)
                    .unwrap_or_default()
                {
                    w.wake();
                }
            }
        };
        let mut fut = preload();
        // A part already in (or a build of one module) is ready at once:
        // drawn in this task, with no frame of placeholder.
        match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(r) => done(r),
            Poll::Pending => {
                self.state.set(State::Loading);
                leptos::task::spawn_local(async move { done(fut.await) });
            }
        }
    }

    /// Once its code is in (pending while it is on its way, or failed: a
    /// Retry that fetches it then ends the wait).
    pub(crate) fn ready(self) -> impl Future<Output = ()> {
        std::future::poll_fn(move |cx| match self.state.try_get_untracked() {
            Some(State::Ready) => Poll::Ready(()),
            _ => {
                let _ = self
                    .waiting
                    .try_update_value(|w| w.push(cx.waker().clone()));
                Poll::Pending
            }
        })
    }

    /// The data `read` reads (a call of a split function of this part),
    /// once the code is in: its result, or the part's error.
    pub(crate) async fn read<T, F>(self, read: impl FnOnce() -> F) -> Result<T, ApiError>
    where
        F: Future<Output = Result<Reading<T>, Unloaded>>,
    {
        self.ready().await;
        match read().await {
            Ok(reading) => reading.await,
            Err(Unloaded) => Err(part_missing()),
        }
    }

    /// `aria-busy` of a view drawn by this part from `data`: busy until
    /// both are in. A failed request is not busy, it says so; nor is data
    /// waiting for code that could not be fetched ([`Part::failure`]).
    pub(crate) fn busy<T: Send + Sync + 'static>(self, data: crate::api::Loader<T>) -> String {
        let state = self.state.get();
        match data.get() {
            Some(Err(_)) => false,
            _ if state == State::Failed => false,
            None => true,
            Some(Ok(_)) => state == State::Loading,
        }
        .to_string()
    }

    /// What failed, with Retry, if the code could not be fetched: for a
    /// view whose data waits for the code. Reading the state tracks it.
    pub(crate) fn failure(self) -> Option<AnyView> {
        (self.state.get() == State::Failed).then(|| self.failed())
    }

    /// Draws `view` (a call of a split function) once the part's code is
    /// in; `waiting` meanwhile; what failed, with Retry, if it could not be
    /// fetched. Reading the state tracks it.
    pub(crate) fn show<F: Future<Output = Result<AnyView, Unloaded>>>(
        self,
        waiting: impl FnOnce() -> AnyView,
        view: impl FnOnce() -> F,
    ) -> AnyView {
        match self.state.get() {
            State::Loading => waiting(),
            State::Ready => match now(view()) {
                Some(Ok(v)) => v,
                // Not expected once the part is in; shown as a failure,
                // with Retry, rather than a panic.
                _ => self.failed(),
            },
            State::Failed => self.failed(),
        }
    }

    fn failed(self) -> AnyView {
        view! {
            <LoadError
                what=Msg::WhatFailedPart
                error=part_missing()
                on_retry=Callback::new(move |_| self.load())
            />
        }
        .into_any()
    }
}

/// A routed view whose code is in a part (`view`, a split function of it,
/// and `preload`, its preload function): while its code is on its way, the
/// link back and the Loading line, as the view itself shows them while its
/// data loads; if the code could not be fetched, the link back and what
/// failed, with Retry. Never a blank page.
pub(crate) fn page_part<F>(preload: Preload, view: fn(()) -> F) -> AnyView
where
    F: Future<Output = Result<AnyView, Unloaded>> + 'static,
{
    use crate::components::alert::Loading;
    use crate::pages::back::BackLink;
    let part = Part::new(preload);
    let sel = crate::pages::gate::use_workspace();
    (move || {
        let state = part.state.get();
        if state == State::Ready {
            if let Some(Ok(v)) = now(view(())) {
                return v;
            }
        }
        let waiting = state == State::Loading;
        view! {
            <div class="page">
                <BackLink sel=sel />
                {if waiting { view! { <Loading /> }.into_any() } else { part.failed() }}
            </div>
        }
        .into_any()
    })
    .into_any()
}

/// Data being read by a part's code (what a split function that reads a
/// response returns).
pub(crate) type Reading<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// The error of a part whose code could not be fetched.
fn part_missing() -> ApiError {
    ApiError::Network("the code of this part of the page".into())
}

/// Fetches a part's code ahead of its view (once; nothing if it is in).
pub(crate) fn prefetch(preload: Preload) {
    thread_local! {
        static ASKED: std::cell::RefCell<Vec<Preload>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if is_in(preload) || ASKED.with_borrow(|v| v.iter().any(|p| std::ptr::fn_addr_eq(*p, preload)))
    {
        return;
    }
    ASKED.with_borrow_mut(|v| v.push(preload));
    leptos::task::spawn_local(async move {
        if preload().await.is_ok() {
            if !is_in(preload) {
                IN.with_borrow_mut(|v| v.push(preload));
            }
        } else {
            // A failure is not remembered: the next intent asks again.
            ASKED.with_borrow_mut(|v| v.retain(|p| !std::ptr::fn_addr_eq(*p, preload)));
        }
    });
}

/// A pointer over, a focus on or a touch of a link (`ev` bubbled up to the
/// page's main element): the code of the view it leads to is fetched now,
/// so it is in, or on its way, when the link is followed.
pub(crate) fn on_intent(ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(a)) = el.closest("a[href]") else {
        return;
    };
    let href = a.get_attribute("href").unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or_default();
    if path.contains("/customer-activity/entitlements/") {
        prefetch(super::records_view::preload_records);
    } else if path.contains("/customer-activity/tiles/") {
        prefetch(super::tile_list::preload_tile_list_page);
    } else if path.ends_with("/customer-activity/additional-cases") {
        prefetch(super::additional_cases::preload_cases_page);
        prefetch(super::additional_cases::preload_cases);
    }
}

fn state_of(r: Result<(), Unloaded>) -> State {
    match r {
        Ok(()) => State::Ready,
        Err(Unloaded) => State::Failed,
    }
}

/// `$vis fn $name($arg: $ty) -> $ret => $part, $preload / $raw { … }`:
/// `$vis async fn $name($arg: $ty) -> Result<$ret, Unloaded>`, whose body
/// is in the wasm part `$part` of a split build, and `$vis fn $preload()`,
/// which fetches that part (a [`Preload`]; `$raw` names the split build's
/// own preload function). Every function of a part has its own pair; the
/// part is fetched once.
macro_rules! split_fn {
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($arg:ident: $ty:ty) -> $ret:ty => $part:ident, $preload:ident / $raw:ident
        $body:block
    ) => {
        #[cfg(ca_split)]
        $(#[$meta])*
        #[wasm_split_helpers::wasm_split($part, fallible, preload($raw))]
        $vis fn $name($arg: $ty) -> Result<$ret, $crate::pages::part::Unloaded> {
            Ok($body)
        }

        #[cfg(not(ca_split))]
        $(#[$meta])*
        $vis async fn $name($arg: $ty) -> Result<$ret, $crate::pages::part::Unloaded> {
            Ok($body)
        }

        #[allow(dead_code)]
        $vis fn $preload() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), $crate::pages::part::Unloaded>>>> {
            #[cfg(ca_split)]
            {
                Box::pin(async { $raw().await.map_err($crate::pages::part::Unloaded::from) })
            }
            #[cfg(not(ca_split))]
            {
                Box::pin(async { Ok(()) })
            }
        }
    };
}
pub(crate) use split_fn;

/// [`split_fn!`] for a view: `-> AnyView`.
macro_rules! split_view {
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($arg:ident: $ty:ty) in $part:ident, $preload:ident / $raw:ident
        $body:block
    ) => {
        $crate::pages::part::split_fn! {
            $(#[$meta])*
            $vis fn $name($arg: $ty) -> leptos::prelude::AnyView => $part, $preload / $raw $body
        }
    };
}
pub(crate) use split_view;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ready_future_is_read_at_once_and_a_waiting_one_is_not() {
        assert_eq!(now(async { 7 }), Some(7));
        assert_eq!(now(std::future::pending::<u8>()), None);
    }
}
