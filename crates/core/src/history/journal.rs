//! Requests on the wire, written down before they are sent: after a reload or a crash, what
//! is still listed was interrupted and may have been billed.

use serde::{Deserialize, Serialize};

use crate::api::request::ImageParams;
use crate::i18n::text::images;
use crate::i18n::Lang;
use crate::tr;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Unique across page loads: start time and run number.
    pub id: String,
    pub started_ms: f64,
    pub params: ImageParams,
    pub base_url: String,
    /// References of an edit (their bytes are not journaled: retrying needs them again).
    #[serde(default)]
    pub references: u32,
    /// The tab that sent it (`crate::tabs`): another tab leaves it alone while that one lives.
    /// Empty in entries older than tabs, which any tab may take.
    #[serde(default)]
    pub tab: String,
}

/// The journal as stored: a JSON list. Damaged text reads as empty rather than failing.
pub fn decode(text: &str) -> Vec<JournalEntry> {
    serde_json::from_str::<Vec<serde_json::Value>>(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
}

pub fn encode(entries: &[JournalEntry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".into())
}

pub fn add(text: &str, entry: JournalEntry) -> String {
    let mut entries = decode(text);
    entries.retain(|e| e.id != entry.id);
    entries.push(entry);
    encode(&entries)
}

pub fn remove(text: &str, id: &str) -> String {
    let mut entries = decode(text);
    entries.retain(|e| e.id != id);
    encode(&entries)
}

/// "interrupted: may have been billed" line for an entry, in `lang`.
pub fn describe(entry: &JournalEntry, lang: Lang) -> String {
    use crate::api::request::WireValue;
    let p = &entry.params;
    let kind = if entry.references > 0 {
        tr!(lang, images::EDIT_OF_REFERENCES, n = entry.references)
    } else {
        images::GENERATION.get(lang).to_string()
    };
    tr!(
        lang,
        images::JOURNAL_LINE,
        kind = kind,
        model = p.model,
        size = p.size,
        quality = p.quality.as_str(),
        n = p.n,
        base_url = entry.base_url
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            started_ms: 1.0,
            params: ImageParams {
                prompt: "a fox".into(),
                ..ImageParams::default()
            },
            base_url: "http://127.0.0.1:8787/v1".into(),
            references: 0,
            tab: String::new(),
        }
    }

    #[test]
    fn add_remove_and_survive_damage() {
        let text = add("[]", entry("a"));
        let text = add(&text, entry("b"));
        let text = add(&text, entry("a"));
        assert_eq!(decode(&text).len(), 2);
        let text = remove(&text, "a");
        assert_eq!(decode(&text), vec![entry("b")]);
        assert_eq!(decode("garbage"), vec![]);
        assert_eq!(
            decode(r#"[{"id":1}, {"id":"ok","started_ms":1,"params":{},"base_url":"x"}]"#).len(),
            1
        );
        assert!(describe(&entry("a"), Lang::En).contains("generation · gpt-image-2 · auto"));
        assert_eq!(
            describe(&entry("a"), Lang::En),
            "generation · gpt-image-2 · auto · auto quality · n=1 → http://127.0.0.1:8787/v1"
        );
        assert!(
            describe(&entry("a"), Lang::ZhCn).starts_with("生成 · gpt-image-2 · auto · 质量 auto")
        );
    }
}
