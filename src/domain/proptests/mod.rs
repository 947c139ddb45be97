//! Property-based tests of the domain over generated documents: contracts,
//! entitlements and packages with arbitrary dates (unparseable ones too),
//! NaN, negative and huge numbers, null `purchased`, duplicate ids and random
//! workspace mappings. Each property runs [`CASES`] cases by default so that
//! `cargo test` stays fast; `PROPTEST_CASES=N` runs more (see SECURITY.md).
//! A failure prints the minimal input that breaks the property.

use super::cases::cases_in_view;
use super::enterprise::{tiles, TileGroup};
use super::forecast::{cumulative, forecast, Outcome};
use super::packages::{packages_in_view, StatusFilter};
use super::text::fold;
use super::usage::Usage;
use super::validate::{check_activity, check_records, Flaw};
use super::view::{active_contracts, contracts_in_view, WorkspaceSel};
use crate::domain::csv_export::{neutralise, write};
use crate::domain::dates::parse_any_ms;
use crate::domain::grid::{
    columns, dominant_kind, filter_order, haystacks, search, sort_order, Cell, ColId, GridRow,
    Query, SearchIndex, SortDir, SortSpec, CASE_COLUMNS,
};
use ca_contract::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::HashSet;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 64;

fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            CASES
        },
        // No regression files in the source tree: a failure prints its input.
        failure_persistence: None,
        ..base
    }
}

mod csv_props;
mod gen;
mod grid;
mod view;
