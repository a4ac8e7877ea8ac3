//! Messages between the page and the prep worker. The JSON part travels as a string in the
//! message's `json` field; file bytes travel beside it as transferred `Uint8Array`s in
//! `buffers` (never as JSON arrays).

use serde::{Deserialize, Serialize};

use super::mask::MaskTarget;
use super::pipeline::PrepReport;
use super::PrepSettings;
use crate::i18n::Lang;

/// Field names of the posted JS object.
pub const JSON_FIELD: &str = "json";
pub const BUFFERS_FIELD: &str = "buffers";

/// Page to worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobRequest {
    pub id: u64,
    pub kind: JobKind,
    pub settings: PrepSettings,
    /// The language the answer's sentences (refusals, notes) are written in: the worker has
    /// no access to the page's. English when absent.
    #[serde(default, with = "lang_tag")]
    pub lang: Lang,
}

/// A `Lang` on the wire as its tag (`"en"`, `"zh-CN"`); an unknown tag reads as English.
mod lang_tag {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::i18n::Lang;

    pub fn serialize<S: Serializer>(lang: &Lang, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(lang.tag())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Ok(Lang::from_tag(&tag).unwrap_or_default())
    }
}

/// Only the language of a job, read from a job that cannot be read whole (so that even its
/// refusal is in the page's language).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct JobLang {
    #[serde(default, with = "lang_tag")]
    pub lang: Lang,
}

impl JobLang {
    /// The language `json` asks for; English when it says none or is not a JSON object.
    pub fn of(json: &str) -> Lang {
        serde_json::from_str::<JobLang>(json)
            .map(|j| j.lang)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobKind {
    /// `buffers`: [file]. Answered with `Prepared` (buffers: [upload]).
    Reference,
    /// `buffers`: [mask]. The mask for image 1 as `target` says it is sent (image 1 itself
    /// stays as prepared by its `Reference` job). Answered with `MaskPrepared` (buffers:
    /// [mask]) or `MaskRefused`.
    Mask { target: MaskTarget },
    /// `buffers`: [image 1, mask]. Image 1 as PNG (the profile option for gateways that want
    /// it in the mask's format) and its mask. Answered with `PreparedWithMask` (buffers:
    /// [image, mask]), `MaskRefused` or `Failed`.
    PngImageWithMask,
    /// `buffers`: [edit result, image 1 as sent, mask as sent]. Answered with `Composited`
    /// (buffers: [image]) or `Failed` saying why image 1 cannot be pasted back.
    KeepOutsideMask { feather_px: u32 },
    /// `buffers`: [a result image of type `source_mime`]. Cropped and resized to exactly
    /// `width` x `height` (`crate::fit`) and encoded as `mime`; answered with `Fitted` or
    /// `Failed`.
    FitExact {
        source_mime: String,
        width: u32,
        height: u32,
        mime: String,
    },
    /// `buffers`: [a result made on a flat `key` backdrop]. Keyed out (`crate::cutout`) and
    /// encoded as `mime` (PNG or WebP, both with alpha); answered with `CutOut` or `Failed`.
    CutOut {
        key: crate::cutout::KeyColour,
        mime: String,
    },
    /// `buffers`: [a result of type `mime`], and with `drift` [result, image 1 as sent, mask
    /// as sent]. Reads the result's pixels: their alpha when `alpha` (`crate::inspect`), and
    /// with `drift` how much changed inside the mask against outside it (`mask::drift`, image
    /// 1 and the mask scaled to the result). Answered with `Inspected` (buffers: [the heatmap
    /// PNG] when one was made) or `Failed`.
    Inspect {
        mime: String,
        alpha: bool,
        drift: Option<crate::inspect::DriftJob>,
    },
}

/// Worker to page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerMessage {
    /// Sent once the worker listens; says whether this browser encodes WebP.
    Ready {
        webp: bool,
    },
    Prepared {
        id: u64,
        report: PrepReport,
    },
    MaskPrepared {
        id: u64,
        mask: PrepReport,
    },
    PreparedWithMask {
        id: u64,
        image: PrepReport,
        mask: PrepReport,
    },
    /// An edit result with image 1 pasted back outside the mask, in the result's format.
    Composited {
        id: u64,
        mime: String,
        width: u32,
        height: u32,
        painted_share: f64,
        ms: f64,
    },
    /// A result fitted to its exact size. `buffers`: [image], encoded as `mime` (the browser's
    /// fallback when it cannot encode the wanted type). `unchanged`: the image already had that
    /// size, so nothing was re-encoded and no buffer comes back (the page keeps what it sent).
    /// `note` says what was done (`fit::describe_encoded`).
    Fitted {
        id: u64,
        mime: String,
        width: u32,
        height: u32,
        note: String,
        unchanged: bool,
    },
    /// A result keyed out. `buffers`: [image], encoded as `mime` (PNG where the browser
    /// cannot encode the WebP asked for).
    CutOut {
        id: u64,
        mime: String,
        width: u32,
        height: u32,
        /// Share of fully transparent pixels, 0..1.
        transparent_share: f64,
        ms: f64,
    },
    /// What a result's pixels say. `drift_refused`: why drift was not measured (a sentence in
    /// the job's `lang`), when it was asked and could not be. `heatmap_mime`: the type of the
    /// heatmap in `buffers`, when one was made.
    Inspected {
        id: u64,
        width: u32,
        height: u32,
        alpha: Option<crate::inspect::AlphaFacts>,
        drift: Option<crate::mask::drift::DriftReport>,
        drift_refused: Option<String>,
        heatmap_mime: Option<String>,
        ms: f64,
    },
    /// The file cannot be prepared: a sentence for the user (in the job's `lang`).
    Failed {
        id: u64,
        message: String,
    },
    /// Image 1 is fine but the mask is refused.
    MaskRefused {
        id: u64,
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_as_json() {
        let request = JobRequest {
            id: 7,
            kind: JobKind::PngImageWithMask,
            settings: PrepSettings::default(),
            lang: Lang::En,
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<JobRequest>(&text).unwrap(), request);
        let request = JobRequest {
            id: 8,
            kind: JobKind::Mask {
                target: MaskTarget {
                    oriented: (6000, 4000),
                    fitted: (2048, 1365),
                    sent: (2048, 1365),
                },
            },
            settings: PrepSettings::default(),
            lang: Lang::ZhCn,
        };
        let text = serde_json::to_string(&request).unwrap();
        assert!(
            text.contains(r#"{"Mask":{"target":{"oriented":[6000,4000],"fitted":[2048,1365],"sent":[2048,1365]}}}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<JobRequest>(&text).unwrap(), request);
        assert!(text.ends_with(r#","lang":"zh-CN"}"#), "{text}");
        let request = JobRequest {
            id: 9,
            kind: JobKind::Inspect {
                mime: "image/png".into(),
                alpha: true,
                drift: Some(crate::inspect::DriftJob {
                    image_mime: "image/webp".into(),
                    image_size: (1365, 2048),
                    heatmap: crate::inspect::HeatmapWhen::IfIgnored,
                }),
            },
            settings: PrepSettings::default(),
            lang: Lang::En,
        };
        let text = serde_json::to_string(&request).unwrap();
        assert!(
            text.contains(r#"{"Inspect":{"mime":"image/png","alpha":true,"drift":{"image_mime":"image/webp","image_size":[1365,2048],"heatmap":"IfIgnored"}}}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<JobRequest>(&text).unwrap(), request);
        let inspected = WorkerMessage::Inspected {
            id: 9,
            width: 1024,
            height: 1536,
            alpha: Some(crate::inspect::alpha_facts(&[0, 0, 0, 255])),
            drift: None,
            drift_refused: Some("no".into()),
            heatmap_mime: None,
            ms: 12.5,
        };
        let text = serde_json::to_string(&inspected).unwrap();
        assert_eq!(
            serde_json::from_str::<WorkerMessage>(&text).unwrap(),
            inspected
        );
        let ready = WorkerMessage::Ready { webp: true };
        let text = serde_json::to_string(&ready).unwrap();
        assert_eq!(text, r#"{"Ready":{"webp":true}}"#);
    }

    /// The wire form of a fit job and its answer (tests/e2e/size.test.mjs posts them by hand).
    #[test]
    fn fit_jobs_round_trip_as_json() {
        let request = JobRequest {
            id: 3,
            kind: JobKind::FitExact {
                source_mime: "image/png".into(),
                width: 1920,
                height: 1080,
                mime: "image/webp".into(),
            },
            settings: PrepSettings::default(),
            lang: Lang::En,
        };
        let text = serde_json::to_string(&request).unwrap();
        assert!(
            text.starts_with(
                r#"{"id":3,"kind":{"FitExact":{"source_mime":"image/png","width":1920,"height":1080,"mime":"image/webp"}},"settings":{"#
            ),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<JobRequest>(&text).unwrap(), request);

        // A job posted without a language (tests/e2e/size.test.mjs) is answered in English.
        let bare = r#"{"id":5,"kind":"Reference","settings":{"max_edge":2048,"budget_bytes":1500000,"text_mode":false}}"#;
        assert_eq!(
            serde_json::from_str::<JobRequest>(bare).unwrap().lang,
            Lang::En
        );
        assert_eq!(JobLang::of(bare), Lang::En);
        assert_eq!(JobLang::of(r#"{"id":"x","lang":"zh-CN"}"#), Lang::ZhCn);
        assert_eq!(JobLang::of("not json"), Lang::En);

        let fitted = WorkerMessage::Fitted {
            id: 3,
            mime: "image/png".into(),
            width: 1920,
            height: 1080,
            note: "Cropped 1920x1088 to 1920x1080 (4 px off top and bottom). Saved as image/png: this browser cannot encode image/webp.".into(),
            unchanged: false,
        };
        let text = serde_json::to_string(&fitted).unwrap();
        assert_eq!(
            text,
            r#"{"Fitted":{"id":3,"mime":"image/png","width":1920,"height":1080,"note":"Cropped 1920x1088 to 1920x1080 (4 px off top and bottom). Saved as image/png: this browser cannot encode image/webp.","unchanged":false}}"#
        );
        assert_eq!(
            serde_json::from_str::<WorkerMessage>(&text).unwrap(),
            fitted
        );

        let failed = r#"{"Failed":{"id":4,"message":"the image could not be decoded"}}"#;
        assert_eq!(
            serde_json::from_str::<WorkerMessage>(failed).unwrap(),
            WorkerMessage::Failed {
                id: 4,
                message: "the image could not be decoded".into()
            }
        );
    }
}
