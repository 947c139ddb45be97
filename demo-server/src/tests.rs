//! The API as a persona gets it: status codes, permission filtering and
//! workspace scoping, through the pure `api::handle`.

use crate::api::{handle, Reply, JSON, PROBLEM};
use crate::data::people::PATTERNS;
use crate::data::{Dataset, BENCH_ENTITLEMENT};
use crate::date::Day;
use crate::personas::by_id;
use ca_contract::*;
use std::collections::BTreeSet;

fn ds() -> Dataset {
    Dataset::build(Day::parse("2026-05-14").unwrap(), false)
}

fn get(ds: &Dataset, persona: &str, path: &str) -> Reply {
    handle(
        ds,
        by_id(persona).expect("a persona"),
        "GET",
        &format!("/api/v1{path}"),
    )
}

fn ok<T: Document>(r: &Reply) -> T {
    assert_eq!(
        (r.status, r.content_type),
        (200, JSON),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let d =
        decode::<T>(std::str::from_utf8(&r.body).unwrap()).expect("decodes as the contract says");
    assert!(d.issues.is_empty(), "{:?}", d.issues);
    d.value
}

fn problem(r: &Reply, status: u16) {
    assert_eq!((r.status, r.content_type), (status, PROBLEM));
    let p: Problem = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(p.status, Some(status));
    assert!(p.title.is_some() && p.detail.is_some());
}

fn record_ids(ds: &Dataset, persona: &str, ent: &str) -> BTreeSet<String> {
    let a: EntitlementActivity = ok(&get(ds, persona, &format!("/entitlements/{ent}/activity")));
    assert_eq!(a.entitlement_id, ent);
    a.records.iter().map(|r| r.id().to_string()).collect()
}

const ENDPOINTS: [&str; 4] = [
    "/me",
    "/customer-activity",
    "/entitlements/e-cu-reactive/activity",
    "/additional-cases",
];

#[test]
fn signed_out_gets_401_everywhere() {
    let ds = ds();
    for path in ENDPOINTS {
        problem(&get(&ds, "signed-out", path), 401);
    }
    let r = get(&ds, "signed-out", "/demo/personas");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.value().as_array().unwrap().len(),
        crate::personas::PERSONAS.len()
    );
}

#[test]
fn no_access_gets_403_except_me() {
    let ds = ds();
    let me: Me = ok(&get(&ds, "no-access", "/me"));
    assert_eq!(me.roles, vec![Role::SupportContact]);
    for path in &ENDPOINTS[1..] {
        problem(&get(&ds, "no-access", path), 403);
    }
}

#[test]
fn unknown_paths_and_entitlements_are_404() {
    let ds = ds();
    for path in [
        "/api/v1/nope",
        "/api/v2/me",
        "/api",
        "/api/v1/me/",
        "/api/v1/entitlements//activity",
        "/api/v1/entitlements/a/b/activity",
    ] {
        problem(
            &handle(&ds, by_id("customer-admin").unwrap(), "GET", path),
            404,
        );
    }
    problem(
        &get(
            &ds,
            "customer-admin",
            "/entitlements/e-does-not-exist/activity",
        ),
        404,
    );
    problem(
        &handle(&ds, by_id("customer-admin").unwrap(), "POST", "/api/v1/me"),
        405,
    );
}

#[test]
fn every_persona_has_a_me() {
    let ds = ds();
    for p in crate::personas::PERSONAS.iter().filter(|p| p.signed_in) {
        let me: Me = ok(&get(&ds, p.id, "/me"));
        assert!(
            !me.workspaces.is_empty()
                && me
                    .workspaces
                    .iter()
                    .any(|w| w.id == me.current_workspace_id),
            "{}",
            p.id
        );
    }
    let me: Me = ok(&get(&ds, "learning-manager", "/me"));
    assert!(me.has(Role::LearningManager) && me.has(Role::CustomerActivity));
}

#[test]
fn administrators_and_view_all_see_every_request() {
    let ds = ds();
    let all: BTreeSet<String> = ds
        .records_of("e-cu-reactive")
        .iter()
        .map(|r| r.record.id().to_string())
        .collect();
    assert_eq!(all.len(), 32);
    assert_eq!(record_ids(&ds, "customer-admin", "e-cu-reactive"), all);
    assert_eq!(record_ids(&ds, "view-all", "e-cu-reactive"), all);
    let ca: CustomerActivity = ok(&get(&ds, "customer-admin", "/customer-activity"));
    let e = ca
        .entitlements
        .iter()
        .find(|e| e.id == "e-cu-reactive")
        .unwrap();
    assert_eq!(
        e.consumed,
        ds.entitlement("e-cu-reactive").unwrap().consumed
    );
    assert!(
        e.consumed > e.purchased.unwrap(),
        "over-consumed for an administrator"
    );
}

/// The id of a record of `e-cu-reactive` reachable exactly as `PATTERNS[k]` says.
fn request_with_pattern(ds: &Dataset, k: usize) -> String {
    let r = ds
        .records_of("e-cu-reactive")
        .iter()
        .find(|r| r.access == Some(PATTERNS[k]))
        .expect("pattern occurs");
    r.record.id().to_string()
}

#[test]
fn each_access_path_to_a_support_request() {
    let ds = ds();
    let sees = |persona: &str, k: usize| {
        record_ids(&ds, persona, "e-cu-reactive").contains(&request_with_pattern(&ds, k))
    };
    // 0: shared with grp-it-ops only; Chiara is a member, Sofia and Luca are not
    assert!(sees("activity-user", 0));
    assert!(!sees("support-contact", 0) && !sees("learning-manager", 0));
    // 1: shared with Chiara personally only
    assert!(sees("activity-user", 1));
    assert!(!sees("support-contact", 1) && !sees("learning-manager", 1));
    // 2: Sofia is its primary contact
    assert!(sees("support-contact", 2));
    assert!(!sees("activity-user", 2) && !sees("learning-manager", 2));
    // 3: none of the non-administrators reaches it
    for p in ["activity-user", "support-contact", "learning-manager"] {
        assert!(!sees(p, 3), "{p}");
    }
    for p in ["customer-admin", "view-all"] {
        assert!(sees(p, 3), "{p}");
    }
}

#[test]
fn non_administrators_get_consumption_of_what_they_see() {
    let ds = ds();
    for persona in ["activity-user", "support-contact", "learning-manager"] {
        let ca: CustomerActivity = ok(&get(&ds, persona, "/customer-activity"));
        let e = ca
            .entitlements
            .iter()
            .find(|e| e.id == "e-cu-reactive")
            .unwrap();
        let a: EntitlementActivity = ok(&get(&ds, persona, "/entitlements/e-cu-reactive/activity"));
        let sum: f64 = a.records.iter().map(|r| r.quantity()).sum();
        assert!((sum - e.consumed).abs() < 1e-6, "{persona}");
        assert!(
            e.consumed < ds.entitlement("e-cu-reactive").unwrap().consumed,
            "{persona}"
        );
        assert!(!a.records.is_empty() && a.records.len() < 32, "{persona}");
        // records of other types are not filtered
        let edu: EntitlementActivity =
            ok(&get(&ds, persona, "/entitlements/e-cu-education/activity"));
        assert_eq!(edu.records.len(), ds.records_of("e-cu-education").len());
        let edu_e = ca
            .entitlements
            .iter()
            .find(|e| e.id == "e-cu-education")
            .unwrap();
        assert_eq!(
            edu_e.consumed,
            ds.entitlement("e-cu-education").unwrap().consumed
        );
    }
}

#[test]
fn additional_cases_follow_the_same_rules() {
    let ds = ds();
    let count = |p: &str| {
        ok::<AdditionalCases>(&get(&ds, p, "/additional-cases"))
            .cases
            .len()
    };
    assert_eq!(count("customer-admin"), ds.cases.len());
    let with_ws = ds
        .cases
        .iter()
        .filter(|c| c.case.workspace_id.is_some())
        .count();
    assert_eq!(
        count("view-all"),
        with_ws,
        "a case of no workspace is the customer admin's only"
    );
    assert!(count("activity-user") < count("view-all") && count("activity-user") > 0);
    let wa: AdditionalCases = ok(&get(&ds, "workspace-admin", "/additional-cases"));
    assert!(
        !wa.cases.is_empty()
            && wa
                .cases
                .iter()
                .all(|c| c.workspace_id.as_deref() == Some("ws-fabrikam-retail"))
    );
}

#[test]
fn workspace_scoping() {
    let ds = ds();
    let fab = "ws-fabrikam-retail";
    let ca: CustomerActivity = ok(&get(&ds, "workspace-admin", "/customer-activity"));
    assert_eq!(
        ca.workspaces
            .iter()
            .map(|w| w.id.as_str())
            .collect::<Vec<_>>(),
        vec![fab]
    );
    assert!(ca
        .contracts
        .iter()
        .all(|c| c.workspace_ids == vec![fab.to_string()]));
    let ids: BTreeSet<&str> = ca.contracts.iter().map(|c| c.id.as_str()).collect();
    assert!(
        ids.contains("c-sh")
            && ids.contains("c-fu")
            && !ids.contains("c-cu")
            && !ids.contains("c-um")
    );
    assert!(ca
        .entitlements
        .iter()
        .all(|e| ids.contains(e.contract_id.as_str())));
    assert!(ca
        .packages
        .iter()
        .all(|p| ids.contains(p.contract_id.as_str())));
    // the shared contract's requests of the other workspace are not theirs
    let a: EntitlementActivity = ok(&get(
        &ds,
        "workspace-admin",
        "/entitlements/e-sh-reactive/activity",
    ));
    assert!(!a.records.is_empty());
    for r in a.records.iter() {
        let ActivityRecord::SupportRequest(sr) = r else {
            panic!("a support request")
        };
        assert_eq!(sr.workspace_id.as_deref(), Some(fab));
    }
    let e = ca
        .entitlements
        .iter()
        .find(|e| e.id == "e-sh-reactive")
        .unwrap();
    assert!((a.records.iter().map(|r| r.quantity()).sum::<f64>() - e.consumed).abs() < 1e-6);
    // another workspace's entitlement is not found
    problem(
        &get(
            &ds,
            "workspace-admin",
            "/entitlements/e-cu-reactive/activity",
        ),
        404,
    );
    problem(
        &get(
            &ds,
            "support-contact",
            "/entitlements/e-nu-education/activity",
        ),
        404,
    );
    // the shared contract keeps both workspaces for who has both
    let all: CustomerActivity = ok(&get(&ds, "customer-admin", "/customer-activity"));
    assert_eq!(
        all.contracts
            .iter()
            .find(|c| c.id == "c-sh")
            .unwrap()
            .workspace_ids
            .len(),
        2
    );
    assert!(all
        .contracts
        .iter()
        .any(|c| c.id == "c-um" && c.workspace_ids.is_empty()));
    let va: CustomerActivity = ok(&get(&ds, "view-all", "/customer-activity"));
    assert!(va.contracts.iter().all(|c| c.id != "c-um"));
}

#[test]
fn access_attributes_are_never_serialised() {
    let ds = ds();
    for path in [
        "/customer-activity",
        "/entitlements/e-cu-reactive/activity",
        "/additional-cases",
    ] {
        let body = String::from_utf8(get(&ds, "customer-admin", path).body.to_vec()).unwrap();
        assert!(!body.contains("-0.0"), "{path} has a negative zero");
        for leak in ["grp-", "sharedWith", "groups", "u-chiara"] {
            assert!(!body.contains(leak), "{path} leaks {leak}");
        }
    }
}

#[test]
fn bench_entitlement_serves_100k_records() {
    // Kept light: debug builds serialise slowly, so the 100k rows are checked
    // typed, and the served bytes once for validity.
    let ds = Dataset::build(Day::parse("2026-05-14").unwrap(), true);
    let bench = ds.contract("c-bench").unwrap();
    assert_eq!(
        (bench.name.as_str(), bench.workspace_ids.clone()),
        ("Benchmark", vec![ds.workspaces[0].id.clone()])
    );
    let r = get(
        &ds,
        "customer-admin",
        &format!("/entitlements/{BENCH_ENTITLEMENT}/activity"),
    );
    assert_eq!((r.status, r.content_type), (200, JSON));
    assert_eq!(r.body, ds.bench().unwrap().json, "the pre-serialised bytes");
    serde_json::from_slice::<serde::de::IgnoredAny>(&r.body).expect("valid JSON");
    assert!(r.body.starts_with(
        b"{\"entitlementId\":\"bench-100k\",\"records\":[{\"type\":\"supportRequest\""
    ));
    let records = ds.records_of(BENCH_ENTITLEMENT);
    assert_eq!(records.len(), 100_000);
    let titles: BTreeSet<String> = records
        .iter()
        .take(2000)
        .map(|r| match &r.record {
            ActivityRecord::SupportRequest(s) => s.title.clone(),
            _ => panic!("support requests only"),
        })
        .collect();
    assert!(titles.len() > 1000, "varied titles");
    let ca: CustomerActivity = ok(&get(&ds, "customer-admin", "/customer-activity"));
    let e = ca
        .entitlements
        .iter()
        .find(|e| e.id == BENCH_ENTITLEMENT)
        .unwrap();
    let sum: f64 = records.iter().map(|r| r.record.quantity()).sum();
    assert!(
        (sum - e.consumed).abs() < 1e-3
            && e.service == Service::ReactiveSupport
            && e.unit == Unit::Hours
    );
    let p = by_id("activity-user").unwrap();
    let mine = crate::access::visible_records(&ds, p, BENCH_ENTITLEMENT).count();
    assert!(mine > 10_000 && mine < 100_000);
    // A partial view is built once per persona, then the same bytes are
    // shared by every request (not rebuilt per request).
    let views = crate::api::BenchViews::new();
    let path = format!("/api/v1/entitlements/{BENCH_ENTITLEMENT}/activity");
    let first = crate::api::handle_with(&ds, Some(&views), p, "GET", &path);
    let again = crate::api::handle_with(&ds, Some(&views), p, "GET", &path);
    assert_eq!(first.status, 200);
    assert_eq!(
        first.body.as_ptr(),
        again.body.as_ptr(),
        "shared, not rebuilt"
    );
    let a: EntitlementActivity = ok(&first);
    assert_eq!(a.records.len(), mine);
    let admin = crate::api::handle_with(
        &ds,
        Some(&views),
        by_id("customer-admin").unwrap(),
        "GET",
        &path,
    );
    assert_eq!(admin.body.as_ptr(), ds.bench().unwrap().json.as_ptr());
}
