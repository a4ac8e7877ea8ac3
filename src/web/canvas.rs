//! Canvas glue of the mask painter: a detached 2D canvas, and freeing its pixels early.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, ContextAttributes2d, HtmlCanvasElement};

use studio_core::i18n::text::images;
use studio_core::i18n::Lang;
use studio_core::tr;

/// A detached canvas of the given size with its 2D context; refused in `lang`.
pub(crate) fn canvas(
    width: u32,
    height: u32,
    lang: Lang,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), String> {
    let unavailable = || tr!(lang, images::NO_CANVAS, width = width, height = height);
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(images::NO_DOCUMENT.get(lang))?
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
