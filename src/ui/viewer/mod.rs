//! The full-screen viewer of results and history items.

pub mod entries;
pub mod viewer_dialog;
pub mod viewer_stage;
