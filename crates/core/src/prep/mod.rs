//! Reference-image prep: sniff, decode, orient, resize and encode to a byte budget.
//!
//! Pure logic (no web-sys, no signals), tested natively. The codecs in here are reachable only
//! from the `prep_worker` bin, so the page's own wasm stays small; the page talks to the worker
//! through the serde types of [`protocol`].

pub mod budget;
pub mod decode;
pub mod encode;
pub mod error;
pub mod geometry;
pub mod mask;
pub mod pipeline;
pub mod pool;
pub mod protocol;
pub mod resize;
pub mod sniff;
pub mod zip;

use serde::{Deserialize, Serialize};

use crate::i18n::text::prep;
use crate::i18n::Lang;
use crate::tr;

/// Default long-edge limit: gpt-image-2 downsamples larger inputs anyway.
pub const DEFAULT_MAX_EDGE: u32 = 2048;
/// Default byte budget per file (decimal MB, so "1 MB" also passes a 1 MiB proxy limit).
pub const DEFAULT_BUDGET_BYTES: u64 = 1_500_000;
/// Decompression-bomb guard: images above this many pixels are refused before decoding.
pub const MAX_PIXELS: u64 = 100_000_000;
/// At most this many references per request.
pub const MAX_REFERENCES: usize = 16;
/// Above this many references quality drops and one gateway refuses the request.
pub const WARN_REFERENCES: usize = 4;

/// What the reference list says when `left_out` (file names, in the order given) did not fit
/// under [`MAX_REFERENCES`] with `already` references in the list: which files, and why.
pub fn left_out_note(left_out: &[String], offered: usize, already: usize, lang: Lang) -> String {
    const NAMED: usize = 5;
    let mut names = left_out
        .iter()
        .take(NAMED)
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(prep::NAME_SEPARATOR.get(lang));
    if left_out.len() > NAMED {
        names.push_str(&tr!(lang, prep::AND_MORE, n = left_out.len() - NAMED));
    }
    let held = match already {
        0 => String::new(),
        1 => prep::HELD_ONE.get(lang).to_string(),
        k => tr!(lang, prep::HELD_MANY, k = k),
    };
    let template = match left_out.len() {
        1 => prep::LEFT_OUT_ONE,
        _ => prep::LEFT_OUT_MANY,
    };
    tr!(
        lang,
        template,
        max = MAX_REFERENCES,
        held = held,
        count = left_out.len(),
        offered = offered,
        names = names
    )
}

/// A byte count for a sentence, in decimal megabytes ("1.5 MB", "50 MB"); small counts in
/// bytes.
pub fn megabytes(bytes: u64) -> String {
    if bytes < 10_000 {
        return format!("{bytes} bytes");
    }
    let mb = bytes as f64 / 1_000_000.0;
    let text = format!("{mb:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text} MB")
}

/// The user's prep settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrepSettings {
    /// Long edge limit in pixels; never upscaled to it.
    pub max_edge: u32,
    /// Largest file to upload, in bytes.
    pub budget_bytes: u64,
    /// Text, screenshots or graphics: higher quality or lossless PNG.
    pub text_mode: bool,
}

impl Default for PrepSettings {
    fn default() -> Self {
        PrepSettings {
            max_edge: DEFAULT_MAX_EDGE,
            budget_bytes: DEFAULT_BUDGET_BYTES,
            text_mode: false,
        }
    }
}

impl PrepSettings {
    /// Settings from the stored text fields; out-of-range or unreadable values fall back to
    /// the defaults (a long edge of 64..=8192 px, a budget of 0.05..=50 MB).
    pub fn from_fields(max_edge: &str, budget_mb: &str, text_mode: bool) -> Self {
        let max_edge = max_edge
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|e| (64..=8192).contains(e))
            .unwrap_or(DEFAULT_MAX_EDGE);
        let budget_bytes = budget_mb
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|mb| (0.05..=50.0).contains(mb))
            .map(|mb| (mb * 1_000_000.0).round() as u64)
            .unwrap_or(DEFAULT_BUDGET_BYTES);
        PrepSettings {
            max_edge,
            budget_bytes,
            text_mode,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_fields_fall_back_to_defaults() {
        let s = PrepSettings::from_fields("1024", "1", true);
        assert_eq!(
            (s.max_edge, s.budget_bytes, s.text_mode),
            (1024, 1_000_000, true)
        );
        let s = PrepSettings::from_fields("x", "0,5", false);
        assert_eq!((s.max_edge, s.budget_bytes), (2048, 500_000));
        let s = PrepSettings::from_fields("10", "900", false);
        assert_eq!(s, PrepSettings::default());
    }

    #[test]
    fn left_out_files_are_named_with_the_reason() {
        let one = left_out_note(&["cat.heic".into()], 14, 3, Lang::En);
        assert_eq!(
            one,
            "At most 16 references can be sent (3 were already in the list), so 1 file of the 14 offered was not added: \"cat.heic\". Remove a reference to make room."
        );
        let names: Vec<String> = (1..=8).map(|i| format!("p{i}.jpg")).collect();
        let many = left_out_note(&names, 24, 0, Lang::En);
        assert!(
            many.contains("so 8 files of the 24 offered were not added"),
            "{many}"
        );
        assert!(many.contains("\"p5.jpg\" and 3 more"), "{many}");
        assert!(!many.contains("already"), "{many}");
        let zh = left_out_note(&names, 24, 2, Lang::ZhCn);
        assert!(
            zh.starts_with("最多只能发送 16 张参考图（列表中已有 2 张），"),
            "{zh}"
        );
        assert!(zh.contains("\"p5.jpg\" 等另外 3 个"), "{zh}");
    }

    #[test]
    fn megabytes_for_sentences() {
        assert_eq!(megabytes(1_500_000), "1.5 MB");
        assert_eq!(megabytes(50_000_000), "50 MB");
        assert_eq!(megabytes(3_456_789), "3.46 MB");
        assert_eq!(megabytes(999), "999 bytes");
        assert_eq!(megabytes(10_000), "0.01 MB");
    }
}
