//! `local-backend`: an OpenAI-compatible image API on loopback for the studio's demo mode
//! and end-to-end tests.
//!
//! - `POST /v1/images/generations`, `POST /v1/images/edits`: validated like OpenAI,
//!   answered with real, deterministic pictures (JSON or SSE).
//! - `POST /v1/responses` with the `image_generation` tool: chained turns drawn on the
//!   previous image; `/__admin/responses` turns it off (404/405).
//! - `/__admin/faults`, `/__admin/requests`, `/__admin/health`: fault injection and the log;
//!   `/__admin/keys`: take only some keys (401 for others).
//! - Optional validation of every request against a Steady mock server.
//! - Optional second listener serving the built app.

pub mod cli;
pub mod cors;
pub mod draw;
pub mod error;
pub mod faults;
pub mod generate;
pub mod keys;
pub mod routes;
pub mod server;
pub mod sse;
pub mod state;
pub mod static_files;
pub mod steady;
pub mod task_dialects;
pub mod tasks;
pub mod validate;

pub use routes::api_router;
pub use server::spawn_api;
pub use state::{AppState, Config};
