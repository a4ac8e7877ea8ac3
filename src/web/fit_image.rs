//! Fitting a result to an exact size (see `studio_core::fit`): the browser decodes and encodes, wasm
//! crops and resamples.

use wasm_bindgen::{Clamped, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement, HtmlImageElement, ImageData,
};

use studio_core::api::mime;
use studio_core::fit::{apply_fit, describe, plan_fit};

/// Quality for re-encoding JPEG and WebP: a second lossy pass at this level is not visible.
const LOSSY_QUALITY: f64 = 0.92;

/// An image fitted to its target size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittedImage {
    pub data_url: String,
    /// The MIME type actually encoded: the source's unless the browser cannot encode it.
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// What was done, for the user, e.g. "Cropped 1920x1088 to 1920x1080 (4 px off top and
    /// bottom)."
    pub note: String,
}

/// Crops and resizes the image in `data_url` to exactly `width` x `height` (see
/// `studio_core::fit::plan_fit`), re-encoded as `mime`. An image already of that size comes back
/// unchanged, without a lossy re-encode.
pub async fn fit_data_url(
    data_url: &str,
    mime: &str,
    width: u32,
    height: u32,
) -> Result<FittedImage, String> {
    let image = decode(data_url).await?;
    let (src_width, src_height) = (image.natural_width(), image.natural_height());
    let plan = plan_fit(src_width, src_height, width, height);
    let mut note = describe(&plan, src_width, src_height);
    if (src_width, src_height) == (width, height) {
        return Ok(FittedImage {
            data_url: data_url.to_owned(),
            mime: mime.to_owned(),
            width,
            height,
            note,
        });
    }
    let rgba = read_pixels(&image, src_width, src_height)?;
    let fitted = apply_fit(&rgba, src_width, src_height, &plan)?;
    drop(rgba);
    let encoded = encode(&fitted, width, height, mime)?;
    let encoded_mime = mime::from_data_url(&encoded)
        .unwrap_or(mime::PNG)
        .to_owned();
    if encoded_mime != mime {
        // Canvases encode PNG always, JPEG and WebP mostly (Safari has no WebP encoder).
        note.push_str(&format!(
            " Saved as {encoded_mime}: this browser cannot encode {mime}."
        ));
    }
    Ok(FittedImage {
        data_url: encoded,
        mime: encoded_mime,
        width,
        height,
        note,
    })
}

/// Loads `data_url` into an image element and waits until it is decoded.
pub(crate) async fn decode(data_url: &str) -> Result<HtmlImageElement, String> {
    let image =
        HtmlImageElement::new().map_err(|_| "this browser cannot create an image".to_string())?;
    image.set_src(data_url);
    JsFuture::from(image.decode())
        .await
        .map_err(|_| "the image could not be decoded".to_string())?;
    Ok(image)
}

/// The RGBA8 pixels of a decoded image.
fn read_pixels(image: &HtmlImageElement, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let (canvas, context) = canvas(width, height)?;
    context
        .draw_image_with_html_image_element(image, 0.0, 0.0)
        .map_err(|_| "the image could not be drawn on a canvas".to_string())?;
    let pixels = context
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .map_err(|_| format!("could not read the pixels of a {width}x{height} canvas"));
    release(&canvas);
    Ok(pixels?.data().0)
}

/// Encodes RGBA8 pixels as a `data:` URL of `mime` (PNG when the browser cannot encode it).
fn encode(rgba: &[u8], width: u32, height: u32, mime: &str) -> Result<String, String> {
    let (canvas, context) = canvas(width, height)?;
    let pixels = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height)
        .map_err(|_| format!("could not hold {width}x{height} pixels for encoding"))?;
    context
        .put_image_data(&pixels, 0.0, 0.0)
        .map_err(|_| "could not put the pixels on a canvas".to_string())?;
    let encoded = if mime == mime::JPEG || mime == mime::WEBP {
        canvas.to_data_url_with_type_and_encoder_options(mime, &JsValue::from_f64(LOSSY_QUALITY))
    } else {
        canvas.to_data_url_with_type(mime)
    };
    release(&canvas);
    encoded.map_err(|_| format!("the browser could not encode the image as {mime}"))
}

/// A detached canvas of the given size with its 2D context.
pub(crate) fn canvas(
    width: u32,
    height: u32,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), String> {
    let unavailable = || format!("the browser could not make a {width}x{height} canvas");
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("the canvas is unavailable: this page has no document")?
        .create_element("canvas")
        .map_err(|_| unavailable())?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
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

/// Frees a canvas's pixel memory now rather than at garbage collection: Safari caps the total
/// canvas memory of a page, and these canvases hold up to 64 MB each.
pub(crate) fn release(canvas: &HtmlCanvasElement) {
    canvas.set_width(0);
    canvas.set_height(0);
}
