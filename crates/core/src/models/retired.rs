//! Retired models: the warning shown before a request goes to one, with the date and what to
//! use instead. A retired model stays sendable (a gateway may still serve the name, or map
//! it); the app asks for a confirmation first while the retirement is in effect.

use super::registry::{lookup, ModelInfo, Retirement};
use crate::i18n::{text::models, Lang};
use crate::tr;

/// What the app says about a retired model and whether it asks before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetirementNotice {
    /// The retired model's id.
    pub model: &'static str,
    /// The profile's own name for it, when the request names it so.
    pub alias: Option<String>,
    pub date: &'static str,
    /// A current model to switch to (a registry id).
    pub replacement: &'static str,
    /// True once the date has come (or when today is not known): send only after the user
    /// confirms. False for a retirement still ahead: a warning only.
    pub confirm_before_sending: bool,
}

impl RetirementNotice {
    /// What the app says, in `lang`: "gpt-image-1.5 was retired on 2026-12-01; requests to it
    /// fail at OpenAI. Try gpt-image-2.5-flare" (no full stop: callers end the sentence).
    pub fn text(&self, lang: Lang) -> String {
        let subject = match &self.alias {
            Some(name) => tr!(lang, models::RETIRED_ALIAS, name = name, model = self.model),
            None => self.model.to_string(),
        };
        let text = if self.confirm_before_sending {
            models::RETIRED
        } else {
            models::WILL_RETIRE
        };
        tr!(
            lang,
            text,
            subject = subject,
            date = self.date,
            replacement = self.replacement
        )
    }
}

/// Whether `today` (`YYYY-MM-DD`) looks like an ISO date, so that comparing the strings
/// compares the dates.
fn iso_date(today: &str) -> Option<&str> {
    let b = today.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then_some(today)
}

/// The notice for `info`, or None for a model that is not retired (or unknown). `today` is
/// the local date as `YYYY-MM-DD`; None (or not a date) counts as after every retirement.
pub fn retirement_notice(info: &ModelInfo, today: Option<&str>) -> Option<RetirementNotice> {
    let entry = info.entry()?;
    let Retirement { date, replacement } = entry.retired?;
    // The replacement must itself be current; the registry's tests hold it so.
    debug_assert!(lookup(replacement).is_some_and(|m| m.retired.is_none()));
    let in_effect = today.and_then(iso_date).is_none_or(|t| t >= date);
    let alias = match info {
        ModelInfo::Alias { name, .. } => Some(name.clone()),
        _ => None,
    };
    Some(RetirementNotice {
        model: entry.id,
        alias,
        date,
        replacement,
        confirm_before_sending: in_effect,
    })
}

/// The notice for a model name without profile aliases.
pub fn retirement_notice_for(model: &str, today: Option<&str>) -> Option<RetirementNotice> {
    retirement_notice(&super::registry::resolve(model, &[]), today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::registry::{resolve, ModelAlias, MODELS};

    #[test]
    fn the_warning_names_the_date_and_a_replacement() {
        let n = retirement_notice_for("gpt-image-1.5", Some("2026-12-02")).unwrap();
        assert_eq!(
            n.text(Lang::En),
            "gpt-image-1.5 was retired on 2026-12-01; requests to it fail at OpenAI. Try gpt-image-2.5-flare"
        );
        assert!(n.confirm_before_sending);
        let n = retirement_notice_for(" GPT-Image-1 ", None).unwrap();
        assert_eq!(
            n.text(Lang::En),
            "gpt-image-1 was retired on 2026-10-23; requests to it fail at OpenAI. Try gpt-image-2.5-flare"
        );
        assert!(n.confirm_before_sending, "an unknown today asks");
    }

    #[test]
    fn a_retirement_still_ahead_only_warns() {
        let n = retirement_notice_for("gpt-image-1-mini", Some("2026-11-30")).unwrap();
        assert!(!n.confirm_before_sending);
        assert!(n
            .text(Lang::En)
            .starts_with("gpt-image-1-mini will be retired on 2026-12-01"));
        assert!(n
            .text(Lang::ZhCn)
            .starts_with("gpt-image-1-mini 将于 2026-12-01 停用"));
        // The day itself is in effect; a malformed today counts as after.
        assert!(
            retirement_notice_for("gpt-image-1-mini", Some("2026-12-01"))
                .unwrap()
                .confirm_before_sending
        );
        assert!(
            retirement_notice_for("gpt-image-1-mini", Some("1 Dec"))
                .unwrap()
                .confirm_before_sending
        );
    }

    #[test]
    fn current_and_unknown_models_have_no_notice() {
        for name in [
            "gpt-image-2",
            "gpt-image-2.5-flare",
            "gpt-image-2.5-sunburst-2026-09-08",
            "flux",
        ] {
            assert_eq!(retirement_notice_for(name, None), None, "{name}");
        }
    }

    #[test]
    fn every_retired_model_has_one_and_an_alias_says_whose() {
        for m in MODELS.iter().filter(|m| m.retired.is_some()) {
            let n = retirement_notice_for(m.id, Some("2030-01-01")).unwrap();
            let text = n.text(Lang::En);
            assert!(
                text.starts_with(&format!("{} was retired on ", m.id)),
                "{text}"
            );
            assert!(text.ends_with(n.replacement));
            assert!(n.text(Lang::ZhCn).ends_with(n.replacement));
        }
        let aliases = [ModelAlias {
            name: "old-image".into(),
            like: "gpt-image-1".into(),
            price_per_image: None,
        }];
        let n = retirement_notice(&resolve("old-image", &aliases), None).unwrap();
        assert!(n
            .text(Lang::En)
            .starts_with("old-image (this profile's name for gpt-image-1) was retired"));
        assert_eq!(
            n.text(Lang::ZhCn),
            "old-image（此配置对 gpt-image-1 的叫法） 已于 2026-10-23 停用，发给它的请求会被 OpenAI 拒绝。可改用 gpt-image-2.5-flare"
        );
    }
}
