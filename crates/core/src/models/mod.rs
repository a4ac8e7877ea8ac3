//! The image models the app knows and what follows from them.
//!
//! - `registry`: the one table of models (abilities, prices, latencies, retirement), name
//!   lookup (ids and dated snapshots, tolerant of case and spacing), a profile's own names for
//!   known models, and what an unknown name gets (every control, nothing checked).
//! - `adapt`: switching models keeps every choice still valid and names what changed.
//! - `aliases`: a profile's own model names as the user writes them, one per line.
//! - `retired`: the warning for a retired model, with its date and a replacement.
//!
//! `registry` imports only `api::wire`, so the body builder (`api::request`) and the size
//! rules (`sizes`) can read it; `adapt` builds on both.

pub mod adapt;
pub mod aliases;
pub mod registry;
pub mod retired;
