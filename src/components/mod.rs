//! Presentational pieces: they render what they are given and never call
//! the API. Each has its stylesheet under `style/`.

pub mod alert;
pub mod attention_list;
pub mod chart;
pub mod data_grid;
pub mod grid_cells;
pub mod grid_index;
pub mod grid_preview;
pub mod grid_print;
pub mod grid_resize;
pub mod grid_slot;
pub mod grid_tip;
pub mod menu;
pub mod package_card;
pub mod select;
pub mod skeleton;
pub mod table_tools;
pub mod tile;
pub mod usage_bar;
