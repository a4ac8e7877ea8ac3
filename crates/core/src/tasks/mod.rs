//! Async task gateways, the pure part: a `POST /images/generations` answer that is a task, the
//! poll schedule, the gateway's request body, progress figures and the task journal's format.
//! Polling and resuming after a reload are the app's (`gpt_image_studio::app::tasks`).

pub mod answer;
pub mod journal;
pub mod progress;
pub mod request;
pub mod schedule;
