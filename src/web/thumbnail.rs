//! Small previews for the history list, so 500 items load fast.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, OffscreenCanvas, ResizeQuality,
};

/// The longest edge of a history thumbnail, in pixels.
pub const THUMB_EDGE: u32 = 256;

/// Decodes the image in `blob` (once, by the browser) and returns its real size and a small
/// WebP of it (PNG where the browser cannot encode WebP), as a Blob: no `data:` URL and no
/// base64 on the way. The error says why in English for the console and tests: the history
/// lists an item without a thumbnail and shows no reason.
pub async fn thumbnail(blob: &Blob) -> Result<(u32, u32, Blob), String> {
    // i18n: not shown (the callers keep no thumbnail and drop the reason)
    let window = web_sys::window().ok_or("no window")?;
    let bitmap: ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(blob)
            // i18n: not shown (the callers keep no thumbnail and drop the reason)
            .map_err(|_| "the image could not be decoded".to_string())?,
    )
    .await
    // i18n: not shown (the callers keep no thumbnail and drop the reason)
    .map_err(|_| "the image could not be decoded".to_string())?
    .unchecked_into();
    let (w, h) = (bitmap.width(), bitmap.height());
    let outcome = small_copy(&bitmap, w, h).await;
    bitmap.close();
    outcome.map(|thumb| (w, h, thumb))
}

async fn small_copy(bitmap: &ImageBitmap, w: u32, h: u32) -> Result<Blob, String> {
    if w == 0 || h == 0 {
        // i18n: not shown (the callers keep no thumbnail and drop the reason)
        return Err("the image is empty".into());
    }
    let scale = (f64::from(THUMB_EDGE) / f64::from(w.max(h))).min(1.0);
    let (tw, th) = (
        ((f64::from(w) * scale).round() as u32).max(1),
        ((f64::from(h) * scale).round() as u32).max(1),
    );
    // The browser's own high-quality downscale, then one draw at the final size.
    let options = ImageBitmapOptions::new();
    options.set_resize_width(tw);
    options.set_resize_height(th);
    options.set_resize_quality(ResizeQuality::High);
    let small: ImageBitmap = JsFuture::from(
        web_sys::window()
            // i18n: not shown (the callers keep no thumbnail and drop the reason)
            .ok_or("no window")?
            .create_image_bitmap_with_image_bitmap_and_image_bitmap_options(bitmap, &options)
            // i18n: not shown (the callers keep no thumbnail and drop the reason)
            .map_err(|_| "the image could not be scaled".to_string())?,
    )
    .await
    // i18n: not shown (the callers keep no thumbnail and drop the reason)
    .map_err(|_| "the image could not be scaled".to_string())?
    .unchecked_into();
    // i18n: not shown (the callers keep no thumbnail and drop the reason)
    let canvas = OffscreenCanvas::new(tw, th).map_err(|_| "no canvas".to_string())?;
    let context: web_sys::OffscreenCanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no 2d canvas")?
        .unchecked_into();
    let drawn = context.draw_image_with_image_bitmap(&small, 0.0, 0.0);
    small.close();
    // i18n: not shown (the callers keep no thumbnail and drop the reason)
    drawn.map_err(|_| "the image could not be drawn".to_string())?;
    let options = ImageEncodeOptions::new();
    options.set_type("image/webp");
    options.set_quality(0.8);
    let encoded = canvas
        .convert_to_blob_with_options(&options)
        // i18n: not shown (the callers keep no thumbnail and drop the reason)
        .map_err(|_| "the thumbnail could not be encoded".to_string())?;
    JsFuture::from(encoded)
        .await
        .map(|b| b.unchecked_into::<Blob>())
        // i18n: not shown (the callers keep no thumbnail and drop the reason)
        .map_err(|e: JsValue| format!("the thumbnail could not be encoded: {e:?}"))
}
