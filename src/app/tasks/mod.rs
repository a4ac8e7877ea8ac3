//! Async task gateways in the page: the gateway's extra inputs, polling a task until it ends,
//! and resuming journaled tasks after a reload. The pure part is `studio_core::tasks`.

pub mod fields;
pub mod follow;
pub mod resume;
