//! The proof of delivery's files, made in the wasm part `pod`
//! (`pages::part`): its lines, the CSV, the workbook's sheets and the
//! workbook. `pages::proof_of_delivery` (its buttons, the fetches and the
//! progress) calls them.

use super::export::XLSX_MIME;
use super::gate::Loaded;
use super::part::Reading;
use crate::api::Opened;
use crate::domain::csv_export::{
    delivery_entitlements, delivery_lines, proof_of_delivery, write, DeliveryLine, BOM,
};
use crate::domain::enterprise::chosen_contracts;
use crate::domain::export::{summary_sheet, table};
use crate::domain::grid::{
    columns as record_columns, dominant_kind, export_extras, with_workspace as with_ws_column,
    ColId,
};
use crate::domain::records::{has_workspaces, shown_records, DateRange};
use crate::domain::view::{active_contracts, WorkspaceSel};
use crate::domain::xlsx::{workbook, Sheet};
use crate::i18n::{self, Locale, Msg};
use ca_contract::EntitlementActivity;
use std::sync::Arc;

/// The proof of delivery's header row.
pub(super) fn header(l: Locale) -> [&'static str; 9] {
    [
        Msg::Contract,
        Msg::Package,
        Msg::Entitlement,
        Msg::Unit,
        Msg::Purchased,
        Msg::Consumed,
        Msg::Remaining,
        Msg::DeliveredHours,
        Msg::Ends,
    ]
    .map(|m| l.t(m))
}

/// The document and the view a proof of delivery is made of.
pub(super) struct PodView {
    pub(super) loaded: Arc<Loaded>,
    pub(super) l: Locale,
    pub(super) sel: WorkspaceSel,
    pub(super) me: Arc<ca_contract::Me>,
    pub(super) contract: Option<String>,
    pub(super) today: chrono::NaiveDate,
}

impl PodView {
    /// Its lines, and the entitlements whose records it lists.
    fn lines(&self) -> (Vec<DeliveryLine>, Vec<ca_contract::Entitlement>) {
        let (l, doc) = (self.l, &self.loaded.doc);
        let active = active_contracts(&doc.contracts, &self.sel, &self.me, self.today);
        let chosen = chosen_contracts(&active, self.contract.as_deref());
        let lines = delivery_lines(&chosen, &doc.entitlements, &doc.packages, &|u| {
            i18n::unit_word(l, u, false).to_owned()
        });
        let plan = delivery_entitlements(&chosen, &doc.entitlements, &doc.packages)
            .into_iter()
            .cloned()
            .collect();
        (lines, plan)
    }
}

super::part::split_fn! {
    /// Downloads the proof of delivery as CSV.
    pub(super) fn pod_csv(v: PodView) -> () => pod, preload_pod_csv / load_pod_csv {
        let (l, doc) = (v.l, &v.loaded.doc);
        let (lines, _) = v.lines();
        let mut csv = proof_of_delivery(header(l), &lines, l.t(Msg::AsNeeded));
        // The data's date goes through the same writer as every cell.
        csv.push_str(
            write([vec![l.t(Msg::GeneratedAt).to_owned(), doc.generated_at.clone()]])
                .trim_start_matches(BOM),
        );
        let name = format!("proof-of-delivery-{}.csv", crate::domain::dates::iso(v.today));
        if let Err(e) = crate::platform::download(&name, &csv, "text/csv;charset=utf-8") {
            leptos::logging::error!("download failed: {e}");
        }
    }
}

super::part::split_fn! {
    /// The workbook's Summary sheet, and the entitlements whose sheets follow.
    pub(super) fn pod_plan(v: PodView) -> (Sheet, Vec<ca_contract::Entitlement>) => pod, preload_pod_plan / load_pod_plan {
        let (l, doc) = (v.l, &v.loaded.doc);
        let (lines, plan) = v.lines();
        let summary = summary_sheet(
            l.t(Msg::SummarySheet),
            header(l),
            &lines,
            l.t(Msg::AsNeeded),
            (l.t(Msg::GeneratedAt), &doc.generated_at),
        );
        (summary, plan)
    }
}

/// What an entitlement's sheet is made of: its answered request.
pub(super) struct SheetArgs {
    pub(super) e: ca_contract::Entitlement,
    pub(super) opened: Opened,
    pub(super) sel: WorkspaceSel,
    pub(super) me: Arc<ca_contract::Me>,
    pub(super) l: Locale,
}

super::part::split_fn! {
    /// An entitlement's sheet: its records (read and decoded here, as they
    /// arrive) as its drilldown exports them (the Workspace selection
    /// applied, every record in API order).
    pub(super) fn pod_sheet(a: SheetArgs) -> Reading<Sheet> => pod, preload_pod_sheet / load_pod_sheet {
        Box::pin(async move {
            let SheetArgs { e, opened, sel, me, l } = a;
            let d = opened.decode::<EntitlementActivity>(None).await?;
            let records = Arc::new(d.value.records.items);
            let kind = dominant_kind(&records, e.service);
            let mut cols = record_columns(kind).to_vec();
            if sel == WorkspaceSel::All && has_workspaces(&records) {
                cols = with_ws_column(&cols);
            }
            let extras = export_extras(&cols, Some(kind));
            cols.extend(extras);
            let shown = shown_records(&records, &sel, &me, &DateRange::default());
            let order: Vec<u32> = (0..shown.rows.len() as u32).collect();
            let unit = e.unit;
            let header = |c: ColId| match c {
                ColId::Quantity => i18n::unit_header(l, unit),
                c => i18n::column_header(l, c).to_owned(),
            };
            Ok(table(&e.name, &shown.rows, &order, &cols, &header, &|w| {
                i18n::enum_label(l, w).to_owned()
            }))
        })
    }
}

super::part::split_fn! {
    /// Writes the workbook and downloads it.
    pub(super) fn pod_save(a: (Vec<Sheet>, chrono::NaiveDate)) -> () => pod, preload_pod_save / load_pod_save {
        let (sheets, today) = a;
        let bytes = workbook(&sheets);
        let name = format!("proof-of-delivery-{}.xlsx", crate::domain::dates::iso(today));
        if let Err(e) = crate::platform::download_bytes(&name, &bytes, XLSX_MIME) {
            leptos::logging::error!("download failed: {e}");
        }
    }
}
