//! A link-only history item whose link could be fetched after all ("try again"): its image is
//! stored and the record updated, like a result kept at once.

use leptos::prelude::*;

use super::Gallery;
use crate::app::lang::lang;
use crate::web::blob::LocalBlob;
use crate::web::thumbnail::thumbnail;
use studio_core::api::response::ImageOut;
use studio_core::history::record::{self, ImageRecord};
use studio_core::i18n::text::storage;

impl Gallery {
    /// Stores `image` (the fetched image of `record.link`) under the record's id.
    pub async fn store_fetched_link(
        self,
        record: &ImageRecord,
        image: &ImageOut,
    ) -> Result<(), String> {
        let db = self.open_or(storage::NOT_OPEN)?;
        let blob = LocalBlob::of_image(image)
            .ok_or_else(|| storage::FETCHED_UNREADABLE.get(lang()).to_string())?;
        let mut updated = ImageRecord {
            bytes: blob.size(),
            mime: image.mime.clone(),
            ..record.clone()
        };
        let thumb = match thumbnail(blob.blob()).await {
            Ok((w, h, thumb)) => {
                (updated.width, updated.height) = (w, h);
                Some(thumb)
            }
            Err(_) => None,
        };
        db.put(
            &updated.id,
            &record::encode(&updated),
            thumb.as_ref(),
            Some(blob.blob()),
        )
        .await
        .map_err(|e| e.message(lang()))?;
        self.items.update(|list| {
            if let Some(item) = list.iter_mut().find(|i| i.record.id == updated.id) {
                item.record = updated.clone();
                item.thumb = thumb.map(LocalBlob::new);
            }
        });
        self.refresh_usage().await;
        Ok(())
    }
}
