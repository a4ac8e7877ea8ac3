//! Fitting a result to an exact size (see `studio_core::fit`), the page's side: the image's
//! bytes go to a prep worker (which runs `web::fit_job`) and the answer comes back as a
//! `data:` URL to show and download.

use std::collections::HashMap;

use base64::Engine;
use futures_channel::oneshot;
use js_sys::Uint8Array;
use leptos::prelude::*;

use super::blob::{blob_array, bytes_blob_of_array, LocalBlob};
use super::download::data_url_bytes;
use super::prep_worker::{use_prep_worker, JobResult, PrepWorker};
use studio_core::api::mime;
use studio_core::i18n::text::prep;
use studio_core::i18n::Lang;
use studio_core::prep::protocol::{JobKind, WorkerMessage};
use studio_core::prep::PrepSettings;

/// An image fitted to its target size.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedImage {
    pub data_url: String,
    /// Its bytes, for downloads (made from the worker's bytes, not decoded from `data_url`).
    pub blob: Option<LocalBlob>,
    /// The MIME type actually encoded: the source's unless the browser cannot encode it.
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// What was done, for the user, e.g. "Cropped 1920x1088 to 1920x1080 (4 px off top and
    /// bottom)."
    pub note: String,
}

/// Fits images in a prep worker queue of its own (fits never wait behind reference prep);
/// cheap to copy.
#[derive(Clone, Copy)]
pub struct ImageFitter {
    worker: PrepWorker,
    /// Who awaits each job in the worker, by job id.
    waiting: StoredValue<HashMap<u64, oneshot::Sender<JobResult>>, LocalStorage>,
}

pub fn use_image_fitter() -> ImageFitter {
    let waiting = StoredValue::new_local(HashMap::<u64, oneshot::Sender<JobResult>>::new());
    let worker = use_prep_worker(1, move |id, result| {
        if let Some(Some(sender)) = waiting.try_update_value(|w| w.remove(&id)) {
            // Refused only when the awaiting card is gone: nobody needs the answer then.
            let _ = sender.send(result);
        }
    });
    ImageFitter { worker, waiting }
}

impl ImageFitter {
    /// Crops and resizes the image in `data_url` to exactly `width` x `height` (see
    /// `studio_core::fit::plan_fit`), re-encoded as `mime`. An image already of that size comes
    /// back unchanged, without a lossy re-encode. `held` is the image's bytes when they are
    /// already held as a Blob: they go to the worker as they are, not decoded again. The note
    /// and any refusal are in `lang`.
    pub async fn fit_data_url(
        &self,
        data_url: &str,
        held: Option<&LocalBlob>,
        mime: &str,
        width: u32,
        height: u32,
        lang: Lang,
    ) -> Result<FittedImage, String> {
        let bytes = match held {
            Some(blob) => blob_array(blob.blob(), lang).await?,
            None => Uint8Array::from(&data_url_bytes(data_url).map_err(|e| e.message(lang))?[..]),
        };
        let kind = JobKind::FitExact {
            source_mime: mime::from_data_url(data_url).unwrap_or(mime).to_owned(),
            width,
            height,
            mime: mime.to_owned(),
        };
        let (sender, answer) = oneshot::channel();
        // The worker client answers a job only after `submit` returns, so the sender is in
        // place even for a job that fails at once.
        let job = self
            .worker
            .submit(kind, PrepSettings::default(), vec![bytes], lang);
        self.waiting.update_value(|w| {
            w.insert(job, sender);
        });
        let result = answer
            .await
            .map_err(|_| prep::WORKER_STOPPED.get(lang).to_string())?;
        fitted_image(data_url, held, result, lang)
    }
}

/// The image a fit job's answer describes; `sent` is the `data:` URL of what was sent, and
/// `held` its bytes when they were held.
fn fitted_image(
    sent: &str,
    held: Option<&LocalBlob>,
    result: JobResult,
    lang: Lang,
) -> Result<FittedImage, String> {
    match result.message {
        WorkerMessage::Fitted {
            mime,
            width,
            height,
            note,
            unchanged,
            ..
        } => {
            let (data_url, blob) = if unchanged {
                (sent.to_owned(), held.cloned())
            } else {
                let array = result
                    .buffers
                    .first()
                    .ok_or(prep::WORKER_NO_IMAGE.get(lang))?;
                let url = format!(
                    "data:{mime};base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(array.to_vec())
                );
                (url, bytes_blob_of_array(array, &mime))
            };
            Ok(FittedImage {
                data_url,
                blob,
                mime,
                width,
                height,
                note,
            })
        }
        WorkerMessage::Failed { message, .. } => Err(message),
        _ => Err(prep::WORKER_UNEXPECTED.get(lang).into()),
    }
}
