//! Reading results' pixels in headless Chromium (wasm-bindgen-test): the prep worker's
//! inspect job (the browser's decoder around `studio_core::inspect` and `mask::drift`), run
//! here on the page. The page's side, through the worker, is covered end to end in
//! tests/e2e/delivery.test.mjs.
#![cfg(target_arch = "wasm32")]

use gpt_image_studio::web::download::data_url_bytes;
use gpt_image_studio::web::inspect_job::{inspect_image, DriftInputs, Inspection};
use js_sys::Uint8Array;
use studio_core::api::mime;
use studio_core::i18n::Lang;
use studio_core::inspect::{DriftJob, HeatmapWhen};
use studio_core::mask::drift::DriftVerdict;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A PNG of `width` x `height` drawn by `draw`, as bytes.
fn png(width: u32, height: u32, draw: impl Fn(&CanvasRenderingContext2d, f64, f64)) -> Uint8Array {
    let canvas: HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    draw(&context, f64::from(width), f64::from(height));
    let url = canvas.to_data_url_with_type(mime::PNG).unwrap();
    Uint8Array::from(&data_url_bytes(&url).unwrap()[..])
}

/// A smooth picture (it scales without new detail): 32 bands a few levels apart.
fn picture(c: &CanvasRenderingContext2d, w: f64, h: f64) {
    for i in 0..32 {
        c.set_fill_style_str(&format!("rgb({}, {}, 60)", 60 + i * 5, 220 - i * 4));
        let band = h / 32.0;
        c.fill_rect(0.0, f64::from(i) * band, w, band);
    }
}

async fn inspect(bytes: &Uint8Array, alpha: bool) -> Inspection {
    inspect_image(bytes, mime::PNG, alpha, None, Lang::En)
        .await
        .unwrap()
}

#[wasm_bindgen_test]
async fn alpha_is_read_from_the_pixels() {
    let opaque = png(64, 64, picture);
    let found = inspect(&opaque, true).await;
    assert_eq!((found.width, found.height), (64, 64));
    assert!(!found.alpha.unwrap().any_transparent());
    // A quarter cleared: transparent.
    let holed = png(64, 64, |c, w, h| {
        picture(c, w, h);
        c.clear_rect(0.0, 0.0, w / 2.0, h / 2.0);
    });
    let alpha = inspect(&holed, true).await.alpha.unwrap();
    assert!((alpha.clear_share - 0.25).abs() < 1e-9, "{alpha:?}");
    // Not asked: not counted.
    assert_eq!(inspect(&holed, false).await.alpha, None);
    assert!(inspect_image(
        &Uint8Array::from(&b"junk"[..]),
        mime::PNG,
        true,
        None,
        Lang::En
    )
    .await
    .is_err());
}

#[wasm_bindgen_test]
async fn drift_is_measured_against_image_1_scaled_to_the_result() {
    // Image 1 and its mask at 256; the results at 512 (the API answers larger).
    let image1 = png(256, 256, picture);
    let mask = png(256, 256, |c, w, h| {
        c.set_fill_style_str("black");
        c.fill_rect(0.0, 0.0, w, h);
        c.clear_rect(w / 4.0, h / 4.0, w / 2.0, h / 2.0);
    });
    let job = |heatmap| DriftJob {
        image_mime: mime::PNG.into(),
        image_size: (256, 256),
        heatmap,
    };
    let run = |result: Uint8Array, job: DriftJob| {
        let (image1, mask) = (image1.clone(), mask.clone());
        async move {
            let inputs = DriftInputs {
                job: &job,
                image: &image1,
                mask: &mask,
            };
            inspect_image(&result, mime::PNG, false, Some(inputs), Lang::En)
                .await
                .unwrap()
        }
    };
    // Redrawn inside the mask only.
    let kept = png(512, 512, |c, w, h| {
        picture(c, w, h);
        c.set_fill_style_str("rgb(255, 0, 0)");
        c.fill_rect(w / 4.0, h / 4.0, w / 2.0, h / 2.0);
    });
    let found = run(kept, job(HeatmapWhen::IfIgnored)).await;
    let report = found.drift.unwrap();
    assert_eq!(report.verdict, DriftVerdict::Followed, "{report:?}");
    assert!(report.outside_mean < 0.02, "{report:?}");
    assert_eq!(found.heatmap, None, "followed: no heatmap asked");
    // The same change everywhere: may have ignored the mask; its heatmap comes as a PNG.
    let everywhere = png(512, 512, |c, w, h| {
        c.set_fill_style_str("rgb(255, 0, 0)");
        c.fill_rect(0.0, 0.0, w, h);
    });
    let found = run(everywhere, job(HeatmapWhen::IfIgnored)).await;
    assert_eq!(found.drift.unwrap().verdict, DriftVerdict::MayHaveIgnored);
    let (bytes, heatmap_mime) = found.heatmap.unwrap();
    assert_eq!(heatmap_mime, mime::PNG);
    let map = inspect(&Uint8Array::from(&bytes[..]), true).await;
    assert_eq!((map.width, map.height), (512, 512));
    // Another aspect: not measured, and why.
    let wide = png(768, 512, picture);
    let found = run(wide, job(HeatmapWhen::Always)).await;
    assert_eq!(found.drift, None);
    assert!(
        found.drift_refused.unwrap().contains("do not line up"),
        "the aspect differs"
    );
}
