use leptos::prelude::*;

use crate::app::lang::lang;
use crate::app::state::use_app_state;
use crate::ui::form::choice_select::{verbatim, ChoiceSelect};
use studio_core::api::request::{Background, OutputFormat};
use studio_core::cutout::{pick_key, KeyChoice};
use studio_core::i18n::text::form;

/// `background`: native `transparent` where the model makes it, `transparent-local` (a
/// cut-out made in the browser) where it does not, neither with JPEG; the reason is shown
/// where a choice is missing, and the key colour where a cut-out is made.
#[component]
pub fn BackgroundField() -> impl IntoView {
    let state = use_app_state();
    let fields = state.form;
    // Some(true/false) for a model of the registry, None for a name it does not know.
    let native = move || state.models.info().native_transparency();
    let alpha_format = move || fields.output_format.get() != OutputFormat::Jpeg;
    let offers = move |b: Background| match b {
        Background::Transparent => alpha_format() && native() != Some(false),
        Background::TransparentLocal => alpha_format() && native() != Some(true),
        Background::Auto | Background::Opaque => true,
    };
    // A choice that is no longer offered falls back to auto rather than failing at send.
    Effect::new(move || {
        let chosen = fields.background.get();
        // Auto is always offered, so this settles after one write.
        if !offers(chosen) {
            fields.background.set(Background::Auto);
        }
    });
    let note = move || {
        // The model the controls follow (settled), not a name half typed.
        let model = state.models.info().name().to_string();
        match (fields.background.get(), native()) {
            _ if !alpha_format() => {
                studio_core::tr!(lang(), form::TRANSPARENT_NEEDS_ALPHA).to_string()
            }
            (Background::TransparentLocal, _) => {
                let key = pick_key(&fields.prompt.get(), fields.backdrop.get());
                studio_core::tr!(
                    lang(),
                    form::CUTOUT_NOTE,
                    key = key.label(lang()),
                    hex = key.hex()
                )
            }
            (_, Some(false)) => {
                studio_core::tr!(lang(), form::NO_NATIVE_TRANSPARENCY, model = model)
            }
            (_, None) => studio_core::tr!(lang(), form::UNKNOWN_TRANSPARENCY, model = model),
            (_, Some(true)) => studio_core::tr!(lang(), form::NATIVE_TRANSPARENCY).to_string(),
        }
    };
    view! {
        {move || {
            let choices = [
                (Background::Auto, verbatim("auto")),
                (Background::Opaque, verbatim("opaque")),
                (Background::Transparent, verbatim("transparent")),
                (Background::TransparentLocal, form::BACKGROUND_TRANSPARENT_LOCAL),
            ]
            .into_iter()
            .filter(|(b, _)| offers(*b))
            .collect();
            view! { <ChoiceSelect label=form::BACKGROUND id="background" value=fields.background choices/> }
        }}
        <p class="hint" data-testid="background-note">{note}</p>
        <Show when=move || fields.background.get() == Background::TransparentLocal>
            <ChoiceSelect label=form::KEY_COLOUR id="backdrop" value=fields.backdrop choices=vec![
                (KeyChoice::Auto, form::KEY_AUTO),
                (KeyChoice::Green, form::KEY_GREEN), (KeyChoice::Magenta, form::KEY_MAGENTA)]/>
        </Show>
    }
}
