//! A clock signal for elapsed-time displays.

use std::time::Duration;

use leptos::prelude::*;

/// `Date.now()` in milliseconds, refreshed every `every` while the owner lives.
pub fn use_now(every: Duration) -> ReadSignal<f64> {
    let (now, set_now) = signal(js_sys::Date::now());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(js_sys::Date::now()), every) {
        on_cleanup(move || handle.clear());
    }
    now
}
