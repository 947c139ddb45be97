//! A fuzz target, by proptest: the lenient decoder must never panic, whatever
//! a server (or anything between it and the page) sends, must account for
//! every item of a list it read (decoded, reported, or counted past the
//! budgets; never dropped), and must set aside one item of any depth or
//! shape alone, the streaming path agreeing with the whole-body path.
//!
//! `cargo test -p ca-contract fuzz` runs 64 cases per property; a longer run:
//! `PROPTEST_CASES=200000 cargo test --release -p ca-contract --test fuzz`
//! (1,111 s on 2 busy cores, 2026-12-01: all passed; see SECURITY.md).

use ca_contract::*;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            64
        },
        failure_persistence: None,
        ..base
    }
}

/// Every key of the contract's schemas.
#[rustfmt::skip]
const KEYS: &[&str] = &[
    "generatedAt", "workspaces", "contracts", "entitlements", "packages", "entitlementId",
    "records", "cases", "id", "displayName", "email", "roles", "currentWorkspaceId", "name",
    "number", "type", "startDate", "endDate", "workspaceIds", "contractId", "packageId", "service",
    "description", "kind", "unit", "purchased", "consumed", "deliveredHours", "action", "label",
    "url", "status", "caseNumber", "title", "severity", "createdAt", "closedAt", "primaryContact",
    "product", "workspaceId", "quantity", "engagementId", "serviceName", "deliveryType",
    "resource", "learnerName", "learnerEmail", "activityTitle", "activityType", "startedAt",
    "completedAt", "hours", "role", "addedAt", "assessmentName", "technology", "setupDate",
    "lastCollectedAt", "logAnalyticsWorkspace", "reason", "classification", "contractNumber",
];

/// Every enum value of the contract, and some it does not have.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "customerAdmin", "workspaceAdmin", "customerActivity", "learningManager",
    "viewAllSupportRequests", "supportContact", "reactiveSupport", "advisorySupport",
    "proactiveServices", "proactiveCredits", "designatedSupportEngineering", "workshops",
    "onDemandEducation", "supportContacts", "onDemandAssessments", "other", "hours", "credits",
    "cases", "seats", "contacts", "assessments", "days", "consumptionService", "additionalBenefit",
    "unified", "premier", "active", "inactive", "critical", "a", "b", "c", "open", "closed",
    "workshop", "assessment", "dse", "webcast", "remediation", "custom", "scheduled", "inProgress",
    "delivered", "cancelled", "course", "learningPath", "lab", "started", "completed",
    "primaryContact", "billingContact", "invited", "settingUp", "expiredContract",
    "unmappedContract", "missingContract", "missingPackage", "missingService", "classified", "SU",
    "DSA", "X85", "REC", "supportRequest", "proactiveDelivery", "educationActivity",
    "assessmentSetup", "unknown", "", "teleported", "2026-01-01", "2026-02-30",
    "2026-10-01T08:00:00Z", "not a date", "javascript:alert(1)", "https://example.com/",
    "<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")",
];

/// Any short string (cheaper to generate than a regex strategy).
fn string() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        select(&[0.0, -1.0, 0.5, 1e308, -0.0, 1e-320][..]).prop_map(Value::from),
        select(WORDS).prop_map(Value::from),
        string().prop_map(Value::from),
    ]
}

/// Any JSON value, nested, whose objects use the contract's keys.
fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![9 => select(KEYS).prop_map(String::from), 1 => string()],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A value of the right type for a key most of the time, anything otherwise.
fn field(key: &'static str) -> BoxedStrategy<Value> {
    let right: BoxedStrategy<Value> = match key {
        "purchased" | "consumed" | "quantity" | "hours" | "deliveredHours" => prop_oneof![
            (0u32..10_000).prop_map(|n| json!(f64::from(n) / 4.0)),
            Just(Value::Null),
            Just(json!(-1)),
        ]
        .boxed(),
        "workspaceIds" => prop::collection::vec(select(&["w1", "w2", ""][..]), 0..3)
            .prop_map(|v| json!(v))
            .boxed(),
        "roles" => prop::collection::vec(select(WORDS), 0..4)
            .prop_map(|v| json!(v))
            .boxed(),
        "workspaces" => prop::collection::vec((select(&["w1", "w2"][..]), string()), 0..3)
            .prop_map(|v| {
                json!(v
                    .into_iter()
                    .map(|(id, name)| json!({"id": id, "name": name}))
                    .collect::<Vec<_>>())
            })
            .boxed(),
        "action" => (select(WORDS), select(WORDS))
            .prop_map(|(l, u)| json!({"label": l, "url": u}))
            .boxed(),
        "packageId" | "closedAt" | "endDate" | "classification" | "contractNumber"
        | "workspaceId" | "completedAt" | "lastCollectedAt" => {
            prop_oneof![Just(Value::Null), select(WORDS).prop_map(Value::from)].boxed()
        }
        _ => select(WORDS).prop_map(Value::from).boxed(),
    };
    prop_oneof![6 => right, 1 => value()].boxed()
}

/// An item of a list: mostly the keys of one schema, some missing, some extra.
fn item(keys: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let fields: Vec<_> = keys
        .iter()
        .map(|k| prop::option::weighted(0.9, field(k)).prop_map(move |v| (*k, v)))
        .collect();
    (
        fields,
        prop::collection::vec((select(KEYS), value()), 0..2),
        prop::option::weighted(0.05, value()),
    )
        .prop_map(|(fields, extra, replace)| {
            if let Some(v) = replace {
                return v;
            }
            let mut m = Map::new();
            for (k, v) in fields {
                if let Some(v) = v {
                    m.insert(k.into(), v);
                }
            }
            for (k, v) in extra {
                m.entry(k).or_insert(v);
            }
            Value::Object(m)
        })
}

#[rustfmt::skip]
const CONTRACT: &[&str] = &[
    "id", "number", "name", "type", "startDate", "endDate", "workspaceIds",
];
#[rustfmt::skip]
const ENTITLEMENT: &[&str] = &[
    "id", "contractId", "packageId", "service", "name", "description", "kind", "unit", "purchased",
    "consumed", "deliveredHours", "action",
];
#[rustfmt::skip]
const PACKAGE: &[&str] = &[
    "id", "contractId", "name", "number", "status", "startDate", "endDate",
];
const WORKSPACE: &[&str] = &["id", "name"];
#[rustfmt::skip]
const RECORD: &[&str] = &[
    "type", "id", "caseNumber", "title", "severity", "status", "createdAt", "closedAt", "quantity",
    "serviceName", "deliveryType", "startDate", "endDate", "deliveredHours", "learnerName",
    "activityTitle", "activityType", "startedAt", "completedAt", "hours", "name", "role",
    "addedAt", "assessmentName", "setupDate", "lastCollectedAt",
];
#[rustfmt::skip]
const CASE: &[&str] = &[
    "caseNumber", "title", "service", "reason", "classification", "contractNumber", "workspaceId",
    "createdAt", "status", "hours",
];
#[rustfmt::skip]
const ME: &[&str] = &[
    "id", "displayName", "email", "roles", "workspaces", "currentWorkspaceId",
];

fn list(keys: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![
        9 => prop::collection::vec(item(keys), 0..6).prop_map(Value::Array),
        1 => value(),
    ]
}

/// A document: the right top-level keys (some missing or of another type),
/// lists of items that are mostly of the right shape.
fn document() -> impl Strategy<Value = Value> {
    (
        (
            prop::option::weighted(0.95, field("generatedAt")),
            prop::option::weighted(0.95, list(WORKSPACE)),
            prop::option::weighted(0.95, list(CONTRACT)),
            prop::option::weighted(0.95, list(ENTITLEMENT)),
            prop::option::weighted(0.95, list(PACKAGE)),
        ),
        (
            prop::option::weighted(0.95, field("entitlementId")),
            prop::option::weighted(0.95, list(RECORD)),
            prop::option::weighted(0.95, list(CASE)),
        ),
        item(ME),
    )
        .prop_map(|((g, w, c, e, p), (eid, r, cases), me)| {
            let mut m = match me {
                Value::Object(m) => m,
                _ => Map::new(),
            };
            for (k, v) in [
                ("generatedAt", g),
                ("workspaces", w),
                ("contracts", c),
                ("entitlements", e),
                ("packages", p),
                ("entitlementId", eid),
                ("records", r),
                ("cases", cases),
            ] {
                if let Some(v) = v {
                    m.insert(k.into(), v);
                }
            }
            Value::Object(m)
        })
}

fn len_of(doc: &Value, key: &str) -> Option<usize> {
    doc.get(key).and_then(Value::as_array).map(Vec::len)
}

/// A list of a document: its name and how many items were decoded.
type List<T> = (&'static str, fn(&T) -> usize);

/// Decodes `body` as every document type; never panics. For a document that
/// decodes, every item of each of its lists is either decoded or reported
/// (with its list and a valid index), and what was decoded re-encodes to a
/// document that decodes again without issues.
fn check_all(body: &str, doc: Option<&Value>) -> Result<(), TestCaseError> {
    fn accounted<T: Document + serde::Serialize>(
        body: &str,
        doc: Option<&Value>,
        lists: &[List<T>],
    ) -> Result<(), TestCaseError> {
        let Ok(d) = decode::<T>(body) else {
            return Ok(());
        };
        for (name, len) in lists {
            let of_list = || d.issues.iter().filter(|i| i.list == *name);
            // Each issue is one item, and counts the items after it that
            // were set aside but not kept (past the budgets).
            let issues = of_list().map(|i| 1 + i.more).sum::<usize>();
            if let Some(sent) = doc.and_then(|v| len_of(v, name)) {
                prop_assert_eq!(len(&d.value) + issues, sent, "{} items accounted for", name);
            }
            for i in of_list() {
                prop_assert!(i.index < len(&d.value) + issues);
                prop_assert!(!i.message.is_empty());
                prop_assert!(i.message.len() <= MAX_ISSUE_TEXT_BYTES);
                prop_assert!(i
                    .id
                    .as_ref()
                    .is_none_or(|s| s.len() <= MAX_ISSUE_TEXT_BYTES));
            }
            prop_assert!(of_list().count() <= MAX_REJECTED_KEPT + 1);
        }
        prop_assert!(d
            .issues
            .iter()
            .all(|i| lists.iter().any(|(n, _)| *n == i.list)));
        let again =
            serde_json::to_string(&d.value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let d2 = decode::<T>(&again).map_err(|e| TestCaseError::fail(format!("{e}: {again}")))?;
        prop_assert!(d2.issues.is_empty(), "{:?}", d2.issues);
        for (name, len) in lists {
            prop_assert_eq!(len(&d2.value), len(&d.value), "{} re-decoded", name);
        }
        Ok(())
    }
    accounted::<CustomerActivity>(
        body,
        doc,
        &[
            ("workspaces", |d| d.workspaces.len()),
            ("contracts", |d| d.contracts.len()),
            ("entitlements", |d| d.entitlements.len()),
            ("packages", |d| d.packages.len()),
        ],
    )?;
    accounted::<EntitlementActivity>(body, doc, &[("records", |d| d.records.len())])?;
    accounted::<AdditionalCases>(body, doc, &[("cases", |d| d.cases.len())])?;
    accounted::<Me>(body, doc, &[])?;
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Arbitrary bytes, read as the browser would (lossy UTF-8).
    #[test]
    fn fuzz_decode_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_all(&String::from_utf8_lossy(&bytes), None)?;
    }

    /// Arbitrary JSON values with the contract's keys and random types.
    #[test]
    fn fuzz_decode_arbitrary_json(v in value()) {
        check_all(&v.to_string(), Some(&v))?;
    }

    /// Documents of nearly the right shape: what loads plus what is reported
    /// is everything that was sent.
    #[test]
    fn fuzz_decode_documents(doc in document()) {
        let body = doc.to_string();
        check_all(&body, Some(&doc))?;
        let pretty = serde_json::to_string_pretty(&doc).unwrap();
        check_all(&pretty, Some(&doc))?;
    }

    /// A document cut short, or with one byte changed, never panics; cut
    /// short, it never decodes.
    #[test]
    fn fuzz_decode_truncated_and_corrupted(doc in document(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let body = doc.to_string();
        let at = cut.index(body.len().max(1));
        let mut bytes = body.as_bytes().to_vec();
        bytes.truncate(at);
        let truncated = String::from_utf8_lossy(&bytes).into_owned();
        check_all(&truncated, None)?;
        prop_assert!(decode::<CustomerActivity>(&truncated).is_err());
        prop_assert!(decode::<EntitlementActivity>(&truncated).is_err());
        prop_assert!(decode::<AdditionalCases>(&truncated).is_err());
        prop_assert!(decode::<Me>(&truncated).is_err());
        let mut bytes = body.into_bytes();
        if let Some(b) = bytes.get_mut(at) {
            *b = byte;
        }
        check_all(&String::from_utf8_lossy(&bytes), None)?;
    }
}

/// A good additional case, and a good activity record.
const GOOD_CASE: &str = r#"{"caseNumber": "1", "title": "t", "service": "advisorySupport",
    "reason": "classified", "createdAt": "2026-01-01T00:00:00Z"}"#;
const GOOD_RECORD: &str =
    r#"{"type": "supportContact", "id": "ok", "name": "Ada", "status": "active", "quantity": 1}"#;

/// `depth` levels of arrays, of objects under `"id"`, and both mixed.
fn nested(depth: usize) -> [String; 3] {
    [
        format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        format!("{}0{}", "{\"id\":".repeat(depth), "}".repeat(depth)),
        format!(
            "{}{}",
            "{\"title\":[".repeat(depth / 2),
            "]}".repeat(depth / 2)
        ),
    ]
}

/// One item nested past serde_json's recursion limit (128) is set aside
/// with the reason, alone: the document decodes, the good items around it
/// are kept, on the whole-body path and the streaming path alike.
#[test]
fn fuzz_deep_nesting_rejects_the_item_not_the_document() {
    for depth in [127, 128, 129, 200, 300, 10_000, 200_000] {
        for deep in nested(depth) {
            let cases = format!(r#"{{"cases": [{GOOD_CASE}, {deep}, {GOOD_CASE}]}}"#);
            let records = format!(
                r#"{{"entitlementId": "e", "records": [{GOOD_RECORD}, {deep}, {GOOD_RECORD}]}}"#
            );
            let d = decode::<AdditionalCases>(&cases).expect("the document decodes");
            assert_eq!(
                d.value.cases.len(),
                2,
                "depth {depth}: the good cases are kept"
            );
            assert_eq!(d.issues.len(), 1, "depth {depth}");
            assert_eq!((d.issues[0].list, d.issues[0].index), ("cases", 1));
            assert_eq!(decode_streamed::<AdditionalCases>(cases.as_bytes()), Ok(d));
            let d = decode::<EntitlementActivity>(&records).expect("the document decodes");
            assert_eq!(
                d.value.records.len(),
                2,
                "depth {depth}: the good records are kept"
            );
            assert_eq!(d.issues.len(), 1, "depth {depth}");
            assert_eq!((d.issues[0].list, d.issues[0].index), ("records", 1));
            assert!(!d.issues[0].message.is_empty());
            assert_eq!(
                decode_streamed::<EntitlementActivity>(records.as_bytes()),
                Ok(d)
            );
            // Outside a list, a deep value where the contract wants a string
            // fails the document (it is the document's own shape), without
            // a crash.
            assert!(decode::<CustomerActivity>(&format!(r#"{{"generatedAt": {deep}}}"#)).is_err());
            assert!(decode::<Me>(&deep).is_err());
        }
    }
}

/// The streaming decoder, fed `body` in chunks of the given sizes (cycled),
/// gives what `decode` gives for the whole body read as text: the same
/// document and issues, or an error for both.
fn streams_like_decode<T>(body: &[u8], sizes: &[usize]) -> Result<(), TestCaseError>
where
    T: Streamed + PartialEq + std::fmt::Debug,
{
    let whole = decode::<T>(&String::from_utf8_lossy(body));
    let mut d = StreamDecoder::<T>::new();
    let mut rest = body;
    for size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (chunk, tail) = rest.split_at((*size).clamp(1, rest.len()));
        d.push(chunk);
        rest = tail;
    }
    let streamed = d.finish();
    match (whole, streamed) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        (a, b) => prop_assert!(
            false,
            "decode: {:?}\nstreamed: {:?}",
            a.map(|_| ()),
            b.map(|_| ())
        ),
    }
    Ok(())
}

fn streams_all(body: &[u8], sizes: &[usize]) -> Result<(), TestCaseError> {
    streams_like_decode::<EntitlementActivity>(body, sizes)?;
    streams_like_decode::<AdditionalCases>(body, sizes)
}

proptest! {
    #![proptest_config(config())]

    /// Documents of nearly the right shape, compact and pretty, cut anywhere.
    #[test]
    fn stream_decode_documents(doc in document(), sizes in prop::collection::vec(1usize..64, 1..8)) {
        streams_all(doc.to_string().as_bytes(), &sizes)?;
        streams_all(serde_json::to_string_pretty(&doc).unwrap().as_bytes(), &sizes)?;
    }

    /// Arbitrary JSON values with the contract's keys.
    #[test]
    fn stream_decode_arbitrary_json(v in value(), sizes in prop::collection::vec(1usize..64, 1..8)) {
        streams_all(v.to_string().as_bytes(), &sizes)?;
    }

    /// Arbitrary bytes, and documents cut short or with one byte changed.
    #[test]
    fn stream_decode_broken(
        doc in document(),
        cut in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        junk in prop::collection::vec(any::<u8>(), 0..256),
        sizes in prop::collection::vec(1usize..64, 1..8),
    ) {
        streams_all(&junk, &sizes)?;
        let body = doc.to_string().into_bytes();
        let at = cut.index(body.len().max(1));
        streams_all(&body[..at.min(body.len())], &sizes)?;
        let mut changed = body;
        if let Some(b) = changed.get_mut(at) {
            *b = byte;
        }
        streams_all(&changed, &sizes)?;
    }
}

/// Any JSON value, sometimes wrapped in up to 400 levels of arrays and
/// objects (past serde_json's recursion limit of 128).
fn any_item() -> impl Strategy<Value = String> {
    (
        value(),
        0usize..400,
        prop::collection::vec(any::<bool>(), 1..4),
    )
        .prop_map(|(v, depth, kinds)| {
            let mut open = String::new();
            let mut close = String::new();
            for k in 0..depth {
                if kinds[k % kinds.len()] {
                    open.push('[');
                    close.insert(0, ']');
                } else {
                    open.push_str(r#"{"title":"#);
                    close.insert(0, '}');
                }
            }
            format!("{open}{v}{close}")
        })
}

proptest! {
    #![proptest_config(config())]

    /// One item of any depth or shape between good ones costs only itself:
    /// the document decodes, the good items are kept, the item is decoded
    /// or reported; and the streaming path, cut anywhere, agrees.
    #[test]
    fn one_item_of_any_shape_costs_only_itself(item in any_item(), sizes in prop::collection::vec(1usize..64, 1..8)) {
        let body = format!(r#"{{"entitlementId": "e", "records": [{GOOD_RECORD}, {item}, {GOOD_RECORD}]}}"#);
        let d = decode::<EntitlementActivity>(&body).map_err(|e| TestCaseError::fail(e.0))?;
        let ok = d.value.records.iter().filter(|r| r.id() == "ok").count();
        prop_assert!(ok >= 2, "the good records are kept");
        prop_assert_eq!(d.value.records.len() + d.issues.len(), 3);
        streams_like_decode::<EntitlementActivity>(body.as_bytes(), &sizes)?;
        let body = format!(r#"{{"cases": [{GOOD_CASE}, {item}, {GOOD_CASE}]}}"#);
        let d = decode::<AdditionalCases>(&body).map_err(|e| TestCaseError::fail(e.0))?;
        prop_assert!(d.value.cases.len() >= 2);
        prop_assert_eq!(d.value.cases.len() + d.issues.len(), 3);
        streams_like_decode::<AdditionalCases>(body.as_bytes(), &sizes)?;
    }
}
