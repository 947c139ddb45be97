//! The page's own router: one instance's location, its routes (ui.md:
//! Routes) and navigation through the History API.
//!
//! Five routes, a query string and Back/Forward are all the page needs; a
//! general router's path matching, nested outlets and link components cost
//! the first load more than they give (issue #22). Each instance has its
//! own: the shell routes clicks on the instance's own links
//! (`shell::own_link_clicks`), and every instance follows Back and Forward.

use crate::domain::query::{decode, parse_query};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A route of ui.md, with its parameter (decoded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the shell's landing view.
    Home,
    /// `/customer-activity`.
    Landing,
    /// `/customer-activity/tiles/{group}`.
    Tiles(String),
    /// `/customer-activity/entitlements/{entitlementId}`.
    Entitlement(String),
    /// `/customer-activity/additional-cases`.
    Cases,
    NotFound,
}

/// The view a route shows under the base: the views below
/// `/customer-activity` share its gate (the user and the document).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Top {
    Home,
    Activity,
    NotFound,
}

/// The views below `/customer-activity`, without their parameters (a
/// drilldown stays drawn when only its entitlement changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Landing,
    Tiles,
    Entitlement,
    Cases,
}

impl Route {
    /// The route of `path` (the location's path) under `base` (no trailing
    /// slash; empty for the origin's root). A trailing slash is ignored.
    pub fn parse(path: &str, base: &str) -> Route {
        let rel = if base.is_empty() {
            path
        } else if path == base {
            "/"
        } else {
            match path.strip_prefix(base) {
                Some(rest) if rest.starts_with('/') => rest,
                _ => return Route::NotFound,
            }
        };
        let rel = rel.trim_end_matches('/');
        let mut segs = rel.split('/');
        if segs.next() != Some("") {
            return Route::NotFound;
        }
        let segs: Vec<&str> = segs.collect();
        match segs.as_slice() {
            [] => Route::Home,
            ["customer-activity"] => Route::Landing,
            ["customer-activity", "tiles", g] if !g.is_empty() => Route::Tiles(decode(g, false)),
            ["customer-activity", "entitlements", id] if !id.is_empty() => {
                Route::Entitlement(decode(id, false))
            }
            ["customer-activity", "additional-cases"] => Route::Cases,
            _ => Route::NotFound,
        }
    }

    pub fn top(&self) -> Top {
        match self {
            Route::Home => Top::Home,
            Route::NotFound => Top::NotFound,
            _ => Top::Activity,
        }
    }

    /// The view below `/customer-activity`, if the route is one.
    pub fn view(&self) -> Option<View> {
        match self {
            Route::Landing => Some(View::Landing),
            Route::Tiles(_) => Some(View::Tiles),
            Route::Entitlement(_) => Some(View::Entitlement),
            Route::Cases => Some(View::Cases),
            Route::Home | Route::NotFound => None,
        }
    }

    /// The route's parameter: a tile group or an entitlement id.
    pub fn param(&self) -> Option<&str> {
        match self {
            Route::Tiles(p) | Route::Entitlement(p) => Some(p),
            _ => None,
        }
    }
}

/// The location as the router knows it: path and query (with its `?`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Loc {
    path: String,
    search: String,
}

impl Loc {
    fn current() -> Loc {
        let l = window().location();
        Loc {
            path: l.pathname().unwrap_or_default(),
            search: l.search().unwrap_or_default(),
        }
    }
}

/// One instance's router, in its context.
#[derive(Clone, Copy)]
pub struct Router {
    loc: RwSignal<Loc>,
    /// The query's pairs, decoded, parsed once a location.
    pub query: Memo<Vec<(String, String)>>,
    pub route: Memo<Route>,
    base: StoredValue<String>,
}

impl Router {
    /// Makes the router of this instance under `base` (a path prefix, no
    /// trailing slash), following Back and Forward, and provides it.
    ///
    /// Clicks on the instance's own links reach it first (the shell calls
    /// [`Router::follow`]); a click on another link under `base` that no
    /// instance has taken (the host's own) goes to the first instance
    /// mounted, whose `window` listener comes first.
    pub fn provide(base: String) -> Router {
        let loc = RwSignal::new(Loc::current());
        let query = Memo::new(move |_| loc.with(|l| parse_query(&l.search)));
        let base = StoredValue::new(base);
        let route = Memo::new(move |_| base.with_value(|b| loc.with(|l| Route::parse(&l.path, b))));
        let router = Router {
            loc,
            query,
            route,
            base,
        };
        let pop = window_event_listener(leptos::ev::popstate, move |_| {
            loc.try_set(Loc::current());
        });
        let click = window_event_listener(leptos::ev::click, move |ev| router.follow(&ev));
        on_cleanup(move || {
            pop.remove();
            click.remove();
        });
        provide_context(router);
        router
    }

    /// Routes a click on a link under the base through this router and
    /// marks it handled (`preventDefault` alone: the host's own listeners
    /// still see it). A click already handled, with a modifier or another
    /// button, on a link with a target, `download` or `rel="external"`, or
    /// leaving the origin or the base, is left to the browser.
    pub fn follow(self, ev: &web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !a.target().is_empty()
            || a.has_attribute("download")
            || a.get_attribute("rel")
                .is_some_and(|r| r.split_ascii_whitespace().any(|p| p == "external"))
        {
            return;
        }
        let same_origin = window().location().origin().is_ok_and(|o| o == a.origin());
        let path = a.pathname();
        let inside = self.base.with_value(|base| {
            base.is_empty() || path == *base || path.starts_with(&format!("{base}/"))
        });
        if !same_origin || !inside {
            return;
        }
        ev.prevent_default();
        self.navigate(&format!("{path}{}{}", a.search(), a.hash()), false, true);
    }

    pub fn get() -> Router {
        expect_context::<Router>()
    }

    /// The location's path, not tracked.
    pub fn path_untracked(self) -> String {
        self.loc.with_untracked(|l| l.path.clone())
    }

    /// The parameter of the view being drawn, as a memo that keeps its last
    /// value once the route is another view's, so a view that is going
    /// away never sees another's parameter (a drilldown left for a tile's
    /// list must not load the tile's group as an entitlement).
    pub fn param(self) -> Memo<String> {
        let route = self.route;
        let view = route.with_untracked(Route::view);
        Memo::new(move |prev: Option<&String>| {
            route.with(|r| match r.param() {
                Some(p) if r.view() == view => p.to_owned(),
                _ => prev.cloned().unwrap_or_default(),
            })
        })
    }

    /// Goes to `to` (a path with the base, its query and hash): a new
    /// history entry, or the current one replaced (`replace`, or when `to`
    /// is where the page is). `scroll`: to the hash's element, else to the
    /// top, as a link would.
    pub fn navigate(self, to: &str, replace: bool, scroll: bool) {
        let Ok(history) = window().history() else {
            return;
        };
        let l = window().location();
        let here = [l.pathname(), l.search(), l.hash()]
            .into_iter()
            .collect::<Result<String, _>>()
            .is_ok_and(|h| h == to);
        let done = if replace || here {
            history.replace_state_with_url(&JsValue::NULL, "", Some(to))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(to))
        };
        if done.is_err() {
            // Not this origin's: the browser goes there itself.
            let _ = window().location().set_href(to);
            return;
        }
        self.loc.set(Loc::current());
        if scroll {
            scroll_to_hash_or_top();
        }
    }
}

fn scroll_to_hash_or_top() {
    let hash = window().location().hash().unwrap_or_default();
    let target = hash
        .strip_prefix('#')
        .filter(|h| !h.is_empty())
        .and_then(|h| document().get_element_by_id(&decode(h, false)));
    match target {
        Some(el) => el.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_routes_of_ui_md() {
        assert_eq!(Route::parse("/", ""), Route::Home);
        assert_eq!(Route::parse("/customer-activity", ""), Route::Landing);
        assert_eq!(Route::parse("/customer-activity/", ""), Route::Landing);
        assert_eq!(
            Route::parse("/customer-activity/tiles/support-as-needed", ""),
            Route::Tiles("support-as-needed".into())
        );
        assert_eq!(
            Route::parse("/customer-activity/entitlements/E%2F1%20x", ""),
            Route::Entitlement("E/1 x".into())
        );
        assert_eq!(
            Route::parse("/customer-activity/additional-cases", ""),
            Route::Cases
        );
        for p in [
            "/customer-activity/tiles",
            "/customer-activity/tiles/",
            "/customer-activity/entitlements/a/b",
            "/customer-activityx",
            "/other",
        ] {
            assert_eq!(Route::parse(p, ""), Route::NotFound, "{p}");
        }
    }

    #[test]
    fn matches_under_a_base_only() {
        assert_eq!(Route::parse("/hub", "/hub"), Route::Home);
        assert_eq!(Route::parse("/hub/", "/hub"), Route::Home);
        assert_eq!(
            Route::parse("/hub/customer-activity", "/hub"),
            Route::Landing
        );
        assert_eq!(
            Route::parse("/hubx/customer-activity", "/hub"),
            Route::NotFound
        );
        assert_eq!(Route::parse("/customer-activity", "/hub"), Route::NotFound);
    }

    #[test]
    fn views_keep_their_kind_apart_from_the_parameter() {
        let a = Route::parse("/customer-activity/entitlements/a", "");
        let b = Route::parse("/customer-activity/entitlements/b", "");
        assert_eq!(a.view(), b.view());
        assert_eq!(a.view(), Some(View::Entitlement));
        assert_eq!(a.top(), Top::Activity);
        assert_eq!(Route::Cases.top(), Top::Activity);
        assert_eq!(Route::Home.view(), None);
        assert_eq!(b.param(), Some("b"));
        assert_eq!(Route::Cases.param(), None);
    }
}
