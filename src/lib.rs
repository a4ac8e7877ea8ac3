//! GPT Image Studio: a browser tool for OpenAI-compatible image APIs.
//!
//! Four layers, imports pointing one way only: `ui` → `app` → `web` → `studio_core`.
//! - `studio_core` (crates/core): everything pure — requests, answers, size rules, estimates,
//!   reference prep, masks, presets, records — with no browser crate, tested natively.
//! - `web`: thin browser wrappers (storage, IndexedDB, the prep worker client, downloads,
//!   timers) and the one HTTP client.
//! - `app`: state (one store per file) and use cases (runs, gallery, references, painter,
//!   composites, task polling).
//! - `ui`: the Leptos components, one per file, grouped by panel.
//!
//! `tests/layers.rs` fails on an import against that direction and on any cycle of modules.
//! ARCHITECTURE.md has the whole picture.

pub mod app;
pub mod ui;
pub mod web;

pub use ui::app::App;
