use leptos::prelude::*;

use crate::app::state::use_app_state;
use studio_core::api::request::generation_body;
use studio_core::code_export::{snippet, Language};

/// The exact request the form would send, as curl, Python or JavaScript; the key appears only
/// as `$OPENAI_API_KEY`.
#[component]
pub fn CodeExport() -> impl IntoView {
    let state = use_app_state();
    let (language, set_language) = signal(Language::Curl);
    let code = Memo::new(move |_| {
        state.form.track();
        let params = state.form.params(state.settings.model.get());
        match generation_body(&params) {
            Ok(body) => snippet(language.get(), &state.settings.base_url.get(), &body),
            Err(why) => format!("# The form cannot be sent yet: {why}"),
        }
    });
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&code.get_untracked());
        }
    };
    view! {
        <details class="code-export">
            <summary>"Copy as code"</summary>
            <div class="actions">
                <label for="code-language">"Language"</label>
                <select id="code-language" data-testid="code-language" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(l) = Language::ALL.into_iter().find(|l| l.label() == v) { set_language.set(l) }
                }>
                    {Language::ALL.map(|l| view! { <option value=l.label()>{l.label()}</option> }).into_iter().collect_view()}
                </select>
                <button type="button" data-testid="copy-code" on:click=copy>"Copy"</button>
            </div>
            <pre data-testid="code-snippet" tabindex="0"><code>{move || code.get()}</code></pre>
        </details>
    }
}
