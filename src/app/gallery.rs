//! The history as the page sees it: records listed from IndexedDB with their thumbnails,
//! saving finished images before they are shown, deleting, and the storage figures.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Blob;

use crate::app::lang::lang;
use crate::web::blob::LocalBlob;
use crate::web::idb::{self, HistoryDb};
use crate::web::thumbnail::thumbnail;
use studio_core::history::record::{self, ImageRecord};
use studio_core::i18n::text::{history, storage};
use studio_core::prep::zip::{crc32, ZipWriter};
use studio_core::tr;

mod kept_link;

/// One listed item: its record and its thumbnail's bytes (the view that shows it makes an
/// object URL of them and revokes it when it goes).
#[derive(Clone, Debug, PartialEq)]
pub struct GalleryItem {
    pub record: ImageRecord,
    pub thumb: Option<LocalBlob>,
}

/// An image for the history: its record, complete but for what storing finds out (size in
/// bytes, width and height), and its bytes, or the link that is all there is of it.
pub struct ToKeep {
    pub record: ImageRecord,
    pub image: Kept,
}

pub enum Kept {
    Bytes(LocalBlob),
    Link(String),
    /// A `data:` URL whose base64 could not be read.
    Damaged,
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
                                        thumb: s.thumb.map(LocalBlob::new),
                                    }),
                                    Err(e) => {
                                        unreadable.push(e.message(lang()));
                                        None
                                    }
                                })
                                .collect();
                            items.sort_by(|a, b| b.record.id.cmp(&a.record.id));
                            self.items.set(items);
                            if let Some(first) = unreadable.first() {
                                self.problem.set(Some(tr!(
                                    lang(),
                                    storage::UNREADABLE_ITEMS,
                                    n = unreadable.len(),
                                    first = first
                                )));
                            }
                        }
                        Err(e) => {
                            let lang = lang();
                            self.problem.set(Some(tr!(
                                lang,
                                storage::READ_FAILED,
                                e = e.message(lang)
                            )))
                        }
                    }
                }
                Err(e) => {
                    let lang = lang();
                    self.problem
                        .set(Some(tr!(lang, storage::CANNOT_KEEP, e = e.message(lang))))
                }
            }
            self.loaded.set(true);
            self.refresh_usage().await;
        });
    }

    async fn refresh_usage(self) {
        if let Some((used, quota)) = idb::storage_estimate().await {
            use studio_core::i18n::text::common;
            let lang = lang();
            let kept = if self.persisted.get_value() {
                common::KEPT_PERSISTENTLY
            } else {
                common::MAY_BE_CLEARED
            };
            self.usage.set(Some(studio_core::tr!(
                lang,
                common::STORAGE_USAGE,
                used = format_bytes(used),
                quota = format_bytes(quota),
                kept = kept.get(lang)
            )));
        }
    }

    /// Stores each image whole or not at all (bytes, thumbnail and record in one write).
    /// Returns a sentence for the user when something could not be kept.
    pub async fn keep(self, images: Vec<ToKeep>) -> Option<String> {
        let db = match self.open_db() {
            Ok(db) => db,
            Err(why) => return Some(why),
        };
        let mut problems = Vec::new();
        for image in images {
            if let Err(why) = self.store(&db, image).await {
                problems.push(why);
            }
        }
        self.refresh_usage().await;
        problems.first().cloned()
    }

    fn open_db(self) -> Result<HistoryDb, String> {
        self.db.get_value().ok_or_else(|| {
            self.problem
                .get_untracked()
                .unwrap_or_else(|| storage::NOT_OPEN_YET.get(lang()).into())
        })
    }

    /// Stores one image (its bytes and a thumbnail, or only its link) and lists it.
    async fn store(self, db: &HistoryDb, kept: ToKeep) -> Result<(), String> {
        let ToKeep { mut record, image } = kept;
        let (blob, thumb) = match image {
            Kept::Bytes(blob) => {
                record.bytes = blob.size();
                let thumb = match thumbnail(blob.blob()).await {
                    Ok((w, h, thumb)) => {
                        (record.width, record.height) = (w, h);
                        Some(thumb)
                    }
                    Err(_) => None,
                };
                (Some(blob), thumb)
            }
            Kept::Link(url) => {
                record.link = Some(url);
                (None, None)
            }
            Kept::Damaged => return Err(storage::DAMAGED.get(lang()).into()),
        };
        db.put(
            &record.id,
            &record::encode(&record),
            thumb.as_ref(),
            blob.as_ref().map(LocalBlob::blob),
        )
        .await
        .map_err(|e| e.message(lang()))?;
        let item = GalleryItem {
            thumb: thumb.map(LocalBlob::new),
            record,
        };
        self.items.update(|list| list.insert(0, item));
        Ok(())
    }

    /// The full image of an item, when it was stored.
    pub async fn image(self, id: &str) -> Result<Option<Blob>, String> {
        let db = self.open_or(storage::NOT_OPEN)?;
        db.image(id).await.map_err(|e| e.message(lang()))
    }

    /// The open database, or `why_not` (in the current language).
    fn open_or(self, why_not: studio_core::i18n::Text) -> Result<HistoryDb, String> {
        self.db
            .get_value()
            .ok_or_else(|| why_not.get(lang()).to_string())
    }

    /// The stored images of `ids` (all when `None`) as one ZIP, in list order: a Blob of
    /// parts (each file's header, then its stored Blob as it is), so the history is never
    /// held twice in memory; one image at a time is read, for its checksum. Link-only items
    /// have no bytes and are left out; the count of those is returned too.
    pub async fn zip(self, ids: Option<Vec<String>>) -> Result<(Blob, usize), String> {
        let records: Vec<ImageRecord> = self.items.with_untracked(|list| {
            list.iter()
                .filter(|i| ids.as_ref().is_none_or(|ids| ids.contains(&i.record.id)))
                .map(|i| i.record.clone())
                .collect()
        });
        let parts = js_sys::Array::new();
        let mut writer = ZipWriter::default();
        let mut skipped = 0;
        for (index, record) in records.iter().enumerate() {
            let Some(blob) = self.image(&record.id).await? else {
                skipped += 1;
                continue;
            };
            let name = studio_core::file_names::result_file_name(
                &record.params.model,
                &record.params.prompt,
                (record.created_ms / 1000.0) as i64,
                index,
                &record.mime,
            );
            let bytes = idb::blob_bytes(&blob)
                .await
                .map_err(|e| e.message(lang()))?;
            let crc = crc32(&bytes);
            let header = writer
                .entry(
                    &name,
                    crc,
                    blob.size() as u64,
                    crate::web::local_secs(record.created_ms),
                )
                .map_err(|e| e.message(lang()))?;
            parts.push(&js_sys::Uint8Array::from(&header[..]));
            parts.push(&blob);
        }
        if parts.length() == 0 {
            return Err(storage::NO_STORED_IMAGE.get(lang()).into());
        }
        let end = writer.finish().map_err(|e| e.message(lang()))?;
        parts.push(&js_sys::Uint8Array::from(&end[..]));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/zip");
        let zip = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(|_| storage::ZIP_FAILED.get(lang()).to_string())?;
        Ok((zip, skipped))
    }

    /// An item's stored image as a file for the references ("Edit this"). It goes through
    /// reference prep like any other file, so the byte budget and long edge apply to it too.
    pub async fn as_file(self, record: &ImageRecord) -> Result<web_sys::File, String> {
        let blob = self
            .image(&record.id)
            .await?
            .ok_or_else(|| history::ONLY_LINK_KEPT_LOWER.get(lang()).to_string())?;
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
        .map_err(|_| storage::FILE_FAILED.get(lang()).to_string())
    }

    /// Deletes the given items, or all (`None`).
    pub async fn delete(self, ids: Option<Vec<String>>) -> Result<(), String> {
        let db = self.open_or(storage::NOT_OPEN)?;
        db.delete(ids.as_deref())
            .await
            .map_err(|e| e.message(lang()))?;
        self.items.update(|list| {
            let gone =
                |item: &GalleryItem| ids.as_ref().is_none_or(|ids| ids.contains(&item.record.id));
            list.retain(|i| !gone(i));
        });
        self.refresh_usage().await;
        Ok(())
    }
}

impl Default for Gallery {
    fn default() -> Self {
        Self::new()
    }
}
