use leptos::prelude::*;

use crate::app::lang::t;
use crate::app::state::use_app_state;
use crate::ui::form::background_field::BackgroundField;
use crate::ui::form::choice_select::{verbatim, ChoiceSelect};
use crate::ui::form::model_field::ModelField;
use crate::ui::form::more_params::MoreParams;
use crate::ui::form::number_text::number_in;
use crate::ui::form::size_field::SizeField;
use crate::ui::form::stream_fields::StreamFields;
use studio_core::api::request::{OutputFormat, Quality};
use studio_core::i18n::text::form;
use studio_core::i18n::Text;

fn quality_label(q: Quality) -> Text {
    match q {
        Quality::Auto => form::QUALITY_AUTO,
        Quality::Low => form::QUALITY_LOW,
        Quality::Medium => verbatim("medium"),
        Quality::High => form::QUALITY_HIGH,
        Quality::Xhigh => form::QUALITY_XHIGH,
        Quality::Max => form::QUALITY_MAX,
    }
}

/// Model, size, quality, format, background, n and streaming; the rarely changed ones under More.
#[component]
pub fn ParamFields() -> impl IntoView {
    let state = use_app_state();
    let fields = state.form;
    // The model's most images per request (the profile's limit splits requests instead).
    let max_n = move || state.models.info().max_n();
    view! {
        <ModelField/>
        <SizeField/>
        <fieldset class="params">
            <legend>{t(form::OUTPUT)}</legend>
            // Exactly the tiers the chosen model takes (every tier for an unknown model).
            {move || {
                let choices = state.models.info().qualities().iter().map(|q| (*q, quality_label(*q))).collect();
                view! { <ChoiceSelect label=form::QUALITY id="quality" value=fields.quality choices/> }
            }}
            <ChoiceSelect label=form::FORMAT id="output-format" value=fields.output_format
                disabled=Signal::derive(move || if fields.background.get().is_transparent() { vec![OutputFormat::Jpeg] } else { vec![] })
                choices=vec![(OutputFormat::Png, verbatim("PNG")), (OutputFormat::Jpeg, form::FORMAT_JPEG), (OutputFormat::Webp, verbatim("WebP"))]/>
            <Show when=move || fields.background.get().is_transparent()>
                <p class="hint" data-testid="format-note">{t(form::JPEG_OFF)}</p>
            </Show>
            <BackgroundField/>
            <div class="field">
                <label for="n">{t(form::IMAGES_N)}</label>
                <input id="n" data-testid="n" type="number" min="1" max=move || max_n().to_string() step="1"
                    aria-invalid=move || fields.n_error.get().is_some().then_some("true")
                    prop:value=move || fields.n.get().to_string()
                    on:input=move |ev| match number_in(&event_target_value(&ev), form::NUMBER_OF_IMAGES, 1..=max_n()) {
                        Ok(v) => { fields.n.set(v); fields.n_error.set(None); state.form_error.set(None); }
                        // Never the last valid value: nothing is sent, priced or shared with it.
                        Err(why) => fields.n_error.set(Some(why)),
                    }/>
                {move || fields.n_error.get().map(|why| view! { <p class="form-error" data-testid="n-error">{why}</p> })}
            </div>
            <StreamFields/>
            <MoreParams/>
        </fieldset>
    }
}
