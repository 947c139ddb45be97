//! One file per view. Pages own the resources and the URL state and hand
//! plain data to components.

pub mod additional_cases;
pub mod addons;
pub mod attention;
pub mod back;
pub mod customer_activity;
pub mod drilldown;
pub mod enterprise;
pub mod export;
pub mod gate;
pub mod home;
pub mod load_error;
pub mod not_found;
pub(crate) mod part;
mod pod_files;
pub mod proof_of_delivery;
pub mod records_view;
pub mod router;
pub mod shell;
pub mod tile_list;
pub mod url;
