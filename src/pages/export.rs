//! The Export group's downloads of a table: the same sheet (the rows as
//! shown, then the other fields) as CSV or as an Excel workbook.

use crate::domain::export::{file_name, to_csv};
use crate::domain::xlsx::{workbook, Sheet};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The media type of an `.xlsx` workbook.
pub(crate) const XLSX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Download CSV and Download Excel of `sheet()`, named
/// `{base}-{today}.csv` / `.xlsx` (`domain::export::file_name`).
pub fn export_callbacks(
    base: String,
    today: NaiveDate,
    sheet: impl Fn() -> Sheet + Clone + Send + Sync + 'static,
) -> (Callback<()>, Callback<()>) {
    let on_csv = {
        let (base, sheet) = (base.clone(), sheet.clone());
        Callback::new(move |_| {
            let name = file_name(&base, today, "csv");
            if let Err(e) =
                crate::platform::download(&name, &to_csv(&sheet()), "text/csv;charset=utf-8")
            {
                leptos::logging::error!("export failed: {e}");
            }
        })
    };
    let on_xlsx = Callback::new(move |_| {
        let name = file_name(&base, today, "xlsx");
        if let Err(e) = crate::platform::download_bytes(&name, &workbook(&[sheet()]), XLSX_MIME) {
            leptos::logging::error!("export failed: {e}");
        }
    });
    (on_csv, on_xlsx)
}
