//! Small previews for the history list, so 500 items load fast.

use wasm_bindgen::JsValue;

use super::canvas::{canvas, decode, release};

/// The longest edge of a history thumbnail, in pixels.
pub const THUMB_EDGE: u32 = 256;

/// Decodes the image in `data_url`; returns its real size and a small WebP (or PNG, where the
/// browser cannot encode WebP) `data:` URL of it.
pub async fn thumbnail(data_url: &str) -> Result<(u32, u32, String), String> {
    let image = decode(data_url).await?;
    let (w, h) = (image.natural_width(), image.natural_height());
    if w == 0 || h == 0 {
        return Err("the image is empty".into());
    }
    let scale = (f64::from(THUMB_EDGE) / f64::from(w.max(h))).min(1.0);
    let (tw, th) = (
        ((f64::from(w) * scale).round() as u32).max(1),
        ((f64::from(h) * scale).round() as u32).max(1),
    );
    let (canvas, context) = canvas(tw, th)?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(tw),
            f64::from(th),
        )
        .map_err(|_| "the image could not be drawn".to_string())?;
    let url = canvas
        .to_data_url_with_type_and_encoder_options("image/webp", &JsValue::from_f64(0.8))
        .map_err(|_| "the thumbnail could not be encoded".to_string());
    release(&canvas);
    Ok((w, h, url?))
}
