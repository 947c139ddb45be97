//! The API under `/api/v1`, as one pure function from (dataset, persona,
//! method, path) to a reply, so it is tested without HTTP.

use crate::access;
use crate::data::{activity_json, Dataset};
use crate::personas::{self, Persona};
use bytes::Bytes;
use ca_contract::Problem;
use serde::Serialize;

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

    /// The body as JSON (for tests and tools).
    #[cfg(test)]
    pub fn value(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }
}

enum Route<'a> {
    Me,
    CustomerActivity,
    Activity(&'a str),
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
            let id = rest
                .strip_prefix("/entitlements/")?
                .strip_suffix("/activity")?;
            (!id.is_empty() && !id.contains('/')).then_some(Route::Activity(id))
        }
    }
}

fn not_found(path: &str) -> Reply {
    Reply::problem(404, "Not found", &format!("No API resource at {path}."))
}

/// Answers one API request. `path` is the URL path (no query string).
pub fn handle(ds: &Dataset, p: &Persona, method: &str, path: &str) -> Reply {
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
        Route::Activity(id) => activity(ds, p, id),
        Route::Me | Route::Personas => unreachable!("answered above"),
    }
}

fn activity(ds: &Dataset, p: &Persona, id: &str) -> Reply {
    let Some(e) = access::visible_entitlement(ds, p, id) else {
        return Reply::problem(
            404,
            "Entitlement not found",
            &format!("No entitlement {id} in your workspaces."),
        );
    };
    if let (true, Some(bench)) = (e.id == crate::data::BENCH_ENTITLEMENT, ds.bench()) {
        if access::sees_all_records(ds, p, &e.id) {
            return Reply {
                status: 200,
                content_type: JSON,
                body: bench.json.clone(),
            };
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
