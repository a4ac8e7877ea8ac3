use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::form::background_field::BackgroundField;
use crate::ui::form::choice_select::ChoiceSelect;
use crate::ui::form::model_field::ModelField;
use crate::ui::form::more_params::MoreParams;
use crate::ui::form::number_text::number_in;
use crate::ui::form::size_field::SizeField;
use crate::ui::form::stream_fields::StreamFields;
use studio_core::api::request::{OutputFormat, Quality};

fn quality_label(q: Quality) -> &'static str {
    match q {
        Quality::Auto => "auto (model decides, often slow)",
        Quality::Low => "low (fast, cheap)",
        Quality::Medium => "medium",
        Quality::High => "high (minutes)",
        Quality::Xhigh => "xhigh (finer detail, slower)",
        Quality::Max => "max (slowest, most costly)",
    }
}

/// Model, size, quality, format, background, n and streaming; the rarely changed ones under More.
#[component]
pub fn ParamFields() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    // The model's most images per request (the profile's limit splits requests instead).
    let max_n = move || state.models.info().max_n();
    view! {
        <ModelField/>
        <SizeField/>
        <fieldset class="params">
            <legend>"Output"</legend>
            // Exactly the tiers the chosen model takes (every tier for an unknown model).
            {move || {
                let choices = state.models.info().qualities().iter().map(|q| (*q, quality_label(*q))).collect();
                view! { <ChoiceSelect label="Quality" id="quality" value=form.quality choices/> }
            }}
            <ChoiceSelect label="Format" id="output-format" value=form.output_format
                disabled=Signal::derive(move || if form.background.get().is_transparent() { vec![OutputFormat::Jpeg] } else { vec![] })
                choices=vec![(OutputFormat::Png, "PNG"), (OutputFormat::Jpeg, "JPEG (smaller, faster)"), (OutputFormat::Webp, "WebP")]/>
            <Show when=move || form.background.get().is_transparent()>
                <p class="hint" data-testid="format-note">"JPEG is off: a transparent background needs PNG or WebP (JPEG has no alpha)."</p>
            </Show>
            <BackgroundField/>
            <div class="field">
                <label for="n">"Images (n)"</label>
                <input id="n" data-testid="n" type="number" min="1" max=move || max_n().to_string() step="1"
                    aria-invalid=move || form.n_error.get().is_some().then_some("true")
                    prop:value=move || form.n.get().to_string()
                    on:input=move |ev| match number_in(&event_target_value(&ev), "The number of images", 1..=max_n()) {
                        Ok(v) => { form.n.set(v); form.n_error.set(None); state.form_error.set(None); }
                        // Never the last valid value: nothing is sent, priced or shared with it.
                        Err(why) => form.n_error.set(Some(why)),
                    }/>
                {move || form.n_error.get().map(|why| view! { <p class="form-error" data-testid="n-error">{why}</p> })}
            </div>
            <StreamFields/>
            <MoreParams/>
        </fieldset>
    }
}
