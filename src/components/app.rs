use std::time::Duration;

use leptos::prelude::*;

use crate::apply_link::apply_link;
use crate::browser::ticker::use_now;
use crate::components::{
    code_export::CodeExport, endpoint_confirm::EndpointConfirm, preset_library::PresetLibrary,
    request_form::RequestForm, run_list::RunList, settings_panel::SettingsPanel,
    share_link::ShareLink,
};
use crate::references::References;
use crate::state::{AppState, FormState, Runs, Settings};

/// The clock that elapsed-time displays read.
#[derive(Clone, Copy)]
pub struct Now(pub ReadSignal<f64>);

#[component]
pub fn App() -> impl IntoView {
    let state = AppState {
        settings: Settings::from_storage(),
        form: FormState::new(),
        runs: Runs::new(),
        references: References::new(),
        form_error: RwSignal::new(None),
        notice: RwSignal::new(None),
        pending_endpoint: RwSignal::new(None),
    };
    apply_link(&state);
    provide_context(state);
    provide_context(Now(use_now(Duration::from_millis(500))));

    view! {
        <header class="top">
            <h1>"GPT Image Studio"</h1>
            <p class="tagline">"Generate images with your own key, against OpenAI or any compatible gateway."</p>
        </header>
        {move || state.notice.get().map(|text| view! { <p class="notice" role="status" data-testid="notice">{text}</p> })}
        <EndpointConfirm/>
        <main class="layout">
            <section class="panel controls" aria-label="Request">
                <SettingsPanel/>
                <RequestForm/>
                <ShareLink/>
                <CodeExport/>
                <PresetLibrary/>
            </section>
            <section class="panel results" aria-label="Results">
                <RunList/>
            </section>
        </main>
    }
}
