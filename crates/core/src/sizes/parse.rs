//! Typed sizes: `SizeSpec`, the presets, parsing `WxH` or `auto`, and the verdict on a size
//! for a model (`check`), which needs both the spec and the rules.

use std::fmt;

use super::rules::{
    rules_for, violations, SizeRules, SizeViolation, EXPERIMENTAL_PIXELS, MAX_EDGE,
    MAX_PARSED_EDGE, STABLE_SIZES,
};
use crate::i18n::{text::sizes, Lang, Text};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SizeSpec {
    Auto,
    Exact { width: u32, height: u32 },
}

impl fmt::Display for SizeSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SizeSpec::Auto => write!(f, "auto"),
            SizeSpec::Exact { width, height } => write!(f, "{width}x{height}"),
        }
    }
}

impl SizeSpec {
    pub fn exact(width: u32, height: u32) -> Self {
        SizeSpec::Exact { width, height }
    }

    pub fn pixels(self) -> Option<u64> {
        match self {
            SizeSpec::Auto => None,
            SizeSpec::Exact { width, height } => Some(u64::from(width) * u64::from(height)),
        }
    }
}

/// A preset with the label people know it by (in both languages).
pub struct Preset {
    pub value: &'static str,
    pub label: Text,
}

pub const PRESETS: &[Preset] = &[
    Preset {
        value: "auto",
        label: sizes::PRESET_AUTO,
    },
    Preset {
        value: "1024x1024",
        label: sizes::PRESET_SQUARE,
    },
    Preset {
        value: "1536x1024",
        label: sizes::PRESET_LANDSCAPE,
    },
    Preset {
        value: "1024x1536",
        label: sizes::PRESET_PORTRAIT,
    },
    Preset {
        value: "2048x2048",
        label: sizes::PRESET_2K_SQUARE,
    },
    Preset {
        value: "2048x1152",
        label: sizes::PRESET_2K_WIDE,
    },
    Preset {
        value: "3840x2160",
        label: sizes::PRESET_4K_UHD,
    },
    Preset {
        value: "2160x3840",
        label: sizes::PRESET_4K_PORTRAIT,
    },
];

/// The first four presets are the ones every gpt-image model takes.
pub const STABLE_PRESETS: &[Preset] = PRESETS.split_at(4).0;

/// Why a typed size cannot be read; `message` says it in a language, `Display` in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SizeParseError {
    Empty,
    /// No `x` between the two numbers.
    NoSeparator {
        text: String,
    },
    NotWholeNumber {
        edge: &'static str,
        text: String,
    },
    Zero {
        edge: &'static str,
        text: String,
    },
    TooLarge {
        edge: &'static str,
        text: String,
    },
}

impl SizeParseError {
    pub fn message(&self, lang: Lang) -> String {
        let expected = sizes::PARSE_EXPECTED.get(lang);
        let edge_name = |edge: &str| super::rules::edge_name(edge, lang);
        match self {
            SizeParseError::Empty => tr!(lang, sizes::PARSE_EMPTY, expected = expected),
            SizeParseError::NoSeparator { text } => {
                tr!(lang, sizes::PARSE_NO_X, text = text, expected = expected)
            }
            SizeParseError::NotWholeNumber { edge, text } => tr!(
                lang,
                sizes::PARSE_NOT_NUMBER,
                edge = edge_name(edge),
                text = text,
                expected = expected
            ),
            SizeParseError::Zero { edge, text } => {
                tr!(lang, sizes::PARSE_ZERO, edge = edge_name(edge), text = text)
            }
            SizeParseError::TooLarge { edge, text } => tr!(
                lang,
                sizes::PARSE_TOO_LARGE,
                edge = edge_name(edge),
                text = text,
                max = MAX_EDGE
            ),
        }
    }
}

impl fmt::Display for SizeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Parses `auto`, `WxH`, `W×H` or `w X h`, with spaces anywhere around the numbers.
pub fn parse(text: &str) -> Result<SizeSpec, SizeParseError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("auto") {
        return Ok(SizeSpec::Auto);
    }
    if t.is_empty() {
        return Err(SizeParseError::Empty);
    }
    let mut halves = t.splitn(2, ['x', 'X', '×']);
    let (w, h) = match (halves.next(), halves.next()) {
        (Some(w), Some(h)) => (w.trim(), h.trim()),
        _ => {
            return Err(SizeParseError::NoSeparator {
                text: t.to_string(),
            })
        }
    };
    let number = |s: &str, edge: &'static str| -> Result<u32, SizeParseError> {
        let text = s.to_string();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SizeParseError::NotWholeNumber { edge, text });
        }
        // Far beyond any edge a model takes: said plainly, and no arithmetic on it can overflow.
        match s.parse::<u32>() {
            Ok(0) => Err(SizeParseError::Zero { edge, text }),
            Ok(v) if v <= MAX_PARSED_EDGE => Ok(v),
            _ => Err(SizeParseError::TooLarge { edge, text }),
        }
    };
    Ok(SizeSpec::Exact {
        width: number(w, "width")?,
        height: number(h, "height")?,
    })
}

/// The verdict on a size for a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeCheck {
    pub violations: Vec<SizeViolation>,
    /// Allowed, but above 2560x1440: slower and less consistent.
    pub experimental: bool,
}

pub fn check(size: SizeSpec, model: &str) -> SizeCheck {
    let SizeSpec::Exact { width, height } = size else {
        return SizeCheck {
            violations: Vec::new(),
            experimental: false,
        };
    };
    let mut found = violations(width, height);
    if rules_for(model) == SizeRules::StableOnly && !STABLE_SIZES.contains(&(width, height)) {
        found.push(SizeViolation::NotStable {
            model: model.trim().to_string(),
        });
    }
    SizeCheck {
        experimental: found.is_empty()
            && u64::from(width) * u64::from(height) > EXPERIMENTAL_PIXELS,
        violations: found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sizes::rules::{enforced_for, is_valid};

    #[test]
    fn parses_every_spelling() {
        let exact = SizeSpec::exact(1536, 1024);
        for text in [
            "1536x1024",
            "1536×1024",
            " 1536 X 1024 ",
            "1536 x1024",
            "w X h".replace("w", "1536").replace("h", "1024").as_str(),
        ] {
            assert_eq!(parse(text), Ok(exact), "{text}");
        }
        assert_eq!(parse(" AUTO "), Ok(SizeSpec::Auto));
        assert_eq!(exact.to_string(), "1536x1024");
        assert_eq!(exact.pixels(), Some(1_572_864));
    }

    #[test]
    fn rejects_with_what_is_expected() {
        let why = |text: &str| parse(text).unwrap_err().to_string();
        assert_eq!(
            why(""),
            "empty; expected WIDTHxHEIGHT such as 1536x1024, or auto."
        );
        assert!(why("1024").contains("no x between"));
        assert!(why("abcx10").contains("width \"abc\" is not a whole number"));
        assert!(why("10x-3").contains("height \"-3\""));
        assert_eq!(
            why("0x1024"),
            "the width must be a positive number of pixels, not 0."
        );
        assert_eq!(
            why("99999999999x2"),
            "the width 99999999999 is far too large: the longest edge gpt-image-2 makes is 3840 pixels."
        );
        assert!(why("16:9").contains("expected"));
        assert_eq!(
            parse("abcx10").unwrap_err().message(Lang::ZhCn),
            "宽度“abc”不是整数；应为 宽x高 的形式，例如 1536x1024，或 auto。"
        );
    }

    #[test]
    fn presets_are_valid_and_labelled() {
        assert_eq!(PRESETS[0].label.get(Lang::En), "Auto (model decides)");
        assert_eq!(PRESETS[0].label.get(Lang::ZhCn), "自动（由模型决定）");
        for p in PRESETS {
            for lang in Lang::ALL {
                let label = p.label.get(lang);
                assert!(p.value == "auto" || label.ends_with(&p.value.replace('x', "×")));
            }
            match parse(p.value).unwrap() {
                SizeSpec::Auto => {}
                SizeSpec::Exact { width, height } => {
                    assert!(is_valid(width, height), "{}", p.value)
                }
            }
        }
        assert_eq!(STABLE_PRESETS.len(), 4);
        assert!(STABLE_PRESETS.iter().all(|p| p.value == "auto"
            || check(parse(p.value).unwrap(), "gpt-image-1")
                .violations
                .is_empty()));
    }

    #[test]
    fn model_rules_and_experimental_flag() {
        let c = check(SizeSpec::exact(2048, 1152), "gpt-image-1.5");
        assert_eq!(
            c.violations,
            vec![SizeViolation::NotStable {
                model: "gpt-image-1.5".into()
            }]
        );
        assert!(c.violations[0]
            .to_string()
            .contains("takes only 1024x1024, 1536x1024, 1024x1536 or auto"));
        assert!(check(SizeSpec::exact(1536, 1024), "gpt-image-1-mini")
            .violations
            .is_empty());
        assert!(check(SizeSpec::exact(3840, 2160), "gpt-image-2").experimental);
        assert!(!check(SizeSpec::exact(2560, 1440), "gpt-image-2").experimental);
        assert!(!check(SizeSpec::Auto, "gpt-image-1").experimental);
        assert!(enforced_for("gpt-image-2-2026-04-21") && !enforced_for("flux-pro"));
    }
}
