//! Times as the browser's locale writes them.

/// `ms` since the epoch as a local date and time in the language `tag` (BCP 47), as `Intl`
/// writes it: "12/1/2026, 11:40:00 PM", "2026/12/1 23:40:00".
pub fn local_time(ms: f64, tag: &str) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms))
        .to_locale_string(tag, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}
