//! Image 1 with its mask, in lockstep: the mask gets exactly image 1's transform and both are
//! sent as PNG at the same size (OpenAI asks for the same format and size).

use super::decode::{check_pixel_cap, decode, read_header};
use super::encode::encode_png_keeping_alpha;
use super::error::PrepError;
use super::geometry::{downscale_factor, fit_long_edge, scale};
use super::pipeline::{decode_upright, PrepReport, Prepared, StageTimes};
use super::resize::Pixels;
use super::sniff::SourceFormat;
use super::PrepSettings;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairError {
    /// Image 1 itself cannot be prepared.
    Image(PrepError),
    /// The mask is refused: a sentence saying why.
    Mask(String),
}

/// Checks the mask against image 1's size as displayed (`oriented`) or as prepared, before
/// any pixel is decoded.
pub fn check_mask(mask: &[u8], oriented: (u32, u32), prepared: (u32, u32)) -> Result<(), String> {
    let header = read_header(mask).map_err(|e| format!("The mask cannot be read: {e}"))?;
    if header.format != SourceFormat::Png {
        return Err(format!(
            "The mask must be a PNG with an alpha channel; this file is {}.",
            header.format.mime()
        ));
    }
    if !header.has_alpha_channel {
        return Err("The mask PNG has no alpha channel: make the area to redraw transparent (alpha 0) and save it as a PNG with transparency.".into());
    }
    let size = header.oriented_size();
    if size != oriented && size != prepared {
        let (mw, mh) = size;
        let also = if prepared != oriented {
            format!(" (or {}x{} as prepared)", prepared.0, prepared.1)
        } else {
            String::new()
        };
        return Err(format!(
            "The mask is {mw}x{mh} but image 1 is {}x{}{also}: the mask must have the same size as image 1.",
            oriented.0, oriented.1
        ));
    }
    Ok(())
}

/// Image 1 and its mask as PNGs of equal size: image 1 oriented and fitted to the long edge,
/// the mask resized identically; both shrunk together until image 1 fits the budget.
pub fn prepare_with_mask(
    image: &[u8],
    mask: &[u8],
    settings: &PrepSettings,
    now: &dyn Fn() -> f64,
) -> Result<(Prepared, Prepared), PairError> {
    let start = now();
    let header = read_header(image).map_err(PairError::Image)?;
    check_pixel_cap(header.width, header.height).map_err(PairError::Image)?;
    let oriented = header.oriented_size();
    let prepared = fit_long_edge(oriented.0, oriented.1, settings.max_edge);
    check_mask(mask, oriented, prepared).map_err(PairError::Mask)?;

    let (mut pixels, times) =
        decode_upright(image, &header, settings.max_edge, now).map_err(PairError::Image)?;
    let mask_decoded =
        decode(mask).map_err(|e| PairError::Mask(format!("The mask cannot be read: {e}")))?;
    let mut mask_pixels = Pixels::from_image(mask_decoded.image)
        .orient(mask_decoded.header.orientation)
        .resize(pixels.width, pixels.height)
        .map_err(|e| PairError::Mask(e.message))?;

    let encode_start = now();
    let mut encodes = 0;
    let image_png = loop {
        let png = encode_png_keeping_alpha(&pixels, false).map_err(PairError::Image)?;
        encodes += 1;
        if png.len() as u64 <= settings.budget_bytes || encodes >= 8 {
            break png;
        }
        let (w, h) = scale(
            pixels.width,
            pixels.height,
            downscale_factor(png.len() as u64, settings.budget_bytes),
        );
        pixels = pixels.resize(w, h).map_err(PairError::Image)?;
        mask_pixels = mask_pixels
            .resize(w, h)
            .map_err(|e| PairError::Mask(e.message))?;
    };
    let mask_png =
        encode_png_keeping_alpha(&mask_pixels, true).map_err(|e| PairError::Mask(e.message))?;
    let report = |bytes: &[u8], source: &[u8], source_size: (u32, u32), encodes: u32| PrepReport {
        mime: "image/png".into(),
        width: pixels.width,
        height: pixels.height,
        bytes: bytes.len() as u64,
        source_mime: "image/png".into(),
        source_width: source_size.0,
        source_height: source_size.1,
        source_bytes: source.len() as u64,
        passed_through: false,
        encodes,
        quality: None,
        times: StageTimes {
            encode_ms: now() - encode_start,
            total_ms: now() - start,
            ..times
        },
    };
    let mut image_report = report(&image_png, image, oriented, encodes);
    image_report.source_mime = header.format.mime().into();
    let mask_size = (mask_pixels.width, mask_pixels.height);
    let mask_report = report(&mask_png, mask, mask_size, 1);
    Ok((
        Prepared {
            bytes: image_png,
            report: image_report,
        },
        Prepared {
            bytes: mask_png,
            report: mask_report,
        },
    ))
}
