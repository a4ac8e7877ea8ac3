//! The keyer on generated images whose alpha is known: an anti-aliased subject (a disc, a
//! rotated bar, a 1.5 px line) with a colour gradient, blended over a flat key colour the way
//! a renderer blends (in sRGB), with and without noise.
//!
//! Checked: the soft IoU of the matte against the true coverage (sum of minima over sum of
//! maxima) >= 0.97; no visible edge pixel keeps more than 2/255 of key excess (green:
//! G - max(R, B); magenta: min(R, B) - G), where before keying the edge carried up to ~250/255;
//! the reported share of fully transparent pixels matches the buffer and the truth.
#![cfg(not(target_arch = "wasm32"))]

use studio_core::cutout::{key_excess, key_out, transparent_share, KeyColour, KeyOptions};

const W: u32 = 320;
const H: u32 = 240;
const DESPILL_MAX: i32 = 2;

/// Coverage of the subject at a point (1 inside).
fn inside(x: f64, y: f64) -> bool {
    let disc = (x - 130.0).powi(2) + (y - 120.0).powi(2) <= 70.0f64.powi(2);
    // A bar 150 x 36 rotated by 30 degrees around (220, 110).
    let (c, s) = (30f64.to_radians().cos(), 30f64.to_radians().sin());
    let (dx, dy) = (x - 220.0, y - 110.0);
    let (u, v) = (dx * c + dy * s, -dx * s + dy * c);
    let bar = u.abs() <= 75.0 && v.abs() <= 18.0;
    // A thin line from (30, 220) to (300, 200), 1.5 px wide.
    let (lx, ly) = (270.0, -20.0);
    let t = (((x - 30.0) * lx + (y - 220.0) * ly) / (lx * lx + ly * ly)).clamp(0.0, 1.0);
    let (px, py) = (30.0 + t * lx, 220.0 + t * ly);
    let line = ((x - px).powi(2) + (y - py).powi(2)).sqrt() <= 0.75;
    disc || bar || line
}

/// The true alpha (8x8 supersampled coverage) and the composited RGBA image.
fn scene(key: KeyColour, from: [f64; 3], to: [f64; 3], noise: i32) -> (Vec<f64>, Vec<u8>) {
    let k = key.rgb().map(f64::from);
    let mut truth = Vec::with_capacity((W * H) as usize);
    let mut rgba = Vec::with_capacity((W * H * 4) as usize);
    let mut seed: u32 = 0x1234_5678;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        if noise == 0 {
            0
        } else {
            (seed % (2 * noise as u32 + 1)) as i32 - noise
        }
    };
    for y in 0..H {
        for x in 0..W {
            let mut hits = 0;
            for sy in 0..8 {
                for sx in 0..8 {
                    let fx = f64::from(x) + (f64::from(sx) + 0.5) / 8.0;
                    let fy = f64::from(y) + (f64::from(sy) + 0.5) / 8.0;
                    hits += u32::from(inside(fx, fy));
                }
            }
            let a = f64::from(hits) / 64.0;
            let t = f64::from(x) / f64::from(W);
            // A gradient with some texture, as a subject has.
            let shade = 0.9 + 0.1 * ((f64::from(x) * 0.3).sin() * (f64::from(y) * 0.2).cos());
            let fg = [0, 1, 2].map(|c| (from[c] + (to[c] - from[c]) * t) * shade);
            for c in 0..3 {
                let v = a * fg[c] + (1.0 - a) * k[c] + f64::from(rnd());
                rgba.push(v.round().clamp(0.0, 255.0) as u8);
            }
            rgba.push(255);
            truth.push(a);
        }
    }
    (truth, rgba)
}

fn soft_iou(truth: &[f64], rgba: &[u8]) -> f64 {
    let (mut inter, mut union) = (0.0, 0.0);
    for (t, p) in truth.iter().zip(rgba.chunks_exact(4)) {
        let a = f64::from(p[3]) / 255.0;
        inter += t.min(a);
        union += t.max(a);
    }
    inter / union
}

/// The largest key excess over visible pixels of the edge (partial alpha, or on the true edge).
fn max_edge_excess(key: KeyColour, truth: &[f64], rgba: &[u8]) -> i32 {
    truth
        .iter()
        .zip(rgba.chunks_exact(4))
        .filter(|(t, p)| p[3] > 0 && (p[3] < 255 || (**t > 0.0 && **t < 1.0)))
        .map(|(_, p)| key_excess(key, [p[0], p[1], p[2]]))
        .max()
        .unwrap_or(i32::MIN)
}

fn check(key: KeyColour, from: [f64; 3], to: [f64; 3], noise: i32) -> (f64, i32, i32) {
    let (truth, mut rgba) = scene(key, from, to, noise);
    let before = max_edge_excess(key, &truth, &rgba);
    let report = key_out(&mut rgba, W, H, &KeyOptions::new(key));
    let iou = soft_iou(&truth, &rgba);
    let after = max_edge_excess(key, &truth, &rgba);
    let clear_truth = truth.iter().filter(|t| **t == 0.0).count() as f64 / truth.len() as f64;
    assert!((report.transparent_share - transparent_share(&rgba)).abs() < 1e-12);
    assert!(
        (report.transparent_share - clear_truth).abs() < 0.01,
        "transparent share {} vs true {clear_truth}",
        report.transparent_share
    );
    // Cleared pixels carry no colour.
    assert!(rgba
        .chunks_exact(4)
        .filter(|p| p[3] == 0)
        .all(|p| p[..3] == [0, 0, 0]));
    (iou, before, after)
}

#[test]
fn green_key_orange_to_blue_subject() {
    let (iou, before, after) = check(
        KeyColour::Green,
        [235.0, 125.0, 40.0],
        [40.0, 80.0, 205.0],
        0,
    );
    println!("green: IoU {iou:.4}, edge key excess {before} -> {after}");
    assert!(iou >= 0.97, "IoU {iou}");
    assert!(
        before > 60,
        "the test edge carries spill before keying ({before})"
    );
    assert!(after <= DESPILL_MAX, "key excess left on the edge: {after}");
}

#[test]
fn magenta_key_green_to_yellow_subject() {
    let (iou, before, after) = check(
        KeyColour::Magenta,
        [50.0, 160.0, 60.0],
        [230.0, 205.0, 40.0],
        0,
    );
    println!("magenta: IoU {iou:.4}, edge key excess {before} -> {after}");
    assert!(iou >= 0.97, "IoU {iou}");
    assert!(
        before > 60,
        "the test edge carries spill before keying ({before})"
    );
    assert!(after <= DESPILL_MAX, "key excess left on the edge: {after}");
}

#[test]
fn noisy_backgrounds_key_as_well() {
    for (key, from, to) in [
        (KeyColour::Green, [200.0, 60.0, 60.0], [250.0, 250.0, 250.0]),
        (KeyColour::Magenta, [20.0, 20.0, 20.0], [90.0, 200.0, 110.0]),
    ] {
        let (iou, before, after) = check(key, from, to, 6);
        println!("{key:?} noisy: IoU {iou:.4}, edge key excess {before} -> {after}");
        assert!(iou >= 0.97, "{key:?}: IoU {iou}");
        assert!(
            after <= DESPILL_MAX,
            "{key:?}: key excess left on the edge: {after}"
        );
    }
}

#[test]
fn an_empty_key_image_is_all_transparent_and_a_full_subject_all_opaque() {
    let mut flat: Vec<u8> = [0u8, 255, 0, 255].repeat(64 * 32);
    let r = key_out(&mut flat, 64, 32, &KeyOptions::new(KeyColour::Green));
    assert_eq!(r.transparent_share, 1.0);
    let mut subject: Vec<u8> = [200u8, 40, 40, 255].repeat(64 * 32);
    let r = key_out(&mut subject, 64, 32, &KeyOptions::new(KeyColour::Green));
    assert_eq!((r.transparent_share, r.edge_share), (0.0, 0.0));
    assert!(subject.chunks_exact(4).all(|p| p == [200, 40, 40, 255]));
    let mut none: Vec<u8> = Vec::new();
    assert_eq!(
        key_out(&mut none, 0, 0, &KeyOptions::new(KeyColour::Magenta)).transparent_share,
        0.0
    );
}
