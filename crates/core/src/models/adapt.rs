//! Switching models: every choice the new model still takes is kept; each one it does not
//! take is set to the nearest one it does, and said ("gpt-image-2 has no max quality: set to
//! high"). An unknown model takes everything, so switching to one changes nothing.

use super::registry::{ModelEntry, ModelInfo, SizeRule};
use crate::api::request::ImageParams;
use crate::api::wire::{Background, OutputFormat, Quality, WireValue};
use crate::i18n::{text::models, Lang};
use crate::sizes::{self, SizeSpec, STABLE_SIZES};
use crate::tr;

/// Quality tiers from the lowest; `Auto` is not a tier.
const TIERS: [Quality; 5] = [
    Quality::Low,
    Quality::Medium,
    Quality::High,
    Quality::Xhigh,
    Quality::Max,
];

/// The quality a model takes nearest to `wanted`: the highest tier it takes not above it,
/// else its lowest tier above, else `auto`.
pub fn nearest_quality(entry: &ModelEntry, wanted: Quality) -> Quality {
    if entry.takes_quality(wanted) {
        return wanted;
    }
    let rank = TIERS.iter().position(|q| *q == wanted).unwrap_or(0);
    TIERS[..rank]
        .iter()
        .rev()
        .chain(&TIERS[rank..])
        .copied()
        .find(|q| entry.takes_quality(*q))
        .unwrap_or(Quality::Auto)
}

/// The stable size nearest in shape to `width` x `height`.
fn nearest_preset(width: u32, height: u32) -> (u32, u32) {
    let ratio = f64::from(width) / f64::from(height.max(1));
    *STABLE_SIZES
        .iter()
        .min_by(|a, b| {
            let d = |(w, h): &(u32, u32)| (f64::from(*w) / f64::from(*h) / ratio).ln().abs();
            d(a).total_cmp(&d(b))
        })
        .unwrap_or(&STABLE_SIZES[0])
}

/// The size `to` takes nearest to the one chosen, if the chosen one is not taken.
fn adapted_size(entry: &ModelEntry, size: &str) -> Option<(u32, u32)> {
    let SizeSpec::Exact { width, height } = sizes::parse(size).ok()? else {
        return None;
    };
    match entry.sizes {
        SizeRule::Presets if !STABLE_SIZES.contains(&(width, height)) => {
            Some(nearest_preset(width, height))
        }
        SizeRule::Free if !sizes::is_valid(width, height) => {
            sizes::suggestions(width, height, entry.id, 1)
                .first()
                .copied()
        }
        _ => None,
    }
}

/// `choices` made valid for `to` (switching from `from`), and one sentence per change, in
/// `lang`.
pub fn adapt(
    choices: &ImageParams,
    from: &ModelInfo,
    to: &ModelInfo,
    lang: Lang,
) -> (ImageParams, Vec<String>) {
    let mut out = choices.clone();
    out.model = to.name().to_string();
    let mut changes = Vec::new();
    let Some(entry) = to.entry() else {
        return (out, changes);
    };
    let name = to.name();

    let quality = nearest_quality(entry, out.quality);
    if quality != out.quality {
        changes.push(tr!(
            lang,
            models::NO_QUALITY,
            name = name,
            quality = out.quality.as_str(),
            to = quality.as_str()
        ));
        out.quality = quality;
    }

    if out.background == Background::Transparent && !entry.has_native_transparency() {
        // The user wants a transparent result: it is made in the browser instead.
        changes.push(tr!(lang, models::NO_NATIVE_TRANSPARENCY, name = name));
        out.background = Background::TransparentLocal;
    } else if out.background == Background::TransparentLocal
        && entry.has_native_transparency()
        && from.native_transparency() != Some(true)
    {
        changes.push(tr!(lang, models::MAKES_TRANSPARENCY, name = name));
        out.background = Background::Transparent;
    }
    if out.background == Background::Transparent && !entry.transparent_with(out.output_format) {
        let format = [OutputFormat::Png, OutputFormat::Webp]
            .into_iter()
            .find(|f| entry.transparent_with(*f))
            .unwrap_or(OutputFormat::Png);
        changes.push(tr!(
            lang,
            models::TRANSPARENCY_FORMATS,
            name = name,
            format = format.as_str()
        ));
        out.output_format = format;
    }
    if out.background == Background::TransparentLocal && out.output_format == OutputFormat::Jpeg {
        changes.push(tr!(lang, models::CUTOUT_FORMAT).to_string());
        out.output_format = OutputFormat::Png;
    }

    if let Some((w, h)) = adapted_size(entry, &out.size) {
        let text = match entry.sizes {
            SizeRule::Presets => models::SIZE_STABLE_ONLY,
            SizeRule::Free => models::SIZE_NOT_TAKEN,
        };
        changes.push(tr!(
            lang,
            text,
            name = name,
            size = out.size.trim(),
            w = w,
            h = h
        ));
        out.size = format!("{w}x{h}");
        out.deliver_exact = None;
    }

    if out.n > entry.max_n {
        let text = if entry.max_n == 1 {
            models::MAX_N_ONE
        } else {
            models::MAX_N_MANY
        };
        changes.push(tr!(lang, text, name = name, max = entry.max_n));
        out.n = entry.max_n;
    }

    if out.stream && !entry.streaming {
        changes.push(tr!(lang, models::NO_STREAMING, name = name));
        out.stream = false;
        out.partial_images = 0;
    }
    (out, changes)
}

/// When more references are held than `to` (under the profile's limit, 0 = none) takes: how
/// many will be sent, and the sentence saying so in `lang` (no full stop).
pub fn references_over(
    to: &ModelInfo,
    profile_max: u8,
    held: usize,
    lang: Lang,
) -> Option<(usize, String)> {
    let cap = usize::from(super::registry::reference_cap(to, profile_max));
    (held > cap).then(|| {
        let text = if cap == 0 {
            tr!(lang, models::NO_REFERENCES, name = to.name(), held = held)
        } else {
            tr!(
                lang,
                models::REFERENCES_CAPPED,
                name = to.name(),
                cap = cap,
                over = held - cap,
                held = held
            )
        };
        (cap, text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::request::generation_body;
    use crate::api::wire::Moderation;
    use crate::models::registry::{resolve, MODELS};
    use proptest::prelude::*;

    fn info(name: &str) -> ModelInfo {
        resolve(name, &[])
    }

    fn choices(model: &str) -> ImageParams {
        ImageParams {
            model: model.into(),
            prompt: "a glass bottle".into(),
            ..ImageParams::default()
        }
    }

    #[test]
    fn max_quality_drops_to_high_on_gpt_image_2() {
        let p = ImageParams {
            quality: Quality::Max,
            ..choices("gpt-image-2.5-flare")
        };
        let (q, changes) = adapt(
            &p,
            &info("gpt-image-2.5-flare"),
            &info("gpt-image-2"),
            Lang::En,
        );
        assert_eq!(q.quality, Quality::High);
        assert_eq!(q.model, "gpt-image-2");
        assert_eq!(changes, ["gpt-image-2 has no max quality: set to high"]);
        let p = ImageParams {
            quality: Quality::Xhigh,
            ..p
        };
        let (_, changes) = adapt(
            &p,
            &info("gpt-image-2.5-flare"),
            &info("gpt-image-2"),
            Lang::En,
        );
        assert_eq!(changes, ["gpt-image-2 has no xhigh quality: set to high"]);
        let (_, changes) = adapt(
            &p,
            &info("gpt-image-2.5-flare"),
            &info("gpt-image-2"),
            Lang::ZhCn,
        );
        assert_eq!(changes, ["gpt-image-2 没有 xhigh 质量：已改为 high"]);
    }

    #[test]
    fn transparency_goes_where_it_is_not_native() {
        let p = ImageParams {
            background: Background::Transparent,
            output_format: OutputFormat::Webp,
            ..choices("gpt-image-2.5-sunburst")
        };
        let (q, changes) = adapt(
            &p,
            &info("gpt-image-2.5-sunburst"),
            &info("gpt-image-2"),
            Lang::En,
        );
        assert_eq!(q.background, Background::TransparentLocal);
        assert_eq!(q.output_format, OutputFormat::Webp, "the format stays");
        assert_eq!(
            changes,
            ["gpt-image-2 has no native transparent background: set to transparent-local (cut out in the browser from a flat key colour)"]
        );
        // And back: the 2.5 model makes it itself.
        let (r, changes) = adapt(
            &q,
            &info("gpt-image-2"),
            &info("gpt-image-2.5-flare"),
            Lang::En,
        );
        assert_eq!(r.background, Background::Transparent);
        assert_eq!(
            changes,
            ["gpt-image-2.5-flare makes a transparent background itself: set to transparent"]
        );
        // From an unknown model where transparent + jpeg was allowed, to a 2.5 model.
        let p = ImageParams {
            background: Background::Transparent,
            output_format: OutputFormat::Jpeg,
            ..choices("vendor/x")
        };
        let (q, changes) = adapt(
            &p,
            &info("vendor/x"),
            &info("gpt-image-2.5-flare"),
            Lang::En,
        );
        assert_eq!(
            (q.background, q.output_format),
            (Background::Transparent, OutputFormat::Png)
        );
        assert_eq!(
            changes,
            ["gpt-image-2.5-flare makes a transparent background only as PNG or WebP: output format set to png"]
        );
    }

    #[test]
    fn sizes_n_and_streaming_follow_the_model() {
        let p = ImageParams {
            size: "2048x1152".into(),
            deliver_exact: Some((1920, 1080)),
            n: 4,
            stream: true,
            partial_images: 2,
            ..choices("gpt-image-2")
        };
        let (q, changes) = adapt(&p, &info("gpt-image-2"), &info("gpt-image-1.5"), Lang::En);
        assert_eq!((q.size.as_str(), q.deliver_exact), ("1536x1024", None));
        assert_eq!(
            changes,
            ["gpt-image-1.5 takes only 1024x1024, 1536x1024, 1024x1536 or auto: size 2048x1152 set to 1536x1024"]
        );
        let (q, changes) = adapt(&p, &info("gpt-image-2"), &info("dall-e-3"), Lang::En);
        assert_eq!((q.n, q.stream, q.partial_images), (1, false, 0));
        assert!(
            changes.contains(&"dall-e-3 makes at most 1 image per request: n set to 1".to_string())
        );
        assert!(changes.contains(&"dall-e-3 does not stream: streaming off".to_string()));
        // An invalid size from an unknown model becomes the nearest valid one.
        let p = ImageParams {
            size: "1000x1000".into(),
            ..choices("vendor/x")
        };
        let (q, changes) = adapt(&p, &info("vendor/x"), &info("gpt-image-2"), Lang::En);
        assert_eq!(q.size, "1008x1008");
        assert_eq!(
            changes,
            ["gpt-image-2 does not take that size: size 1000x1000 set to 1008x1008"]
        );
    }

    #[test]
    fn valid_choices_and_unknown_targets_change_nothing() {
        let p = ImageParams {
            quality: Quality::High,
            size: "3840x2160".into(),
            n: 3,
            ..choices("gpt-image-2")
        };
        let (q, changes) = adapt(
            &p,
            &info("gpt-image-2"),
            &info("gpt-image-2.5-flare"),
            Lang::En,
        );
        assert!(changes.is_empty());
        assert_eq!(
            q,
            ImageParams {
                model: "gpt-image-2.5-flare".into(),
                ..p.clone()
            }
        );
        let wild = ImageParams {
            quality: Quality::Max,
            background: Background::Transparent,
            output_format: OutputFormat::Jpeg,
            ..p
        };
        let (q, changes) = adapt(&wild, &info("gpt-image-2"), &info("my-gateway"), Lang::En);
        assert!(changes.is_empty());
        assert_eq!(q.model, "my-gateway");
    }

    #[test]
    fn references_are_capped_by_model_and_profile() {
        assert_eq!(references_over(&info("gpt-image-2"), 0, 16, Lang::En), None);
        let (keep, text) = references_over(&info("gpt-image-2"), 5, 7, Lang::En).unwrap();
        assert_eq!(keep, 5);
        assert_eq!(
            text,
            "gpt-image-2 takes at most 5 references here: the last 2 of 7 will not be sent"
        );
        assert_eq!(
            references_over(&info("dall-e-3"), 0, 1, Lang::En)
                .unwrap()
                .0,
            0
        );
        assert_eq!(
            references_over(&info("gpt-image-2"), 5, 7, Lang::ZhCn)
                .unwrap()
                .1,
            "gpt-image-2 在此最多接受 5 张参考图：7 张中的最后 2 张不会发送"
        );
    }

    fn any_params() -> impl Strategy<Value = ImageParams> {
        (
            0..Quality::ALL.len(),
            0..OutputFormat::ALL.len(),
            0..Background::ALL.len(),
            1u8..=10,
            any::<bool>(),
            0u8..=3,
            prop::sample::select(vec![
                "auto",
                "1024x1024",
                "2048x1152",
                "3840x2160",
                "1000x1000",
                "1536x1024",
                "4000x4000",
            ]),
        )
            .prop_map(|(q, f, b, n, stream, partial, size)| ImageParams {
                model: "vendor/x".into(),
                prompt: "a fox".into(),
                size: size.into(),
                quality: Quality::ALL[q],
                output_format: OutputFormat::ALL[f],
                background: Background::ALL[b],
                moderation: Moderation::Auto,
                n,
                stream,
                partial_images: partial,
                ..ImageParams::default()
            })
    }

    proptest! {
        /// Whatever the choices, after switching to a known model the body builds, and a
        /// second switch to the same model changes nothing more.
        #[test]
        fn adapted_choices_are_valid_and_stable(p in any_params(), to in 0..MODELS.len()) {
            let to = ModelInfo::Known(&MODELS[to]);
            let (q, changes) = adapt(&p, &info("vendor/x"), &to, Lang::En);
            prop_assert!(generation_body(&q).is_ok(), "{:?} {:?}: {:?}", q, changes, generation_body(&q));
            let (again, more) = adapt(&q, &to, &to, Lang::En);
            prop_assert_eq!(&again, &q);
            prop_assert!(more.is_empty());
            // Every change is named: a field that moved has a sentence.
            prop_assert!(q.quality == p.quality || changes.iter().any(|c| c.contains("quality")));
            prop_assert!(q.size == p.size || changes.iter().any(|c| c.contains("size")));
        }
    }
}
