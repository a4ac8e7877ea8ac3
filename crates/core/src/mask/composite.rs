//! "Keep outside the mask": the model treats the mask as a soft guide and often changes pixels
//! it was asked to keep, so image 1's pixels are pasted back outside the painted area. The seam
//! is feathered outside the painted area (the model's redraw is kept whole; the blend happens
//! where the model was meant to keep the picture anyway).

use crate::i18n::text::images;
use crate::i18n::{Lang, Text};
use crate::prep::decode::decode;
use crate::prep::resize::Pixels;
use crate::prep::sniff::SourceFormat;
use crate::tr;

/// Largest relative difference of aspect ratio still pasted back (results are multiples of
/// 16 px, so a 1365x2048 image 1 comes back as 1024x1536: 0.02% apart).
const ASPECT_TOLERANCE: f64 = 0.01;

/// Mask alpha below this is "painted" (to be redrawn).
const PAINTED_BELOW: u8 = 128;

/// Says why image 1 cannot be pasted back onto a result of `result` size, if it cannot (in
/// `lang`).
pub fn check_alignment(result: (u32, u32), image: (u32, u32), lang: Lang) -> Result<(), String> {
    let aspect = |(w, h): (u32, u32)| f64::from(w) / f64::from(h.max(1));
    if result.0 == 0 || result.1 == 0 || image.0 == 0 || image.1 == 0 {
        return Err(images::RESULT_SIZE_UNKNOWN.get(lang).to_string());
    }
    let (a, b) = (aspect(result), aspect(image));
    if (a - b).abs() / b > ASPECT_TOLERANCE {
        return Err(tr!(
            lang,
            images::NOT_ALIGNED,
            result_width = result.0,
            result_height = result.1,
            result_ratio = ratio_text(result),
            width = image.0,
            height = image.1,
            ratio = ratio_text(image)
        ));
    }
    Ok(())
}

/// "3:2", or "1.78:1" when no small ratio matches.
fn ratio_text((w, h): (u32, u32)) -> String {
    fn gcd(a: u32, b: u32) -> u32 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let g = gcd(w, h).max(1);
    if w / g <= 32 && h / g <= 32 {
        format!("{}:{}", w / g, h / g)
    } else {
        format!("{:.2}:1", f64::from(w) / f64::from(h))
    }
}

/// Painted pixels of a mask given as RGBA.
pub fn painted_from_alpha(rgba: &[u8]) -> Vec<bool> {
    rgba.chunks_exact(4).map(|p| p[3] < PAINTED_BELOW).collect()
}

/// Euclidean distance from each pixel centre to the nearest painted pixel centre (0 on painted
/// pixels; very large when nothing is painted). Felzenszwalb and Huttenlocher's exact
/// transform: two passes of a 1-D lower envelope of parabolas, linear in the pixel count.
pub fn distance_to_painted(painted: &[bool], width: u32, height: u32) -> Vec<f32> {
    const FAR: f64 = 1e20;
    let (w, h) = (width as usize, height as usize);
    let mut grid: Vec<f64> = painted.iter().map(|&p| if p { 0.0 } else { FAR }).collect();
    let n = w.max(h);
    let (mut f, mut d) = (vec![0.0; n], vec![0.0; n]);
    let (mut v, mut z) = (vec![0usize; n], vec![0.0; n + 1]);
    for y in 0..h {
        f[..w].copy_from_slice(&grid[y * w..(y + 1) * w]);
        squared_distance_1d(&f[..w], &mut d[..w], &mut v, &mut z);
        grid[y * w..(y + 1) * w].copy_from_slice(&d[..w]);
    }
    for x in 0..w {
        for y in 0..h {
            f[y] = grid[y * w + x];
        }
        squared_distance_1d(&f[..h], &mut d[..h], &mut v, &mut z);
        for y in 0..h {
            grid[y * w + x] = d[y];
        }
    }
    grid.into_iter().map(|s| s.sqrt() as f32).collect()
}

fn squared_distance_1d(f: &[f64], d: &mut [f64], v: &mut [usize], z: &mut [f64]) {
    let n = f.len();
    if n == 0 {
        return;
    }
    let mut k = 0;
    v[0] = 0;
    z[0] = f64::NEG_INFINITY;
    z[1] = f64::INFINITY;
    for q in 1..n {
        let qf = q as f64;
        loop {
            let p = v[k];
            let pf = p as f64;
            let s = ((f[q] + qf * qf) - (f[p] + pf * pf)) / (2.0 * qf - 2.0 * pf);
            if s <= z[k] && k > 0 {
                k -= 1;
                continue;
            }
            if s <= z[k] {
                // k == 0: the new parabola is lower everywhere.
                v[0] = q;
                z[1] = f64::INFINITY;
                break;
            }
            k += 1;
            v[k] = q;
            z[k] = s;
            z[k + 1] = f64::INFINITY;
            break;
        }
    }
    k = 0;
    for (q, out) in d.iter_mut().enumerate() {
        let qf = q as f64;
        while z[k + 1] < qf {
            k += 1;
        }
        let p = v[k] as f64;
        *out = (qf - p) * (qf - p) + f[v[k]];
    }
}

/// How much of image 1 each pixel takes: 0 where painted, rising smoothly with the distance
/// from the painted area to 1 at `feather_px` (a hard edge at 0).
pub fn keep_weights(painted: &[bool], width: u32, height: u32, feather_px: f32) -> Vec<f32> {
    let distance = distance_to_painted(painted, width, height);
    distance
        .into_iter()
        .map(|d| {
            if d <= 0.0 {
                0.0
            } else if feather_px <= 0.0 {
                1.0
            } else {
                let t = (d / feather_px).clamp(0.0, 1.0);
                t * t * (3.0 - 2.0 * t)
            }
        })
        .collect()
}

/// `result = weight * original + (1 - weight) * result`, per channel including alpha.
pub fn blend(result: &mut [u8], original: &[u8], weights: &[f32]) {
    for ((r, o), &w) in result
        .chunks_exact_mut(4)
        .zip(original.chunks_exact(4))
        .zip(weights)
    {
        if w >= 1.0 {
            r.copy_from_slice(o);
        } else if w > 0.0 {
            for c in 0..4 {
                let v = f32::from(o[c]) * w + f32::from(r[c]) * (1.0 - w);
                r[c] = v.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
}

/// A composited result and the format the result came in (it is encoded back in it).
pub struct Composited {
    pub pixels: Pixels,
    pub format: SourceFormat,
    /// Share of the pixels that were painted (redrawn by the model), 0..1.
    pub painted_share: f64,
}

/// Decodes the result, image 1 and its mask as sent, lines them up (image 1 and the mask are
/// resized to the result when only the scale differs) and pastes image 1 back outside the mask.
/// Refused with a sentence in `lang`.
pub fn keep_outside_mask(
    result: &[u8],
    image: &[u8],
    mask: &[u8],
    feather_px: f32,
    lang: Lang,
) -> Result<Composited, String> {
    let open = |bytes: &[u8], what: Text| -> Result<(Pixels, SourceFormat), String> {
        let decoded = decode(bytes).map_err(|e| {
            tr!(
                lang,
                images::CANNOT_BE_READ,
                what = what.get(lang),
                e = e.message(lang)
            )
        })?;
        let format = decoded.header.format;
        let orientation = decoded.header.orientation;
        Ok((
            Pixels::from_image(decoded.image).orient(orientation),
            format,
        ))
    };
    let (mut out, format) = open(result, images::THE_RESULT)?;
    let (original, _) = open(image, images::IMAGE_1)?;
    let (mask, _) = open(mask, images::THE_MASK)?;
    if (mask.width, mask.height) != (original.width, original.height) {
        return Err(tr!(
            lang,
            images::MASK_NOT_IMAGE_SIZE,
            mask_width = mask.width,
            mask_height = mask.height,
            width = original.width,
            height = original.height
        ));
    }
    check_alignment(
        (out.width, out.height),
        (original.width, original.height),
        lang,
    )?;
    let (w, h) = (out.width, out.height);
    let original = original.resize(w, h).map_err(|e| e.message(lang))?;
    let mask = mask.resize(w, h).map_err(|e| e.message(lang))?;
    let painted = painted_from_alpha(&mask.rgba);
    let painted_share = painted.iter().filter(|p| **p).count() as f64 / painted.len().max(1) as f64;
    let weights = keep_weights(&painted, w, h, feather_px);
    blend(&mut out.rgba, &original.rgba, &weights);
    Ok(Composited {
        pixels: out,
        format,
        painted_share,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_needs_the_same_aspect() {
        assert!(check_alignment((1024, 1024), (1024, 1024), Lang::En).is_ok());
        assert!(check_alignment((1024, 1536), (1365, 2048), Lang::En).is_ok());
        assert!(check_alignment((2048, 1536), (1024, 768), Lang::En).is_ok());
        let why = check_alignment((1536, 1024), (1024, 1024), Lang::En).unwrap_err();
        assert!(
            why.contains("1536x1024 (3:2)") && why.contains("1024x1024 (1:1)"),
            "{why}"
        );
        assert!(check_alignment((0, 0), (10, 10), Lang::En).is_err());
    }

    #[test]
    fn distances_match_brute_force_including_edges() {
        let (w, h) = (13u32, 7u32);
        let mut painted = vec![false; (w * h) as usize];
        for &(x, y) in &[(0u32, 0u32), (12, 6), (5, 3)] {
            painted[(y * w + x) as usize] = true;
        }
        let d = distance_to_painted(&painted, w, h);
        for y in 0..h {
            for x in 0..w {
                let best = [(0i32, 0i32), (12, 6), (5, 3)]
                    .iter()
                    .map(|&(px, py)| {
                        (((x as i32 - px).pow(2) + (y as i32 - py).pow(2)) as f32).sqrt()
                    })
                    .fold(f32::INFINITY, f32::min);
                assert!((d[(y * w + x) as usize] - best).abs() < 1e-4, "({x},{y})");
            }
        }
        let none = distance_to_painted(&[false; 6], 3, 2);
        assert!(none.iter().all(|&d| d > 1e6));
    }

    #[test]
    fn feather_ramps_from_the_painted_edge() {
        // One painted column at x = 0 in a 20x1 strip.
        let mut painted = vec![false; 20];
        painted[0] = true;
        let hard = keep_weights(&painted, 20, 1, 0.0);
        assert_eq!(hard[0], 0.0);
        assert!(hard[1..].iter().all(|&w| w == 1.0));
        let soft = keep_weights(&painted, 20, 1, 8.0);
        assert_eq!(soft[0], 0.0);
        assert!(soft[1] > 0.0 && soft[1] < 0.1);
        assert!((soft[4] - 0.5).abs() < 1e-6, "half way at half the radius");
        assert!(soft.windows(2).all(|p| p[0] <= p[1]), "monotonic");
        assert!(soft[8..].iter().all(|&w| w == 1.0));
    }

    #[test]
    fn blend_keeps_extremes_exact() {
        let mut result = vec![10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255];
        let original = vec![200, 100, 0, 255, 200, 100, 0, 255, 200, 100, 0, 128];
        blend(&mut result, &original, &[0.0, 0.5, 1.0]);
        assert_eq!(&result[0..4], &[10, 20, 30, 255]);
        assert_eq!(&result[4..8], &[105, 60, 15, 255]);
        assert_eq!(&result[8..12], &[200, 100, 0, 128]);
    }

    fn png(w: u32, h: u32, pixel: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| image::Rgba(pixel(x, y)));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn pastes_image_1_outside_the_mask_at_the_result_scale() {
        // Image 1 and mask 32x32; the model answered 64x64 (same aspect) in another colour.
        let image = png(32, 32, |_, _| [0, 0, 255, 255]);
        let mask = png(32, 32, |x, _| if x < 16 { [0, 0, 0, 0] } else { [255; 4] });
        let result = png(64, 64, |_, _| [255, 0, 0, 255]);
        let out = keep_outside_mask(&result, &image, &mask, 0.0, Lang::En).unwrap();
        assert_eq!((out.pixels.width, out.pixels.height), (64, 64));
        assert_eq!(out.format, SourceFormat::Png);
        assert!((out.painted_share - 0.5).abs() < 0.05);
        let at = |x: u32, y: u32| {
            let i = ((y * 64 + x) * 4) as usize;
            [
                out.pixels.rgba[i],
                out.pixels.rgba[i + 1],
                out.pixels.rgba[i + 2],
            ]
        };
        assert_eq!(at(5, 40), [255, 0, 0], "painted: the model's pixel");
        assert_eq!(at(60, 10), [0, 0, 255], "kept: image 1's pixel");
    }

    #[test]
    fn refuses_what_cannot_line_up() {
        let image = png(32, 32, |_, _| [0, 0, 255, 255]);
        let mask = png(32, 32, |_, _| [0, 0, 0, 0]);
        let wide = png(48, 32, |_, _| [255, 0, 0, 255]);
        let why = keep_outside_mask(&wide, &image, &mask, 4.0, Lang::En)
            .err()
            .unwrap();
        assert!(why.contains("do not line up"), "{why}");
        let why = keep_outside_mask(&wide, &image, &mask, 4.0, Lang::ZhCn)
            .err()
            .unwrap();
        assert!(
            why.starts_with("结果为 48x32（3:2），而图片 1 为 32x32（1:1）"),
            "{why}"
        );
        let small_mask = png(16, 16, |_, _| [0, 0, 0, 0]);
        assert!(keep_outside_mask(&wide, &image, &small_mask, 4.0, Lang::En).is_err());
        assert!(keep_outside_mask(b"junk", &image, &mask, 4.0, Lang::En).is_err());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn distance_transform_is_exact(
            w in 1u32..24, h in 1u32..24,
            cells in prop::collection::vec(any::<bool>(), 576),
        ) {
            let painted: Vec<bool> = cells[..(w * h) as usize].to_vec();
            let d = distance_to_painted(&painted, w, h);
            let points: Vec<(i64, i64)> = (0..w * h).filter(|&i| painted[i as usize]).map(|i| (i64::from(i % w), i64::from(i / w))).collect();
            for i in 0..w * h {
                let (x, y) = (i64::from(i % w), i64::from(i / w));
                match points.iter().map(|&(px, py)| (((x - px).pow(2) + (y - py).pow(2)) as f64).sqrt()).reduce(f64::min) {
                    Some(best) => prop_assert!((f64::from(d[i as usize]) - best).abs() < 1e-3),
                    None => prop_assert!(d[i as usize] > 1e6),
                }
            }
        }

        /// Weights stay in 0..=1, are 0 exactly on painted pixels and 1 beyond the radius.
        #[test]
        fn weights_are_bounded_and_exact_at_the_ends(
            w in 1u32..20, h in 1u32..20, feather in 0.0f32..10.0,
            cells in prop::collection::vec(any::<bool>(), 400),
        ) {
            let painted = &cells[..(w * h) as usize];
            let weights = keep_weights(painted, w, h, feather);
            let d = distance_to_painted(painted, w, h);
            for i in 0..(w * h) as usize {
                prop_assert!((0.0..=1.0).contains(&weights[i]));
                prop_assert_eq!(weights[i] == 0.0, painted[i]);
                if d[i] >= feather && !painted[i] { prop_assert_eq!(weights[i], 1.0); }
            }
        }
    }
}
