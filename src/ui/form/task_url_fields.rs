use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use crate::app::tasks::fields::use_task_fields;
use studio_core::i18n::text::form;
use studio_core::tasks::request::{parse_image_urls, parse_mask_url, MAX_IMAGE_URLS};

/// For a task gateway profile: reference images and a mask as public links (the gateway
/// fetches them itself; files from this device cannot be sent that way).
#[component]
pub fn TaskUrlFields() -> impl IntoView {
    let state = use_app_state();
    let fields = use_task_fields();
    // Only dialects that take the gateway's own body take links; the others send files.
    let is_task_gateway = move || {
        let options = state.settings.current_options();
        options.task_gateway && options.task_dialect.takes_links()
    };
    let problem = move || {
        parse_image_urls(&fields.image_urls.get(), lang())
            .and_then(|_| parse_mask_url(&fields.mask_url.get(), lang()))
            .err()
    };
    let local_files = move || state.references.count() > 0;
    view! {
        <Show when=is_task_gateway>
            <fieldset class="task-urls">
                <legend>{t(form::TASK_REFERENCES)}</legend>
                <div class="field">
                    <label for="image-urls">{move || studio_core::tr!(lang(), form::IMAGE_URLS, max = MAX_IMAGE_URLS)}</label>
                    <textarea id="image-urls" data-testid="image-urls" rows="3" spellcheck="false"
                        placeholder="https://example.com/reference.png"
                        prop:value=move || fields.image_urls.get()
                        on:input=move |ev| fields.image_urls.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="mask-url">{t(form::MASK_URL)}</label>
                    <input id="mask-url" data-testid="mask-url" type="url" spellcheck="false"
                        prop:value=move || fields.mask_url.get()
                        on:input=move |ev| fields.mask_url.set(event_target_value(&ev))/>
                </div>
                <p class="hint">{t(form::TASK_LINKS_ONLY)}</p>
                <Show when=local_files>
                    <p class="warning" data-testid="task-local-references">
                        {t(form::TASK_LOCAL_REFERENCES)}
                    </p>
                </Show>
                {move || problem().map(|p| view! { <p class="form-error" role="alert" data-testid="task-urls-error">{p}</p> })}
            </fieldset>
        </Show>
    }
}
