use crate::app::lang::t;
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::use_app_state;
use studio_core::models::aliases::{format_aliases, parse_aliases};

/// This gateway's own model names, mapped to the known models whose rules they follow, with
/// the flat price it bills per image where it does. Taken when every line can be read; the
/// text stays as typed otherwise, with each problem named.
#[component]
pub fn ModelAliasesField() -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    let text = RwSignal::new(untrack(|| format_aliases(&settings.current_aliases())));
    let problems = RwSignal::new(Vec::<String>::new());
    // Another profile chosen: its names.
    Effect::new(move |_| {
        let stored = format_aliases(&settings.current_aliases());
        if problems.get_untracked().is_empty() {
            text.set(stored);
        }
    });
    let take = move |_| match parse_aliases(&text.get_untracked(), crate::app::lang::lang()) {
        Ok(aliases) => {
            problems.set(Vec::new());
            settings.set_aliases(aliases);
            state.models.settle();
        }
        Err(why) => problems.set(why),
    };
    view! {
        <details class="field" prop:open=move || !text.get().trim().is_empty()>
            <summary>{t(endpoint::ALIASES)}</summary>
            <label for="model-aliases">{t(endpoint::ALIASES_LABEL)}</label>
            <textarea id="model-aliases" data-testid="model-aliases" rows="3" spellcheck="false"
                placeholder="gpt-image-2-all = gpt-image-2, $0.02"
                aria-invalid=move || (!problems.get().is_empty()).then_some("true")
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                on:change=take></textarea>
            {move || {
                let why = problems.get();
                (!why.is_empty()).then(|| view! {
                    <ul class="form-error" role="alert" data-testid="model-aliases-error">
                        {why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    </ul>
                })
            }}
        </details>
    }
}
