use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{location_hash, ticker::use_now};
use crate::components::{
    request_form::RequestForm, run_list::RunList, settings_panel::SettingsPanel,
};
use crate::link::base_url_from_fragment;
use crate::state::{AppState, FormState, Runs, Settings};

/// The clock that elapsed-time displays read.
#[derive(Clone, Copy)]
pub struct Now(pub ReadSignal<f64>);

/// A base URL from the link replaces the configured one; the key is dropped with it, because
/// keys belong to their endpoint and a link must never redirect someone's key elsewhere.
fn apply_link(state: &AppState) {
    let Some(base_url) = base_url_from_fragment(&location_hash()) else {
        return;
    };
    if base_url == state.settings.base_url.get_untracked() {
        return;
    }
    state.settings.base_url.set(base_url.clone());
    state.settings.api_key.set(String::new());
    state.notice.set(Some(format!(
        "The link set the base URL to {base_url}. Enter a key for it if it needs one."
    )));
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState {
        settings: Settings::from_storage(),
        form: FormState::new(),
        runs: Runs::new(),
        form_error: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    apply_link(&state);
    provide_context(state);
    provide_context(Now(use_now(Duration::from_millis(500))));

    view! {
        <header class="top">
            <h1>"GPT Image Studio"</h1>
            <p class="tagline">"Generate images with your own key, against OpenAI or any compatible gateway."</p>
        </header>
        {move || state.notice.get().map(|text| view! { <p class="notice" role="status">{text}</p> })}
        <main class="layout">
            <section class="panel controls" aria-label="Request">
                <SettingsPanel/>
                <RequestForm/>
            </section>
            <section class="panel results" aria-label="Results">
                <RunList/>
            </section>
        </main>
    }
}
