//! Reference images and the mask: what the user added, their prep state, and the uploads an
//! edit request sends. Files are prepared in the prep worker (see `web::prep_worker`).
//!
//! Image 1 goes exactly as its own prep made it; a mask is fitted to that. Only with the
//! profile option "send image 1 as PNG when a mask is used" does the mask's job make image 1
//! again, as PNG, and then that PNG is what is sent (and what its card shows, `as_sent`).

use std::collections::HashMap;
use std::sync::Arc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::app::lang::lang;
use crate::web::prep_worker::{device_pool_size, use_prep_worker, JobResult, PrepWorker};
use crate::web::storage::{use_stored_string, StorageKind};
use studio_core::api::mime;
use studio_core::api::upload::{EditUploads, Upload};
use studio_core::file_names::edit_file_names;
use studio_core::i18n::text::work;
use studio_core::prep::mask::MaskTarget;
use studio_core::prep::pipeline::PrepReport;
use studio_core::prep::protocol::{JobKind, WorkerMessage};
use studio_core::prep::{PrepSettings, MAX_REFERENCES};

#[derive(Clone, Debug, PartialEq)]
pub enum RefState {
    Working,
    Ready {
        upload: Upload,
        /// How it was prepared (None for an upload added from elsewhere).
        report: Option<Box<PrepReport>>,
        /// Object URL of the prepared bytes, for the thumbnail.
        thumb_url: String,
    },
    Error(String),
}

/// One reference in upload order.
#[derive(Clone, Debug, PartialEq)]
pub struct RefItem {
    pub key: u64,
    pub name: String,
    pub state: RefState,
    /// The prep job whose answer is awaited (older answers are ignored).
    job: u64,
}

impl RefItem {
    /// Changes whenever the item must be drawn again (cheap: never looks at the bytes).
    pub fn render_key(&self) -> (u64, u8) {
        let state = match self.state {
            RefState::Working => 0,
            RefState::Ready { .. } => 1,
            RefState::Error(_) => 2,
        };
        (self.job, state)
    }
}

/// Which image 1 a mask was (or is being) prepared for: the reference, the prep job that made
/// its file, and whether image 1 goes as PNG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaskFor {
    pub key: u64,
    job: u64,
    pub image_png: bool,
}

/// Image 1 as PNG, made beside the mask (the profile option).
#[derive(Clone, Debug, PartialEq)]
pub struct PngImage {
    pub upload: Upload,
    pub report: PrepReport,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MaskState {
    None,
    Working {
        name: String,
    },
    Ready {
        name: String,
        /// The mask as sent: a PNG of image 1's size as sent.
        mask: Upload,
        mask_report: Box<PrepReport>,
        /// Image 1 as PNG when the profile asks for it; `None`: image 1 goes as prepared.
        image: Option<Box<PngImage>>,
        made_for: MaskFor,
    },
    Refused {
        name: String,
        message: String,
    },
}

/// What image `key` goes as (see `References::as_sent`).
#[derive(Clone, Debug, PartialEq)]
pub enum AsSent {
    /// Its own prepared file.
    Own,
    /// Image 1 is being made again as PNG for the mask: nothing is sent until it is ready.
    Pending,
    /// Image 1 as PNG, for the mask.
    Png(Box<PngImage>),
}

/// What a finished job belongs to.
#[derive(Clone, Copy)]
enum JobTarget {
    Item(u64),
    Mask(MaskFor),
}

/// The image 1 a mask would be prepared for now: the first reference not in error.
fn mask_for(items: &[RefItem], image_png: bool) -> Option<MaskFor> {
    items
        .iter()
        .find(|i| !matches!(i.state, RefState::Error(_)))
        .map(|i| MaskFor {
            key: i.key,
            job: i.job,
            image_png,
        })
}

#[derive(Clone, Copy)]
pub struct References {
    pub items: RwSignal<Vec<RefItem>>,
    pub mask: RwSignal<MaskState>,
    /// A one-line notice about the list (too many files, ...).
    pub notice: RwSignal<Option<String>>,
    /// Stored settings as typed: long edge (px), byte budget (MB), text mode ("1" or "").
    pub max_edge: RwSignal<String>,
    pub budget_mb: RwSignal<String>,
    pub text_mode: RwSignal<String>,
    /// The profile option: with a mask, image 1 goes as PNG too.
    image_png: Signal<bool>,
    files: StoredValue<HashMap<u64, File>, LocalStorage>,
    mask_file: StoredValue<Option<File>, LocalStorage>,
    jobs: StoredValue<HashMap<u64, JobTarget>>,
    mask_job: StoredValue<u64>,
    next_key: StoredValue<u64>,
    worker: StoredValue<Option<PrepWorker>, LocalStorage>,
}

impl References {
    /// `image_png`: the active profile's option "send image 1 as PNG when a mask is used".
    pub fn new(image_png: Signal<bool>) -> Self {
        let refs = References {
            items: RwSignal::new(Vec::new()),
            mask: RwSignal::new(MaskState::None),
            notice: RwSignal::new(None),
            max_edge: use_stored_string(StorageKind::Local, "gis.prep.max_edge", "2048"),
            budget_mb: use_stored_string(StorageKind::Local, "gis.prep.budget_mb", "1.5"),
            text_mode: use_stored_string(StorageKind::Local, "gis.prep.text_mode", ""),
            image_png,
            files: StoredValue::new_local(HashMap::new()),
            mask_file: StoredValue::new_local(None),
            jobs: StoredValue::new(HashMap::new()),
            mask_job: StoredValue::new(0),
            next_key: StoredValue::new(1),
            worker: StoredValue::new_local(None),
        };
        let worker = use_prep_worker(device_pool_size(), move |id, result| {
            refs.on_result(id, result)
        });
        // Loaded while the page is idle, so the first file does not wait for the codecs.
        worker.warm_up_when_idle();
        refs.worker.set_value(Some(worker));
        // New settings re-prepare everything that came from a file.
        Effect::new(move |previous: Option<PrepSettings>| {
            let settings = refs.settings();
            if previous.is_some_and(|p| p != settings) {
                refs.reprepare_all();
            }
            settings
        });
        // Another answer to "image 1 as PNG?" makes the mask (and maybe image 1) again.
        Effect::new(move |previous: Option<bool>| {
            let on = refs.image_png.get();
            if previous.is_some_and(|p| p != on) {
                refs.refresh_mask();
            }
            on
        });
        refs
    }

    /// The prep settings (reactive).
    pub fn settings(&self) -> PrepSettings {
        PrepSettings::from_fields(
            &self.max_edge.get(),
            &self.budget_mb.get(),
            !self.text_mode.get().is_empty(),
        )
    }

    /// References that are or will be sent: every item not in error (reactive).
    pub fn count(&self) -> usize {
        self.items.with(|items| {
            items
                .iter()
                .filter(|i| !matches!(i.state, RefState::Error(_)))
                .count()
        })
    }

    fn new_key(&self) -> u64 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    /// Adds files (picker, drop, paste or a history item) up to the 16-reference limit and
    /// starts their prep. Returns how many were added.
    pub fn add_files(&self, files: Vec<File>) -> usize {
        let already = self.items.with_untracked(Vec::len);
        let room = MAX_REFERENCES.saturating_sub(already);
        if files.len() > room {
            let left_out: Vec<String> = files[room..].iter().map(File::name).collect();
            self.notice.set(Some(studio_core::prep::left_out_note(
                &left_out,
                files.len(),
                already,
                lang(),
            )));
        } else {
            self.notice.set(None);
        }
        let added = files.len().min(room);
        for file in files.into_iter().take(room) {
            let key = self.new_key();
            self.items.update(|items| {
                items.push(RefItem {
                    key,
                    name: file.name(),
                    state: RefState::Working,
                    job: 0,
                })
            });
            self.files.update_value(|f| {
                f.insert(key, file);
            });
            self.prepare_item(key);
        }
        self.refresh_mask();
        added
    }

    fn prepare_item(&self, key: u64) {
        let Some(file) = self.files.with_value(|f| f.get(&key).cloned()) else {
            return;
        };
        let refs = *self;
        let settings = self.settings_untracked();
        spawn_local(async move {
            let bytes = match read_file(&file).await {
                Ok(bytes) => bytes,
                Err(message) => return refs.set_state(key, None, RefState::Error(message)),
            };
            let Some(worker) = refs.worker.get_value() else {
                return;
            };
            let job = worker.submit(JobKind::Reference, settings, vec![bytes], lang());
            refs.jobs.update_value(|j| {
                j.insert(job, JobTarget::Item(key));
            });
            refs.items.update(|items| {
                if let Some(item) = items.iter_mut().find(|i| i.key == key) {
                    item.job = job;
                }
            });
        });
    }

    fn settings_untracked(&self) -> PrepSettings {
        untrack(|| self.settings())
    }

    fn reprepare_all(&self) {
        let keys: Vec<u64> = self
            .items
            .with_untracked(|items| items.iter().map(|i| i.key).collect());
        for key in keys {
            if self.files.with_value(|f| f.contains_key(&key)) {
                self.set_state(key, None, RefState::Working);
                self.prepare_item(key);
            }
        }
        self.mask_job.set_value(0);
        self.refresh_mask();
    }

    /// Sets an item's state; with `job`, only if that job is the one awaited.
    fn set_state(&self, key: u64, job: Option<u64>, state: RefState) {
        self.items.update(|items| {
            if let Some(item) = items.iter_mut().find(|i| i.key == key) {
                if job.is_none_or(|j| j == item.job) {
                    if let RefState::Ready { thumb_url, .. } = &item.state {
                        let _ = web_sys::Url::revoke_object_url(thumb_url);
                    }
                    item.state = state;
                }
            }
        });
    }

    fn on_result(&self, job: u64, result: JobResult) {
        let Some(target) = self.jobs.try_update_value(|j| j.remove(&job)).flatten() else {
            return;
        };
        let bytes = |i: usize| -> Arc<[u8]> {
            result
                .buffers
                .get(i)
                .map(|a| a.to_vec().into())
                .unwrap_or_else(|| Arc::from([]))
        };
        match (target, result.message) {
            (JobTarget::Item(key), WorkerMessage::Prepared { report, .. }) => {
                let upload = upload_from(&report, bytes(0), "ref");
                let thumb_url = object_url(&upload.bytes, &upload.content_type);
                self.set_state(
                    key,
                    Some(job),
                    RefState::Ready {
                        upload,
                        report: Some(Box::new(report)),
                        thumb_url,
                    },
                );
                self.refresh_mask();
            }
            (JobTarget::Item(key), WorkerMessage::Failed { message, .. }) => {
                self.set_state(key, Some(job), RefState::Error(message));
                self.refresh_mask();
            }
            (JobTarget::Mask(made_for), message) if self.mask_job.get_value() == job => {
                let name = self.mask_name();
                self.mask.set(match message {
                    WorkerMessage::MaskPrepared { mask, .. } => MaskState::Ready {
                        name,
                        mask: upload_from(&mask, bytes(0), "mask"),
                        mask_report: Box::new(mask),
                        image: None,
                        made_for,
                    },
                    WorkerMessage::PreparedWithMask { image, mask, .. } => MaskState::Ready {
                        name,
                        mask: upload_from(&mask, bytes(1), "mask"),
                        mask_report: Box::new(mask),
                        image: Some(Box::new(PngImage {
                            upload: upload_from(&image, bytes(0), "ref"),
                            report: image,
                        })),
                        made_for,
                    },
                    WorkerMessage::MaskRefused { message, .. } => {
                        MaskState::Refused { name, message }
                    }
                    WorkerMessage::Failed { message, .. } => MaskState::Refused {
                        name,
                        message: studio_core::tr!(lang(), work::IMAGE_1_FAILED, message = message),
                    },
                    _ => MaskState::Refused {
                        name,
                        message: work::UNEXPECTED_ANSWER.get(lang()).into(),
                    },
                });
            }
            _ => {}
        }
    }

    fn mask_name(&self) -> String {
        self.mask_file
            .with_value(|f| f.as_ref().map(File::name))
            .unwrap_or_default()
    }

    /// Sets (or with None clears) the mask for image 1.
    pub fn set_mask(&self, file: Option<File>) {
        self.mask_job.set_value(0);
        match file {
            Some(file) => {
                self.mask.set(MaskState::Working { name: file.name() });
                self.mask_file.set_value(Some(file));
                self.refresh_mask();
            }
            None => {
                self.mask_file.set_value(None);
                self.mask.set(MaskState::None);
            }
        }
    }

    /// Prepares the mask for the current image 1 unless that is already done or under way:
    /// fitted to image 1 as prepared, or with the profile option, beside image 1 made again
    /// as PNG.
    fn refresh_mask(&self) {
        let Some(mask_file) = self.mask_file.get_value() else {
            return;
        };
        let name = mask_file.name();
        let image_png = self.image_png.get_untracked();
        let first = self.items.with_untracked(|items| {
            items
                .iter()
                .find(|i| !matches!(i.state, RefState::Error(_)))
                .cloned()
        });
        let (Some(first), Some(wanted)) = (
            first,
            self.items
                .with_untracked(|items| mask_for(items, image_png)),
        ) else {
            self.mask_job.set_value(0);
            self.mask.set(MaskState::Refused {
                name,
                message: work::MASK_NEEDS_IMAGE_1.get(lang()).into(),
            });
            return;
        };
        let done = self.mask.with_untracked(|m| match m {
            MaskState::Ready { made_for, .. } => *made_for == wanted,
            _ => false,
        });
        let pending = self.mask_job.get_value();
        let under_way = pending != 0
            && self.jobs.with_value(
                |j| matches!(j.get(&pending), Some(JobTarget::Mask(m)) if *m == wanted),
            );
        if done || under_way {
            return;
        }
        self.mask.set(MaskState::Working { name });
        let RefState::Ready { upload, report, .. } = &first.state else {
            // Image 1 is still being prepared; its result calls back here.
            self.mask_job.set_value(0);
            return;
        };
        let settings = self.settings_untracked();
        let target = match report {
            Some(report) => MaskTarget::of(report, settings.max_edge),
            None => MaskTarget {
                oriented: (upload.width, upload.height),
                fitted: (upload.width, upload.height),
                sent: (upload.width, upload.height),
            },
        };
        let image_file = self.files.with_value(|f| f.get(&first.key).cloned());
        let fallback = upload.bytes.clone();
        let refs = *self;
        // A job queued now answers for `wanted`; until its id is known, no older answer counts.
        self.mask_job.set_value(0);
        spawn_local(async move {
            let mask = match read_file(&mask_file).await {
                Ok(mask) => mask,
                Err(message) => {
                    return refs.mask.set(MaskState::Refused {
                        name: mask_file.name(),
                        message,
                    })
                }
            };
            let (kind, buffers) = if image_png {
                let image = match image_file {
                    Some(file) => read_file(&file).await,
                    None => Ok(Uint8Array::from(&fallback[..])),
                };
                match image {
                    Ok(image) => (JobKind::PngImageWithMask, vec![image, mask]),
                    Err(message) => {
                        return refs.mask.set(MaskState::Refused {
                            name: mask_file.name(),
                            message,
                        })
                    }
                }
            } else {
                (JobKind::Mask { target }, vec![mask])
            };
            let Some(worker) = refs.worker.get_value() else {
                return;
            };
            let job = worker.submit(kind, settings, buffers, lang());
            refs.jobs.update_value(|j| {
                j.insert(job, JobTarget::Mask(wanted));
            });
            refs.mask_job.set_value(job);
        });
    }

    /// What image `key` goes as (reactive): its own prepared file, except image 1 with a mask
    /// and the profile option, which goes as the PNG made beside the mask.
    pub fn as_sent(&self, key: u64) -> AsSent {
        let image_png = self.image_png.get();
        let Some(wanted) = self.items.with(|items| mask_for(items, image_png)) else {
            return AsSent::Own;
        };
        if !image_png || wanted.key != key {
            return AsSent::Own;
        }
        self.mask.with(|m| match m {
            MaskState::Ready {
                image: Some(image),
                made_for,
                ..
            } if *made_for == wanted => AsSent::Png(image.clone()),
            MaskState::Working { .. } | MaskState::Ready { .. } => AsSent::Pending,
            MaskState::None | MaskState::Refused { .. } => AsSent::Own,
        })
    }

    pub fn remove(&self, key: u64) {
        self.set_state(key, None, RefState::Working); // revokes the thumbnail URL
        self.items.update(|items| items.retain(|i| i.key != key));
        self.files.update_value(|f| {
            f.remove(&key);
        });
        self.refresh_mask();
    }

    /// Moves an item one place up (`-1`) or down (`1`).
    pub fn shift(&self, key: u64, by: isize) {
        self.items.update(|items| {
            if let Some(at) = items.iter().position(|i| i.key == key) {
                let to = at as isize + by;
                if (0..items.len() as isize).contains(&to) {
                    items.swap(at, to as usize);
                }
            }
        });
        self.refresh_mask();
    }

    /// Whether a reference or the mask is still being prepared (reactive): an edit sent now
    /// would be refused, so Generate waits for it.
    pub fn preparing(&self) -> bool {
        let items_working = self
            .items
            .with(|items| items.iter().any(|i| i.state == RefState::Working));
        let wanted = self
            .items
            .with(|items| mask_for(items, self.image_png.get()));
        let mask_working = self.mask.with(|m| match m {
            MaskState::Working { .. } => true,
            MaskState::Ready { made_for, .. } => Some(*made_for) != wanted,
            _ => false,
        });
        items_working || mask_working
    }

    /// The files an edit sends, read untracked: `Ok(None)` without references, an error
    /// sentence while anything is being prepared or the mask is refused.
    pub fn edit_uploads(&self) -> Result<Option<EditUploads>, String> {
        let items = self.items.get_untracked();
        let mask = self.mask.get_untracked();
        if items.is_empty() {
            return match mask {
                MaskState::None => Ok(None),
                _ => Err(work::MASK_NEEDS_REFERENCE.get(lang()).into()),
            };
        }
        if items.iter().any(|i| i.state == RefState::Working) {
            return Err(work::REFERENCES_PREPARING.get(lang()).into());
        }
        let ready: Vec<(u64, Upload)> = items
            .iter()
            .filter_map(|i| match &i.state {
                RefState::Ready { upload, .. } => Some((i.key, upload.clone())),
                _ => None,
            })
            .collect();
        if ready.is_empty() {
            return Err(work::NONE_PREPARED.get(lang()).into());
        }
        let mut images: Vec<Upload> = ready.iter().map(|(_, u)| u.clone()).collect();
        let mask = match mask {
            MaskState::None => None,
            MaskState::Working { .. } => return Err(work::MASK_PREPARING.get(lang()).into()),
            MaskState::Refused { message, .. } => {
                return Err(studio_core::tr!(
                    lang(),
                    work::MASK_UNUSABLE,
                    message = message
                ))
            }
            MaskState::Ready {
                image,
                mask,
                made_for,
                ..
            } => {
                let wanted = mask_for(&items, self.image_png.get_untracked());
                if Some(made_for) != wanted || made_for.key != ready[0].0 {
                    return Err(work::MASK_PREPARING.get(lang()).into());
                }
                if let Some(image) = image {
                    images[0] = image.upload;
                }
                if (mask.width, mask.height) != (images[0].width, images[0].height) {
                    return Err(studio_core::tr!(
                        lang(),
                        work::MASK_SIZE_MISMATCH,
                        mask_w = mask.width,
                        mask_h = mask.height,
                        w = images[0].width,
                        h = images[0].height
                    ));
                }
                Some(mask)
            }
        };
        for (i, upload) in images.iter_mut().enumerate() {
            upload.file_name = format!("image-{}.{}", i + 1, mime::extension(&upload.content_type));
        }
        Ok(Some(EditUploads { images, mask }))
    }

    /// The same uploads for "Copy as code" (reactive): the files an edit sends now, each named
    /// as it is offered for download beside the snippet, after the user's own file
    /// (`file_names::edit_file_names`), where the request itself numbers them `image-1`, ...
    pub fn code_uploads(&self) -> Result<Option<EditUploads>, String> {
        self.items.track();
        self.mask.track();
        let Some(mut uploads) = self.edit_uploads()? else {
            return Ok(None);
        };
        // `edit_uploads` sends the ready items in order (image 1 replaced when masked).
        let originals: Vec<String> = self.items.with_untracked(|items| {
            items
                .iter()
                .filter(|i| matches!(i.state, RefState::Ready { .. }))
                .map(|i| i.name.clone())
                .collect()
        });
        let mask_name = self.mask.with_untracked(|m| match m {
            MaskState::Ready { name, .. } => name.clone(),
            _ => String::new(),
        });
        let images: Vec<(&str, &str)> = originals
            .iter()
            .zip(&uploads.images)
            .map(|(name, u)| (name.as_str(), u.content_type.as_str()))
            .collect();
        let (names, mask) = edit_file_names(
            &images,
            uploads
                .mask
                .as_ref()
                .map(|m| (mask_name.as_str(), m.content_type.as_str())),
        );
        for (upload, name) in uploads.images.iter_mut().zip(names) {
            upload.file_name = name;
        }
        if let (Some(upload), Some(name)) = (uploads.mask.as_mut(), mask) {
            upload.file_name = name;
        }
        Ok(Some(uploads))
    }
}

fn upload_from(report: &PrepReport, bytes: Arc<[u8]>, stem: &str) -> Upload {
    Upload {
        file_name: format!("{stem}.{}", mime::extension(&report.mime)),
        content_type: report.mime.clone(),
        bytes,
        width: report.width,
        height: report.height,
    }
}

async fn read_file(file: &File) -> Result<Uint8Array, String> {
    JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| Uint8Array::new(&buffer))
        .map_err(|e| {
            studio_core::tr!(
                lang(),
                work::FILE_UNREADABLE,
                name = file.name(),
                e = format!("{e:?}")
            )
        })
}

/// A blob: URL for showing bytes as an image (revoked when the item changes or goes).
pub fn object_url(bytes: &[u8], mime_type: &str) -> String {
    let array = Uint8Array::from(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(&array), &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
}
