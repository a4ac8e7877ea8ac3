//! The language menu in the header; each language is named in itself.

use leptos::prelude::*;
use studio_core::i18n::{text::common, Lang};

use crate::app::lang::{lang, set_lang, t};

#[component]
pub fn LanguageSelect() -> impl IntoView {
    view! {
        <label class="language">
            <span class="visually-hidden">{t(common::LANGUAGE)}</span>
            <select data-testid="language" title=t(common::LANGUAGE)
                prop:value=move || lang().tag()
                on:change=move |ev| {
                    if let Some(chosen) = Lang::from_tag(&event_target_value(&ev)) {
                        set_lang(chosen);
                    }
                }>
                {Lang::ALL.into_iter().map(|option| view! {
                    <option value=option.tag() lang=option.tag() selected=move || lang() == option>
                        {option.own_name()}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
