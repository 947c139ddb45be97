//! One resource type for every request the page makes.
//!
//! Each `LocalResource<T>` instantiates Leptos's async machinery anew for
//! its value type and its fetcher's future: about 10 KB of wasm a resource.
//! [`Loader<T>`] keeps each page's own types while all loaders share one
//! instantiation: the value is held as `Arc<dyn Any>` and the fetch is a
//! boxed future; [`Loader::get`] hands back the `Arc<T>` it was given.

use super::ApiError;
use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

type Value = Result<Arc<dyn Any + Send + Sync>, ApiError>;
type Fetch = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Value>>>>;

/// The one `LocalResource` instantiation.
fn resource(fetch: Fetch) -> LocalResource<Value> {
    LocalResource::new(move || fetch())
}

/// A request's result, loaded (and reloaded) like a `LocalResource`: the
/// fetcher runs again when a signal it read changes, or on [`refetch`].
///
/// [`refetch`]: Loader::refetch
pub struct Loader<T> {
    inner: LocalResource<Value>,
    _value: PhantomData<fn() -> T>,
}

impl<T> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loader<T> {}

impl<T: Send + Sync + 'static> Loader<T> {
    pub fn new<F, Fut>(fetch: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let fetch: Fetch = Rc::new(move || {
            // Called by the resource inside its reactive scope, so the
            // signals `fetch` reads are tracked as before.
            let fut = fetch();
            Box::pin(async move { fut.await.map(|v| Arc::new(v) as Arc<dyn Any + Send + Sync>) })
        });
        Loader {
            inner: resource(fetch),
            _value: PhantomData,
        }
    }

    /// `None` while loading, then the result (tracked).
    pub fn get(&self) -> Option<Result<Arc<T>, ApiError>> {
        self.inner.get().map(|r| {
            r.map(|v| {
                v.downcast::<T>()
                    .unwrap_or_else(|_| unreachable!("a Loader<T> holds a T"))
            })
        })
    }

    /// The result so far, untracked.
    pub fn get_untracked(&self) -> Option<Result<Arc<T>, ApiError>> {
        untrack(|| self.get())
    }

    /// Runs the fetcher again (the Retry buttons).
    pub fn refetch(&self) {
        self.inner.refetch();
    }
}
