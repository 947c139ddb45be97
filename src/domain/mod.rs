//! Pure logic of the page: no Leptos, no web-sys, tested natively.
//!
//! Everything the page computes from the loaded documents lives here: which
//! contracts are in view, what the tiles sum, how packages and their bars
//! read, how the grid filters and sorts, the forecast, and the CSV exports.

pub mod attention;
pub mod cases;
pub mod csv_export;
pub mod dates;
pub mod enterprise;
pub mod export;
pub mod forecast;
pub mod grid;
pub mod packages;
pub mod query;
pub mod records;
pub mod roles;
pub mod text;
pub mod usage;
pub mod validate;
pub mod view;
pub mod xlsx;
mod zip;

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod proptests;
