use leptos::prelude::*;

use crate::app::state::use_app_state;
use studio_core::prompt_checks::{
    long_for_high_quality, remove_resolution_words, resolution_words,
};

/// Flags resolution words (the size alone sets the resolution) with one-click removal, and
/// long prompts at high quality.
#[component]
pub fn PromptChecks() -> impl IntoView {
    let form = use_app_state().form;
    let flagged = Memo::new(move |_| {
        form.prompt.with(|p| {
            resolution_words(p)
                .into_iter()
                .map(|f| f.text)
                .collect::<Vec<_>>()
        })
    });
    let long = move || long_for_high_quality(&form.prompt.get(), form.quality.get());
    view! {
        <Show when=move || flagged.with(|f| !f.is_empty())>
            <p class="warning" data-testid="prompt-flag">
                {move || {
                    let words = flagged.get().iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ");
                    format!("{words} in the prompt change nothing: the output resolution is set by Size alone. ")
                }}
                <button type="button" class="link" data-testid="prompt-flag-remove"
                    on:click=move |_| form.prompt.update(|p| *p = remove_resolution_words(p))>
                    "Remove them"
                </button>
            </p>
        </Show>
        {move || long().map(|text| view! { <p class="warning" data-testid="prompt-long">{text}</p> })}
    }
}
