//! What a result's pixels say against what was asked: the fault variants that downgrade the
//! size while echoing it, flatten a transparent background, or ignore an edit's mask, and the
//! normal masked edit that keeps to its mask (measured with the studio's own drift check).

use std::io::Cursor;

use base64::Engine;
use image::{DynamicImage, ImageFormat, RgbaImage};
use local_backend::{spawn_api, Config};
use serde_json::{json, Value};
use studio_core::mask::drift::{measure_drift, DriftReport, DriftVerdict};

async fn start() -> String {
    let addr = spawn_api(Config::default()).await.expect("bind");
    format!("http://{addr}")
}

async fn post_json(base: &str, path: &str, body: Value) -> Value {
    let resp = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 200);
    serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap()
}

fn decoded(item: &Value) -> DynamicImage {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(item["b64_json"].as_str().expect("b64_json"))
        .unwrap();
    image::load_from_memory(&bytes).expect("an image")
}

fn png(img: &RgbaImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn a_downgrade_can_echo_the_size_asked_for() {
    let base = start().await;
    post_json(
        &base,
        "/__admin/faults",
        json!({"match": "echo", "variant": "downgrade_echo_size"}),
    )
    .await;
    let body = |prompt: &str| json!({"model": "gpt-image-2", "prompt": prompt, "size": "3840x2160", "quality": "low"});
    let v = post_json(&base, "/v1/images/generations", body("echo the size")).await;
    assert_eq!(v["size"], "3840x2160", "the asked size, echoed");
    let img = decoded(&v["data"][0]);
    assert_eq!((img.width(), img.height()), (1672, 941));
    // The rule is used up: the next answer is the real size.
    let v = post_json(&base, "/v1/images/generations", body("echo the size")).await;
    assert_eq!(
        (decoded(&v["data"][0]).width(), v["size"].as_str()),
        (3840, Some("3840x2160"))
    );
}

#[tokio::test]
async fn a_flattened_background_has_an_alpha_channel_and_no_transparency() {
    let base = start().await;
    post_json(
        &base,
        "/__admin/faults",
        json!({"match": "flatten", "variant": "opaque_background"}),
    )
    .await;
    let body = |prompt: &str| {
        json!({"model": "gpt-image-2.5-flare", "prompt": prompt, "size": "1024x1024",
               "quality": "low", "background": "transparent", "output_format": "png"})
    };
    let v = post_json(&base, "/v1/images/generations", body("flatten me")).await;
    assert_eq!(v["background"], "transparent", "the answer still claims it");
    let img = decoded(&v["data"][0]);
    assert!(img.color().has_alpha(), "an alpha channel");
    assert!(img.to_rgba8().pixels().all(|p| p.0[3] == 255), "all opaque");
    let v = post_json(&base, "/v1/images/generations", body("flatten me")).await;
    let clear = decoded(&v["data"][0])
        .to_rgba8()
        .pixels()
        .filter(|p| p.0[3] == 0)
        .count();
    assert!(
        clear > 1000,
        "without the fault, a transparent background: {clear}"
    );
}

/// Image 1: a busy picture (so that a redraw differs from it about evenly everywhere).
fn image1(w: u32, h: u32) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        let v = ((x * 7) ^ (y * 5)) as u8;
        image::Rgba([v, 255 - v, ((x + y) * 2) as u8, 255])
    })
}

/// A painted rectangle (alpha 0) in the middle third of the picture.
fn mask(w: u32, h: u32) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        let inside = (w / 3..2 * w / 3).contains(&x) && (h / 4..3 * h / 4).contains(&y);
        image::Rgba([0, 0, 0, if inside { 0 } else { 255 }])
    })
}

async fn masked_edit(base: &str, prompt: &str) -> DriftReport {
    let (w, h) = (256, 256);
    let (one, m) = (image1(w, h), mask(w, h));
    let boundary = "----deliverytestboundary";
    let mut body = Vec::new();
    for (name, value) in [
        ("model", "gpt-image-2"),
        ("prompt", prompt),
        ("size", "1024x1024"),
        ("quality", "low"),
    ] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    for (name, bytes) in [("image[]", png(&one)), ("mask", png(&m))] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(&bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let resp = reqwest::Client::new()
        .post(format!("{base}/v1/images/edits"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap();
    let result = decoded(&v["data"][0]).to_rgba8();
    let (rw, rh) = result.dimensions();
    let scale = |img: &RgbaImage| {
        image::imageops::resize(img, rw, rh, image::imageops::FilterType::Triangle)
    };
    measure_drift(&scale(&one), &result, &scale(&m), rw, rh).unwrap()
}

#[tokio::test]
async fn a_masked_edit_keeps_to_its_mask_unless_the_gateway_ignores_it() {
    let base = start().await;
    let followed = masked_edit(&base, "a lantern in the middle").await;
    println!("normal masked edit: {followed:?}");
    assert_eq!(followed.verdict, DriftVerdict::Followed);
    assert!(followed.inside_changed > 0.5, "{followed:?}");
    assert!(
        followed.outside_mean > 0.01,
        "the outside drifts a little: {followed:?}"
    );
    assert!(
        followed.inside_mean > 3.0 * followed.outside_mean,
        "{followed:?}"
    );

    post_json(
        &base,
        "/__admin/faults",
        json!({"match": "lantern", "variant": "ignore_mask"}),
    )
    .await;
    let ignored = masked_edit(&base, "a lantern in the middle").await;
    println!("mask ignored: {ignored:?}");
    assert_eq!(ignored.verdict, DriftVerdict::MayHaveIgnored, "{ignored:?}");
    assert!(ignored.outside_changed > 0.5, "{ignored:?}");
}
