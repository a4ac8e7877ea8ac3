//! Waiting that a user's Cancel interrupts.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// Resolves after `ms`, or returns `Err(())` as soon as `signal` aborts.
pub async fn sleep_ms(ms: u64, signal: &AbortSignal) -> Result<(), ()> {
    if signal.aborted() {
        return Err(());
    }
    let signal = signal.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let Some(window) = web_sys::window() else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let delay = i32::try_from(ms).unwrap_or(i32::MAX);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay);
        let on_abort = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        let _ = signal.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}
