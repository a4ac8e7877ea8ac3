//! The offline shell: registers the service worker that scripts/post-build.mjs generates.

/// Registers `./sw.js` (relative, so it works under any subpath). Failure only costs the
/// offline shell, so it is logged, never shown as an error.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let promise = container.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            leptos::logging::log!("offline shell not installed: {e:?}");
        }
    });
}

/// `navigator.onLine`; true where the browser cannot tell.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
