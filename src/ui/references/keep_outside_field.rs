use crate::app::lang::t;
use leptos::prelude::*;
use studio_core::i18n::text::references;

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
                {t(references::KEEP_OUTSIDE)}
            </label>
            <label class="inline">
                {t(references::FEATHER)}
                <input type="number" min="0" max="256" step="1" class="short" data-testid="mask-feather"
                    prop:value=move || painter.feather_px.get()
                    on:change=move |ev| painter.feather_px.set(event_target_value(&ev))/>
                {t(references::PX)}
            </label>
            <p class="hint">
                {t(references::KEEP_OUTSIDE_HINT)}
            </p>
        </div>
    }
}
