//! A profile's own model names as the user writes them, one per line:
//! `gpt-image-2-all = gpt-image-2` or, with the flat price the gateway bills per image,
//! `gpt-image-2-all = gpt-image-2, $0.02`.

use super::registry::{lookup, normalize, ModelAlias};
use crate::i18n::{text::models, Lang};
use crate::tr;

/// The lines for `aliases`, in the form [`parse_aliases`] reads.
pub fn format_aliases(aliases: &[ModelAlias]) -> String {
    aliases
        .iter()
        .map(|a| match a.price_per_image {
            Some(p) => format!("{} = {}, ${p}", a.name, a.like),
            None => format!("{} = {}", a.name, a.like),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the lines; blank lines are skipped. Every line that cannot be read is named with
/// the reason (in `lang`), and nothing is taken until all can.
pub fn parse_aliases(text: &str, lang: Lang) -> Result<Vec<ModelAlias>, Vec<String>> {
    let mut aliases: Vec<ModelAlias> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = i + 1;
        let Some((name, rest)) = line.split_once('=') else {
            problems.push(tr!(lang, models::ALIAS_FORM, at = at));
            continue;
        };
        let (name, rest) = (name.trim(), rest.trim());
        let (like, price) = match rest.split_once(',') {
            Some((like, price)) => (like.trim(), Some(price.trim())),
            None => (rest, None),
        };
        if name.is_empty() {
            problems.push(tr!(lang, models::ALIAS_NO_NAME, at = at));
            continue;
        }
        if lookup(name).is_some() {
            problems.push(tr!(lang, models::ALIAS_KNOWN, at = at, name = name));
            continue;
        }
        let Some(entry) = lookup(like) else {
            problems.push(tr!(lang, models::ALIAS_UNKNOWN_MODEL, at = at, like = like));
            continue;
        };
        let price_per_image = match price {
            None => None,
            Some(p) => match p.trim_start_matches('$').trim().parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
                _ => {
                    problems.push(tr!(lang, models::ALIAS_BAD_PRICE, at = at, price = p));
                    continue;
                }
            },
        };
        if aliases
            .iter()
            .any(|a| normalize(&a.name) == normalize(name))
        {
            problems.push(tr!(lang, models::ALIAS_TWICE, at = at, name = name));
            continue;
        }
        aliases.push(ModelAlias {
            name: name.to_string(),
            like: entry.id.to_string(),
            price_per_image,
        });
    }
    if problems.is_empty() {
        Ok(aliases)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::registry::{resolve, ModelInfo};

    #[test]
    fn lines_become_aliases_and_back() {
        let aliases = parse_aliases(
            "gpt-image-2-all = gpt-image-2, $0.02\n\n  flare-cheap=GPT-Image-2.5-Flare-2026-09-08 ",
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            aliases,
            [
                ModelAlias {
                    name: "gpt-image-2-all".into(),
                    like: "gpt-image-2".into(),
                    price_per_image: Some(0.02)
                },
                ModelAlias {
                    name: "flare-cheap".into(),
                    like: "gpt-image-2.5-flare".into(),
                    price_per_image: None
                },
            ]
        );
        assert_eq!(
            format_aliases(&aliases),
            "gpt-image-2-all = gpt-image-2, $0.02\nflare-cheap = gpt-image-2.5-flare"
        );
        assert_eq!(
            parse_aliases(&format_aliases(&aliases), Lang::En).unwrap(),
            aliases
        );
        match resolve("gpt-image-2-all", &aliases) {
            ModelInfo::Alias {
                entry,
                price_per_image,
                ..
            } => {
                assert_eq!((entry.id, price_per_image), ("gpt-image-2", Some(0.02)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_bad_line_is_named() {
        let problems = parse_aliases("x\n= gpt-image-2\ngpt-image-2 = gpt-image-2\na = nope\nb = gpt-image-2, cheap\nc = gpt-image-2\nc = gpt-image-2.5-flare", Lang::En).unwrap_err();
        assert_eq!(
            problems,
            [
                "Line 1: write it as \"gateway-name = known-model\", e.g. gpt-image-2-all = gpt-image-2.",
                "Line 2: the gateway's model name is missing before \"=\".",
                "Line 3: gpt-image-2 is a known model already; its own rules apply.",
                "Line 4: \"nope\" is not a model the app knows (e.g. gpt-image-2, gpt-image-2.5-flare).",
                "Line 5: \"cheap\" is not a price per image in US dollars, e.g. $0.02.",
                "Line 7: c is named twice.",
            ]
        );
        assert_eq!(parse_aliases(" \n", Lang::En), Ok(vec![]));
        assert_eq!(
            parse_aliases("a = nope\nx", Lang::ZhCn).unwrap_err(),
            [
                "第 1 行：“nope”不是本应用已知的模型（例如 gpt-image-2、gpt-image-2.5-flare）。",
                "第 2 行：请写成“网关名称 = 已知模型”，例如 gpt-image-2-all = gpt-image-2。",
            ]
        );
    }
}
