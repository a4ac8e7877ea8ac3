//! The tables, one per panel or subject. An entry is referred to as `table::NAME` (e.g.
//! `form::GENERATE`), the form the unused-entry test looks for.

pub mod checks;
pub mod common;
pub mod conversation;
pub mod endpoint;
pub mod errors;
pub mod form;
pub mod gateways;
pub mod history;
pub mod images;
pub mod models;
pub mod prep;
pub mod presets;
pub mod prompts;
pub mod references;
pub mod requests;
pub mod runs;
pub mod share;
pub mod sizes;
pub mod storage;
pub mod tasks;
pub mod viewer;
pub mod work;

/// Every table with its module name (for the tests).
pub const TABLES: &[(&str, &[(&str, super::Text)])] = &[
    ("common", common::ALL),
    ("errors", errors::ALL),
    ("runs", runs::ALL),
    ("form", form::ALL),
    ("sizes", sizes::ALL),
    ("models", models::ALL),
    ("prompts", prompts::ALL),
    ("references", references::ALL),
    ("prep", prep::ALL),
    ("history", history::ALL),
    ("viewer", viewer::ALL),
    ("share", share::ALL),
    ("storage", storage::ALL),
    ("endpoint", endpoint::ALL),
    ("tasks", tasks::ALL),
    ("requests", requests::ALL),
    ("presets", presets::ALL),
    ("images", images::ALL),
    ("work", work::ALL),
    ("gateways", gateways::ALL),
    ("checks", checks::ALL),
    ("conversation", conversation::ALL),
];
