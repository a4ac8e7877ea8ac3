use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::history;

use crate::app::state::use_app_state;
use crate::ui::history::history_chunk::HistoryChunk;
use crate::web::download::save_blob;
use studio_core::history::window::{chunk_count, windowed};

/// The zip's file name.
fn zip_name(now_ms: f64) -> String {
    format!(
        "gpt-image-studio_{}.zip",
        studio_core::file_names::utc_stamp((now_ms / 1000.0) as i64)
    )
}

/// Every stored result, newest first, with storage figures and bulk actions.
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let state = use_app_state();
    let gallery = state.gallery;
    let selected = RwSignal::new(Vec::<String>::new());
    let (confirm_clear, set_confirm_clear) = signal(false);
    let (problem, set_problem) = signal(None::<String>);
    let count = move || gallery.items.with(Vec::len);
    let full_chunk_height = RwSignal::new(None::<f64>);
    let windowed = Memo::new(move |_| windowed(count()));
    let clear = move |_| {
        if !confirm_clear.get_untracked() {
            set_confirm_clear.set(true);
            return;
        }
        set_confirm_clear.set(false);
        spawn_local(async move {
            match gallery.delete(None).await {
                Ok(()) => selected.set(Vec::new()),
                Err(e) => set_problem.set(Some(studio_core::tr!(
                    lang(),
                    history::COULD_NOT_DELETE_HISTORY,
                    e = e
                ))),
            }
        });
    };
    let download_zip = move |ids: Option<Vec<String>>| {
        spawn_local(async move {
            match gallery.zip(ids).await {
                Ok((zip, skipped)) => {
                    let name = zip_name(js_sys::Date::now());
                    let saved = save_blob(&zip, &name, lang());
                    set_problem.set(match (saved, skipped) {
                        (Err(e), _) => {
                            Some(studio_core::tr!(lang(), history::DOWNLOAD_FAILED, e = e))
                        }
                        (Ok(()), 0) => None,
                        (Ok(()), n) => {
                            Some(studio_core::tr!(lang(), history::SKIPPED_LINKS, n = n))
                        }
                    });
                }
                Err(e) => set_problem.set(Some(studio_core::tr!(
                    lang(),
                    history::COULD_NOT_BUILD_ZIP,
                    e = e
                ))),
            }
        });
    };
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{move || studio_core::tr!(lang(), history::HISTORY_N, n = count())}</h2>
            <p class="hint" data-testid="storage-usage">
                {move || gallery.usage.get().unwrap_or_else(|| history::KEPT_IN_BROWSER.get(lang()).into())}
            </p>
            {move || gallery.problem.get().map(|p| view! { <p class="warning" role="alert" data-testid="history-problem">{p}</p> })}
            <Show when=move || { count() > 0 }>
                <div class="row">
                    <button type="button" data-testid="history-download-all" on:click=move |_| download_zip(None)>
                        {t(history::DOWNLOAD_ALL)}
                    </button>
                    <button type="button" data-testid="history-download-selected"
                        prop:disabled=move || selected.with(Vec::is_empty)
                        on:click=move |_| download_zip(Some(selected.get_untracked()))>
                        {move || studio_core::tr!(lang(), history::DOWNLOAD_SELECTED, n = selected.with(Vec::len))}
                    </button>
                    <button type="button" data-testid="history-delete-all" on:click=clear>
                        {move || if confirm_clear.get() { studio_core::tr!(lang(), history::REALLY_DELETE_ALL, n = count()) } else { history::DELETE_ALL.get(lang()).to_string() }}
                    </button>
                </div>
            </Show>
            {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
            <Show when=move || gallery.loaded.get() && count() == 0>
                <p class="empty" data-testid="history-empty">
                    {t(history::NOTHING_STORED)}
                    <button type="button" class="link" on:click=move |_| crate::web::focus::reveal_and_focus("prompt", "prompt")>{t(history::WRITE_PROMPT)}</button>
                </p>
            </Show>
            // Chunks of the grid; beyond 100 items only those near the screen are drawn.
            <div class="history-grid">
                <For each=move || 0..chunk_count(count()) key=|index| *index let:index>
                    <HistoryChunk index selected full_chunk_height windowed/>
                </For>
            </div>
        </section>
    }
}
