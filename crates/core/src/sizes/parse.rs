//! Typed sizes: `SizeSpec`, the presets, parsing `WxH` or `auto`, and the verdict on a size
//! for a model (`check`), which needs both the spec and the rules.

use std::fmt;

use super::rules::{
    rules_for, violations, SizeRules, SizeViolation, EXPERIMENTAL_PIXELS, MAX_EDGE,
    MAX_PARSED_EDGE, STABLE_SIZES,
};

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

/// A preset with the label people know it by.
pub struct Preset {
    pub value: &'static str,
    pub label: &'static str,
}

pub const PRESETS: &[Preset] = &[
    Preset {
        value: "auto",
        label: "Auto (model decides)",
    },
    Preset {
        value: "1024x1024",
        label: "Square 1024×1024",
    },
    Preset {
        value: "1536x1024",
        label: "Landscape 3:2 1536×1024",
    },
    Preset {
        value: "1024x1536",
        label: "Portrait 2:3 1024×1536",
    },
    Preset {
        value: "2048x2048",
        label: "2K square 2048×2048",
    },
    Preset {
        value: "2048x1152",
        label: "16:9 2K 2048×1152",
    },
    Preset {
        value: "3840x2160",
        label: "4K UHD 3840×2160",
    },
    Preset {
        value: "2160x3840",
        label: "4K portrait 2160×3840",
    },
];

/// The first four presets are the ones every gpt-image model takes.
pub const STABLE_PRESETS: &[Preset] = PRESETS.split_at(4).0;

/// Parses `auto`, `WxH`, `W×H` or `w X h`, with spaces anywhere around the numbers.
pub fn parse(text: &str) -> Result<SizeSpec, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("auto") {
        return Ok(SizeSpec::Auto);
    }
    let expected = "expected WIDTHxHEIGHT such as 1536x1024, or auto";
    if t.is_empty() {
        return Err(format!("empty; {expected}."));
    }
    let mut halves = t.splitn(2, ['x', 'X', '×']);
    let (w, h) = match (halves.next(), halves.next()) {
        (Some(w), Some(h)) => (w.trim(), h.trim()),
        _ => {
            return Err(format!(
                "\"{t}\" has no x between width and height; {expected}."
            ))
        }
    };
    let number = |s: &str, edge: &str| -> Result<u32, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "the {edge} \"{s}\" is not a whole number; {expected}."
            ));
        }
        // Far beyond any edge a model takes: said plainly, and no arithmetic on it can overflow.
        match s.parse::<u32>() {
            Ok(0) => Err(format!("the {edge} must be a positive number of pixels, not {s}.")),
            Ok(v) if v <= MAX_PARSED_EDGE => Ok(v),
            _ => Err(format!(
                "the {edge} {s} is far too large: the longest edge gpt-image-2 makes is {MAX_EDGE} pixels."
            )),
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
        assert!(parse("").unwrap_err().contains("expected WIDTHxHEIGHT"));
        assert!(parse("1024").unwrap_err().contains("no x between"));
        assert!(parse("abcx10")
            .unwrap_err()
            .contains("width \"abc\" is not a whole number"));
        assert!(parse("10x-3").unwrap_err().contains("height \"-3\""));
        assert!(parse("0x1024").unwrap_err().contains("positive"));
        assert!(parse("99999999999x2")
            .unwrap_err()
            .contains("far too large"));
        assert!(parse("16:9").unwrap_err().contains("expected"));
    }

    #[test]
    fn presets_are_valid_and_labelled() {
        for p in PRESETS {
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
