use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::gateways;

use crate::app::state::use_app_state;
use studio_core::endpoint_options::{parse_setting, EditImageField, MAX_REFERENCES_CAP};

/// A gateway's quirks as profile options: the field name of edit images, and its own cap on
/// references (empty = the model's).
#[component]
pub fn QuirkOptionsFields() -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    let (problem, set_problem) = signal(None::<String>);
    let field = move || settings.current_options().edit_image_field;
    let set_field = move |ev| {
        let chosen = match event_target_value(&ev).as_str() {
            "image" => EditImageField::Plain,
            _ => EditImageField::Brackets,
        };
        settings.update_options(|o| o.edit_image_field = chosen);
    };
    let set_cap = move |ev| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            set_problem.set(None);
            settings.update_options(|o| o.max_references = None);
            return;
        }
        let what = gateways::MAX_REFERENCES.get(lang());
        match parse_setting(&text, what, 1, u64::from(MAX_REFERENCES_CAP), lang()) {
            Ok(v) => {
                set_problem.set(None);
                settings.update_options(|o| o.max_references = Some(v as u8));
            }
            Err(why) => set_problem.set(Some(why)),
        }
    };
    let model_cap = move || state.models.info().max_references();
    view! {
        <div class="field">
            <label for="edit-image-field">{t(gateways::EDIT_FIELD)}</label>
            <select id="edit-image-field" data-testid="edit-image-field"
                aria-describedby="edit-image-field-hint" on:change=set_field>
                {[EditImageField::Brackets, EditImageField::Plain].into_iter().map(|f| view! {
                    <option value=f.name() prop:selected=move || field() == f>{f.name()}</option>
                }).collect_view()}
            </select>
            <p id="edit-image-field-hint" class="hint">{t(gateways::EDIT_FIELD_HINT)}</p>
        </div>
        <div class="field">
            <label for="max-references">{t(gateways::MAX_REFERENCES)}</label>
            <input id="max-references" data-testid="max-references" type="number" min="1"
                max=MAX_REFERENCES_CAP.to_string() aria-describedby="max-references-hint"
                placeholder=move || studio_core::tr!(lang(), gateways::MAX_REFERENCES_PLACEHOLDER, max = model_cap())
                prop:value=move || settings.current_options().max_references.map(|m| m.to_string()).unwrap_or_default()
                on:change=set_cap/>
            <p id="max-references-hint" class="hint">{t(gateways::MAX_REFERENCES_HINT)}</p>
        </div>
        {move || problem.get().map(|p| view! { <p class="form-error" role="alert" data-testid="quirk-error">{p}</p> })}
    }
}
