use leptos::prelude::*;

use crate::app::generate::generate_from_form;
use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use studio_core::i18n::text::form;

/// Shown when Generate was pressed with a retired model: nothing was sent. The user sends
/// anyway (a gateway may still map the name), switches to the replacement, or leaves it.
#[component]
pub fn RetiredConfirm() -> impl IntoView {
    let state = use_app_state();
    let models = state.models;
    move || {
        models.retired_pending.get().map(|notice| {
            let model = state.settings.model.get_untracked();
            let replacement = notice.replacement;
            view! {
                <div class="warning confirm" role="alertdialog" aria-labelledby="retired-text" data-testid="retired-warning">
                    <p id="retired-text">{move || studio_core::tr!(lang(), form::NOTHING_SENT, notice = notice.text(lang()))}</p>
                    <button type="button" class="primary" data-testid="retired-send"
                        on:click=move |_| {
                            models.confirm(&model);
                            generate_from_form(state);
                        }>{t(form::SEND_ANYWAY)}</button>
                    <button type="button" data-testid="retired-switch"
                        on:click=move |_| {
                            state.settings.model.set(replacement.to_string());
                            models.settle();
                        }>{move || studio_core::tr!(lang(), form::USE_MODEL, model = replacement)}</button>
                    <button type="button" class="link" on:click=move |_| models.retired_pending.set(None)>{t(form::CANCEL)}</button>
                </div>
            }
        })
    }
}
