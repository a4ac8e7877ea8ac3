//! Endpoint profiles: several named endpoints (base URL, model, limits), one active. Pure
//! data and rules; keys are kept apart from profiles (see `state::Settings`), so a profile
//! can be stored, exported or shown without ever carrying a key.

use serde::{Deserialize, Serialize};

use crate::api::request::{DEFAULT_BASE_URL, DEFAULT_MODEL};
use crate::endpoint_check::EndpointFindings;
use crate::endpoint_options::EndpointOptions;
use crate::gateway_presets::Gateway;
use crate::i18n::{text::presets, Lang};
use crate::models::registry::ModelAlias;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub model: String,
    #[serde(default)]
    pub options: EndpointOptions,
    /// Keep this profile's key in local storage (opt-in) instead of the tab's session.
    #[serde(default)]
    pub remember_key: bool,
    /// This gateway's own model names mapped to known models' rules (`models::registry`),
    /// e.g. `gpt-image-2-all` -> gpt-image-2 at a flat price per image.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub model_aliases: Vec<ModelAlias>,
    /// What "Test this endpoint" found last (`endpoint_check`), for the base URL it tested.
    #[serde(default, skip_serializing_if = "EndpointFindings::is_empty")]
    pub endpoint_test: EndpointFindings,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileBook {
    pub profiles: Vec<Profile>,
    pub active: String,
}

pub const MAX_NAME_CHARS: usize = 40;

impl Default for ProfileBook {
    fn default() -> Self {
        ProfileBook::starting(DEFAULT_BASE_URL, DEFAULT_MODEL)
    }
}

impl ProfileBook {
    /// One profile, e.g. from the settings an older version of the app stored.
    pub fn starting(base_url: &str, model: &str) -> Self {
        let profile = Profile {
            id: "p1".into(),
            name: default_name(base_url),
            base_url: base_url.into(),
            model: model.into(),
            options: EndpointOptions::default(),
            remember_key: false,
            model_aliases: Vec::new(),
            endpoint_test: EndpointFindings::default(),
        };
        ProfileBook {
            active: profile.id.clone(),
            profiles: vec![profile],
        }
    }

    /// Reads the stored book; a damaged or empty one falls back to `fallback`.
    pub fn decode(text: &str, fallback: impl FnOnce() -> ProfileBook) -> ProfileBook {
        match serde_json::from_str::<ProfileBook>(text) {
            Ok(mut book) if !book.profiles.is_empty() => {
                if book.get(&book.active).is_none() {
                    book.active = book.profiles[0].id.clone();
                }
                for p in &mut book.profiles {
                    p.options = std::mem::take(&mut p.options).clamped();
                }
                book
            }
            _ => fallback(),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn get(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    pub fn active(&self) -> &Profile {
        self.get(&self.active).unwrap_or(&self.profiles[0])
    }

    pub fn active_mut(&mut self) -> &mut Profile {
        let i = self
            .profiles
            .iter()
            .position(|p| p.id == self.active)
            .unwrap_or(0);
        &mut self.profiles[i]
    }

    fn fresh_id(&self) -> String {
        (1..)
            .map(|i| format!("p{i}"))
            .find(|id| self.get(id).is_none())
            .unwrap_or_default()
    }

    fn unique_name(&self, wanted: &str) -> String {
        let taken = |n: &str| self.profiles.iter().any(|p| p.name == n);
        if !taken(wanted) {
            return wanted.to_string();
        }
        (2..)
            .map(|i| format!("{wanted} ({i})"))
            .find(|n| !taken(n))
            .unwrap_or_default()
    }

    /// Adds a profile for `base_url` (its limits start at the defaults), makes it active and
    /// returns its id.
    pub fn add(&mut self, base_url: &str, model: &str) -> String {
        self.add_preset(Gateway::Custom, base_url, model)
    }

    /// Adds a profile from a gateway preset: its base URL (or `current_base` for a custom
    /// one), options and name; makes it active and returns its id.
    pub fn add_preset(&mut self, gateway: Gateway, current_base: &str, model: &str) -> String {
        let id = self.fresh_id();
        let base_url = gateway
            .base_url()
            .unwrap_or(current_base)
            .trim()
            .to_string();
        let wanted = gateway
            .profile_name()
            .map_or_else(|| default_name(&base_url), str::to_string);
        let name = self.unique_name(&wanted);
        self.profiles.push(Profile {
            id: id.clone(),
            name,
            base_url,
            model: model.to_string(),
            options: gateway.options(),
            remember_key: false,
            model_aliases: Vec::new(),
            endpoint_test: EndpointFindings::default(),
        });
        self.active = id.clone();
        id
    }

    /// Points the active profile at `base_url`. A name that was made from the old host (as
    /// `add` names profiles) follows the new host; a name the user gave stays.
    pub fn set_active_base_url(&mut self, base_url: &str) {
        let (old_base, old_name) = {
            let p = self.active();
            (p.base_url.clone(), p.name.clone())
        };
        if old_base == base_url {
            return;
        }
        let made = default_name(&old_base);
        let numbered = old_name
            .strip_prefix(&made)
            .and_then(|rest| rest.strip_prefix(" ("))
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|k| k.bytes().all(|b| b.is_ascii_digit()));
        let follows_host = old_name == made || numbered;
        let active = self.active.clone();
        if follows_host {
            // Free the old name first, so it does not count against the new one.
            self.active_mut().name.clear();
            let name = self.unique_name(&default_name(base_url));
            self.active_mut().name = name;
        }
        if let Some(p) = self.profiles.iter_mut().find(|p| p.id == active) {
            p.base_url = base_url.to_string();
        }
    }

    /// Renames a profile, or says (in `lang`) why the name cannot be used.
    pub fn rename(&mut self, id: &str, name: &str, lang: Lang) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(presets::PROFILE_NAME_MISSING.get(lang).into());
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(crate::tr!(
                lang,
                presets::PROFILE_NAME_TOO_LONG,
                max = MAX_NAME_CHARS
            ));
        }
        if self.profiles.iter().any(|p| p.id != id && p.name == name) {
            return Err(crate::tr!(lang, presets::PROFILE_NAME_TAKEN, name = name));
        }
        let p = self
            .profiles
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(presets::PROFILE_GONE.get(lang))?;
        p.name = name.to_string();
        Ok(())
    }

    /// Deletes a profile; the last one cannot be deleted (said in `lang`).
    pub fn delete(&mut self, id: &str, lang: Lang) -> Result<(), String> {
        if self.profiles.len() <= 1 {
            return Err(presets::PROFILE_LAST.get(lang).into());
        }
        self.profiles.retain(|p| p.id != id);
        if self.get(&self.active).is_none() {
            self.active = self.profiles[0].id.clone();
        }
        Ok(())
    }

    /// The profile whose base URL is `base_url`, if any.
    pub fn find_by_base(&self, base_url: &str) -> Option<&Profile> {
        let wanted = same_endpoint(base_url);
        self.profiles
            .iter()
            .find(|p| same_endpoint(&p.base_url) == wanted)
    }
}

/// Base URLs that differ only by a trailing slash or spaces are the same endpoint.
pub fn same_endpoint(base_url: &str) -> String {
    base_url.trim().trim_end_matches('/').to_string()
}

/// "api.openai.com" for `https://api.openai.com/v1`.
pub fn default_name(base_url: &str) -> String {
    let rest = base_url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        "Endpoint".into()
    } else {
        host.chars().take(MAX_NAME_CHARS).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_made_from_the_host_follows_the_base_url() {
        let mut book = ProfileBook::default();
        assert_eq!(book.active().name, "api.openai.com");
        book.set_active_base_url("https://gw.example.cn/v1");
        assert_eq!(book.active().name, "gw.example.cn");
        assert_eq!(book.active().base_url, "https://gw.example.cn/v1");
        // Another profile holds the host's name: a number is added, and that one follows too.
        book.add("http://127.0.0.1:8787/v1", "gpt-image-2");
        book.set_active_base_url("https://gw.example.cn/v2");
        assert_eq!(book.active().name, "gw.example.cn (2)");
        book.set_active_base_url("https://relay.example/v1");
        assert_eq!(book.active().name, "relay.example");
        // A name the user chose stays whatever the URL becomes.
        let id = book.active.clone();
        book.rename(&id, "My relay", Lang::En).unwrap();
        book.set_active_base_url("https://other.example/v1");
        assert_eq!(book.active().name, "My relay");
    }

    #[test]
    fn add_switch_rename_delete() {
        let mut book = ProfileBook::default();
        assert_eq!(book.active().name, "api.openai.com");
        let id = book.add("http://127.0.0.1:8787/v1", "gpt-image-2");
        assert_eq!(book.active().id, id);
        assert_eq!(book.active().name, "127.0.0.1:8787");
        let again = book.add("http://127.0.0.1:8787/v1/", "gpt-image-2");
        assert_eq!(book.get(&again).unwrap().name, "127.0.0.1:8787 (2)");
        assert!(book.rename(&again, "  ", Lang::En).is_err());
        assert!(book
            .rename(&again, "127.0.0.1:8787", Lang::En)
            .unwrap_err()
            .contains("already"));
        book.rename(&again, "Local", Lang::En).unwrap();
        assert_eq!(
            book.find_by_base("http://127.0.0.1:8787/v1").unwrap().id,
            id
        );
        book.delete(&again, Lang::En).unwrap();
        assert_eq!(
            book.active, "p1",
            "the first remaining profile becomes active"
        );
        book.delete(&id, Lang::En).unwrap();
        assert!(book.delete("p1", Lang::En).is_err(), "the last one stays");
        assert_eq!(
            book.delete("p1", Lang::ZhCn),
            Err("不能删除最后一个配置，请改为编辑它。".to_string())
        );
    }

    #[test]
    fn a_preset_fills_base_url_options_and_name() {
        let mut book = ProfileBook::default();
        let id = book.add_preset(Gateway::LiteLlm, "https://api.openai.com/v1", "gpt-image-2");
        let p = book.get(&id).unwrap();
        assert_eq!(book.active, id);
        assert_eq!(
            (p.name.as_str(), p.base_url.as_str()),
            ("LiteLLM", "http://localhost:4000/v1")
        );
        assert_eq!(p.options, Gateway::LiteLlm.options());
        assert_eq!(p.model, "gpt-image-2");
        let again = book.add_preset(Gateway::LiteLlm, "", "gpt-image-2");
        assert_eq!(book.get(&again).unwrap().name, "LiteLLM (2)");
        // A name the preset gave stays when its stand-in host is replaced.
        book.add_preset(Gateway::Sub2api, "", "gpt-image-2");
        book.set_active_base_url("https://img.mine.example/v1");
        assert_eq!(book.active().name, "sub2api");
        // Custom keeps the endpoint already entered, named after its host.
        let custom = book.add_preset(Gateway::Custom, " http://127.0.0.1:8787/v1 ", "m");
        let p = book.get(&custom).unwrap();
        assert_eq!(
            (p.name.as_str(), p.base_url.as_str()),
            ("127.0.0.1:8787", "http://127.0.0.1:8787/v1")
        );
        assert_eq!(p.options, EndpointOptions::default());
        // Findings are stored with the profile, and an untested one stores none.
        assert!(!book.encode().contains("endpoint_test"));
        book.active_mut().endpoint_test.record(
            "http://127.0.0.1:8787/v1",
            vec![crate::endpoint_check::Finding::new(
                crate::endpoint_check::Check::Size,
                crate::endpoint_check::Verdict::SizeUnread,
            )],
        );
        let back = ProfileBook::decode(&book.encode(), ProfileBook::default);
        assert_eq!(back, book);
        assert_eq!(back.active().endpoint_test.findings.len(), 1);
    }

    #[test]
    fn stored_books_are_repaired_or_replaced() {
        let fallback = || ProfileBook::starting("https://gw.example/v1", "m");
        assert_eq!(
            ProfileBook::decode("junk", fallback).active().name,
            "gw.example"
        );
        let empty = r#"{"profiles":[],"active":"p1"}"#;
        assert_eq!(ProfileBook::decode(empty, fallback).profiles.len(), 1);
        let dangling = r#"{"profiles":[{"id":"p9","name":"A","base_url":"u","model":"m","options":{"max_per_request":50}}],"active":"p1"}"#;
        let book = ProfileBook::decode(dangling, fallback);
        assert_eq!(book.active, "p9");
        assert_eq!(book.active().options.max_per_request, 10);
        let round = ProfileBook::decode(&book.encode(), fallback);
        assert_eq!(round, book);
    }

    #[test]
    fn model_aliases_are_kept_and_older_books_read() {
        let mut book = ProfileBook::default();
        let old = book.encode();
        assert!(
            !old.contains("model_aliases"),
            "an empty list is not stored"
        );
        book.active_mut().model_aliases.push(ModelAlias {
            name: "gpt-image-2-all".into(),
            like: "gpt-image-2".into(),
            price_per_image: Some(0.02),
        });
        let back = ProfileBook::decode(&book.encode(), ProfileBook::default);
        assert_eq!(back, book);
        let info =
            crate::models::registry::resolve("gpt-image-2-all", &back.active().model_aliases);
        assert_eq!(info.entry().map(|e| e.id), Some("gpt-image-2"));
        assert_eq!(
            ProfileBook::decode(&old, ProfileBook::default)
                .active()
                .model_aliases,
            vec![]
        );
    }
}
