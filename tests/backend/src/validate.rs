//! OpenAI-like validation of image requests: turns the raw fields of a JSON body or of
//! multipart text parts into an [`ImageRequest`], or a 400 naming the offending param.

use serde_json::Value;

use crate::error::ApiError;

/// Which endpoint a request came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Generations,
    Edits,
}

impl Endpoint {
    /// Prefix of SSE event types: `image_generation` or `image_edit`.
    pub fn event_prefix(self) -> &'static str {
        match self {
            Endpoint::Generations => "image_generation",
            Endpoint::Edits => "image_edit",
        }
    }
}

/// Output encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    Webp,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpeg",
            Format::Webp => "webp",
        }
    }
    pub fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
            Format::Webp => "image/webp",
        }
    }
    pub fn ext(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
            Format::Webp => "webp",
        }
    }
}

/// What a decoded input image (edit reference or mask) looked like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    pub format: &'static str,
    pub has_alpha: bool,
    /// Average colour, used to tint edit results.
    pub avg_rgb: [u8; 3],
    /// The decoded pixels: an edit redraws image 1 where its mask says.
    pub pixels: Decoded,
}

/// Decoded RGBA pixels of an upload, shared (a request is cloned into jobs). Compared and
/// printed by size only: the bytes say nothing a log needs.
#[derive(Clone)]
pub struct Decoded(pub std::sync::Arc<image::RgbaImage>);

impl std::fmt::Debug for Decoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Decoded({}x{})", self.0.width(), self.0.height())
    }
}

impl PartialEq for Decoded {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Eq for Decoded {}

/// One raw field value: JSON (generations) or a multipart text part (edits).
#[derive(Debug, Clone)]
pub enum Raw {
    Json(Value),
    Text(String),
}

/// A multipart file part as far as validation cares.
#[derive(Debug, Clone)]
pub struct FileField {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    /// Decoding result: `Err` holds why it is not a usable image.
    pub image: Result<ImageInfo, String>,
}

/// A request after validation, with every default resolved.
#[derive(Debug, Clone)]
pub struct ImageRequest {
    pub endpoint: Endpoint,
    pub model: String,
    pub prompt: String,
    pub n: u32,
    pub width: u32,
    pub height: u32,
    /// `auto` resolved to `medium`.
    pub quality: &'static str,
    pub format: Format,
    pub compression: Option<u8>,
    pub transparent: bool,
    pub stream: bool,
    pub partial_images: u32,
    /// Edit references in upload order.
    pub images: Vec<ImageInfo>,
    pub mask: Option<ImageInfo>,
}

impl ImageRequest {
    pub fn size_label(&self) -> String {
        format!("{}x{}", self.width, self.height)
    }
    pub fn background(&self) -> &'static str {
        if self.transparent {
            "transparent"
        } else {
            "opaque"
        }
    }
}

const MAX_PROMPT: usize = 32_000;
const MAX_IMAGES: usize = 16;
const COMMON_FIELDS: &[&str] = &[
    "model",
    "prompt",
    "n",
    "size",
    "quality",
    "output_format",
    "output_compression",
    "background",
    "moderation",
    "stream",
    "partial_images",
    "user",
    "response_format",
    "style",
    "input_fidelity",
];
const EDIT_FILE_FIELDS: &[&str] = &["image", "image[]", "mask"];

/// Raw fields by name (the last occurrence wins, like most form parsers).
struct Fields<'a> {
    items: &'a [(String, Raw)],
}

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> Option<&'a Raw> {
        self.items
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    fn string(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Raw::Text(s)) => Ok(Some(s.clone())),
            Some(Raw::Json(Value::String(s))) => Ok(Some(s.clone())),
            Some(Raw::Json(v)) => Err(type_error(name, "a string", v)),
        }
    }

    fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Raw::Text(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| {
                ApiError::invalid(
                    name,
                    format!(
                        "Invalid type for '{name}': expected an integer, but got '{s}' instead."
                    ),
                )
            }),
            Some(Raw::Json(v)) => match v.as_i64() {
                Some(i) if v.is_i64() || v.is_u64() => Ok(Some(i)),
                _ => Err(type_error(name, "an integer", v)),
            },
        }
    }

    fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Raw::Text(s)) => match s.trim() {
                "true" | "True" | "1" => Ok(Some(true)),
                "false" | "False" | "0" => Ok(Some(false)),
                _ => Err(ApiError::invalid(
                    name,
                    format!(
                        "Invalid type for '{name}': expected a boolean, but got '{s}' instead."
                    ),
                )),
            },
            Some(Raw::Json(Value::Bool(b))) => Ok(Some(*b)),
            Some(Raw::Json(v)) => Err(type_error(name, "a boolean", v)),
        }
    }

    fn one_of(
        &self,
        name: &str,
        allowed: &[&'static str],
    ) -> Result<Option<&'static str>, ApiError> {
        let Some(value) = self.string(name)? else {
            return Ok(None);
        };
        allowed
            .iter()
            .find(|a| **a == value)
            .map(|a| Some(*a))
            .ok_or_else(|| enum_error(name, &value, allowed))
    }
}

fn json_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a decimal",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn type_error(name: &str, expected: &str, got: &Value) -> ApiError {
    ApiError::invalid(
        name,
        format!(
            "Invalid type for '{name}': expected {expected}, but got {} instead.",
            json_type_name(got)
        ),
    )
}

fn enum_error(name: &str, value: &str, allowed: &[&str]) -> ApiError {
    let list: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
    let supported = match list.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}, and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    };
    ApiError::invalid(
        name,
        format!("Invalid value for '{name}': '{value}'. Supported values are: {supported}."),
    )
}

fn range_check(name: &str, value: i64, min: i64, max: i64) -> Result<i64, ApiError> {
    if value < min {
        return Err(ApiError::invalid(
            name,
            format!("Invalid '{name}': integer below minimum value. Expected a value >= {min}, but got {value} instead."),
        ));
    }
    if value > max {
        return Err(ApiError::invalid(
            name,
            format!("Invalid '{name}': integer above maximum value. Expected a value <= {max}, but got {value} instead."),
        ));
    }
    Ok(value)
}

/// Model families that matter for the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `gpt-image-2`, its snapshot, and gateway names built on it (`gpt-image-2-all`).
    Gpt2,
    /// `gpt-image-2.5-flare`, `gpt-image-2.5-sunburst` and their `-2026-09-08` snapshots.
    Gpt25,
    /// Models OpenAI retired: requests to them fail.
    Retired,
    /// Anything else: free text, gateway aliases.
    Other,
}

/// The 2.5 models OpenAI serves (there is no bare `gpt-image-2.5`).
pub const GPT25_MODELS: &[&str] = &[
    "gpt-image-2.5-flare",
    "gpt-image-2.5-flare-2026-09-08",
    "gpt-image-2.5-sunburst",
    "gpt-image-2.5-sunburst-2026-09-08",
];

/// Retired at OpenAI: dall-e-2 and dall-e-3 on 2026-05-12, gpt-image-1 on 2026-10-23,
/// gpt-image-1.5, gpt-image-1-mini and chatgpt-image-latest on 2026-12-01.
pub const RETIRED_MODELS: &[&str] = &[
    "dall-e-2",
    "dall-e-3",
    "gpt-image-1",
    "gpt-image-1.5",
    "gpt-image-1-mini",
    "chatgpt-image-latest",
];

pub fn family(model: &str) -> Family {
    if GPT25_MODELS.contains(&model) {
        Family::Gpt25
    } else if model.starts_with("gpt-image-2.5") {
        Family::Other
    } else if model.starts_with("gpt-image-2") {
        Family::Gpt2
    } else if RETIRED_MODELS.contains(&model)
        || model.starts_with("gpt-image-1-")
        || model.starts_with("gpt-image-1.")
    {
        Family::Retired
    } else {
        Family::Other
    }
}

/// What OpenAI answers for a model it has shut down: 404 `model_not_found`.
pub fn retired_error(model: &str) -> ApiError {
    ApiError {
        status: axum::http::StatusCode::NOT_FOUND,
        message: format!(
            "The model `{model}` has been deprecated, learn more here: https://platform.openai.com/docs/deprecations"
        ),
        kind: "invalid_request_error",
        param: None,
        code: Some("model_not_found".into()),
    }
}

/// Parses and checks `size` (the gpt-image-2 rules, which the 2.5 models share); `auto` is
/// 1024x1024.
pub fn check_size(size: &str) -> Result<(u32, u32), ApiError> {
    if size == "auto" {
        return Ok((1024, 1024));
    }
    let bad = |why: &str| ApiError::invalid("size", format!("Invalid size '{size}'. {why}"));
    let (w, h) = size
        .split_once('x')
        .and_then(|(w, h)| {
            let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if ok(w) && ok(h) {
                Some((w.parse::<u64>().ok()?, h.parse::<u64>().ok()?))
            } else {
                None
            }
        })
        .ok_or_else(|| bad("Expected 'auto' or WIDTHxHEIGHT, for example '1024x1024'."))?;
    if !(16..=3840).contains(&w) || !(16..=3840).contains(&h) {
        return Err(bad("Each edge must be between 16 and 3840 pixels."));
    }
    if w % 16 != 0 || h % 16 != 0 {
        return Err(bad("Width and height must both be multiples of 16."));
    }
    let (long, short) = (w.max(h), w.min(h));
    if long > 3 * short {
        return Err(bad(
            "The ratio of the long edge to the short edge must be at most 3:1.",
        ));
    }
    let px = w * h;
    if !(655_360..=8_294_400).contains(&px) {
        return Err(bad(
            "The total pixel count must be between 655,360 and 8,294,400.",
        ));
    }
    Ok((w as u32, h as u32))
}

/// Validates a request's fields (and for edits its file parts).
pub fn validate(
    endpoint: Endpoint,
    items: &[(String, Raw)],
    files: &[FileField],
) -> Result<ImageRequest, ApiError> {
    // Unknown fields and nulls first, in the order they came.
    for (name, value) in items {
        let known = COMMON_FIELDS.contains(&name.as_str())
            || (endpoint == Endpoint::Edits && EDIT_FILE_FIELDS.contains(&name.as_str()));
        if !known {
            return Err(unrecognized(name));
        }
        if matches!(value, Raw::Json(Value::Null)) {
            return Err(ApiError::invalid(
                name,
                format!("Invalid type for '{name}': expected a value, but got null instead. Omit the field rather than sending null."),
            ));
        }
    }
    for f in files {
        if !EDIT_FILE_FIELDS.contains(&f.name.as_str()) || endpoint != Endpoint::Edits {
            return Err(unrecognized(&f.name));
        }
    }
    let fields = Fields { items };

    let prompt = fields
        .string("prompt")?
        .ok_or_else(|| ApiError::invalid("prompt", "Missing required parameter: 'prompt'."))?;
    if prompt.trim().is_empty() {
        return Err(ApiError::invalid(
            "prompt",
            "Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead.",
        ));
    }
    let chars = prompt.chars().count();
    if chars > MAX_PROMPT {
        return Err(ApiError::invalid(
            "prompt",
            format!("Invalid 'prompt': string too long. Expected a string with maximum length {MAX_PROMPT}, but got a string with length {chars} instead."),
        ));
    }

    let model = fields
        .string("model")?
        .unwrap_or_else(|| "gpt-image-2".to_string());
    if model.trim().is_empty() {
        return Err(ApiError::invalid("model", "Invalid 'model': empty string."));
    }
    let fam = family(&model);
    if fam == Family::Retired {
        return Err(retired_error(&model));
    }

    let n = match fields.int("n")? {
        Some(v) => range_check("n", v, 1, 10)? as u32,
        None => 1,
    };
    // xhigh and max exist for the 2.5 models; gpt-image-2 refuses them like any unknown value.
    let qualities: &[&'static str] = if fam == Family::Gpt2 {
        &["low", "medium", "high", "auto"]
    } else {
        &["low", "medium", "high", "xhigh", "max", "auto"]
    };
    let quality = fields.one_of("quality", qualities)?.unwrap_or("auto");
    let quality = if quality == "auto" { "medium" } else { quality };
    let format = match fields.one_of("output_format", &["png", "jpeg", "webp"])? {
        Some("jpeg") => Format::Jpeg,
        Some("webp") => Format::Webp,
        _ => Format::Png,
    };
    let compression = match fields.int("output_compression")? {
        Some(v) => {
            let v = range_check("output_compression", v, 0, 100)? as u8;
            if format == Format::Png && v != 100 {
                return Err(ApiError::invalid(
                    "output_compression",
                    "Invalid 'output_compression': compression is only supported for the jpeg and webp output formats.",
                ));
            }
            Some(v)
        }
        None => None,
    };
    let background = fields
        .one_of("background", &["auto", "opaque", "transparent"])?
        .unwrap_or("auto");
    let transparent = background == "transparent";
    if transparent && fam == Family::Gpt2 {
        return Err(ApiError::invalid(
            "background",
            "Transparent background is not supported for this model",
        ));
    }
    if transparent && format == Format::Jpeg {
        return Err(ApiError::invalid(
            "background",
            "Transparent background requires output_format 'png' or 'webp'.",
        ));
    }
    fields.one_of("moderation", &["auto", "low"])?;
    let stream = fields.bool("stream")?.unwrap_or(false);
    let partial_images = match fields.int("partial_images")? {
        Some(v) => range_check("partial_images", v, 0, 3)? as u32,
        None => 0,
    };
    fields.string("user")?;
    if model.starts_with("gpt-image") {
        for name in ["response_format", "style"] {
            if fields.get(name).is_some() {
                return Err(ApiError::invalid(
                    name,
                    format!("Unknown parameter: '{name}'. It is not supported with {model}."),
                ));
            }
        }
    } else {
        fields.string("response_format")?;
        fields.string("style")?;
    }
    if fields.get("input_fidelity").is_some() {
        if matches!(fam, Family::Gpt2 | Family::Gpt25) {
            return Err(ApiError::invalid(
                "input_fidelity",
                format!("Invalid 'input_fidelity': not supported for {model}."),
            ));
        }
        fields.one_of("input_fidelity", &["high", "low"])?;
    }
    let size = fields.string("size")?.unwrap_or_else(|| "auto".into());
    let (width, height) = check_size(&size)?;

    let mut images = Vec::new();
    let mut mask = None;
    if endpoint == Endpoint::Edits {
        // A text part named image is not a file upload.
        for (name, _) in items {
            if EDIT_FILE_FIELDS.contains(&name.as_str()) {
                return Err(ApiError::invalid(
                    name.trim_end_matches("[]"),
                    format!("Invalid '{name}': expected a file upload (a multipart part with a filename), got a text field."),
                ));
            }
        }
        for f in files {
            let param = f.name.trim_end_matches("[]");
            if f.filename.is_none() {
                return Err(ApiError::invalid(
                    param,
                    format!(
                        "Invalid '{}': expected a file upload with a filename.",
                        f.name
                    ),
                ));
            }
            let ct = f.content_type.as_deref().unwrap_or("");
            if !matches!(ct, "image/png" | "image/jpeg" | "image/webp" | "image/jpg") {
                return Err(ApiError::invalid(
                    param,
                    format!("Invalid file '{}': unsupported mimetype ('{}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.", f.name, if ct.is_empty() { "application/octet-stream" } else { ct }),
                ));
            }
            let info = f.image.clone().map_err(|why| {
                ApiError::invalid(
                    param,
                    format!(
                        "Invalid image file '{}': {why}",
                        f.filename.as_deref().unwrap_or("")
                    ),
                )
            })?;
            if f.name == "mask" {
                if mask.is_some() {
                    return Err(ApiError::invalid("mask", "Only one mask may be sent."));
                }
                mask = Some(info);
            } else {
                images.push(info);
            }
        }
        if images.is_empty() {
            return Err(ApiError::invalid(
                "image",
                "Missing required parameter: 'image'. Send each reference as a part named 'image[]'.",
            ));
        }
        if images.len() > MAX_IMAGES {
            return Err(ApiError::invalid(
                "image",
                format!(
                    "Too many images: at most {MAX_IMAGES} may be sent, got {}.",
                    images.len()
                ),
            ));
        }
        if let Some(m) = &mask {
            if !m.has_alpha {
                return Err(ApiError::invalid(
                    "mask",
                    "Invalid mask: the mask image must have an alpha channel (for example an RGBA PNG).",
                ));
            }
            let first = &images[0];
            if (m.width, m.height) != (first.width, first.height) {
                return Err(ApiError::invalid(
                    "mask",
                    format!(
                        "Invalid mask: the mask ({}x{}) must have the same dimensions as the first image ({}x{}).",
                        m.width, m.height, first.width, first.height
                    ),
                ));
            }
        }
    }

    Ok(ImageRequest {
        endpoint,
        model,
        prompt,
        n,
        width,
        height,
        quality,
        format,
        compression,
        transparent,
        stream,
        partial_images,
        images,
        mask,
    })
}

fn unrecognized(name: &str) -> ApiError {
    ApiError::invalid(
        name,
        format!("Unrecognized request argument supplied: {name}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gpt2_sizes() {
        for ok in [
            "1024x1024",
            "3840x2160",
            "2160x3840",
            "2048x1152",
            "1360x768",
            "auto",
        ] {
            assert!(check_size(ok).is_ok(), "{ok}");
        }
        for bad in [
            "1000x1000",
            "4000x4000",
            "3840x1000",
            "1920x1080",
            "512x512",
            "x",
            "10x",
        ] {
            let e = check_size(bad).unwrap_err();
            assert_eq!(e.param.as_deref(), Some("size"), "{bad}");
        }
    }

    #[test]
    fn families() {
        assert_eq!(family("gpt-image-2"), Family::Gpt2);
        assert_eq!(family("gpt-image-2-2026-04-21"), Family::Gpt2);
        assert_eq!(family("gpt-image-2.5-flare"), Family::Gpt25);
        assert_eq!(family("gpt-image-2.5-sunburst-2026-09-08"), Family::Gpt25);
        assert_eq!(family("gpt-image-2.5"), Family::Other);
        for m in RETIRED_MODELS {
            assert_eq!(family(m), Family::Retired, "{m}");
        }
        assert_eq!(family("my-gateway-model"), Family::Other);
    }
}
