//! The history as the page sees it: records listed from IndexedDB with their thumbnails,
//! saving finished images before they are shown, deleting, and the storage figures.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Blob;

use crate::app::runs::Run;
use crate::web::download::data_url_bytes;
use crate::web::http::Generated;
use crate::web::idb::{self, HistoryDb};
use crate::web::thumbnail::thumbnail;
use studio_core::api::response::{ImageOut, ImageSource};
use studio_core::history::record::{self, ImageRecord, SCHEMA_VERSION};

mod kept_link;

/// One listed item: its record and an object URL of its thumbnail.
#[derive(Clone, Debug, PartialEq)]
pub struct GalleryItem {
    pub record: ImageRecord,
    pub thumb_url: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Gallery {
    /// Newest first.
    pub items: RwSignal<Vec<GalleryItem>>,
    /// Why the history cannot be used or read completely, if it cannot.
    pub problem: RwSignal<Option<String>>,
    /// "12.4 MB used of 1.2 GB available · kept persistently".
    pub usage: RwSignal<Option<String>>,
    pub loaded: RwSignal<bool>,
    db: StoredValue<Option<HistoryDb>, LocalStorage>,
    persisted: StoredValue<bool>,
}

fn bytes_blob(bytes: &[u8], mime: &str) -> Option<Blob> {
    crate::web::download::bytes_blob(bytes, mime).ok()
}

fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

/// "12.4 MB".
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

impl Gallery {
    pub fn new() -> Self {
        Gallery {
            items: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            usage: RwSignal::new(None),
            loaded: RwSignal::new(false),
            db: StoredValue::new_local(None),
            persisted: StoredValue::new(false),
        }
    }

    /// Opens the database, lists what it holds, and asks for persistent storage.
    pub fn load(self) {
        spawn_local(async move {
            self.persisted.set_value(idb::request_persistence().await);
            match HistoryDb::open().await {
                Ok(db) => {
                    self.db.set_value(Some(db.clone()));
                    match db.list().await {
                        Ok(stored) => {
                            let mut unreadable = Vec::new();
                            let mut items: Vec<GalleryItem> = stored
                                .into_iter()
                                .filter_map(|s| match record::decode(&s.meta) {
                                    Ok(record) => Some(GalleryItem {
                                        record,
                                        thumb_url: s.thumb.as_ref().and_then(object_url),
                                    }),
                                    Err(e) => {
                                        unreadable.push(e.to_string());
                                        None
                                    }
                                })
                                .collect();
                            items.sort_by(|a, b| b.record.id.cmp(&a.record.id));
                            self.items.set(items);
                            if let Some(first) = unreadable.first() {
                                self.problem.set(Some(format!(
                                    "{} stored item(s) could not be read and are not listed: {first}.",
                                    unreadable.len()
                                )));
                            }
                        }
                        Err(e) => self
                            .problem
                            .set(Some(format!("The history could not be read: {e}."))),
                    }
                }
                Err(e) => self.problem.set(Some(format!(
                    "Results cannot be kept in this browser: {e}. Download what you want to keep."
                ))),
            }
            self.loaded.set(true);
            self.refresh_usage().await;
        });
    }

    async fn refresh_usage(self) {
        if let Some((used, quota)) = idb::storage_estimate().await {
            let kept = if self.persisted.get_value() {
                "kept persistently"
            } else {
                "the browser may clear it under storage pressure"
            };
            self.usage.set(Some(format!(
                "{} used of {} available · {kept}",
                format_bytes(used),
                format_bytes(quota)
            )));
        }
    }

    /// Saves every image of a finished request, each whole or not at all. Returns a
    /// sentence for the user when something could not be kept.
    pub async fn save(
        self,
        run: &Run,
        request: usize,
        n: u8,
        generated: &Generated,
    ) -> Option<String> {
        let db = match self.open_db() {
            Ok(db) => db,
            Err(why) => return Some(why),
        };
        let mut problems = Vec::new();
        let created_ms = js_sys::Date::now();
        for (index, image) in generated.answer.images.iter().enumerate() {
            let mut record = new_record(run, n, created_ms, image);
            record.id = record::record_id(created_ms, run.id, request, index);
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
            if let Err(why) = self.store(&db, record, image).await {
                problems.push(why);
            }
        }
        self.refresh_usage().await;
        problems.first().cloned()
    }

    /// Saves an image made here from result `index` of request `request` (e.g. image 1 kept
    /// outside the mask), beside the raw result. Returns why not, when it could not be kept.
    pub async fn save_derived(
        self,
        run: &Run,
        request: usize,
        index: usize,
        n: u8,
        image: &ImageOut,
        derived: String,
    ) -> Option<String> {
        let db = match self.open_db() {
            Ok(db) => db,
            Err(why) => return Some(why),
        };
        let created_ms = js_sys::Date::now();
        let mut record = new_record(run, n, created_ms, image);
        record.id = format!(
            "{}-k",
            record::record_id(created_ms, run.id, request, index)
        );
        record.derived = Some(derived);
        let result = self.store(&db, record, image).await;
        self.refresh_usage().await;
        result.err()
    }

    fn open_db(self) -> Result<HistoryDb, String> {
        self.db.get_value().ok_or_else(|| {
            self.problem.get_untracked().unwrap_or_else(|| {
                "The history is not open yet; download this image to keep it.".into()
            })
        })
    }

    /// Stores one image (its bytes and a thumbnail, or only its link) and lists it.
    async fn store(
        self,
        db: &HistoryDb,
        mut record: ImageRecord,
        image: &ImageOut,
    ) -> Result<(), String> {
        let (blob, thumb) = match &image.source {
            ImageSource::DataUrl(url) => {
                let bytes = data_url_bytes(url)
                    .map_err(|_| "an image's data is damaged and was not saved".to_string())?;
                record.bytes = bytes.len() as u64;
                let thumb = match thumbnail(url).await {
                    Ok((w, h, thumb_url)) => {
                        record.width = w;
                        record.height = h;
                        data_url_bytes(&thumb_url)
                            .ok()
                            .and_then(|b| bytes_blob(&b, "image/webp"))
                    }
                    Err(_) => None,
                };
                (bytes_blob(&bytes, &image.mime), thumb)
            }
            ImageSource::Url(url) => {
                record.link = Some(url.clone());
                (None, None)
            }
        };
        db.put(
            &record.id,
            &record::encode(&record),
            thumb.as_ref(),
            blob.as_ref(),
        )
        .await
        .map_err(|e| e.to_string())?;
        let item = GalleryItem {
            thumb_url: thumb.as_ref().and_then(object_url),
            record,
        };
        self.items.update(|list| list.insert(0, item));
        Ok(())
    }

    /// The full image of an item, when it was stored.
    pub async fn image(self, id: &str) -> Result<Option<Blob>, String> {
        let db = self.db.get_value().ok_or("the history is not open")?;
        db.image(id).await
    }

    /// The stored images of `ids` (all when `None`) as one ZIP, in list order. Link-only items
    /// have no bytes and are left out; the count of those is returned too.
    pub async fn zip(self, ids: Option<Vec<String>>) -> Result<(Vec<u8>, usize), String> {
        let records: Vec<ImageRecord> = self.items.with_untracked(|list| {
            list.iter()
                .filter(|i| ids.as_ref().is_none_or(|ids| ids.contains(&i.record.id)))
                .map(|i| i.record.clone())
                .collect()
        });
        let mut files = Vec::new();
        let mut skipped = 0;
        for (index, record) in records.iter().enumerate() {
            match self.image(&record.id).await? {
                Some(blob) => {
                    let name = studio_core::file_names::result_file_name(
                        &record.params.model,
                        &record.params.prompt,
                        (record.created_ms / 1000.0) as i64,
                        index,
                        &record.mime,
                    );
                    files.push((name, idb::blob_bytes(&blob).await?));
                }
                None => skipped += 1,
            }
        }
        if files.is_empty() {
            return Err("none of these items has a stored image".into());
        }
        let entries: Vec<(String, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.clone(), b.as_slice()))
            .collect();
        Ok((studio_core::prep::zip::write_stored_zip(&entries)?, skipped))
    }

    /// An item's stored image as a file for the references ("Edit this"). It goes through
    /// reference prep like any other file, so the byte budget and long edge apply to it too.
    pub async fn as_file(self, record: &ImageRecord) -> Result<web_sys::File, String> {
        let blob = self
            .image(&record.id)
            .await?
            .ok_or("only a link was kept for this image")?;
        let name = studio_core::file_names::result_file_name(
            &record.params.model,
            &record.params.prompt,
            (record.created_ms / 1000.0) as i64,
            0,
            &record.mime,
        );
        let options = web_sys::FilePropertyBag::new();
        options.set_type(&record.mime);
        web_sys::File::new_with_blob_sequence_and_options(
            &js_sys::Array::of1(&blob),
            &name,
            &options,
        )
        .map_err(|_| "the browser could not make a file of it".to_string())
    }

    /// Deletes the given items, or all (`None`).
    pub async fn delete(self, ids: Option<Vec<String>>) -> Result<(), String> {
        let db = self.db.get_value().ok_or("the history is not open")?;
        db.delete(ids.as_deref()).await?;
        self.items.update(|list| {
            let gone =
                |item: &GalleryItem| ids.as_ref().is_none_or(|ids| ids.contains(&item.record.id));
            for item in list.iter().filter(|i| gone(i)) {
                if let Some(url) = &item.thumb_url {
                    let _ = web_sys::Url::revoke_object_url(url);
                }
            }
            list.retain(|i| !gone(i));
        });
        self.refresh_usage().await;
        Ok(())
    }
}

/// A record for an image of `run`, without the per-answer fields.
fn new_record(run: &Run, n: u8, created_ms: f64, image: &ImageOut) -> ImageRecord {
    ImageRecord {
        v: SCHEMA_VERSION,
        id: String::new(),
        created_ms,
        params: studio_core::api::request::ImageParams {
            n,
            ..run.params.clone()
        },
        base_url: run.base_url.clone(),
        revised_prompt: None,
        usage: None,
        elapsed_ms: 0.0,
        request_id: None,
        mime: image.mime.clone(),
        width: 0,
        height: 0,
        bytes: 0,
        link: None,
        references: run.uploads.as_ref().map_or(0, |u| u.images.len() as u32),
        derived: None,
        link_expires_ms: None,
    }
}

impl Default for Gallery {
    fn default() -> Self {
        Self::new()
    }
}
