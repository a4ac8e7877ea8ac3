use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::{endpoint, gateways};

use crate::app::state::use_app_state;
use studio_core::gateway_presets::Gateway;

/// "New profile" with a gateway preset: its base URL, limits and quirks filled in (all
/// editable after), and what is known about it shown before it is chosen. With a stand-in
/// host, the base URL field is focused so that it gets replaced.
#[component]
pub fn ProfilePreset(
    /// Called once a profile was added.
    on_added: impl Fn() + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    let (chosen, set_chosen) = signal(Gateway::Custom);
    let add = move |_| {
        let gateway = chosen.get_untracked();
        settings.add_profile_from(gateway);
        on_added();
        if gateway.placeholder_host().is_some() {
            state.open_endpoint_settings("base-url");
        }
    };
    view! {
        <div class="field">
            <label for="profile-preset">{t(gateways::PRESET)}</label>
            <select id="profile-preset" data-testid="profile-preset" aria-describedby="profile-preset-note"
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    set_chosen.set(Gateway::from_key(&key).unwrap_or(Gateway::Custom));
                }>
                {Gateway::ALL.into_iter().map(|g| view! {
                    <option value=g.key() prop:selected=move || chosen.get() == g>{move || g.label(lang())}</option>
                }).collect_view()}
            </select>
            <p id="profile-preset-note" class="hint" data-testid="profile-preset-note">
                {move || chosen.get().note(lang())}
            </p>
        </div>
        <button type="button" data-testid="profile-new" on:click=add>
            {t(endpoint::NEW_PROFILE)}
        </button>
    }
}
