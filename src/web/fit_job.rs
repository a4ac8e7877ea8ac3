//! The prep worker's fit job (see `studio_core::fit`): `createImageBitmap` decodes the image,
//! an OffscreenCanvas gives its pixels, `fit` crops and resamples them, and an OffscreenCanvas
//! encodes the result. Only the `prep_worker` bin calls this, so the page's own wasm carries
//! no resizer; it needs no document, so wasm-bindgen tests run it on a page as well.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, ContextAttributes2d, ImageBitmap, ImageData, ImageEncodeOptions,
    OffscreenCanvas, OffscreenCanvasRenderingContext2d,
};

use studio_core::api::mime;
use studio_core::fit::{apply_fit, describe, describe_encoded, plan_fit};
use studio_core::i18n::text::images;
use studio_core::i18n::Lang;
use studio_core::tr;

/// Quality for re-encoding JPEG and WebP: a second lossy pass at this level is not visible.
/// Encoders of lossless types ignore it.
const LOSSY_QUALITY: f64 = 0.92;

#[wasm_bindgen]
extern "C" {
    /// The global `createImageBitmap` of whichever scope runs this, a worker's or a page's
    /// (web-sys has it only as a method of `Window` and of `WorkerGlobalScope`).
    #[wasm_bindgen(catch, js_name = createImageBitmap)]
    fn create_image_bitmap(image: &Blob) -> Result<Promise, JsValue>;
}

/// An image fitted to its target size, as the worker answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FitOutcome {
    /// The encoded image; `None` when the source already had the target size, so that nothing
    /// was re-encoded.
    pub bytes: Option<Vec<u8>>,
    /// The MIME type actually encoded: the wanted one unless the browser cannot encode it.
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// What was done, for the user (`studio_core::fit::describe_encoded`).
    pub note: String,
}

/// Crops and resizes the image in `bytes` (of type `source_mime`) to exactly `width` x
/// `height` (see `studio_core::fit::plan_fit`), encoded as `mime`. An image already of that
/// size is not re-encoded. The note and any refusal are in `lang`.
pub async fn fit_image_bytes(
    bytes: &Uint8Array,
    source_mime: &str,
    width: u32,
    height: u32,
    mime: &str,
    lang: Lang,
) -> Result<FitOutcome, String> {
    let bitmap = decode(bytes, source_mime, lang).await?;
    let (src_width, src_height) = (bitmap.width(), bitmap.height());
    let plan = plan_fit(src_width, src_height, width, height);
    if (src_width, src_height) == (width, height) {
        bitmap.close();
        return Ok(FitOutcome {
            bytes: None,
            mime: mime.to_owned(),
            width,
            height,
            note: describe(&plan, src_width, src_height, lang),
        });
    }
    let rgba = read_pixels(&bitmap, src_width, src_height, lang);
    bitmap.close();
    let fitted = apply_fit(&rgba?, src_width, src_height, &plan).map_err(|e| e.message(lang))?;
    let (encoded, encoded_mime) = encode(&fitted, width, height, mime, lang).await?;
    Ok(FitOutcome {
        bytes: Some(encoded),
        note: describe_encoded(&plan, src_width, src_height, mime, &encoded_mime, lang),
        mime: encoded_mime,
        width,
        height,
    })
}

/// Decodes the image the way `<img>` would (EXIF orientation applied, colours converted).
pub(crate) async fn decode(
    bytes: &Uint8Array,
    source_mime: &str,
    lang: Lang,
) -> Result<ImageBitmap, String> {
    let undecodable = |_| images::UNDECODABLE.get(lang).to_string();
    let options = BlobPropertyBag::new();
    options.set_type(source_mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &options)
        .map_err(|_| images::HOLD_FOR_DECODING.get(lang).to_string())?;
    let decoded = JsFuture::from(create_image_bitmap(&blob).map_err(undecodable)?)
        .await
        .map_err(undecodable)?;
    Ok(decoded.unchecked_into())
}

/// The RGBA8 pixels of a decoded image (on a canvas kept in memory, freed afterwards).
pub(crate) fn read_pixels(
    bitmap: &ImageBitmap,
    width: u32,
    height: u32,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let (canvas, context) = offscreen_canvas(width, height, lang)?;
    let pixels = context
        .draw_image_with_image_bitmap(bitmap, 0.0, 0.0)
        .map_err(|_| images::NOT_DRAWN.get(lang).to_string())
        .and_then(|()| {
            context
                .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
                .map_err(|_| {
                    tr!(
                        lang,
                        images::PIXELS_UNREADABLE,
                        width = width,
                        height = height
                    )
                })
        });
    release(&canvas);
    Ok(pixels?.data().0)
}

/// Encodes RGBA8 pixels as `mime` (PNG where the browser cannot encode it); returns the bytes
/// and the type actually encoded.
pub(crate) async fn encode(
    rgba: &[u8],
    width: u32,
    height: u32,
    mime: &str,
    lang: Lang,
) -> Result<(Vec<u8>, String), String> {
    let (canvas, context) = offscreen_canvas(width, height, lang)?;
    let pixels = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height)
        .map_err(|_| {
            tr!(
                lang,
                images::PIXELS_NOT_HELD,
                width = width,
                height = height
            )
        })?;
    context
        .put_image_data(&pixels, 0.0, 0.0)
        .map_err(|_| images::PIXELS_NOT_PUT.get(lang).to_string())?;
    let options = ImageEncodeOptions::new();
    options.set_type(mime);
    options.set_quality(LOSSY_QUALITY);
    let encoded = match canvas.convert_to_blob_with_options(&options) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    release(&canvas);
    let blob: Blob = encoded
        .map_err(|_| tr!(lang, images::NOT_ENCODED_AS, mime = mime))?
        .unchecked_into();
    // An encoder that cannot make `mime` makes PNG and says so in the Blob's type.
    let encoded_mime = match blob.type_() {
        t if t.is_empty() => mime::PNG.to_owned(),
        t => t,
    };
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| images::ENCODED_UNREADABLE.get(lang).to_string())?;
    Ok((Uint8Array::new(&buffer).to_vec(), encoded_mime))
}

/// An OffscreenCanvas of the given size with its 2D context.
fn offscreen_canvas(
    width: u32,
    height: u32,
    lang: Lang,
) -> Result<(OffscreenCanvas, OffscreenCanvasRenderingContext2d), String> {
    let unavailable = || tr!(lang, images::NO_CANVAS, width = width, height = height);
    let canvas = OffscreenCanvas::new(width, height).map_err(|_| unavailable())?;
    // Keeps the pixels in memory rather than on the GPU: getImageData is then a copy, not a
    // readback.
    let options = ContextAttributes2d::new();
    options.set_will_read_frequently(true);
    let context = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()
        .ok_or_else(unavailable)?
        .unchecked_into();
    Ok((canvas, context))
}

/// Frees a canvas's pixel memory now rather than at garbage collection: the worker lives on
/// through a batch of jobs, and these canvases hold up to 64 MB each.
fn release(canvas: &OffscreenCanvas) {
    canvas.set_width(0);
    canvas.set_height(0);
}
