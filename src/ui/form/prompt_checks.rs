use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use studio_core::i18n::text::form;
use studio_core::prompt_checks::{
    long_for_high_quality, remove_resolution_words, resolution_words,
};

/// Flags resolution words (the size alone sets the resolution) with one-click removal, and
/// long prompts at high quality.
#[component]
pub fn PromptChecks() -> impl IntoView {
    let fields = use_app_state().form;
    let flagged = Memo::new(move |_| {
        fields.prompt.with(|p| {
            resolution_words(p)
                .into_iter()
                .map(|f| f.text)
                .collect::<Vec<_>>()
        })
    });
    let long = move || long_for_high_quality(&fields.prompt.get(), fields.quality.get(), lang());
    view! {
        <Show when=move || flagged.with(|f| !f.is_empty())>
            <p class="warning" data-testid="prompt-flag">
                {move || {
                    let words = flagged.get().iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ");
                    studio_core::tr!(lang(), form::RESOLUTION_WORDS, words = words)
                }}
                <button type="button" class="link" data-testid="prompt-flag-remove"
                    on:click=move |_| fields.prompt.update(|p| *p = remove_resolution_words(p))>
                    {t(form::REMOVE_THEM)}
                </button>
            </p>
        </Show>
        {move || long().map(|text| view! { <p class="warning" data-testid="prompt-long">{text}</p> })}
    }
}
