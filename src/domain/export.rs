//! Exports of a table (a drilldown's records, the additional cases): the
//! rows shown, in the order shown, every column shown and then the record's
//! other fields, as CSV (for tools) or as an `.xlsx` sheet (for people);
//! and the plan of the proof-of-delivery workbook.

use super::csv_export::{number, write, DeliveryLine};
use super::dates::{day_of, iso};
use super::grid::{Cell, ColId, GridRow};
use super::xlsx::{Sheet, XCell};
use chrono::NaiveDate;

/// A table's export: the header and the typed cells of each row shown.
pub fn table<R: GridRow>(
    name: &str,
    rows: &[R],
    order: &[u32],
    cols: &[ColId],
    header: &dyn Fn(ColId) -> String,
    label: &dyn Fn(&'static str) -> String,
) -> Sheet {
    Sheet {
        name: name.to_owned(),
        header: cols.iter().map(|&c| header(c)).collect(),
        rows: order
            .iter()
            .filter_map(|&i| rows.get(i as usize))
            .map(|r| cols.iter().map(|&c| typed(r.cell(c), label)).collect())
            .collect(),
    }
}

/// A grid cell as an export cell: enums as the page's words, dates as days
/// (a date that does not read stays the text sent).
fn typed(cell: Cell<'_>, label: &dyn Fn(&'static str) -> String) -> XCell {
    match cell {
        Cell::Text(s) => XCell::Text(s.to_owned()),
        Cell::Num(n) if n.is_finite() => XCell::Num(n),
        Cell::Num(_) | Cell::Empty => XCell::Empty,
        Cell::Date(s) => day_of(s).map_or_else(|| XCell::Text(s.to_owned()), XCell::Date),
        Cell::Enum(w) => XCell::Text(label(w)),
    }
}

/// A sheet as CSV: UTF-8 with BOM, `,`, CRLF, RFC 4180; ISO dates; every
/// cell through the one writer, which neutralises formulas.
pub fn to_csv(sheet: &Sheet) -> String {
    let head = sheet.header.clone();
    let rows = sheet.rows.iter().map(|r| {
        r.iter()
            .map(|c| match c {
                XCell::Text(s) => s.clone(),
                XCell::Num(n) => number(*n),
                XCell::Date(d) => iso(*d),
                XCell::Empty => String::new(),
            })
            .collect()
    });
    write(std::iter::once(head).chain(rows))
}

/// A file name's stem from a title: lower case, every run of other
/// characters than ASCII letters and digits as one `-`, no `-` at either
/// end ("Advisory Support" → `advisory-support`); `export` if nothing is
/// left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        "export".to_owned()
    } else {
        out
    }
}

/// `{slug}-{YYYY-MM-DD}.{ext}`.
pub fn file_name(title: &str, today: NaiveDate, ext: &str) -> String {
    format!("{}-{}.{ext}", slug(title), iso(today))
}

/// The proof of delivery's Summary sheet: one row per line, then the data's
/// date. `header` has the nine column names, then the label of the date.
pub fn summary_sheet(
    name: &str,
    header: [&str; 9],
    lines: &[DeliveryLine],
    as_needed: &str,
    generated: (&str, &str),
) -> Sheet {
    let n = |v: Option<f64>| v.filter(|x| x.is_finite()).map_or(XCell::Empty, XCell::Num);
    let mut rows: Vec<Vec<XCell>> = lines
        .iter()
        .map(|l| {
            vec![
                XCell::Text(l.contract.clone()),
                XCell::Text(l.package.clone()),
                XCell::Text(l.entitlement.clone()),
                XCell::Text(l.unit.clone()),
                l.purchased
                    .map_or_else(|| XCell::Text(as_needed.to_owned()), XCell::Num),
                n(Some(l.consumed)),
                n(l.remaining),
                n(l.delivered_hours),
                day_of(&l.ends).map_or_else(|| XCell::Text(l.ends.clone()), XCell::Date),
            ]
        })
        .collect();
    rows.push(vec![]);
    rows.push(vec![
        XCell::Text(generated.0.to_owned()),
        XCell::Text(generated.1.to_owned()),
    ]);
    Sheet {
        name: name.to_owned(),
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use crate::domain::grid::{columns, RecordKind};

    #[test]
    fn slugs_and_file_names() {
        assert_eq!(slug("Advisory Support"), "advisory-support");
        assert_eq!(slug("  Città & Co. — 2026!! "), "citt-co-2026");
        assert_eq!(slug("???"), "export");
        let day = crate::domain::dates::parse_date("2026-12-01").unwrap();
        assert_eq!(
            file_name("Additional cases", day, "xlsx"),
            "additional-cases-2026-12-01.xlsx"
        );
    }

    #[test]
    fn a_table_follows_the_order_and_columns_given() {
        let rows = vec![
            sr("a", "2026-03-01T10:00:00Z", 2.0, "=cmd|' /C calc'!A0"),
            sr("b", "2026-01-01T10:00:00Z", 10.5, "x;=1+1"),
        ];
        let cols = [
            ColId::Title,
            ColId::Created,
            ColId::Status,
            ColId::Quantity,
            ColId::RecordId,
        ];
        let sheet = table("S", &rows, &[1, 0], &cols, &|c| format!("{c:?}"), &|w| {
            w.to_uppercase()
        });
        assert_eq!(
            sheet.header,
            ["Title", "Created", "Status", "Quantity", "RecordId"]
        );
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0][0], XCell::Text("x;=1+1".into()));
        assert_eq!(
            sheet.rows[0][1],
            XCell::Date(crate::domain::dates::parse_date("2026-01-01").unwrap())
        );
        assert_eq!(sheet.rows[0][3], XCell::Num(10.5));
        assert_eq!(sheet.rows[0][4], XCell::Text("b".into()));
        let csv = to_csv(&sheet);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Title,Created,Status,Quantity,RecordId");
        assert!(lines[1].starts_with("x;'=1+1,2026-01-01,"), "{}", lines[1]);
        assert!(lines[1].ends_with(",10.5,b"));
        assert!(lines[2].starts_with("'=cmd|' /C calc'!A0,2026-03-01,"));
        for line in &lines {
            for piece in line.split([',', ';']) {
                assert!(
                    !piece.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{line}"
                );
            }
        }
        let _ = columns(RecordKind::SupportRequest);
    }

    #[test]
    fn the_summary_sheet_has_every_line_and_the_data_date() {
        let lines = vec![DeliveryLine {
            contract: "U-1 – Unified".into(),
            package: String::new(),
            entitlement: "Advisory".into(),
            unit: "hours".into(),
            purchased: None,
            consumed: 3.0,
            remaining: None,
            delivered_hours: Some(2.0),
            ends: "2026-12-31".into(),
        }];
        let s = summary_sheet(
            "Summary",
            ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
            &lines,
            "As needed",
            ("Generated at", "=HYPERLINK(\"x\")"),
        );
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.rows[0][4], XCell::Text("As needed".into()));
        assert_eq!(s.rows[0][7], XCell::Num(2.0));
        assert_eq!(s.rows[2][1], XCell::Text("=HYPERLINK(\"x\")".into()));
    }
}
