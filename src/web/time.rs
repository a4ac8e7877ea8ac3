//! Times as the browser's locale writes them.

/// `ms` since the epoch as a local date and time, e.g. "12/1/2026, 11:40:00 PM".
pub fn local_time(ms: f64) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
        .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}
