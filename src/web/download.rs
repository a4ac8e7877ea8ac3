//! Saving a result to disk with a chosen file name.

use base64::Engine;
use studio_core::i18n::text::storage;
use studio_core::i18n::Lang;
use studio_core::tr;
use wasm_bindgen::JsCast;

/// Why bytes could not be read or made into a file; `message` says it in a language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not a `data:` URL with base64 in it.
    NotDataUrl,
    /// Its base64 does not decode (the decoder's reason).
    NotBase64(String),
    /// The browser refused to make a Blob (its error, as debug text).
    NoBlob(String),
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileError::NotDataUrl => tr!(lang, storage::NOT_DATA_URL).to_string(),
            FileError::NotBase64(e) => tr!(lang, storage::NOT_BASE64, e = e),
            FileError::NoBlob(e) => tr!(lang, storage::BUILD_FILE_FAILED, e = e),
        }
    }
}

/// Decodes a base64 `data:` URL into its bytes.
pub fn data_url_bytes(data_url: &str) -> Result<Vec<u8>, FileError> {
    let (_, b64) = data_url
        .split_once(";base64,")
        .ok_or(FileError::NotDataUrl)?;
    let clean: String = b64.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(clean)
        .map_err(|e| FileError::NotBase64(e.to_string()))
}

/// Saves bytes through a Blob object URL: data: URLs of several MB are too long for some
/// browsers' download path, and a Blob keeps the real MIME type. Failures are said in `lang`.
pub fn save_bytes(bytes: &[u8], mime: &str, file_name: &str, lang: Lang) -> Result<(), String> {
    let blob = bytes_blob(bytes, mime).map_err(|e| e.message(lang))?;
    save_blob(&blob, file_name, lang)
}

/// A Blob of `bytes` with the MIME type `mime`.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, FileError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| FileError::NoBlob(format!("{e:?}")))
}

/// Saves a Blob under `file_name`; failures are said in `lang`.
pub fn save_blob(blob: &web_sys::Blob, file_name: &str, lang: Lang) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|e| tr!(lang, storage::DOWNLOAD_LINK_FAILED, e = format!("{e:?}")))?;
    let result = click_link(&url, file_name, lang);
    // Revoke later: the download starts asynchronously and still needs the URL.
    let revoke = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(60),
    );
    result
}

/// Follows a link with the `download` attribute (cross-origin URLs may open instead); a
/// failure is said in `lang`.
pub fn click_link(href: &str, file_name: &str, lang: Lang) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| tr!(lang, storage::NO_DOCUMENT).to_string())?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    anchor.set_href(href);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    anchor.click();
    Ok(())
}
