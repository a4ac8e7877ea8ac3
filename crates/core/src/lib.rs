//! GPT Image Studio's core: everything that needs no browser, tested with plain `cargo test`.
//!
//! No web-sys, js-sys, wasm-bindgen, gloo or leptos: the app crate (`gpt_image_studio`) wraps
//! these in browser glue and signals. Within the core, `api` is the lowest layer: requests,
//! answers, errors, streams, retries and multipart bodies; the rest build on it. The model
//! registry (`models::registry`) sits beside `api::wire` below the body builder, which reads it.

pub mod api;
pub mod code_export;
pub mod conversation;
pub mod cutout;
pub mod endpoint_check;
pub mod endpoint_options;
pub mod estimate;
pub mod file_names;
pub mod fit;
pub mod gateway_presets;
pub mod history;
pub mod i18n;
pub mod inspect;
pub mod keys;
pub mod mask;
pub mod models;
pub mod prep;
pub mod preset;
pub mod preset_library;
pub mod profiles;
pub mod prompt_checks;
pub mod repeat_guard;
pub mod sizes;
pub mod tabs;
pub mod tasks;
