//! The history's IndexedDB wrapper in headless Chromium: writes are whole or absent, lists
//! carry records and thumbnails only, deletes remove both halves.
#![cfg(target_arch = "wasm32")]

use gpt_image_studio::web::download::bytes_blob;
use gpt_image_studio::web::idb::{blob_bytes, HistoryDb, StoreError};
use studio_core::i18n::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh_db() -> HistoryDb {
    let db = HistoryDb::open().await.expect("IndexedDB opens");
    db.delete(None).await.expect("cleared");
    db
}

#[wasm_bindgen_test]
async fn an_item_is_written_listed_read_and_deleted() {
    let db = fresh_db().await;
    let image = bytes_blob(&[0x89, b'P', b'N', b'G', 1, 2, 3], "image/png").unwrap();
    let thumb = bytes_blob(b"thumb", "image/webp").unwrap();
    db.put("a", r#"{"id":"a"}"#, Some(&thumb), Some(&image))
        .await
        .unwrap();
    db.put("b", r#"{"id":"b"}"#, None, None).await.unwrap();
    let listed = db.list().await.unwrap();
    let metas: Vec<&str> = listed.iter().map(|i| i.meta.as_str()).collect();
    assert_eq!(metas, [r#"{"id":"a"}"#, r#"{"id":"b"}"#]);
    assert!(listed[0].thumb.is_some() && listed[1].thumb.is_none());
    let blob = db.image("a").await.unwrap().expect("stored image");
    assert_eq!(
        blob_bytes(&blob).await.unwrap(),
        [0x89, b'P', b'N', b'G', 1, 2, 3]
    );
    assert!(
        db.image("b").await.unwrap().is_none(),
        "a link-only item has no image"
    );
    db.delete(Some(&["a".to_string()])).await.unwrap();
    assert!(db.image("a").await.unwrap().is_none());
    assert_eq!(db.list().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn a_refused_image_write_leaves_no_record_behind() {
    let db = fresh_db().await;
    // Simulates a full disk: the image store refuses, after the record was already put.
    js_sys::eval(
        "window.__realPut = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function (...a) {
           if (this.name === 'images') throw new DOMException('full', 'QuotaExceededError');
           return window.__realPut.apply(this, a);
         };",
    )
    .unwrap();
    let image = bytes_blob(&[1, 2, 3], "image/png").unwrap();
    let outcome = db.put("q", r#"{"id":"q"}"#, None, Some(&image)).await;
    js_sys::eval("IDBObjectStore.prototype.put = window.__realPut;").unwrap();
    assert_eq!(outcome, Err(StoreError::Quota));
    let refused = outcome.unwrap_err();
    assert!(refused
        .message(Lang::En)
        .contains("nothing was half-written"));
    assert!(refused.message(Lang::ZhCn).contains("存储空间已满"));
    assert!(
        db.list().await.unwrap().is_empty(),
        "the record was rolled back"
    );
}
