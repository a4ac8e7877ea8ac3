use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::references;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::web::files::file_list;

use crate::app::references::{AsSent, MaskState, RefState};
use crate::app::state::use_app_state;
use crate::ui::references::keep_outside_field::KeepOutsideField;
use crate::ui::references::mask_field::MaskField;
use crate::ui::references::mask_painter::MaskPainter;
use crate::ui::references::page_drop::PageDrop;
use crate::ui::references::prep_settings::PrepSettingsFields;
use crate::ui::references::reference_item::ReferenceItem;
use studio_core::models::adapt::references_over;
use studio_core::prep::zip::write_stored_zip;
use studio_core::prep::{MAX_REFERENCES, WARN_REFERENCES};
use studio_core::prompt_checks::reference_hint;

/// Reference images: add by picker, drop or paste; reorder, remove, download; the mask; the
/// prep settings.
#[component]
pub fn ReferencePanel() -> impl IntoView {
    let state = use_app_state();
    let refs = state.references;
    // Paste anywhere on the page: only clipboard contents that are files are taken, so text
    // pastes into fields work as usual.
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        let files = file_list(ev.clipboard_data().and_then(|d| d.files()));
        if !files.is_empty() {
            ev.prevent_default();
            refs.add_files(files);
        }
    });
    on_cleanup(move || paste.remove());

    let count = Memo::new(move |_| refs.items.with(Vec::len));
    let hint = move || reference_hint(&state.form.prompt.get(), refs.count(), lang());
    let download_all = move |_| {
        let items = refs.items.get_untracked();
        // What each item goes as (image 1 may go as PNG for the mask).
        let entries: Vec<(String, std::sync::Arc<[u8]>)> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let upload = match (&item.state, untrack(|| refs.as_sent(item.key))) {
                    (RefState::Ready { .. }, AsSent::Png(png)) => png.upload,
                    (RefState::Ready { upload, .. }, _) => upload.clone(),
                    _ => return None,
                };
                Some((
                    crate::ui::references::reference_item::prepared_name(
                        i,
                        &item.name,
                        &upload.content_type,
                    ),
                    upload.bytes,
                ))
            })
            .collect();
        let borrowed: Vec<(String, &[u8])> =
            entries.iter().map(|(n, b)| (n.clone(), &b[..])).collect();
        let result = write_stored_zip(&borrowed, crate::web::local_secs(js_sys::Date::now()))
            .map_err(|e| e.message(lang()).to_string())
            .and_then(|zip| {
                crate::web::download::save_bytes(&zip, "application/zip", "references.zip", lang())
            });
        if let Err(e) = result {
            refs.notice.set(Some(studio_core::tr!(
                lang(),
                references::ZIP_FAILED,
                e = e
            )));
        }
    };
    view! {
        <PageDrop/>
        <fieldset class="references">
            <legend>{t(references::REFERENCE_IMAGES)}</legend>
            <div class="field">
                <label for="reference-input">{t(references::ADD_IMAGES)}</label>
                <input id="reference-input" type="file" multiple accept="image/*" data-testid="reference-input"
                    on:change=move |ev| {
                        let input: HtmlInputElement = ev.target().unwrap().unchecked_into();
                        refs.add_files(file_list(input.files()));
                        input.set_value("");
                    }/>
                <p class="hint">{move || studio_core::tr!(lang(), references::COUNT_HINT, n = count.get(), max = MAX_REFERENCES)}</p>
            </div>
            {move || (count.get() > WARN_REFERENCES).then(|| view! {
                <p class="warning" data-testid="reference-warning">
                    {studio_core::tr!(lang(), references::TOO_MANY, n = WARN_REFERENCES)}
                </p>
            })}
            {move || references_over(&state.models.info(), state.settings.current_options().max_references.unwrap_or(0), count.get(), lang())
                .map(|(_, text)| view! { <p class="warning" data-testid="reference-model-cap">{studio_core::tr!(lang(), studio_core::i18n::text::models::SENTENCE, text = text)}</p> })}
            {move || refs.notice.get().map(|n| view! { <p class="warning" data-testid="reference-notice">{n}</p> })}
            {move || hint().map(|h| view! { <p class="hint" data-testid="reference-hint">{h}</p> })}
            <ol class="reference-list">
                <For each=move || refs.items.get() key=|item| (item.key, item.render_key()) let:item>
                    <ReferenceItem item=item/>
                </For>
            </ol>
            <Show when=move || { count.get() > 0 }>
                <button type="button" data-testid="prep-download" on:click=download_all>
                    {t(references::DOWNLOAD_ZIP)}
                </button>
            </Show>
            // A mask applies to image 1: its controls come with the first reference (or stay
            // while a mask is held, so it can be removed).
            <Show when=move || { count.get() > 0 || refs.mask.with(|m| !matches!(m, MaskState::None)) }>
                <MaskField/>
                {Suspend::new(mask_painter_view())}
                <KeepOutsideField/>
            </Show>
            <PrepSettingsFields/>
        </fieldset>
    }
}

page_lazy! {
/// The painter's view code is loaded from its own wasm chunk, when a mask is first painted.
fn mask_painter_view() -> AnyView {
    view! { <MaskPainter/> }.into_any()
}
}
