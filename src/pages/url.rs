//! Reading and writing the filter state in the query string.

use crate::domain::query::{to_query, with_param};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// A reactive read of one query key.
pub fn query_value(key: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get(key))
}

/// A setter for query keys: pushes a history entry (so Back restores the
/// previous filter), or replaces it (`replace`, for typing in a search box).
pub fn query_setter() -> impl Fn(&[(&str, Option<&str>)], bool) + Clone + 'static {
    let q = use_query_map();
    let loc = use_location();
    let navigate = use_navigate();
    move |changes: &[(&str, Option<&str>)], replace: bool| {
        let mut pairs: Vec<(String, String)> = q.with_untracked(|m| {
            m.into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        });
        for (k, v) in changes {
            pairs = with_param(&pairs, k, *v);
        }
        let query = to_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let path = loc.pathname.get_untracked();
        navigate(
            &format!("{path}{query}"),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    }
}

/// A link target under `/customer-activity` that keeps the workspace.
pub fn with_workspace(path: &str, workspace: &str) -> String {
    format!("{path}{}", to_query([("workspace", workspace)]))
}
