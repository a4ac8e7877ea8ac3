use std::time::Duration;

use leptos::prelude::*;

use crate::apply_link::apply_link;
use crate::browser::ticker::use_now;
use crate::components::{
    code_export::CodeExport, endpoint_confirm::EndpointConfirm, history_panel::HistoryPanel,
    interrupted_list::InterruptedList, preset_library::PresetLibrary, request_form::RequestForm,
    run_list::RunList, settings_panel::SettingsPanel, share_link::ShareLink,
};
use crate::gallery::Gallery;
use crate::references::References;
use crate::state::{AppState, FormState, Runs, Settings};

/// The clock that elapsed-time displays read.
#[derive(Clone, Copy)]
pub struct Now(pub ReadSignal<f64>);

#[component]
pub fn App() -> impl IntoView {
    let references = References::new();
    let gallery = Gallery::new();
    // Journaled tasks are resumed, so their runs are not interrupted (issue 9): taken first.
    let resumable_tasks = crate::tasks::resume::take_resumable();
    let state = AppState {
        settings: Settings::from_storage(),
        form: FormState::new(),
        runs: Runs::new(),
        references,
        painter: crate::painter::Painter::new(references),
        composites: crate::composites::Composites::new(gallery),
        form_error: RwSignal::new(None),
        notice: RwSignal::new(None),
        pending_endpoint: RwSignal::new(None),
        gallery,
        interrupted: RwSignal::new(crate::generate::take_interrupted()),
    };
    state.gallery.load();
    warn_before_leaving(state);
    apply_link(&state);
    provide_context(state);
    provide_context(Now(use_now(Duration::from_millis(500))));
    provide_context(crate::tasks::fields::TaskFields::new());
    crate::tasks::resume::resume(state, resumable_tasks);

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
                <InterruptedList/>
                <RunList/>
                <HistoryPanel/>
            </section>
        </main>
    }
}

/// While a request is in flight, leaving the page asks first: the result would be paid for and
/// never shown (it would only show as interrupted).
fn warn_before_leaving(state: AppState) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        // Tasks being polled resume after a reload: leaving loses nothing then.
        if state.runs.pending_count() > 0 && !crate::tasks::follow::only_tasks_pending(&state.runs)
        {
            ev.prevent_default();
            ev.set_return_value("A request is still running; leaving loses its result.");
        }
    });
    // The app lives as long as the page; the listener must too.
    std::mem::forget(handle);
}
