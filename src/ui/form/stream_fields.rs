use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use studio_core::api::request::MAX_PARTIAL_IMAGES;
use studio_core::endpoint_options::StreamSupport;
use studio_core::i18n::text::form;

/// `stream` and `partial_images`: previews while the image is made, each costing about 100
/// extra output tokens. Where this profile's endpoint does not stream, says so, with a way to
/// test it again.
#[component]
pub fn StreamFields() -> impl IntoView {
    let state = use_app_state();
    let (fields, settings) = (state.form, state.settings);
    // This profile's endpoint failed a stream and worked without (`app::generate`).
    let refused = move || settings.current_options().streaming == StreamSupport::Refused;
    view! {
        <div class="field check">
            <input id="stream" data-testid="stream" type="checkbox"
                prop:checked=move || fields.stream.get()
                on:change=move |ev| fields.stream.set(event_target_checked(&ev))/>
            <label for="stream">{t(form::STREAM)}</label>
        </div>
        <div class="field">
            <label for="partial-images">{t(form::PARTIAL_IMAGES)}</label>
            <select id="partial-images" data-testid="partial-images"
                prop:disabled=move || !fields.stream.get()
                aria-describedby="partial-images-hint"
                on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<u8>() {
                        fields.partial_images.set(k.min(MAX_PARTIAL_IMAGES));
                    }
                }>
                {(0..=MAX_PARTIAL_IMAGES).map(|k| view! {
                    <option value=k.to_string() prop:selected=move || fields.partial_images.get() == k>{k.to_string()}</option>
                }).collect_view()}
            </select>
            <p id="partial-images-hint" class="hint">
                {move || if fields.stream.get() {
                    studio_core::tr!(lang(), form::PREVIEW_COST)
                } else {
                    studio_core::tr!(lang(), form::PREVIEWS_NEED_STREAMING)
                }}
            </p>
        </div>
        <Show when=move || refused() && fields.stream.get()>
            <p class="hint wide" data-testid="stream-refused">
                {t(form::STREAM_REFUSED)}
                " "
                <button type="button" class="link" data-testid="stream-test-again"
                    on:click=move |_| settings.record_streaming(&settings.book().active, StreamSupport::Untested)>
                    {t(form::STREAM_TEST_AGAIN)}
                </button>
            </p>
        </Show>
    }
}
