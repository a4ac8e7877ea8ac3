//! Fitting results to exact sizes in headless Chromium (wasm-bindgen-test): the prep worker's
//! fit job (the browser's decoders and encoders around `fit`, run here on the page), and `fit`
//! itself compiled with wasm SIMD. The page's side, through the worker, is covered end to end
//! in tests/e2e/size.test.mjs.
#![cfg(target_arch = "wasm32")]

use base64::Engine;
use gpt_image_studio::web::download::data_url_bytes;
use gpt_image_studio::web::fit_job::{fit_image_bytes, FitOutcome};
use js_sys::Uint8Array;
use studio_core::api::mime;
use studio_core::fit::{apply_fit, plan_fit};
use studio_core::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

wasm_bindgen_test_configure!(run_in_browser);

const BAND: [u8; 4] = [255, 0, 0, 255];
const MIDDLE: [u8; 4] = [0, 0, 255, 255];

fn canvas(width: u32, height: u32) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let canvas: HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    (canvas, context)
}

/// A `data:` URL of a blue image with `band`-pixel red bands at the top and bottom.
fn banded_image(width: u32, height: u32, band: u32, mime: &str) -> String {
    let (canvas, context) = canvas(width, height);
    let (w, h, b) = (f64::from(width), f64::from(height), f64::from(band));
    context.set_fill_style_str("rgb(0, 0, 255)");
    context.fill_rect(0.0, 0.0, w, h);
    context.set_fill_style_str("rgb(255, 0, 0)");
    context.fill_rect(0.0, 0.0, w, b);
    context.fill_rect(0.0, h - b, w, b);
    canvas
        .to_data_url_with_type_and_encoder_options(mime, &JsValue::from_f64(0.92))
        .unwrap()
}

/// Runs the worker's fit job on the image in `data_url`, as the page sends it: its bytes.
async fn fit_data_url(
    data_url: &str,
    mime: &str,
    width: u32,
    height: u32,
) -> Result<FitOutcome, String> {
    let bytes = Uint8Array::from(&data_url_bytes(data_url).unwrap()[..]);
    let source_mime = mime::from_data_url(data_url).unwrap();
    fit_image_bytes(&bytes, source_mime, width, height, mime, Lang::En).await
}

/// The fitted image as the `data:` URL the page makes of it.
fn as_data_url(fitted: &FitOutcome) -> String {
    let bytes = fitted.bytes.as_ref().expect("re-encoded");
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:{};base64,{b64}", fitted.mime)
}

/// Decodes a `data:` URL as the page would and returns its size and RGBA pixels.
async fn decoded(data_url: &str) -> (u32, u32, Vec<u8>) {
    let image = HtmlImageElement::new().unwrap();
    image.set_src(data_url);
    JsFuture::from(image.decode())
        .await
        .expect("the result decodes");
    let (width, height) = (image.natural_width(), image.natural_height());
    let (_canvas, context) = canvas(width, height);
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .unwrap();
    let pixels = context
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .unwrap()
        .data()
        .0;
    (width, height, pixels)
}

fn row(rgba: &[u8], width: u32, y: u32) -> &[u8] {
    let stride = width as usize * 4;
    &rgba[y as usize * stride..(y as usize + 1) * stride]
}

fn assert_close(pixel: &[u8], want: [u8; 4], tolerance: u8, context: &str) {
    let close = pixel
        .iter()
        .zip(want)
        .all(|(p, w)| p.abs_diff(w) <= tolerance);
    assert!(close, "{context}: {pixel:?}, expected {want:?}");
}

#[wasm_bindgen_test]
async fn png_slide_loses_its_bands_exactly() {
    let source = banded_image(1920, 1088, 4, "image/png");
    let started = js_sys::Date::now();
    let fitted = fit_data_url(&source, "image/png", 1920, 1080)
        .await
        .unwrap();
    console_log!(
        "1920x1088 PNG fitted in {} ms",
        js_sys::Date::now() - started
    );
    assert_eq!(
        fitted.note,
        "Cropped 1920x1088 to 1920x1080 (4 px off top and bottom)."
    );
    assert_eq!((fitted.width, fitted.height), (1920, 1080));
    assert_eq!(fitted.mime, "image/png");
    assert_eq!(
        mime::sniff(fitted.bytes.as_ref().unwrap()),
        Some("image/png")
    );

    let (width, height, rgba) = decoded(&as_data_url(&fitted)).await;
    assert_eq!((width, height), (1920, 1080));
    for y in [0, 1079] {
        for pixel in row(&rgba, width, y).chunks_exact(4) {
            assert_close(pixel, MIDDLE, 0, &format!("row {y}"));
        }
    }
}

#[wasm_bindgen_test]
async fn jpeg_a5_is_cropped_and_resized() {
    let source = banded_image(1760, 2496, 40, "image/jpeg");
    let started = js_sys::Date::now();
    let fitted = fit_data_url(&source, "image/jpeg", 1748, 2480)
        .await
        .unwrap();
    console_log!(
        "1760x2496 JPEG fitted in {} ms",
        js_sys::Date::now() - started
    );
    assert_eq!(
        fitted.note,
        "Cropped 1760x2496 to 1759x2496 (1 px off the right) and resized to 1748x2480."
    );
    assert_eq!((fitted.width, fitted.height), (1748, 2480));
    assert_eq!(fitted.mime, "image/jpeg");
    assert_eq!(
        mime::sniff(fitted.bytes.as_ref().unwrap()),
        Some("image/jpeg")
    );

    let (width, height, rgba) = decoded(&as_data_url(&fitted)).await;
    assert_eq!((width, height), (1748, 2480));
    // The bands scale by 2480/2496 but stay: 40 px become 39.7. JPEG blurs colour edges a
    // little, so sample away from them.
    for (y, want) in [(10, BAND), (1240, MIDDLE), (2470, BAND)] {
        for x in [0, 874, 1747] {
            let at = (y * width + x) as usize * 4;
            assert_close(&rgba[at..at + 4], want, 12, &format!("({x}, {y})"));
        }
    }
}

#[wasm_bindgen_test]
async fn an_exact_size_comes_back_unchanged() {
    let source = banded_image(64, 48, 4, "image/jpeg");
    let fitted = fit_data_url(&source, "image/jpeg", 64, 48).await.unwrap();
    assert_eq!(fitted.bytes, None, "not re-encoded");
    assert_eq!(fitted.mime, "image/jpeg");
    assert_eq!(fitted.note, "Already 64x48; nothing changed.");
    assert_eq!((fitted.width, fitted.height), (64, 48));
}

#[wasm_bindgen_test]
async fn a_type_the_browser_cannot_encode_becomes_png_and_the_note_says_so() {
    let source = banded_image(64, 40, 4, "image/png");
    let fitted = fit_data_url(&source, "image/gif", 64, 32).await.unwrap();
    assert_eq!(
        fitted.note,
        "Cropped 64x40 to 64x32 (4 px off top and bottom). Saved as image/png: this browser cannot encode image/gif."
    );
    assert_eq!(fitted.mime, "image/png");
    let (width, height, _) = decoded(&as_data_url(&fitted)).await;
    assert_eq!((width, height), (64, 32));
}

#[wasm_bindgen_test]
async fn a_broken_image_is_a_clear_error() {
    let err = fit_data_url("data:image/png;base64,iVBORw0KGgo=", "image/png", 64, 64)
        .await
        .unwrap_err();
    assert_eq!(err, "the image could not be decoded");
}

#[wasm_bindgen_test]
fn simd_lanczos_clamps_instead_of_wrapping() {
    // A hard black/white edge makes Lanczos overshoot past 0 and 255: the SIMD128 code must
    // clamp, not wrap.
    let (sw, sh) = (301, 64);
    let rgba: Vec<u8> = (0..sw * sh)
        .flat_map(|i| {
            if i % sw < sw / 2 {
                [0, 0, 0, 255]
            } else {
                [255; 4]
            }
        })
        .collect();
    let plan = plan_fit(sw, sh, 211, 45);
    let out = apply_fit(&rgba, sw, sh, &plan).unwrap();
    for pixel_row in out.chunks_exact(211 * 4) {
        for (x, pixel) in pixel_row.chunks_exact(4).enumerate() {
            if x < 95 {
                assert!(pixel[0] <= 40, "x {x} should be dark: {pixel:?}");
            } else if x > 115 {
                assert!(pixel[0] >= 215, "x {x} should be light: {pixel:?}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn translucent_colours_survive_resampling() {
    // Premultiplied and divided again, down to alpha 1. (The SIMD128 division that rustc 1.95+
    // miscompiles, rust-lang/rust#157456, is avoided in `fit`; the miscompile only shows in
    // optimised builds, so this debug-built test cannot catch it coming back.)
    for alpha in [1, 2, 3, 16, 64, 128, 200, 255] {
        let rgba = [255, 255, 255, alpha].repeat(40 * 30);
        let out = apply_fit(&rgba, 40, 30, &plan_fit(40, 30, 27, 19)).unwrap();
        for pixel in out.chunks_exact(4) {
            assert_close(pixel, [255, 255, 255, alpha], 1, &format!("alpha {alpha}"));
        }
    }
}

/// A `width` x `height` RGBA image, red on the left half and blue on the right, with the
/// given alpha, as a PNG from the core's encoder.
fn halves_png(width: u32, height: u32, alpha: u8) -> Vec<u8> {
    use studio_core::prep::encode::encode_png_keeping_alpha;
    use studio_core::prep::resize::Pixels;
    let mut rgba = Vec::new();
    for _ in 0..height {
        for x in 0..width {
            rgba.extend_from_slice(if x < width / 2 {
                &[255, 0, 0]
            } else {
                &[0, 0, 255]
            });
            rgba.push(alpha);
        }
    }
    encode_png_keeping_alpha(
        &Pixels {
            rgba,
            width,
            height,
        },
        true,
    )
    .unwrap()
}

fn pixel(p: &studio_core::prep::resize::Pixels, x: u32, y: u32) -> [u8; 4] {
    let at = ((y * p.width + x) * 4) as usize;
    p.rgba[at..at + 4].try_into().unwrap()
}

#[wasm_bindgen_test]
async fn the_browser_decoder_resizes_to_the_exact_size_and_keeps_alpha_unpremultiplied() {
    use gpt_image_studio::web::bitmap_decode::decode_resized;
    let png = halves_png(64, 32, 255);
    let p = decode_resized(&png, "image/png", 32, 16).await.unwrap();
    assert_eq!((p.width, p.height, p.rgba.len()), (32, 16, 32 * 16 * 4));
    assert_eq!(pixel(&p, 4, 8), [255, 0, 0, 255]);
    assert_eq!(pixel(&p, 28, 8), [0, 0, 255, 255]);

    let half = halves_png(64, 32, 128);
    let p = decode_resized(&half, "image/png", 32, 16).await.unwrap();
    let [r, g, b, a] = pixel(&p, 4, 8);
    assert_eq!(a, 128);
    assert!(
        r >= 250 && g <= 4 && b <= 4,
        "unpremultiplied red, got {:?}",
        [r, g, b, a]
    );
}
