//! Async task gateways: `POST /images/generations` answers a task, which is polled at
//! `GET {base}/tasks/{id}` until it completes (result links valid 24 hours) or fails.
//!
//! `answer`, `schedule`, `request` and `journal` are pure (no web-sys, no reactivity) and
//! tested natively; `follow`, `resume` and `fields` are the thin browser glue.

pub mod answer;
pub mod journal;
pub mod progress;
pub mod request;
pub mod schedule;

pub mod fields;
pub mod follow;
pub mod resume;
