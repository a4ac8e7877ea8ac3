//! The gpt-image-2 size rules: the limits, which rules a model follows, every broken rule with
//! its own message and numbers, and whether a size is valid.

use std::fmt;

use crate::i18n::{text::sizes, Lang};
use crate::models::registry::{self, SizeRule};
use crate::tr;

pub const EDGE_STEP: u32 = 16;
pub const MIN_EDGE: u32 = 16;
pub const MAX_EDGE: u32 = 3840;
/// Typed edges above this are refused while parsing (no model comes near it).
pub const MAX_PARSED_EDGE: u32 = 100_000;
pub const MAX_RATIO: f64 = 3.0;
pub const MIN_PIXELS: u64 = 655_360;
pub const MAX_PIXELS: u64 = 8_294_400;
/// Above 2560x1440 sizes are experimental: slower, less consistent.
pub const EXPERIMENTAL_PIXELS: u64 = 3_686_400;
/// The sizes every gpt-image model takes.
pub const STABLE_SIZES: [(u32, u32); 3] = [(1024, 1024), (1536, 1024), (1024, 1536)];

/// Which size rules a model follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeRules {
    /// gpt-image-2 and 2.5: any size within the rules.
    Flexible,
    /// gpt-image-1, 1.5 and 1-mini: the three stable sizes and auto.
    StableOnly,
}

/// The size rules of a model, from the registry; a model it does not know is held to
/// nothing stricter than gpt-image-2's rules (and those only as warnings, see
/// [`enforced_for`]).
pub fn rules_for(model: &str) -> SizeRules {
    match registry::lookup(model).map(|m| m.sizes) {
        Some(SizeRule::Presets) => SizeRules::StableOnly,
        Some(SizeRule::Free) | None => SizeRules::Flexible,
    }
}

/// Whether the app knows this model's rules well enough to refuse a size before sending:
/// only models of the registry.
pub fn enforced_for(model: &str) -> bool {
    registry::lookup(model).is_some()
}

/// One broken rule, with the numbers that break it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SizeViolation {
    NotMultiple { edge: &'static str, value: u32 },
    EdgeTooSmall { edge: &'static str, value: u32 },
    EdgeTooLarge { edge: &'static str, value: u32 },
    TooElongated { long: u32, short: u32 },
    TooFewPixels { pixels: u64 },
    TooManyPixels { pixels: u64 },
    NotStable { model: String },
}

impl fmt::Display for SizeViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// "width" or "height" (as the rules and the parser name an edge), in `lang`.
pub(crate) fn edge_name(edge: &str, lang: Lang) -> &'static str {
    if edge == "width" {
        sizes::WIDTH.get(lang)
    } else {
        sizes::HEIGHT.get(lang)
    }
}

impl SizeViolation {
    /// The broken rule with its numbers, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let edge_name = |edge: &str| edge_name(edge, lang);
        match self {
            SizeViolation::NotMultiple { edge, value } => tr!(
                lang,
                sizes::NOT_MULTIPLE,
                value = value,
                edge = edge_name(edge),
                down = u64::from(*value) / 16 * 16,
                up = (u64::from(*value) / 16 + 1) * 16
            ),
            SizeViolation::EdgeTooSmall { edge, value } => {
                tr!(
                    lang,
                    sizes::EDGE_TOO_SMALL,
                    edge = edge_name(edge),
                    value = value,
                    min = MIN_EDGE
                )
            }
            SizeViolation::EdgeTooLarge { edge, value } => {
                tr!(
                    lang,
                    sizes::EDGE_TOO_LARGE,
                    edge = edge_name(edge),
                    value = value,
                    max = MAX_EDGE
                )
            }
            SizeViolation::TooElongated { long, short } => tr!(
                lang,
                sizes::TOO_ELONGATED,
                long = long,
                short = short,
                ratio = format!("{:.2}", f64::from(*long) / f64::from(*short))
            ),
            SizeViolation::TooFewPixels { pixels } => tr!(
                lang,
                sizes::TOO_FEW_PIXELS,
                pixels = thousands(*pixels),
                min = thousands(MIN_PIXELS)
            ),
            SizeViolation::TooManyPixels { pixels } => tr!(
                lang,
                sizes::TOO_MANY_PIXELS,
                pixels = thousands(*pixels),
                max = thousands(MAX_PIXELS)
            ),
            SizeViolation::NotStable { model } => tr!(lang, sizes::NOT_STABLE, model = model),
        }
    }
}

/// `1234567` as `1,234,567` (grouped as `Intl` groups it, the same in both languages).
pub fn thousands(n: u64) -> String {
    crate::i18n::format::count(Lang::En, n)
}

/// Every gpt-image-2 rule the size breaks, in the order the facts sheet lists them.
pub fn violations(width: u32, height: u32) -> Vec<SizeViolation> {
    let mut out = Vec::new();
    for (edge, value) in [("width", width), ("height", height)] {
        if value % EDGE_STEP != 0 {
            out.push(SizeViolation::NotMultiple { edge, value });
        }
        if value < MIN_EDGE {
            out.push(SizeViolation::EdgeTooSmall { edge, value });
        }
        if value > MAX_EDGE {
            out.push(SizeViolation::EdgeTooLarge { edge, value });
        }
    }
    let (long, short) = (width.max(height), width.min(height));
    if u64::from(long) > 3 * u64::from(short) {
        out.push(SizeViolation::TooElongated { long, short });
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels < MIN_PIXELS {
        out.push(SizeViolation::TooFewPixels { pixels });
    }
    if pixels > MAX_PIXELS {
        out.push(SizeViolation::TooManyPixels { pixels });
    }
    out
}

pub fn is_valid(width: u32, height: u32) -> bool {
    violations(width, height).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_broken_rule_has_its_own_message_with_numbers() {
        let msgs = |w, h| {
            violations(w, h)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            msgs(1920, 1080),
            vec!["1080 is not a multiple of 16 (the height); use 1072 or 1088."]
        );
        let m = msgs(1000, 1000);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].starts_with("1000 is not a multiple of 16 (the width)"));
        let m = msgs(4000, 4000);
        assert!(m
            .iter()
            .any(|s| s == "The width 4000 is above the maximum edge of 3840."));
        assert!(m
            .iter()
            .any(|s| s.contains("16,000,000 pixels is above the maximum of 8,294,400")));
        assert_eq!(
            msgs(3840, 1008),
            vec!["3840:1008 is 3.81:1; the long edge may be at most 3 times the short edge."]
        );
        assert!(msgs(512, 512)[0].contains("262,144 pixels is below the minimum of 655,360"));
        assert!(msgs(8, 2048)
            .iter()
            .any(|s| s == "The width 8 is below the minimum edge of 16."));
        assert!(msgs(1024, 1024).is_empty());
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(655_360), "655,360");
        assert_eq!(thousands(16_000_000), "16,000,000");
    }
}
