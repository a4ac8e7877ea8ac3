//! GPT Image Studio: a browser tool for OpenAI-compatible image APIs.
//!
//! Pure logic (`api`, `sizes`, `estimate`, `file_names`, `fit`, `link`) has no web-sys and no
//! reactivity and is tested natively; `http` and `browser` are thin browser glue; `state` and
//! `components` are the Leptos UI.

pub mod api;
pub mod apply_link;
pub mod browser;
pub mod code_export;
pub mod components;
pub mod composites;
pub mod endpoint_options;
pub mod estimate;
pub mod file_names;
pub mod fit;
pub mod gallery;
pub mod generate;
pub mod history;
pub mod http;
pub mod mask;
pub mod painter;
pub mod prep;
pub mod preset;
pub mod preset_library;
pub mod profiles;
pub mod prompt_checks;
pub mod references;
pub mod sizes;
pub mod state;
pub mod tasks;

pub use components::app::App;
