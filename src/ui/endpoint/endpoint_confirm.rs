use leptos::prelude::*;

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
                        {format!("This link points to another endpoint: {base}. Your key for {current} is never sent there (it stays kept for {current}). Switch to it?")}
                    </p>
                    <button type="button" data-testid="link-endpoint-accept" on:click=move |_| {
                        settings.switch_to_endpoint(&target);
                        state.pending_endpoint.set(None);
                        state.notice.set(Some(format!("Switched to the profile for {target}. Enter a key for it if it needs one; your other key stays with its own profile.")));
                    }>"Switch (my key stays behind)"</button>
                    <button type="button" data-testid="link-endpoint-reject" on:click=move |_| state.pending_endpoint.set(None)>
                        {format!("Stay on {current}")}
                    </button>
                </div>
            }
        })
    }
}
