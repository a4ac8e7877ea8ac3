use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::references;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::app::references::MaskState;
use crate::app::state::use_app_state;
use crate::ui::references::reference_item::kb;
use crate::web::files::file_list;

/// The optional mask for image 1: a PNG with alpha, as large as image 1 (as displayed or as
/// prepared). It is turned and resized to image 1 as sent and goes as a PNG under 4 MB; its
/// status says what is sent, and a refusal is shown before sending.
#[component]
pub fn MaskField() -> impl IntoView {
    let state = use_app_state();
    let refs = state.references;
    let status = move || {
        match refs.mask.get() {
        MaskState::None => None,
        MaskState::Working { name } => Some(view! { <p class="meta" data-testid="mask-status">{studio_core::tr!(lang(), references::MASK_PREPARING, name = name)}</p> }.into_any()),
        MaskState::Ready { name, mask, mask_report, image, .. } => {
            let image1 = match &image {
                Some(png) => studio_core::tr!(
                    lang(),
                    references::IMAGE1_AS_PNG,
                    size = kb(png.upload.bytes.len() as u64)
                ),
                None => references::IMAGE1_AS_PREPARED.get(lang()).to_string(),
            };
            let note = mask_report.note.map(|n| format!("; {n}")).unwrap_or_default();
            Some(view! {
                <p class="meta" data-testid="mask-status" data-width=mask.width data-height=mask.height
                    data-bytes=mask.bytes.len() data-mime=mask.content_type.clone()>
                    {studio_core::tr!(
                        lang(),
                        references::MASK_SENT,
                        name = name,
                        w = mask.width,
                        h = mask.height,
                        size = kb(mask.bytes.len() as u64),
                        image1 = image1,
                        note = note
                    )}
                </p>
            }.into_any())
        }
        MaskState::Refused { name, message } => Some(view! {
            <p class="form-error" role="alert" data-testid="mask-error">{format!("{name}: {message}")}</p>
        }.into_any()),
    }
    };
    view! {
        <div class="field mask">
            <label for="mask-input">{t(references::MASK_LABEL)}</label>
            <input id="mask-input" type="file" accept="image/png" data-testid="mask-input"
                on:change=move |ev| {
                    let input: HtmlInputElement = ev.target().unwrap().unchecked_into();
                    refs.set_mask(file_list(input.files()).into_iter().next());
                    input.set_value("");
                }/>
            {status}
            <Show when=move || refs.mask.with(|m| *m != MaskState::None)>
                <button type="button" class="link" data-testid="mask-remove" on:click=move |_| { refs.set_mask(None); state.painter.reset(); }>
                    {t(references::REMOVE_MASK)}
                </button>
            </Show>
        </div>
    }
}
