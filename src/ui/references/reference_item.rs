use leptos::prelude::*;

use crate::app::references::{RefItem, RefState};
use crate::app::state::use_app_state;
use crate::web::download::save_bytes;
use studio_core::api::mime;
use studio_core::sizes::thousands;

/// The download name of a prepared file: its position, the original stem, the new extension.
pub fn prepared_name(index: usize, original: &str, content_type: &str) -> String {
    let stem = original.rsplit_once('.').map_or(original, |(s, _)| s);
    format!("{:02}-{stem}.{}", index + 1, mime::extension(content_type))
}

fn kb(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.2} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", thousands(bytes.div_ceil(1000)))
    }
}

/// One reference: thumbnail, before/after bytes, size, format and time; move, remove, download.
#[component]
pub fn ReferenceItem(item: RefItem) -> impl IntoView {
    let refs = use_app_state().references;
    let key = item.key;
    let name = item.name.clone();
    let (state_attr, bytes, width, height, mime_attr) = match &item.state {
        RefState::Ready { upload, .. } => (
            "ready",
            Some(upload.bytes.len().to_string()),
            Some(upload.width.to_string()),
            Some(upload.height.to_string()),
            Some(upload.content_type.clone()),
        ),
        RefState::Working => ("working", None, None, None, None),
        RefState::Error(_) => ("error", None, None, None, None),
    };
    let body = match item.state {
        RefState::Working => view! { <p class="meta">"Preparing…"</p> }.into_any(),
        RefState::Error(message) => view! {
            <p class="reference-error form-error" role="alert" data-testid="reference-error">{message}</p>
        }
        .into_any(),
        RefState::Ready { upload, report, thumb_url } => {
            let facts = match &report {
                Some(r) if r.passed_through => format!(
                    "{} · {}x{} · {} · sent as it is",
                    kb(r.bytes), r.width, r.height, r.mime
                ),
                Some(r) => format!(
                    "{} → {} · {}x{} → {}x{} · {} · {} ms, {} encode{}",
                    kb(r.source_bytes), kb(r.bytes), r.source_width, r.source_height,
                    r.width, r.height, r.mime, r.times.total_ms.round(),
                    r.encodes, if r.encodes == 1 { "" } else { "s" }
                ),
                None => format!(
                    "{} · {}x{} · {}",
                    kb(upload.bytes.len() as u64), upload.width, upload.height, upload.content_type
                ),
            };
            let download_name = name.clone();
            let download = move |_| {
                let index = refs.items.with_untracked(|items| items.iter().position(|i| i.key == key)).unwrap_or(0);
                let file_name = prepared_name(index, &download_name, &upload.content_type);
                if let Err(e) = save_bytes(&upload.bytes, &upload.content_type, &file_name) {
                    refs.notice.set(Some(e));
                }
            };
            view! {
                <img class="thumb" src=thumb_url alt="" width="64" height="64"/>
                <p class="meta" data-testid="reference-facts">{facts}</p>
                <button type="button" class="link" data-testid="reference-download" on:click=download>"Download"</button>
            }
            .into_any()
        }
    };
    view! {
        <li class="reference-item" data-testid="reference-item" data-state=state_attr
            data-bytes=bytes data-width=width data-height=height data-mime=mime_attr>
            <span class="reference-name">{name.clone()}</span>
            {body}
            <span class="reference-actions">
                <button type="button" aria-label=format!("Move {name} up") on:click=move |_| refs.shift(key, -1)>"↑"</button>
                <button type="button" aria-label=format!("Move {name} down") on:click=move |_| refs.shift(key, 1)>"↓"</button>
                <button type="button" data-testid="reference-remove" aria-label=format!("Remove {name}")
                    on:click=move |_| refs.remove(key)>"✕"</button>
            </span>
        </li>
    }
}
