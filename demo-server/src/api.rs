//! The API under `/api/v1`, as one pure function from (dataset, persona,
//! method, path) to a reply, so it is tested without HTTP.

use crate::access;
use crate::data::{activity_json, Dataset};
use crate::data_dir::DataFiles;
use crate::personas::{self, Persona};
use crate::static_files::percent_decode;
use bytes::Bytes;
use ca_contract::Problem;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

pub const BASE: &str = "/api/v1";
pub const JSON: &str = "application/json";
pub const PROBLEM: &str = "application/problem+json";

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Bytes,
}

impl Reply {
    fn json<T: Serialize>(value: &T) -> Reply {
        Reply {
            status: 200,
            content_type: JSON,
            body: Bytes::from(serde_json::to_vec(value).expect("serialises")),
        }
    }

    pub fn problem(status: u16, title: &str, detail: &str) -> Reply {
        let p = Problem {
            kind: None,
            title: Some(title.into()),
            status: Some(status),
            detail: Some(detail.into()),
        };
        Reply {
            status,
            content_type: PROBLEM,
            body: Bytes::from(serde_json::to_vec(&p).expect("serialises")),
        }
    }

    /// 400: the request names a demo persona that does not exist. Lists
    /// the known ids, in the detail and as the extension member `personas`.
    pub fn unknown_persona(id: &str) -> Reply {
        let shown: String = id.chars().take(64).collect();
        let known = personas::ids();
        let body = serde_json::json!({
            "title": "Unknown demo persona",
            "status": 400,
            "detail": format!(
                "No demo persona \"{shown}\" (cookie demo_persona or header x-demo-persona). Known personas: {}.",
                known.join(", ")
            ),
            "personas": known,
        });
        Reply {
            status: 400,
            content_type: PROBLEM,
            body: Bytes::from(serde_json::to_vec(&body).expect("serialises")),
        }
    }

    fn bytes(body: &Bytes) -> Reply {
        Reply {
            status: 200,
            content_type: JSON,
            body: body.clone(),
        }
    }

    /// The body as JSON (for tests and tools).
    #[cfg(test)]
    pub fn value(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }
}

enum Route<'a> {
    Me,
    CustomerActivity,
    /// The entitlement id, percent-decoded.
    Activity(Cow<'a, str>),
    AdditionalCases,
    Personas,
}

fn route(path: &str) -> Option<Route<'_>> {
    let rest = path.strip_prefix(BASE)?;
    match rest {
        "/me" => Some(Route::Me),
        "/customer-activity" => Some(Route::CustomerActivity),
        "/additional-cases" => Some(Route::AdditionalCases),
        "/demo/personas" => Some(Route::Personas),
        _ => {
            let raw = rest
                .strip_prefix("/entitlements/")?
                .strip_suffix("/activity")?;
            if raw.is_empty() || raw.contains('/') {
                return None;
            }
            let id = if raw.contains('%') {
                Cow::Owned(percent_decode(raw)?)
            } else {
                Cow::Borrowed(raw)
            };
            Some(Route::Activity(id))
        }
    }
}

fn not_found(path: &str) -> Reply {
    Reply::problem(404, "Not found", &format!("No API resource at {path}."))
}

/// Whether the path is the demo's persona list (answered whoever asks).
pub fn is_personas_path(path: &str) -> bool {
    matches!(route(path), Some(Route::Personas))
}

/// The `--bench` entitlement's document as each persona who sees only part
/// of it gets it: built once per persona on first use, then shared (the
/// full document is `Bench::json`, built once with the records).
pub struct BenchViews(HashMap<&'static str, OnceLock<Bytes>>);

impl BenchViews {
    pub fn new() -> BenchViews {
        BenchViews(
            personas::PERSONAS
                .iter()
                .map(|p| (p.id, OnceLock::new()))
                .collect(),
        )
    }
}

/// Answers one API request. `path` is the URL path (no query string).
#[cfg(test)]
pub fn handle(ds: &Dataset, p: &Persona, method: &str, path: &str) -> Reply {
    handle_with(ds, None, p, method, path)
}

/// [`handle`], with the `--bench` documents cached in `views`.
pub fn handle_with(
    ds: &Dataset,
    views: Option<&BenchViews>,
    p: &Persona,
    method: &str,
    path: &str,
) -> Reply {
    let Some(route) = route(path) else {
        return not_found(path);
    };
    if method != "GET" && method != "HEAD" {
        return Reply::problem(405, "Method not allowed", "This API only answers GET.");
    }
    if let Route::Personas = route {
        return Reply::json(&personas::list());
    }
    if !p.signed_in {
        return Reply::problem(
            401,
            "Not signed in",
            "Sign in to Services Hub to see Customer Activity.",
        );
    }
    if let Route::Me = route {
        return Reply::json(&p.me(ds));
    }
    if !access::has_page_access(p) {
        return Reply::problem(
            403,
            "You don't have access to Customer Activity",
            "An administrator grants the Customer Activity role on the Manage Users page.",
        );
    }
    match route {
        Route::CustomerActivity => Reply::json(&access::customer_activity(ds, p)),
        Route::AdditionalCases => Reply::json(&access::additional_cases(ds, p)),
        Route::Activity(id) => activity(ds, views, p, &id),
        Route::Me | Route::Personas => unreachable!("answered above"),
    }
}

fn activity(ds: &Dataset, views: Option<&BenchViews>, p: &Persona, id: &str) -> Reply {
    let Some(e) = access::visible_entitlement(ds, p, id) else {
        return Reply::problem(
            404,
            "Entitlement not found",
            &format!("No entitlement {id} in your workspaces."),
        );
    };
    if let (true, Some(bench)) = (e.id == crate::data::BENCH_ENTITLEMENT, ds.bench()) {
        if access::sees_all_records(ds, p, &e.id) {
            return Reply::bytes(&bench.json);
        }
        if let Some(cell) = views.and_then(|v| v.0.get(p.id)) {
            return Reply::bytes(cell.get_or_init(|| {
                activity_json(
                    &e.id,
                    access::visible_records(ds, p, &e.id).map(|r| &r.record),
                )
            }));
        }
    }
    let body = activity_json(
        &e.id,
        access::visible_records(ds, p, &e.id).map(|r| &r.record),
    );
    Reply {
        status: 200,
        content_type: JSON,
        body,
    }
}

/// Answers one API request from `--data DIR`'s documents, as they are on
/// disk (checked at start). Personas play no part: the files are one
/// user's view already; the persona list is empty.
pub fn handle_files(files: &DataFiles, method: &str, path: &str) -> Reply {
    let Some(route) = route(path) else {
        return not_found(path);
    };
    if method != "GET" && method != "HEAD" {
        return Reply::problem(405, "Method not allowed", "This API only answers GET.");
    }
    match route {
        Route::Personas => Reply::json(&Vec::<personas::PersonaInfo>::new()),
        Route::Me => Reply::bytes(&files.me),
        Route::CustomerActivity => Reply::bytes(&files.customer_activity),
        Route::AdditionalCases => Reply::bytes(&files.additional_cases),
        Route::Activity(id) => match files.activity.get(id.as_ref()) {
            Some(body) => Reply::bytes(body),
            None => Reply::problem(
                404,
                "Entitlement not found",
                &format!("No file activity/{id}.json in the data directory."),
            ),
        },
    }
}
