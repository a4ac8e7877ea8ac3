//! Image 1 and its mask. OpenAI asks the mask to be a PNG with alpha, under 4 MB, with image
//! 1's width and height; it does not ask image 1 to be PNG. So image 1 is prepared exactly as
//! without a mask (same size, format and byte budget) and the mask gets image 1's orientation
//! and its prepared size. Gateways whose docs ask image 1 to have the mask's format get image 1
//! as PNG (a profile option): at the usual long edge, within the spec's 50 MB per image rather
//! than the byte budget, and shrunk (saying so) only when even that is not enough.

use serde::{Deserialize, Serialize};

use super::decode::{decode, read_header};
use super::encode::{encode_png_keeping_alpha, Encoder};
use super::error::PrepError;
use super::geometry::fit_long_edge;
use super::megabytes;
use super::pipeline::{prepare_as, Output, PrepReport, Prepared, StageTimes};
use super::resize::Pixels;
use super::sniff::SourceFormat;
use super::PrepSettings;
use crate::i18n::text::prep;
use crate::i18n::Lang;
use crate::tr;

/// A mask is sent only when smaller than this ("less than 4MB" in OpenAI's spec).
pub const MASK_LIMIT_BYTES: u64 = 4_000_000;
/// Each image must be smaller than this ("less than 50MB" in OpenAI's spec).
pub const IMAGE_LIMIT_BYTES: u64 = 50_000_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairError {
    /// Image 1 itself cannot be prepared.
    Image(PrepError),
    /// The mask is refused: a sentence saying why (in the language asked for).
    Mask(String),
}

/// The sizes of image 1 a mask may come at, and the size it is sent at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskTarget {
    /// Image 1 upright, as displayed.
    pub oriented: (u32, u32),
    /// Image 1 upright and fitted to the long edge (the size the painter paints at).
    pub fitted: (u32, u32),
    /// Image 1 as it is sent: the mask is sent at exactly this size.
    pub sent: (u32, u32),
}

impl MaskTarget {
    /// The target for image 1 as `report` describes it, prepared with long edge `max_edge`.
    pub fn of(report: &PrepReport, max_edge: u32) -> Self {
        let oriented = (report.source_width, report.source_height);
        MaskTarget {
            oriented,
            fitted: fit_long_edge(oriented.0, oriented.1, max_edge),
            sent: (report.width, report.height),
        }
    }
}

/// Checks the mask's format, alpha channel and size against image 1, before any pixel is
/// decoded; refused with a sentence in `lang`.
pub fn check_mask(mask: &[u8], target: &MaskTarget, lang: Lang) -> Result<(), String> {
    let header = read_header(mask).map_err(|e| unreadable(&e, lang))?;
    if header.format != SourceFormat::Png {
        return Err(tr!(lang, prep::MASK_NOT_PNG, mime = header.format.mime()));
    }
    if !header.has_alpha_channel {
        return Err(prep::MASK_NO_ALPHA.get(lang).to_string());
    }
    let size = header.oriented_size();
    if size != target.oriented && size != target.fitted && size != target.sent {
        let (mw, mh) = size;
        let mut also = Vec::new();
        for (w, h) in [target.fitted, target.sent] {
            let text = format!("{w}x{h}");
            if (w, h) != target.oriented && !also.contains(&text) {
                also.push(text);
            }
        }
        let also = if also.is_empty() {
            String::new()
        } else {
            tr!(
                lang,
                prep::MASK_OR_AS_PREPARED,
                sizes = also.join(prep::OR.get(lang))
            )
        };
        return Err(tr!(
            lang,
            prep::MASK_SIZE,
            mask_width = mw,
            mask_height = mh,
            width = target.oriented.0,
            height = target.oriented.1,
            also = also
        ));
    }
    Ok(())
}

fn unreadable(e: &PrepError, lang: Lang) -> String {
    tr!(lang, prep::MASK_UNREADABLE, e = e.message(lang))
}

/// The mask for image 1 as `target` says it is sent: upright, resized to exactly image 1's
/// sent size, a PNG with alpha under [`MASK_LIMIT_BYTES`]. Only alpha means anything to the
/// API, so when the mask's own colours make it too big they are dropped (and the report says
/// so); a mask still too big is refused with what to do. Notes and refusals are in `lang`.
pub fn prepare_mask(
    mask: &[u8],
    target: &MaskTarget,
    now: &dyn Fn() -> f64,
    lang: Lang,
) -> Result<Prepared, String> {
    let start = now();
    check_mask(mask, target, lang)?;
    let decoded = decode(mask).map_err(|e| unreadable(&e, lang))?;
    let source_mime = decoded.header.format.mime().to_string();
    let orientation = decoded.header.orientation;
    let t0 = now();
    let pixels = Pixels::from_image(decoded.image).orient(orientation);
    let source = (pixels.width, pixels.height);
    let t1 = now();
    let mut pixels = pixels
        .resize(target.sent.0, target.sent.1)
        .map_err(|e| e.message(lang))?;
    let t2 = now();
    let mut bytes = encode_png_keeping_alpha(&pixels, true).map_err(|e| e.message(lang))?;
    let mut encodes = 1;
    let mut note = None;
    if bytes.len() as u64 >= MASK_LIMIT_BYTES {
        let first = bytes.len() as u64;
        for p in pixels.rgba.chunks_exact_mut(4) {
            p[..3].fill(0);
        }
        bytes = encode_png_keeping_alpha(&pixels, true).map_err(|e| e.message(lang))?;
        encodes += 1;
        note = Some(tr!(
            lang,
            prep::MASK_COLOURS_DROPPED,
            limit = megabytes(MASK_LIMIT_BYTES),
            size = megabytes(first)
        ));
    }
    if bytes.len() as u64 >= MASK_LIMIT_BYTES {
        return Err(tr!(
            lang,
            prep::MASK_TOO_BIG,
            width = target.sent.0,
            height = target.sent.1,
            size = megabytes(bytes.len() as u64),
            limit = megabytes(MASK_LIMIT_BYTES)
        ));
    }
    Ok(Prepared {
        report: PrepReport {
            mime: "image/png".into(),
            width: pixels.width,
            height: pixels.height,
            bytes: bytes.len() as u64,
            source_mime,
            source_width: source.0,
            source_height: source.1,
            source_bytes: mask.len() as u64,
            passed_through: false,
            encodes,
            quality: None,
            times: StageTimes {
                decode_ms: t0 - start,
                orient_ms: t1 - t0,
                resize_ms: t2 - t1,
                encode_ms: now() - t2,
                total_ms: now() - start,
            },
            note,
        },
        bytes,
    })
}

/// Image 1 as PNG for a gateway that wants it in the mask's format: the usual long edge,
/// within the spec's per-image limit instead of the byte budget (shrunk, and the report says
/// so, only when even that is exceeded).
pub async fn prepare_image_as_png<E: Encoder>(
    image: &[u8],
    settings: &PrepSettings,
    encoder: &mut E,
    now: &dyn Fn() -> f64,
    lang: Lang,
) -> Result<Prepared, PrepError> {
    let output = Output::Png {
        allowance: IMAGE_LIMIT_BYTES - 1,
    };
    let mut prepared = prepare_as(image, settings, output, encoder, now, lang).await?;
    if let Some(note) = prepared.report.note.take() {
        prepared.report.note = Some(tr!(lang, prep::AS_PNG_NOTE, note = note));
    }
    Ok(prepared)
}

/// Image 1 and its mask: image 1 exactly as [`super::pipeline::prepare`] makes it (or as PNG
/// with `image_png`, see [`prepare_image_as_png`]), the mask at image 1's prepared size.
// The worker's encoder and clock, and the language of its answer, beside the job itself.
#[allow(clippy::too_many_arguments)]
pub async fn prepare_with_mask<E: Encoder>(
    image: &[u8],
    mask: &[u8],
    settings: &PrepSettings,
    image_png: bool,
    webp: bool,
    encoder: &mut E,
    now: &dyn Fn() -> f64,
    lang: Lang,
) -> Result<(Prepared, Prepared), PairError> {
    let image = if image_png {
        prepare_image_as_png(image, settings, encoder, now, lang).await
    } else {
        prepare_as(image, settings, Output::Usual { webp }, encoder, now, lang).await
    }
    .map_err(PairError::Image)?;
    let target = MaskTarget::of(&image.report, settings.max_edge);
    let mask = prepare_mask(mask, &target, now, lang).map_err(PairError::Mask)?;
    Ok((image, mask))
}
