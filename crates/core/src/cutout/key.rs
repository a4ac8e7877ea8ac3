//! The chroma keyer: an image generated on a flat key colour becomes a cut-out with a soft
//! matte. Pure and single-threaded; it runs in the prep worker.
//!
//! 1. Coarse matte from colour distance to the key in OKLab: at or below `inner` a pixel is
//!    background, at or above `outer` it is subject, smooth between.
//! 2. Edge band (every pixel within `BAND` of a pixel that is not plain subject): the alpha is
//!    re-estimated as the blend factor between the key and the subject's own colour nearby
//!    (the mean of plain-subject pixels around it), which is how the renderer mixed them.
//! 3. Despill on the band: the key is unmixed from the colour, then any excess of the key's
//!    channels is removed (green: G no higher than max(R, B); magenta: min(R, B) no higher
//!    than G), so no edge keeps a green or magenta fringe.
//! 4. Feather: a 3x3 binomial blur of the alpha, inward only (a pixel the matte cleared stays
//!    clear).
//!
//! Cleared pixels are written as transparent black.

use super::oklab::{oklab, Lab};
use super::prompt::KeyColour;

/// Settings of the keyer; the defaults suit generated images (flat key, light noise).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyOptions {
    pub key: KeyColour,
    /// OKLab distance to the key at or below which a pixel is background.
    pub inner: f32,
    /// OKLab distance at or above which a pixel is subject.
    pub outer: f32,
    /// Remove the key's colour from edge pixels.
    pub despill: bool,
    /// Soften the matte by a 3x3 blur (inward).
    pub feather: bool,
}

impl KeyOptions {
    pub fn new(key: KeyColour) -> Self {
        KeyOptions {
            key,
            inner: 0.07,
            outer: 0.17,
            despill: true,
            feather: true,
        }
    }
}

/// What the keyer did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyReport {
    /// Share of fully transparent pixels, 0..1 (the UI shows it as data-alpha).
    pub transparent_share: f64,
    /// Share of pixels with partial alpha (the soft edge).
    pub edge_share: f64,
}

/// Pixels within this Chebyshev distance of a non-subject pixel form the edge band.
const BAND: usize = 2;
/// The window radius searched for the subject's own colour around an edge pixel.
const SEARCH: usize = 5;

/// How much of the key's colour a pixel carries beyond what its other channels explain, in
/// 0..255: green: G - max(R, B); magenta: min(R, B) - G. Zero or below: no spill.
pub fn key_excess(key: KeyColour, rgb: [u8; 3]) -> i32 {
    let [r, g, b] = rgb.map(i32::from);
    match key {
        KeyColour::Green => g - r.max(b),
        KeyColour::Magenta => r.min(b) - g,
    }
}

fn smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Dilates `mask` (true = marked) by `r` in Chebyshev distance, separably.
fn dilate(mask: &[bool], width: usize, height: usize, r: usize) -> Vec<bool> {
    let mut rows = vec![false; mask.len()];
    for y in 0..height {
        let row = &mask[y * width..(y + 1) * width];
        for x in 0..width {
            let (a, b) = (x.saturating_sub(r), (x + r).min(width - 1));
            rows[y * width + x] = row[a..=b].iter().any(|m| *m);
        }
    }
    let mut out = vec![false; mask.len()];
    for x in 0..width {
        for y in 0..height {
            let (a, b) = (y.saturating_sub(r), (y + r).min(height - 1));
            out[y * width + x] = (a..=b).any(|yy| rows[yy * width + x]);
        }
    }
    out
}

/// Keys `rgba` (width x height, 8-bit RGBA, alpha ignored on input) in place.
pub fn key_out(rgba: &mut [u8], width: u32, height: u32, opts: &KeyOptions) -> KeyReport {
    let (w, h) = (width as usize, height as usize);
    let n = w * h;
    assert_eq!(rgba.len(), n * 4, "RGBA buffer of width x height");
    if n == 0 {
        return KeyReport {
            transparent_share: 0.0,
            edge_share: 0.0,
        };
    }
    let key = opts.key.rgb();
    let key_lab: Lab = oklab(key);
    let px = |i: usize| [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];

    // 1. Coarse matte. Flat backgrounds repeat one colour: remember the last one.
    let mut alpha = vec![0f32; n];
    let mut last = ([0u8; 3], -1.0f32);
    for (i, a) in alpha.iter_mut().enumerate() {
        let c = px(i);
        let d = if c == last.0 && last.1 >= 0.0 {
            last.1
        } else {
            let d = oklab(c).distance(key_lab);
            last = (c, d);
            d
        };
        *a = smoothstep(opts.inner, opts.outer, d);
    }

    // 2. The band, and the plain subject ("core") whose colours stand for the subject.
    let not_subject: Vec<bool> = alpha.iter().map(|a| *a < 1.0).collect();
    let near_edge = dilate(&not_subject, w, h, BAND);
    let core: Vec<bool> = (0..n).map(|i| !near_edge[i]).collect();
    let band: Vec<bool> = (0..n).map(|i| near_edge[i] && alpha[i] > 0.0).collect();
    let keyf = key.map(|v| f32::from(v) / 255.0);
    let mut colour_of = vec![None::<[f32; 3]>; n];
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            if !band[i] {
                continue;
            }
            // The subject's own colour nearby, weighted towards the nearest core pixels.
            let (mut sum, mut weight) = ([0f32; 3], 0f32);
            let (x0, x1) = (x.saturating_sub(SEARCH), (x + SEARCH).min(w - 1));
            let (y0, y1) = (y.saturating_sub(SEARCH), (y + SEARCH).min(h - 1));
            for yy in y0..=y1 {
                for xx in x0..=x1 {
                    let j = yy * w + xx;
                    if core[j] {
                        let dist = (xx.abs_diff(x).max(yy.abs_diff(y))) as f32;
                        let wt = 1.0 / (dist * dist);
                        let c = px(j);
                        for k in 0..3 {
                            sum[k] += wt * f32::from(c[k]) / 255.0;
                        }
                        weight += wt;
                    }
                }
            }
            let c = px(i).map(|v| f32::from(v) / 255.0);
            if weight > 0.0 {
                let f = sum.map(|s| s / weight);
                let fk: [f32; 3] = [f[0] - keyf[0], f[1] - keyf[1], f[2] - keyf[2]];
                let len2 = fk.iter().map(|v| v * v).sum::<f32>();
                if len2 > 0.04 {
                    let ck = [c[0] - keyf[0], c[1] - keyf[1], c[2] - keyf[2]];
                    let dot: f32 = (0..3).map(|k| ck[k] * fk[k]).sum();
                    alpha[i] = (dot / len2).clamp(0.0, 1.0);
                    colour_of[i] = Some(f);
                }
            }
        }
    }

    // 4. Feather; the colours are unmixed with the matte as keyed (`matte`), before it.
    let matte = alpha.clone();
    if opts.feather {
        let before = &matte;
        for y in 0..h {
            for x in 0..w {
                let i = y * w + x;
                if before[i] == 0.0 || !near_edge[i] {
                    continue;
                }
                let (mut s, mut wsum) = (0f32, 0f32);
                for dy in -1i64..=1 {
                    for dx in -1i64..=1 {
                        let (xx, yy) = (x as i64 + dx, y as i64 + dy);
                        if xx < 0 || yy < 0 || xx >= w as i64 || yy >= h as i64 {
                            continue;
                        }
                        let wt =
                            [1.0, 2.0, 1.0][(dx + 1) as usize] * [1.0, 2.0, 1.0][(dy + 1) as usize];
                        s += wt * before[yy as usize * w + xx as usize];
                        wsum += wt;
                    }
                }
                // Inward: a feathered edge never grows beyond the keyed one.
                alpha[i] = (s / wsum).min(before[i]);
            }
        }
    }

    // 3. Colours: unmix the key from the band, remove what spill is left; clear the rest.
    let (mut clear, mut edge) = (0usize, 0usize);
    for i in 0..n {
        let a = alpha[i];
        let a8 = (a * 255.0).round() as u8;
        let p = &mut rgba[i * 4..i * 4 + 4];
        if a8 == 0 {
            p.copy_from_slice(&[0, 0, 0, 0]);
            clear += 1;
            continue;
        }
        if a8 < 255 {
            edge += 1;
        }
        if band[i] && opts.despill {
            let a = matte[i];
            let c = [p[0], p[1], p[2]].map(|v| f32::from(v) / 255.0);
            let mut rgb = match colour_of[i] {
                // Too little subject in the pixel to unmix reliably: the subject's colour.
                Some(f) if a < 0.2 => f,
                _ => {
                    let a = a.max(1e-3);
                    [0, 1, 2].map(|k| ((c[k] - (1.0 - a) * keyf[k]) / a).clamp(0.0, 1.0))
                }
            };
            match opts.key {
                KeyColour::Green => rgb[1] = rgb[1].min(rgb[0].max(rgb[2])),
                KeyColour::Magenta => {
                    let excess = rgb[0].min(rgb[2]) - rgb[1];
                    if excess > 0.0 {
                        rgb[0] -= excess;
                        rgb[2] -= excess;
                    }
                }
            }
            let out = rgb.map(|v| (v * 255.0).round().clamp(0.0, 255.0) as u8);
            p[..3].copy_from_slice(&out);
        }
        p[3] = a8;
    }
    KeyReport {
        transparent_share: clear as f64 / n as f64,
        edge_share: edge as f64 / n as f64,
    }
}

/// The share of fully transparent pixels in an RGBA buffer.
pub fn transparent_share(rgba: &[u8]) -> f64 {
    let n = rgba.len() / 4;
    if n == 0 {
        return 0.0;
    }
    rgba.chunks_exact(4).filter(|p| p[3] == 0).count() as f64 / n as f64
}
