//! One reference from file bytes to upload bytes: sniff, check, decode, resize, orient, encode
//! to the budget; or pass the original through untouched when it already qualifies.

use serde::{Deserialize, Serialize};

use super::budget::{next_step, Step, Try};
use super::decode::{
    check_jpeg_complete, check_pixel_cap, decode, decode_jpeg_reduced, read_header, swaps_axes,
    try_browser_decoder, Header,
};
use super::encode::{Codec, Encoder};
use super::error::{Detail, PrepError};
use super::geometry::{downscale_factor, fit_long_edge, scale};
use super::resize::Pixels;
use super::sniff::SourceFormat;
use super::{megabytes, PrepSettings};
use crate::i18n::text::prep;
use crate::i18n::Lang;
use crate::tr;

/// Milliseconds per stage of one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StageTimes {
    pub decode_ms: f64,
    pub resize_ms: f64,
    pub orient_ms: f64,
    pub encode_ms: f64,
    pub total_ms: f64,
}

/// What was made of one file: the upload's facts, the original's, and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrepReport {
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub source_mime: String,
    /// As displayed (after orientation).
    pub source_width: u32,
    pub source_height: u32,
    pub source_bytes: u64,
    /// Sent as it was, not re-encoded.
    pub passed_through: bool,
    pub encodes: u32,
    pub quality: Option<u8>,
    pub times: StageTimes,
    /// What the user should know about how it was made (shrunk below the long edge to fit
    /// the bytes allowed, a mask's colours dropped, ...).
    #[serde(default)]
    pub note: Option<String>,
}

pub struct Prepared {
    pub bytes: Vec<u8>,
    pub report: PrepReport,
}

/// A file already within the budget and the edge limit, upright, and in a format the API
/// takes is sent as it is: re-encoding would only lose quality.
pub fn passes_through(header: &Header, file_bytes: u64, settings: &PrepSettings) -> bool {
    let (w, h) = header.oriented_size();
    header.format.uploadable()
        && file_bytes <= settings.budget_bytes
        && w.max(h) <= settings.max_edge
        && header.orientation == image::metadata::Orientation::NoTransforms
        && !header.cmyk
}

/// One way to encode, tried in order: a codec, its first quality and the lowest acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodecPlan {
    pub codec: Codec,
    pub start: u8,
    pub floor: u8,
}

const fn plan(codec: Codec, start: u8, floor: u8) -> CodecPlan {
    CodecPlan {
        codec,
        start,
        floor,
    }
}

/// The encodings to try: lossy WebP q85 where the browser encodes WebP, else JPEG q90; PNG
/// (or WebP, which keeps alpha) when there is real transparency; text and graphics first as
/// lossless PNG, then lossy at q94.
pub fn codec_plans(transparent: bool, text_mode: bool, webp: bool) -> Vec<CodecPlan> {
    let photo = if webp {
        plan(Codec::Webp, 85, 40)
    } else {
        plan(Codec::Jpeg, 90, 40)
    };
    let text = if webp {
        plan(Codec::Webp, 94, 70)
    } else {
        plan(Codec::Jpeg, 94, 70)
    };
    let png = plan(Codec::Png, 100, 100);
    match (transparent, text_mode, webp) {
        (false, false, _) => vec![photo],
        (false, true, _) => vec![png, text],
        (true, false, true) => vec![photo],
        (true, true, true) => vec![png, text],
        // JPEG has no alpha: transparency without WebP means PNG, downscaled to fit.
        (true, _, false) => vec![png],
    }
}

/// Encoded bytes that fit, and how they were reached.
pub struct Fitted {
    pub bytes: Vec<u8>,
    pub codec: Codec,
    pub quality: Option<u8>,
    pub width: u32,
    pub height: u32,
    pub encodes: u32,
}

/// Downscale rounds before giving up (each shrinks by at least 5%, typically far more).
const MAX_ROUNDS: usize = 8;

/// Encodes with the first plan that fits the budget, searching quality per plan; when nothing
/// fits, shrinks by about sqrt(budget/size) and tries again (lossless plans only first time).
pub async fn encode_to_budget<E: Encoder>(
    mut pixels: Pixels,
    plans: &[CodecPlan],
    budget: u64,
    encoder: &mut E,
) -> Result<Fitted, PrepError> {
    let mut encodes = 0u32;
    for round in 0..MAX_ROUNDS {
        let mut rescale_from = None;
        let lossy_exists = plans.iter().any(|p| p.codec.is_lossy());
        for p in plans {
            if round > 0 && !p.codec.is_lossy() && lossy_exists {
                continue;
            }
            let mut tries: Vec<Try> = Vec::new();
            let mut outputs: Vec<Vec<u8>> = Vec::new();
            loop {
                let step = if p.codec.is_lossy() {
                    next_step(&tries, budget, p.start, p.floor)
                } else if tries.is_empty() {
                    Step::Encode(p.start)
                } else if tries[0].size <= budget {
                    Step::Accept(0)
                } else {
                    Step::Downscale
                };
                match step {
                    Step::Encode(quality) => {
                        let bytes = encoder.encode(&pixels, p.codec, quality).await?;
                        encodes += 1;
                        tries.push(Try {
                            quality,
                            size: bytes.len() as u64,
                        });
                        outputs.push(bytes);
                    }
                    Step::Accept(index) => {
                        return Ok(Fitted {
                            bytes: outputs.swap_remove(index),
                            codec: p.codec,
                            quality: p.codec.is_lossy().then_some(tries[index].quality),
                            width: pixels.width,
                            height: pixels.height,
                            encodes,
                        });
                    }
                    Step::Downscale => {
                        rescale_from = Some(tries[0].size);
                        break;
                    }
                }
            }
        }
        let size = rescale_from.unwrap_or(budget * 2);
        let (w, h) = scale(pixels.width, pixels.height, downscale_factor(size, budget));
        if (w, h) == (pixels.width, pixels.height) {
            break;
        }
        pixels = pixels.resize(w, h)?;
    }
    Err(PrepError::encode_with(Detail::OverBudget {
        budget,
        width: pixels.width,
        height: pixels.height,
    }))
}

/// How a file is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// As every reference: [`codec_plans`] within the settings' byte budget. `webp`: whether
    /// the encoder can make WebP.
    Usual { webp: bool },
    /// Lossless PNG at the usual long edge, within `allowance` bytes instead of the byte
    /// budget (image 1 for gateways that want it in the mask's format).
    Png { allowance: u64 },
}

/// Prepares one reference. `webp`: whether the encoder can make WebP; `now`: a millisecond
/// clock (performance.now in the browser); `lang`: the language of the report's note.
pub async fn prepare<E: Encoder>(
    bytes: &[u8],
    settings: &PrepSettings,
    webp: bool,
    encoder: &mut E,
    now: &dyn Fn() -> f64,
    lang: Lang,
) -> Result<Prepared, PrepError> {
    prepare_as(bytes, settings, Output::Usual { webp }, encoder, now, lang).await
}

/// Prepares one file for `output`: the same decode, orientation and long edge either way.
pub async fn prepare_as<E: Encoder>(
    bytes: &[u8],
    settings: &PrepSettings,
    output: Output,
    encoder: &mut E,
    now: &dyn Fn() -> f64,
    lang: Lang,
) -> Result<Prepared, PrepError> {
    let start = now();
    let header = read_header(bytes)?;
    check_pixel_cap(header.width, header.height)?;
    let (source_width, source_height) = header.oriented_size();
    let mut report = PrepReport {
        mime: header.format.mime().to_string(),
        width: source_width,
        height: source_height,
        bytes: bytes.len() as u64,
        source_mime: header.format.mime().to_string(),
        source_width,
        source_height,
        source_bytes: bytes.len() as u64,
        passed_through: true,
        encodes: 0,
        quality: None,
        times: StageTimes::default(),
        note: None,
    };
    let (budget, passes) = match output {
        Output::Usual { .. } => (
            settings.budget_bytes,
            passes_through(&header, bytes.len() as u64, settings),
        ),
        Output::Png { allowance } => {
            let within = PrepSettings {
                budget_bytes: allowance,
                ..*settings
            };
            (
                allowance,
                header.format == SourceFormat::Png
                    && passes_through(&header, bytes.len() as u64, &within),
            )
        }
    };
    if passes {
        // A valid header says nothing about the rest: decode once (small, by the budget) so
        // that a truncated or corrupt file is refused here rather than by the API.
        decode(bytes)?;
        report.times.decode_ms = now() - start;
        report.times.total_ms = now() - start;
        return Ok(Prepared {
            bytes: bytes.to_vec(),
            report,
        });
    }
    let (pixels, times) = decode_upright(bytes, &header, settings.max_edge, encoder, now).await?;
    let fitted_size = (pixels.width, pixels.height);
    let encode_start = now();
    let plans = match output {
        Output::Usual { webp } => codec_plans(pixels.has_transparency(), settings.text_mode, webp),
        Output::Png { .. } => vec![plan(Codec::Png, 100, 100)],
    };
    let fitted = encode_to_budget(pixels, &plans, budget, encoder).await?;
    report.times = StageTimes {
        encode_ms: now() - encode_start,
        total_ms: now() - start,
        ..times
    };
    if (fitted.width, fitted.height) != fitted_size {
        report.note = Some(tr!(
            lang,
            prep::SHRUNK,
            from_width = fitted_size.0,
            from_height = fitted_size.1,
            width = fitted.width,
            height = fitted.height,
            budget = megabytes(budget)
        ));
    }
    report.mime = fitted.codec.mime().to_string();
    report.width = fitted.width;
    report.height = fitted.height;
    report.bytes = fitted.bytes.len() as u64;
    report.passed_through = false;
    report.encodes = fitted.encodes;
    report.quality = fitted.quality;
    Ok(Prepared {
        bytes: fitted.bytes,
        report,
    })
}

/// Decodes, resizes to the long edge and applies the orientation. Resizing comes first (in
/// the stored frame, with the target's axes swapped back) so the rotation moves 4-10x fewer
/// pixels. PNG and WebP go to the encoder's own decoder first where it has one (the
/// browser's, which resizes as it decodes: `resize_ms` is then 0).
pub async fn decode_upright<E: Encoder>(
    bytes: &[u8],
    header: &Header,
    max_edge: u32,
    encoder: &mut E,
    now: &dyn Fn() -> f64,
) -> Result<(Pixels, StageTimes), PrepError> {
    let t0 = now();
    let (ow, oh) = header.oriented_size();
    let (tw, th) = fit_long_edge(ow, oh, max_edge);
    let (sw, sh) = if swaps_axes(header.orientation) {
        (th, tw)
    } else {
        (tw, th)
    };
    check_jpeg_complete(bytes, header.format)?;
    let fast = if try_browser_decoder(bytes, header.format) {
        encoder
            .decode_to(bytes, header.format, sw, sh)
            .await
            .filter(|p| (p.width, p.height) == (sw, sh))
    } else {
        None
    };
    let (pixels, t1) = match fast {
        Some(pixels) => {
            let t1 = now();
            (pixels, t1)
        }
        None => {
            let pixels = match decode_jpeg_reduced(bytes, header, sw, sh) {
                Some(pixels) => pixels,
                None => Pixels::from_image(decode(bytes)?.image),
            };
            let t1 = now();
            (pixels.resize(sw, sh)?, t1)
        }
    };
    let t2 = now();
    let pixels = pixels.orient(header.orientation);
    let t3 = now();
    Ok((
        pixels,
        StageTimes {
            decode_ms: t1 - t0,
            resize_ms: t2 - t1,
            orient_ms: t3 - t2,
            ..StageTimes::default()
        },
    ))
}

/// Runs a future whose awaits never wait (the Rust encoders): native callers and tests.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut context) {
            return out;
        }
    }
}
