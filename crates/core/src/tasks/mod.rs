//! Async task gateways, the pure part: a submission answer that is a task, the dialects
//! gateways speak (where to submit and poll, where id, status and results sit), the poll
//! schedule, the gateway's request body, progress figures and the task journal's format.
//! Polling and resuming after a reload are the app's (`gpt_image_studio::app::tasks`).

pub mod answer;
pub mod dialect;
pub mod journal;
pub mod json_path;
pub mod progress;
pub mod read;
pub mod request;
pub mod schedule;
