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

/// Decodes a percent-encoded URL component: a malformed escape is kept as
/// it is, invalid UTF-8 replaced; `+` is a space when `plus` (a query).
pub fn decode(s: &str, plus: bool) -> String {
    fn hex(c: u8) -> Option<u8> {
        (c as char).to_digit(16).map(|d| d as u8)
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match (
            c,
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
            (b'+', ..) if plus => out.push(b' '),
            _ => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The pairs of a query string (with or without its `?`), decoded, in
/// order; a key without `=` has an empty value.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k, true), decode(v, true))
        })
        .collect()
}

/// The value of `key` in parsed pairs: the last, as a form would send it.
pub fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
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
    #[test]
    fn parses_what_it_builds() {
        let q = to_query([("q", "città & co/1+2"), ("workspace", "all")]);
        assert_eq!(
            parse_query(&q),
            vec![
                ("q".to_string(), "città & co/1+2".to_string()),
                ("workspace".to_string(), "all".to_string()),
            ]
        );
        // As a browser's form sends it: `+` is a space, a bare key empty.
        assert_eq!(
            parse_query("a=x+y&b&&a=z"),
            vec![
                ("a".to_string(), "x y".to_string()),
                ("b".to_string(), String::new()),
                ("a".to_string(), "z".to_string()),
            ]
        );
        assert_eq!(get(&parse_query("?a=1&a=2"), "a"), Some("2"));
        assert_eq!(get(&parse_query(""), "a"), None);
    }

    #[test]
    fn decodes_leniently() {
        assert_eq!(decode("a%2Fb+c", false), "a/b+c");
        assert_eq!(decode("a%2fb+c", true), "a/b c");
        // A malformed escape stays; invalid UTF-8 is replaced, not lost.
        assert_eq!(decode("100%", true), "100%");
        assert_eq!(decode("%zz%4", true), "%zz%4");
        assert_eq!(decode("%FFok", true), "\u{FFFD}ok");
    }
}
