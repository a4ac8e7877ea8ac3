//! The history's IndexedDB: results as Blobs with their records. Each image and its record
//! are written in one transaction, so an item is either whole or absent, also when the disk
//! is full. Thumbnails sit beside the records; full images are read only when asked for.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use studio_core::i18n::text::storage;
use studio_core::i18n::Lang;
use studio_core::tr;

const DB_NAME: &str = "gpt-image-studio";
const DB_VERSION: u32 = 1;
/// `{id, meta: record JSON, thumb: Blob?}`: listed at start.
const ITEMS: &str = "items";
/// `{id, blob: Blob}`: read one at a time.
const IMAGES: &str = "images";

/// What the browser said when IndexedDB failed (`None`: it said nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbError(pub Option<String>);

impl DbError {
    /// The browser's own words, or "unknown error" in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.0
            .clone()
            .unwrap_or_else(|| tr!(lang, storage::UNKNOWN_ERROR).to_string())
    }
}

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota (or the disk) is full.
    Quota,
    Failed(DbError),
}

impl StoreError {
    /// What happened and what to do now, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Quota => tr!(lang, storage::STORAGE_FULL).to_string(),
            StoreError::Failed(why) => tr!(lang, storage::NOT_SAVED, why = why.message(lang)),
        }
    }
}

/// Why the history database could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// No `indexedDB` at all (some private modes).
    Unavailable,
    Failed(DbError),
}

impl OpenError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpenError::Unavailable => tr!(lang, storage::NO_INDEXEDDB).to_string(),
            OpenError::Failed(why) => tr!(lang, storage::DB_OPEN_FAILED, why = why.message(lang)),
        }
    }
}

fn describe(e: &JsValue) -> DbError {
    DbError(
        Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .filter(|m| !m.is_empty())
            .or_else(|| e.as_string()),
    )
}

fn store_error(e: &JsValue) -> StoreError {
    let name = Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StoreError::Quota
    } else {
        StoreError::Failed(describe(e))
    }
}

/// Resolves with the request's result, or rejects with its error.
async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_req = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = err_req.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Resolves when the transaction commits; rejects with its error when it aborts.
///
/// A refused write (a full disk) fires `error` and then `abort`: each gets its own one-shot
/// handler, and whichever runs first rejects (a one-shot closure called twice would throw).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let reject = Rc::new(RefCell::new(Some(reject)));
        let on_fail = |reject: Rc<RefCell<Option<js_sys::Function>>>| {
            let failed_tx = tx.clone();
            Closure::once_into_js(move || {
                if let Some(reject) = reject.borrow_mut().take() {
                    let error = failed_tx.error().map(JsValue::from);
                    let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
                }
            })
        };
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_fail(reject.clone()).unchecked_ref()));
        tx.set_onabort(Some(on_fail(reject).unchecked_ref()));
    });
    JsFuture::from(promise)
}

fn object(fields: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// A listed item: its record JSON and thumbnail.
pub struct StoredItem {
    pub meta: String,
    pub thumb: Option<Blob>,
}

/// An open history database.
#[derive(Clone)]
pub struct HistoryDb {
    db: IdbDatabase,
}

impl HistoryDb {
    pub async fn open() -> Result<HistoryDb, OpenError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(OpenError::Unavailable)?;
        let request = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(|e| OpenError::Failed(describe(&e)))?;
        let upgrading = request.clone();
        let on_upgrade = Closure::once_into_js(move || {
            let Ok(db) = upgrading
                .result()
                .map(JsCast::unchecked_into::<IdbDatabase>)
            else {
                return;
            };
            let params = web_sys::IdbObjectStoreParameters::new();
            params.set_key_path(&"id".into());
            for name in [ITEMS, IMAGES] {
                if !db.object_store_names().contains(name) {
                    let _ = db.create_object_store_with_optional_parameters(name, &params);
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = finished(&request)
            .await
            .map_err(|e| OpenError::Failed(describe(&e)))?;
        Ok(HistoryDb {
            db: db.unchecked_into(),
        })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, JsValue> {
        let stores = Array::of2(&ITEMS.into(), &IMAGES.into());
        self.db
            .transaction_with_str_sequence_and_mode(&stores, mode)
    }

    /// Writes a record with its thumbnail and image, all or nothing.
    pub async fn put(
        &self,
        id: &str,
        meta: &str,
        thumb: Option<&Blob>,
        image: Option<&Blob>,
    ) -> Result<(), StoreError> {
        let tx = self
            .transaction(IdbTransactionMode::Readwrite)
            .map_err(|e| store_error(&e))?;
        let done = committed(&tx);
        let write = || -> Result<(), JsValue> {
            let id: JsValue = id.into();
            let thumb: JsValue = thumb.map(JsValue::from).unwrap_or(JsValue::NULL);
            tx.object_store(ITEMS)?.put(&object(&[
                ("id", &id),
                ("meta", &meta.into()),
                ("thumb", &thumb),
            ]))?;
            if let Some(image) = image {
                tx.object_store(IMAGES)?
                    .put(&object(&[("id", &id), ("blob", image)]))?;
            }
            Ok(())
        };
        if let Err(e) = write() {
            // A synchronous refusal: undo whatever this transaction already wrote.
            let _ = tx.abort();
            return Err(store_error(&e));
        }
        done.await.map(|_| ()).map_err(|e| store_error(&e))
    }

    /// Every record with its thumbnail (no full images).
    pub async fn list(&self) -> Result<Vec<StoredItem>, DbError> {
        let tx = self
            .transaction(IdbTransactionMode::Readonly)
            .map_err(|e| describe(&e))?;
        let request = tx
            .object_store(ITEMS)
            .and_then(|s| s.get_all())
            .map_err(|e| describe(&e))?;
        let all = finished(&request).await.map_err(|e| describe(&e))?;
        Ok(Array::from(&all)
            .iter()
            .filter_map(|v| {
                let meta = Reflect::get(&v, &"meta".into()).ok()?.as_string()?;
                let thumb = Reflect::get(&v, &"thumb".into())
                    .ok()
                    .and_then(|t| t.dyn_into::<Blob>().ok());
                Some(StoredItem { meta, thumb })
            })
            .collect())
    }

    /// The full image of one item.
    pub async fn image(&self, id: &str) -> Result<Option<Blob>, DbError> {
        let tx = self
            .transaction(IdbTransactionMode::Readonly)
            .map_err(|e| describe(&e))?;
        let request = tx
            .object_store(IMAGES)
            .and_then(|s| s.get(&id.into()))
            .map_err(|e| describe(&e))?;
        let found = finished(&request).await.map_err(|e| describe(&e))?;
        Ok(Reflect::get(&found, &"blob".into())
            .ok()
            .and_then(|b| b.dyn_into::<Blob>().ok()))
    }

    /// Deletes items (`None` = all).
    pub async fn delete(&self, ids: Option<&[String]>) -> Result<(), DbError> {
        let tx = self
            .transaction(IdbTransactionMode::Readwrite)
            .map_err(|e| describe(&e))?;
        let done = committed(&tx);
        for name in [ITEMS, IMAGES] {
            let store = tx.object_store(name).map_err(|e| describe(&e))?;
            match ids {
                None => store.clear().map(|_| ()),
                Some(ids) => ids
                    .iter()
                    .try_for_each(|id| store.delete(&id.into()).map(|_| ())),
            }
            .map_err(|e| describe(&e))?;
        }
        done.await.map(|_| ()).map_err(|e| describe(&e))
    }
}

/// Bytes used and available to this site, as the browser estimates them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let usage = Reflect::get(&estimate, &"usage".into()).ok()?.as_f64()?;
    let quota = Reflect::get(&estimate, &"quota".into()).ok()?.as_f64()?;
    Some((usage, quota))
}

/// Asks the browser not to evict this site's storage under pressure; true when granted.
pub async fn request_persistence() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    match storage.persist() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// The bytes of a Blob.
pub async fn blob_bytes(blob: &Blob) -> Result<Vec<u8>, DbError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
