//! Checks on the prompt as it is typed: words that do nothing, length against quality, and
//! naming references. The output size is set by `size` alone, so resolution words in a
//! prompt only spend tokens.

use crate::api::request::Quality;
use crate::i18n::{text::prompts, Lang};
use crate::tr;

/// Phrases that ask for a resolution the prompt cannot set (lowercase). Matched against the
/// prompt, never shown as they are written here: they stay as the user may type them.
const RESOLUTION_WORDS: &[&str] = &[
    "ultra high resolution", // i18n: not shown (matched against the prompt)
    "ultra-high resolution",
    "ultra high definition", // i18n: not shown (matched against the prompt)
    "high resolution",       // i18n: not shown (matched against the prompt)
    "high-resolution",
    "hi-res",
    "hi res", // i18n: not shown (matched against the prompt)
    "highres",
    "hires",
    "ultra hd", // i18n: not shown (matched against the prompt)
    "ultra-hd",
    "ultrahd",
    "full hd", // i18n: not shown (matched against the prompt)
    "full-hd",
    "uhd",
    "fhd",
    "qhd",
    "16k",
    "8k",
    "4k",
    "2k",
    "4320p",
    "2160p",
    "1440p",
    "1080p",
    "8k resolution",
    "4k resolution",
    // Chinese: no spaces around words, so these match inside a phrase ("4K超清画质").
    "超高分辨率",
    "高分辨率",
    "分辨率",
    "超高清",
    "全高清",
    "超清",
    "高清",
    "高画质",
];

/// A flagged phrase: its text as typed and its byte range in the prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Every resolution phrase in the prompt, longest match first where they overlap.
pub fn resolution_words(prompt: &str) -> Vec<Flag> {
    // ASCII lowercasing keeps byte offsets identical to the prompt's.
    let lower = prompt.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut phrases: Vec<&str> = RESOLUTION_WORDS.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut flags: Vec<Flag> = Vec::new();
    for phrase in phrases {
        let mut from = 0;
        while let Some(at) = lower[from..].find(phrase) {
            let (start, end) = (from + at, from + at + phrase.len());
            from = end;
            // A word boundary matters where the phrase's edge is a Latin letter or digit; Chinese
            // is written without spaces, so "4K超清" holds two phrases.
            let bounded =
                (start == 0 || !is_word_byte(bytes[start - 1]) || !is_word_byte(bytes[start]))
                    && (end == bytes.len()
                        || !is_word_byte(bytes[end])
                        || !is_word_byte(bytes[end - 1]));
            if bounded && !flags.iter().any(|f| start < f.end && f.start < end) {
                flags.push(Flag {
                    text: prompt[start..end].to_string(),
                    start,
                    end,
                });
            }
        }
    }
    flags.sort_by_key(|f| f.start);
    flags
}

/// The prompt without its resolution phrases, with the commas and spaces around them tidied.
pub fn remove_resolution_words(prompt: &str) -> String {
    let mut out = String::with_capacity(prompt.len());
    let mut last = 0;
    for f in resolution_words(prompt) {
        out.push_str(&prompt[last..f.start]);
        last = f.end;
    }
    out.push_str(&prompt[last..]);
    let out = out.replace("()", "").replace("( )", "");
    let mut tidy = out
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    for (from, to) in [
        (" ,", ","),
        (",,", ","),
        (" .", "."),
        (",.", "."),
        (" ，", "，"),
        ("，，", "，"),
        ("、、", "、"),
        ("，。", "。"),
        ("、，", "，"),
        ("，、", "，"),
    ] {
        while tidy.contains(from) {
            tidy = tidy.replace(from, to);
        }
    }
    tidy.trim_matches(|c: char| matches!(c, ',' | '，' | '、') || c.is_whitespace())
        .to_string()
}

/// Long prompts at high quality (or xhigh, max) are slow and rarely better; about 200 words
/// is the point. The advice is in `lang`.
pub fn long_for_high_quality(prompt: &str, quality: Quality, lang: Lang) -> Option<String> {
    use crate::api::request::WireValue;
    let words = prompt.split_whitespace().count();
    let high = matches!(quality, Quality::High | Quality::Xhigh | Quality::Max);
    (high && words > 200).then(|| {
        tr!(
            lang,
            prompts::LONG_PROMPT,
            words = words,
            quality = quality.as_str()
        )
    })
}

/// How a prompt names its first reference: "image 1", or in Chinese "图1", "图 1", "图片1".
const FIRST_REFERENCE_NAMES: &[&str] = &["image 1", "图1", "图 1", "图片1", "图片 1"];

/// With several references, naming them "image 1", "image 2" tells the model which is which.
/// The hint is in `lang`.
pub fn reference_hint(prompt: &str, references: usize, lang: Lang) -> Option<String> {
    let lower = prompt.to_ascii_lowercase();
    let named = FIRST_REFERENCE_NAMES.iter().any(|n| lower.contains(n));
    (references >= 2 && !named)
        .then(|| tr!(lang, prompts::NAME_REFERENCES, references = references))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_resolution_words_as_words() {
        let p = "A fox, 4K, ultra HD, high-resolution photo in 8k resolution";
        let found: Vec<_> = resolution_words(p).into_iter().map(|f| f.text).collect();
        assert_eq!(
            found,
            vec!["4K", "ultra HD", "high-resolution", "8k resolution"]
        );
        assert!(resolution_words("a 4kg cat with 2kids, k4 model, UHDTV").is_empty());
        assert!(resolution_words("").is_empty());
        let f = &resolution_words("東京 4K")[0];
        assert_eq!(&"東京 4K"[f.start..f.end], "4K");
    }

    #[test]
    fn removal_tidies_the_prompt() {
        assert_eq!(
            remove_resolution_words("A fox, 4K, ultra HD, in snow"),
            "A fox, in snow"
        );
        assert_eq!(
            remove_resolution_words("8K photo of a lighthouse (UHD)."),
            "photo of a lighthouse."
        );
        assert_eq!(remove_resolution_words("plain prompt"), "plain prompt");
        assert_eq!(remove_resolution_words("4k"), "");
    }

    #[test]
    fn chinese_resolution_words_are_flagged_and_removed() {
        let p = "一只狐狸，4K超清，高分辨率摄影，超高清画面";
        let found: Vec<_> = resolution_words(p).into_iter().map(|f| f.text).collect();
        assert_eq!(found, vec!["4K", "超清", "高分辨率", "超高清"]);
        assert_eq!(remove_resolution_words(p), "一只狐狸，摄影，画面");
        assert_eq!(remove_resolution_words("高清、8K、分辨率"), "");
    }

    #[test]
    fn long_prompts_at_high_quality_and_reference_names() {
        let long = "word ".repeat(201);
        assert!(long_for_high_quality(&long, Quality::Max, Lang::En)
            .unwrap()
            .contains("at max quality"));
        assert!(long_for_high_quality(&long, Quality::High, Lang::En)
            .unwrap()
            .contains("201 words"));
        assert!(long_for_high_quality(&long, Quality::High, Lang::ZhCn)
            .unwrap()
            .starts_with("201 个词、high 质量："));
        assert_eq!(
            long_for_high_quality(&long, Quality::Medium, Lang::En),
            None
        );
        assert_eq!(
            long_for_high_quality(&"word ".repeat(200), Quality::High, Lang::En),
            None
        );
        assert_eq!(
            reference_hint("put the hat on the dog", 2, Lang::En).as_deref(),
            Some("With 2 references, refer to them as \"image 1\", \"image 2\"… in upload order.")
        );
        assert!(reference_hint("把帽子戴到狗头上", 2, Lang::ZhCn)
            .unwrap()
            .starts_with("有 2 张参考图时"));
        assert_eq!(
            reference_hint("put the hat from image 2 on image 1", 2, Lang::En),
            None
        );
        assert_eq!(
            reference_hint("把图2里的帽子戴到图1的狗头上", 2, Lang::ZhCn),
            None
        );
        assert_eq!(reference_hint("x", 1, Lang::En), None);
    }
}
