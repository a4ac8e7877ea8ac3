//! Image bytes held once, as a browser Blob: decoded from a result's base64 a single time and
//! then shared by the history, downloads, ZIPs and compositing (no base64 round trips, no
//! copies of megabyte strings).

use send_wrapper::SendWrapper;
use web_sys::Blob;

use super::download::{bytes_blob, data_url_bytes};
use studio_core::api::response::{ImageOut, ImageSource};
use studio_core::i18n::text::images;
use studio_core::i18n::Lang;

/// A Blob that may sit in signals. The page has one thread, so the wrapper never moves it
/// to another (it would panic there).
#[derive(Clone, Debug)]
pub struct LocalBlob(SendWrapper<Blob>);

impl LocalBlob {
    pub fn new(blob: Blob) -> Self {
        LocalBlob(SendWrapper::new(blob))
    }

    pub fn blob(&self) -> &Blob {
        &self.0
    }

    pub fn size(&self) -> u64 {
        self.0.size() as u64
    }

    /// The bytes of a result shown from a `data:` URL, decoded once (`None` for a link, or
    /// data that is not base64).
    pub fn of_image(image: &ImageOut) -> Option<Self> {
        let ImageSource::DataUrl(url) = &image.source else {
            return None;
        };
        let bytes = data_url_bytes(url).ok()?;
        bytes_blob(&bytes, &image.mime).ok().map(LocalBlob::new)
    }
}

/// The bytes of `blob` as a JS array, without a copy through wasm memory; refused in `lang`.
pub async fn blob_array(blob: &Blob, lang: Lang) -> Result<js_sys::Uint8Array, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| images::UNREADABLE.get(lang).to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// A Blob of a JS array's bytes (no copy through wasm memory).
pub fn bytes_blob_of_array(array: &js_sys::Uint8Array, mime: &str) -> Option<LocalBlob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(array), &options)
        .ok()
        .map(LocalBlob::new)
}

/// An object URL of `blob` for as long as the calling view lives: revoked when it goes, so
/// a long history does not pin every image it ever showed.
pub fn use_object_url(blob: &Blob) -> Option<String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let revoke = url.clone();
    leptos::prelude::on_cleanup(move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    });
    Some(url)
}

/// The same Blob, not equal bytes: enough to tell whether a view must change.
impl PartialEq for LocalBlob {
    fn eq(&self, other: &Self) -> bool {
        let (a, b): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) = (&self.0, &other.0);
        a == b
    }
}
