//! Every word the app shows, in English and Simplified Chinese.
//!
//! A typed table rather than message files: a table entry is a `Text` constant holding both
//! languages, so a missing translation does not compile and a misspelt key does not either.
//! `tests/i18n_tables.rs` fails on an unused entry, on placeholders that differ between the two
//! languages, and on an English sentence left in a literal outside the tables.
//!
//! This is the core's lowest module: it imports nothing else from the crate.

pub mod format;
pub mod text;

use std::fmt::{Display, Write};

/// The languages the app is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `<html lang>`, `Intl`, the `language` select's values.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, as a language menu lists it.
    pub const fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// A tag as stored or chosen: exactly one of `tag()`'s values (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The browser's preference (`navigator.languages`, most wanted first): any Chinese
    /// (`zh`, `zh-TW`, `zh-Hans-CN`…) gives Simplified Chinese, anything else English.
    pub fn from_browser<S: AsRef<str>>(languages: impl IntoIterator<Item = S>) -> Lang {
        let chinese = languages.into_iter().any(|tag| {
            let primary = tag.as_ref().trim().split(['-', '_']).next().unwrap_or("");
            primary.eq_ignore_ascii_case("zh")
        });
        if chinese {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }
}

/// One table entry: the same message in both languages. `{name}` marks a placeholder, filled
/// by `fill` (or the `tr!` macro); both languages must name the same placeholders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => self.zh,
        }
    }

    /// The text in `lang` with each `{name}` replaced by its argument; a placeholder without
    /// an argument stays as written (the tests make sure none does), `{{` and `}}` are braces.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        fill_template(self.get(lang), args)
    }
}

/// `{name}` placeholders of a template, in order of appearance (for the tests).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        if rest[start..].starts_with("{{") {
            rest = &rest[start + 2..];
            continue;
        }
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        names.push(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    names
}

fn fill_template(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find(['{', '}']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let Some(after) = tail.strip_prefix('}') {
            out.push('}');
            rest = after;
            continue;
        }
        let Some(len) = tail.find('}') else {
            out.push_str(tail);
            return out;
        };
        let name = &tail[1..len];
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&tail[..=len]),
        }
        rest = &tail[len + 1..];
    }
    out.push_str(rest);
    out
}

/// `tr!(lang, table::ENTRY)` is the entry's text; `tr!(lang, table::ENTRY, w = width, h = 5)`
/// fills its placeholders (any `Display` value).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $text:expr) => {
        $text.get($lang)
    };
    ($lang:expr, $text:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $text.fill($lang, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

/// A table: `NAME: "English", "中文";` per entry. Each becomes a `pub const NAME: Text`, and
/// `ALL` lists them by name so the tests can walk every entry.
#[macro_export]
macro_rules! texts {
    ($($(#[$meta:meta])* $name:ident: $en:literal, $zh:literal;)*) => {
        $($(#[$meta])* pub const $name: $crate::i18n::Text = $crate::i18n::Text { en: $en, zh: $zh };)*
        /// Every entry of this table with its name.
        pub const ALL: &[(&str, $crate::i18n::Text)] = &[$((stringify!($name), $name)),*];
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_anywhere_in_the_list_gives_simplified_chinese() {
        assert_eq!(Lang::from_browser(["en-US", "zh-TW"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["zh"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["zh_Hans_CN"]), Lang::ZhCn);
        assert_eq!(Lang::from_browser(["en-GB", "de"]), Lang::En);
        assert_eq!(Lang::from_browser(Vec::<String>::new()), Lang::En);
        // "zu" (Zulu) and "zha" (Zhuang) are not Chinese.
        assert_eq!(Lang::from_browser(["zu", "zha"]), Lang::En);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("ZH-cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn placeholders_are_filled_by_name_and_braces_escape() {
        let text = Text {
            en: "asked {w}x{h}, got {{raw}}",
            zh: "要求 {w}x{h}，得到 {{raw}}",
        };
        assert_eq!(
            tr!(Lang::En, text, w = 3840, h = "2160"),
            "asked 3840x2160, got {raw}"
        );
        assert_eq!(
            tr!(Lang::ZhCn, text, h = 2160, w = 3840),
            "要求 3840x2160，得到 {raw}"
        );
        assert_eq!(placeholders(text.en), vec!["w", "h"]);
        assert_eq!(tr!(Lang::En, text, w = 1), "asked 1x{h}, got {raw}");
    }
}
