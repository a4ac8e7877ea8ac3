//! Canvas glue for the mask painter: drawing the painted overlay (only what changed) and
//! encoding the mask's RGBA as a PNG file with the browser's encoder.

use js_sys::{Array, Promise};
use wasm_bindgen::{Clamped, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, File, FilePropertyBag, HtmlCanvasElement, ImageData,
};

use super::canvas::{canvas, release};
use studio_core::i18n::text::images;
use studio_core::i18n::Lang;
use studio_core::mask::paint::{Coverage, Dirty};
use studio_core::tr;

/// Draws `dirty` of the coverage's overlay on `target` (all of it when the canvas is resized).
pub fn draw_overlay(target: &HtmlCanvasElement, coverage: &Coverage, dirty: Option<Dirty>) {
    let whole = Dirty {
        x0: 0,
        y0: 0,
        x1: coverage.width,
        y1: coverage.height,
    };
    let mut rect = dirty.unwrap_or(whole);
    if target.width() != coverage.width || target.height() != coverage.height {
        target.set_width(coverage.width);
        target.set_height(coverage.height);
        rect = whole;
    }
    if rect.width() == 0 || rect.height() == 0 {
        return;
    }
    let Some(context) = target
        .get_context("2d")
        .ok()
        .flatten()
        .map(|c| c.unchecked_into::<CanvasRenderingContext2d>())
    else {
        return;
    };
    let rgba = coverage.overlay_rgba(rect);
    if let Ok(data) =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), rect.width(), rect.height())
    {
        let _ = context.put_image_data(&data, f64::from(rect.x0), f64::from(rect.y0));
    }
}

/// A PNG file of `rgba` (`width` x `height`), alpha kept exactly for 0 and 255; refused in
/// `lang`.
pub async fn png_file(
    rgba: &[u8],
    width: u32,
    height: u32,
    name: &str,
    lang: Lang,
) -> Result<File, String> {
    let (canvas, context) = canvas(width, height, lang)?;
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height)
        .map_err(|_| images::MASK_PIXELS_REFUSED.get(lang).to_string())?;
    context
        .put_image_data(&data, 0.0, 0.0)
        .map_err(|_| images::MASK_NOT_DRAWN.get(lang).to_string())?;
    let blob = to_blob(&canvas, "image/png", lang).await;
    release(&canvas);
    let blob = blob?;
    let options = FilePropertyBag::new();
    options.set_type("image/png");
    File::new_with_blob_sequence_and_options(&Array::of1(&blob), name, &options)
        .map_err(|_| images::MASK_NO_FILE.get(lang).to_string())
}

async fn to_blob(canvas: &HtmlCanvasElement, mime: &str, lang: Lang) -> Result<Blob, String> {
    let mut executor = |resolve: js_sys::Function, reject: js_sys::Function| {
        let refuse = reject.clone();
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            if blob.is_null() {
                // i18n: not shown (the rejection's value is dropped below)
                let _ = reject.call1(&JsValue::NULL, &"no blob".into());
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        if canvas
            .to_blob_with_type(callback.unchecked_ref(), mime)
            .is_err()
        {
            // The callback never runs then (a tainted or zero-sized canvas).
            let _ = refuse.call1(&JsValue::NULL, &"refused".into());
        }
    };
    let promise = Promise::new(&mut executor);
    JsFuture::from(promise)
        .await
        .map(|b| b.unchecked_into())
        .map_err(|_| tr!(lang, images::MASK_NOT_ENCODED, mime = mime))
}
