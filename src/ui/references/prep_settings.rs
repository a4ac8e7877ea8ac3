use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::references;

use crate::app::state::use_app_state;

/// Long edge, byte budget and text mode for reference prep, remembered on this device.
#[component]
pub fn PrepSettingsFields() -> impl IntoView {
    let refs = use_app_state().references;
    let settings = move || refs.settings();
    view! {
        <details class="prep-settings">
            <summary>{move || {
                let s = settings();
                studio_core::tr!(lang(), references::PREP_SUMMARY, edge = s.max_edge,
                    mb = format!("{:.2}", s.budget_bytes as f64 / 1e6),
                    text = if s.text_mode { references::PREP_TEXT_MODE.get(lang()) } else { "" })
            }}</summary>
            <div class="params">
                <div class="field">
                    <label for="prep-max-edge">{t(references::LONG_EDGE)}</label>
                    <input id="prep-max-edge" type="number" min="64" max="8192" step="16"
                        data-testid="prep-max-edge" bind:value=refs.max_edge/>
                </div>
                <div class="field">
                    <label for="prep-budget">{t(references::BYTE_BUDGET)}</label>
                    <input id="prep-budget" type="number" min="0.05" max="50" step="0.05"
                        data-testid="prep-budget" bind:value=refs.budget_mb/>
                </div>
                <div class="field">
                    <label for="prep-text">
                        <input id="prep-text" type="checkbox" data-testid="prep-text"
                            prop:checked=move || !refs.text_mode.get().is_empty()
                            on:change=move |ev| refs.text_mode.set(if event_target_checked(&ev) { "1".into() } else { String::new() })/>
                        {t(references::TEXT_GRAPHICS)}
                    </label>
                </div>
            </div>
            <p class="hint">{t(references::PREP_HINT)}</p>
        </details>
    }
}
