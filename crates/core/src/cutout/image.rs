//! A result image keyed out whole: decoded, keyed, and checked that it really was on the
//! key colour (a model may ignore the request for a flat backdrop; then nothing is cut out).

use super::key::{key_out, KeyOptions, KeyReport};
use super::prompt::KeyColour;
use crate::i18n::text::images;
use crate::i18n::Lang;
use crate::prep::decode::decode;
use crate::prep::resize::Pixels;
use crate::tr;

/// A cut-out: RGBA pixels with the key colour made transparent, and what the keyer did.
pub struct CutOut {
    pub pixels: Pixels,
    pub report: KeyReport,
}

/// Below this share of cleared pixels on the image's outer ring, the backdrop was not the
/// key colour and the cut-out is refused.
pub const MIN_CLEAR_BORDER: f64 = 0.6;

/// Share of the outermost ring of pixels that the keyer cleared (alpha 0).
pub fn clear_border_share(pixels: &Pixels) -> f64 {
    let (w, h) = (pixels.width as usize, pixels.height as usize);
    if w == 0 || h == 0 {
        return 0.0;
    }
    let alpha = |x: usize, y: usize| pixels.rgba[(y * w + x) * 4 + 3];
    let ring: Vec<(usize, usize)> = (0..w)
        .flat_map(|x| [(x, 0), (x, h - 1)])
        .chain((1..h.saturating_sub(1)).flat_map(|y| [(0, y), (w - 1, y)]))
        .collect();
    ring.iter().filter(|(x, y)| alpha(*x, *y) == 0).count() as f64 / ring.len() as f64
}

/// Decodes `bytes` (a result image) and keys `key` out of it; refused with a sentence in
/// `lang`.
pub fn cut_out(bytes: &[u8], key: KeyColour, lang: Lang) -> Result<CutOut, String> {
    let decoded = decode(bytes).map_err(|e| {
        tr!(
            lang,
            images::CANNOT_BE_READ,
            what = images::THE_RESULT.get(lang),
            e = e.message(lang)
        )
    })?;
    let orientation = decoded.header.orientation;
    let mut pixels = Pixels::from_image(decoded.image).orient(orientation);
    let report = key_out(
        &mut pixels.rgba,
        pixels.width,
        pixels.height,
        &KeyOptions::new(key),
    );
    let border = clear_border_share(&pixels);
    if border < MIN_CLEAR_BORDER {
        return Err(tr!(
            lang,
            images::NOT_ON_KEY,
            key = key.label(lang),
            share = format!("{:.0}", border * 100.0),
            hex = key.hex()
        ));
    }
    Ok(CutOut { pixels, report })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, RgbaImage};

    fn png(width: u32, height: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
        let img = RgbaImage::from_fn(width, height, |x, y| image::Rgba(f(x, y)));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_subject_on_green_comes_out_with_clear_corners() {
        let bytes = png(64, 48, |x, y| {
            let (dx, dy) = (x as f32 - 32.0, y as f32 - 24.0);
            if dx * dx + dy * dy < 225.0 {
                [200, 40, 40, 255]
            } else {
                [0, 255, 0, 255]
            }
        });
        let done = cut_out(&bytes, KeyColour::Green, Lang::En).unwrap();
        let a = |x: usize, y: usize| done.pixels.rgba[(y * 64 + x) * 4 + 3];
        assert_eq!((a(0, 0), a(63, 47)), (0, 0));
        assert_eq!(a(32, 24), 255);
        assert!(
            (0.74..0.78).contains(&done.report.transparent_share),
            "{:?}",
            done.report
        );
        assert_eq!(clear_border_share(&done.pixels), 1.0);
    }

    #[test]
    fn an_image_not_on_the_key_is_refused_with_the_reason() {
        let bytes = png(40, 40, |x, _| [x as u8 * 6, 90, 200, 255]);
        let why = cut_out(&bytes, KeyColour::Magenta, Lang::En).err().unwrap();
        assert!(
            why.starts_with(
                "the image is not on a flat magenta backdrop (only 0% of its edge is #FF00FF)"
            ),
            "{why}"
        );
        assert!(cut_out(b"not an image", KeyColour::Green, Lang::En)
            .err()
            .unwrap()
            .starts_with("the result cannot be read"));
        let why = cut_out(&bytes, KeyColour::Magenta, Lang::ZhCn)
            .err()
            .unwrap();
        assert!(why.starts_with("图片不在纯色品红背景上"), "{why}");
    }
}
