use crate::app::lang::lang;
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::{use_app_state, ENDPOINT_SETTINGS_ID};
use studio_core::profiles::default_name;

/// In the header: the profile in use, its host and how it answered last (a dot and a line).
/// Before any endpoint has answered on this device it offers to set one up. A click leads to
/// the endpoint settings (profiles, key, limits), unfolds them and puts the focus there.
#[component]
pub fn EndpointChip() -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    let health = state.health;
    let status = move || {
        let base = settings.base_url.get();
        match health.last_for(&base) {
            Some(h) if h.ok => (
                "ok",
                studio_core::tr!(lang(), endpoint::LAST_REQUEST, note = h.note),
            ),
            Some(h) => (
                "bad",
                studio_core::tr!(lang(), endpoint::LAST_REQUEST_FAILED, note = h.note),
            ),
            None if health.has_answered(&base) => {
                ("idle", endpoint::ANSWERED_BEFORE.get(lang()).to_string())
            }
            None => ("idle", endpoint::NOTHING_SENT.get(lang()).to_string()),
        }
    };
    let label = move || {
        let base = settings.base_url.get();
        let name = settings.active().name;
        let host = default_name(&base);
        if !health.has_answered(&base) && health.last_for(&base).is_none() {
            studio_core::tr!(lang(), endpoint::SET_UP, host = host)
        } else if name == host {
            host
        } else {
            format!("{name} · {host}")
        }
    };
    let open = move |_| state.open_endpoint_settings("base-url");

    view! {
        <button type="button" class="endpoint-chip" data-testid="endpoint-chip"
            aria-controls=ENDPOINT_SETTINGS_ID aria-expanded=move || state.endpoint_open.get().to_string()
            title=move || status().1 data-status=move || status().0 on:click=open>
            <span class=move || format!("dot {}", status().0) aria-hidden="true"></span>
            <span class="chip-label">{label}</span>
            <span class="visually-hidden">{move || studio_core::tr!(lang(), endpoint::STATUS_SR, status = status().1)}</span>
        </button>
    }
}
