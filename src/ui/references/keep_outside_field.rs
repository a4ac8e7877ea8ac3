use leptos::prelude::*;

use crate::app::state::use_app_state;

/// "Keep outside the mask": the model often changes pixels outside the mask, so image 1 is
/// pasted back there (with a feathered seam) on every masked edit result, stored beside it.
#[component]
pub fn KeepOutsideField() -> impl IntoView {
    let painter = use_app_state().painter;
    view! {
        <div class="field keep-outside">
            <label class="inline">
                <input type="checkbox" data-testid="keep-outside-mask"
                    prop:checked=move || !painter.keep_outside.get().is_empty()
                    on:change=move |ev| painter.keep_outside.set(if event_target_checked(&ev) { "1".into() } else { String::new() })/>
                " Keep image 1 outside the mask (paste it back on each result)"
            </label>
            <label class="inline">
                " Feather "
                <input type="number" min="0" max="256" step="1" class="short" data-testid="mask-feather"
                    prop:value=move || painter.feather_px.get()
                    on:change=move |ev| painter.feather_px.set(event_target_value(&ev))/>
                " px"
            </label>
            <p class="hint">
                "The model treats the mask as a guide and often changes pixels outside it. With this on, each result that has image 1's aspect ratio also comes with image 1's own pixels outside the mask, blended over the feather radius; both are kept."
            </p>
        </div>
    }
}
