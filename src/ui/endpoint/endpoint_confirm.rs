use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::use_app_state;

/// A link brought another endpoint while a key is stored: ask before switching, and switch
/// without the key.
#[component]
pub fn EndpointConfirm() -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    move || {
        state.pending_endpoint.get().map(|base| {
            let current = settings.base_url.get_untracked();
            let target = base.clone();
            view! {
                <div class="notice confirm" role="alertdialog" aria-labelledby="endpoint-confirm-text" data-testid="link-endpoint-confirm">
                    <p id="endpoint-confirm-text">
                        {studio_core::tr!(lang(), endpoint::LINK_OTHER_ENDPOINT, base = base, current = current)}
                    </p>
                    <button type="button" data-testid="link-endpoint-accept" on:click=move |_| {
                        settings.switch_to_endpoint(&target);
                        state.pending_endpoint.set(None);
                        state.notice.set(Some(studio_core::tr!(lang(), endpoint::SWITCHED_TO, target = target)));
                    }>{t(endpoint::SWITCH_KEEP_KEY)}</button>
                    <button type="button" data-testid="link-endpoint-reject" on:click=move |_| state.pending_endpoint.set(None)>
                        {studio_core::tr!(lang(), endpoint::STAY_ON, current = current)}
                    </button>
                </div>
            }
        })
    }
}
