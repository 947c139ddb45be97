//! Tiles and filters.

use super::gen::*;
use super::*;

// -------------------------------------------------------------------- tiles

proptest! {
    #![proptest_config(config())]

    /// Each tile is the per-unit sum of exactly the enterprise consumption
    /// services of the contracts in view that belong to its group: units are
    /// never mixed, consumed is the sum of the parts, and purchased is `None`
    /// exactly when some part is uncapped.
    #[test]
    fn tiles_are_the_sum_of_their_parts(
        contracts in prop::collection::vec(contract(), 0..8),
        ents in entitlements(),
        sel in workspace_sel(),
        today in 0i32..800,
        active_only in any::<bool>(),
    ) {
        let me = me_of("w1");
        let in_view = if active_only {
            active_contracts(&contracts, &sel, &me, day(today))
        } else {
            contracts_in_view(&contracts, &sel, &me)
        };
        let ids: HashSet<&str> = in_view.iter().map(|c| c.id.as_str()).collect();
        let ts = tiles(&ents, &in_view);

        let groups: Vec<TileGroup> = ts.iter().map(|t| t.group).collect();
        let want_groups: Vec<TileGroup> = TileGroup::ALL
            .into_iter()
            .filter(|g| {
                ents.iter().any(|e| {
                    e.package_id.is_none()
                        && e.kind == EntitlementKind::ConsumptionService
                        && TileGroup::of(e.service) == Some(*g)
                        && ids.contains(e.contract_id.as_str())
                })
            })
            .collect();
        prop_assert_eq!(groups, want_groups, "a tile for each group with something in view, in order");

        for t in &ts {
            let parts: Vec<&Entitlement> = ents
                .iter()
                .filter(|e| {
                    e.package_id.is_none()
                        && e.kind == EntitlementKind::ConsumptionService
                        && TileGroup::of(e.service) == Some(t.group)
                        && ids.contains(e.contract_id.as_str())
                })
                .collect();
            let part_ids: Vec<&str> = parts.iter().map(|e| e.id.as_str()).collect();
            prop_assert_eq!(&t.entitlement_ids, &part_ids);

            // Units: distinct, in order of first appearance, never mixed.
            let mut units: Vec<Unit> = Vec::new();
            for e in &parts {
                if !units.contains(&e.unit) {
                    units.push(e.unit);
                }
            }
            let tile_units: Vec<Unit> = t.totals.iter().map(|u| u.unit).collect();
            prop_assert_eq!(&tile_units, &units, "one total per unit");

            for total in &t.totals {
                let mine: Vec<&&Entitlement> =
                    parts.iter().filter(|e| e.unit == total.unit).collect();
                let n = mine.len() as f64;
                let consumed: Vec<f64> = mine.iter().map(|e| e.consumed).collect();
                check_sum(total.usage.consumed, &consumed, n)?;
                let capped: Option<Vec<f64>> = mine.iter().map(|e| e.purchased).collect();
                match (total.usage.purchased, capped) {
                    (None, None) => {}
                    (Some(p), Some(parts)) => check_sum(p, &parts, n)?,
                    (got, want) => prop_assert!(
                        false,
                        "purchased {:?} but parts {:?}: None iff some part is uncapped",
                        got,
                        want
                    ),
                }
            }

            let dh_ok = match t.delivered_hours {
                None => t.group != TileGroup::IntegratedProactiveServices,
                Some(h) => t.group == TileGroup::IntegratedProactiveServices && !h.is_nan(),
            };
            prop_assert!(dh_ok, "delivered hours only on the proactive tile, never NaN: {:?}", t);
        }
    }

    /// Under All, a contract mapped to several of the user's workspaces (or
    /// listed twice) counts once: each entitlement is in at most one tile, at
    /// most once, and All sums exactly the contracts mapped to any of the
    /// user's workspaces.
    #[test]
    fn a_contract_counts_once_under_all(
        contracts in prop::collection::vec(contract(), 0..8),
        ents in entitlements(),
    ) {
        let me = me_of("w1");
        let all = contracts_in_view(&contracts, &WorkspaceSel::All, &me);
        let all_ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        let unique: HashSet<&str> = all_ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), all_ids.len(), "each contract once");
        let mapped: HashSet<&str> = contracts
            .iter()
            .filter(|c| c.workspace_ids.iter().any(|w| MY_WS.contains(&w.as_str())))
            .map(|c| c.id.as_str())
            .collect();
        prop_assert_eq!(&unique, &mapped);

        let ts = tiles(&ents, &all);
        let counted: Vec<&str> = ts
            .iter()
            .flat_map(|t| t.entitlement_ids.iter().map(String::as_str))
            .collect();
        let distinct: HashSet<&str> = counted.iter().copied().collect();
        prop_assert_eq!(distinct.len(), counted.len(), "no entitlement counted twice");
        let want: HashSet<&str> = ents
            .iter()
            .filter(|e| {
                e.package_id.is_none()
                    && e.kind == EntitlementKind::ConsumptionService
                    && TileGroup::of(e.service).is_some()
                    && mapped.contains(e.contract_id.as_str())
            })
            .map(|e| e.id.as_str())
            .collect();
        prop_assert_eq!(distinct, want, "All sums every entitlement of a mapped contract");

        // All is the union of the single workspaces, without repeats.
        let mut union: HashSet<&str> = HashSet::new();
        for w in MY_WS {
            let one = contracts_in_view(&contracts, &WorkspaceSel::One(w.into()), &me);
            union.extend(one.iter().map(|c| c.id.as_str()));
        }
        prop_assert_eq!(union, unique);
    }
}

/// `got` is the sum of `parts` (rounded to cents at each step): close to the
/// plain sum when every part is ordinary, NaN when a part is NaN.
fn check_sum(got: f64, parts: &[f64], n: f64) -> Result<(), TestCaseError> {
    if parts.iter().all(|x| is_ordinary(*x)) {
        let want: f64 = parts.iter().sum();
        prop_assert!(
            (got - want).abs() <= 0.005 * n + 1e-6 + want.abs() * 1e-12,
            "sum {} of {:?} should be {}",
            got,
            parts,
            want
        );
    } else if parts.iter().any(|x| x.is_nan()) {
        prop_assert!(
            got.is_nan(),
            "a NaN part makes the sum NaN: {} of {:?}",
            got,
            parts
        );
    }
    Ok(())
}

// ------------------------------------------------------------------ filters

proptest! {
    #![proptest_config(config())]

    /// Every filter only narrows: active ⊆ in view, one workspace ⊆ All, a
    /// package or a status ⊆ without it, cases of one workspace ⊆ All.
    #[test]
    fn filters_only_narrow(
        contracts in prop::collection::vec(contract(), 0..8),
        packages in prop::collection::vec(package(), 0..10),
        cases in prop::collection::vec(additional_case(), 0..10),
        sel in workspace_sel(),
        today in 0i32..800,
        contract_id in id("c", 7),
        package_id in id("p", 5),
        current in select(&ALL_WS[..]),
    ) {
        let me = me_of(current);
        let seen = |v: &[&Contract]| v.iter().map(|c| *c as *const Contract).collect::<HashSet<_>>();
        let in_view = contracts_in_view(&contracts, &sel, &me);
        let active = active_contracts(&contracts, &sel, &me, day(today));
        prop_assert!(seen(&active).is_subset(&seen(&in_view)));
        let all = contracts_in_view(&contracts, &WorkspaceSel::All, &me);
        // One of the user's workspaces (the only kind the query yields) ⊆ All.
        let mine = matches!(&sel, WorkspaceSel::One(w) if MY_WS.contains(&w.as_str()));
        if mine {
            let ids = |v: &[&Contract]| v.iter().map(|c| c.id.clone()).collect::<HashSet<_>>();
            prop_assert!(ids(&in_view).is_subset(&ids(&all)));
        }

        let p = |v: Vec<&Package>| v.iter().map(|p| *p as *const Package).collect::<HashSet<_>>();
        for status in StatusFilter::ALL {
            let wide = packages_in_view(&packages, &contract_id, None, status);
            prop_assert!(wide.iter().all(|x| x.contract_id == contract_id));
            let narrow = packages_in_view(&packages, &contract_id, Some(&package_id), status);
            prop_assert!(narrow.iter().all(|x| x.id == package_id));
            prop_assert!(p(narrow).is_subset(&p(wide.clone())));
            let any_status = packages_in_view(&packages, &contract_id, None, StatusFilter::All);
            prop_assert!(p(wide).is_subset(&p(any_status)));
        }

        let c = |v: Vec<&AdditionalCase>| v.iter().map(|x| *x as *const AdditionalCase).collect::<HashSet<_>>();
        let one = cases_in_view(&cases, &sel, &me);
        if sel != WorkspaceSel::All {
            prop_assert!(one.iter().all(|x| x.workspace_id.is_some()));
        } else {
            // Under All workspaces, every case of no workspace is listed.
            let none = cases.iter().filter(|x| x.workspace_id.is_none()).count();
            prop_assert_eq!(one.iter().filter(|x| x.workspace_id.is_none()).count(), none);
        }
        if mine || sel == WorkspaceSel::All {
            prop_assert!(c(one).is_subset(&c(cases_in_view(&cases, &WorkspaceSel::All, &me))));
        }

        // The workspace from the query is one of the user's (or the current).
        let q = WorkspaceSel::from_query(Some(sel.as_query()), &me);
        match q {
            WorkspaceSel::All => prop_assert!(me.workspaces.len() > 1),
            WorkspaceSel::One(w) => prop_assert!(MY_WS.contains(&w.as_str())),
        }
    }

    /// Filter rows: a longer query keeps a subset, in the same order, of what
    /// the shorter one keeps, and never adds rows not in the order given.
    #[test]
    fn grid_filter_only_narrows(
        rows in prop::collection::vec(record(), 0..20),
        q in "[a-zA-Zàé0-9 ]{0,5}",
        more in "[a-zA-Zàé0-9 ]{0,4}",
        col in 0usize..9,
        desc in any::<bool>(),
    ) {
        let cols = columns(dominant_kind(&rows, Service::ReactiveSupport));
        let sort = Some(SortSpec { col: cols[col % cols.len()], dir: if desc { SortDir::Desc } else { SortDir::Asc } });
        let hay = haystacks(&rows, cols, &label);
        let order = sort_order(&rows, sort, &label);
        let wide = filter_order(&order, &hay, &q);
        let narrow = filter_order(&order, &hay, &format!("{q}{more}"));
        prop_assert!(is_subsequence(&wide, &order), "filtering keeps the order");
        prop_assert!(is_subsequence(&narrow, &wide), "{:?} ⊄ {:?}", narrow, wide);
        let spaced = filter_order(&order, &hay, &format!("{q} {more}"));
        prop_assert!(is_subsequence(&spaced, &wide));
        prop_assert_eq!(filter_order(&order, &hay, "  "), order.clone());
    }
}

fn is_subsequence(small: &[u32], big: &[u32]) -> bool {
    let mut it = big.iter();
    small.iter().all(|x| it.any(|y| y == x))
}
