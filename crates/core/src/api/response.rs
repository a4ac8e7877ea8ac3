//! Understanding an images answer: raw or `data:`-prefixed base64, URL-only items, and the
//! metadata gateways may or may not echo. Only `created` is guaranteed, so nothing else is
//! required.

use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;

use super::mime;
use crate::i18n::{text::requests, Lang};
use crate::tr;

/// Where a finished image can be displayed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageSource {
    /// A `data:` URL built from (or already carried by) `b64_json`. Shared, not copied: views
    /// that read a result clone the pointer, never the megabytes.
    DataUrl(Arc<str>),
    /// A URL the gateway returned instead of base64.
    Url(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageOut {
    pub source: ImageSource,
    /// Best knowledge of the MIME type; for URL-only items, what was asked.
    pub mime: String,
    pub revised_prompt: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Usage {
    #[serde(default)]
    pub input_tokens: Option<u64>,
    #[serde(default)]
    pub output_tokens: Option<u64>,
    #[serde(default)]
    pub total_tokens: Option<u64>,
    #[serde(default)]
    pub input_tokens_details: Option<InputTokensDetails>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct InputTokensDetails {
    #[serde(default)]
    pub text_tokens: Option<u64>,
    #[serde(default)]
    pub image_tokens: Option<u64>,
}

/// Ways an answer differs from what was asked without saying so: a smaller size, another
/// format. `answer_size`/`answer_format` are what the response claims; `decoded` and
/// `decoded_mime` what the image really is (when known). The size is judged from the pixels
/// whatever the answer says (LiteLLM echoes the requested `size`). Written in `lang`.
pub fn delivery_warnings(
    requested_size: &str,
    requested_mime: &str,
    answer_size: Option<&str>,
    decoded: Option<(u32, u32)>,
    decoded_mime: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    let asked = crate::sizes::parse(requested_size).ok();
    if let Some(crate::sizes::SizeSpec::Exact { width, height }) = asked {
        let claimed = match answer_size.and_then(|s| crate::sizes::parse(s).ok()) {
            Some(crate::sizes::SizeSpec::Exact { width, height }) => Some((width, height)),
            _ => None,
        };
        if let Some((w, h)) = claimed.filter(|c| *c != (width, height)) {
            out.push(tr!(
                lang,
                requests::SAID_OTHER_SIZE,
                w = w,
                h = h,
                width = width,
                height = height
            ));
        }
        if let Some((w, h)) = decoded.filter(|d| *d != (width, height)) {
            let smaller = u64::from(w) * u64::from(h) < u64::from(width) * u64::from(height);
            let entry = match (smaller, claimed == Some((width, height))) {
                (true, true) => requests::DOWNGRADED_ECHOED,
                (true, false) => requests::DOWNGRADED,
                (false, _) => requests::RESIZED,
            };
            out.push(tr!(
                lang,
                entry,
                w = w,
                h = h,
                width = width,
                height = height
            ));
        }
    }
    if let Some(m) = decoded_mime.filter(|m| *m != requested_mime) {
        out.push(tr!(
            lang,
            requests::OTHER_FORMAT,
            got = mime::label(m),
            asked = mime::label(requested_mime)
        ));
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImagesAnswer {
    pub images: Vec<ImageOut>,
    pub created: Option<i64>,
    pub size: Option<String>,
    pub quality: Option<String>,
    pub output_format: Option<String>,
    pub background: Option<String>,
    pub usage: Option<Usage>,
}

/// Why a 2xx answer could not be understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    NotJson {
        snippet: String,
    },
    /// An `error` object; `None` when it gave no message.
    ErrorInBody {
        message: Option<String>,
    },
    NoData,
    EmptyData,
    ItemWithoutImage {
        index: usize,
    },
}

impl std::fmt::Display for ResponseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl ResponseError {
    /// What was wrong with the answer, in `lang` (the endpoint's own words as it sent them).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ResponseError::NotJson { snippet } => {
                tr!(lang, requests::NOT_JSON, snippet = snippet)
            }
            ResponseError::ErrorInBody { message } => {
                let message = message
                    .as_deref()
                    .unwrap_or(tr!(lang, requests::NO_MESSAGE));
                tr!(lang, requests::ERROR_IN_BODY, message = message)
            }
            ResponseError::NoData => tr!(lang, requests::NO_DATA).to_string(),
            ResponseError::EmptyData => tr!(lang, requests::EMPTY_DATA).to_string(),
            ResponseError::ItemWithoutImage { index } => {
                tr!(lang, requests::ITEM_WITHOUT_IMAGE, index = index + 1)
            }
        }
    }
}

/// What a run says when fewer images arrived than its answered requests asked for (gateways
/// that ignore `n`, streams that end early), in `lang`, or None when all arrived.
pub fn shortfall_note(asked: u32, arrived: u32, lang: Lang) -> Option<String> {
    (arrived < asked).then(|| {
        let missing = asked - arrived;
        tr!(
            lang,
            requests::SHORTFALL,
            arrived = arrived,
            asked = asked,
            missing = missing
        )
    })
}

/// The first characters of a body, on one line, for messages.
pub fn snippet(body: &str, max_chars: usize) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max_chars {
        format!("{}…", flat.chars().take(max_chars).collect::<String>())
    } else {
        flat
    }
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Parses a successful images answer. `requested_mime` is the format that was asked for: it
/// is used only when neither the answer nor the bytes say what they are.
pub fn parse_images(body: &str, requested_mime: &str) -> Result<ImagesAnswer, ResponseError> {
    let root: Value = serde_json::from_str(body).map_err(|_| ResponseError::NotJson {
        snippet: snippet(body, 60),
    })?;
    if let Some(err) = root.get("error").filter(|e| !e.is_null()) {
        let message = err
            .get("message")
            .and_then(Value::as_str)
            .or_else(|| err.as_str())
            .map(str::to_string);
        return Err(ResponseError::ErrorInBody { message });
    }
    let items = root
        .get("data")
        .and_then(Value::as_array)
        .ok_or(ResponseError::NoData)?;
    if items.is_empty() {
        return Err(ResponseError::EmptyData);
    }
    let output_format = str_field(&root, "output_format");
    let declared_mime = output_format.as_deref().and_then(mime::from_output_format);
    let images = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            image_from_item(item, declared_mime, requested_mime)
                .ok_or(ResponseError::ItemWithoutImage { index })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ImagesAnswer {
        images,
        created: root.get("created").and_then(Value::as_i64),
        size: str_field(&root, "size"),
        quality: str_field(&root, "quality"),
        output_format,
        background: str_field(&root, "background"),
        usage: root
            .get("usage")
            .and_then(|u| serde_json::from_value(u.clone()).ok()),
    })
}

/// One `data[]` item (or one streamed `completed` event) as a displayable image.
pub fn image_from_item(
    item: &Value,
    declared_mime: Option<&str>,
    requested_mime: &str,
) -> Option<ImageOut> {
    let revised_prompt = str_field(item, "revised_prompt").filter(|p| !p.trim().is_empty());
    if let Some(b64) = item
        .get("b64_json")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    {
        let (source, mime) = if b64.starts_with("data:") {
            let mime = mime::from_data_url(b64)
                .unwrap_or(requested_mime)
                .to_string();
            (b64.to_string(), mime)
        } else {
            // What the answer declares, else what the bytes are, else what was asked.
            let mime = declared_mime
                .or_else(|| mime::sniff_base64(b64))
                .unwrap_or(requested_mime)
                .to_string();
            (format!("data:{mime};base64,{b64}"), mime)
        };
        return Some(ImageOut {
            source: ImageSource::DataUrl(source.into()),
            mime,
            revised_prompt,
        });
    }
    let url = item
        .get("url")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())?;
    Some(ImageOut {
        source: ImageSource::Url(url.to_string()),
        mime: declared_mime.unwrap_or(requested_mime).to_string(),
        revised_prompt,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn shortfall_is_told_only_when_images_are_missing() {
        use crate::i18n::Lang;
        assert_eq!(super::shortfall_note(4, 4, Lang::En), None);
        assert_eq!(super::shortfall_note(1, 3, Lang::En), None);
        let note = super::shortfall_note(4, 1, Lang::En).unwrap();
        assert!(note.starts_with("1 of 4 images arrived"), "{note}");
        assert!(note.contains("3 fewer"), "{note}");
        let note = super::shortfall_note(4, 1, Lang::ZhCn).unwrap();
        assert!(note.starts_with("要求 4 张，收到 1 张"), "{note}");
    }

    use super::*;
    use crate::api::mime::{JPEG, PNG, WEBP};

    const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";
    const JPEG_B64: &str = "/9j/4AAQSkZJRgABAQAAAQABAAD";

    #[test]
    fn raw_base64_with_declared_format() {
        let body = format!(
            r#"{{"created":1,"data":[{{"b64_json":"{JPEG_B64}","revised_prompt":"A fox"}}],"output_format":"jpeg","size":"1024x1024","quality":"low","usage":{{"input_tokens":5,"output_tokens":272,"total_tokens":277}}}}"#
        );
        let a = parse_images(&body, PNG).unwrap();
        assert_eq!(a.images.len(), 1);
        assert_eq!(a.images[0].mime, JPEG);
        assert_eq!(
            a.images[0].source,
            ImageSource::DataUrl(format!("data:image/jpeg;base64,{JPEG_B64}").into())
        );
        assert_eq!(a.images[0].revised_prompt.as_deref(), Some("A fox"));
        assert_eq!(a.size.as_deref(), Some("1024x1024"));
        assert_eq!(a.usage.unwrap().total_tokens, Some(277));
        assert_eq!(a.created, Some(1));
    }

    #[test]
    fn undeclared_format_is_sniffed_before_falling_back_to_the_request() {
        let body = format!(r#"{{"created":1,"data":[{{"b64_json":"{JPEG_B64}"}}]}}"#);
        assert_eq!(parse_images(&body, PNG).unwrap().images[0].mime, JPEG);
        let body = r#"{"created":1,"data":[{"b64_json":"AAAAAAAAAAAAAAAA"}]}"#;
        assert_eq!(parse_images(body, WEBP).unwrap().images[0].mime, WEBP);
    }

    #[test]
    fn prefixed_base64_is_used_as_is() {
        let url = format!("data:image/webp;base64,{PNG_B64}");
        let body =
            format!(r#"{{"created":1,"data":[{{"b64_json":"{url}"}}],"output_format":"png"}}"#);
        let a = parse_images(&body, PNG).unwrap();
        assert_eq!(a.images[0].source, ImageSource::DataUrl(url.into()));
        assert_eq!(a.images[0].mime, WEBP);
    }

    #[test]
    fn url_only_items() {
        let body = r#"{"created":1,"data":[{"url":"https://cdn.example/a.png"},{"b64_json":"","url":"https://cdn.example/b.png"}]}"#;
        let a = parse_images(body, PNG).unwrap();
        assert_eq!(a.images.len(), 2);
        assert_eq!(
            a.images[1].source,
            ImageSource::Url("https://cdn.example/b.png".into())
        );
    }

    #[test]
    fn several_items_keep_their_order() {
        let body = format!(
            r#"{{"created":1,"data":[{{"b64_json":"{PNG_B64}"}},{{"b64_json":"{JPEG_B64}"}}]}}"#
        );
        let a = parse_images(&body, PNG).unwrap();
        assert_eq!(a.images[0].mime, PNG);
        assert_eq!(a.images[1].mime, JPEG);
    }

    #[test]
    fn missing_empty_and_broken_answers() {
        assert_eq!(
            parse_images(r#"{"created":1}"#, PNG),
            Err(ResponseError::NoData)
        );
        assert_eq!(
            parse_images(r#"{"created":1,"data":null}"#, PNG),
            Err(ResponseError::NoData)
        );
        assert_eq!(
            parse_images(r#"{"created":1,"data":[]}"#, PNG),
            Err(ResponseError::EmptyData)
        );
        assert_eq!(
            parse_images(r#"{"data":[{"revised_prompt":"x"}]}"#, PNG),
            Err(ResponseError::ItemWithoutImage { index: 0 })
        );
        let err = parse_images("<html><body>Welcome to nginx</body></html>", PNG).unwrap_err();
        assert!(
            matches!(&err, ResponseError::NotJson { snippet } if snippet.starts_with("<html>"))
        );
        assert!(err.to_string().contains("not with JSON"));
        assert!(matches!(
            parse_images("", PNG),
            Err(ResponseError::NotJson { .. })
        ));
        assert!(matches!(
            parse_images("[1,2", PNG),
            Err(ResponseError::NotJson { .. })
        ));
    }

    #[test]
    fn an_error_object_in_a_2xx_body_is_an_error() {
        let body = r#"{"error":{"message":"quota exceeded","type":"insufficient_quota"}}"#;
        assert_eq!(
            parse_images(body, PNG),
            Err(ResponseError::ErrorInBody {
                message: Some("quota exceeded".into())
            })
        );
        let e = parse_images(r#"{"error":{"type":"x"}}"#, PNG).unwrap_err();
        assert_eq!(e.to_string(), "The endpoint reported an error: no message");
        assert_eq!(e.message(Lang::ZhCn), "接口报告了错误：无说明");
    }

    #[test]
    fn silent_downgrades_are_named() {
        assert!(delivery_warnings(
            "1024x1024",
            PNG,
            Some("1024x1024"),
            Some((1024, 1024)),
            Some(PNG),
            Lang::En
        )
        .is_empty());
        assert!(delivery_warnings(
            "auto",
            PNG,
            Some("1536x1024"),
            Some((1536, 1024)),
            Some(PNG),
            Lang::En
        )
        .is_empty());
        let w = delivery_warnings(
            "2048x2048",
            PNG,
            Some("1024x1024"),
            Some((1024, 1024)),
            Some(JPEG),
            Lang::En,
        );
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].contains("says it made 1024x1024, not the 2048x2048"));
        assert_eq!(
            w[1],
            "Asked 2048x2048, got 1024x1024: the gateway downgraded it."
        );
        assert!(w[2].contains("JPEG, not the PNG"));
        let w = delivery_warnings("2048x2048", PNG, None, Some((1024, 1024)), None, Lang::ZhCn);
        assert_eq!(w, ["要求 2048x2048，实际得到 1024x1024：网关降低了尺寸。"]);
        // LiteLLM echoes the size asked for: the pixels tell.
        let w = delivery_warnings(
            "3840x2160",
            PNG,
            Some("3840x2160"),
            Some((1672, 941)),
            Some(PNG),
            Lang::En,
        );
        assert_eq!(
            w,
            ["Asked 3840x2160, got 1672x941: the gateway downgraded it (its answer still says 3840x2160)."]
        );
        // Not known yet (the image has not loaded): only what the answer claims.
        assert!(
            delivery_warnings("3840x2160", PNG, Some("3840x2160"), None, None, Lang::En).is_empty()
        );
        let w = delivery_warnings("1024x1024", PNG, None, Some((1536, 1024)), None, Lang::En);
        assert_eq!(
            w,
            ["Asked 1024x1024, got 1536x1024: the gateway changed the size."]
        );
    }

    #[test]
    fn usage_details_are_read() {
        let body = r#"{"created":1,"data":[{"b64_json":"AAAA"}],"usage":{"input_tokens":50,"output_tokens":4160,"total_tokens":4210,"input_tokens_details":{"text_tokens":10,"image_tokens":40}}}"#;
        let u = parse_images(body, PNG).unwrap().usage.unwrap();
        assert_eq!(u.input_tokens_details.unwrap().image_tokens, Some(40));
    }

    #[test]
    fn snippets_are_flat_and_short() {
        assert_eq!(snippet("a\n  b\tc", 10), "a b c");
        assert_eq!(snippet(&"x".repeat(100), 5), "xxxxx…");
    }
}
