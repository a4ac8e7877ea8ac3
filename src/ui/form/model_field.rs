use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::model_choice::MODEL_FIELD_ID;
use crate::app::state::use_app_state;
use studio_core::estimate::picker_hint_in;
use studio_core::i18n::text::form;
use studio_core::models::registry::{ModelInfo, MODELS};

/// The model picker: every known model by name with a one-line note (what it is, price and
/// wait of a medium square), free text still possible; what the chosen one can and cannot
/// do; and what switching changed in the form.
#[component]
pub fn ModelField() -> impl IntoView {
    let state = use_app_state();
    let (settings, models) = (state.settings, state.models);
    let options = move || {
        let lang = lang();
        MODELS
            .iter()
            .map(|m| {
                let label = format!("{} · {}", m.about(lang), picker_hint_in(m, lang));
                view! { <option value=m.id label=label></option> }
            })
            .collect_view()
    };
    let note = move || {
        let info = models.typed_info();
        let mut text = info.note(lang());
        if let Some(notice) = models.retirement() {
            text = studio_core::tr!(
                lang(),
                studio_core::i18n::text::models::NOTE_AND_NOTICE,
                note = text,
                notice = notice.text(lang())
            );
        }
        (
            text,
            matches!(info, ModelInfo::Unknown(_)) || models.retirement().is_some(),
        )
    };
    view! {
        <div class="field">
            <label for=MODEL_FIELD_ID>{t(form::MODEL)}</label>
            <input id=MODEL_FIELD_ID data-testid="model" list="model-options" spellcheck="false"
                autocomplete="off" aria-describedby="model-note" prop:value=move || settings.model.get()
                data-settled=move || models.info().name().to_string()
                on:input=move |ev| models.typed(event_target_value(&ev))
                on:change=move |_| models.settle_soon()/>
            <datalist id="model-options">
                {move || settings.current_aliases().into_iter().map(|a| {
                    let label = studio_core::tr!(lang(), form::GATEWAY_ALIAS, model = a.like);
                    view! { <option value=a.name label=label></option> }
                }).collect_view()}
                {options}
            </datalist>
            {move || {
                let (text, warn) = note();
                view! { <p id="model-note" class=if warn { "warning" } else { "hint" } data-testid="model-note">{text}</p> }
            }}
            {move || {
                let changes = models.changes.get();
                (!changes.is_empty()).then(|| view! {
                    <ul class="hint changes" role="status" data-testid="model-changes">
                        {changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
