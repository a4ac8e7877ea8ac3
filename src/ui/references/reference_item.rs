use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::references;

use crate::app::references::{AsSent, RefItem, RefState};
use crate::app::state::use_app_state;
use crate::ui::icon::{Icon, IconName};
use crate::web::download::save_bytes;
use studio_core::api::mime;
use studio_core::api::upload::Upload;
use studio_core::prep::pipeline::PrepReport;
use studio_core::sizes::thousands;

/// The download name of a prepared file: its position, the original stem, the new extension.
pub fn prepared_name(index: usize, original: &str, content_type: &str) -> String {
    let stem = original.rsplit_once('.').map_or(original, |(s, _)| s);
    format!("{:02}-{stem}.{}", index + 1, mime::extension(content_type))
}

pub fn kb(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.2} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", thousands(bytes.div_ceil(1000)))
    }
}

/// One line on what is sent: bytes, size and format, and how it was made.
fn facts(upload: &Upload, report: Option<&PrepReport>, png_for_mask: bool) -> String {
    let mut text = match report {
        Some(r) if r.passed_through => format!(
            "{} · {}x{} · {} · {}",
            kb(r.bytes),
            r.width,
            r.height,
            r.mime,
            references::SENT_AS_IS.get(lang())
        ),
        Some(r) => format!(
            "{} → {} · {}x{} → {}x{} · {} · {}",
            kb(r.source_bytes),
            kb(r.bytes),
            r.source_width,
            r.source_height,
            r.width,
            r.height,
            r.mime,
            studio_core::tr!(
                lang(),
                if r.encodes == 1 {
                    references::ENCODE_ONE
                } else {
                    references::ENCODE_MANY
                },
                ms = r.times.total_ms.round(),
                n = r.encodes
            )
        ),
        None => format!(
            "{} · {}x{} · {}",
            kb(upload.bytes.len() as u64),
            upload.width,
            upload.height,
            upload.content_type
        ),
    };
    if png_for_mask {
        text.push_str(references::PNG_FOR_MASK.get(lang()));
    }
    if let Some(note) = report.and_then(|r| r.note.as_deref()) {
        text.push_str(" · ");
        text.push_str(note);
    }
    text
}

/// One reference: thumbnail, before/after bytes, size, format and time; move, remove, download.
/// It describes exactly the file that will be sent: for image 1 with a mask and the profile
/// option "image 1 as PNG", the PNG made beside the mask.
#[component]
pub fn ReferenceItem(item: RefItem) -> impl IntoView {
    let refs = use_app_state().references;
    let key = item.key;
    let name = item.name.clone();
    let as_sent = Memo::new(move |_| refs.as_sent(key));
    // The file sent for this item (None while working or in error) and whether it is the PNG.
    let own = match &item.state {
        RefState::Ready { upload, report, .. } => Some((upload.clone(), report.clone())),
        _ => None,
    };
    let sent = Memo::new(move |_| match (as_sent.get(), own.clone()) {
        (AsSent::Png(png), Some(_)) => Some((png.upload, Some(Box::new(png.report)), true)),
        (AsSent::Own, Some((upload, report))) => Some((upload, report, false)),
        _ => None,
    });
    let base_state = match &item.state {
        RefState::Ready { .. } => "ready",
        RefState::Working => "working",
        RefState::Error(_) => "error",
    };
    let state_attr = move || match as_sent.get() {
        AsSent::Pending if base_state == "ready" => "working",
        _ => base_state,
    };
    let attr =
        move |f: fn(&Upload) -> String| move || sent.with(|s| s.as_ref().map(|(u, _, _)| f(u)));
    let body = match item.state {
        RefState::Working => view! { <p class="meta">{t(references::PREPARING)}</p> }.into_any(),
        RefState::Error(message) => view! {
            <p class="reference-error form-error" role="alert" data-testid="reference-error">{message}</p>
        }
        .into_any(),
        RefState::Ready { thumb_url, .. } => {
            let download_name = name.clone();
            let download = move |_| {
                let Some((upload, _, _)) = sent.get_untracked() else {
                    return;
                };
                let index = refs.items.with_untracked(|items| items.iter().position(|i| i.key == key)).unwrap_or(0);
                let file_name = prepared_name(index, &download_name, &upload.content_type);
                if let Err(e) = save_bytes(&upload.bytes, &upload.content_type, &file_name, lang()) {
                    refs.notice.set(Some(e));
                }
            };
            let text = move || match sent.get() {
                Some((upload, report, png)) => facts(&upload, report.as_deref(), png),
                None => references::PREPARING_PNG.get(lang()).into(),
            };
            view! {
                <img class="thumb" src=thumb_url alt="" width="64" height="64"/>
                <p class="meta" data-testid="reference-facts">{text}</p>
                <button type="button" class="link" data-testid="reference-download" on:click=download>{t(references::DOWNLOAD)}</button>
            }
            .into_any()
        }
    };
    view! {
        <li class="reference-item" data-testid="reference-item" data-state=state_attr
            data-bytes=attr(|u| u.bytes.len().to_string()) data-width=attr(|u| u.width.to_string())
            data-height=attr(|u| u.height.to_string()) data-mime=attr(|u| u.content_type.clone())>
            <span class="reference-name">{name.clone()}</span>
            {body}
            <span class="reference-actions">
                <button type="button" aria-label={let name = name.clone(); move || studio_core::tr!(lang(), references::MOVE_UP, name = name)} on:click=move |_| refs.shift(key, -1)><Icon name=IconName::Up/></button>
                <button type="button" aria-label={let name = name.clone(); move || studio_core::tr!(lang(), references::MOVE_DOWN, name = name)} on:click=move |_| refs.shift(key, 1)><Icon name=IconName::Down/></button>
                <button type="button" data-testid="reference-remove" aria-label={let name = name.clone(); move || studio_core::tr!(lang(), references::REMOVE, name = name)}
                    on:click=move |_| refs.remove(key)><Icon name=IconName::Close/></button>
            </span>
        </li>
    }
}
