//! `--data DIR`: a customer's own documents, served instead of the embedded
//! demo. Every file is checked against the contract (`ca-contract`'s models)
//! before anything is served; the first bad one is refused with its path,
//! the JSON pointer of what is wrong and what was expected.
//!
//! ```text
//! DIR/me.json                        GET /api/v1/me                          (required)
//! DIR/customer-activity.json         GET /api/v1/customer-activity           (required)
//! DIR/additional-cases.json          GET /api/v1/additional-cases            (else {"cases":[]})
//! DIR/activity/<entitlementId>.json  GET /api/v1/entitlements/{id}/activity  (else 404)
//! ```

use bytes::Bytes;
use ca_contract::{
    ActivityRecord, AdditionalCase, AdditionalCases, AssessmentSetup, Contract, CustomerActivity,
    Document, EducationActivity, Entitlement, EntitlementActivity, Me, Package, ProactiveDelivery,
    RecordIssue, SupportContact, SupportRequest, Workspace,
};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::Path;

/// The documents as read (served byte for byte: unknown keys a newer
/// contract may add are kept).
pub struct DataFiles {
    pub me: Bytes,
    pub customer_activity: Bytes,
    pub additional_cases: Bytes,
    /// By entitlement id.
    pub activity: HashMap<String, Bytes>,
}

/// serde_path_to_error's path as a JSON pointer (RFC 6901).
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push_str(&key.replace('~', "~0").replace('/', "~1"))
            }
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// The pointer and message of a value that does not decode as `T`.
fn first_error<T: DeserializeOwned>(value: &serde_json::Value) -> Option<(String, String)> {
    serde_path_to_error::deserialize::<_, T>(value)
        .err()
        .map(|e| (pointer(e.path()), e.inner().to_string()))
}

/// Where in an item of a lenient list the error is, when its type says.
fn inside_item(list: &str, item: &serde_json::Value) -> Option<(String, String)> {
    match list {
        "workspaces" => first_error::<Workspace>(item),
        "contracts" => first_error::<Contract>(item),
        "entitlements" => first_error::<Entitlement>(item),
        "packages" => first_error::<Package>(item),
        "cases" => first_error::<AdditionalCase>(item),
        // Internally tagged by `type`: decoded as the variant's own struct
        // for the path inside it.
        "records" => match item.get("type").and_then(|t| t.as_str()) {
            Some("supportRequest") => first_error::<SupportRequest>(item),
            Some("proactiveDelivery") => first_error::<ProactiveDelivery>(item),
            Some("educationActivity") => first_error::<EducationActivity>(item),
            Some("supportContact") => first_error::<SupportContact>(item),
            Some("assessmentSetup") => first_error::<AssessmentSetup>(item),
            _ => first_error::<ActivityRecord>(item).map(|(_, m)| (String::new(), m)),
        },
        _ => None,
    }
}

/// The first item of the list at `at` that does not decode, if `at` names
/// one of the document's lists: its pointer and what is wrong.
fn bad_item(value: &serde_json::Value, at: &str) -> Option<(String, String)> {
    let list = at.strip_prefix('/').filter(|l| !l.contains('/'))?;
    value
        .pointer(at)?
        .as_array()?
        .iter()
        .enumerate()
        .find_map(|(i, item)| {
            inside_item(list, item).map(|(inner, msg)| (format!("{at}/{i}{inner}"), msg))
        })
}

fn refuse(path: &Path, at: &str, what: impl std::fmt::Display) -> String {
    format!("{}: at JSON pointer \"{at}\": {what}", path.display())
}

/// Reads and checks one document: JSON, the contract's shape, and no item
/// of its lists set aside (the page would tolerate one; a snapshot should
/// not need it).
pub fn check<T: Document>(path: &Path, bytes: &[u8]) -> Result<T, String> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let mut doc: T = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let inner = e.inner();
        // An item the lenient list could not even set aside: find it.
        if let Some((at, msg)) = serde_json::from_slice::<serde_json::Value>(bytes)
            .ok()
            .and_then(|v| bad_item(&v, &pointer(e.path())))
        {
            return refuse(path, &at, msg);
        }
        let what = if inner.is_syntax() || inner.is_eof() {
            format!("not JSON: {inner}")
        } else {
            format!(
                "expected {}: {inner}",
                std::any::type_name::<T>()
                    .rsplit("::")
                    .next()
                    .unwrap_or("?")
            )
        };
        refuse(path, &pointer(e.path()), what)
    })?;
    de.end()
        .map_err(|e| refuse(path, "", format!("not JSON: {e}")))?;
    let issues = doc.take_issues();
    if let Some(RecordIssue {
        list,
        index,
        message,
        ..
    }) = issues.into_iter().next()
    {
        let item_at = format!("/{list}/{index}");
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| refuse(path, "", e))?;
        let (inner, msg) = value
            .pointer(&item_at)
            .and_then(|item| inside_item(list, item))
            .unwrap_or((String::new(), message));
        return Err(refuse(path, &format!("{item_at}{inner}"), msg));
    }
    Ok(doc)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// Loads and checks every document of `dir`; `Err` names the first problem.
pub fn load(dir: &Path) -> Result<DataFiles, String> {
    if !dir.is_dir() {
        return Err(format!("{}: not a directory", dir.display()));
    }
    let me_path = dir.join("me.json");
    let me = read(&me_path)?;
    check::<Me>(&me_path, &me)?;
    let ca_path = dir.join("customer-activity.json");
    let customer_activity = read(&ca_path)?;
    check::<CustomerActivity>(&ca_path, &customer_activity)?;
    let cases_path = dir.join("additional-cases.json");
    let additional_cases = if cases_path.exists() {
        let b = read(&cases_path)?;
        check::<AdditionalCases>(&cases_path, &b)?;
        b
    } else {
        br#"{"cases":[]}"#.to_vec()
    };
    let mut activity = HashMap::new();
    let act_dir = dir.join("activity");
    if act_dir.exists() {
        let entries = std::fs::read_dir(&act_dir)
            .map_err(|e| format!("{}: cannot list: {e}", act_dir.display()))?;
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            let Some(id) = name.strip_suffix(".json").filter(|id| !id.is_empty()) else {
                return Err(format!(
                    "{}: expected only <entitlementId>.json files in {}",
                    path.display(),
                    act_dir.display()
                ));
            };
            let bytes = read(&path)?;
            let doc = check::<EntitlementActivity>(&path, &bytes)?;
            if doc.entitlement_id != id {
                return Err(refuse(
                    &path,
                    "/entitlementId",
                    format!(
                        "expected \"{id}\" (the file's name), found \"{}\"",
                        doc.entitlement_id
                    ),
                ));
            }
            activity.insert(id.to_string(), Bytes::from(bytes));
        }
    }
    Ok(DataFiles {
        me: Bytes::from(me),
        customer_activity: Bytes::from(customer_activity),
        additional_cases: Bytes::from(additional_cases),
        activity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited<T: Document>(doc: &str, f: impl Fn(&mut serde_json::Value)) -> Result<T, String> {
        let mut v: serde_json::Value = serde_json::from_str(doc).unwrap();
        f(&mut v);
        check::<T>(Path::new("x.json"), v.to_string().as_bytes())
    }

    const CA: &str = include_str!("../example-data/customer-activity.json");
    const ACT: &str = include_str!("../example-data/activity/e-ex-reactive.json");
    const ME: &str = include_str!("../example-data/me.json");

    #[test]
    fn the_example_documents_pass() {
        assert!(edited::<CustomerActivity>(CA, |_| {}).is_ok());
        assert!(edited::<EntitlementActivity>(ACT, |_| {}).is_ok());
        assert!(edited::<Me>(ME, |_| {}).is_ok());
    }

    #[test]
    fn errors_name_the_pointer_and_what_was_expected() {
        let err = |r: Result<(), String>| r.unwrap_err();
        let e = err(
            edited::<CustomerActivity>(CA, |v| v["entitlements"][2]["unit"] = 5.into()).map(|_| ()),
        );
        assert!(
            e.starts_with("x.json: at JSON pointer \"/entitlements/2/unit\""),
            "{e}"
        );
        assert!(e.contains("expected string"), "{e}");
        let e =
            err(
                edited::<CustomerActivity>(CA, |v| v["contracts"][0]["startDate"] = true.into())
                    .map(|_| ()),
            );
        assert!(
            e.contains("\"/contracts/0/startDate\"") && e.contains("expected a string"),
            "{e}"
        );
        let e = err(edited::<EntitlementActivity>(ACT, |v| {
            v["records"][1]["quantity"] = "lots".into()
        })
        .map(|_| ()));
        assert!(
            e.contains("\"/records/1/quantity\"") && e.contains("expected f64"),
            "{e}"
        );
        let e = err(edited::<EntitlementActivity>(ACT, |v| v["records"] = 3.into()).map(|_| ()));
        assert!(
            e.contains("\"/records\"") && e.contains("expected an array"),
            "{e}"
        );
        let e = err(
            edited::<Me>(ME, |v| v["workspaces"][0]["id"] = serde_json::Value::Null).map(|_| ()),
        );
        assert!(e.contains("\"/workspaces/0/id\""), "{e}");
        let e = err(check::<Me>(Path::new("x.json"), b"{\"id\": ").map(|_| ()));
        assert!(e.contains("not JSON"), "{e}");
        let e = err(check::<Me>(Path::new("x.json"), format!("{ME} []").as_bytes()).map(|_| ()));
        assert!(e.contains("not JSON"), "{e}");
    }
}
