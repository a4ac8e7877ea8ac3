//! Mask drift: how much a masked edit changed inside the mask against outside it, measured
//! between image 1 (scaled to the result's size) and the result. A gateway that follows the
//! mask redraws the inside and keeps the outside close; one that ignores it (drops the `mask`
//! part, or a model without mask support) changes the whole picture about evenly.

use serde::{Deserialize, Serialize};

use super::composite::painted_from_alpha;
use crate::prep::resize::Pixels;

/// A pixel whose change (0..1, see [`pixel_change`]) is above this counts as changed: above
/// what a lossy re-encode or a model's slight colour drift does (about 24 levels of 255).
pub const CHANGED_ABOVE: f32 = 24.0 / 255.0;

/// The inside must change more than this many times the outside for the mask to count as
/// followed: measurement noise (content that differs by chance between the two areas) keeps
/// a mask-ignoring redraw within about 1.3x, while a followed mask shows 3x to 50x.
pub const FOLLOWED_ABOVE_RATIO: f64 = 1.5;

/// Pixels this close to the mask's edge (as a share of the short side, at least 2 px) are
/// left out of both areas: models blend across the edge, which says nothing about the mask.
const EDGE_SHARE: f64 = 0.01;

/// Fewer measured pixels than this on a side: the edge band is not left out (a tiny mask).
const MIN_SIDE_PIXELS: u64 = 64;

/// What the measurement says about the mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DriftVerdict {
    /// The inside changed clearly more than the outside.
    Followed,
    /// The inside changed no more than the outside (within the noise margin): the gateway may
    /// have ignored the mask.
    MayHaveIgnored,
    /// Nothing (or everything) is painted: there is no inside or no outside to compare.
    Unmeasurable,
}

/// Inside is the painted area (mask alpha below 128: to be redrawn), outside the rest.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriftReport {
    /// Mean per-pixel change inside the mask, 0..1.
    pub inside_mean: f64,
    /// Mean per-pixel change outside the mask, 0..1.
    pub outside_mean: f64,
    /// Share of the inside's pixels that changed (above [`CHANGED_ABOVE`]).
    pub inside_changed: f64,
    /// Share of the outside's pixels that changed.
    pub outside_changed: f64,
    /// Share of the picture that is painted.
    pub painted_share: f64,
    /// Pixels measured on each side (the edge band left out).
    pub inside_pixels: u64,
    pub outside_pixels: u64,
    pub verdict: DriftVerdict,
}

impl DriftReport {
    /// Whether the result should say the gateway may have ignored the mask.
    pub fn warns(&self) -> bool {
        self.verdict == DriftVerdict::MayHaveIgnored
    }
}

/// Why drift cannot be measured on these buffers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DriftError {
    /// A buffer is not `width * height` RGBA pixels.
    SizeMismatch { expected: usize, got: usize },
}

/// The change of one RGBA pixel, 0..1: the largest channel difference of the colours
/// weighted by their alpha, or of the alpha itself (a colour under alpha 0 is not seen).
pub fn pixel_change(a: &[u8], b: &[u8]) -> f32 {
    let (aa, ba) = (u32::from(a[3]), u32::from(b[3]));
    let mut most = aa.abs_diff(ba) * 255;
    for c in 0..3 {
        most = most.max((u32::from(a[c]) * aa).abs_diff(u32::from(b[c]) * ba));
    }
    most as f32 / (255.0 * 255.0)
}

/// Summed-area table of painted pixels: `(w + 1) * (h + 1)` counts.
fn painted_table(painted: &[bool], w: usize, h: usize) -> Vec<u32> {
    let mut table = vec![0u32; (w + 1) * (h + 1)];
    for y in 0..h {
        let mut row = 0u32;
        for x in 0..w {
            row += u32::from(painted[y * w + x]);
            table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1] + row;
        }
    }
    table
}

/// For each pixel: whether the square of radius `r` around it holds both painted and kept
/// pixels (it is in the band along the mask's edge).
fn edge_band(painted: &[bool], w: usize, h: usize, r: usize) -> Vec<bool> {
    let table = painted_table(painted, w, h);
    let at = |x: usize, y: usize| table[y * (w + 1) + x];
    let mut band = vec![false; w * h];
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let count = at(x1, y1) + at(x0, y0) - at(x0, y1) - at(x1, y0);
            let area = ((x1 - x0) * (y1 - y0)) as u32;
            band[y * w + x] = count > 0 && count < area;
        }
    }
    band
}

#[derive(Default)]
struct Side {
    pixels: u64,
    sum: f64,
    changed: u64,
}

impl Side {
    fn mean(&self) -> f64 {
        self.sum / self.pixels.max(1) as f64
    }
    fn changed_share(&self) -> f64 {
        self.changed as f64 / self.pixels.max(1) as f64
    }
}

fn check(buffer: &[u8], width: u32, height: u32) -> Result<(), DriftError> {
    let expected = width as usize * height as usize * 4;
    if buffer.len() == expected {
        Ok(())
    } else {
        Err(DriftError::SizeMismatch {
            expected,
            got: buffer.len(),
        })
    }
}

/// Measures the change between `original` (image 1 scaled to the result's size) and `result`
/// inside and outside `mask` (all RGBA8 of `width` x `height`; the mask's alpha marks the
/// painted area).
pub fn measure_drift(
    original: &[u8],
    result: &[u8],
    mask: &[u8],
    width: u32,
    height: u32,
) -> Result<DriftReport, DriftError> {
    for buffer in [original, result, mask] {
        check(buffer, width, height)?;
    }
    let (w, h) = (width as usize, height as usize);
    let painted = painted_from_alpha(mask);
    let painted_count = painted.iter().filter(|p| **p).count();
    let radius = ((w.min(h) as f64 * EDGE_SHARE).round() as usize).max(2);
    let band = edge_band(&painted, w, h, radius);
    let measure = |skip_band: bool| {
        let (mut inside, mut outside) = (Side::default(), Side::default());
        for (i, (o, r)) in original
            .chunks_exact(4)
            .zip(result.chunks_exact(4))
            .enumerate()
        {
            if skip_band && band[i] {
                continue;
            }
            let d = pixel_change(o, r);
            let side = if painted[i] {
                &mut inside
            } else {
                &mut outside
            };
            side.pixels += 1;
            side.sum += f64::from(d);
            side.changed += u64::from(d > CHANGED_ABOVE);
        }
        (inside, outside)
    };
    let (mut inside, mut outside) = measure(true);
    if inside.pixels < MIN_SIDE_PIXELS || outside.pixels < MIN_SIDE_PIXELS {
        (inside, outside) = measure(false);
    }
    let verdict = if inside.pixels == 0 || outside.pixels == 0 {
        DriftVerdict::Unmeasurable
    } else if inside.mean() > outside.mean() * FOLLOWED_ABOVE_RATIO {
        DriftVerdict::Followed
    } else {
        DriftVerdict::MayHaveIgnored
    };
    Ok(DriftReport {
        inside_mean: inside.mean(),
        outside_mean: outside.mean(),
        inside_changed: inside.changed_share(),
        outside_changed: outside.changed_share(),
        painted_share: painted_count as f64 / painted.len().max(1) as f64,
        inside_pixels: inside.pixels,
        outside_pixels: outside.pixels,
        verdict,
    })
}

/// Colour of a change on the heatmap: near black where nothing changed, through red to
/// yellow and white where the pixel changed entirely. Small changes are stretched (x2) so a
/// model's drift outside the mask shows.
fn heat(d: f32) -> [u8; 3] {
    let t = (d * 2.0).clamp(0.0, 1.0);
    let ramp = |lo: f32, hi: f32| (((t - lo) / (hi - lo)).clamp(0.0, 1.0) * 255.0).round() as u8;
    [
        ramp(0.0, 0.4).max(20),
        ramp(0.35, 0.8).max(20),
        ramp(0.75, 1.0).max(28),
    ]
}

/// The heatmap of the change (RGBA8, opaque, `width` x `height`): [`heat`] per pixel, the
/// painted area tinted blue so that the mask's outline reads.
pub fn drift_heatmap(
    original: &[u8],
    result: &[u8],
    mask: &[u8],
    width: u32,
    height: u32,
) -> Result<Pixels, DriftError> {
    for buffer in [original, result, mask] {
        check(buffer, width, height)?;
    }
    let mut rgba = Vec::with_capacity(original.len());
    for ((o, r), m) in original
        .chunks_exact(4)
        .zip(result.chunks_exact(4))
        .zip(mask.chunks_exact(4))
    {
        let [mut red, mut green, mut blue] = heat(pixel_change(o, r));
        if m[3] < 128 {
            // Half way to a clear blue: the inside reads as such, whatever its heat.
            red = ((u16::from(red) + 40) / 2) as u8;
            green = ((u16::from(green) + 110) / 2) as u8;
            blue = ((u16::from(blue) + 255) / 2) as u8;
        }
        rgba.extend_from_slice(&[red, green, blue, 255]);
    }
    Ok(Pixels {
        rgba,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w` x `h` RGBA buffer from a pixel function.
    fn image(w: u32, h: u32, pixel: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
        (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .flat_map(|(x, y)| pixel(x, y))
            .collect()
    }

    /// Left half painted (alpha 0), right half kept.
    fn left_half(w: u32, h: u32) -> Vec<u8> {
        image(w, h, |x, _| if x < w / 2 { [0; 4] } else { [255; 4] })
    }

    fn gradient(w: u32, h: u32) -> Vec<u8> {
        image(w, h, |x, y| {
            [(x * 255 / w) as u8, (y * 255 / h) as u8, 128, 255]
        })
    }

    #[test]
    fn pixel_change_weighs_colour_by_alpha() {
        assert_eq!(pixel_change(&[10, 20, 30, 255], &[10, 20, 30, 255]), 0.0);
        assert_eq!(pixel_change(&[0, 0, 0, 255], &[255, 255, 255, 255]), 1.0);
        // Different colours, both fully transparent: nothing visible changed.
        assert_eq!(pixel_change(&[0, 0, 0, 0], &[255, 0, 0, 0]), 0.0);
        // Alpha alone.
        assert!((pixel_change(&[9, 9, 9, 0], &[9, 9, 9, 255]) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_redraw_inside_the_mask_is_followed() {
        let (w, h) = (64, 48);
        let original = gradient(w, h);
        let mask = left_half(w, h);
        // Inside: a new picture; outside: image 1 shifted by 6 levels (a model's drift).
        let result = image(w, h, |x, y| {
            let i = ((y * w + x) * 4) as usize;
            if x < w / 2 {
                [250, 10, 10, 255]
            } else {
                [
                    original[i].saturating_add(6),
                    original[i + 1],
                    original[i + 2],
                    255,
                ]
            }
        });
        let r = measure_drift(&original, &result, &mask, w, h).unwrap();
        assert_eq!(r.verdict, DriftVerdict::Followed, "{r:?}");
        assert!(!r.warns());
        assert!(r.inside_mean > 0.5 && r.outside_mean < 0.03, "{r:?}");
        assert!(r.inside_changed > 0.9 && r.outside_changed == 0.0, "{r:?}");
        assert!((r.painted_share - 0.5).abs() < 1e-9);
        // The edge band (2 px each side of x = 32) is not measured.
        assert_eq!(r.inside_pixels + r.outside_pixels, u64::from((w - 4) * h));
    }

    #[test]
    fn an_even_change_everywhere_may_have_ignored_the_mask() {
        let (w, h) = (64, 48);
        let original = gradient(w, h);
        let mask = left_half(w, h);
        let result = image(w, h, |x, y| {
            let i = ((y * w + x) * 4) as usize;
            [255 - original[i], original[i + 1] / 2, 40, 255]
        });
        let r = measure_drift(&original, &result, &mask, w, h).unwrap();
        assert_eq!(r.verdict, DriftVerdict::MayHaveIgnored, "{r:?}");
        assert!(r.warns());
        // The result unchanged: the inside changed no more than the outside (both nothing).
        let r = measure_drift(&original, &original, &mask, w, h).unwrap();
        assert_eq!((r.inside_mean, r.outside_mean), (0.0, 0.0));
        assert_eq!(r.verdict, DriftVerdict::MayHaveIgnored);
    }

    #[test]
    fn no_inside_or_no_outside_cannot_be_measured() {
        let (w, h) = (16, 16);
        let original = gradient(w, h);
        let result = image(w, h, |_, _| [0, 0, 0, 255]);
        let none = image(w, h, |_, _| [255; 4]);
        let all = image(w, h, |_, _| [0; 4]);
        for mask in [none, all] {
            let r = measure_drift(&original, &result, &mask, w, h).unwrap();
            assert_eq!(r.verdict, DriftVerdict::Unmeasurable, "{r:?}");
            assert!(!r.warns());
        }
    }

    #[test]
    fn a_tiny_mask_is_measured_with_its_edge() {
        let (w, h) = (100, 100);
        let original = gradient(w, h);
        // A 3x3 painted dot: inside the edge band entirely.
        let mask = image(w, h, |x, y| {
            if (50..53).contains(&x) && (50..53).contains(&y) {
                [0; 4]
            } else {
                [255; 4]
            }
        });
        let result = image(w, h, |x, y| {
            let i = ((y * w + x) * 4) as usize;
            if (50..53).contains(&x) && (50..53).contains(&y) {
                [0, 0, 0, 255]
            } else {
                [original[i], original[i + 1], original[i + 2], 255]
            }
        });
        let r = measure_drift(&original, &result, &mask, w, h).unwrap();
        assert_eq!(r.inside_pixels, 9);
        assert_eq!(r.verdict, DriftVerdict::Followed, "{r:?}");
    }

    #[test]
    fn wrong_buffer_sizes_are_refused() {
        let good = vec![0u8; 4 * 4 * 4];
        assert_eq!(
            measure_drift(&good, &good[..60], &good, 4, 4),
            Err(DriftError::SizeMismatch {
                expected: 64,
                got: 60
            })
        );
        assert!(drift_heatmap(&good, &good, &good[..4], 4, 4).is_err());
    }

    #[test]
    fn heatmap_is_dark_where_unchanged_bright_where_changed_and_blue_inside() {
        let (w, h) = (4, 1);
        let original = image(w, h, |_, _| [0, 0, 0, 255]);
        let result = image(
            w,
            h,
            |x, _| if x % 2 == 0 { [0, 0, 0, 255] } else { [255; 4] },
        );
        // Pixels 0 and 1 painted.
        let mask = image(w, h, |x, _| if x < 2 { [0; 4] } else { [255; 4] });
        let map = drift_heatmap(&original, &result, &mask, w, h).unwrap();
        let px = |i: usize| &map.rgba[i * 4..i * 4 + 4];
        assert_eq!(px(2), &[20, 20, 28, 255], "kept, unchanged: near black");
        assert_eq!(
            px(3),
            &[255, 255, 255, 255],
            "kept, changed entirely: white"
        );
        assert!(
            px(0)[2] > 100 && px(0)[2] > px(0)[0],
            "painted, unchanged: blue"
        );
        assert!(
            px(1)[0] > 140 && px(1)[1] > px(0)[1] + 60,
            "painted, changed: bright"
        );
        assert!(map.rgba.chunks_exact(4).all(|p| p[3] == 255));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Figures stay in their ranges, and the sides add up to the picture or less.
        #[test]
        fn figures_are_bounded(
            w in 1u32..24, h in 1u32..24,
            a in prop::collection::vec(any::<u8>(), 2304),
            b in prop::collection::vec(any::<u8>(), 2304),
            cells in prop::collection::vec(any::<bool>(), 576),
        ) {
            let n = (w * h) as usize;
            let mask: Vec<u8> = cells[..n].iter().flat_map(|&p| [0, 0, 0, if p { 0 } else { 255 }]).collect();
            let r = measure_drift(&a[..n * 4], &b[..n * 4], &mask, w, h).unwrap();
            for v in [r.inside_mean, r.outside_mean, r.inside_changed, r.outside_changed, r.painted_share] {
                prop_assert!((0.0..=1.0).contains(&v), "{r:?}");
            }
            prop_assert!(r.inside_pixels + r.outside_pixels <= n as u64);
            let painted = cells[..n].iter().filter(|p| **p).count();
            prop_assert_eq!(r.verdict == DriftVerdict::Unmeasurable, painted == 0 || painted == n);
        }

        /// A result that equals image 1 outside the mask and differs clearly inside it is
        /// followed; the same change made evenly everywhere may have ignored the mask.
        #[test]
        fn inside_only_is_followed_everywhere_is_not(
            w in 8u32..40, h in 8u32..40,
            original in prop::collection::vec(any::<u8>(), 6400),
            x0 in 0u32..8, y0 in 0u32..8, mw in 1u32..32, mh in 1u32..32,
        ) {
            let n = (w * h) as usize;
            let original: Vec<u8> = original[..n * 4].chunks_exact(4).flat_map(|p| [p[0], p[1], p[2], 255]).collect();
            let inside = |i: usize| {
                let (x, y) = (i as u32 % w, i as u32 / w);
                x >= x0 && x < x0 + mw && y >= y0 && y < y0 + mh
            };
            prop_assume!((0..n).any(inside) && !(0..n).all(inside));
            let mask: Vec<u8> = (0..n).flat_map(|i| [0, 0, 0, if inside(i) { 0 } else { 255 }]).collect();
            // Exactly 128 levels off in every pixel: an even change.
            let changed = |p: &[u8]| [p[0] ^ 0x80, p[1], p[2], 255];
            let only_inside: Vec<u8> = original.chunks_exact(4).enumerate()
                .flat_map(|(i, p)| if inside(i) { changed(p) } else { [p[0], p[1], p[2], 255] }).collect();
            let everywhere: Vec<u8> = original.chunks_exact(4).flat_map(changed).collect();
            let followed = measure_drift(&original, &only_inside, &mask, w, h).unwrap();
            prop_assert_eq!(followed.verdict, DriftVerdict::Followed, "{:?}", followed);
            prop_assert_eq!(followed.outside_mean, 0.0);
            let ignored = measure_drift(&original, &everywhere, &mask, w, h).unwrap();
            prop_assert_eq!(ignored.verdict, DriftVerdict::MayHaveIgnored, "{:?}", ignored);
        }
    }
}
