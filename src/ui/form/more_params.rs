use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use crate::ui::form::choice_select::{verbatim, ChoiceSelect};
use crate::ui::form::number_text::number_in;
use studio_core::api::request::{Moderation, WireValue};
use studio_core::i18n::text::form;

/// The parameters rarely changed (output compression, moderation), folded under "More"; the
/// summary names any that is not at its default, so nothing set stays out of sight.
#[component]
pub fn MoreParams() -> impl IntoView {
    let state = use_app_state();
    let fields = state.form;
    let takes_compression = move || fields.output_format.get().takes_compression();
    let summary = move || {
        let mut set = Vec::new();
        if takes_compression() && fields.output_compression.get() != 100 {
            set.push(studio_core::tr!(
                lang(),
                form::SUMMARY_COMPRESSION,
                value = fields.output_compression.get()
            ));
        }
        if fields.moderation.get() != Moderation::Auto {
            set.push(studio_core::tr!(
                lang(),
                form::SUMMARY_MODERATION,
                value = fields.moderation.get().as_str()
            ));
        }
        if set.is_empty() {
            studio_core::tr!(lang(), form::MORE_DEFAULT).to_string()
        } else {
            studio_core::tr!(lang(), form::MORE_SET, set = set.join(", "))
        }
    };
    view! {
        <details class="more" data-testid="more-params">
            <summary>{summary}</summary>
            <Show when=takes_compression fallback=|| view! {
                <p class="hint">{t(form::COMPRESSION_JPEG_WEBP_ONLY)}</p>
            }>
                <div class="field">
                    <label for="output-compression">{t(form::COMPRESSION_RANGE)}</label>
                    <input id="output-compression" data-testid="output-compression" type="number"
                        min="0" max="100" step="1"
                        prop:value=move || fields.output_compression.get().to_string()
                        on:input=move |ev| match number_in(&event_target_value(&ev), form::COMPRESSION, 0..=100) {
                            Ok(v) => { fields.output_compression.set(v); state.form_error.set(None); }
                            Err(why) => state.form_error.set(Some(why)),
                        }/>
                </div>
            </Show>
            <ChoiceSelect label=form::MODERATION id="moderation" value=fields.moderation choices=vec![
                (Moderation::Auto, verbatim("auto")), (Moderation::Low, form::MODERATION_LOW)]/>
            <Show when=move || { state.references.count() > 0 }>
                <p class="hint" data-testid="moderation-note">{t(form::MODERATION_EDITS)}</p>
            </Show>
        </details>
    }
}
