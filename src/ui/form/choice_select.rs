use leptos::prelude::*;

use studio_core::api::request::WireValue;
use studio_core::i18n::Text;

use crate::app::lang::t;

/// A choice shown as its wire value in every language (`auto`, `PNG`).
pub const fn verbatim(value: &'static str) -> Text {
    Text {
        en: value,
        zh: value,
    }
}

/// A labelled `<select>` over a parameter's values; `id` doubles as its test hook.
#[component]
pub fn ChoiceSelect<T: WireValue>(
    label: Text,
    id: &'static str,
    choices: Vec<(T, Text)>,
    value: RwSignal<T>,
    /// Values shown but not choosable (the reason is said beside the field).
    #[prop(optional, into)]
    disabled: Option<Signal<Vec<T>>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <select id=id data-testid=id
                on:change=move |ev| {
                    if let Some(v) = T::parse(&event_target_value(&ev)) {
                        value.set(v);
                    }
                }>
                {choices
                    .into_iter()
                    .map(|(choice, text)| {
                        view! {
                            <option value=choice.as_str() prop:selected=move || value.get() == choice
                                prop:disabled=move || disabled.is_some_and(|d| d.get().contains(&choice))>
                                {t(text)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
