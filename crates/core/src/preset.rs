//! Shareable presets: the form's settings as a versioned, compact URL fragment that stays
//! readable enough to edit by hand, e.g.
//! `#v1&prompt=A%20red%20fox&size=1536x1024&quality=high&n=2`.
//! Never a key, never images. Decoding applies what it understands and reports the rest.

use crate::api::request::{
    Background, Moderation, OutputFormat, Quality, WireValue, MAX_N, MAX_PARTIAL_IMAGES,
    MAX_PROMPT_CHARS,
};
use crate::i18n::{text::presets, Lang};
use crate::tr;

pub const VERSION_TAG: &str = "v1";

/// Everything a link can carry. `None` = not in the link, leave the form as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preset {
    pub prompt: Option<String>,
    pub model: Option<String>,
    /// `WxH` or `auto`, as the size field holds it.
    pub size: Option<String>,
    pub ratio: Option<(u32, u32)>,
    pub tier: Option<crate::sizes::Tier>,
    pub quality: Option<Quality>,
    pub output_format: Option<OutputFormat>,
    pub output_compression: Option<u8>,
    pub background: Option<Background>,
    pub moderation: Option<Moderation>,
    pub n: Option<u8>,
    /// Streaming (`stream=1` / `stream=0`).
    pub stream: Option<bool>,
    pub partial_images: Option<u8>,
    pub base_url: Option<String>,
}

/// Percent-encodes everything but unreserved characters and a few readable ones.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b':'
            | b'/'
            | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Percent-decodes `%XX` (and `+` as space); None for malformed escapes or bad UTF-8.
pub fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The fragment (without `#`) for a preset: the version tag, then only the fields it has.
pub fn encode(p: &Preset) -> String {
    let mut parts = vec![VERSION_TAG.to_string()];
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            parts.push(format!("{key}={}", encode_component(&v)));
        }
    };
    put("prompt", p.prompt.clone());
    put("model", p.model.clone());
    put("ratio", p.ratio.map(|(a, b)| format!("{a}:{b}")));
    put("tier", p.tier.map(|t| t.label().to_string()));
    put("size", p.size.clone());
    put("quality", p.quality.map(|v| v.as_str().to_string()));
    put("format", p.output_format.map(|v| v.as_str().to_string()));
    put("compression", p.output_compression.map(|v| v.to_string()));
    put("background", p.background.map(|v| v.as_str().to_string()));
    put("moderation", p.moderation.map(|v| v.as_str().to_string()));
    put("n", p.n.map(|v| v.to_string()));
    put(
        "stream",
        p.stream.map(|v| if v { "1" } else { "0" }.to_string()),
    );
    put("partial", p.partial_images.map(|v| v.to_string()));
    put("base", p.base_url.clone());
    parts.join("&")
}

/// A link's preset and a notice for everything in it that was not applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub preset: Preset,
    pub notices: Vec<String>,
}

fn wire<T: WireValue>(value: &str, key: &str, notices: &mut Vec<String>, lang: Lang) -> Option<T> {
    let parsed = T::parse(value);
    if parsed.is_none() {
        notices.push(tr!(
            lang,
            presets::LINK_UNKNOWN_VALUE,
            key = key,
            value = value
        ));
    }
    parsed
}

fn number(
    value: &str,
    key: &str,
    range: std::ops::RangeInclusive<u8>,
    notices: &mut Vec<String>,
    lang: Lang,
) -> Option<u8> {
    let parsed = value.parse::<u8>().ok().filter(|v| range.contains(v));
    if parsed.is_none() {
        notices.push(tr!(
            lang,
            presets::LINK_BAD_NUMBER,
            key = key,
            value = value,
            min = range.start(),
            max = range.end()
        ));
    }
    parsed
}

/// Decodes a fragment, its notices in English (`decode_in` writes them in another language).
pub fn decode(fragment: &str) -> Decoded {
    decode_in(fragment, Lang::En)
}

/// Decodes a fragment. Never panics; an empty fragment or one without fields gives an empty
/// preset. A fragment without the version tag is read as v1 (hand-written links), and a newer
/// version is read as far as it is understood, with a notice. The notices are in `lang`.
pub fn decode_in(fragment: &str, lang: Lang) -> Decoded {
    let mut d = Decoded::default();
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    for (index, pair) in body.split('&').filter(|s| !s.is_empty()).enumerate() {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        if index == 0
            && raw.is_empty()
            && key.starts_with('v')
            && key[1..].bytes().all(|b| b.is_ascii_digit())
            && key.len() > 1
        {
            if key != VERSION_TAG {
                d.notices
                    .push(tr!(lang, presets::LINK_NEWER_VERSION, key = key));
            }
            continue;
        }
        let Some(value) = decode_component(raw) else {
            d.notices
                .push(tr!(lang, presets::LINK_BAD_ENCODING, key = key));
            continue;
        };
        let notices = &mut d.notices;
        let p = &mut d.preset;
        match key {
            "prompt" if value.chars().count() <= MAX_PROMPT_CHARS => p.prompt = Some(value),
            "prompt" => notices.push(tr!(
                lang,
                presets::LINK_PROMPT_TOO_LONG,
                max = MAX_PROMPT_CHARS
            )),
            "model" if !value.trim().is_empty() && value.len() <= 100 => {
                p.model = Some(value.trim().to_string())
            }
            "model" => notices.push(presets::LINK_BAD_MODEL.get(lang).into()),
            "size" => match crate::sizes::parse(&value) {
                Ok(size) => p.size = Some(size.to_string()),
                Err(why) => {
                    notices.push(tr!(lang, presets::LINK_BAD_SIZE, why = why.message(lang)))
                }
            },
            "ratio" => match crate::sizes::parse_ratio(&value) {
                Some(r) => p.ratio = Some(r),
                None => notices.push(tr!(lang, presets::LINK_BAD_RATIO, value = value)),
            },
            "tier" => match crate::sizes::Tier::parse(&value) {
                Some(t) => p.tier = Some(t),
                None => notices.push(tr!(lang, presets::LINK_BAD_TIER, value = value)),
            },
            "quality" => p.quality = wire(&value, key, notices, lang),
            "format" => p.output_format = wire(&value, key, notices, lang),
            "background" => p.background = wire(&value, key, notices, lang),
            "moderation" => p.moderation = wire(&value, key, notices, lang),
            "compression" => p.output_compression = number(&value, key, 0..=100, notices, lang),
            "n" => p.n = number(&value, key, 1..=MAX_N, notices, lang),
            "stream" => match value.as_str() {
                "1" | "true" | "on" => p.stream = Some(true),
                "0" | "false" | "off" => p.stream = Some(false),
                _ => notices.push(tr!(lang, presets::LINK_BAD_STREAM, value = value)),
            },
            "partial" | "partial_images" => {
                p.partial_images = number(&value, key, 0..=MAX_PARTIAL_IMAGES, notices, lang)
            }
            "base" => match crate::api::request::check_base_url(&value) {
                Ok(()) => p.base_url = Some(value.trim().to_string()),
                Err(why) => {
                    notices.push(tr!(lang, presets::LINK_BAD_BASE, why = why.message(lang)))
                }
            },
            "key" | "api_key" | "apikey" | "token" => {
                notices.push(presets::LINK_API_KEY.get(lang).into())
            }
            _ => notices.push(tr!(lang, presets::LINK_UNKNOWN_SETTING, key = key)),
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Preset {
        Preset {
            prompt: Some("A red fox & a \"hare\" #1, 100% — 東京".into()),
            model: Some("gpt-image-2".into()),
            size: Some("1536x1024".into()),
            ratio: Some((16, 9)),
            tier: Some(crate::sizes::Tier::K2),
            quality: Some(Quality::High),
            output_format: Some(OutputFormat::Jpeg),
            output_compression: Some(80),
            background: Some(Background::Opaque),
            moderation: Some(Moderation::Low),
            n: Some(2),
            stream: Some(true),
            partial_images: Some(2),
            base_url: Some("https://gw.example/v1".into()),
        }
    }

    #[test]
    fn round_trips_and_reads_well() {
        let text = encode(&full());
        assert!(
            text.starts_with("v1&prompt=A%20red%20fox%20%26%20a%20%22hare%22%20%231"),
            "{text}"
        );
        assert!(
            text.contains("&size=1536x1024&quality=high&format=jpeg&compression=80"),
            "{text}"
        );
        assert!(
            text.contains("&n=2&stream=1&partial=2&base=https://gw.example/v1"),
            "{text}"
        );
        assert_eq!(
            decode(&text),
            Decoded {
                preset: full(),
                notices: vec![]
            }
        );
        assert_eq!(decode(&format!("#{text}")).preset, full());
    }

    #[test]
    fn empty_and_minimal() {
        assert_eq!(decode(""), Decoded::default());
        assert_eq!(decode("#"), Decoded::default());
        assert_eq!(encode(&Preset::default()), "v1");
        let d = decode("#prompt=hello+world");
        assert_eq!(d.preset.prompt.as_deref(), Some("hello world"));
        assert!(d.notices.is_empty());
    }

    #[test]
    fn bad_fields_get_notices_and_the_rest_applies() {
        let d = decode("v1&prompt=ok&quality=ultra&n=11&size=big&ratio=7:5&tier=8K&key=sk-123&colour=red&format=webp&compression=%zz&base=ftp://x&stream=maybe&partial=4");
        assert_eq!(d.preset.prompt.as_deref(), Some("ok"));
        assert_eq!(d.preset.output_format, Some(OutputFormat::Webp));
        assert_eq!(d.preset.quality, None);
        assert_eq!(d.preset.n, None);
        assert_eq!(d.preset.base_url, None);
        let all = d.notices.join("\n");
        for needle in [
            "quality=\"ultra\"",
            "n=\"11\"",
            "size:",
            "ratio=\"7:5\"",
            "tier=\"8K\"",
            "API key",
            "\"colour\"",
            "compression: the value",
            "base:",
            "stream=\"maybe\"",
            "partial=\"4\"",
        ] {
            assert!(all.contains(needle), "{needle} missing in\n{all}");
        }
        assert!(
            !all.contains("sk-123"),
            "a key never appears, not even in a notice"
        );
    }

    #[test]
    fn newer_versions_are_read_as_far_as_possible() {
        let d = decode("v2&prompt=x&future=1");
        assert_eq!(d.preset.prompt.as_deref(), Some("x"));
        assert!(d.notices[0].contains("newer version (v2)"));
    }

    #[test]
    fn notices_follow_the_language() {
        let d = decode_in("v1&quality=ultra&size=0x5&key=sk-1", Lang::ZhCn);
        assert_eq!(
            d.notices,
            [
                "quality=\"ultra\" 不是可识别的值，已忽略。",
                "size：宽度必须是正的像素数，不能是 0。已忽略。",
                "链接中带有 API 密钥，已忽略。密钥从不通过链接传递。",
            ]
        );
        assert_eq!(
            decode("size=0x5").notices,
            ["size: the width must be a positive number of pixels, not 0. Ignored."]
        );
    }
}
