use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::history;

use crate::app::gallery::{format_bytes, GalleryItem};
use crate::app::state::use_app_state;
use crate::ui::history::kept_link::KeptLink;
use crate::ui::icon::{Icon, IconName};
use crate::web::blob::use_object_url;
use crate::web::download::save_blob;
use studio_core::file_names::result_file_name;

/// One stored result: thumbnail, prompt and facts; open, download, reuse, delete.
#[component]
pub fn HistoryItem(item: GalleryItem, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let record = item.record.clone();
    let id = record.id.clone();
    let (full, set_full) = signal(None::<String>);
    let thumb_url = item.thumb.as_ref().and_then(|t| use_object_url(t.blob()));
    // The full image's object URL goes with the view too, when it was open.
    on_cleanup(move || {
        if let Some(url) = full.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let (problem, set_problem) = signal(None::<String>);
    let file_name = result_file_name(
        &record.params.model,
        &record.params.prompt,
        (record.created_ms / 1000.0) as i64,
        0,
        &record.mime,
    );
    let stored = record.bytes > 0;
    let open = {
        let id = id.clone();
        move |_| {
            if let Some(url) = full.get_untracked() {
                let _ = web_sys::Url::revoke_object_url(&url);
                set_full.set(None);
                return;
            }
            let id = id.clone();
            spawn_local(async move {
                match state.gallery.image(&id).await {
                    Ok(Some(blob)) => {
                        set_full.set(web_sys::Url::create_object_url_with_blob(&blob).ok())
                    }
                    Ok(None) => set_problem.set(Some(history::ONLY_LINK_KEPT.get(lang()).into())),
                    Err(e) => set_problem.set(Some(studio_core::tr!(
                        lang(),
                        history::COULD_NOT_READ,
                        e = e
                    ))),
                }
            });
        }
    };
    let download = {
        let (id, name) = (id.clone(), file_name.clone());
        move |_| {
            let (id, name) = (id.clone(), name.clone());
            spawn_local(async move {
                let outcome = match state.gallery.image(&id).await {
                    Ok(Some(blob)) => save_blob(&blob, &name, lang()),
                    Ok(None) => Err(history::ONLY_LINK_KEPT_LOWER.get(lang()).into()),
                    Err(e) => Err(e),
                };
                set_problem.set(
                    outcome
                        .err()
                        .map(|e| studio_core::tr!(lang(), history::DOWNLOAD_FAILED, e = e)),
                );
            });
        }
    };
    let params = record.params.clone();
    let use_settings = move |_| {
        state.settings.model.set(params.model.clone());
        state.form.restore(&params);
        state
            .notice
            .set(Some(history::SETTINGS_RESTORED.get(lang()).into()));
    };
    let edit_record = record.clone();
    let edit_this = move |_| {
        let record = edit_record.clone();
        spawn_local(async move {
            match state.gallery.as_file(&record).await {
                Ok(file) => {
                    // When the references are full, they say so themselves.
                    if state.references.add_files(vec![file]) == 1 {
                        state
                            .notice
                            .set(Some(history::ADDED_TO_REFERENCES.get(lang()).into()));
                    }
                }
                Err(e) => set_problem.set(Some(studio_core::tr!(
                    lang(),
                    history::COULD_NOT_USE,
                    e = e
                ))),
            }
        });
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move {
                if let Err(e) = state.gallery.delete(Some(vec![id])).await {
                    set_problem.set(Some(studio_core::tr!(
                        lang(),
                        history::COULD_NOT_DELETE,
                        e = e
                    )));
                }
            });
        }
    };
    let select_id = id.clone();
    let is_selected = move || selected.with(|s| s.contains(&select_id));
    let toggle_id = id.clone();
    let summary = record.summary(lang());
    let size = stored.then(|| format_bytes(record.bytes as f64));
    let facts = move || {
        format!(
            "{} · {}",
            summary,
            size.clone()
                .unwrap_or_else(|| history::LINK_ONLY.get(lang()).into())
        )
    };
    view! {
        <li class="history-item" data-testid="history-item" data-id=id.clone() data-width=record.width data-height=record.height data-mime=record.mime.clone()>
            <input type="checkbox" data-testid="history-select" aria-label=t(history::SELECT_FOR_DOWNLOAD)
                prop:checked=is_selected
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    selected.update(|s| {
                        s.retain(|x| x != &toggle_id);
                        if on { s.push(toggle_id.clone()); }
                    });
                }/>
            {thumb_url.map(|src| {
                let key = id.clone();
                let open_viewer = move |_| {
                    let viewer = expect_context::<crate::app::viewer::Viewer>();
                    viewer.open(crate::ui::viewer::entries::history_entries(state.gallery, state.settings), &key);
                };
                view! {
                    <button type="button" class="image-button" aria-label=t(history::OPEN_IN_VIEWER) disabled=!stored on:click=open_viewer>
                        <img class="thumb" data-testid="history-thumb" loading="lazy" alt=record.params.prompt.clone() src=src/>
                    </button>
                }
            })}
            <div class="history-text">
                <p class="history-prompt">{record.params.prompt.clone()}</p>
                <p class="hint">{facts}</p>
                {record.link.clone().map(|href| view! { <KeptLink record=record.clone() href/> })}
                <div class="row">
                    <Show when=move || stored>
                        <button type="button" data-testid="history-open" on:click=open.clone()>
                            {move || if full.get().is_some() { history::CLOSE.get(lang()) } else { history::OPEN.get(lang()) }}
                        </button>
                        <button type="button" data-testid="history-download" on:click=download.clone()><Icon name=IconName::Download/>{t(history::DOWNLOAD)}</button>
                        <button type="button" data-testid="history-edit" on:click=edit_this.clone()>{t(history::EDIT_THIS)}</button>
                    </Show>
                    <button type="button" data-testid="history-use" on:click=use_settings.clone()>{t(history::USE_SETTINGS)}</button>
                    <button type="button" data-testid="history-delete" on:click=delete.clone()>{t(history::DELETE)}</button>
                </div>
                {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
            </div>
            {move || full.get().map(|src| view! { <img class="history-full" data-testid="history-full" alt=t(history::FULL_IMAGE) src=src/> })}
        </li>
    }
}
