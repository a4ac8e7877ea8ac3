//! The one table of image models this app knows: what each takes (quality tiers, native
//! transparency, sizes, input_fidelity, references, n, streaming), what it costs (list prices
//! per million tokens), how long it takes (per quality at 1024x1024), and when it was retired
//! with what to use instead. Everything else (body building, size rules, estimates, switching
//! models) reads this table; nothing else names a model's abilities.
//!
//! Sources: ../shared/gpt-image-2.md ("Parameters", "Size rules", "Time and money",
//! "GPT Image 2.5", "Retired models"). Where a figure is not measured the entry says so
//! (`latency_measured`, [`ImageCost::Tokens`] estimates are always marked as estimates).

use serde::{Deserialize, Serialize};

use crate::api::wire::{OutputFormat, Quality, MAX_N, MAX_REFERENCES};
use crate::i18n::{format::dollar, text::models, Lang, Text};
use crate::tr;

/// A model family: models of one family share their rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Family {
    /// gpt-image-2 and its snapshot.
    GptImage2,
    /// gpt-image-2.5-flare and -sunburst (2026-09-08).
    GptImage25,
    /// gpt-image-1, 1.5, 1-mini and chatgpt-image-latest (retired).
    GptImage1,
    /// dall-e-2 and dall-e-3 (retired).
    DallE,
}

impl Family {
    pub fn label(self) -> &'static str {
        match self {
            Family::GptImage2 => "gpt-image-2",
            Family::GptImage25 => "gpt-image-2.5",
            Family::GptImage1 => "gpt-image-1",
            Family::DallE => "dall-e",
        }
    }
}

/// Which sizes a model takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeRule {
    /// Any `WxH` within the gpt-image-2 rules (edges /16, 16..3840, ratio <= 3, 655,360 to
    /// 8,294,400 pixels), and `auto`.
    Free,
    /// Only 1024x1024, 1536x1024, 1024x1536 and `auto`.
    Presets,
}

/// List prices in US dollars per million tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenPrices {
    pub text_in: f64,
    pub text_in_cached: f64,
    pub image_in: f64,
    pub image_in_cached: f64,
    pub image_out: f64,
}

/// The published per-image prices of one model: (low, medium, high) at 1024x1024 and at
/// 1536x1024 / 1024x1536, and price points by pixel count (1K, 2K, 4K tiers) between which
/// other sizes are interpolated.
#[derive(Debug, PartialEq)]
pub struct PriceTable {
    pub square: [f64; 3],
    pub landscape: [f64; 3],
    pub points: [(f64, [f64; 3]); 3],
}

/// How the price of one output image is known before sending.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ImageCost {
    /// Published per-image prices for low, medium and high.
    Table(&'static PriceTable),
    /// Output tokens of one 1024x1024 image per quality (measured or reported), billed at
    /// `image_out`; other sizes scale with pixels. Always an estimate.
    Tokens(&'static [(Quality, u32)]),
    /// A flat price per image whatever the quality or size.
    PerImage(f64),
}

/// When a model stopped taking requests at OpenAI, and what to use instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retirement {
    /// ISO date, `YYYY-MM-DD`.
    pub date: &'static str,
    pub replacement: &'static str,
}

/// One model as the app knows it.
#[derive(Debug, PartialEq)]
pub struct ModelEntry {
    pub id: &'static str,
    /// Dated names that behave exactly like `id`.
    pub snapshots: &'static [&'static str],
    pub family: Family,
    /// One line for the model note, in both languages: the name, a colon, what it is.
    pub summary: Text,
    /// The `quality` values it takes, `Auto` first.
    pub qualities: &'static [Quality],
    /// The output formats with which it makes a native transparent background; empty: none.
    pub transparency: &'static [OutputFormat],
    pub sizes: SizeRule,
    /// Whether `input_fidelity` may be sent (edits); elsewhere it is a 400.
    pub input_fidelity: bool,
    /// References an edit takes; 0: no edits.
    pub max_references: u8,
    pub max_n: u8,
    /// Whether `stream` / `partial_images` are taken.
    pub streaming: bool,
    /// None where the model is billed per image, not by tokens.
    pub prices: Option<TokenPrices>,
    pub image_cost: ImageCost,
    /// Seconds (low, high) at 1024x1024 per quality it takes (`Auto` excluded: it spans
    /// medium to high).
    pub latency: &'static [(Quality, (f64, f64))],
    /// True when the latencies were measured (gateway operators' samples); false when
    /// derived from a report ("up to 50% faster") or from tokens.
    pub latency_measured: bool,
    pub retired: Option<Retirement>,
}

impl ModelEntry {
    pub fn takes_quality(&self, q: Quality) -> bool {
        self.qualities.contains(&q)
    }

    /// What the model is, without its name (the picker lists it beside the name).
    pub fn about(&self, lang: Lang) -> &'static str {
        let summary = self.summary.get(lang);
        summary
            .split_once(": ")
            .or_else(|| summary.split_once('：'))
            .map_or(summary, |(_, rest)| rest)
    }

    /// Whether `background=transparent` is made natively with `format`.
    pub fn transparent_with(&self, format: OutputFormat) -> bool {
        self.transparency.contains(&format)
    }

    pub fn has_native_transparency(&self) -> bool {
        !self.transparency.is_empty()
    }

    /// Whether `name` (already normalised) is this model.
    fn answers_to(&self, name: &str) -> bool {
        self.id == name || self.snapshots.contains(&name)
    }

    /// The latency range (seconds at 1024x1024) for a quality; `Auto` spans the model's
    /// medium to high (it tends to pick those).
    pub fn base_latency(&self, q: Quality) -> Option<(f64, f64)> {
        let of = |q: Quality| self.latency.iter().find(|(k, _)| *k == q).map(|(_, r)| *r);
        match q {
            Quality::Auto => Some((of(Quality::Medium)?.0, of(Quality::High)?.1)),
            q => of(q),
        }
    }
}

const GPT2_QUALITIES: &[Quality] = &[Quality::Auto, Quality::Low, Quality::Medium, Quality::High];
const GPT25_QUALITIES: &[Quality] = &[
    Quality::Auto,
    Quality::Low,
    Quality::Medium,
    Quality::High,
    Quality::Xhigh,
    Quality::Max,
];
const AUTO_ONLY: &[Quality] = &[Quality::Auto];
const ALPHA_FORMATS: &[OutputFormat] = &[OutputFormat::Png, OutputFormat::Webp];

/// gpt-image-2 list prices. Cached input prices are not in the facts sheet: taken as the
/// 2.5 models' (same uncached prices).
const GPT2_PRICES: TokenPrices = TokenPrices {
    text_in: 5.0,
    text_in_cached: 1.25,
    image_in: 8.0,
    image_in_cached: 2.0,
    image_out: 30.0,
};
const GPT25_PRICES: TokenPrices = GPT2_PRICES;

/// OpenAI's per-image prices for gpt-image-2's stable sizes; one gateway's for 2K and 4K.
pub const GPT2_PRICE_TABLE: PriceTable = PriceTable {
    square: [0.006, 0.053, 0.211],
    landscape: [0.005, 0.041, 0.165],
    points: [
        (1_048_576.0, [0.006, 0.053, 0.211]),
        (4_194_304.0, [0.012, 0.107, 0.428]),
        (8_294_400.0, [0.016, 0.139, 0.565]),
    ],
};

/// Output tokens per 1024x1024 image reported for gpt-image-2.5-flare (a third-party
/// measurement); used for sunburst too, which has no published figure.
const GPT25_TOKENS: &[(Quality, u32)] = &[
    (Quality::Low, 196),
    (Quality::Medium, 439),
    (Quality::High, 1_756),
    (Quality::Xhigh, 3_122),
    (Quality::Max, 7_024),
];
/// gpt-image-1's output tokens per 1024x1024 image (its pricing guide), for the whole family.
const GPT1_TOKENS: &[(Quality, u32)] = &[
    (Quality::Low, 272),
    (Quality::Medium, 1_056),
    (Quality::High, 4_160),
];

/// Measured for gpt-image-2 (facts sheet, 1024x1024).
const GPT2_LATENCY: &[(Quality, (f64, f64))] = &[
    (Quality::Low, (3.0, 8.0)),
    (Quality::Medium, (20.0, 40.0)),
    (Quality::High, (150.0, 235.0)),
];
/// Flare: "up to ~50% lower latency than gpt-image-2" (gateways): 0.5x to 0.8x of
/// gpt-image-2's range; xhigh and max scale high by their output tokens (x1.78, x4).
const FLARE_LATENCY: &[(Quality, (f64, f64))] = &[
    (Quality::Low, (1.5, 6.4)),
    (Quality::Medium, (10.0, 32.0)),
    (Quality::High, (75.0, 188.0)),
    (Quality::Xhigh, (133.0, 334.0)),
    (Quality::Max, (300.0, 752.0)),
];
/// Sunburst: "slower" with no figure: 1x to 1.5x of gpt-image-2, xhigh/max scaled by tokens.
const SUNBURST_LATENCY: &[(Quality, (f64, f64))] = &[
    (Quality::Low, (3.0, 12.0)),
    (Quality::Medium, (20.0, 60.0)),
    (Quality::High, (150.0, 353.0)),
    (Quality::Xhigh, (267.0, 627.0)),
    (Quality::Max, (600.0, 1_410.0)),
];
/// The gpt-image-1 family as gpt-image-2 (no separate measurement in the facts sheet).
/// gpt-image-1.5's list prices (USD per million tokens); chatgpt-image-latest had the same.
const GPT15_PRICES: TokenPrices = TokenPrices {
    text_in: 5.0,
    text_in_cached: 1.25,
    image_in: 8.0,
    image_in_cached: 2.0,
    image_out: 32.0,
};
const GPT1_LATENCY: &[(Quality, (f64, f64))] = GPT2_LATENCY;
const DALLE_LATENCY: &[(Quality, (f64, f64))] = &[
    (Quality::Medium, (10.0, 30.0)),
    (Quality::High, (10.0, 30.0)),
];

const FLARE: &str = "gpt-image-2.5-flare";

/// Every model the app knows, current ones first.
pub static MODELS: &[ModelEntry] = &[
    ModelEntry {
        id: "gpt-image-2",
        snapshots: &["gpt-image-2-2026-04-21"],
        family: Family::GptImage2,
        summary: models::GPT_IMAGE_2,
        qualities: GPT2_QUALITIES,
        transparency: &[],
        sizes: SizeRule::Free,
        input_fidelity: false,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(GPT2_PRICES),
        image_cost: ImageCost::Table(&GPT2_PRICE_TABLE),
        latency: GPT2_LATENCY,
        latency_measured: true,
        retired: None,
    },
    ModelEntry {
        id: "gpt-image-2.5-flare",
        snapshots: &["gpt-image-2.5-flare-2026-09-08"],
        family: Family::GptImage25,
        summary: models::GPT_IMAGE_25_FLARE,
        qualities: GPT25_QUALITIES,
        transparency: ALPHA_FORMATS,
        sizes: SizeRule::Free,
        input_fidelity: false,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(GPT25_PRICES),
        image_cost: ImageCost::Tokens(GPT25_TOKENS),
        latency: FLARE_LATENCY,
        latency_measured: false,
        retired: None,
    },
    ModelEntry {
        id: "gpt-image-2.5-sunburst",
        snapshots: &["gpt-image-2.5-sunburst-2026-09-08"],
        family: Family::GptImage25,
        summary: models::GPT_IMAGE_25_SUNBURST,
        qualities: GPT25_QUALITIES,
        transparency: ALPHA_FORMATS,
        sizes: SizeRule::Free,
        input_fidelity: false,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(GPT25_PRICES),
        image_cost: ImageCost::Tokens(GPT25_TOKENS),
        latency: SUNBURST_LATENCY,
        latency_measured: false,
        retired: None,
    },
    ModelEntry {
        id: "gpt-image-1.5",
        snapshots: &[],
        family: Family::GptImage1,
        summary: models::GPT_IMAGE_15,
        qualities: GPT2_QUALITIES,
        transparency: ALPHA_FORMATS,
        sizes: SizeRule::Presets,
        input_fidelity: true,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(GPT15_PRICES),
        image_cost: ImageCost::Tokens(GPT1_TOKENS),
        latency: GPT1_LATENCY,
        latency_measured: false,
        retired: Some(Retirement {
            date: "2026-12-01",
            replacement: FLARE,
        }),
    },
    ModelEntry {
        id: "gpt-image-1",
        snapshots: &[],
        family: Family::GptImage1,
        summary: models::GPT_IMAGE_1,
        qualities: GPT2_QUALITIES,
        transparency: ALPHA_FORMATS,
        sizes: SizeRule::Presets,
        input_fidelity: true,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(TokenPrices {
            text_in: 5.0,
            text_in_cached: 1.25,
            image_in: 10.0,
            image_in_cached: 2.5,
            image_out: 40.0,
        }),
        image_cost: ImageCost::Tokens(GPT1_TOKENS),
        latency: GPT1_LATENCY,
        latency_measured: false,
        retired: Some(Retirement {
            date: "2026-10-23",
            replacement: FLARE,
        }),
    },
    ModelEntry {
        id: "gpt-image-1-mini",
        snapshots: &[],
        family: Family::GptImage1,
        summary: models::GPT_IMAGE_1_MINI,
        qualities: GPT2_QUALITIES,
        transparency: ALPHA_FORMATS,
        sizes: SizeRule::Presets,
        input_fidelity: false,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(TokenPrices {
            text_in: 2.0,
            text_in_cached: 0.2,
            image_in: 2.5,
            image_in_cached: 0.25,
            image_out: 8.0,
        }),
        image_cost: ImageCost::Tokens(GPT1_TOKENS),
        latency: GPT1_LATENCY,
        latency_measured: false,
        retired: Some(Retirement {
            date: "2026-12-01",
            replacement: FLARE,
        }),
    },
    ModelEntry {
        id: "chatgpt-image-latest",
        snapshots: &[],
        family: Family::GptImage1,
        summary: models::CHATGPT_IMAGE_LATEST,
        qualities: GPT2_QUALITIES,
        transparency: ALPHA_FORMATS,
        sizes: SizeRule::Presets,
        input_fidelity: true,
        max_references: 16,
        max_n: 10,
        streaming: true,
        prices: Some(GPT15_PRICES),
        image_cost: ImageCost::Tokens(GPT1_TOKENS),
        latency: GPT1_LATENCY,
        latency_measured: false,
        retired: Some(Retirement {
            date: "2026-12-01",
            replacement: FLARE,
        }),
    },
    ModelEntry {
        id: "dall-e-3",
        snapshots: &[],
        family: Family::DallE,
        summary: models::DALL_E_3,
        qualities: AUTO_ONLY,
        transparency: &[],
        sizes: SizeRule::Presets,
        input_fidelity: false,
        max_references: 0,
        max_n: 1,
        streaming: false,
        prices: None,
        image_cost: ImageCost::PerImage(0.04),
        latency: DALLE_LATENCY,
        latency_measured: false,
        retired: Some(Retirement {
            date: "2026-05-12",
            replacement: FLARE,
        }),
    },
    ModelEntry {
        id: "dall-e-2",
        snapshots: &[],
        family: Family::DallE,
        summary: models::DALL_E_2,
        qualities: AUTO_ONLY,
        transparency: &[],
        sizes: SizeRule::Presets,
        input_fidelity: false,
        max_references: 1,
        max_n: 10,
        streaming: false,
        prices: None,
        image_cost: ImageCost::PerImage(0.02),
        latency: DALLE_LATENCY,
        latency_measured: false,
        retired: Some(Retirement {
            date: "2026-05-12",
            replacement: FLARE,
        }),
    },
];

/// The default model's entry (gpt-image-2).
pub fn default_entry() -> &'static ModelEntry {
    &MODELS[0]
}

/// A model name as typed, made comparable: trimmed, lowercase, inner spaces and underscores as
/// hyphens, and a LiteLLM-style `openai/` prefix dropped ("  GPT Image 2.5 Flare " ->
/// "gpt-image-2.5-flare").
pub fn normalize(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("openai/").unwrap_or(&lower);
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        let c = if c.is_whitespace() || c == '_' {
            '-'
        } else {
            c
        };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    out
}

/// The entry of a known model by id or dated snapshot, tolerant of case and spacing.
pub fn lookup(name: &str) -> Option<&'static ModelEntry> {
    let name = normalize(name);
    MODELS.iter().find(|m| m.answers_to(&name))
}

/// A profile's own model name (a gateway's), mapped to a known model's rules, optionally with
/// a flat price per image (what the gateway bills).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelAlias {
    /// The name sent to the gateway, e.g. `gpt-image-2-all`.
    pub name: String,
    /// A known model id or snapshot whose rules apply, e.g. `gpt-image-2`.
    pub like: String,
    /// US dollars per image, when the gateway bills a flat price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_per_image: Option<f64>,
}

/// What the app knows about the model a request names.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelInfo {
    /// A model of the table, by its own name.
    Known(&'static ModelEntry),
    /// A gateway's name this profile maps to a known model.
    Alias {
        name: String,
        entry: &'static ModelEntry,
        price_per_image: Option<f64>,
    },
    /// A name the app does not know: every control is offered and nothing is checked.
    Unknown(String),
}

/// Resolves a model name against the table, then against the profile's aliases (a table id
/// wins over an alias of the same name; an alias pointing at an unknown name is ignored).
pub fn resolve(name: &str, aliases: &[ModelAlias]) -> ModelInfo {
    if let Some(entry) = lookup(name) {
        return ModelInfo::Known(entry);
    }
    let wanted = normalize(name);
    let alias = aliases
        .iter()
        .filter(|a| normalize(&a.name) == wanted)
        .find_map(|a| lookup(&a.like).map(|entry| (a, entry)));
    match alias {
        Some((a, entry)) => ModelInfo::Alias {
            name: name.trim().to_string(),
            entry,
            price_per_image: a.price_per_image.filter(|p| p.is_finite() && *p >= 0.0),
        },
        None => ModelInfo::Unknown(name.trim().to_string()),
    }
}

impl ModelInfo {
    /// The entry whose rules apply; None for an unknown model.
    pub fn entry(&self) -> Option<&'static ModelEntry> {
        match self {
            ModelInfo::Known(e) | ModelInfo::Alias { entry: e, .. } => Some(e),
            ModelInfo::Unknown(_) => None,
        }
    }

    /// The name as the request carries it.
    pub fn name(&self) -> &str {
        match self {
            ModelInfo::Known(e) => e.id,
            ModelInfo::Alias { name, .. } | ModelInfo::Unknown(name) => name,
        }
    }

    /// The quality values to offer: the model's, or all of them for an unknown model.
    pub fn qualities(&self) -> &'static [Quality] {
        self.entry().map_or(Quality::ALL, |e| e.qualities)
    }

    /// Whether `quality` may be sent (unknown models: anything).
    pub fn takes_quality(&self, q: Quality) -> bool {
        self.entry().is_none_or(|e| e.takes_quality(q))
    }

    /// Whether a transparent background is offered: Some(true/false) for a known model, None
    /// for an unknown one (offered; the endpoint decides).
    pub fn native_transparency(&self) -> Option<bool> {
        self.entry().map(ModelEntry::has_native_transparency)
    }

    /// The largest n one request may ask for.
    pub fn max_n(&self) -> u8 {
        self.entry().map_or(MAX_N, |e| e.max_n)
    }

    /// The most references one edit may carry.
    pub fn max_references(&self) -> u8 {
        self.entry()
            .map_or(MAX_REFERENCES as u8, |e| e.max_references)
    }

    pub fn streaming(&self) -> bool {
        self.entry().is_none_or(|e| e.streaming)
    }

    pub fn retired(&self) -> Option<Retirement> {
        self.entry().and_then(|e| e.retired)
    }

    /// The line shown beside the model, in `lang`: what it is, or how the app treats it.
    pub fn note(&self, lang: Lang) -> String {
        match self {
            ModelInfo::Known(e) => e.summary.get(lang).to_string(),
            ModelInfo::Alias {
                name,
                entry,
                price_per_image,
            } => {
                let price = price_per_image
                    .map(|p| {
                        tr!(
                            lang,
                            models::ALIAS_PRICE,
                            price = format!("{}{p}", dollar(lang))
                        )
                    })
                    .unwrap_or_default();
                tr!(
                    lang,
                    models::ALIAS_NOTE,
                    name = name,
                    model = entry.id,
                    price = price
                )
            }
            ModelInfo::Unknown(_) => tr!(lang, models::UNKNOWN).to_string(),
        }
    }
}

/// Whether a name being typed is complete: it names a known model (or one of the profile's
/// names) and no other known name goes on from it ("gpt-image-2.5-flare" is; "gpt-image-2"
/// is not yet, since "gpt-image-2.5-flare" starts with it). The form follows a complete name
/// at once, any other when the field is left.
pub fn is_complete_name(name: &str, aliases: &[ModelAlias]) -> bool {
    let Some(entry) = resolve(name, aliases).entry() else {
        return false;
    };
    let typed = normalize(name);
    // A dated snapshot of the same model going on from it does not count.
    let others = MODELS
        .iter()
        .filter(|m| m.id != entry.id)
        .flat_map(|m| std::iter::once(m.id).chain(m.snapshots.iter().copied()))
        .map(str::to_string)
        .chain(aliases.iter().map(|a| normalize(&a.name)));
    !others
        .filter(|n| *n != typed)
        .any(|n| n.starts_with(&typed))
}

/// The n one request may ask for under both the model and the profile's limit (0 = none).
pub fn n_cap(info: &ModelInfo, profile_max_per_request: u8) -> u8 {
    let model = info.max_n();
    match profile_max_per_request {
        0 => model,
        p => model.min(p),
    }
}

/// The references one edit may carry under both the model and the profile's limit (0 = none).
pub fn reference_cap(info: &ModelInfo, profile_max: u8) -> u8 {
    let model = info.max_references();
    match profile_max {
        0 => model,
        p => model.min(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_complete_when_nothing_known_goes_on_from_it() {
        for done in [
            "gpt-image-2.5-flare",
            "GPT Image 2.5 Sunburst",
            "gpt-image-1.5",
            "gpt-image-2-2026-04-21",
            "dall-e-3",
        ] {
            assert!(is_complete_name(done, &[]), "{done}");
        }
        for open in [
            "gpt-image-2",
            "gpt-image-1",
            "gpt-image-2.5-flare-2026",
            "my-gateway",
            "gpt-image-2.5-flar",
        ] {
            assert!(!is_complete_name(open, &[]), "{open}");
        }
        let aliases = [ModelAlias {
            name: "gpt-image-2.5-flare-cheap".into(),
            like: "gpt-image-2.5-flare".into(),
            price_per_image: None,
        }];
        assert!(
            !is_complete_name("gpt-image-2.5-flare", &aliases),
            "an alias goes on from it"
        );
        // "gpt-image-2.5-flare-2026" is not a name at all yet.
        assert!(is_complete_name("gpt-image-2.5-flare-cheap", &aliases));
    }

    #[test]
    fn ids_and_snapshots_are_found_whatever_the_spelling() {
        for (name, id) in [
            ("gpt-image-2", "gpt-image-2"),
            ("gpt-image-2-2026-04-21", "gpt-image-2"),
            ("  GPT-Image-2  ", "gpt-image-2"),
            ("gpt-image-2.5-flare", "gpt-image-2.5-flare"),
            ("gpt-image-2.5-flare-2026-09-08", "gpt-image-2.5-flare"),
            ("GPT Image 2.5 Sunburst", "gpt-image-2.5-sunburst"),
            (
                "gpt_image_2.5_sunburst-2026-09-08",
                "gpt-image-2.5-sunburst",
            ),
            ("openai/gpt-image-2", "gpt-image-2"),
            ("gpt-image-1.5", "gpt-image-1.5"),
            ("gpt-image-1", "gpt-image-1"),
            ("gpt-image-1-mini", "gpt-image-1-mini"),
            ("ChatGPT-Image-Latest", "chatgpt-image-latest"),
            ("dall-e-2", "dall-e-2"),
            ("DALL-E-3", "dall-e-3"),
        ] {
            assert_eq!(lookup(name).map(|e| e.id), Some(id), "{name}");
        }
        // No bare 2.5 alias, no guessing from a prefix.
        for name in [
            "gpt-image-2.5",
            "gpt-image-2-all",
            "gpt-image-2.5-flare-2026-09-09",
            "",
            "flux-pro",
        ] {
            assert_eq!(lookup(name), None, "{name}");
        }
    }

    #[test]
    fn every_entry_is_consistent() {
        for m in MODELS {
            assert_eq!(m.qualities.first(), Some(&Quality::Auto), "{}", m.id);
            assert!(m.max_n >= 1 && m.max_n <= MAX_N, "{}", m.id);
            assert!(usize::from(m.max_references) <= MAX_REFERENCES, "{}", m.id);
            assert!(!m.transparency.contains(&OutputFormat::Jpeg), "{}", m.id);
            for q in m.qualities.iter().filter(|q| **q != Quality::Auto) {
                let (lo, hi) = m
                    .base_latency(*q)
                    .unwrap_or_else(|| panic!("{} {q:?}", m.id));
                assert!(lo > 0.0 && lo < hi, "{} {q:?}", m.id);
            }
            assert!(m.base_latency(Quality::Auto).is_some(), "{}", m.id);
            if let Some(r) = m.retired {
                let to = lookup(r.replacement).expect("a known replacement");
                assert!(to.retired.is_none(), "{} -> {}", m.id, r.replacement);
                assert_eq!(r.date.len(), 10);
            }
            assert!(m.family != Family::GptImage25 || m.id.starts_with("gpt-image-2.5-"));
            // Every name is its own normal form, so lookups find it.
            for name in std::iter::once(&m.id).chain(m.snapshots) {
                assert_eq!(normalize(name), *name);
            }
        }
        let current: Vec<&str> = MODELS
            .iter()
            .filter(|m| m.retired.is_none())
            .map(|m| m.id)
            .collect();
        assert_eq!(
            current,
            [
                "gpt-image-2",
                "gpt-image-2.5-flare",
                "gpt-image-2.5-sunburst"
            ]
        );
    }

    #[test]
    fn the_facts_of_each_model() {
        let g2 = lookup("gpt-image-2").unwrap();
        assert!(!g2.takes_quality(Quality::Xhigh) && !g2.takes_quality(Quality::Max));
        assert!(!g2.has_native_transparency() && !g2.input_fidelity);
        for id in ["gpt-image-2.5-flare", "gpt-image-2.5-sunburst"] {
            let m = lookup(id).unwrap();
            assert!(m.takes_quality(Quality::Xhigh) && m.takes_quality(Quality::Max));
            assert!(
                m.transparent_with(OutputFormat::Png) && m.transparent_with(OutputFormat::Webp)
            );
            assert!(!m.transparent_with(OutputFormat::Jpeg));
            assert!(
                !m.input_fidelity,
                "input_fidelity never reaches a 2.x model"
            );
            assert_eq!(m.sizes, SizeRule::Free);
            assert_eq!(m.prices.unwrap().image_out, 30.0);
        }
        assert_eq!(
            lookup("gpt-image-1").unwrap().retired.unwrap().date,
            "2026-10-23"
        );
        assert_eq!(
            lookup("gpt-image-1.5").unwrap().retired.unwrap().date,
            "2026-12-01"
        );
        assert_eq!(
            lookup("dall-e-3").unwrap().retired.unwrap().date,
            "2026-05-12"
        );
        assert!(!lookup("gpt-image-1-mini").unwrap().input_fidelity);
        assert_eq!(lookup("gpt-image-1").unwrap().sizes, SizeRule::Presets);
    }

    #[test]
    fn a_profile_maps_a_gateway_name_to_a_family() {
        let aliases = vec![
            ModelAlias {
                name: "gpt-image-2-all".into(),
                like: "gpt-image-2".into(),
                price_per_image: Some(0.02),
            },
            ModelAlias {
                name: "broken".into(),
                like: "no-such-model".into(),
                price_per_image: None,
            },
            // An alias never shadows a model of the table.
            ModelAlias {
                name: "gpt-image-2.5-flare".into(),
                like: "gpt-image-2".into(),
                price_per_image: None,
            },
        ];
        let info = resolve(" GPT-Image-2-All ", &aliases);
        assert_eq!(info.entry().map(|e| e.id), Some("gpt-image-2"));
        assert_eq!(info.name(), "GPT-Image-2-All");
        assert!(matches!(info, ModelInfo::Alias { price_per_image: Some(p), .. } if p == 0.02));
        assert_eq!(
            info.note(Lang::En),
            "GPT-Image-2-All: this profile's name for gpt-image-2 (its rules, $0.02 per image)."
        );
        assert_eq!(
            info.note(Lang::ZhCn),
            "GPT-Image-2-All：此配置对 gpt-image-2 的叫法（沿用其规则，每张 US$0.02）。"
        );
        assert!(!info.takes_quality(Quality::Max));
        assert_eq!(
            resolve("broken", &aliases),
            ModelInfo::Unknown("broken".into())
        );
        assert_eq!(
            resolve("gpt-image-2.5-flare", &aliases)
                .entry()
                .map(|e| e.id),
            Some("gpt-image-2.5-flare")
        );
    }

    #[test]
    fn the_picker_shows_what_a_model_is_without_its_name() {
        let flare = lookup("gpt-image-2.5-flare").unwrap();
        assert!(flare
            .about(Lang::En)
            .starts_with("fast, the everyday choice"));
        assert!(flare.about(Lang::ZhCn).starts_with("速度快"));
        assert_eq!(
            lookup("dall-e-3").unwrap().about(Lang::ZhCn),
            "每次请求一张图，不支持编辑。"
        );
        for m in MODELS {
            for lang in Lang::ALL {
                assert!(m.summary.get(lang).starts_with(m.id), "{}", m.id);
                assert_ne!(m.about(lang), m.summary.get(lang), "{}", m.id);
            }
        }
    }

    #[test]
    fn an_unknown_model_gets_every_control() {
        let info = resolve("vendor/flux", &[]);
        assert_eq!(info.note(Lang::En), "unknown model: nothing is checked");
        assert_eq!(info.note(Lang::ZhCn), "未知模型：不做任何检查");
        assert_eq!(info.qualities(), Quality::ALL);
        assert_eq!(info.native_transparency(), None);
        assert!(info.takes_quality(Quality::Max) && info.streaming());
        assert_eq!((info.max_n(), info.max_references()), (10, 16));
    }

    #[test]
    fn caps_take_the_smaller_of_model_and_profile() {
        let g2 = resolve("gpt-image-2", &[]);
        assert_eq!(n_cap(&g2, 0), 10);
        assert_eq!(n_cap(&g2, 4), 4);
        assert_eq!(reference_cap(&g2, 5), 5);
        assert_eq!(reference_cap(&g2, 0), 16);
        let d3 = resolve("dall-e-3", &[]);
        assert_eq!(n_cap(&d3, 4), 1);
        assert_eq!(reference_cap(&d3, 16), 0);
    }
}
