//! Images made here from finished results, shown beside the raw result and stored beside it
//! in the history:
//! - "keep outside the mask": each result of a masked edit goes to the prep worker with
//!   image 1 and the mask as sent, and image 1 is pasted back outside the mask;
//! - a cut-out (`background` = `transparent-local`): each result, made on a flat key colour,
//!   goes to the prep worker and comes back with the key made transparent.

use std::collections::HashMap;

use base64::Engine;
use js_sys::Uint8Array;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::gallery::{Gallery, Kept, ToKeep};
use crate::app::keep::derived_record;
use crate::app::lang::lang;
use crate::app::runs::Run;
use crate::web::blob::{blob_array, bytes_blob_of_array, LocalBlob};
use crate::web::http::Generated;
use crate::web::prep_worker::{use_prep_worker, JobResult, PrepWorker};
use studio_core::api::request::OutputFormat;
use studio_core::api::response::{ImageOut, ImageSource};
use studio_core::cutout::KeyColour;
use studio_core::history::record::ImageRecord;
use studio_core::i18n::text::work;
use studio_core::i18n::Lang;
use studio_core::prep::protocol::{JobKind, WorkerMessage};
use studio_core::prep::PrepSettings;

/// Which result: (run id, request index in the run, image index in the answer).
pub type ResultKey = (u64, usize, usize);

/// What was made from a result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Made {
    KeptOutside {
        feather_px: u32,
        /// Share of the picture the mask let the model redraw.
        painted_share: f64,
    },
    CutOut {
        key: KeyColour,
        /// Share of fully transparent pixels.
        transparent_share: f64,
    },
}

impl Made {
    /// How it was made, as the history record says it (in the language it is kept in).
    fn describe(self, lang: Lang) -> String {
        match self {
            Made::KeptOutside { feather_px, .. } => {
                studio_core::tr!(lang, work::KEPT_OUTSIDE_NOTE, feather_px = feather_px)
            }
            Made::CutOut { key, .. } => {
                studio_core::tr!(lang, work::CUT_OUT_NOTE, key = key.label(lang))
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum CompositeState {
    /// What is being made (its figures not known yet).
    Working(Made),
    Done {
        image: ImageOut,
        width: u32,
        height: u32,
        made: Made,
        /// Time the worker took (decode, key or blend, encode).
        ms: f64,
        /// Why it could not be stored, if it could not.
        save_note: Option<String>,
        /// Its bytes, for downloads.
        blob: Option<LocalBlob>,
    },
    /// Why it cannot be made from this result.
    Refused(Made, String),
}

struct Pending {
    key: ResultKey,
    /// Its history record, but for what storing finds out.
    record: ImageRecord,
    made: Made,
}

#[derive(Clone, Copy)]
pub struct Composites {
    pub states: RwSignal<HashMap<ResultKey, CompositeState>>,
    pending: StoredValue<HashMap<u64, Pending>, LocalStorage>,
    worker: StoredValue<Option<PrepWorker>, LocalStorage>,
    gallery: StoredValue<Option<Gallery>>,
}

impl Composites {
    pub fn new(gallery: Gallery) -> Self {
        let composites = Composites {
            states: RwSignal::new(HashMap::new()),
            pending: StoredValue::new_local(HashMap::new()),
            worker: StoredValue::new_local(None),
            gallery: StoredValue::new(Some(gallery)),
        };
        let worker = use_prep_worker(1, move |id, result| composites.on_result(id, result));
        composites.worker.set_value(Some(worker));
        composites
    }

    /// Forgets the composites of runs no longer held in memory (their images are in the
    /// history).
    pub fn keep_only_runs(&self, held: &[u64]) {
        if self
            .states
            .with_untracked(|s| s.keys().any(|k| !held.contains(&k.0)))
        {
            self.states.update(|s| s.retain(|k, _| held.contains(&k.0)));
        }
    }

    /// The state of one result's composite (reactive).
    pub fn get(&self, key: ResultKey) -> Option<CompositeState> {
        self.states.with(|s| s.get(&key).cloned())
    }

    /// Starts a composite for every image of a finished masked edit. The result's bytes go
    /// to the worker from the Blob they were decoded into once.
    pub fn start(&self, run: &Run, request: usize, n: u8, generated: &Generated, feather_px: u32) {
        let Some(uploads) = run.uploads.clone() else {
            return;
        };
        if uploads.images.is_empty() || uploads.mask.is_none() {
            return;
        }
        let made = Made::KeptOutside {
            feather_px,
            painted_share: 0.0,
        };
        self.submit_each(run, request, n, generated, made, move || {
            let image1 = &uploads.images[0].bytes;
            let mask = uploads.mask.as_ref().map_or(&[][..], |m| &m.bytes[..]);
            (
                JobKind::KeepOutsideMask { feather_px },
                vec![Uint8Array::from(&image1[..]), Uint8Array::from(mask)],
            )
        });
    }

    /// Starts a cut-out of every image of a finished `transparent-local` request, encoded
    /// as the format the user chose (PNG or WebP).
    pub fn start_cutout(&self, run: &Run, request: usize, n: u8, generated: &Generated) {
        let key = run.params.key();
        let mime = match run.params.output_format {
            OutputFormat::Webp => OutputFormat::Webp.mime(),
            _ => OutputFormat::Png.mime(),
        };
        let made = Made::CutOut {
            key,
            transparent_share: 0.0,
        };
        self.submit_each(run, request, n, generated, made, move || {
            (
                JobKind::CutOut {
                    key,
                    mime: mime.to_string(),
                },
                Vec::new(),
            )
        });
    }

    /// Sends each image of `generated` to the worker: its bytes first, then the job's own.
    fn submit_each(
        &self,
        run: &Run,
        request: usize,
        n: u8,
        generated: &Generated,
        made: Made,
        job: impl Fn() -> (JobKind, Vec<Uint8Array>),
    ) {
        for (index, out) in generated.answer.images.iter().enumerate() {
            let key = (run.id, request, index);
            let Some(blob) = generated.blob(index).cloned() else {
                self.set(
                    key,
                    CompositeState::Refused(made, work::LINK_ONLY_NO_PIXELS.get(lang()).into()),
                );
                continue;
            };
            self.set(key, CompositeState::Working(made));
            let record = derived_record(run, request, index, n, &out.mime, made.describe(lang()));
            let (kind, extra) = job();
            let this = *self;
            spawn_local(async move {
                let result = match blob_array(blob.blob(), lang()).await {
                    Ok(result) => result,
                    Err(why) => return this.set(key, CompositeState::Refused(made, why)),
                };
                let Some(worker) = this.worker.get_value() else {
                    return;
                };
                let mut buffers = vec![result];
                buffers.extend(extra);
                let job = worker.submit(kind, PrepSettings::default(), buffers, lang());
                this.pending.update_value(|p| {
                    p.insert(job, Pending { key, record, made });
                });
            });
        }
    }

    fn set(&self, key: ResultKey, state: CompositeState) {
        self.states.update(|s| {
            s.insert(key, state);
        });
    }

    fn on_result(&self, job: u64, result: JobResult) {
        let Some(pending) = self.pending.try_update_value(|p| p.remove(&job)).flatten() else {
            return;
        };
        let key = pending.key;
        let answer = match (result.message, pending.made) {
            (
                WorkerMessage::Composited {
                    mime,
                    width,
                    height,
                    painted_share,
                    ms,
                    ..
                },
                Made::KeptOutside { feather_px, .. },
            ) => Ok((
                mime,
                width,
                height,
                ms,
                Made::KeptOutside {
                    feather_px,
                    painted_share,
                },
            )),
            (
                WorkerMessage::CutOut {
                    mime,
                    width,
                    height,
                    transparent_share,
                    ms,
                    ..
                },
                Made::CutOut { key, .. },
            ) => Ok((
                mime,
                width,
                height,
                ms,
                Made::CutOut {
                    key,
                    transparent_share,
                },
            )),
            (WorkerMessage::Failed { message, .. }, _) => Err(message),
            _ => Err(work::UNEXPECTED_ANSWER_LOWER.get(lang()).into()),
        };
        match answer {
            Ok((mime, width, height, ms, made)) => {
                let array = result
                    .buffers
                    .first()
                    .cloned()
                    .unwrap_or_else(|| Uint8Array::new_with_length(0));
                let url = format!(
                    "data:{mime};base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(array.to_vec())
                );
                let blob = bytes_blob_of_array(&array, &mime);
                let image = ImageOut {
                    source: ImageSource::DataUrl(url.into()),
                    mime: mime.clone(),
                    revised_prompt: None,
                };
                let this = *self;
                spawn_local(async move {
                    // Kept before it is shown, like every result.
                    let note = match (this.gallery.get_value(), blob.clone()) {
                        (Some(gallery), Some(blob)) => {
                            let record = ImageRecord {
                                mime,
                                ..pending.record
                            };
                            gallery
                                .keep(vec![ToKeep {
                                    record,
                                    image: Kept::Bytes(blob),
                                }])
                                .await
                        }
                        (Some(_), None) => Some(work::CANNOT_HOLD_IMAGE.get(lang()).into()),
                        (None, _) => None,
                    };
                    this.set(
                        key,
                        CompositeState::Done {
                            image,
                            width,
                            height,
                            made,
                            ms,
                            save_note: note,
                            blob,
                        },
                    );
                });
            }
            Err(message) => self.set(key, CompositeState::Refused(pending.made, message)),
        }
    }
}
