//! The body a task gateway takes. Not OpenAI's spec but a gateway variant: `size` may be a
//! ratio with a `resolution` tier, references are public URLs (`image_urls`), a mask is
//! `mask_url`, and there is no streaming (the task is polled instead).

use serde::Serialize;

use crate::api::request::{
    generation_body, Background, ImageParams, Moderation, OutputFormat, Quality,
};
use crate::i18n::{text::tasks, Lang};
use crate::sizes::{ratio_tier_size, Tier};
use crate::tr;

/// References a task gateway takes (facts sheet).
pub const MAX_IMAGE_URLS: usize = 16;

/// What a task gateway's request carries beyond the usual parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskInputs {
    /// The size builder's ratio and tier, when it is in ratio mode.
    pub ratio: Option<((u32, u32), Tier)>,
    pub image_urls: Vec<String>,
    pub mask_url: Option<String>,
}

/// `POST {base}/images/generations` on a task gateway, exactly as sent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskGenerationBody {
    pub model: String,
    pub prompt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u8>,
    /// `16:9` with `resolution`, or `WxH`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<&'static str>,
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub image_urls: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mask_url: Option<String>,
}

/// Checks one pasted link: http(s), a host, no spaces. Local files (`file:`, `blob:`,
/// `data:`) cannot be fetched by a gateway. What is wrong is said in `lang`.
pub fn check_public_url(text: &str, lang: Lang) -> Result<(), String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Err(tr!(lang, tasks::URL_NOT_PUBLIC).into());
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(tr!(lang, tasks::URL_NO_HOST).into());
    }
    if text.contains(char::is_whitespace) {
        return Err(tr!(lang, tasks::URL_SPACES).into());
    }
    Ok(())
}

/// The pasted reference links, one per line (blank lines skipped), or a message naming the
/// first bad line, in `lang`.
pub fn parse_image_urls(text: &str, lang: Lang) -> Result<Vec<String>, String> {
    let mut urls = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        check_public_url(line, lang).map_err(|why| {
            tr!(
                lang,
                tasks::IMAGE_URL_LINE,
                line = index + 1,
                url = line,
                why = why
            )
        })?;
        urls.push(line.to_string());
    }
    if urls.len() > MAX_IMAGE_URLS {
        return Err(tr!(
            lang,
            tasks::URLS_GIVEN,
            count = urls.len(),
            max = MAX_IMAGE_URLS
        ));
    }
    Ok(urls)
}

/// The mask link, if one was given (what is wrong with it said in `lang`).
pub fn parse_mask_url(text: &str, lang: Lang) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    check_public_url(t, lang).map_err(|why| tr!(lang, tasks::MASK_URL, url = t, why = why))?;
    Ok(Some(t.to_string()))
}

/// `size` (and `resolution`) as sent: the ratio and tier when the builder is in ratio mode
/// and produced exactly this size, else the size as built for OpenAI (`WxH`, none for auto).
fn size_fields(
    params_size: &str,
    ratio: Option<((u32, u32), Tier)>,
    built: Option<String>,
) -> (Option<String>, Option<&'static str>) {
    match ratio {
        Some(((a, b), tier))
            if {
                let (w, h) = ratio_tier_size((a, b), tier);
                params_size.trim() == format!("{w}x{h}")
            } =>
        {
            (Some(format!("{a}:{b}")), Some(tier.label()))
        }
        _ => (built, None),
    }
}

/// Builds the task gateway's body for `params` (the usual checks apply), or says what must
/// change first, in `lang`.
pub fn task_generation_body(
    params: &ImageParams,
    inputs: &TaskInputs,
    lang: Lang,
) -> Result<TaskGenerationBody, String> {
    let base = generation_body(params).map_err(|e| e.message(lang))?;
    if inputs.image_urls.len() > MAX_IMAGE_URLS {
        return Err(tr!(
            lang,
            tasks::TOO_MANY_URLS,
            max = MAX_IMAGE_URLS,
            count = inputs.image_urls.len()
        ));
    }
    if inputs.mask_url.is_some() && inputs.image_urls.is_empty() {
        return Err(tr!(lang, tasks::MASK_NEEDS_IMAGE).into());
    }
    let (size, resolution) = size_fields(&params.size, inputs.ratio, base.size);
    Ok(TaskGenerationBody {
        model: base.model,
        prompt: base.prompt,
        n: base.n,
        size,
        resolution,
        quality: base.quality,
        output_format: base.output_format,
        output_compression: base.output_compression,
        background: base.background,
        moderation: base.moderation,
        image_urls: inputs.image_urls.clone(),
        mask_url: inputs.mask_url.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // In English, as most tests read them.
    fn task_generation_body(
        params: &ImageParams,
        inputs: &TaskInputs,
    ) -> Result<TaskGenerationBody, String> {
        super::task_generation_body(params, inputs, Lang::En)
    }

    fn parse_image_urls(text: &str) -> Result<Vec<String>, String> {
        super::parse_image_urls(text, Lang::En)
    }

    fn parse_mask_url(text: &str) -> Result<Option<String>, String> {
        super::parse_mask_url(text, Lang::En)
    }

    fn params(size: &str) -> ImageParams {
        ImageParams {
            prompt: "a fox".into(),
            size: size.into(),
            ..ImageParams::default()
        }
    }

    fn body(p: &ImageParams, inputs: &TaskInputs) -> serde_json::Value {
        serde_json::to_value(task_generation_body(p, inputs).unwrap()).unwrap()
    }

    #[test]
    fn ratio_mode_sends_ratio_and_resolution() {
        let inputs = TaskInputs {
            ratio: Some(((16, 9), Tier::K2)),
            ..TaskInputs::default()
        };
        let (w, h) = ratio_tier_size((16, 9), Tier::K2);
        assert_eq!(
            body(&params(&format!("{w}x{h}")), &inputs),
            json!({"model": "gpt-image-2", "prompt": "a fox", "size": "16:9", "resolution": "2K"})
        );
    }

    #[test]
    fn otherwise_the_size_goes_as_wxh() {
        assert_eq!(
            body(&params("1536x1024"), &TaskInputs::default()),
            json!({"model": "gpt-image-2", "prompt": "a fox", "size": "1536x1024"})
        );
        // A ratio left over from earlier, while the size was typed since: WxH.
        let stale = TaskInputs {
            ratio: Some(((16, 9), Tier::K1)),
            ..TaskInputs::default()
        };
        assert_eq!(
            body(&params("1024x1024"), &stale)["size"],
            json!("1024x1024")
        );
        assert_eq!(body(&params("auto"), &stale).get("size"), None);
    }

    #[test]
    fn references_and_mask_as_urls_and_never_stream() {
        let p = ImageParams {
            stream: true,
            partial_images: 2,
            ..params("1024x1024")
        };
        let inputs = TaskInputs {
            ratio: None,
            image_urls: vec!["https://a.example/1.png".into()],
            mask_url: Some("https://a.example/m.png".into()),
        };
        assert_eq!(
            body(&p, &inputs),
            json!({"model": "gpt-image-2", "prompt": "a fox", "size": "1024x1024",
                   "image_urls": ["https://a.example/1.png"], "mask_url": "https://a.example/m.png"})
        );
        let mask_only = TaskInputs {
            image_urls: vec![],
            ..inputs
        };
        assert!(task_generation_body(&p, &mask_only)
            .unwrap_err()
            .contains("needs at least one image URL"));
    }

    #[test]
    fn the_usual_checks_still_apply() {
        let e = task_generation_body(&params("1000x1000"), &TaskInputs::default()).unwrap_err();
        assert!(e.contains("16"), "{e}");
        let e = task_generation_body(&ImageParams::default(), &TaskInputs::default()).unwrap_err();
        assert!(e.contains("prompt"), "{e}");
    }

    #[test]
    fn pasted_urls_are_checked_line_by_line() {
        assert_eq!(
            parse_image_urls("\n https://a.example/1.png \n\nhttp://b.example/2.jpg?x=1\n"),
            Ok(vec![
                "https://a.example/1.png".to_string(),
                "http://b.example/2.jpg?x=1".to_string()
            ])
        );
        let e = parse_image_urls("https://a.example/1.png\nC:\\photos\\cat.png").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("cat.png") && e.contains("local file"),
            "{e}"
        );
        let e = parse_image_urls("https:///x.png").unwrap_err();
        assert!(e.contains("line 1") && e.contains("no host"), "{e}");
        let e = parse_image_urls("https://a.example/my cat.png").unwrap_err();
        assert!(e.contains("spaces"), "{e}");
        let many: String = (0..17)
            .map(|i| format!("https://a.example/{i}.png\n"))
            .collect();
        assert!(parse_image_urls(&many).unwrap_err().contains("at most 16"));
        assert_eq!(parse_image_urls(" \n "), Ok(vec![]));
    }

    #[test]
    fn the_mask_url() {
        assert_eq!(parse_mask_url("  "), Ok(None));
        assert_eq!(
            parse_mask_url(" https://a.example/m.png "),
            Ok(Some("https://a.example/m.png".into()))
        );
        assert!(parse_mask_url("blob:http://x/1")
            .unwrap_err()
            .contains("Mask URL"));
        assert_eq!(
            super::parse_mask_url("blob:http://x/1", Lang::ZhCn).unwrap_err(),
            "蒙版 URL（“blob:http://x/1”）必须是公开的 http:// 或 https:// 链接（本地文件无法发送给任务网关）。"
        );
        assert_eq!(
            super::parse_image_urls("https:///x.png", Lang::ZhCn).unwrap_err(),
            "第 1 行的图片 URL（“https:///x.png”）缺少主机名。"
        );
    }
}
