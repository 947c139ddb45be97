//! CSV exports: the training report and the proof of delivery. RFC 4180 as
//! the `csv` crate writes it (a field with a comma, quote, CR or LF is quoted,
//! quotes doubled; CRLF after every record; a few lines here instead of the
//! crate in the wasm, and the tests read it back with `csv`), UTF-8 with a BOM
//! so that spreadsheet programs read accented names right, and every cell
//! neutralised against formula injection.

use super::dates::iso_date;
use super::usage::Usage;
use ca_contract::{
    ActivityRecord, Contract, EducationActivity, Entitlement, EntitlementKind, Package, Unit,
};

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Whether a spreadsheet would read text that begins with `c` as a formula.
fn starts_formula(c: Option<char>) -> bool {
    matches!(c, Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Neutralises a cell a spreadsheet would run as a formula: one that begins
/// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, and
/// so does every such piece after a `;`, since Excel in Italian (and other
/// locales whose list separator is `;`) splits a CSV line on `;`: a learner
/// named `x;=1+1` would otherwise put a formula in the next cell.
pub fn neutralise(cell: &str) -> String {
    if !cell.contains(';') {
        return if starts_formula(cell.chars().next()) {
            format!("'{cell}")
        } else {
            cell.to_owned()
        };
    }
    let mut out = String::with_capacity(cell.len() + 2);
    for (i, piece) in cell.split(';').enumerate() {
        if i > 0 {
            out.push(';');
        }
        if starts_formula(piece.chars().next()) {
            out.push('\'');
        }
        out.push_str(piece);
    }
    out
}

/// A number as the exports write it: `.` for decimals, no grouping, whole
/// numbers without a fraction.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Writes rows (header first) as CSV with the BOM.
pub fn write(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        // A record of one empty field is written as `""` (an empty line
        // would read as no record at all).
        if row.len() <= 1 && row.first().is_none_or(|c| c.is_empty()) {
            out.push_str("\"\"\r\n");
            continue;
        }
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = neutralise(cell);
            if cell.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// The training report's file name for a day.
pub fn training_report_name(today: chrono::NaiveDate) -> String {
    format!("training-report-{}.csv", super::dates::iso(today))
}

/// One row per education record, in the given order: learner name, learner
/// email, activity, activity type, status, started, completed, hours,
/// quantity. `label` turns enums into the words the page shows.
pub fn training_report<'a>(
    header: [&str; 9],
    records: impl IntoIterator<Item = &'a ActivityRecord>,
    label: &dyn Fn(&'static str) -> String,
) -> String {
    let head = header.iter().map(|h| (*h).to_owned()).collect();
    let rows = records.into_iter().filter_map(|r| match r {
        ActivityRecord::EducationActivity(e) => Some(education_row(e, label)),
        _ => None,
    });
    write(std::iter::once(head).chain(rows))
}

fn education_row(e: &EducationActivity, label: &dyn Fn(&'static str) -> String) -> Vec<String> {
    let date = |s: &Option<String>| {
        s.as_deref()
            .map(|d| iso_date(d).unwrap_or_else(|| d.to_owned()))
            .unwrap_or_default()
    };
    vec![
        e.learner_name.clone(),
        e.learner_email.clone().unwrap_or_default(),
        e.activity_title.to_string(),
        e.activity_type
            .map(|t| label(t.as_str()))
            .unwrap_or_default(),
        label(e.status.as_str()),
        iso_date(&e.started_at).unwrap_or_else(|| e.started_at.clone()),
        date(&e.completed_at),
        e.hours.map(number).unwrap_or_default(),
        number(e.quantity),
    ]
}

/// One line of the proof of delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryLine {
    pub contract: String,
    pub package: String,
    pub entitlement: String,
    pub unit: String,
    pub purchased: Option<f64>,
    pub consumed: f64,
    pub remaining: Option<f64>,
    pub delivered_hours: Option<f64>,
    pub ends: String,
}

/// The proof of delivery as CSV: a header, then one row per line. An
/// uncapped `purchased` is written as `as_needed`.
pub fn proof_of_delivery(header: [&str; 9], lines: &[DeliveryLine], as_needed: &str) -> String {
    let head = header.iter().map(|h| (*h).to_owned()).collect();
    let rows = lines.iter().map(|l| {
        vec![
            l.contract.clone(),
            l.package.clone(),
            l.entitlement.clone(),
            l.unit.clone(),
            l.purchased
                .map(number)
                .unwrap_or_else(|| as_needed.to_owned()),
            number(l.consumed),
            l.remaining.map(number).unwrap_or_default(),
            l.delivered_hours.map(number).unwrap_or_default(),
            l.ends.clone(),
        ]
    });
    write(std::iter::once(head).chain(rows))
}

/// A contract's consumption services, enterprise-level (`None`) or of a package.
fn services<'a>(
    entitlements: &'a [Entitlement],
    contract_id: &str,
    package: Option<&str>,
) -> Vec<&'a Entitlement> {
    entitlements
        .iter()
        .filter(|e| {
            e.contract_id == contract_id
                && e.package_id.as_deref() == package
                && e.kind == EntitlementKind::ConsumptionService
        })
        .collect()
}

/// The proof of delivery's lines for the given contracts: each contract's
/// enterprise-level consumption services, then each of its packages'
/// services, in API order. `unit` names a unit in the reader's language.
pub fn delivery_lines(
    contracts: &[&Contract],
    entitlements: &[Entitlement],
    packages: &[Package],
    unit: &dyn Fn(Unit) -> String,
) -> Vec<DeliveryLine> {
    let mut out = Vec::new();
    for c in contracts {
        let contract = format!("{} – {}", c.number, c.name);
        let mut push = |e: &Entitlement, package: &str, ends: &str| {
            let u = Usage::new(e.consumed, e.purchased);
            out.push(DeliveryLine {
                contract: contract.clone(),
                package: package.to_owned(),
                entitlement: e.name.clone(),
                unit: unit(e.unit),
                purchased: e.purchased,
                consumed: e.consumed,
                remaining: u.remaining(),
                delivered_hours: e.delivered_hours,
                ends: ends.to_owned(),
            });
        };
        for e in services(entitlements, &c.id, None) {
            push(e, "", &c.end_date);
        }
        for p in packages.iter().filter(|p| p.contract_id == c.id) {
            for e in services(entitlements, &c.id, Some(&p.id)) {
                push(e, &p.name, &p.end_date);
            }
        }
    }
    out
}

/// The entitlements of the proof of delivery's lines, in the same order
/// (each contract's enterprise-level services, then its packages'): the
/// plan of the workbook, one sheet each after the Summary.
pub fn delivery_entitlements<'a>(
    contracts: &[&Contract],
    entitlements: &'a [Entitlement],
    packages: &[Package],
) -> Vec<&'a Entitlement> {
    let mut out = Vec::new();
    for c in contracts {
        out.extend(services(entitlements, &c.id, None));
        for p in packages.iter().filter(|p| p.contract_id == c.id) {
            out.extend(services(entitlements, &c.id, Some(&p.id)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::{PackageStatus, Service};

    #[test]
    fn neutralises_every_prefix() {
        for p in ["=", "+", "-", "@", "\t", "\r"] {
            assert_eq!(neutralise(&format!("{p}SUM(A1)")), format!("'{p}SUM(A1)"));
        }
        assert_eq!(neutralise("Giulia"), "Giulia");
        assert_eq!(
            neutralise("x;=1+1"),
            "x;'=1+1",
            "split on ; as Excel in Italian"
        );
        assert_eq!(neutralise("=a;-b;c;@d"), "'=a;'-b;c;'@d");
        assert_eq!(neutralise("a;;b;"), "a;;b;");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn quotes_commas_newlines_accents_and_bom() {
        let s = write(vec![vec![
            "a,b".into(),
            "say \"hi\"".into(),
            "two\nlines".into(),
            "Niccolò".into(),
        ]]);
        assert!(s.starts_with(BOM));
        assert_eq!(
            &s[BOM.len()..],
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",Niccolò\r\n"
        );
    }

    #[test]
    fn training_report_rows() {
        let recs = [
            edu("e1", "Niccolò Ferrè", "2026-10-01T09:00:00Z", Some(2.5)),
            sr("s1", "2026-10-01T09:00:00Z", 1.0, "not education"),
            edu(
                "e2",
                "=cmd|' /C calc'!A0",
                "2026-10-03T09:00:00+02:00",
                None,
            ),
        ];
        let h = [
            "Learner name",
            "Learner email",
            "Activity",
            "Activity type",
            "Status",
            "Started",
            "Completed",
            "Hours",
            "Quantity",
        ];
        let csv = training_report(h, recs.iter(), &|w| w.to_owned());
        let lines: Vec<&str> = csv[BOM.len()..].split("\r\n").collect();
        assert_eq!(lines[0], "Learner name,Learner email,Activity,Activity type,Status,Started,Completed,Hours,Quantity");
        assert_eq!(lines[1], "Niccolò Ferrè,e1@contoso.it,Azure Fundamentals,course,completed,2026-10-01,2026-10-02,2.5,1");
        assert!(lines[2].starts_with("'=cmd"), "{}", lines[2]);
        assert!(lines[2].contains(",2026-10-03,"));
        assert_eq!(lines.len(), 4, "header, two rows, trailing empty");
        assert_eq!(
            training_report_name(day("2026-11-27")),
            "training-report-2026-11-27.csv"
        );
    }

    #[test]
    fn delivery_lines_cover_enterprise_then_packages() {
        let c1 = contract("c1", "2026-01-01", "2026-12-31", &["w"]);
        let es = vec![
            ent(
                "p1",
                "c1",
                Some("k"),
                Service::ReactiveSupport,
                Unit::Hours,
                Some(10.0),
                12.0,
            ),
            ent(
                "e1",
                "c1",
                None,
                Service::ProactiveServices,
                Unit::Hours,
                Some(100.0),
                40.0,
            ),
            ent(
                "other",
                "c2",
                None,
                Service::ProactiveServices,
                Unit::Hours,
                Some(1.0),
                1.0,
            ),
        ];
        let ps = vec![package(
            "k",
            "c1",
            PackageStatus::Active,
            "2026-01-01",
            "2026-06-30",
        )];
        let lines = delivery_lines(&[&c1], &es, &ps, &|u| u.as_str().to_owned());
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (
                lines[0].entitlement.as_str(),
                lines[0].remaining,
                lines[0].ends.as_str()
            ),
            ("Entitlement e1", Some(60.0), "2026-12-31")
        );
        assert_eq!(
            (
                lines[1].package.as_str(),
                lines[1].remaining,
                lines[1].ends.as_str()
            ),
            ("Package k", Some(0.0), "2026-06-30")
        );
        // The workbook's sheets follow the same lines, in the same order.
        let plan: Vec<&str> = delivery_entitlements(&[&c1], &es, &ps)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(plan, ["e1", "p1"]);
    }

    #[test]
    fn proof_of_delivery_rows() {
        let l = DeliveryLine {
            contract: "U-1 Unified".into(),
            package: String::new(),
            entitlement: "Reactive".into(),
            unit: "hours".into(),
            purchased: None,
            consumed: 12.25,
            remaining: None,
            delivered_hours: None,
            ends: "2026-12-31".into(),
        };
        let csv = proof_of_delivery(
            ["C", "P", "E", "U", "Pu", "Co", "R", "D", "End"],
            &[l],
            "As needed",
        );
        assert!(
            csv.ends_with("U-1 Unified,,Reactive,hours,As needed,12.25,,,2026-12-31\r\n"),
            "{csv}"
        );
    }

    /// The hand-written writer produces byte for byte what the `csv` crate
    /// (CRLF terminator, default quoting) wrote before it.
    mod same_as_csv_crate {
        use super::*;
        use proptest::prelude::*;

        fn with_csv_crate(rows: &[Vec<String>]) -> String {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            for row in rows {
                w.write_record(row.iter().map(|c| neutralise(c))).unwrap();
            }
            let bytes = w.into_inner().unwrap();
            format!("{BOM}{}", String::from_utf8(bytes).unwrap())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]
            #[test]
            fn rows(width in 0usize..5, cells in prop::collection::vec(
                prop_oneof!["[a-z ,\"\r\n=+@-]{0,6}", any::<String>(), Just(String::new())], 0..20,
            )) {
                let rows: Vec<Vec<String>> = if width == 0 {
                    vec![Vec::new(); cells.len().min(3)]
                } else {
                    cells.chunks_exact(width).map(<[String]>::to_vec).collect()
                };
                prop_assert_eq!(write(rows.clone()), with_csv_crate(&rows));
            }
        }
    }
}
