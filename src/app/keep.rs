//! What the history keeps of a finished request: one record per image, made from the run it
//! belongs to (or, for the endpoint's paid test, from what was sent). The gallery stores records and bytes and knows nothing of runs.

use crate::app::gallery::{Kept, ToKeep};
use crate::app::runs::Run;
use crate::web::blob::LocalBlob;
use crate::web::http::Generated;
use studio_core::api::response::{ImageOut, ImageSource};
use studio_core::history::record::{self, ImageRecord, SCHEMA_VERSION};

/// Where kept images came from: a run's request, or a request sent outside any run (the
/// endpoint's paid test).
pub struct Origin<'a> {
    pub params: &'a studio_core::api::request::ImageParams,
    pub base_url: &'a str,
    pub references: u32,
    /// The run's id, 0 outside a run; with `request`, it keeps record ids apart.
    pub run_id: u64,
}

impl<'a> Origin<'a> {
    pub fn of_run(run: &'a Run) -> Self {
        Origin {
            params: &run.params,
            base_url: &run.base_url,
            references: run.uploads.as_ref().map_or(0, |u| u.images.len() as u32),
            run_id: run.id,
        }
    }
}

/// Every image of request `request` (asking `n` images) of `run`.
pub fn results(run: &Run, request: usize, n: u8, generated: &Generated) -> Vec<ToKeep> {
    results_of(&Origin::of_run(run), request, n, generated)
}

/// Every image of request `request` (asking `n` images) sent as `origin` says.
pub fn results_of(origin: &Origin, request: usize, n: u8, generated: &Generated) -> Vec<ToKeep> {
    let created_ms = js_sys::Date::now();
    generated
        .answer
        .images
        .iter()
        .enumerate()
        .map(|(index, image)| {
            let mut record = base_record(origin, n, created_ms, &image.mime);
            record.id = record::record_id(created_ms, origin.run_id, request, index);
            record.revised_prompt = image.revised_prompt.clone();
            // Usage is per request: it goes with its first image.
            record.usage = (index == 0)
                .then(|| generated.answer.usage.clone())
                .flatten();
            record.elapsed_ms = generated.elapsed_ms;
            record.request_id = generated.request_id.clone();
            if let ImageSource::Url(_) = image.source {
                record.link_expires_ms = generated.link_expires_ms;
            }
            ToKeep {
                record,
                image: kept(image, generated.blob(index).cloned()),
            }
        })
        .collect()
}

/// The record of an image made here from result `index` of request `request` (e.g. image 1
/// kept outside the mask), stored beside the raw result; `derived` says how it was made.
pub fn derived_record(
    run: &Run,
    request: usize,
    index: usize,
    n: u8,
    mime: &str,
    derived: String,
) -> ImageRecord {
    let created_ms = js_sys::Date::now();
    let mut record = base_record(&Origin::of_run(run), n, created_ms, mime);
    record.id = format!(
        "{}-k",
        record::record_id(created_ms, run.id, request, index)
    );
    record.derived = Some(derived);
    record
}

fn kept(image: &ImageOut, blob: Option<LocalBlob>) -> Kept {
    match (&image.source, blob) {
        (_, Some(blob)) => Kept::Bytes(blob),
        (ImageSource::Url(url), None) => Kept::Link(url.clone()),
        (ImageSource::DataUrl(_), None) => Kept::Damaged,
    }
}

/// A record for an image sent as `origin` says, without the per-answer fields.
fn base_record(origin: &Origin, n: u8, created_ms: f64, mime: &str) -> ImageRecord {
    ImageRecord {
        v: SCHEMA_VERSION,
        id: String::new(),
        created_ms,
        params: studio_core::api::request::ImageParams {
            n,
            ..origin.params.clone()
        },
        base_url: origin.base_url.to_string(),
        revised_prompt: None,
        usage: None,
        elapsed_ms: 0.0,
        request_id: None,
        mime: mime.to_string(),
        width: 0,
        height: 0,
        bytes: 0,
        link: None,
        references: origin.references,
        derived: None,
        link_expires_ms: None,
    }
}
