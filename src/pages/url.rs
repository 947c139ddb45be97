//! Reading and writing the filter state in the query string.

use crate::domain::grid::SortSpec;
use crate::domain::query::{get, to_query, with_param};
use crate::domain::records::DateRange;
use crate::pages::router::Router;
use leptos::prelude::*;

/// A reactive read of one query key.
pub fn query_value(key: &'static str) -> Memo<Option<String>> {
    let q = Router::get().query;
    Memo::new(move |_| q.with(|q| get(q, key).map(str::to_owned)))
}

/// A setter for query keys: pushes a history entry (so Back restores the
/// previous filter), or replaces it (`replace`, for typing in a search box).
pub fn query_setter() -> impl Fn(&[(&str, Option<&str>)], bool) + Clone + 'static {
    let router = Router::get();
    move |changes: &[(&str, Option<&str>)], replace: bool| {
        let mut pairs = router.query.get_untracked();
        for (k, v) in changes {
            pairs = with_param(&pairs, k, *v);
        }
        let query = to_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let path = router.path_untracked();
        router.navigate(&format!("{path}{query}"), replace, false);
    }
}

/// A query key that a control leads and the URL follows. The value shown
/// is derived: what the user has typed while it is not yet in the URL,
/// else the URL's. The URL's key is written after the next paint (values
/// typed before then are written together), so typing never waits for the
/// router; once the URL holds the typed value, the URL leads again, so a
/// value brought by Back, Forward or a link shows. No signal is written
/// from an effect. Returns the value and the control's setter.
pub fn led_query(key: &'static str) -> (Memo<String>, impl Fn(String) + Clone + 'static) {
    let url = query_value(key);
    // What was typed and is not yet known to be in the URL.
    let typed = RwSignal::new(None::<String>);
    let value = Memo::new(move |_| typed.get().unwrap_or_else(|| url.get().unwrap_or_default()));
    let pending = StoredValue::new(false);
    let set = query_setter();
    let type_value = move |v: String| {
        typed.set(Some(v));
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        let set = set.clone();
        leptos::task::spawn_local(async move {
            // A bounded wait: the router reflects a write within a frame or two.
            for _ in 0..20 {
                crate::platform::after_paint().await;
                let Some(Some(v)) = typed.try_get_untracked() else {
                    break;
                };
                if url.get_untracked().unwrap_or_default() != v {
                    set(&[(key, Some(v.as_str()))], true);
                }
                crate::platform::after_paint().await;
                match typed.try_get_untracked() {
                    // Typed more meanwhile: write that too.
                    Some(Some(now)) if now != v => continue,
                    // The URL has it: it leads again.
                    Some(Some(_)) if url.get_untracked().unwrap_or_default() == v => {
                        typed.set(None);
                        break;
                    }
                    // Not yet in the URL: look again after the next paint.
                    Some(Some(_)) => continue,
                    _ => break,
                }
            }
            let _ = pending.try_set_value(false);
        });
    };
    (value, type_value)
}

/// A link target under `/customer-activity` that keeps the workspace.
pub fn with_workspace(path: &str, workspace: &str) -> String {
    format!("{path}{}", to_query([(keys::WORKSPACE, workspace)]))
}

/// The query keys (ui.md: Routes). No view spells a key itself.
pub mod keys {
    /// The Workspace selection: a workspace id or `all`.
    pub const WORKSPACE: &str = "workspace";
    /// The enterprise section's Contract choice.
    pub const CONTRACT: &str = "contract";
    /// The add-on section's Contract choice.
    pub const ADDON_CONTRACT: &str = "addonContract";
    /// The add-on section's Package choice.
    pub const PACKAGE: &str = "package";
    /// Additional cases' Consumption service.
    pub const SERVICE: &str = "service";
    pub const SORT: &str = "sort";
    pub const DIR: &str = "dir";
    pub const Q: &str = "q";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
}

/// The state of a view's table, owned by the page and kept in the URL: the
/// sort, the Filter rows text and the From/To range. The grid is given
/// these and calls back; it knows nothing of the URL.
#[derive(Clone, Copy)]
pub struct TableQuery {
    pub sort: Memo<Option<SortSpec>>,
    /// The filter text the rows follow at once (the URL's `q` follows it).
    pub q: Memo<String>,
    pub range: Memo<DateRange>,
    pub on_sort: Callback<SortSpec>,
    pub on_query: Callback<String>,
    pub on_range: Callback<DateRange>,
}

impl TableQuery {
    /// Reads the table's keys from the URL (once per view) and makes the
    /// setters that write them back.
    pub fn from_url() -> Self {
        let sort_q = query_value(keys::SORT);
        let dir_q = query_value(keys::DIR);
        let from_q = query_value(keys::FROM);
        let to_q = query_value(keys::TO);
        let (q, type_q) = led_query(keys::Q);
        let set = query_setter();
        let sort = Memo::new(move |_| {
            SortSpec::from_query(sort_q.get().as_deref(), dir_q.get().as_deref())
        });
        let range = Memo::new(move |_| {
            DateRange::from_query(from_q.get().as_deref(), to_q.get().as_deref())
        });
        let on_sort = {
            let set = set.clone();
            Callback::new(move |s: SortSpec| {
                set(
                    &[
                        (keys::SORT, Some(s.col.key())),
                        (keys::DIR, Some(s.dir.as_query())),
                    ],
                    false,
                )
            })
        };
        let on_range = Callback::new(move |r: DateRange| {
            let (from, to) = r.as_query();
            set(
                &[(keys::FROM, from.as_deref()), (keys::TO, to.as_deref())],
                false,
            )
        });
        TableQuery {
            sort,
            q,
            range,
            on_sort,
            on_query: Callback::new(type_q),
            on_range,
        }
    }

    /// Whether the rows are shown as the API sent them (no sort, no filter):
    /// a preview of the first records is then the grid's first rows too.
    pub fn is_plain(&self) -> bool {
        self.sort.with(Option::is_none)
            && self.q.with(|q| q.trim().is_empty())
            && !self.range.with(DateRange::is_set)
    }
}
