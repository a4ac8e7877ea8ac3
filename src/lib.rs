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

/// A function loaded from its own wasm chunk the first time it is called (Leptos' `#[lazy]`,
/// split after Trunk's build by scripts/split-wasm.mjs); it becomes `async`. The prep worker's
/// build (feature `worker`) links this crate too, and there a lazy function would stay as an
/// export with all it reaches, so there it is a plain `async fn`.
macro_rules! page_lazy {
    ($(#[$m:meta])* $v:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(not(feature = "worker"))]
        #[leptos::lazy]
        $(#[$m])* $v fn $name($($arg: $ty),*) -> $ret $body
        #[cfg(feature = "worker")]
        #[allow(dead_code)]
        $(#[$m])* $v async fn $name($($arg: $ty),*) -> $ret $body
    };
}

pub mod app;
pub mod ui;
pub mod web;

pub use ui::app::App;
