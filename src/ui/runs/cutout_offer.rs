use crate::app::lang::t;
use leptos::prelude::*;
use studio_core::i18n::text::references;

use crate::app::generate::retry;
use crate::app::runs::Run;
use crate::app::state::use_app_state;
use studio_core::api::request::{Background, ImageParams};
use studio_core::api::upload::EditUploads;

/// Under a request the endpoint refused for its transparent background: one click sends it
/// again as a cut-out made in the browser (never by itself: every request is paid for).
#[component]
pub fn CutoutOffer(run: Run, params: ImageParams, uploads: Option<EditUploads>) -> impl IntoView {
    let state = use_app_state();
    let send = move |_| {
        let params = ImageParams {
            background: Background::TransparentLocal,
            ..params.clone()
        };
        // What the next Generate sends too.
        state.form.background.set(Background::TransparentLocal);
        retry(state, &run, params, uploads.clone());
    };
    view! {
        <p class="hint">
            {t(references::CUTOUT_OFFER_HINT)}
        </p>
        <button type="button" data-testid="cutout-offer" on:click=send>
            {t(references::CUTOUT_SEND_AGAIN)}
        </button>
    }
}
