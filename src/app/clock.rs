//! The clock that elapsed-time displays read: one ticking signal for the whole page.

use std::time::Duration;

use leptos::prelude::*;

use crate::web::ticker::use_now;

/// Milliseconds since the epoch, updated twice a second.
#[derive(Clone, Copy)]
pub struct Now(pub ReadSignal<f64>);

impl Now {
    /// Starts the page's clock; provided once as context by the root component.
    pub fn start() -> Self {
        Now(use_now(Duration::from_millis(500)))
    }
}
