use leptos::prelude::*;

use crate::app::apply_link::apply_link;
use crate::app::clock::Now;
use crate::app::form::FormState;
use crate::app::gallery::Gallery;
use crate::app::lang::t;
use crate::app::references::References;
use crate::app::runs::Runs;
use crate::app::settings::Settings;
use crate::app::state::AppState;
use crate::ui::endpoint::endpoint_chip::EndpointChip;
use crate::ui::endpoint::endpoint_confirm::EndpointConfirm;
use crate::ui::endpoint::settings_panel::SettingsPanel;
use crate::ui::form::param_sheet::ParamSheet;
use crate::ui::form::request_form::RequestForm;
use crate::ui::history::history_panel::HistoryPanel;
use crate::ui::history::interrupted_list::InterruptedList;
use crate::ui::language_select::LanguageSelect;
use crate::ui::runs::run_list::RunList;
use crate::ui::share::code_export::CodeExport;
use crate::ui::share::preset_library::PresetLibrary;
use crate::ui::share::share_link::ShareLink;
use studio_core::i18n::text::common;

#[component]
pub fn App() -> impl IntoView {
    crate::app::lang::start();
    // Typed or pressed in index.html's static shell before the wasm arrived.
    let shell = crate::web::shell::take_over();
    let settings = Settings::from_storage();
    let references = References::new(Signal::derive(move || {
        settings.current_options().image_png_with_mask
    }));
    let gallery = Gallery::new();
    let form = FormState::new();
    let state = AppState {
        settings,
        form,
        models: crate::app::model_choice::ModelChoice::new(settings, form),
        health: crate::app::endpoint_health::EndpointHealth::new(),
        endpoint_open: RwSignal::new(true),
        runs: Runs::new(),
        references,
        painter: crate::app::painter::Painter::new(references),
        composites: crate::app::composites::Composites::new(gallery),
        inspections: crate::app::inspections::Inspections::new(),
        fitter: crate::web::fit_image::use_image_fitter(),
        form_error: RwSignal::new(None),
        send_when_ready: RwSignal::new(false),
        repeat_guard: StoredValue::new(Default::default()),
        notice: RwSignal::new(None),
        pending_endpoint: RwSignal::new(None),
        gallery,
        interrupted: RwSignal::new(Vec::new()),
    };
    state.gallery.load();
    warn_before_leaving(state);
    crate::app::draft::keep_draft(state.form);
    apply_link(&state);
    // Set up first, then out of the way: folded once this endpoint has answered here.
    let base = state.settings.base_url.get_untracked();
    state.endpoint_open.set(untrack(|| {
        !state.health.has_answered(&base) && state.health.last_for(&base).is_none()
    }));
    if let Some(typed) = shell.as_ref().filter(|s| !s.prompt.trim().is_empty()) {
        state.form.prompt.set(typed.prompt.clone());
    }
    crate::app::generate::send_when_ready(state);
    provide_context(state);
    provide_context(Now::start());
    provide_context(crate::app::viewer::Viewer::new());
    provide_context(crate::app::tasks::fields::TaskFields::new());
    // What gone tabs left (this tab's own previous page load included): their tasks are
    // polled here, their requests listed as interrupted. Open tabs' entries are theirs.
    crate::app::journal::start(
        state.interrupted,
        std::rc::Rc::new(move |claim: studio_core::tabs::Claim| {
            state.interrupted.set(claim.interrupted);
            crate::app::tasks::resume::resume(state, claim.resumed);
        }),
    );

    if let Some(shell) = shell {
        // Once the app is on screen: the caret where it was, and a press of Generate sent.
        Effect::new(move |_| {
            untrack(|| {
                if let Some(caret) = shell.caret {
                    crate::web::focus::focus_at("prompt", caret);
                }
                if shell.queued {
                    crate::app::generate::generate_from_form(state);
                }
            })
        });
    }
    view! {
        <header class="top">
            <div class="brand">
                // i18n: not shown: the product's name, the same in both languages.
                <h1>"GPT Image Studio"</h1>
                <p class="tagline">{t(common::TAGLINE)}</p>
            </div>
            <div class="top-tools">
                <LanguageSelect/>
                <EndpointChip/>
            </div>
        </header>
        {move || state.notice.get().map(|text| view! { <p class="notice" role="status" data-testid="notice">{text}</p> })}
        {Suspend::new(endpoint_confirm_view())}
        // The prompt and its results are the page; settings sit beside them (below on a phone).
        <main class="layout studio">
            <div class="work">
                <section class="panel compose" aria-label=t(common::REQUEST_REGION)>
                    <RequestForm/>
                </section>
                <section class="results" aria-label=t(common::RESULTS_REGION)>
                    {Suspend::new(interrupted_list_view())}
                    <RunList/>
                    {Suspend::new(history_panel_view())}
                </section>
            </div>
            <aside class="panel side" aria-label=t(common::SETTINGS_REGION)
                on:keydown=move |ev| {
                    // Ctrl/Cmd+Enter sends from the parameters too, as from the prompt.
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        crate::app::generate::generate_from_form(state);
                    }
                }>
                <ParamSheet/>
                {Suspend::new(settings_panel_view())}
                {Suspend::new(share_link_view())}
                {Suspend::new(code_export_view())}
                {Suspend::new(preset_library_view())}
            </aside>
        </main>
        {Suspend::new(viewer_view())}
    }
}

/// One lazily loaded view per `name => Component`: the component's code comes from its own
/// wasm chunk (`page_lazy!`).
macro_rules! lazy_views {
    ($($name:ident => $component:path),* $(,)?) => {$(
        page_lazy! {
        fn $name() -> AnyView {
            view! { <$component/> }.into_any()
        }
        }
    )*};
}

// Panels not needed for the first paint, each loaded from its own wasm chunk right after the
// page starts (the chunk loads while the rest of the page is already shown).
lazy_views! {
    settings_panel_view => SettingsPanel,
    interrupted_list_view => InterruptedList,
    endpoint_confirm_view => EndpointConfirm,
    viewer_view => crate::ui::viewer::viewer_dialog::ViewerDialog,
    share_link_view => ShareLink,
    history_panel_view => HistoryPanel,
    code_export_view => CodeExport,
    preset_library_view => PresetLibrary,
}

/// While a request is in flight, leaving the page asks first: the result would be paid for and
/// never shown (it would only show as interrupted).
fn warn_before_leaving(state: AppState) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        // Tasks being polled resume after a reload: leaving loses nothing then.
        if state.runs.pending_count() > 0
            && !crate::app::tasks::follow::only_tasks_pending(&state.runs)
        {
            ev.prevent_default();
            ev.set_return_value(common::LEAVE_WHILE_RUNNING.get(crate::app::lang::lang()));
        }
    });
    // The app lives as long as the page; the listener must too.
    std::mem::forget(handle);
}
