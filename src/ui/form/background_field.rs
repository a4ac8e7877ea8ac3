use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::form::choice_select::ChoiceSelect;
use studio_core::api::request::{Background, OutputFormat};
use studio_core::cutout::{pick_key, KeyChoice};

/// `background`: native `transparent` where the model makes it, `transparent-local` (a
/// cut-out made in the browser) where it does not, neither with JPEG; the reason is shown
/// where a choice is missing, and the key colour where a cut-out is made.
#[component]
pub fn BackgroundField() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    // Some(true/false) for a model of the registry, None for a name it does not know.
    let native = move || state.models.info().native_transparency();
    let alpha_format = move || form.output_format.get() != OutputFormat::Jpeg;
    let offers = move |b: Background| match b {
        Background::Transparent => alpha_format() && native() != Some(false),
        Background::TransparentLocal => alpha_format() && native() != Some(true),
        Background::Auto | Background::Opaque => true,
    };
    // A choice that is no longer offered falls back to auto rather than failing at send.
    Effect::new(move || {
        let chosen = form.background.get();
        // Auto is always offered, so this settles after one write.
        if !offers(chosen) {
            form.background.set(Background::Auto);
        }
    });
    let note = move || {
        // The model the controls follow (settled), not a name half typed.
        let model = state.models.info().name().to_string();
        match (form.background.get(), native()) {
            _ if !alpha_format() => "Transparent needs PNG or WebP output (JPEG has no alpha).".to_string(),
            (Background::TransparentLocal, _) => {
                let key = pick_key(&form.prompt.get(), form.backdrop.get());
                format!("The prompt gets one sentence asking for the subject alone on flat {} ({}); the result comes as PNG and is cut out here. The original is kept too.", key.name(), key.hex())
            }
            (_, Some(false)) => format!("{model} has no native transparent background: choose transparent-local to cut the subject out in the browser, or switch to gpt-image-2.5-flare."),
            (_, None) => format!("Nothing is known about {model}: transparent is offered, and the endpoint decides whether it takes it."),
            (_, Some(true)) => "Transparent is made by the model with this format.".to_string(),
        }
    };
    view! {
        {move || {
            let choices = [
                (Background::Auto, "auto"),
                (Background::Opaque, "opaque"),
                (Background::Transparent, "transparent"),
                (Background::TransparentLocal, "transparent-local (cut out in the browser)"),
            ]
            .into_iter()
            .filter(|(b, _)| offers(*b))
            .collect();
            view! { <ChoiceSelect label="Background" id="background" value=form.background choices/> }
        }}
        <p class="hint" data-testid="background-note">{note}</p>
        <Show when=move || form.background.get() == Background::TransparentLocal>
            <ChoiceSelect label="Key colour" id="backdrop" value=form.backdrop choices=vec![
                (KeyChoice::Auto, "auto (farther from the prompt's colours)"),
                (KeyChoice::Green, "green #00FF00"), (KeyChoice::Magenta, "magenta #FF00FF")]/>
        </Show>
    }
}
