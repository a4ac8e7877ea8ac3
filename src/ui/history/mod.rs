//! What is kept: stored results, kept links, interrupted requests.

pub mod history_chunk;
pub mod history_item;
pub mod history_panel;
pub mod interrupted_list;
pub mod kept_link;
