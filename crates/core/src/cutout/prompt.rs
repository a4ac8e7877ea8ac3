//! Which key colour to ask for, and the sentence that asks for it: the subject alone on a flat,
//! uniform key colour, so that the keyer can cut it out.

use serde::{Deserialize, Serialize};

use super::oklab::oklab;
use crate::i18n::text::images;
use crate::i18n::Lang;

/// A flat background colour the keyer removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyColour {
    /// #00FF00
    Green,
    /// #FF00FF
    Magenta,
}

impl KeyColour {
    pub const ALL: [KeyColour; 2] = [KeyColour::Green, KeyColour::Magenta];

    pub fn rgb(self) -> [u8; 3] {
        match self {
            KeyColour::Green => [0, 255, 0],
            KeyColour::Magenta => [255, 0, 255],
        }
    }

    /// The colour's English name, as the prompt sent to the model says it.
    pub fn name(self) -> &'static str {
        match self {
            KeyColour::Green => "green",
            KeyColour::Magenta => "magenta",
        }
    }

    /// The colour's name for the user, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            KeyColour::Green => images::KEY_GREEN.get(lang),
            KeyColour::Magenta => images::KEY_MAGENTA.get(lang),
        }
    }

    pub fn hex(self) -> &'static str {
        match self {
            KeyColour::Green => "#00FF00",
            KeyColour::Magenta => "#FF00FF",
        }
    }
}

/// The user's choice of key colour: picked from the prompt, or fixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyChoice {
    #[default]
    Auto,
    Green,
    Magenta,
}

impl crate::api::wire::WireValue for KeyChoice {
    fn as_str(self) -> &'static str {
        match self {
            KeyChoice::Auto => "auto",
            KeyChoice::Green => "green",
            KeyChoice::Magenta => "magenta",
        }
    }

    fn parse(value: &str) -> Option<Self> {
        [KeyChoice::Auto, KeyChoice::Green, KeyChoice::Magenta]
            .into_iter()
            .find(|k| k.as_str() == value)
    }
}

/// Colour words and things of a well-known colour, with a typical sRGB value.
const NAMED: &[(&str, [u8; 3])] = &[
    ("red", [220, 30, 30]),
    ("crimson", [220, 20, 60]),
    ("scarlet", [255, 36, 0]),
    ("maroon", [128, 0, 0]),
    ("burgundy", [128, 0, 32]),
    ("orange", [255, 140, 0]),
    ("yellow", [255, 220, 0]),
    ("gold", [212, 175, 55]),
    ("golden", [212, 175, 55]),
    ("amber", [255, 191, 0]),
    ("beige", [225, 205, 170]),
    ("brown", [130, 80, 40]),
    ("tan", [210, 180, 140]),
    ("green", [40, 170, 60]),
    ("lime", [150, 230, 0]),
    ("olive", [128, 128, 0]),
    ("emerald", [0, 155, 90]),
    ("jade", [0, 168, 107]),
    ("mint", [150, 230, 180]),
    ("teal", [0, 128, 128]),
    ("turquoise", [64, 224, 208]),
    ("cyan", [0, 220, 230]),
    ("aqua", [0, 230, 230]),
    ("blue", [30, 90, 220]),
    ("navy", [0, 0, 128]),
    ("azure", [0, 127, 255]),
    ("indigo", [75, 0, 130]),
    ("purple", [128, 0, 160]),
    ("violet", [143, 0, 255]),
    ("lavender", [181, 126, 220]),
    ("lilac", [200, 162, 200]),
    ("magenta", [255, 0, 255]),
    ("fuchsia", [255, 0, 200]),
    ("pink", [255, 105, 180]),
    ("rose", [255, 0, 127]),
    ("white", [245, 245, 245]),
    ("black", [15, 15, 15]),
    ("grey", [128, 128, 128]),
    ("gray", [128, 128, 128]),
    ("silver", [192, 192, 192]),
    // Things whose colour goes without saying.
    ("grass", [60, 160, 50]),
    ("leaf", [60, 150, 40]),
    ("leaves", [60, 150, 40]),
    ("frog", [80, 170, 50]),
    ("forest", [34, 110, 34]),
    ("flamingo", [252, 142, 172]),
    ("strawberry", [220, 40, 60]),
];

/// The sRGB colours the prompt names, in order (each word once).
pub fn named_colours(prompt: &str) -> Vec<[u8; 3]> {
    let lower = prompt.to_lowercase();
    let mut out = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        // "reddish", "greenish", "pinkish": the colour word with a suffix.
        let word = word.strip_suffix("ish").unwrap_or(word);
        let word = word
            .strip_suffix("dd")
            .map_or(word, |_| &word[..word.len() - 1]);
        if let Some((_, rgb)) = NAMED.iter().find(|(name, _)| *name == word) {
            if !out.contains(rgb) {
                out.push(*rgb);
            }
        }
    }
    out
}

/// How close the nearest colour named in the prompt comes to `key` (OKLab distance; large when
/// nothing is named).
pub fn closest_named(prompt: &str, key: KeyColour) -> f32 {
    let k = oklab(key.rgb());
    named_colours(prompt)
        .into_iter()
        .map(|c| oklab(c).distance(k))
        .fold(f32::INFINITY, f32::min)
}

/// The key colour for a prompt: the user's choice, or (Auto) whichever key is farther from
/// every colour the prompt names; green when nothing is named or on a tie.
pub fn pick_key(prompt: &str, choice: KeyChoice) -> KeyColour {
    match choice {
        KeyChoice::Green => KeyColour::Green,
        KeyChoice::Magenta => KeyColour::Magenta,
        KeyChoice::Auto => {
            let green = closest_named(prompt, KeyColour::Green);
            let magenta = closest_named(prompt, KeyColour::Magenta);
            if magenta > green {
                KeyColour::Magenta
            } else {
                KeyColour::Green
            }
        }
    }
}

/// The sentence the app adds to a prompt so the subject comes alone on a flat key colour.
pub fn key_sentence(key: KeyColour) -> String {
    let name = key.name();
    format!(
        // i18n: not shown (sent to the image model, which is asked in English)
        "Show the subject alone, whole and centred, on a perfectly flat, uniform pure {name} ({}) background that fills the entire image: no shadows, gradients, texture, vignette, floor, reflections or other objects, and no {name} anywhere on the subject.",
        key.hex()
    )
}

/// The prompt as sent for a cut-out: the user's prompt, then the key sentence.
pub fn keyed_prompt(prompt: &str, key: KeyColour) -> String {
    let p = prompt.trim_end();
    let sep = if p.is_empty() || p.ends_with(['.', '!', '?']) {
        " "
    } else {
        ". "
    };
    format!("{p}{sep}{}", key_sentence(key))
        .trim_start()
        .to_string()
}

/// Whether a prompt already asks for a flat green or magenta background (then the app does
/// not add the sentence again).
pub fn asks_for_key(prompt: &str) -> Option<KeyColour> {
    let lower = prompt.to_lowercase();
    let flat = ["background", "backdrop", "screen"]
        .iter()
        .any(|w| lower.contains(w));
    if !flat {
        return None;
    }
    // i18n: not shown (matched against the user's prompt)
    const GREEN: [&str; 4] = ["#00ff00", "green screen", "pure green", "flat green"];
    // i18n: not shown (matched against the user's prompt)
    const MAGENTA: [&str; 3] = ["#ff00ff", "pure magenta", "flat magenta"];
    if GREEN.iter().any(|k| lower.contains(k)) {
        Some(KeyColour::Green)
    } else if MAGENTA.iter().any(|k| lower.contains(k)) {
        Some(KeyColour::Magenta)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_far_from_the_subjects_colours() {
        assert_eq!(
            pick_key("a glass bottle", KeyChoice::Auto),
            KeyColour::Green
        );
        assert_eq!(
            pick_key("A green frog on a lily pad", KeyChoice::Auto),
            KeyColour::Magenta
        );
        assert_eq!(
            pick_key("a lime and emerald parrot", KeyChoice::Auto),
            KeyColour::Magenta
        );
        assert_eq!(
            pick_key("a pink flamingo", KeyChoice::Auto),
            KeyColour::Green
        );
        assert_eq!(
            pick_key("a purple, fuchsia orchid", KeyChoice::Auto),
            KeyColour::Green
        );
        assert_eq!(
            pick_key("a yellow rubber duck", KeyChoice::Auto),
            KeyColour::Magenta
        );
        assert_eq!(pick_key("a reddish fox", KeyChoice::Auto), KeyColour::Green);
        // The user's choice wins.
        assert_eq!(pick_key("a green frog", KeyChoice::Green), KeyColour::Green);
        assert_eq!(pick_key("a bottle", KeyChoice::Magenta), KeyColour::Magenta);
    }

    #[test]
    fn colour_words_are_whole_words() {
        assert_eq!(
            named_colours("Redwood, greenish tint, GOLD."),
            vec![[40, 170, 60], [212, 175, 55]]
        );
        assert!(
            named_colours("a tangerine stand").is_empty(),
            "tan inside a word is not tan"
        );
        assert_eq!(named_colours("reddish")[0], [220, 30, 30]);
    }

    #[test]
    fn the_sentence_asks_for_a_flat_key() {
        let p = keyed_prompt("A red fox", KeyColour::Green);
        assert_eq!(
            p,
            "A red fox. Show the subject alone, whole and centred, on a perfectly flat, uniform pure green (#00FF00) background that fills the entire image: no shadows, gradients, texture, vignette, floor, reflections or other objects, and no green anywhere on the subject."
        );
        assert!(keyed_prompt("A frog!", KeyColour::Magenta).starts_with("A frog! Show"));
        assert!(keyed_prompt("A frog!", KeyColour::Magenta).contains("pure magenta (#FF00FF)"));
        assert_eq!(asks_for_key(&p), Some(KeyColour::Green));
        assert_eq!(
            asks_for_key(&keyed_prompt("x", KeyColour::Magenta)),
            Some(KeyColour::Magenta)
        );
        assert_eq!(asks_for_key("a green frog"), None);
    }
}
