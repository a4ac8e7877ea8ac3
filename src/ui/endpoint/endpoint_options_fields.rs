use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::use_app_state;
use crate::ui::endpoint::quirk_options::QuirkOptionsFields;
use studio_core::api::request::MAX_N;
use studio_core::api::retry::MAX_SERVER_RETRIES;
use studio_core::endpoint_options::{
    parse_setting, MAX_PARALLEL, MAX_TIMEOUT_SECS, MIN_TIMEOUT_SECS,
};
use studio_core::prep::mask::{IMAGE_LIMIT_BYTES, MASK_LIMIT_BYTES};
use studio_core::prep::megabytes;

/// Per-endpoint limits: images per request (n above it is split), parallel requests, the
/// timeout (empty = from quality and size), retries of 5xx answers, and whether image 1 goes
/// as PNG beside a mask.
#[component]
pub fn EndpointOptionsFields() -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    let (problem, set_problem) = signal(None::<String>);
    let number = move |text: String, what: &str, min: u64, max: u64| match parse_setting(
        &text,
        what,
        min,
        max,
        lang(),
    ) {
        Ok(v) => {
            set_problem.set(None);
            Some(v)
        }
        Err(why) => {
            set_problem.set(Some(why));
            None
        }
    };
    view! {
        <details class="endpoint-options">
            <summary>{t(endpoint::LIMITS)}</summary>
            <div class="field">
                <label for="max-per-request">{t(endpoint::MAX_PER_REQUEST)}</label>
                <input id="max-per-request" data-testid="max-per-request" type="number" min="1" max=MAX_N.to_string()
                    prop:value=move || settings.current_options().max_per_request.to_string()
                    on:change=move |ev| if let Some(v) = number(event_target_value(&ev), endpoint::MAX_PER_REQUEST.get(lang()), 1, u64::from(MAX_N)) {
                        settings.update_options(|o| o.max_per_request = v as u8);
                    }/>
            </div>
            <div class="field">
                <label for="parallel-requests">{t(endpoint::PARALLEL)}</label>
                <input id="parallel-requests" data-testid="parallel-requests" type="number" min="1" max=MAX_PARALLEL.to_string()
                    prop:value=move || settings.current_options().parallel.to_string()
                    on:change=move |ev| if let Some(v) = number(event_target_value(&ev), endpoint::PARALLEL.get(lang()), 1, u64::from(MAX_PARALLEL)) {
                        settings.update_options(|o| o.parallel = v as u8);
                    }/>
            </div>
            <div class="field">
                <label for="timeout">{t(endpoint::TIMEOUT)}</label>
                <input id="timeout" data-testid="timeout" type="number" min=MIN_TIMEOUT_SECS.to_string() max=MAX_TIMEOUT_SECS.to_string()
                    placeholder=t(endpoint::TIMEOUT_PLACEHOLDER)
                    prop:value=move || settings.current_options().timeout_secs.map(|t| t.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        if text.trim().is_empty() {
                            set_problem.set(None);
                            settings.update_options(|o| o.timeout_secs = None);
                        } else if let Some(v) = number(text, endpoint::THE_TIMEOUT.get(lang()), MIN_TIMEOUT_SECS, MAX_TIMEOUT_SECS) {
                            settings.update_options(|o| o.timeout_secs = Some(v));
                        }
                    }/>
            </div>
            <div class="field">
                <label for="server-retries">{t(endpoint::SERVER_RETRIES)}</label>
                <input id="server-retries" data-testid="server-retries" type="number" min="0" max=MAX_SERVER_RETRIES.to_string()
                    prop:value=move || settings.current_options().server_retries.to_string()
                    on:change=move |ev| if let Some(v) = number(event_target_value(&ev), endpoint::SERVER_RETRIES.get(lang()), 0, u64::from(MAX_SERVER_RETRIES)) {
                        settings.update_options(|o| o.server_retries = v as u8);
                    }/>
            </div>
            <div class="field check">
                <input id="mask-png" data-testid="mask-png-option" type="checkbox"
                    aria-describedby="mask-png-hint"
                    prop:checked=move || settings.current_options().image_png_with_mask
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        settings.update_options(|o| o.image_png_with_mask = checked);
                    }/>
                <label for="mask-png">{t(endpoint::MASK_PNG)}</label>
            </div>
            <p id="mask-png-hint" class="hint">
                {move || studio_core::tr!(
                    lang(),
                    endpoint::MASK_PNG_HINT,
                    image = megabytes(IMAGE_LIMIT_BYTES),
                    mask = megabytes(MASK_LIMIT_BYTES)
                )}
            </p>
            <QuirkOptionsFields/>
            <p class="hint">{t(endpoint::LIMITS_HINT)}</p>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert" data-testid="options-error">{p}</p> })}
        </details>
    }
}
