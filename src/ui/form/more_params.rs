use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::form::choice_select::ChoiceSelect;
use crate::ui::form::number_text::number_in;
use studio_core::api::request::{Moderation, WireValue};

/// The parameters rarely changed (output compression, moderation), folded under "More"; the
/// summary names any that is not at its default, so nothing set stays out of sight.
#[component]
pub fn MoreParams() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    let takes_compression = move || form.output_format.get().takes_compression();
    let summary = move || {
        let mut set = Vec::new();
        if takes_compression() && form.output_compression.get() != 100 {
            set.push(format!("compression {}", form.output_compression.get()));
        }
        if form.moderation.get() != Moderation::Auto {
            set.push(format!("moderation {}", form.moderation.get().as_str()));
        }
        if set.is_empty() {
            "More: compression, moderation".to_string()
        } else {
            format!("More: {}", set.join(", "))
        }
    };
    view! {
        <details class="more" data-testid="more-params">
            <summary>{summary}</summary>
            <Show when=takes_compression fallback=|| view! {
                <p class="hint">"Compression applies to JPEG and WebP output."</p>
            }>
                <div class="field">
                    <label for="output-compression">"Compression (0-100)"</label>
                    <input id="output-compression" data-testid="output-compression" type="number"
                        min="0" max="100" step="1"
                        prop:value=move || form.output_compression.get().to_string()
                        on:input=move |ev| match number_in(&event_target_value(&ev), "Compression", 0..=100) {
                            Ok(v) => { form.output_compression.set(v); state.form_error.set(None); }
                            Err(why) => state.form_error.set(Some(why)),
                        }/>
                </div>
            </Show>
            <ChoiceSelect label="Moderation" id="moderation" value=form.moderation choices=vec![
                (Moderation::Auto, "auto"), (Moderation::Low, "low (less restrictive)")]/>
            <Show when=move || { state.references.count() > 0 }>
                <p class="hint" data-testid="moderation-note">"Edits take no moderation setting; it applies to generations only."</p>
            </Show>
        </details>
    }
}
