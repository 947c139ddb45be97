//! Text folding for search and locale-aware-ish ordering without a browser:
//! case and the accents of Latin scripts are ignored, so "citta" finds
//! "Città" and "Élan" sorts with "elan".

/// Lowercases and strips the diacritics of Latin letters.
pub fn fold(s: &str) -> String {
    // Most text is ASCII: lowercasing it needs no per-char Unicode tables.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// Appends `fold(s)` to `out` without allocating. Folding works char by
/// char, so folding pieces and joining them equals folding the whole.
pub fn fold_into(out: &mut String, s: &str) {
    if s.is_ascii() {
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            out.push(strip_accent(l));
        }
    }
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        other => other,
    }
}

/// Bytes of a text shown in one grid cell, at most: a title a column
/// 14 em wide shows some tens of characters; 1 MB strings from a broken
/// server would otherwise be laid out, searched and sorted whole on every
/// row. Exports (CSV, proof of delivery) read the records, not the cells,
/// and keep the full text.
pub const MAX_CELL_BYTES: usize = 1000;

/// The part of `s` a grid cell shows (and searches and sorts by): its
/// first [`MAX_CELL_BYTES`] bytes, cut at a char boundary. Borrowed, never
/// copied.
pub fn clip_for_cell(s: &str) -> &str {
    if s.len() <= MAX_CELL_BYTES {
        return s;
    }
    let mut end = MAX_CELL_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Compares two strings the way a reader expects: folded first, then by the
/// original so that the order is total and stable across runs.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// The URL when it is an absolute http(s) one, trimmed; `None` for any
/// other scheme (`javascript:`, `data:`), a relative path or a blank. Only
/// such a URL is ever made a link.
pub fn http_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let (scheme, rest) = u.split_once("://")?;
    let ok = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (ok && !host.is_empty() && !u.chars().any(|c| c.is_control() || c == ' ')).then_some(u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Città ÉLAN Ñandú"), "citta elan nandu");
        assert_eq!(fold("AKS Node-Pool #42"), "aks node-pool #42");
    }

    #[test]
    fn folding_pieces_equals_folding_the_whole() {
        let parts = ["Città ", "ÉLAN", "", "x\u{1f}Ñandú", "İstanbul ẞ"];
        let mut out = String::from("kept ");
        for p in parts {
            fold_into(&mut out, p);
        }
        assert_eq!(out, format!("kept {}", fold(&parts.concat())));
    }

    #[test]
    fn a_cell_shows_at_most_its_budget_cut_at_a_char() {
        assert_eq!(clip_for_cell("short"), "short");
        let long = "é".repeat(MAX_CELL_BYTES);
        let c = clip_for_cell(&long);
        assert!(c.len() <= MAX_CELL_BYTES && c.len() > MAX_CELL_BYTES - 4);
        assert!(long.starts_with(c));
        let exact = "x".repeat(MAX_CELL_BYTES);
        assert_eq!(clip_for_cell(&exact), exact);
        assert_eq!(clip_for_cell(&"y".repeat(1 << 20)).len(), MAX_CELL_BYTES);
    }

    #[test]
    fn orders_accented_with_plain() {
        let mut v = vec!["zeta", "Élan", "eco", "Ape"];
        v.sort_by(|a, b| compare(a, b));
        assert_eq!(v, ["Ape", "eco", "Élan", "zeta"]);
        assert_eq!(compare("a", "A"), Ordering::Greater);
    }

    #[test]
    fn only_http_urls_are_links() {
        assert_eq!(
            http_url(" https://x.test/a?b#c "),
            Some("https://x.test/a?b#c")
        );
        assert_eq!(http_url("HTTP://x.test"), Some("HTTP://x.test"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative",
            "https://",
            "ftp://x.test",
            "https://x.test/a b",
            "https://x.test/\u{0}",
            "",
        ] {
            assert_eq!(http_url(bad), None, "{bad}");
        }
    }
}
