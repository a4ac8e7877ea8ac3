use crate::app::lang::t;
use leptos::prelude::*;
use studio_core::i18n::text::history;

use crate::app::generate::{dismiss_interrupted, send};
use crate::app::state::use_app_state;
use studio_core::history::journal::describe;

/// Requests a reload or crash cut off. They may have been billed; their settings are kept so
/// they can be sent again.
#[component]
pub fn InterruptedList() -> impl IntoView {
    let state = use_app_state();
    move || {
        let entries = state.interrupted.get();
        (!entries.is_empty()).then(|| {
            let items = entries
                .into_iter()
                .map(|entry| {
                    let (retry_entry, dismiss_id, use_params) =
                        (entry.clone(), entry.id.clone(), entry.params.clone());
                    let edit = entry.references > 0;
                    view! {
                        <li data-testid="interrupted-item">
                            <p><strong>{t(history::INTERRUPTED)}</strong>{describe(&entry, crate::app::lang::lang())}</p>
                            <p class="run-prompt">{entry.params.prompt.clone()}</p>
                            {edit.then(|| view! { <p class="hint">{t(history::REFS_NOT_KEPT)}</p> })}
                            <div class="row">
                                <Show when=move || !edit>
                                    <button type="button" data-testid="interrupted-retry" on:click={
                                        let e = retry_entry.clone();
                                        move |_| {
                                            state.settings.switch_to_endpoint(&e.base_url);
                                            send(state, e.params.clone(), None);
                                            dismiss_interrupted(state, &e.id);
                                        }
                                    }>{t(history::SEND_AGAIN)}</button>
                                </Show>
                                <button type="button" data-testid="interrupted-use" on:click=move |_| {
                                    state.settings.model.set(use_params.model.clone());
                                    state.form.restore(&use_params);
                                }>{t(history::USE_SETTINGS)}</button>
                                <button type="button" data-testid="interrupted-dismiss" on:click={
                                    let id = dismiss_id.clone();
                                    move |_| dismiss_interrupted(state, &id)
                                }>{t(history::DISMISS)}</button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="interrupted" aria-label=t(history::INTERRUPTED_REQUESTS)>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
