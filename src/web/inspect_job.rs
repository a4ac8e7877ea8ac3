//! The prep worker's inspect job (see `studio_core::inspect`): a result decoded by the
//! browser (`createImageBitmap`, as `<img>` shows it) and its pixels read, for their alpha and,
//! for a masked edit, the drift against image 1 (`studio_core::mask::drift`), image 1 and the
//! mask scaled to the result by the same decoder. Off the page's thread: a 4K result is 8 MP.
//! Only the `prep_worker` bin calls this; it needs no document, so tests run it on a page too.

use js_sys::Uint8Array;

use super::bitmap_decode::decode_resized;
use super::fit_job::{decode, encode, read_pixels};
use studio_core::api::mime;
use studio_core::i18n::text::images;
use studio_core::i18n::{Lang, Text};
use studio_core::inspect::{alpha_facts, AlphaFacts, DriftJob};
use studio_core::mask::composite::check_alignment;
use studio_core::mask::drift::{drift_heatmap, measure_drift, DriftReport};
use studio_core::tr;

/// What the pixels said.
#[derive(Debug, Clone, PartialEq)]
pub struct Inspection {
    pub width: u32,
    pub height: u32,
    pub alpha: Option<AlphaFacts>,
    pub drift: Option<DriftReport>,
    /// Why drift was asked for and not measured.
    pub drift_refused: Option<String>,
    /// The heatmap, encoded, and its type.
    pub heatmap: Option<(Vec<u8>, String)>,
}

/// The drift part's inputs: what to do, image 1 as sent, the mask as sent (a PNG).
pub struct DriftInputs<'a> {
    pub job: &'a DriftJob,
    pub image: &'a Uint8Array,
    pub mask: &'a Uint8Array,
}

/// Reads the result in `bytes` (of type `mime`): its alpha when `alpha`, its drift when
/// `drift` is given. Refused (a sentence in `lang`) only when the result itself cannot be
/// decoded; a drift that cannot be measured says why in `drift_refused`.
pub async fn inspect_image(
    bytes: &Uint8Array,
    mime_type: &str,
    alpha: bool,
    drift: Option<DriftInputs<'_>>,
    lang: Lang,
) -> Result<Inspection, String> {
    let bitmap = decode(bytes, mime_type, lang).await?;
    let (width, height) = (bitmap.width(), bitmap.height());
    let rgba = read_pixels(&bitmap, width, height, lang);
    bitmap.close();
    let rgba = rgba?;
    let mut out = Inspection {
        width,
        height,
        alpha: alpha.then(|| alpha_facts(&rgba)),
        drift: None,
        drift_refused: None,
        heatmap: None,
    };
    if let Some(inputs) = drift {
        match measure(&rgba, width, height, &inputs, lang).await {
            Ok((report, heatmap)) => {
                out.drift = Some(report);
                out.heatmap = heatmap;
            }
            Err(why) => out.drift_refused = Some(why),
        }
    }
    Ok(out)
}

/// Image 1 and the mask scaled to the result, the drift measured, and the heatmap made and
/// encoded as PNG when the job wants it for this verdict.
async fn measure(
    result: &[u8],
    width: u32,
    height: u32,
    inputs: &DriftInputs<'_>,
    lang: Lang,
) -> Result<(DriftReport, Option<(Vec<u8>, String)>), String> {
    check_alignment((width, height), inputs.job.image_size, lang)?;
    let scaled = |bytes: &Uint8Array, mime_type: &str, what: Text| {
        let bytes = bytes.to_vec();
        let mime_type = mime_type.to_owned();
        async move {
            decode_resized(&bytes, &mime_type, width, height)
                .await
                .map_err(|_| {
                    tr!(
                        lang,
                        images::CANNOT_BE_READ,
                        what = what.get(lang),
                        e = images::UNDECODABLE.get(lang)
                    )
                })
        }
    };
    let original = scaled(inputs.image, &inputs.job.image_mime, images::IMAGE_1).await?;
    let mask = scaled(inputs.mask, mime::PNG, images::THE_MASK).await?;
    // Buffers of the one size by construction: a mismatch cannot happen, and says so if it does.
    let unmeasurable = |_| images::RESULT_SIZE_UNKNOWN.get(lang).to_string();
    let report =
        measure_drift(&original.rgba, result, &mask.rgba, width, height).map_err(unmeasurable)?;
    if !inputs.job.heatmap.wanted(&report) {
        return Ok((report, None));
    }
    let map =
        drift_heatmap(&original.rgba, result, &mask.rgba, width, height).map_err(unmeasurable)?;
    let encoded = encode(&map.rgba, width, height, mime::PNG, lang).await?;
    Ok((report, Some(encoded)))
}
