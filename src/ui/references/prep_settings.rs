use leptos::prelude::*;

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
                format!("Prep: long edge ≤ {} px, ≤ {:.2} MB per file{}", s.max_edge, s.budget_bytes as f64 / 1e6,
                    if s.text_mode { ", text/graphics" } else { "" })
            }}</summary>
            <div class="params">
                <div class="field">
                    <label for="prep-max-edge">"Long edge (px)"</label>
                    <input id="prep-max-edge" type="number" min="64" max="8192" step="16"
                        data-testid="prep-max-edge" bind:value=refs.max_edge/>
                </div>
                <div class="field">
                    <label for="prep-budget">"Byte budget (MB)"</label>
                    <input id="prep-budget" type="number" min="0.05" max="50" step="0.05"
                        data-testid="prep-budget" bind:value=refs.budget_mb/>
                </div>
                <div class="field">
                    <label for="prep-text">
                        <input id="prep-text" type="checkbox" data-testid="prep-text"
                            prop:checked=move || !refs.text_mode.get().is_empty()
                            on:change=move |ev| refs.text_mode.set(if event_target_checked(&ev) { "1".into() } else { String::new() })/>
                        " Text / graphics (sharper: q92-95 or PNG)"
                    </label>
                </div>
            </div>
            <p class="hint">"Use 1 MB for gateways behind a 1 MB proxy limit. Changing these prepares the files again."</p>
        </details>
    }
}
