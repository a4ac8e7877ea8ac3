//! A link-only history item whose link could be fetched after all ("try again"): its image is
//! stored and the record updated, like a result kept at once.

use leptos::prelude::*;

use super::{bytes_blob, object_url, Gallery};
use crate::web::download::data_url_bytes;
use crate::web::thumbnail::thumbnail;
use studio_core::history::record::{self, ImageRecord};

impl Gallery {
    /// Stores `data_url` (the fetched image of `record.link`) under the record's id.
    pub async fn store_fetched_link(
        self,
        record: &ImageRecord,
        data_url: &str,
        mime: &str,
    ) -> Result<(), String> {
        let db = self.db.get_value().ok_or("the history is not open")?;
        let bytes = data_url_bytes(data_url)?;
        let mut updated = ImageRecord {
            bytes: bytes.len() as u64,
            mime: mime.to_string(),
            ..record.clone()
        };
        let thumb = match thumbnail(data_url).await {
            Ok((w, h, thumb_url)) => {
                (updated.width, updated.height) = (w, h);
                data_url_bytes(&thumb_url)
                    .ok()
                    .and_then(|b| bytes_blob(&b, "image/webp"))
            }
            Err(_) => None,
        };
        let blob = bytes_blob(&bytes, mime);
        db.put(
            &updated.id,
            &record::encode(&updated),
            thumb.as_ref(),
            blob.as_ref(),
        )
        .await
        .map_err(|e| e.to_string())?;
        self.items.update(|list| {
            if let Some(item) = list.iter_mut().find(|i| i.record.id == updated.id) {
                item.record = updated.clone();
                item.thumb_url = thumb.as_ref().and_then(object_url);
            }
        });
        self.refresh_usage().await;
        Ok(())
    }
}
