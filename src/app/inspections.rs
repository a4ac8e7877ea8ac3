//! What finished results' pixels say, whatever their answers claim: whether a result asked
//! with a transparent background has any transparent pixel, and whether a masked edit changed
//! more inside its mask than outside (or the gateway may have ignored the mask). The pixels
//! are read in a prep worker (`web::inspect_job`), never on the page's thread.

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use js_sys::Uint8Array;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::composites::ResultKey;
use crate::app::lang::lang;
use crate::app::runs::Run;
use crate::web::blob::{blob_array, LocalBlob};
use crate::web::prep_worker::{use_prep_worker, JobResult, PrepWorker};
use studio_core::api::request::Background;
use studio_core::i18n::text::work;
use studio_core::inspect::{carries_alpha, AlphaFacts, DriftJob, HeatmapWhen};
use studio_core::mask::drift::DriftReport;
use studio_core::prep::protocol::{JobKind, WorkerMessage};
use studio_core::prep::PrepSettings;

/// What one result's pixels said.
#[derive(Clone, Debug, PartialEq)]
pub struct PixelFacts {
    pub alpha: Option<AlphaFacts>,
    pub drift: Option<DriftReport>,
    /// Why the drift of a masked edit could not be measured.
    pub drift_refused: Option<String>,
    /// The drift heatmap as a `data:` URL (made only when the mask may have been ignored).
    pub heatmap: Option<Arc<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inspection {
    Working,
    Done(PixelFacts),
    /// The result's pixels could not be read: why.
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Inspections {
    states: RwSignal<HashMap<ResultKey, Inspection>>,
    pending: StoredValue<HashMap<u64, ResultKey>, LocalStorage>,
    worker: StoredValue<Option<PrepWorker>, LocalStorage>,
}

impl Inspections {
    pub fn new() -> Self {
        let this = Inspections {
            states: RwSignal::new(HashMap::new()),
            pending: StoredValue::new_local(HashMap::new()),
            worker: StoredValue::new_local(None),
        };
        // A queue of its own: inspections never wait behind reference prep or fits.
        let worker = use_prep_worker(1, move |id, result| this.on_result(id, result));
        this.worker.set_value(Some(worker));
        this
    }

    /// One result's inspection (reactive).
    pub fn get(&self, key: ResultKey) -> Option<Inspection> {
        self.states.with(|s| s.get(&key).cloned())
    }

    /// Starts reading the pixels of result `key` of `run` (its bytes in `blob`, of type
    /// `mime`) once, when they can tell something: a native transparent background was asked
    /// (in a format that can carry it), or the run is a masked edit. Inspections of runs no
    /// longer in `held` are forgotten.
    pub fn ensure(
        &self,
        key: ResultKey,
        run: &Run,
        blob: Option<&LocalBlob>,
        mime: &str,
        held: &[u64],
    ) {
        let Some(blob) = blob.cloned() else {
            // A link only: no pixels to read.
            return;
        };
        if self.states.with_untracked(|s| s.contains_key(&key)) {
            return;
        }
        let alpha = run.params.background == Background::Transparent && carries_alpha(mime);
        let masked = run
            .uploads
            .clone()
            .filter(|u| !u.images.is_empty() && u.mask.is_some());
        if !alpha && masked.is_none() {
            return;
        }
        self.states.update(|s| {
            s.retain(|k, _| held.contains(&k.0));
            s.insert(key, Inspection::Working);
        });
        let drift = masked.as_ref().map(|u| DriftJob {
            image_mime: u.images[0].content_type.clone(),
            image_size: (u.images[0].width, u.images[0].height),
            heatmap: HeatmapWhen::IfIgnored,
        });
        let kind = JobKind::Inspect {
            mime: mime.to_owned(),
            alpha,
            drift,
        };
        let this = *self;
        spawn_local(async move {
            let mut buffers = match blob_array(blob.blob(), lang()).await {
                Ok(result) => vec![result],
                Err(why) => return this.set(key, Inspection::Failed(why)),
            };
            if let Some(u) = masked {
                let mask = u.mask.as_ref().map_or(&[][..], |m| &m.bytes[..]);
                buffers.push(Uint8Array::from(&u.images[0].bytes[..]));
                buffers.push(Uint8Array::from(mask));
            }
            let Some(worker) = this.worker.get_value() else {
                return;
            };
            let job = worker.submit(kind, PrepSettings::default(), buffers, lang());
            this.pending.update_value(|p| {
                p.insert(job, key);
            });
        });
    }

    fn set(&self, key: ResultKey, state: Inspection) {
        self.states.update(|s| {
            s.insert(key, state);
        });
    }

    fn on_result(&self, job: u64, result: JobResult) {
        let Some(key) = self.pending.try_update_value(|p| p.remove(&job)).flatten() else {
            return;
        };
        let state = match result.message {
            WorkerMessage::Inspected {
                alpha,
                drift,
                drift_refused,
                heatmap_mime,
                ..
            } => {
                let heatmap = heatmap_mime.zip(result.buffers.first()).map(|(mime, a)| {
                    let b64 = base64::engine::general_purpose::STANDARD.encode(a.to_vec());
                    Arc::from(format!("data:{mime};base64,{b64}"))
                });
                Inspection::Done(PixelFacts {
                    alpha,
                    drift,
                    drift_refused,
                    heatmap,
                })
            }
            WorkerMessage::Failed { message, .. } => Inspection::Failed(message),
            _ => Inspection::Failed(work::UNEXPECTED_ANSWER_LOWER.get(lang()).into()),
        };
        self.set(key, state);
    }
}

impl Default for Inspections {
    fn default() -> Self {
        Self::new()
    }
}
