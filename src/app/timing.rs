//! How long the app waits between automatic retries and between polls of a task, scaled by
//! `localStorage["gis.timing_scale"]` (0.001 to 1, default 1) so that tests need not wait in
//! real time. A wait an endpoint asked for (`Retry-After`) is never scaled.

use crate::web::storage::{read, StorageKind};

const SCALE_KEY: &str = "gis.timing_scale";

thread_local! {
    static SCALE: f64 = read(StorageKind::Local, SCALE_KEY)
        .and_then(|t| t.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite())
        .map_or(1.0, |s| s.clamp(0.001, 1.0));
}

/// `ms` scaled by the page's timing scale (read once per page load).
pub fn scaled_ms(ms: u64) -> u64 {
    SCALE.with(|scale| (ms as f64 * scale).round() as u64)
}
