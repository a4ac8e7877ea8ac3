//! Which key may go to which base URL. A key is kept per profile together with the base URL it
//! was entered for, and is handed out only for that base URL: a link or a typed URL that points
//! elsewhere never receives it. The app stores these maps (session or local storage); the rules
//! are here so they are tested without a browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::profiles::same_endpoint;

/// A key and the base URL (as `same_endpoint` spells it) it was entered for.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BoundKey {
    pub base: String,
    pub key: String,
}

// Never print a key: logs and panics must not carry it.
impl std::fmt::Debug for BoundKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoundKey")
            .field("base", &self.base)
            .field("key", &"<hidden>")
            .finish()
    }
}

/// `{profile id: bound key}`, as stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyMap(BTreeMap<String, BoundKey>);

impl KeyMap {
    /// Reads a stored map; anything unreadable is an empty map (the user enters the key again).
    pub fn decode(text: &str) -> Self {
        KeyMap(serde_json::from_str(text).unwrap_or_default())
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".into())
    }

    /// The key of `profile_id`, only if it was entered for `base_url`.
    pub fn key_for(&self, profile_id: &str, base_url: &str) -> Option<&str> {
        self.0
            .get(profile_id)
            .filter(|k| k.base == same_endpoint(base_url))
            .map(|k| k.key.as_str())
    }

    /// Binds `key` (trimmed) to `base_url` for `profile_id`; an empty key forgets it.
    pub fn set(&mut self, profile_id: &str, base_url: &str, key: &str) {
        let key = key.trim();
        if key.is_empty() {
            self.0.remove(profile_id);
        } else {
            self.0.insert(
                profile_id.to_string(),
                BoundKey {
                    base: same_endpoint(base_url),
                    key: key.to_string(),
                },
            );
        }
    }

    pub fn remove(&mut self, profile_id: &str) -> Option<BoundKey> {
        self.0.remove(profile_id)
    }

    pub fn insert(&mut self, profile_id: &str, bound: BoundKey) {
        self.0.insert(profile_id.to_string(), bound);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_goes_only_to_the_base_url_it_was_entered_for() {
        let mut m = KeyMap::default();
        m.set("p1", "https://api.openai.com/v1/", "  sk-1 ");
        assert_eq!(m.key_for("p1", "https://api.openai.com/v1"), Some("sk-1"));
        assert_eq!(
            m.key_for("p1", " https://api.openai.com/v1/ "),
            Some("sk-1")
        );
        assert_eq!(m.key_for("p1", "https://evil.example/v1"), None);
        assert_eq!(m.key_for("p2", "https://api.openai.com/v1"), None);
    }

    #[test]
    fn an_empty_key_forgets_and_damaged_maps_read_empty() {
        let mut m = KeyMap::default();
        m.set("p1", "http://a/v1", "k");
        m.set("p1", "http://a/v1", "   ");
        assert_eq!(m.key_for("p1", "http://a/v1"), None);
        assert_eq!(KeyMap::decode("not json"), KeyMap::default());
    }

    #[test]
    fn round_trip_and_debug_hides_the_key() {
        let mut m = KeyMap::default();
        m.set("p1", "http://a/v1", "sk-secret");
        let back = KeyMap::decode(&m.encode());
        assert_eq!(back, m);
        assert!(!format!("{m:?}").contains("sk-secret"));
    }
}
