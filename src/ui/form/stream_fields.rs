use leptos::prelude::*;

use crate::app::state::use_app_state;
use studio_core::api::request::MAX_PARTIAL_IMAGES;

/// `stream` and `partial_images`: previews while the image is made, each costing about 100
/// extra output tokens.
#[component]
pub fn StreamFields() -> impl IntoView {
    let form = use_app_state().form;
    view! {
        <div class="field check">
            <input id="stream" data-testid="stream" type="checkbox"
                prop:checked=move || form.stream.get()
                on:change=move |ev| form.stream.set(event_target_checked(&ev))/>
            <label for="stream">"Stream (show previews as they arrive)"</label>
        </div>
        <div class="field">
            <label for="partial-images">"Partial images"</label>
            <select id="partial-images" data-testid="partial-images"
                prop:disabled=move || !form.stream.get()
                aria-describedby="partial-images-hint"
                on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<u8>() {
                        form.partial_images.set(k.min(MAX_PARTIAL_IMAGES));
                    }
                }>
                {(0..=MAX_PARTIAL_IMAGES).map(|k| view! {
                    <option value=k.to_string() prop:selected=move || form.partial_images.get() == k>{k.to_string()}</option>
                }).collect_view()}
            </select>
            <p id="partial-images-hint" class="hint">
                {move || if form.stream.get() {
                    "Each preview costs about 100 extra output tokens; fewer may arrive."
                } else {
                    "Previews need streaming."
                }}
            </p>
        </div>
    }
}
