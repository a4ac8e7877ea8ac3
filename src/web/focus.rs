//! Taking a person to a field: scrolled into view, focused, caret placed.

use wasm_bindgen::JsCast;

/// The element with this id, as the type asked for.
fn element<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<T>()
        .ok()
}

/// Scrolls the element `section_id` into view (the field alone may sit under a sticky header
/// or be the section's last line) and focuses `field_id`.
pub fn reveal_and_focus(section_id: &str, field_id: &str) {
    if let Some(section) = element::<web_sys::Element>(section_id) {
        section.scroll_into_view();
    }
    if let Some(field) = element::<web_sys::HtmlElement>(field_id) {
        let _ = field.focus();
    }
}

/// Focuses the textarea `id` with the caret at `caret` (UTF-16 units, as the DOM counts).
pub fn focus_at(id: &str, caret: u32) {
    if let Some(area) = element::<web_sys::HtmlTextAreaElement>(id) {
        let _ = area.focus();
        let _ = area.set_selection_range(caret, caret);
    }
}
