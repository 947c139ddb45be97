//! A small `.xlsx` writer: the Office Open XML parts a spreadsheet needs,
//! in a ZIP of stored (uncompressed) entries. Numbers are numeric cells,
//! dates are date cells (a serial number with a date format), text is an
//! inline string, never a formula; the header row is bold and frozen, with
//! an autofilter and column widths from the content.
//!
//! Why our own: `rust_xlsxwriter` brings a deflate encoder and a general
//! writer into the bundle; a table export needs a few hundred lines. The
//! tests read every file back with `calamine`, as Excel would.

use super::csv_export::number;
use super::zip::Zip;
use chrono::NaiveDate;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum XCell {
    Text(String),
    Num(f64),
    Date(NaiveDate),
    Empty,
}

/// A sheet: its name, a header row and the rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<XCell>>,
}

/// Excel's limit on a sheet name's length.
pub const SHEET_NAME_MAX: usize = 31;
/// Excel's limit on a cell's text (characters).
const CELL_TEXT_MAX: usize = 32_767;

/// Sheet names as Excel accepts them: no `[]:*?/\`, no leading or trailing
/// `'`, not blank, at most 31 characters, unique (case-insensitively; a
/// repeated name gets ` (2)`, ` (3)`...).
pub fn sheet_names<'a>(wanted: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in wanted {
        let clean: String = w
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        let clean = clean.trim().trim_matches('\'').trim().to_owned();
        let base = if clean.is_empty() {
            "Sheet".to_owned()
        } else {
            clean
        };
        let taken = |n: &str| out.iter().any(|o| o.to_lowercase() == n.to_lowercase());
        let mut n = 1;
        let name = loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let room = SHEET_NAME_MAX - suffix.chars().count();
            let head: String = base.chars().take(room).collect();
            let candidate = format!("{}{suffix}", head.trim_end());
            if !taken(&candidate) {
                break candidate;
            }
            n += 1;
        };
        out.push(name);
    }
    out
}

/// XML text: escaped, with the characters XML 1.0 forbids (most control
/// characters, U+FFFE, U+FFFF) replaced by U+FFFD.
fn xml_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// A column's letters: 0 → A, 25 → Z, 26 → AA.
fn col_name(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Days since 1899-12-30: Excel's date serial number.
fn serial(d: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (d - epoch).num_days()
}

fn text_width(s: &str) -> usize {
    s.chars().count()
}

fn sheet_xml(sheet: &Sheet) -> String {
    let ncols = sheet
        .rows
        .iter()
        .map(Vec::len)
        .chain([sheet.header.len()])
        .max()
        .unwrap_or(0)
        .max(1);
    let last_row = sheet.rows.len() + 1;
    let last_col = col_name(ncols - 1);
    // Widths from the longest text of each column (a date is 10), between
    // 8 and 60 characters.
    let mut widths = vec![8usize; ncols];
    for (i, h) in sheet.header.iter().enumerate() {
        widths[i] = widths[i].max(text_width(h) + 2);
    }
    for row in &sheet.rows {
        for (i, c) in row.iter().enumerate() {
            let w = match c {
                XCell::Text(s) => text_width(s),
                XCell::Num(n) => number(*n).len(),
                XCell::Date(_) => 10,
                XCell::Empty => 0,
            };
            widths[i] = widths[i].max(w + 1);
        }
    }
    let mut x = String::with_capacity(256 + sheet.rows.len() * ncols * 24);
    x.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    x.push_str(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#);
    x.push_str(&format!(r#"<dimension ref="A1:{last_col}{last_row}"/>"#));
    x.push_str(r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>"#);
    x.push_str(r#"<sheetFormatPr defaultRowHeight="15"/><cols>"#);
    for (i, w) in widths.iter().enumerate() {
        x.push_str(&format!(
            r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
            n = i + 1,
            w = (*w).min(60)
        ));
    }
    x.push_str("</cols><sheetData>");
    let text_cell = |x: &mut String, r: &str, s: &str, style: u8| {
        x.push_str(&format!(r#"<c r="{r}" t="inlineStr""#));
        if style > 0 {
            x.push_str(&format!(r#" s="{style}""#));
        }
        x.push_str(r#"><is><t xml:space="preserve">"#);
        let clipped: String;
        let s = if s.chars().count() > CELL_TEXT_MAX {
            clipped = s.chars().take(CELL_TEXT_MAX).collect();
            clipped.as_str()
        } else {
            s
        };
        xml_text(x, s);
        x.push_str("</t></is></c>");
    };
    x.push_str(r#"<row r="1">"#);
    for (i, h) in sheet.header.iter().enumerate() {
        text_cell(&mut x, &format!("{}1", col_name(i)), h, 1);
    }
    x.push_str("</row>");
    for (ri, row) in sheet.rows.iter().enumerate() {
        let rn = ri + 2;
        x.push_str(&format!(r#"<row r="{rn}">"#));
        for (ci, c) in row.iter().enumerate() {
            let r = format!("{}{rn}", col_name(ci));
            match c {
                XCell::Text(s) => text_cell(&mut x, &r, s, 0),
                XCell::Num(n) if n.is_finite() => {
                    x.push_str(&format!(r#"<c r="{r}"><v>{}</v></c>"#, number(*n)))
                }
                XCell::Date(d) if serial(*d) > 0 => {
                    x.push_str(&format!(r#"<c r="{r}" s="2"><v>{}</v></c>"#, serial(*d)))
                }
                XCell::Num(_) | XCell::Date(_) | XCell::Empty => {}
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData>");
    x.push_str(&format!(r#"<autoFilter ref="A1:{last_col}{last_row}"/>"#));
    x.push_str("</worksheet>");
    x
}

const CONTENT_TYPES_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// Styles: 0 normal, 1 bold (the header), 2 a date (`yyyy-mm-dd`).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// The workbook: the sheets in order (names made valid and unique).
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let names = sheet_names(sheets.iter().map(|s| s.name.as_str()));
    let mut types = String::from(CONTENT_TYPES_HEAD);
    let mut wb = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut defined = String::new();
    for (i, (sheet, name)) in sheets.iter().zip(&names).enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        wb.push_str(r#"<sheet name=""#);
        xml_text(&mut wb, name);
        wb.push_str(&format!(r#"" sheetId="{n}" r:id="rId{n}"/>"#));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        let ncols = sheet.header.len().max(1);
        defined.push_str(&format!(
            r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'"#
        ));
        xml_text(&mut defined, &name.replace('\'', "''"));
        defined.push_str(&format!(
            "'!$A$1:${}${}</definedName>",
            col_name(ncols - 1),
            sheet.rows.len() + 1
        ));
    }
    types.push_str("</Types>");
    wb.push_str("</sheets>");
    if !defined.is_empty() {
        wb.push_str(&format!("<definedNames>{defined}</definedNames>"));
    }
    wb.push_str("</workbook>");
    let k = sheets.len() + 1;
    rels.push_str(&format!(r#"<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#));

    let mut zip = Zip::default();
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", ROOT_RELS.as_bytes());
    zip.add("xl/workbook.xml", wb.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    for (i, s) in sheets.iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet_xml(s).as_bytes(),
        );
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use std::io::Cursor;

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_date(s).unwrap()
    }

    fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine reads")
    }

    #[test]
    fn column_letters() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(27), "AB");
        assert_eq!(col_name(701), "ZZ");
        assert_eq!(col_name(702), "AAA");
    }

    #[test]
    fn cells_read_back_with_their_types() {
        let sheet = Sheet {
            name: "Advisory support".into(),
            header: vec![
                "Case".into(),
                "Created".into(),
                "Hours".into(),
                "Note".into(),
            ],
            rows: vec![
                vec![
                    XCell::Text("=HYPERLINK(\"http://x\")".into()),
                    XCell::Date(d("2026-03-01")),
                    XCell::Num(2.5),
                    XCell::Text("Città <b>&amp; \"q\" \u{1}\u{ffff}".into()),
                ],
                vec![
                    XCell::Text("x;=1+1".into()),
                    XCell::Empty,
                    XCell::Num(-3.0),
                    XCell::Empty,
                ],
            ],
        };
        let mut wb = read(workbook(&[sheet]));
        assert_eq!(wb.sheet_names(), ["Advisory support"]);
        let range = wb.worksheet_range("Advisory support").unwrap();
        assert_eq!(range.get_size(), (3, 4));
        assert_eq!(range.get((0, 0)), Some(&Data::String("Case".into())));
        assert_eq!(
            range.get((1, 0)),
            Some(&Data::String("=HYPERLINK(\"http://x\")".into())),
            "text stays text"
        );
        match range.get((1, 1)) {
            Some(Data::DateTime(dt)) => {
                assert_eq!(dt.as_datetime().unwrap().date(), d("2026-03-01"))
            }
            other => panic!("a date cell, got {other:?}"),
        }
        assert_eq!(range.get((1, 2)), Some(&Data::Float(2.5)));
        assert_eq!(
            range.get((1, 3)),
            Some(&Data::String(
                "Città <b>&amp; \"q\" \u{fffd}\u{fffd}".into()
            ))
        );
        assert_eq!(range.get((2, 2)), Some(&Data::Float(-3.0)));
        assert!(matches!(range.get((2, 1)), None | Some(Data::Empty)));
        // No formula anywhere.
        let formulas = wb.worksheet_formula("Advisory support").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    }

    #[test]
    fn several_sheets_with_unique_valid_names() {
        let long = "A very long entitlement name that goes on and on";
        let names = sheet_names(["Summary", long, long, "a/b:c?", "'quoted'", "", "summary"]);
        assert_eq!(names[0], "Summary");
        assert!(names.iter().all(|n| n.chars().count() <= SHEET_NAME_MAX));
        assert_eq!(names[1].chars().count(), 31);
        assert_ne!(names[1], names[2]);
        assert!(names[2].ends_with(" (2)"));
        assert_eq!(names[3], "a-b-c-");
        assert_eq!(names[4], "quoted");
        assert_eq!(names[5], "Sheet");
        assert_eq!(names[6], "summary (2)", "unique ignoring case");
        let sheets: Vec<Sheet> = names
            .iter()
            .map(|n| Sheet {
                name: n.clone(),
                header: vec!["h".into()],
                rows: vec![vec![XCell::Num(1.0)]],
            })
            .collect();
        let wb = read(workbook(&sheets));
        assert_eq!(wb.sheet_names(), names);
    }

    #[test]
    fn an_empty_sheet_still_opens() {
        let mut wb = read(workbook(&[Sheet {
            name: "Empty".into(),
            header: vec!["Only".into()],
            rows: vec![],
        }]));
        let r = wb.worksheet_range("Empty").unwrap();
        assert_eq!(r.get((0, 0)), Some(&Data::String("Only".into())));
    }
}
