//! CSV and validation.

use super::gen::*;
use super::*;

// ---------------------------------------------------------------------- CSV

proptest! {
    #![proptest_config(config())]

    /// No cell of an export can start a formula: neutralise never returns a
    /// string that begins with = + - @ tab or CR, changes only such cells,
    /// and the CSV reads back to exactly the neutralised cells.
    #[test]
    fn csv_cells_never_start_a_formula(
        cells in prop::collection::vec(
            prop_oneof![text(), "[=+\\-@\t\r]\\PC{0,6}", "\\PC{0,3};[=+\\-@;]\\PC{0,3}", any::<String>()],
            1..6,
        ),
    ) {
        for c in &cells {
            let n = neutralise(c);
            // Split on `,` (the cell) or on `;` (as Excel in Italian does),
            // no piece begins a formula; each piece is the original's, or
            // it with a leading `'`.
            let (got, orig): (Vec<&str>, Vec<&str>) = (n.split(';').collect(), c.split(';').collect());
            prop_assert_eq!(got.len(), orig.len());
            for (g, o) in got.iter().zip(&orig) {
                prop_assert!(
                    !g.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{:?} -> {:?}", c, n
                );
                let prefixed = format!("'{o}");
                prop_assert!(*g == *o || *g == prefixed, "{:?} -> {:?}", c, n);
            }
        }
        let out = write([cells.clone(), cells.clone()]);
        prop_assert!(out.starts_with(crate::domain::csv_export::BOM), "BOM first");
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let mut n = 0;
        for rec in rd.records() {
            let rec = rec.map_err(|e| TestCaseError::fail(e.to_string()))?;
            let got: Vec<&str> = rec.iter().collect();
            let want: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
            prop_assert_eq!(got, want.iter().map(String::as_str).collect::<Vec<_>>());
            n += 1;
        }
        prop_assert_eq!(n, 2, "one record per row");
    }
}

// --------------------------------------------------------------- validation

proptest! {
    #![proptest_config(config())]

    /// Validation never panics on any document, flags every non-finite or
    /// negative quantity and every bad date, and names only items it was
    /// given.
    #[test]
    fn validation_never_panics_and_flags_bad_numbers(
        contracts in prop::collection::vec(contract(), 0..8),
        ents in prop::collection::vec(entitlement(), 0..16),
        packages in prop::collection::vec(package(), 0..8),
        records in prop::collection::vec(record(), 0..16),
        asked in id("e", 3),
        answered in id("e", 3),
        ent_ids in prop::collection::vec(id("e", 6), 16),
    ) {
        let ents: Vec<Entitlement> = ents
            .into_iter()
            .zip(ent_ids)
            .map(|(mut e, id)| {
                e.id = id;
                e
            })
            .collect();
        let doc = CustomerActivity {
            generated_at: "x".into(),
            workspaces: Lenient::default(),
            contracts: contracts.clone().into(),
            entitlements: ents.clone().into(),
            packages: packages.clone().into(),
        };
        let found = check_activity(&doc);
        let known: HashSet<&str> = contracts
            .iter()
            .map(|c| c.id.as_str())
            .chain(ents.iter().map(|e| e.id.as_str()))
            .chain(packages.iter().map(|p| p.id.as_str()))
            .collect();
        prop_assert!(found.iter().all(|f| known.contains(f.id.as_str())));
        for e in &ents {
            let flaws: Vec<&Flaw> = found.iter().filter(|f| f.list == "entitlements" && f.id == e.id).map(|f| &f.flaw).collect();
            if !e.consumed.is_finite() {
                prop_assert!(flaws.contains(&&Flaw::NotANumber), "{} consumed {}", e.id, e.consumed);
            } else if e.consumed < 0.0 {
                prop_assert!(flaws.contains(&&Flaw::NegativeQuantity), "{} consumed {}", e.id, e.consumed);
            }
            if e.purchased.is_some_and(|p| !p.is_finite() || p < 0.0) {
                prop_assert!(
                    flaws.iter().any(|f| matches!(f, Flaw::NotANumber | Flaw::NegativeQuantity)),
                    "{} purchased {:?}", e.id, e.purchased
                );
            }
        }
        for c in &contracts {
            let bad = crate::domain::dates::parse_date(&c.start_date).is_none()
                || crate::domain::dates::parse_date(&c.end_date).is_none();
            if bad {
                prop_assert!(found.iter().any(|f| f.list == "contracts" && f.id == c.id && matches!(f.flaw, Flaw::BadDate(_))));
            }
        }

        let found = check_records(&asked, &answered, &records);
        prop_assert_eq!(found.iter().any(|f| f.flaw == Flaw::OtherEntitlement), asked != answered);
        for r in &records {
            if !r.quantity().is_finite() || r.quantity() < 0.0 {
                prop_assert!(found.iter().any(|f| f.id == r.id()
                    && matches!(f.flaw, Flaw::NotANumber | Flaw::NegativeQuantity)));
            }
        }
    }
}
