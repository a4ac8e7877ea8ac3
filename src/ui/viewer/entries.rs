//! The lists the viewer steps through: this session's results, or the history.

use crate::app::lang::lang;
use leptos::prelude::*;
use studio_core::i18n::text::viewer;

use crate::app::gallery::Gallery;
use crate::app::runs::{Runs, SlotStatus};
use crate::app::settings::Settings;
use crate::app::viewer::{result_key, ViewEntry, ViewImage};
use crate::ui::runs::answer_facts::{describe, took};
use studio_core::api::request::{ImageParams, WireValue};
use studio_core::api::response::ImageSource;
use studio_core::file_names::result_file_name;

fn asked(params: &ImageParams) -> String {
    studio_core::tr!(
        lang(),
        viewer::ASKED,
        model = params.model,
        size = params.size,
        quality = params.quality.as_str(),
        format = params.output_format.as_str()
    )
}

/// Every finished image of this session's runs, newest run first.
pub fn result_entries(runs: Runs, settings: Settings) -> Vec<ViewEntry> {
    let mut entries = Vec::new();
    runs.list.with_untracked(|list| {
        for run in list {
            for (request, slot) in run.slots.iter().enumerate() {
                let SlotStatus::Done(generated) = slot.status.get_untracked() else {
                    continue;
                };
                let params = ImageParams {
                    n: slot.n,
                    ..run.params.clone()
                };
                let created = generated
                    .answer
                    .created
                    .unwrap_or((run.started_ms / 1000.0) as i64);
                let priced_as = settings.model_info_in(Some(&run.profile_id), &params.model);
                let meta = describe(&generated, &priced_as);
                for (index, image) in generated.answer.images.iter().enumerate() {
                    let src = match &image.source {
                        ImageSource::DataUrl(url) => url.clone(),
                        ImageSource::Url(url) => url.as_str().into(),
                    };
                    let mut facts = vec![asked(&params), meta.clone()];
                    facts.extend(
                        image
                            .revised_prompt
                            .as_ref()
                            .map(|p| studio_core::tr!(lang(), viewer::REVISED_PROMPT, p = p)),
                    );
                    entries.push(ViewEntry {
                        key: result_key(run.id, request, index),
                        image: ViewImage::Shown(src),
                        blob: generated.blob(index).cloned(),
                        file_name: result_file_name(
                            &params.model,
                            &params.prompt,
                            created,
                            index,
                            &image.mime,
                        ),
                        mime: image.mime.clone(),
                        params: params.clone(),
                        facts,
                        before: run.uploads.as_ref().and_then(|u| u.images.first().cloned()),
                    });
                }
            }
        }
    });
    entries
}

/// Every stored history item with its bytes, newest first.
pub fn history_entries(gallery: Gallery, settings: Settings) -> Vec<ViewEntry> {
    gallery.items.with_untracked(|items| {
        items
            .iter()
            .filter(|i| i.record.bytes > 0)
            .map(|item| {
                let r = &item.record;
                let mut facts = vec![asked(&r.params), r.summary(lang())];
                facts.push(took(
                    r.elapsed_ms,
                    r.usage.as_ref(),
                    None,
                    r.request_id.as_deref(),
                    &settings.model_info_in(None, &r.params.model),
                ));
                facts.extend(
                    r.revised_prompt
                        .as_ref()
                        .map(|p| studio_core::tr!(lang(), viewer::REVISED_PROMPT, p = p)),
                );
                ViewEntry {
                    key: r.id.clone(),
                    image: ViewImage::Stored(Box::new(r.clone())),
                    blob: None,
                    params: r.params.clone(),
                    mime: r.mime.clone(),
                    file_name: result_file_name(
                        &r.params.model,
                        &r.params.prompt,
                        (r.created_ms / 1000.0) as i64,
                        0,
                        &r.mime,
                    ),
                    facts,
                    before: None,
                }
            })
            .collect()
    })
}
