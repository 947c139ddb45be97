//! Query strings: the page keeps its filter state there, one key a control.

/// Percent-encodes a query component (RFC 3986 unreserved kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Builds `?k=v&...` from pairs, skipping empty values; `""` when none.
pub fn to_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The pairs of `current` with `key` set to `value` (or removed when `None`
/// or empty), order kept, the changed key last when new.
pub fn with_param(
    current: &[(String, String)],
    key: &str,
    value: Option<&str>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        current.iter().filter(|(k, _)| k != key).cloned().collect();
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        match current.iter().position(|(k, _)| k == key) {
            Some(i) => out.insert(i.min(out.len()), (key.to_owned(), v.to_owned())),
            None => out.push((key.to_owned(), v.to_owned())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_and_builds() {
        assert_eq!(encode("città & co/1"), "citt%C3%A0%20%26%20co%2F1");
        assert_eq!(
            to_query([("workspace", "all"), ("q", ""), ("sort", "title")]),
            "?workspace=all&sort=title"
        );
        assert_eq!(to_query([]), "");
    }

    #[test]
    fn sets_and_removes_in_place() {
        let cur = vec![
            ("a".to_string(), "1".to_string()),
            ("b".to_string(), "2".to_string()),
        ];
        assert_eq!(
            with_param(&cur, "a", Some("9"))[0],
            ("a".to_string(), "9".to_string())
        );
        assert_eq!(
            with_param(&cur, "a", None),
            vec![("b".to_string(), "2".to_string())]
        );
        assert_eq!(with_param(&cur, "c", Some("3")).len(), 3);
        assert_eq!(with_param(&cur, "b", Some("")).len(), 1);
    }
}
