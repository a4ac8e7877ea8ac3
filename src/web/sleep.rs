//! Waiting that a user's Cancel interrupts.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// The timer and the abort listener of one wait, both taken back when the wait ends however
/// it ends (elapsed, aborted, or the waiting future dropped): nothing stays attached to a
/// run's signal, which lives as long as the run.
struct Wait {
    signal: AbortSignal,
    on_abort: Closure<dyn FnMut()>,
    timer: Option<i32>,
}

impl Drop for Wait {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.on_abort.as_ref().unchecked_ref());
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

/// Resolves after `ms`, or returns `Err(())` as soon as `signal` aborts.
pub async fn sleep_ms(ms: u64, signal: &AbortSignal) -> Result<(), ()> {
    if signal.aborted() {
        return Err(());
    }
    let window = web_sys::window().ok_or(())?;
    let (mut resolve, mut reject) = (None, None);
    let promise = js_sys::Promise::new(&mut |res, rej| {
        resolve = Some(res);
        reject = Some(rej);
    });
    let (Some(resolve), Some(reject)) = (resolve, reject) else {
        return Err(());
    };
    let on_abort = Closure::<dyn FnMut()>::new(move || {
        let _ = reject.call0(&JsValue::NULL);
    });
    let _ = signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    let delay = i32::try_from(ms).unwrap_or(i32::MAX);
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay)
        .ok();
    let _wait = Wait {
        signal: signal.clone(),
        on_abort,
        timer,
    };
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}
