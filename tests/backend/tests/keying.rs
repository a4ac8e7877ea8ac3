//! End to end: the studio asks a model without native transparency for its subject on a flat
//! key colour (its own prompt sentence), this backend draws exactly that, and the studio's
//! keyer cuts it out. Checked on the decoded answer: every key pixel becomes transparent, the
//! subject stays opaque, the edge keeps no key excess, and the transparent share is reported.

use base64::Engine;
use local_backend::{spawn_api, Config};
use serde_json::json;
use studio_core::cutout::{
    key_excess, key_out, keyed_prompt, pick_key, KeyChoice, KeyColour, KeyOptions,
};

async fn keyed_image(prompt: &str, format: &str) -> image::RgbaImage {
    let addr = spawn_api(Config::default()).await.expect("bind");
    let resp = reqwest::Client::new()
        .post(format!("http://{addr}/v1/images/generations"))
        .header("content-type", "application/json")
        .body(
            json!({"model": "gpt-image-2", "prompt": prompt, "size": "1024x1024",
                   "quality": "low", "output_format": format})
            .to_string(),
        )
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status().as_u16(), 200);
    let v: serde_json::Value = serde_json::from_slice(&resp.bytes().await.expect("body")).unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(v["data"][0]["b64_json"].as_str().unwrap())
        .unwrap();
    image::load_from_memory(&bytes).unwrap().to_rgba8()
}

#[tokio::test]
async fn the_studio_keys_what_the_backend_draws() {
    for (subject, expected_key) in [
        ("A glass bottle", KeyColour::Green),
        ("A green frog", KeyColour::Magenta),
    ] {
        let key = pick_key(subject, KeyChoice::Auto);
        assert_eq!(key, expected_key, "{subject}");
        let img = keyed_image(&keyed_prompt(subject, key), "png").await;
        let (w, h) = img.dimensions();
        let before: Vec<[u8; 4]> = img.pixels().map(|p| p.0).collect();
        let mut rgba = img.into_raw();
        let report = key_out(&mut rgba, w, h, &KeyOptions::new(key));
        let k = key.rgb();
        let (mut flat, mut cleared, mut subject_px, mut opaque, mut worst) = (0, 0, 0, 0, i32::MIN);
        for (b, a) in before.iter().zip(rgba.chunks_exact(4)) {
            let was = [b[0], b[1], b[2]];
            if was == k {
                flat += 1;
                cleared += usize::from(a[3] == 0);
            } else if key_excess(key, was) <= 0 && rgb_far(was, k) {
                subject_px += 1;
                opaque += usize::from(a[3] == 255);
            }
            if a[3] > 0 && a[3] < 255 {
                worst = worst.max(key_excess(key, [a[0], a[1], a[2]]));
            }
        }
        println!(
            "{subject}: {:?} key, transparent share {:.3}, edge share {:.4}, worst edge excess {worst}",
            key, report.transparent_share, report.edge_share
        );
        assert_eq!(cleared, flat, "every key pixel is cleared");
        assert!(
            opaque as f64 >= 0.97 * subject_px as f64,
            "{opaque} of {subject_px}"
        );
        assert!(worst <= 2, "key excess left on the edge: {worst}");
        assert!((report.transparent_share - flat as f64 / before.len() as f64).abs() < 0.01);
    }
}

/// Clearly a subject colour: far from the key in RGB.
fn rgb_far(c: [u8; 3], k: [u8; 3]) -> bool {
    let d: i32 = (0..3)
        .map(|i| (i32::from(c[i]) - i32::from(k[i])).pow(2))
        .sum();
    d > 200 * 200
}
