use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::app::references::MaskState;
use crate::app::state::use_app_state;
use crate::web::files::file_list;

/// The optional mask for image 1: a PNG with alpha, as large as image 1 (as displayed or as
/// prepared). It is transformed exactly like image 1; a refusal is shown before sending.
#[component]
pub fn MaskField() -> impl IntoView {
    let state = use_app_state();
    let refs = state.references;
    let status = move || {
        match refs.mask.get() {
        MaskState::None => None,
        MaskState::Working { name } => Some(view! { <p class="meta" data-testid="mask-status">{format!("{name}: preparing with image 1…")}</p> }.into_any()),
        MaskState::Ready { name, mask, .. } => Some(view! {
            <p class="meta" data-testid="mask-status" data-width=mask.width data-height=mask.height>
                {format!("{name}: {}x{} PNG, image 1 goes as PNG at the same size.", mask.width, mask.height)}
            </p>
        }.into_any()),
        MaskState::Refused { name, message } => Some(view! {
            <p class="form-error" role="alert" data-testid="mask-error">{format!("{name}: {message}")}</p>
        }.into_any()),
    }
    };
    view! {
        <div class="field mask">
            <label for="mask-input">"Mask for image 1 (PNG, transparent where it should change)"</label>
            <input id="mask-input" type="file" accept="image/png" data-testid="mask-input"
                on:change=move |ev| {
                    let input: HtmlInputElement = ev.target().unwrap().unchecked_into();
                    refs.set_mask(file_list(input.files()).into_iter().next());
                    input.set_value("");
                }/>
            {status}
            <Show when=move || refs.mask.with(|m| *m != MaskState::None)>
                <button type="button" class="link" data-testid="mask-remove" on:click=move |_| { refs.set_mask(None); state.painter.reset(); }>
                    "Remove the mask"
                </button>
            </Show>
        </div>
    }
}
