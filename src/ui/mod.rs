//! The Leptos UI: one component per file, grouped by panel. Components read the narrow piece of
//! state they need from context (`crate::app`); they never talk to the browser or the network
//! themselves except through `crate::web`.

pub mod app;
pub mod endpoint;
pub mod form;
pub mod history;
pub mod icon;
pub mod language_select;
pub mod references;
pub mod runs;
pub mod share;
pub mod viewer;
