use crate::app::lang::t;
use leptos::prelude::*;
use studio_core::i18n::text::references;

use crate::app::state::use_app_state;
use crate::web::files::file_list;

/// Whether a drag carries files (not text or a link dragged within the page).
fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// The whole page is a drop zone for references: while files are dragged over it an overlay
/// says so, and a drop anywhere adds them (instead of the browser opening the file).
#[component]
pub fn PageDrop() -> impl IntoView {
    let refs = use_app_state().references;
    // dragenter/dragleave fire for every element crossed: count them.
    let depth = RwSignal::new(0i32);
    let enter = window_event_listener(leptos::ev::dragenter, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            depth.update(|d| *d += 1);
        }
    });
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            // Without this the drop would open the file in the tab.
            ev.prevent_default();
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        if carries_files(&ev) {
            depth.update(|d| *d = (*d - 1).max(0));
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            depth.set(0);
            refs.add_files(file_list(ev.data_transfer().and_then(|d| d.files())));
        }
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <Show when=move || { depth.get() > 0 }>
            <div class="drop-overlay" data-testid="drop-overlay" role="status">
                <p>{t(references::DROP_HERE)}</p>
            </div>
        </Show>
    }
}
