//! Thin browser wrappers, shaped like leptos-use's `use_x` functions, and the one HTTP client.
//! Builds on `studio_core` only; never on `crate::app` or `crate::ui`.

/// Runs in the prep worker only (the page's wasm does not link it).
pub mod bitmap_decode;
pub mod blob;
pub mod canvas;
pub mod download;
pub mod files;
pub mod fit_image;
/// Runs in the prep worker only (the page's wasm does not link it).
pub mod fit_job;
pub mod focus;
pub mod http;
pub mod idb;
pub mod in_view;
/// Runs in the prep worker only (the page's wasm does not link it).
pub mod inspect_job;
pub mod locale;
pub mod locks;
pub mod mask_canvas;
pub mod offline;
pub mod prep_worker;
pub mod shell;
pub mod sleep;
pub mod storage;
pub mod thumbnail;
pub mod ticker;
pub mod time;

/// The page's location fragment, including the `#`, or empty.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Seconds since 1970 on this device's wall clock at `unix_ms` (Unix time plus the zone's
/// offset then): what a ZIP entry's local date needs.
pub fn local_secs(unix_ms: f64) -> i64 {
    let offset_min =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_ms)).get_timezone_offset();
    ((unix_ms / 1000.0) - offset_min * 60.0).floor() as i64
}
