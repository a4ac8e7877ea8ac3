use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use crate::ui::runs::run_view::RunView;
use studio_core::i18n::text::runs;

/// Every run of this session, newest first.
#[component]
pub fn RunList() -> impl IntoView {
    let list = use_app_state().runs;
    view! {
        <Show when=move || list.list.with(Vec::is_empty)>
            <p class="empty">{t(runs::EMPTY)}</p>
        </Show>
        <ol class="runs" aria-live="polite">
            <For each=move || list.list.get() key=|run| run.id let:run>
                {Suspend::new(run_view(run))}
            </For>
        </ol>
        <Show when=move || { list.released.get() > 0 }>
            <p class="hint" data-testid="runs-released">{move || studio_core::tr!(lang(), runs::RELEASED,
                n = list.released.get(), kept = crate::app::runs::RUNS_IN_MEMORY)}</p>
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
