use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::viewer;

use crate::app::state::use_app_state;
use crate::app::viewer::{ViewEntry, ViewImage, Viewer};
use crate::ui::icon::{Icon, IconName};
use crate::ui::viewer::viewer_stage::{ViewerStage, Zoom};
use crate::web::download::{click_link, save_blob};

/// The full-screen view of one result or history item: fit, 100% or zoomed, stepped with the
/// arrow keys, closed with Esc (focus goes back to what opened it); download, "Edit this",
/// "Use these settings", and the facts.
#[component]
pub fn ViewerDialog() -> impl IntoView {
    let state = use_app_state();
    let viewer = expect_context::<Viewer>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let entry = Memo::new(move |_| viewer.current());
    let zoom = RwSignal::new(Zoom::Fit);
    let (problem, set_problem) = signal(None::<String>);
    let count = move || viewer.entries.with(Vec::len);
    // The native modal dialog keeps focus inside and the page behind inert.
    Effect::new(move |_| {
        let open = viewer.index.get().is_some();
        let Some(d) = dialog.get() else { return };
        if open && !d.open() {
            let _ = d.show_modal();
        } else if !open && d.open() {
            d.close();
        }
    });
    Effect::new(move |_| {
        entry.track();
        zoom.set(Zoom::Fit);
        set_problem.set(None);
    });
    let keys = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowRight" => {
            ev.prevent_default();
            viewer.step(1)
        }
        "ArrowLeft" => {
            ev.prevent_default();
            viewer.step(-1)
        }
        _ => {}
    };
    let with_entry = move |f: &dyn Fn(ViewEntry)| {
        if let Some(e) = entry.get_untracked() {
            f(e)
        }
    };
    let download = move |_| {
        with_entry(&|e: ViewEntry| match (e.blob, e.image) {
            (Some(blob), _) => set_problem.set(save_blob(blob.blob(), &e.file_name, lang()).err()),
            (None, ViewImage::Shown(url)) => {
                set_problem.set(click_link(&url, &e.file_name, lang()).err())
            }
            (None, ViewImage::Stored(record)) => spawn_local(async move {
                let outcome = match state.gallery.image(&record.id).await {
                    Ok(Some(blob)) => save_blob(&blob, &e.file_name, lang()),
                    Ok(None) => Err(viewer::ONLY_LINK_KEPT_LOWER.get(lang()).into()),
                    Err(why) => Err(why),
                };
                set_problem.set(outcome.err());
            }),
        })
    };
    let edit_this = move |_| {
        with_entry(&|e: ViewEntry| {
            spawn_local(async move {
                let file = match (&e.blob, &e.image) {
                    (Some(blob), _) => file_of(blob.blob(), &e.file_name, &e.mime),
                    (None, ViewImage::Stored(record)) => state.gallery.as_file(record).await,
                    (None, ViewImage::Shown(_)) => {
                        Err(viewer::LINK_NOT_READABLE.get(lang()).into())
                    }
                };
                match file {
                    Ok(file) => {
                        if state.references.add_files(vec![file]) == 1 {
                            state
                                .notice
                                .set(Some(viewer::ADDED_TO_REFERENCES.get(lang()).into()));
                        }
                        viewer.close();
                    }
                    Err(why) => set_problem.set(Some(why)),
                }
            })
        })
    };
    let use_settings = move |_| {
        with_entry(&|e: ViewEntry| {
            state.settings.model.set(e.params.model.clone());
            state.form.restore(&e.params);
            state
                .notice
                .set(Some(viewer::SETTINGS_RESTORED.get(lang()).into()));
            viewer.close();
        })
    };
    view! {
        <dialog class="viewer" data-testid="viewer" aria-label=t(viewer::IMAGE_VIEWER) node_ref=dialog
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); viewer.close(); }
            on:keydown=keys>
            <Show when=move || entry.with(Option::is_some)>
                <div class="viewer-bar">
                    <p class="viewer-position" aria-live="polite">
                        {move || studio_core::tr!(lang(), viewer::POSITION, i = viewer.index.get().map_or(0, |i| i + 1), n = count())}
                    </p>
                    <button type="button" data-testid="viewer-prev" aria-label=t(viewer::PREVIOUS) on:click=move |_| viewer.step(-1)><Icon name=IconName::Previous/></button>
                    <button type="button" data-testid="viewer-next" aria-label=t(viewer::NEXT) on:click=move |_| viewer.step(1)><Icon name=IconName::Next/></button>
                    <button type="button" aria-pressed=move || (zoom.get() == Zoom::Fit).to_string() on:click=move |_| zoom.set(Zoom::Fit)>{t(viewer::FIT)}</button>
                    <button type="button" aria-pressed=move || (zoom.get() == Zoom::Scale(1.0)).to_string() on:click=move |_| zoom.set(Zoom::Scale(1.0))>"100%"</button>
                    <button type="button" on:click=download><Icon name=IconName::Download/>{t(viewer::DOWNLOAD)}</button>
                    <button type="button" on:click=edit_this>{t(viewer::EDIT_THIS)}</button>
                    <button type="button" on:click=use_settings>{t(viewer::USE_SETTINGS)}</button>
                    <button type="button" class="viewer-close" data-testid="viewer-close" aria-label=t(viewer::CLOSE_VIEWER) on:click=move |_| viewer.close()><Icon name=IconName::Close/></button>
                </div>
                <ViewerStage entry zoom/>
                <div class="viewer-facts">
                    <p class="viewer-prompt">{move || entry.with(|e| e.as_ref().map(|e| e.params.prompt.clone()))}</p>
                    {move || entry.with(|e| e.as_ref().map(|e| e.facts.iter().map(|f| view! { <p class="hint">{f.clone()}</p> }).collect_view()))}
                    {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
                </div>
            </Show>
        </dialog>
    }
}

fn file_of(blob: &web_sys::Blob, name: &str, mime: &str) -> Result<web_sys::File, String> {
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_blob_sequence_and_options(&js_sys::Array::of1(blob), name, &options)
        .map_err(|_| viewer::NO_FILE.get(lang()).to_string())
}
