//! The request the form describes, and the exact JSON body sent for it.
//!
//! Body rule: `model` and `prompt` always; every other field only when it differs from
//! OpenAI's documented default (so it means the same everywhere and fragile gateways see as
//! little as possible); never `null`; never a field the model does not take.

use serde::{Deserialize, Serialize};

use crate::cutout::{self, KeyChoice};
use crate::i18n::{text::requests, Lang};
use crate::models::registry::{self, ModelInfo};
use crate::sizes::{self, SizePlan, SizeSpec};
use crate::tr;

/// The longest prompt gpt-image models take, in Unicode code points.
pub const MAX_PROMPT_CHARS: usize = 32_000;
pub use super::wire::MAX_N;
pub const MAX_PARTIAL_IMAGES: u8 = 3;
pub const DEFAULT_MODEL: &str = "gpt-image-2";
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";

pub use super::wire::{Background, Moderation, OutputFormat, Quality, WireValue};

/// Everything the request form holds. Stored with history items and journal entries, so
/// fields added later must have defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageParams {
    pub model: String,
    pub prompt: String,
    pub size: String,
    pub quality: Quality,
    pub output_format: OutputFormat,
    /// 0..=100; sent only with jpeg or webp and when not the default 100.
    pub output_compression: u8,
    pub background: Background,
    pub moderation: Moderation,
    pub n: u8,
    /// Ask for server-sent events; with `partial_images` > 0, previews arrive first.
    pub stream: bool,
    /// 0..=3 previews; sent only with `stream`.
    pub partial_images: u8,
    /// An exact output size the API cannot make: `size` holds the covering size that is sent,
    /// and the result is cropped/resized to this. Never part of the request body.
    pub deliver_exact: Option<(u32, u32)>,
    /// The flat backdrop colour the cut-out is keyed on (`background` = `transparent-local`).
    pub backdrop: KeyChoice,
}

impl ImageParams {
    /// Whether the result is cut out in the browser from a flat key colour.
    pub fn cut_out_locally(&self) -> bool {
        self.background == Background::TransparentLocal
    }

    /// The prompt as sent: with `transparent-local`, the sentence asking for the key colour
    /// is added (unless the prompt already asks for a flat green or magenta background).
    pub fn prompt_as_sent(&self) -> String {
        if !self.cut_out_locally() || cutout::prompt::asks_for_key(&self.prompt).is_some() {
            return self.prompt.clone();
        }
        cutout::keyed_prompt(&self.prompt, self.key())
    }

    /// The key colour a cut-out is keyed on: the one the prompt asks for, else the choice.
    pub fn key(&self) -> cutout::KeyColour {
        cutout::prompt::asks_for_key(&self.prompt)
            .unwrap_or_else(|| cutout::pick_key(&self.prompt, self.backdrop))
    }

    /// The format the endpoint is asked for: PNG for a local cut-out (lossless key edges;
    /// the cut-out itself is then encoded as `output_format`).
    pub fn format_sent(&self) -> OutputFormat {
        if self.cut_out_locally() {
            OutputFormat::Png
        } else {
            self.output_format
        }
    }
}

impl Default for ImageParams {
    fn default() -> Self {
        ImageParams {
            model: DEFAULT_MODEL.to_string(),
            prompt: String::new(),
            size: "auto".to_string(),
            quality: Quality::Auto,
            output_format: OutputFormat::Png,
            output_compression: 100,
            background: Background::Auto,
            moderation: Moderation::Auto,
            n: 1,
            stream: false,
            partial_images: 0,
            deliver_exact: None,
            backdrop: KeyChoice::Auto,
        }
    }
}

/// The JSON body of `POST /images/generations`, exactly as sent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GenerationBody {
    pub model: String,
    pub prompt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_format: Option<OutputFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_compression: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<Background>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderation: Option<Moderation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial_images: Option<u8>,
}

impl GenerationBody {
    /// Whether this body asks for a stream of events.
    pub fn streams(&self) -> bool {
        self.stream == Some(true)
    }

    /// The same request, answered in one piece (for an endpoint that does not stream).
    pub fn without_stream(&self) -> Self {
        GenerationBody {
            stream: None,
            partial_images: None,
            ..self.clone()
        }
    }

    /// The fields that are sent, in body order, each as the text a form part carries.
    pub fn text_fields(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("model", self.model.clone()),
            ("prompt", self.prompt.clone()),
        ];
        let mut add = |name, value: Option<String>| out.extend(value.map(|v| (name, v)));
        add("n", self.n.map(|v| v.to_string()));
        add("size", self.size.clone());
        add("quality", self.quality.map(|v| v.as_str().into()));
        add(
            "output_format",
            self.output_format.map(|v| v.as_str().into()),
        );
        add(
            "output_compression",
            self.output_compression.map(|v| v.to_string()),
        );
        add("background", self.background.map(|v| v.as_str().into()));
        add("moderation", self.moderation.map(|v| v.as_str().into()));
        add("stream", self.stream.map(|v| v.to_string()));
        add("partial_images", self.partial_images.map(|v| v.to_string()));
        out
    }
}

/// Why the form cannot be sent yet; each says what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamError {
    EmptyPrompt,
    PromptTooLong {
        chars: usize,
    },
    EmptyModel,
    BadN(u8),
    BadCompression(u8),
    BadPartialImages(u8),
    /// A size the rules of `model` (the model whose rules apply) refuse; the message lists
    /// the problems.
    BadSize {
        size: String,
        model: String,
    },
    TransparentUnsupported {
        model: String,
    },
    TransparentNeedsAlpha,
    /// A quality the (known) model does not take, e.g. xhigh on gpt-image-2.
    QualityUnsupported {
        model: String,
        quality: Quality,
        offered: &'static [Quality],
    },
    /// More images per request than the model makes.
    TooManyForModel {
        model: String,
        max: u8,
    },
    StreamUnsupported {
        model: String,
    },
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl ParamError {
    /// What to change, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ParamError::EmptyPrompt => tr!(lang, requests::EMPTY_PROMPT).to_string(),
            ParamError::PromptTooLong { chars } => tr!(
                lang,
                requests::PROMPT_TOO_LONG,
                chars = chars,
                max = MAX_PROMPT_CHARS,
                over = chars - MAX_PROMPT_CHARS
            ),
            ParamError::EmptyModel => tr!(lang, requests::EMPTY_MODEL, model = DEFAULT_MODEL),
            ParamError::BadN(n) => tr!(lang, requests::BAD_N, max = MAX_N, n = n),
            ParamError::BadCompression(c) => tr!(lang, requests::BAD_COMPRESSION, c = c),
            ParamError::BadPartialImages(k) => tr!(
                lang,
                requests::BAD_PARTIAL_IMAGES,
                max = MAX_PARTIAL_IMAGES,
                k = k
            ),
            ParamError::BadSize { size, model } => match sizes::plan_in(size, model, false, lang) {
                SizePlan::Invalid { problems, .. } => problems.join(" "),
                _ => size.clone(),
            },
            ParamError::TransparentNeedsAlpha => {
                tr!(lang, requests::TRANSPARENT_NEEDS_ALPHA).to_string()
            }
            ParamError::TransparentUnsupported { model } => {
                tr!(lang, requests::TRANSPARENT_UNSUPPORTED, model = model)
            }
            ParamError::QualityUnsupported {
                model,
                quality,
                offered,
            } => {
                let names: Vec<&str> = offered.iter().map(|q| q.as_str()).collect();
                let mut text = tr!(
                    lang,
                    requests::QUALITY_UNSUPPORTED,
                    model = model,
                    quality = quality.as_str(),
                    offered = names.join(tr!(lang, requests::LIST_SEPARATOR))
                );
                if matches!(quality, Quality::Xhigh | Quality::Max) {
                    text.push_str(tr!(lang, requests::QUALITY_NEEDS_NEWER));
                }
                text
            }
            ParamError::TooManyForModel { model, max } => {
                let text = if *max == 1 {
                    requests::TOO_MANY_FOR_MODEL_ONE
                } else {
                    requests::TOO_MANY_FOR_MODEL_MANY
                };
                tr!(lang, text, model = model, max = max)
            }
            ParamError::StreamUnsupported { model } => {
                tr!(lang, requests::STREAM_UNSUPPORTED, model = model)
            }
        }
    }
}

impl std::error::Error for ParamError {}

/// Builds the generation body, or says what must change first. The model is looked up in the
/// registry without a profile's aliases; see [`generation_body_for`].
pub fn generation_body(params: &ImageParams) -> Result<GenerationBody, ParamError> {
    generation_body_for(params, &registry::resolve(&params.model, &[]))
}

/// Builds the generation body for a model as resolved (a profile's alias follows its known
/// model's rules). A known model's rules are enforced (quality tiers, native transparency,
/// sizes, n, streaming); an unknown model is not refused anything: nothing is checked. A
/// retired model is not refused either: the app confirms before sending
/// (`crate::models::retired`).
pub fn generation_body_for(
    params: &ImageParams,
    info: &ModelInfo,
) -> Result<GenerationBody, ParamError> {
    let model = params.model.trim();
    if model.is_empty() {
        return Err(ParamError::EmptyModel);
    }
    if params.prompt.trim().is_empty() {
        return Err(ParamError::EmptyPrompt);
    }
    let prompt = params.prompt_as_sent();
    let chars = prompt.chars().count();
    if chars > MAX_PROMPT_CHARS {
        return Err(ParamError::PromptTooLong { chars });
    }
    if !(1..=MAX_N).contains(&params.n) {
        return Err(ParamError::BadN(params.n));
    }
    if params.output_compression > 100 {
        return Err(ParamError::BadCompression(params.output_compression));
    }
    if params.partial_images > MAX_PARTIAL_IMAGES {
        return Err(ParamError::BadPartialImages(params.partial_images));
    }
    let entry = info.entry();
    // An alias is sized by the model whose rules it follows.
    let rules_of = match info {
        ModelInfo::Alias { entry, .. } => entry.id,
        _ => model,
    };
    let size = match sizes::plan(&params.size, rules_of, false) {
        SizePlan::Invalid { .. } => {
            return Err(ParamError::BadSize {
                size: params.size.clone(),
                model: rules_of.to_string(),
            })
        }
        plan => match plan.sent() {
            Some(SizeSpec::Exact { width, height }) => Some(format!("{width}x{height}")),
            _ => None,
        },
    };
    if let Some(entry) = entry {
        if !entry.takes_quality(params.quality) {
            return Err(ParamError::QualityUnsupported {
                model: model.to_string(),
                quality: params.quality,
                offered: entry.qualities,
            });
        }
        if params.background == Background::Transparent && !entry.has_native_transparency() {
            return Err(ParamError::TransparentUnsupported {
                model: model.to_string(),
            });
        }
        if params.n > entry.max_n {
            return Err(ParamError::TooManyForModel {
                model: model.to_string(),
                max: entry.max_n,
            });
        }
        if params.stream && !entry.streaming {
            return Err(ParamError::StreamUnsupported {
                model: model.to_string(),
            });
        }
    }
    if params.background == Background::Transparent && params.output_format == OutputFormat::Jpeg {
        return Err(ParamError::TransparentNeedsAlpha);
    }
    let non_default = |is_default: bool| !is_default;
    let format = params.format_sent();
    Ok(GenerationBody {
        model: model.to_string(),
        prompt,
        n: non_default(params.n == 1).then_some(params.n),
        size,
        quality: non_default(params.quality == Quality::Auto).then_some(params.quality),
        output_format: non_default(format == OutputFormat::Png).then_some(format),
        output_compression: (format.takes_compression() && params.output_compression != 100)
            .then_some(params.output_compression),
        background: (!matches!(
            params.background,
            Background::Auto | Background::TransparentLocal
        ))
        .then_some(params.background),
        moderation: non_default(params.moderation == Moderation::Auto).then_some(params.moderation),
        stream: params.stream.then_some(true),
        partial_images: (params.stream && params.partial_images > 0)
            .then_some(params.partial_images),
    })
}

/// How `n` images go out when an endpoint takes at most `max_per_request` per request: the
/// `n` of each request, largest first (`n`=5, max 2 -> 2, 2, 1). A max of 0 means no limit.
pub fn split_n(n: u8, max_per_request: u8) -> Vec<u8> {
    let n = n.max(1);
    let max = if max_per_request == 0 {
        n
    } else {
        max_per_request
    };
    let mut out = vec![max; usize::from(n / max)];
    if !n.is_multiple_of(max) {
        out.push(n % max);
    }
    out
}

/// `{base}/images/generations`, tolerating a trailing slash on the base URL.
pub fn endpoint_url(base_url: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base_url.trim().trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// Why a base URL cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseUrlError {
    Empty,
    NoScheme,
    Unusable(String),
    Credentials,
    QueryOrFragment,
}

impl BaseUrlError {
    /// What to change, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let example = DEFAULT_BASE_URL;
        match self {
            BaseUrlError::Empty => tr!(lang, requests::BASE_URL_EMPTY, example = example),
            BaseUrlError::NoScheme => tr!(lang, requests::BASE_URL_SCHEME, example = example),
            BaseUrlError::Unusable(url) => {
                tr!(
                    lang,
                    requests::BASE_URL_UNUSABLE,
                    url = url,
                    example = example
                )
            }
            BaseUrlError::Credentials => tr!(lang, requests::BASE_URL_CREDENTIALS).to_string(),
            BaseUrlError::QueryOrFragment => tr!(lang, requests::BASE_URL_QUERY).to_string(),
        }
    }
}

impl std::fmt::Display for BaseUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BaseUrlError {}

/// Checks a base URL before anything is sent to it.
pub fn check_base_url(base_url: &str) -> Result<(), BaseUrlError> {
    let url = base_url.trim();
    if url.is_empty() {
        return Err(BaseUrlError::Empty);
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or(BaseUrlError::NoScheme)?;
    if rest.trim_matches('/').is_empty() || rest.contains(char::is_whitespace) {
        return Err(BaseUrlError::Unusable(url.to_string()));
    }
    // user:pass@host would put a password into history records, links and code export.
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return Err(BaseUrlError::Credentials);
    }
    if url.contains('?') || url.contains('#') {
        return Err(BaseUrlError::QueryOrFragment);
    }
    Ok(())
}

/// A link that came from an endpoint (a result URL, a task link), if it is safe to put in an
/// `href`: only http and https; `javascript:`, `data:` and the rest are refused.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let has_scheme = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    };
    (has_scheme("https://") || has_scheme("http://")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn base_urls_with_credentials_are_refused() {
        for url in [
            "https://user:pass@api.example.com/v1",
            "http://me@127.0.0.1:8787/v1",
        ] {
            let why = check_base_url(url).unwrap_err().to_string();
            assert!(why.contains("user name or password"), "{url}: {why}");
        }
        // An @ later in the path is not a credential.
        assert_eq!(check_base_url("https://api.example.com/v1/@team"), Ok(()));
        assert_eq!(check_base_url("http://127.0.0.1:8787/v1"), Ok(()));
    }

    #[test]
    fn only_http_links_are_safe_for_an_href() {
        assert_eq!(
            safe_link(" https://cdn.example/a.png "),
            Some("https://cdn.example/a.png")
        );
        assert_eq!(safe_link("HTTP://x/y"), Some("HTTP://x/y"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "//x",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }

    fn params(prompt: &str) -> ImageParams {
        ImageParams {
            prompt: prompt.into(),
            ..ImageParams::default()
        }
    }

    #[test]
    fn n_is_split_by_the_endpoint_limit() {
        assert_eq!(split_n(4, 10), vec![4]);
        assert_eq!(split_n(4, 1), vec![1, 1, 1, 1]);
        assert_eq!(split_n(5, 2), vec![2, 2, 1]);
        assert_eq!(split_n(3, 0), vec![3]);
        for n in 1..=MAX_N {
            for max in 0..=MAX_N {
                let parts = split_n(n, max);
                assert_eq!(
                    parts.iter().map(|&p| u32::from(p)).sum::<u32>(),
                    u32::from(n)
                );
                assert!(parts.iter().all(|&p| p >= 1 && (max == 0 || p <= max)));
            }
        }
    }

    #[test]
    fn stream_fields_only_when_streaming() {
        let p = ImageParams {
            partial_images: 2,
            ..params("a fox")
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert_eq!(body, json!({"model": "gpt-image-2", "prompt": "a fox"}));
        let p = ImageParams { stream: true, ..p };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"model": "gpt-image-2", "prompt": "a fox", "stream": true, "partial_images": 2})
        );
        let streamed = generation_body(&p).unwrap();
        assert!(streamed.streams());
        let plain = streamed.without_stream();
        assert!(!plain.streams());
        assert_eq!(
            serde_json::to_value(plain).unwrap(),
            json!({"model": "gpt-image-2", "prompt": "a fox"})
        );
        let p = ImageParams {
            partial_images: 4,
            ..p
        };
        assert_eq!(generation_body(&p), Err(ParamError::BadPartialImages(4)));
    }

    #[test]
    fn transparent_needs_a_native_model_and_an_alpha_format() {
        let p = ImageParams {
            background: Background::Transparent,
            ..params("a logo")
        };
        assert!(matches!(
            generation_body(&p),
            Err(ParamError::TransparentUnsupported { .. })
        ));
        for model in ["gpt-image-2.5-flare", "gpt-image-2.5-sunburst-2026-09-08"] {
            let p = ImageParams {
                model: model.into(),
                ..p.clone()
            };
            assert!(generation_body(&p).is_ok(), "{model}");
            let p = ImageParams {
                output_format: OutputFormat::Webp,
                ..p
            };
            assert_eq!(
                generation_body(&p).unwrap().background,
                Some(Background::Transparent)
            );
            let p = ImageParams {
                output_format: OutputFormat::Jpeg,
                ..p
            };
            let err = generation_body(&p).unwrap_err();
            assert_eq!(err, ParamError::TransparentNeedsAlpha);
            assert!(err.to_string().contains("JPEG has no alpha channel"));
        }
    }

    #[test]
    fn xhigh_and_max_only_where_taken() {
        for q in [Quality::Xhigh, Quality::Max] {
            let p = ImageParams {
                quality: q,
                ..params("a fox")
            };
            let err = generation_body(&p).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("gpt-image-2 does not take quality {} (the API answers 400); it takes auto, low, medium, high. xhigh and max need gpt-image-2.5-flare or gpt-image-2.5-sunburst.", q.as_str())
            );
            for model in [
                "gpt-image-2.5-flare",
                "gpt-image-2.5-sunburst",
                "vendor/model",
            ] {
                let p = ImageParams {
                    model: model.into(),
                    ..p.clone()
                };
                let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
                assert_eq!(body["quality"], q.as_str(), "{model}");
            }
        }
        // A profile's alias follows its model's rules.
        let aliases = [registry::ModelAlias {
            name: "gpt-image-2-all".into(),
            like: "gpt-image-2".into(),
            price_per_image: Some(0.03),
        }];
        let p = ImageParams {
            model: "gpt-image-2-all".into(),
            quality: Quality::Max,
            ..params("a fox")
        };
        let info = registry::resolve(&p.model, &aliases);
        assert!(matches!(
            generation_body_for(&p, &info),
            Err(ParamError::QualityUnsupported { .. })
        ));
        assert!(
            generation_body(&p).is_ok(),
            "without the alias nothing is checked"
        );
    }

    #[test]
    fn n_and_streaming_follow_the_model() {
        let p = ImageParams {
            model: "dall-e-3".into(),
            n: 2,
            ..params("a fox")
        };
        assert_eq!(
            generation_body(&p).unwrap_err().to_string(),
            "dall-e-3 makes at most 1 image per request; set n to 1 or less."
        );
        let p = ImageParams {
            n: 1,
            stream: true,
            ..p
        };
        assert_eq!(
            generation_body(&p),
            Err(ParamError::StreamUnsupported {
                model: "dall-e-3".into()
            })
        );
    }

    #[test]
    fn defaults_send_only_model_and_prompt() {
        let body = serde_json::to_value(generation_body(&params("a fox")).unwrap()).unwrap();
        assert_eq!(body, json!({"model": "gpt-image-2", "prompt": "a fox"}));
    }

    #[test]
    fn every_non_default_choice_is_sent() {
        let p = ImageParams {
            size: "1536x1024".into(),
            quality: Quality::High,
            output_format: OutputFormat::Jpeg,
            output_compression: 80,
            background: Background::Opaque,
            moderation: Moderation::Low,
            n: 3,
            ..params("a fox")
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"model": "gpt-image-2", "prompt": "a fox", "n": 3, "size": "1536x1024",
                   "quality": "high", "output_format": "jpeg", "output_compression": 80,
                   "background": "opaque", "moderation": "low"})
        );
    }

    #[test]
    fn compression_only_with_lossy_formats() {
        let p = ImageParams {
            output_compression: 50,
            ..params("x")
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert!(body.get("output_compression").is_none());
        let p = ImageParams {
            output_format: OutputFormat::Webp,
            ..p
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert_eq!(body["output_compression"], 50);
    }

    #[test]
    fn never_sends_null_or_dalle_fields() {
        let text = serde_json::to_string(&generation_body(&params("x")).unwrap()).unwrap();
        assert!(!text.contains("null"));
        assert!(!text.contains("response_format"));
        assert!(!text.contains("style"));
    }

    #[test]
    fn model_is_trimmed_and_required() {
        let p = ImageParams {
            model: "  gpt-image-1  ".into(),
            ..params("x")
        };
        assert_eq!(generation_body(&p).unwrap().model, "gpt-image-1");
        let p = ImageParams {
            model: " ".into(),
            ..params("x")
        };
        assert_eq!(generation_body(&p), Err(ParamError::EmptyModel));
    }

    #[test]
    fn bad_inputs_are_explained() {
        assert_eq!(
            generation_body(&params("  \n")),
            Err(ParamError::EmptyPrompt)
        );
        let long = "é".repeat(MAX_PROMPT_CHARS + 5);
        let err = generation_body(&params(&long)).unwrap_err();
        assert_eq!(
            err,
            ParamError::PromptTooLong {
                chars: MAX_PROMPT_CHARS + 5
            }
        );
        assert!(err.to_string().contains("Shorten it by 5"));
        let ok = "é".repeat(MAX_PROMPT_CHARS);
        assert!(
            generation_body(&params(&ok)).is_ok(),
            "the limit counts code points, not bytes"
        );
        let p = ImageParams {
            n: 0,
            ..params("x")
        };
        assert_eq!(generation_body(&p), Err(ParamError::BadN(0)));
        let p = ImageParams {
            n: 11,
            ..params("x")
        };
        assert!(generation_body(&p)
            .unwrap_err()
            .to_string()
            .contains("between 1 and 10"));
        let p = ImageParams {
            size: "big".into(),
            ..params("x")
        };
        assert!(matches!(
            generation_body(&p),
            Err(ParamError::BadSize { .. })
        ));
        let p = ImageParams {
            size: "1920x1080".into(),
            ..params("x")
        };
        let err = generation_body(&p).unwrap_err().to_string();
        assert_eq!(
            err,
            "1080 is not a multiple of 16 (the height); use 1072 or 1088."
        );
        let p = ImageParams {
            size: "2048x1152".into(),
            model: "gpt-image-1".into(),
            ..params("x")
        };
        assert!(generation_body(&p)
            .unwrap_err()
            .to_string()
            .contains("takes only"));
    }

    #[test]
    fn transparent_only_where_native() {
        let p = ImageParams {
            background: Background::Transparent,
            ..params("x")
        };
        let err = generation_body(&p).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("gpt-image-2 has no native transparent background"));
        // gpt-image-1.5 (retired) made it natively; it is still built (the app confirms first).
        let p = ImageParams {
            model: "gpt-image-1.5".into(),
            ..p
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert_eq!(body["background"], "transparent");
        // A name this app does not know is not refused here: the endpoint decides.
        let p = ImageParams {
            model: "my-gateway-image".into(),
            ..p
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        assert_eq!(body["background"], "transparent");
    }

    #[test]
    fn endpoint_urls_join_cleanly() {
        assert_eq!(
            endpoint_url("https://api.openai.com/v1/", "/images/generations"),
            "https://api.openai.com/v1/images/generations"
        );
        assert_eq!(
            endpoint_url(" http://127.0.0.1:8787/v1 ", "images/edits"),
            "http://127.0.0.1:8787/v1/images/edits"
        );
    }

    #[test]
    fn base_urls_are_checked() {
        assert!(check_base_url("https://api.openai.com/v1").is_ok());
        assert!(check_base_url("http://127.0.0.1:8787/v1").is_ok());
        assert!(check_base_url("")
            .unwrap_err()
            .to_string()
            .contains("Enter a base URL"));
        assert!(check_base_url("api.openai.com/v1")
            .unwrap_err()
            .to_string()
            .contains("must start with"));
        assert!(check_base_url("https://").is_err());
        assert!(check_base_url("https://x/v1?key=1")
            .unwrap_err()
            .to_string()
            .contains("must not contain"));
        assert_eq!(
            check_base_url("https://x/v1?key=1")
                .unwrap_err()
                .message(Lang::ZhCn),
            "Base URL 不能包含 ? 或 #：只填写 API 根地址，例如 https://api.openai.com/v1。"
        );
    }

    #[test]
    fn form_problems_in_chinese() {
        let p = ImageParams {
            model: "dall-e-3".into(),
            n: 2,
            ..params("a fox")
        };
        assert_eq!(
            generation_body(&p).unwrap_err().message(Lang::ZhCn),
            "dall-e-3 每次请求最多生成 1 张图片；请把 n 设为 1 或更小。"
        );
        let p = ImageParams {
            quality: Quality::Max,
            ..params("a fox")
        };
        assert_eq!(
            generation_body(&p).unwrap_err().message(Lang::ZhCn),
            "gpt-image-2 不支持 quality max（API 会返回 400）；它支持 auto、low、medium、high。xhigh 和 max 需要 gpt-image-2.5-flare 或 gpt-image-2.5-sunburst。"
        );
        let p = ImageParams {
            size: "1920x1080".into(),
            ..params("x")
        };
        let err = generation_body(&p).unwrap_err();
        assert_eq!(
            err.to_string(),
            "1080 is not a multiple of 16 (the height); use 1072 or 1088."
        );
        assert!(
            err.message(Lang::ZhCn).contains("不是 16 的倍数"),
            "{err:?}"
        );
    }

    #[test]
    fn wire_enums_round_trip() {
        for q in Quality::ALL {
            assert_eq!(Quality::parse(q.as_str()), Some(*q));
        }
        for f in OutputFormat::ALL {
            assert_eq!(OutputFormat::parse(f.as_str()), Some(*f));
        }
        assert_eq!(Background::parse("nope"), None);
        for b in Background::ALL {
            let json = serde_json::to_string(b).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", b.as_str()),
                "serde spells it as the wire"
            );
            assert_eq!(Background::parse(b.as_str()), Some(*b));
        }
    }

    #[test]
    fn a_local_cut_out_asks_for_png_on_a_backdrop_and_sends_no_background() {
        let p = ImageParams {
            background: Background::TransparentLocal,
            output_format: OutputFormat::Webp,
            output_compression: 70,
            ..params("A red fox sitting")
        };
        let body = serde_json::to_value(generation_body(&p).unwrap()).unwrap();
        // A red subject: the key is green, the farther of the two.
        assert_eq!(
            body,
            json!({"model": "gpt-image-2", "prompt": format!("A red fox sitting. {}", crate::cutout::key_sentence(crate::cutout::KeyColour::Green))})
        );
        let p = ImageParams {
            prompt: "A green frog.".into(),
            ..p
        };
        let body = generation_body(&p).unwrap();
        assert!(body
            .prompt
            .starts_with("A green frog. Show the subject alone"));
        assert!(
            body.prompt.contains("pure magenta (#FF00FF)"),
            "{}",
            body.prompt
        );
        // The user's own choice wins over the prompt's colours.
        let p = ImageParams {
            backdrop: KeyChoice::Green,
            ..p
        };
        assert!(generation_body(&p).unwrap().prompt.contains("#00FF00"));
        // A prompt that already asks for a flat key background is sent as written.
        let p = ImageParams {
            prompt: "A cat on a flat green background".into(),
            ..p
        };
        assert_eq!(generation_body(&p).unwrap().prompt, p.prompt);
        assert_eq!(p.key(), crate::cutout::KeyColour::Green);
        // Even JPEG chosen: the endpoint is asked for PNG.
        let p = ImageParams {
            output_format: OutputFormat::Jpeg,
            ..p
        };
        let body = generation_body(&p).unwrap();
        assert_eq!(
            (body.output_format, body.output_compression, body.background),
            (None, None, None)
        );
    }
}
