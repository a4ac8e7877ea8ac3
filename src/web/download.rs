//! Saving a result to disk with a chosen file name.

use base64::Engine;
use wasm_bindgen::JsCast;

/// Decodes a base64 `data:` URL into its bytes.
pub fn data_url_bytes(data_url: &str) -> Result<Vec<u8>, String> {
    let (_, b64) = data_url
        .split_once(";base64,")
        .ok_or("not a base64 data: URL")?;
    let clean: String = b64.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(clean)
        .map_err(|e| format!("the image data is not valid base64: {e}"))
}

/// Saves bytes through a Blob object URL: data: URLs of several MB are too long for some
/// browsers' download path, and a Blob keeps the real MIME type.
pub fn save_bytes(bytes: &[u8], mime: &str, file_name: &str) -> Result<(), String> {
    save_blob(&bytes_blob(bytes, mime)?, file_name)
}

/// A Blob of `bytes` with the MIME type `mime`.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("could not build the file: {e:?}"))
}

/// Saves a Blob under `file_name`.
pub fn save_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|e| format!("could not build a download link: {e:?}"))?;
    let result = click_link(&url, file_name);
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

/// Follows a link with the `download` attribute (cross-origin URLs may open instead).
pub fn click_link(href: &str, file_name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
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
