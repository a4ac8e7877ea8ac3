use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::share;

use crate::app::state::use_app_state;
use crate::web::download::save_bytes;
use studio_core::api::request::generation_body;
use studio_core::api::upload::Upload;
use studio_core::code_export::{edit_snippet, snippet, Language};

/// The exact request the form would send, as curl, Python or JavaScript; the key appears only
/// as `$OPENAI_API_KEY`. With reference images it is the multipart edit, and the prepared
/// files it reads are offered for download under the names the snippet uses.
#[component]
pub fn CodeExport() -> impl IntoView {
    let state = use_app_state();
    let (language, set_language) = signal(Language::Curl);
    let uploads = Memo::new(move |_| state.references.code_uploads());
    let code = Memo::new(move |_| {
        state.form.track();
        let params = state.form.params(state.settings.model.get());
        let base_url = state.settings.base_url.get();
        let cannot = |why: &dyn std::fmt::Display| {
            studio_core::tr!(lang(), share::CANNOT_SEND_YET, why = why)
        };
        uploads.with(|uploads| match uploads {
            Err(why) => cannot(why),
            Ok(None) => match generation_body(&params) {
                Ok(body) => snippet(language.get(), &base_url, &body),
                Err(why) => cannot(&why.message(lang())),
            },
            Ok(Some(uploads)) => edit_snippet(
                language.get(),
                &base_url,
                &params,
                uploads,
                state.settings.current_options().edit_image_field.name(),
            )
            .unwrap_or_else(|why| cannot(&why.message(lang()))),
        })
    });
    // The files the snippet reads: each reference in upload order, then the mask.
    let files = move || -> Vec<Upload> {
        uploads.with(|u| match u {
            Ok(Some(u)) => u.images.iter().chain(&u.mask).cloned().collect(),
            _ => Vec::new(),
        })
    };
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&code.get_untracked());
        }
    };
    let (save_error, set_save_error) = signal(None::<String>);
    view! {
        <details class="code-export" data-testid="code-export">
            <summary>{t(share::COPY_AS_CODE)}</summary>
            <div class="actions">
                <label for="code-language">{t(share::LANGUAGE)}</label>
                <select id="code-language" data-testid="code-language" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(l) = Language::ALL.into_iter().find(|l| l.label() == v) { set_language.set(l) }
                }>
                    {Language::ALL.map(|l| view! { <option value=l.label()>{l.label()}</option> }).into_iter().collect_view()}
                </select>
                <button type="button" data-testid="copy-code" on:click=copy>{t(share::COPY)}</button>
            </div>
            <pre data-testid="code-snippet" tabindex="0"><code>{move || code.get()}</code></pre>
            {move || {
                let files = files();
                (!files.is_empty()).then(|| view! {
                    <div class="code-files">
                        <p class="hint">{t(share::SNIPPET_FILES)}</p>
                        <ul>
                            {files.into_iter().map(|file| {
                                let name = file.file_name.clone();
                                let label = name.clone();
                                let save = move |_| {
                                    set_save_error.set(
                                        save_bytes(&file.bytes, &file.content_type, &file.file_name, lang()).err(),
                                    );
                                };
                                view! {
                                    <li>
                                        <button type="button" class="link" data-testid="code-file"
                                            data-name=name on:click=save>{label}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || save_error.get().map(|e| view! { <p class="warning">{e}</p> })}
        </details>
    }
}
