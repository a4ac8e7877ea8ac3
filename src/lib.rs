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
/// split after Trunk's release build by scripts/split-wasm.mjs); it becomes `async`. It is a
/// plain `async fn` where nothing splits the wasm: debug builds (`trunk serve`, wasm-bindgen-test:
/// an unsplit lazy fn imports from `__wasm_split_placeholder__`, which no browser resolves) and
/// the prep worker's build (feature `worker`: it links this crate too, and a lazy fn would stay
/// there as an export with everything it reaches).
macro_rules! page_lazy {
    ($(#[$m:meta])* $v:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(not(any(feature = "worker", debug_assertions)))]
        #[leptos::lazy]
        $(#[$m])* $v fn $name($($arg: $ty),*) -> $ret $body
        #[cfg(any(feature = "worker", debug_assertions))]
        #[allow(dead_code)]
        $(#[$m])* $v async fn $name($($arg: $ty),*) -> $ret $body
    };
}

pub mod app;
pub mod ui;
pub mod web;

pub use ui::app::App;
