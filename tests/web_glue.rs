//! Small browser wrappers in headless Chromium: waits that leave nothing attached to a run's
//! signal, thumbnails made from a Blob, and Web Locks.
#![cfg(target_arch = "wasm32")]

use gpt_image_studio::web::download::bytes_blob;
use gpt_image_studio::web::locks;
use gpt_image_studio::web::sleep::sleep_ms;
use gpt_image_studio::web::thumbnail::{thumbnail, THUMB_EDGE};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

/// Counts the listeners added to and removed from `target` from now on.
fn count_listeners(target: &JsValue) -> js_sys::Function {
    js_sys::Function::new_with_args(
        "t",
        "let n = 0; const add = t.addEventListener.bind(t), rem = t.removeEventListener.bind(t);\
         t.addEventListener = (...a) => { n++; add(...a); };\
         t.removeEventListener = (...a) => { n--; rem(...a); };\
         return () => n;",
    )
    .call1(&JsValue::NULL, target)
    .unwrap()
    .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_wait_leaves_no_listener_on_the_signal_however_it_ends() {
    let run = AbortController::new().unwrap();
    let listeners = count_listeners(&run.signal());
    for _ in 0..20 {
        assert_eq!(sleep_ms(1, &run.signal()).await, Ok(()));
    }
    assert_eq!(listeners.call0(&JsValue::NULL).unwrap(), 0, "elapsed waits");
    let signal = run.signal();
    let cancel = run.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = sleep_ms(5, &AbortController::new().unwrap().signal()).await;
        cancel.abort();
    });
    assert_eq!(sleep_ms(60_000, &signal).await, Err(()), "aborted at once");
    assert_eq!(listeners.call0(&JsValue::NULL).unwrap(), 0, "aborted wait");
    assert_eq!(
        sleep_ms(1, &signal).await,
        Err(()),
        "an aborted signal waits for nothing"
    );
}

/// A PNG of `w` x `h`, encoded by the browser.
async fn png(w: u32, h: u32) -> web_sys::Blob {
    let canvas = web_sys::OffscreenCanvas::new(w, h).unwrap();
    let context: web_sys::OffscreenCanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    context.set_fill_style_str("#3a7");
    context.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let options = web_sys::ImageEncodeOptions::new();
    options.set_type("image/png");
    wasm_bindgen_futures::JsFuture::from(canvas.convert_to_blob_with_options(&options).unwrap())
        .await
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_thumbnail_is_made_from_the_blob_at_most_256_px() {
    let (w, h, thumb) = thumbnail(&png(1536, 1024).await).await.unwrap();
    assert_eq!((w, h), (1536, 1024));
    assert_eq!(thumb.type_(), "image/webp");
    let (tw, th, _) = thumbnail(&thumb).await.unwrap();
    assert_eq!((tw, th), (THUMB_EDGE, 171));
    let broken = bytes_blob(b"not an image", "image/png").unwrap();
    assert!(thumbnail(&broken).await.is_err());
}

#[wasm_bindgen_test]
async fn locks_are_held_listed_and_handed_over() {
    assert!(locks::available());
    assert!(locks::hold_for_page("test.page-lock").await);
    let held = locks::held_names().await.unwrap();
    assert!(held.iter().any(|n| n == "test.page-lock"), "{held:?}");
    let inside = locks::with_lock("test.work", || async {
        locks::held_names()
            .await
            .unwrap()
            .contains(&"test.work".to_string())
    })
    .await;
    assert_eq!(inside, Some(true));
    assert!(!locks::held_names()
        .await
        .unwrap()
        .contains(&"test.work".to_string()));
}

/// The core writes prices and counts as the browser's `Intl.NumberFormat` does for each
/// language (they sit inside core messages, so the core formats them itself).
#[wasm_bindgen_test]
fn core_number_formats_match_the_browsers_intl() {
    use studio_core::i18n::{format, Lang};
    let intl = js_sys::Function::new_with_args(
        "tag, usd, digits",
        "return usd === null ? new Intl.NumberFormat(tag).format(digits)\
         : new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD',\
             minimumFractionDigits: digits, maximumFractionDigits: digits }).format(usd);",
    );
    let call = |tag: &str, usd: JsValue, digits: f64| -> String {
        intl.call3(&JsValue::NULL, &tag.into(), &usd, &digits.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    for lang in Lang::ALL {
        for usd in [0.0061, 0.053, 0.175, 1.5, 1234.5, 98765.4321] {
            let digits = if usd < 0.01 { 4.0 } else { 3.0 };
            assert_eq!(
                format::usd(lang, usd),
                call(lang.tag(), usd.into(), digits),
                "{lang:?} {usd}"
            );
        }
        for n in [0u64, 7, 999, 1000, 1_234_567] {
            assert_eq!(
                format::count(lang, n),
                call(lang.tag(), JsValue::NULL, n as f64),
                "{lang:?} {n}"
            );
        }
    }
}
