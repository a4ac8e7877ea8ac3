use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use crate::ui::form::prompt_checks::PromptChecks;
use studio_core::api::request::MAX_PROMPT_CHARS;
use studio_core::i18n::text::form;
use studio_core::sizes::thousands;

/// The prompt with a live count against the 32,000 code-point limit.
#[component]
pub fn PromptField() -> impl IntoView {
    let prompt = use_app_state().form.prompt;
    let count = Memo::new(move |_| prompt.with(|p| p.chars().count()));
    let hint_class = move || {
        if count.get() > MAX_PROMPT_CHARS {
            "hint over" // i18n: not shown (classes)
        } else {
            "hint"
        }
    };
    view! {
        <div class="field prompt">
            <label for="prompt">{t(form::PROMPT)}</label>
            <textarea id="prompt" data-testid="prompt" rows="5" spellcheck="true"
                aria-describedby="prompt-hint"
                placeholder=t(form::PROMPT_PLACEHOLDER)
                bind:value=prompt></textarea>
            <p id="prompt-hint" class=hint_class>
                {move || studio_core::tr!(lang(), form::PROMPT_COUNT, count = count.get(), max = thousands(MAX_PROMPT_CHARS as u64))}
                {t(form::PROMPT_SEND_HINT)}
            </p>
            <PromptChecks/>
        </div>
    }
}
