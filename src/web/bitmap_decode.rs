//! The browser's image decoder as a prep worker's fast path (`prep::encode::Encoder::decode_to`):
//! a PNG or WebP decoded and resized in one step by `createImageBitmap`, read back as RGBA.
//! Runs in a worker or on a page alike (the tests run it on a page).

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, ImageBitmap};

use super::fit_job::read_pixels;
use studio_core::i18n::Lang;
use studio_core::prep::resize::Pixels;

#[wasm_bindgen]
extern "C" {
    /// The global `createImageBitmap` with options, of whichever scope runs this.
    #[wasm_bindgen(catch, js_name = createImageBitmap)]
    fn create_image_bitmap_with_options(image: &Blob, options: &Object)
        -> Result<Promise, JsValue>;
}

/// `bytes` (an image of type `mime`) decoded and resized to exactly `width` x `height` with
/// the browser's high-quality filter, unpremultiplied. Browsers apply an EXIF orientation
/// whatever they are asked, so the pipeline sends only files without EXIF here
/// (`prep::encode::try_browser_decoder`). Any failure (a file the browser cannot read) is an
/// `Err`, and the caller's own decoders take over and explain it.
pub async fn decode_resized(
    bytes: &[u8],
    mime: &str,
    width: u32,
    height: u32,
) -> Result<Pixels, JsValue> {
    let type_options = BlobPropertyBag::new();
    type_options.set_type(mime);
    // A view of wasm memory, copied by the Blob at once (nothing allocates in between).
    let view = unsafe { Uint8Array::view(bytes) };
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(&view), &type_options)?;
    let options = Object::new();
    for (key, value) in [
        ("resizeWidth", JsValue::from(width)),
        ("resizeHeight", JsValue::from(height)),
        ("resizeQuality", "high".into()),
        ("premultiplyAlpha", "none".into()),
    ] {
        Reflect::set(&options, &key.into(), &value)?;
    }
    let bitmap: ImageBitmap = JsFuture::from(create_image_bitmap_with_options(&blob, &options)?)
        .await?
        .dyn_into()?;
    let size = (bitmap.width(), bitmap.height());
    // Errors are not shown (the Rust decoders explain unreadable files), so any language does.
    let rgba = (size == (width, height)).then(|| read_pixels(&bitmap, width, height, Lang::En));
    bitmap.close();
    Ok(Pixels {
        rgba: rgba.ok_or(JsValue::NULL)?.map_err(JsValue::from)?,
        width,
        height,
    })
}
