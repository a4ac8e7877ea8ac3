//! Output sizes: parsing what the user typed, and the presets every gpt-image model takes.
//! (The full gpt-image-2 rule set and the ratio x tier builder grow here.)

use std::fmt;

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

/// Sizes every gpt-image model takes.
pub const STABLE_PRESETS: &[Preset] = &[
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
];

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
        s.parse::<u32>()
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| format!("the {edge} must be a positive number of pixels, not {s}."))
    };
    Ok(SizeSpec::Exact {
        width: number(w, "width")?,
        height: number(h, "height")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_spelling() {
        let exact = SizeSpec::Exact {
            width: 1536,
            height: 1024,
        };
        for text in ["1536x1024", "1536×1024", " 1536 X 1024 ", "1536 x1024"] {
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
        assert!(parse("99999999999x2").unwrap_err().contains("positive"));
    }

    #[test]
    fn presets_parse() {
        for p in STABLE_PRESETS {
            assert!(parse(p.value).is_ok(), "{}", p.value);
        }
    }
}
