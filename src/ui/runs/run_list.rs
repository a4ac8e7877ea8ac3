use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::runs::run_view::RunView;

/// Every run of this session, newest first.
#[component]
pub fn RunList() -> impl IntoView {
    let runs = use_app_state().runs;
    view! {
        <Show when=move || runs.list.with(Vec::is_empty)>
            <p class="empty">"Results appear here. Nothing is sent until you press Generate."</p>
        </Show>
        <ol class="runs" aria-live="polite">
            <For each=move || runs.list.get() key=|run| run.id let:run>
                {Suspend::new(run_view(run))}
            </For>
        </ol>
        <Show when=move || { runs.released.get() > 0 }>
            <p class="hint" data-testid="runs-released">{move || format!(
                "{} older runs are no longer shown here (a session keeps the last {}); their images are in the history.",
                runs.released.get(), crate::app::runs::RUNS_IN_MEMORY)}</p>
        </Show>
    }
}

page_lazy! {
/// A run's view (slots, results, attempts, task progress) is loaded from its own wasm chunk
/// when the first run appears.
fn run_view(run: crate::app::runs::Run) -> AnyView {
    view! { <RunView run/> }.into_any()
}
}
