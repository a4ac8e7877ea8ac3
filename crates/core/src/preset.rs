//! Shareable presets: the form's settings as a versioned, compact URL fragment that stays
//! readable enough to edit by hand, e.g.
//! `#v1&prompt=A%20red%20fox&size=1536x1024&quality=high&n=2`.
//! Never a key, never images. Decoding applies what it understands and reports the rest.

use crate::api::request::{
    Background, Moderation, OutputFormat, Quality, WireValue, MAX_N, MAX_PARTIAL_IMAGES,
    MAX_PROMPT_CHARS,
};

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

fn wire<T: WireValue>(value: &str, key: &str, notices: &mut Vec<String>) -> Option<T> {
    let parsed = T::parse(value);
    if parsed.is_none() {
        notices.push(format!("{key}=\"{value}\" is not a known value; ignored."));
    }
    parsed
}

fn number(
    value: &str,
    key: &str,
    range: std::ops::RangeInclusive<u8>,
    notices: &mut Vec<String>,
) -> Option<u8> {
    let parsed = value.parse::<u8>().ok().filter(|v| range.contains(v));
    if parsed.is_none() {
        notices.push(format!(
            "{key}=\"{value}\" must be a whole number from {} to {}; ignored.",
            range.start(),
            range.end()
        ));
    }
    parsed
}

/// Decodes a fragment. Never panics; an empty fragment or one without fields gives an empty
/// preset. A fragment without the version tag is read as v1 (hand-written links), and a newer
/// version is read as far as it is understood, with a notice.
pub fn decode(fragment: &str) -> Decoded {
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
                d.notices.push(format!("This link was made by a newer version ({key}); what this version understands was applied."));
            }
            continue;
        }
        let Some(value) = decode_component(raw) else {
            d.notices.push(format!(
                "{key}: the value is not valid percent-encoding; ignored."
            ));
            continue;
        };
        let notices = &mut d.notices;
        let p = &mut d.preset;
        match key {
            "prompt" if value.chars().count() <= MAX_PROMPT_CHARS => p.prompt = Some(value),
            "prompt" => notices.push(format!(
                "The prompt is longer than {MAX_PROMPT_CHARS} characters; ignored."
            )),
            "model" if !value.trim().is_empty() && value.len() <= 100 => {
                p.model = Some(value.trim().to_string())
            }
            "model" => notices.push("model: empty or longer than 100 characters; ignored.".into()),
            "size" => match crate::sizes::parse(&value) {
                Ok(size) => p.size = Some(size.to_string()),
                Err(why) => notices.push(format!("size: {why} Ignored.")),
            },
            "ratio" => match crate::sizes::parse_ratio(&value) {
                Some(r) => p.ratio = Some(r),
                None => notices.push(format!(
                    "ratio=\"{value}\" is not one of the 15 ratios; ignored."
                )),
            },
            "tier" => match crate::sizes::Tier::parse(&value) {
                Some(t) => p.tier = Some(t),
                None => notices.push(format!("tier=\"{value}\" must be 1K, 2K or 4K; ignored.")),
            },
            "quality" => p.quality = wire(&value, key, notices),
            "format" => p.output_format = wire(&value, key, notices),
            "background" => p.background = wire(&value, key, notices),
            "moderation" => p.moderation = wire(&value, key, notices),
            "compression" => p.output_compression = number(&value, key, 0..=100, notices),
            "n" => p.n = number(&value, key, 1..=MAX_N, notices),
            "stream" => match value.as_str() {
                "1" | "true" | "on" => p.stream = Some(true),
                "0" | "false" | "off" => p.stream = Some(false),
                _ => notices.push(format!("stream=\"{value}\" must be 1 or 0; ignored.")),
            },
            "partial" | "partial_images" => {
                p.partial_images = number(&value, key, 0..=MAX_PARTIAL_IMAGES, notices)
            }
            "base" => match crate::api::request::check_base_url(&value) {
                Ok(()) => p.base_url = Some(value.trim().to_string()),
                Err(why) => notices.push(format!("base: {why} Ignored.")),
            },
            "key" | "api_key" | "apikey" | "token" => notices.push(
                "The link carried an API key; it was ignored. Keys never travel in links.".into(),
            ),
            _ => notices.push(format!(
                "\"{key}\" is not a setting this version knows; ignored."
            )),
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
}
