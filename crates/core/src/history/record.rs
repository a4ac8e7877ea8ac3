//! One stored result: everything about how it was made, never the key. Stored as JSON
//! beside the image Blob; `v` is the schema version, and [`decode`] reads every version this
//! app ever wrote.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::request::ImageParams;
use crate::api::response::Usage;
use crate::i18n::text::images;
use crate::i18n::Lang;
use crate::tr;

/// The version [`ImageRecord`] is written with.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageRecord {
    pub v: u32,
    /// Sortable and unique: creation time, then run, request and image numbers.
    pub id: String,
    pub created_ms: f64,
    /// The request as sent (its `n` is that request's).
    pub params: ImageParams,
    /// Where it was sent. Never the key.
    pub base_url: String,
    #[serde(default)]
    pub revised_prompt: Option<String>,
    #[serde(default)]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub elapsed_ms: f64,
    #[serde(default)]
    pub request_id: Option<String>,
    pub mime: String,
    #[serde(default)]
    pub width: u32,
    #[serde(default)]
    pub height: u32,
    /// Size of the stored Blob; 0 when only a link could be kept.
    #[serde(default)]
    pub bytes: u64,
    /// A link the browser may not read (CORS); kept when the bytes could not be.
    #[serde(default)]
    pub link: Option<String>,
    /// Number of references of an edit (0 = a generation).
    #[serde(default)]
    pub references: u32,
    /// Set on an image made here from a result, e.g. "image 1 kept outside the mask
    /// (feather 8 px)"; the raw result is stored beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
    /// When `link` stops working (a task gateway's result links live 24 hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_expires_ms: Option<f64>,
}

/// Why a stored record cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    NotJson,
    Newer { version: u32 },
    Invalid(String),
}

impl RecordError {
    /// Why, in `lang` (a damaged item's details are serde's, in English).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RecordError::NotJson => images::RECORD_NOT_JSON.get(lang).to_string(),
            RecordError::Newer { version } => {
                tr!(lang, images::RECORD_NEWER, version = version)
            }
            RecordError::Invalid(why) => tr!(lang, images::RECORD_DAMAGED, why = why),
        }
    }
}

/// The English sentence.
impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The id of image `index` of request `request` of run `run`, made at `created_ms`.
pub fn record_id(created_ms: f64, run: u64, request: usize, index: usize) -> String {
    format!(
        "{:015}-{run:04}-{request:02}-{index:02}",
        created_ms.max(0.0) as u64
    )
}

pub fn encode(record: &ImageRecord) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

/// Reads a stored record of any schema version up to [`SCHEMA_VERSION`].
pub fn decode(text: &str) -> Result<ImageRecord, RecordError> {
    let value: Value = serde_json::from_str(text).map_err(|_| RecordError::NotJson)?;
    let version = value.get("v").and_then(Value::as_u64).unwrap_or(0) as u32;
    if version > SCHEMA_VERSION {
        return Err(RecordError::Newer { version });
    }
    // Version 1 is the first schema; a future version 2 migrates here from `value`.
    serde_json::from_value(value).map_err(|e| RecordError::Invalid(e.to_string()))
}

impl ImageRecord {
    /// "gpt-image-2 · 1024x1024 · low · 6.2 s", in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        use crate::api::request::WireValue;
        let mut parts = vec![self.params.model.clone()];
        if self.width > 0 {
            parts.push(format!("{}x{}", self.width, self.height));
        } else {
            parts.push(self.params.size.clone());
        }
        parts.push(self.params.quality.as_str().to_string());
        if self.references > 0 {
            parts.push(tr!(lang, images::EDIT_OF, n = self.references));
        }
        if let Some(derived) = &self.derived {
            parts.push(derived.clone());
        }
        if self.elapsed_ms > 0.0 {
            parts.push(tr!(
                lang,
                images::SECONDS,
                secs = format!("{:.1}", self.elapsed_ms / 1000.0)
            ));
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::request::Quality;

    pub fn sample() -> ImageRecord {
        ImageRecord {
            v: SCHEMA_VERSION,
            id: record_id(1_763_700_000_000.0, 3, 0, 1),
            created_ms: 1_763_700_000_000.0,
            params: ImageParams {
                prompt: "a fox".into(),
                quality: Quality::Low,
                ..ImageParams::default()
            },
            base_url: "https://api.openai.com/v1".into(),
            revised_prompt: Some("A red fox".into()),
            usage: None,
            elapsed_ms: 6_200.0,
            request_id: Some("req_1".into()),
            mime: "image/png".into(),
            width: 1024,
            height: 1024,
            bytes: 123_456,
            link: None,
            references: 0,
            derived: None,
            link_expires_ms: None,
        }
    }

    #[test]
    fn round_trip_and_ids_sort_by_time() {
        let r = sample();
        assert_eq!(decode(&encode(&r)), Ok(r.clone()));
        assert!(record_id(999.0, 1, 0, 0) < record_id(1000.0, 1, 0, 0));
        assert!(record_id(1000.0, 1, 0, 9) < record_id(1000.0, 1, 1, 0));
        assert_eq!(r.summary(Lang::En), "gpt-image-2 · 1024x1024 · low · 6.2 s");
        let edit = ImageRecord {
            references: 2,
            ..r.clone()
        };
        assert_eq!(
            edit.summary(Lang::ZhCn),
            "gpt-image-2 · 1024x1024 · low · 编辑 2 张参考图 · 6.2 秒"
        );
    }

    #[test]
    fn a_minimal_version_1_record_reads_with_defaults() {
        let text = r#"{"v":1,"id":"x","created_ms":1,"params":{"prompt":"p"},"base_url":"b","mime":"image/png"}"#;
        let r = decode(text).unwrap();
        assert_eq!(r.params.prompt, "p");
        assert_eq!(r.params.model, "gpt-image-2");
        assert_eq!((r.width, r.bytes, r.references), (0, 0, 0));
    }

    #[test]
    fn newer_damaged_and_foreign_records_are_refused_not_crashed() {
        assert_eq!(
            decode(r#"{"v":7,"id":"x"}"#),
            Err(RecordError::Newer { version: 7 })
        );
        assert!(matches!(
            decode(r#"{"v":1,"id":"x"}"#),
            Err(RecordError::Invalid(_))
        ));
        assert_eq!(decode("not json"), Err(RecordError::NotJson));
        assert_eq!(
            RecordError::Newer { version: 7 }.to_string(),
            "a stored item was written by a newer version of this app (schema 7); reload to update"
        );
        assert!(decode(
            r#"{"v":1,"id":"x","created_ms":1,"params":{"n":"two"},"base_url":"b","mime":"m"}"#
        )
        .is_err());
    }

    #[test]
    fn no_key_can_be_stored() {
        let text = encode(&sample());
        for word in ["key", "authorization", "bearer", "sk-"] {
            assert!(
                !text.to_ascii_lowercase().contains(word),
                "{word} in {text}"
            );
        }
    }
}
