//! Deterministic pictures: a diagonal two-colour gradient with filled shapes, all chosen
//! from a hash of the prompt and the image index, drawn with plain loops so that a
//! 3840x2160 canvas draws and encodes well under a second. Also decoding of uploads.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::{ExtendedColorType, GenericImageView, ImageEncoder, ImageFormat};

use crate::validate::{Decoded, Format, ImageInfo};

/// An 8-bit RGB (3 channels) or RGBA (4 channels) pixel buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub channels: usize,
    pub data: Vec<u8>,
}

/// FNV-1a over the prompt, mixed with the image index.
pub fn seed(prompt: &str, index: u32) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in prompt.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (u64::from(index) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// splitmix64: small, fast, good enough for picking colours.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    /// A saturated colour from a random hue.
    fn colour(&mut self, sat: f64, val: f64) -> [u8; 3] {
        hsv(self.unit() * 360.0, sat, val)
    }
}

fn hsv(h: f64, s: f64, v: f64) -> [u8; 3] {
    let c = v * s;
    let hp = (h / 60.0) % 6.0;
    let x = c * (1.0 - ((hp % 2.0) - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let to = |f: f64| ((f + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [to(r), to(g), to(b)]
}

/// Draws the picture for `prompt` / `index` at exactly `width` x `height`.
/// `transparent` gives an RGBA canvas whose background is fully transparent;
/// `tint` (the average colour of an edit's first image) is blended over everything.
pub fn draw(
    prompt: &str,
    index: u32,
    width: u32,
    height: u32,
    transparent: bool,
    tint: Option<[u8; 3]>,
) -> Canvas {
    let mut rng = Rng(seed(prompt, index));
    let ch = if transparent { 4 } else { 3 };
    let (w, h) = (width as usize, height as usize);

    // Background: diagonal gradient, pixel (x, y) takes colour lut[x + y].
    let sat0 = 0.5 + 0.5 * rng.unit();
    let c0 = rng.colour(sat0, 0.95);
    let val1 = 0.35 + 0.3 * rng.unit();
    let c1 = rng.colour(0.8, val1);
    let steps = w + h - 1;
    let mut lut = Vec::with_capacity(steps * ch);
    let denom = (steps.max(2) - 1) as u32;
    for s in 0..steps {
        let t = (s as u32 * 256) / denom;
        for k in 0..3 {
            let v = (u32::from(c0[k]) * (256 - t) + u32::from(c1[k]) * t) >> 8;
            lut.push(v as u8);
        }
        if ch == 4 {
            lut.push(0);
        }
    }
    let mut data = vec![0u8; w * h * ch];
    for (y, row) in data.chunks_exact_mut(w * ch).enumerate() {
        row.copy_from_slice(&lut[y * ch..(y + w) * ch]);
    }
    let mut canvas = Canvas {
        width,
        height,
        channels: ch,
        data,
    };

    // Shapes, positioned and sized relative to the canvas.
    let short = w.min(h) as f64;
    let count = 5 + (rng.next() % 6) as usize;
    for i in 0..count {
        let kind = rng.next() % 3;
        let sat = 0.55 + 0.45 * rng.unit();
        let val = 0.6 + 0.4 * rng.unit();
        let colour = rng.colour(sat, val);
        // The first shape and about half of the others are opaque, the rest translucent.
        let translucent = rng.next() % 2 == 1 && i > 0;
        let alpha = if translucent {
            150 + (rng.next() % 90) as u32
        } else {
            255
        };
        let cx = rng.range(0.05, 0.95) * w as f64;
        let cy = rng.range(0.05, 0.95) * h as f64;
        let r = rng.range(0.06, 0.28) * short;
        match kind {
            0 => fill_circle(&mut canvas, cx, cy, r, 0.0, colour, alpha),
            1 => fill_circle(&mut canvas, cx, cy, r, r * 0.6, colour, alpha),
            _ => {
                let hw = r * rng.range(0.6, 1.6);
                let hh = r * rng.range(0.4, 1.2);
                fill_rect(
                    &mut canvas,
                    cx - hw,
                    cy - hh,
                    cx + hw,
                    cy + hh,
                    colour,
                    alpha,
                );
            }
        }
    }

    if let Some(t) = tint {
        apply_tint(&mut canvas, t, 77);
    }
    canvas
}

/// The flat key colour a prompt asks for as its background (how the studio asks for a
/// subject to cut out): `#00FF00` / "pure green" / "green background" / "green screen", or
/// `#FF00FF` / "pure magenta" / "magenta background".
pub fn key_background(prompt: &str) -> Option<[u8; 3]> {
    let p = prompt.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| p.contains(w));
    if any(&[
        "#00ff00",
        "pure green",
        "flat green",
        "green background",
        "green screen",
        "green backdrop",
    ]) {
        Some([0, 255, 0])
    } else if any(&[
        "#ff00ff",
        "pure magenta",
        "flat magenta",
        "magenta background",
        "magenta backdrop",
    ]) {
        Some([255, 0, 255])
    } else {
        None
    }
}

/// What a model does when asked for a subject alone on a flat key colour: exactly that. The
/// background is `key` in every pixel; the subject (a disc and a rotated bar, with a colour
/// gradient far from the key's hue) is anti-aliased by its exact coverage, blended in sRGB.
pub fn draw_keyed(prompt: &str, index: u32, width: u32, height: u32, key: [u8; 3]) -> Canvas {
    let mut rng = Rng(seed(prompt, index));
    let (w, h) = (width as usize, height as usize);
    // Hues away from the key: green keys get reds to blues through purple, magenta keys get
    // yellows to cyans.
    let green_key = key == [0, 255, 0];
    let hue = |rng: &mut Rng| {
        if green_key {
            (200.0 + rng.unit() * 190.0) % 360.0
        } else {
            40.0 + rng.unit() * 150.0
        }
    };
    let (h0, h1) = (hue(&mut rng), hue(&mut rng));
    let c0 = hsv(h0, 0.6 + 0.3 * rng.unit(), 0.75 + 0.2 * rng.unit());
    let c1 = hsv(h1, 0.6 + 0.3 * rng.unit(), 0.55 + 0.3 * rng.unit());
    let short = w.min(h) as f64;
    let (cx, cy) = (
        w as f64 * rng.range(0.4, 0.6),
        h as f64 * rng.range(0.4, 0.6),
    );
    let r = short * rng.range(0.18, 0.26);
    let angle = rng.range(0.0, std::f64::consts::PI);
    let (ca, sa) = (angle.cos(), angle.sin());
    let (bar_half_len, bar_half_w) = (r * 1.6, r * 0.28);
    let mut data = vec![0u8; w * h * 3];
    for y in 0..h {
        for x in 0..w {
            let (px, py) = (x as f64 + 0.5 - cx, y as f64 + 0.5 - cy);
            // Signed distances (negative inside); coverage of a pixel ~ 0.5 - distance.
            let disc = (px * px + py * py).sqrt() - r;
            let (u, v) = (px * ca + py * sa, -px * sa + py * ca);
            let (qu, qv) = (u.abs() - bar_half_len, v.abs() - bar_half_w);
            let bar = (qu.max(0.0).hypot(qv.max(0.0))) + qu.max(qv).min(0.0);
            let a = (0.5 - disc.min(bar)).clamp(0.0, 1.0);
            let t = x as f64 / w.max(1) as f64;
            let o = (y * w + x) * 3;
            for k in 0..3 {
                let fg = f64::from(c0[k]) * (1.0 - t) + f64::from(c1[k]) * t;
                data[o + k] = (a * fg + (1.0 - a) * f64::from(key[k])).round() as u8;
            }
        }
    }
    Canvas {
        width,
        height,
        channels: 3,
        data,
    }
}

#[inline]
fn blend_span(row: &mut [u8], ch: usize, x0: usize, x1: usize, c: [u8; 3], a: u32) {
    let inv = 255 - a;
    for px in row[x0 * ch..x1 * ch].chunks_exact_mut(ch) {
        if ch == 3 {
            for k in 0..3 {
                px[k] = ((u32::from(c[k]) * a + u32::from(px[k]) * inv + 127) / 255) as u8;
            }
        } else {
            let da = u32::from(px[3]);
            let keep = da * inv / 255;
            let out_a = a + keep;
            for k in 0..3 {
                px[k] = ((u32::from(c[k]) * a + u32::from(px[k]) * keep) / out_a) as u8;
            }
            px[3] = out_a as u8;
        }
    }
}

fn clamp_span(lo: f64, hi: f64, max: usize) -> Option<(usize, usize)> {
    let a = lo.max(0.0).round() as usize;
    let b = (hi.min(max as f64)).round().max(0.0) as usize;
    (a < b).then_some((a, b.min(max)))
}

/// A filled disc, or a ring when `inner` > 0.
fn fill_circle(cv: &mut Canvas, cx: f64, cy: f64, r: f64, inner: f64, c: [u8; 3], a: u32) {
    let (w, h, ch) = (cv.width as usize, cv.height as usize, cv.channels);
    let Some((y0, y1)) = clamp_span(cy - r, cy + r, h) else {
        return;
    };
    for y in y0..y1 {
        let dy = y as f64 + 0.5 - cy;
        let outer = r * r - dy * dy;
        if outer <= 0.0 {
            continue;
        }
        let dx = outer.sqrt();
        let row = &mut cv.data[y * w * ch..(y + 1) * w * ch];
        let hole = inner * inner - dy * dy;
        if hole > 0.0 {
            let ix = hole.sqrt();
            if let Some((a0, a1)) = clamp_span(cx - dx, cx - ix, w) {
                blend_span(row, ch, a0, a1, c, a);
            }
            if let Some((b0, b1)) = clamp_span(cx + ix, cx + dx, w) {
                blend_span(row, ch, b0, b1, c, a);
            }
        } else if let Some((x0, x1)) = clamp_span(cx - dx, cx + dx, w) {
            blend_span(row, ch, x0, x1, c, a);
        }
    }
}

fn fill_rect(cv: &mut Canvas, x0: f64, y0: f64, x1: f64, y1: f64, c: [u8; 3], a: u32) {
    let (w, h, ch) = (cv.width as usize, cv.height as usize, cv.channels);
    let (Some((xa, xb)), Some((ya, yb))) = (clamp_span(x0, x1, w), clamp_span(y0, y1, h)) else {
        return;
    };
    for y in ya..yb {
        let row = &mut cv.data[y * w * ch..(y + 1) * w * ch];
        blend_span(row, ch, xa, xb, c, a);
    }
}

/// Blends every pixel `amount`/255 of the way towards `tint` (alpha untouched).
fn apply_tint(cv: &mut Canvas, tint: [u8; 3], amount: u32) {
    let ch = cv.channels;
    let inv = 255 - amount;
    let add = [
        u32::from(tint[0]) * amount,
        u32::from(tint[1]) * amount,
        u32::from(tint[2]) * amount,
    ];
    for px in cv.data.chunks_exact_mut(ch) {
        for k in 0..3 {
            px[k] = ((add[k] + u32::from(px[k]) * inv) / 255) as u8;
        }
    }
}

/// Share of the new picture that shows through outside the mask: models redraw the whole
/// picture and keep to a mask only as a soft guide, so the kept area drifts a little.
pub const OUTSIDE_DRIFT: u32 = 51; // of 255: a fifth

/// What a model does with a masked edit: the new picture `cv` inside the painted area (mask
/// alpha 0), image 1 outside it with [`OUTSIDE_DRIFT`] of the new picture showing through,
/// blended across the mask's edge as it is scaled to the output. Image 1 and the mask are
/// scaled to `cv`'s size (the output can be larger than image 1).
pub fn keep_to_mask(cv: &mut Canvas, image1: &image::RgbaImage, mask: &image::RgbaImage) {
    use image::imageops::{resize, FilterType as Resample};
    let (w, h, ch) = (cv.width, cv.height, cv.channels);
    let scaled = |img: &image::RgbaImage| {
        if img.dimensions() == (w, h) {
            img.clone()
        } else {
            resize(img, w, h, Resample::Triangle)
        }
    };
    let (original, mask) = (scaled(image1), scaled(mask));
    for ((px, o), m) in cv
        .data
        .chunks_exact_mut(ch)
        .zip(original.pixels())
        .zip(mask.pixels())
    {
        // How much of image 1 stays: none where painted, all but the drift where kept.
        let keep = u32::from(m.0[3]) * (255 - OUTSIDE_DRIFT) / 255;
        // Colour, and alpha too on an RGBA canvas.
        for (new, old) in px.iter_mut().zip(o.0) {
            *new = ((u32::from(old) * keep + u32::from(*new) * (255 - keep) + 127) / 255) as u8;
        }
    }
}

/// `cv` as RGBA with every pixel opaque: an alpha channel that carries no transparency, as
/// a gateway that flattens the background answers when transparency was asked.
pub fn opaque_rgba(cv: &Canvas) -> Canvas {
    let data = match cv.channels {
        4 => cv
            .data
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        _ => cv
            .data
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
    };
    Canvas {
        width: cv.width,
        height: cv.height,
        channels: 4,
        data,
    }
}

/// A coarse version of `cv`: averaged over blocks so that the long edge has `cells`
/// blocks, then scaled back up (nearest), i.e. a downscale + upscale.
pub fn coarse(cv: &Canvas, cells: u32) -> Canvas {
    let (w, h, ch) = (cv.width as usize, cv.height as usize, cv.channels);
    let block = w.max(h).div_ceil(cells.max(1) as usize).max(1);
    let bx = w.div_ceil(block);
    let mut out = vec![0u8; cv.data.len()];
    let mut sums = vec![0u64; bx * ch];
    let mut by_start = 0;
    while by_start < h {
        let by_end = (by_start + block).min(h);
        sums.iter_mut().for_each(|s| *s = 0);
        for y in by_start..by_end {
            let row = &cv.data[y * w * ch..(y + 1) * w * ch];
            for (x, px) in row.chunks_exact(ch).enumerate() {
                let b = (x / block) * ch;
                for k in 0..ch {
                    sums[b + k] += u64::from(px[k]);
                }
            }
        }
        let mut avg = vec![0u8; bx * ch];
        for b in 0..bx {
            let bw = ((b + 1) * block).min(w) - b * block;
            let n = (bw * (by_end - by_start)) as u64;
            for k in 0..ch {
                avg[b * ch + k] = (sums[b * ch + k] / n) as u8;
            }
        }
        for y in by_start..by_end {
            let row = &mut out[y * w * ch..(y + 1) * w * ch];
            for (b, chunk) in row.chunks_mut(block * ch).enumerate() {
                for px in chunk.chunks_exact_mut(ch) {
                    px.copy_from_slice(&avg[b * ch..(b + 1) * ch]);
                }
            }
        }
        by_start = by_end;
    }
    Canvas {
        width: cv.width,
        height: cv.height,
        channels: ch,
        data: out,
    }
}

/// Block counts (along the long edge) for `k` partial images, coarsest first.
pub fn partial_levels(k: u32) -> &'static [u32] {
    match k {
        0 => &[],
        1 => &[24],
        2 => &[12, 48],
        _ => &[8, 24, 72],
    }
}

/// Encodes a canvas. JPEG quality is `compression` or 90; WebP is lossless.
pub fn encode(cv: &Canvas, format: Format, compression: Option<u8>) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(cv.data.len() / 4);
    let colour = if cv.channels == 4 {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    let res = match format {
        Format::Png => {
            PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Sub)
                .write_image(&cv.data, cv.width, cv.height, colour)
        }
        Format::Jpeg => {
            let q = compression.unwrap_or(90).clamp(1, 100);
            let rgb;
            let data = if cv.channels == 4 {
                rgb = cv
                    .data
                    .chunks_exact(4)
                    .flat_map(|p| [p[0], p[1], p[2]])
                    .collect::<Vec<u8>>();
                &rgb
            } else {
                &cv.data
            };
            JpegEncoder::new_with_quality(&mut out, q).write_image(
                data,
                cv.width,
                cv.height,
                ExtendedColorType::Rgb8,
            )
        }
        Format::Webp => {
            WebPEncoder::new_lossless(&mut out).write_image(&cv.data, cv.width, cv.height, colour)
        }
    };
    res.map_err(|e| e.to_string())?;
    Ok(out)
}

/// Decodes an upload fully (to prove it is a real image) and describes it.
pub fn describe(bytes: &[u8]) -> Result<ImageInfo, String> {
    let fmt = image::guess_format(bytes)
        .map_err(|_| "the file is not a PNG, JPEG or WebP image.".to_string())?;
    let name = match fmt {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpeg",
        ImageFormat::WebP => "webp",
        _ => return Err("unsupported image format (use PNG, JPEG or WebP).".into()),
    };
    let img = image::load_from_memory_with_format(bytes, fmt)
        .map_err(|e| format!("the {name} data could not be decoded ({e})."))?;
    let (w, h) = img.dimensions();
    let step = ((u64::from(w) * u64::from(h) / 65_536) as f64)
        .sqrt()
        .max(1.0) as u32;
    let mut sum = [0u64; 3];
    let mut count = 0u64;
    let mut y = 0;
    while y < h {
        let mut x = 0;
        while x < w {
            let p = img.get_pixel(x, y).0;
            for k in 0..3 {
                sum[k] += u64::from(p[k]);
            }
            count += 1;
            x += step;
        }
        y += step;
    }
    let avg = |k: usize| sum[k].checked_div(count).unwrap_or(0) as u8;
    Ok(ImageInfo {
        width: w,
        height: h,
        format: name,
        has_alpha: img.color().has_alpha(),
        avg_rgb: [avg(0), avg(1), avg(2)],
        pixels: Decoded(std::sync::Arc::new(img.into_rgba8())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_prompt_dependent() {
        let a = draw("a red fox", 0, 64, 48, false, None);
        let b = draw("a red fox", 0, 64, 48, false, None);
        let c = draw("a blue whale", 0, 64, 48, false, None);
        let d = draw("a red fox", 1, 64, 48, false, None);
        assert_eq!(a, b);
        assert_ne!(a.data, c.data);
        assert_ne!(a.data, d.data);
        assert_eq!(a.data.len(), 64 * 48 * 3);
    }

    #[test]
    fn transparent_has_real_alpha() {
        let cv = draw("glass", 0, 128, 128, true, None);
        let alphas: Vec<u8> = cv.data.chunks_exact(4).map(|p| p[3]).collect();
        assert!(alphas.contains(&0));
        assert!(alphas.iter().any(|a| *a > 0));
    }

    #[test]
    fn coarse_keeps_size() {
        let cv = draw("x", 0, 100, 30, false, None);
        let c = coarse(&cv, 8);
        assert_eq!(c.data.len(), cv.data.len());
        assert_ne!(c.data, cv.data);
    }

    #[test]
    fn a_masked_edit_redraws_inside_and_drifts_a_little_outside() {
        let image1 = image::RgbaImage::from_pixel(32, 32, image::Rgba([200, 40, 40, 255]));
        let mask = image::RgbaImage::from_fn(32, 32, |x, _| {
            image::Rgba([0, 0, 0, if x < 16 { 0 } else { 255 }])
        });
        let new = draw("masked", 0, 64, 64, false, None);
        let mut cv = new.clone();
        keep_to_mask(&mut cv, &image1, &mask);
        let at = |c: &Canvas, x: usize, y: usize| c.data[(y * 64 + x) * 3];
        assert_eq!(at(&cv, 5, 30), at(&new, 5, 30), "inside: the new picture");
        let expected = (200 * 204 + u32::from(at(&new, 60, 30)) * 51 + 127) / 255;
        assert_eq!(
            u32::from(at(&cv, 60, 30)),
            expected,
            "outside: image 1, a fifth drifted"
        );
    }

    #[test]
    fn opaque_rgba_has_alpha_but_no_transparency() {
        let cv = opaque_rgba(&draw("glass", 0, 16, 16, true, None));
        assert_eq!(cv.channels, 4);
        assert!(cv.data.chunks_exact(4).all(|p| p[3] == 255));
        let png = encode(&cv, Format::Png, None).unwrap();
        assert!(describe(&png).unwrap().has_alpha);
    }

    #[test]
    fn roundtrip_formats() {
        let cv = draw("roundtrip", 0, 96, 64, false, None);
        for f in [Format::Png, Format::Jpeg, Format::Webp] {
            let bytes = encode(&cv, f, None).unwrap();
            let info = describe(&bytes).unwrap();
            assert_eq!((info.width, info.height, info.format), (96, 64, f.name()));
        }
    }
}
