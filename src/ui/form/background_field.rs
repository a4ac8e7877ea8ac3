use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::form::choice_select::ChoiceSelect;
use studio_core::api::request::Background;
use studio_core::models::registry;

/// `background`: `transparent` is offered only where the model and format can give it, and
/// the reason is shown where they cannot.
#[component]
pub fn BackgroundField() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    // Some(true/false) for a model of the registry, None for a name it does not know.
    let caps = move || registry::resolve(&state.settings.model.get(), &[]).native_transparency();
    let model_takes_it = move || caps() != Some(false);
    let offered = move || {
        model_takes_it()
            && form.output_format.get() != studio_core::api::request::OutputFormat::Jpeg
    };
    // A choice that is no longer offered falls back to auto rather than failing at send.
    Effect::new(move || {
        if !offered() && form.background.get_untracked() == Background::Transparent {
            form.background.set(Background::Auto);
        }
    });
    let note = move || {
        if !model_takes_it() {
            format!(
                "No transparent background: {} refuses it (400). gpt-image-2.5-flare and gpt-image-2.5-sunburst make it natively with PNG or WebP.",
                state.settings.model.get().trim()
            )
        } else if !offered() {
            "Transparent needs PNG or WebP output (JPEG has no alpha).".to_string()
        } else if caps().is_none() {
            format!(
                "Nothing is known about {}: transparent is offered, and the endpoint decides whether it takes it.",
                state.settings.model.get().trim()
            )
        } else {
            "Transparent is available with this model and format.".to_string()
        }
    };
    view! {
        {move || {
            let mut choices = vec![(Background::Auto, "auto"), (Background::Opaque, "opaque")];
            if offered() {
                choices.push((Background::Transparent, "transparent"));
            }
            view! { <ChoiceSelect label="Background" id="background" value=form.background choices/> }
        }}
        <p class="hint" data-testid="background-note">{note}</p>
    }
}
