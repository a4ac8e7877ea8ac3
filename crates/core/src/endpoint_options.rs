//! Per-endpoint request options: how many images one request may ask for, how many requests
//! run at once, the timeout, retries, and the format of image 1 beside a mask. Pure data;
//! stored per base URL.

use serde::{Deserialize, Serialize};

use crate::api::retry::{DEFAULT_SERVER_RETRIES, MAX_SERVER_RETRIES};

use crate::api::request::MAX_N;
use crate::i18n::{text::endpoint, Lang};
use crate::tasks::dialect::TaskDialectSetting;
use crate::tr;

/// Some gateways take only n=1; above the limit, n is split into parallel requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EndpointOptions {
    /// 1..=10; 10 means n is always sent natively.
    pub max_per_request: u8,
    /// Requests of one run in flight at once.
    pub parallel: u8,
    /// Seconds; None = from quality and size (facts sheet).
    pub timeout_secs: Option<u64>,
    /// An async task gateway: generations answer a task to poll; references go as public
    /// URLs and the size as ratio + resolution (`crate::tasks`).
    pub task_gateway: bool,
    /// With `task_gateway`: which dialect the gateway speaks (`crate::tasks::dialect`);
    /// stores from before it read as "recognise from the answer".
    pub task_dialect: TaskDialectSetting,
    /// How often a 5xx answer is sent again by itself (`api::retry`); 0 = never.
    pub server_retries: u8,
    /// With a mask, send image 1 as PNG too, for gateways whose docs ask for the mask's
    /// format (OpenAI does not): at the usual long edge, within the 50 MB per image the spec
    /// allows instead of the byte budget (`prep::mask`).
    pub image_png_with_mask: bool,
    /// Whether this endpoint relays image streams, as learned from its answers.
    pub streaming: StreamSupport,
    /// The multipart field name of the edit images.
    pub edit_image_field: EditImageField,
    /// A gateway's own cap on references per edit, below the model's (None: the model's).
    pub max_references: Option<u8>,
}

/// What an endpoint did with `stream: true`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StreamSupport {
    /// Not seen yet: a stream is tried when asked for.
    #[default]
    Untested,
    /// A streamed request was answered with events.
    Works,
    /// A streamed request failed before its first event and worked without streaming, so
    /// requests go without `stream` until the user tests again.
    Refused,
}

/// How edit images are named in the multipart body: OpenAI's `image[]`, or `image` (repeated)
/// where a gateway's form parser wants that.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditImageField {
    #[default]
    Brackets,
    Plain,
}

impl EditImageField {
    pub fn name(self) -> &'static str {
        match self {
            EditImageField::Brackets => "image[]",
            EditImageField::Plain => "image",
        }
    }
}

/// The most references any gateway cap may say (the highest model cap).
pub const MAX_REFERENCES_CAP: u8 = 16;

pub const DEFAULT_PARALLEL: u8 = 4;
pub const MAX_PARALLEL: u8 = 10;
/// Shorter timeouts would give up on requests that usually succeed.
pub const MIN_TIMEOUT_SECS: u64 = 5;
pub const MAX_TIMEOUT_SECS: u64 = 3_600;

impl Default for EndpointOptions {
    fn default() -> Self {
        EndpointOptions {
            max_per_request: MAX_N,
            parallel: DEFAULT_PARALLEL,
            timeout_secs: None,
            task_gateway: false,
            task_dialect: TaskDialectSetting::default(),
            server_retries: DEFAULT_SERVER_RETRIES as u8,
            image_png_with_mask: false,
            streaming: StreamSupport::Untested,
            edit_image_field: EditImageField::Brackets,
            max_references: None,
        }
    }
}

impl EndpointOptions {
    /// Values out of range (an old or hand-edited store) are brought back into range.
    pub fn clamped(self) -> Self {
        EndpointOptions {
            max_per_request: self.max_per_request.clamp(1, MAX_N),
            parallel: self.parallel.clamp(1, MAX_PARALLEL),
            timeout_secs: self
                .timeout_secs
                .map(|t| t.clamp(MIN_TIMEOUT_SECS, MAX_TIMEOUT_SECS)),
            task_gateway: self.task_gateway,
            server_retries: self.server_retries.min(MAX_SERVER_RETRIES as u8),
            max_references: self.max_references.map(|m| m.clamp(1, MAX_REFERENCES_CAP)),
            ..self
        }
    }
}

/// Reads a whole-number setting typed by the user, or says in `lang` what is expected
/// (`what` names the setting in `lang`).
pub fn parse_setting(
    text: &str,
    what: &str,
    min: u64,
    max: u64,
    lang: Lang,
) -> Result<u64, String> {
    let t = text.trim();
    match t.parse::<u64>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(tr!(
            lang,
            endpoint::OPTION_NUMBER,
            what = what,
            min = min,
            max = max,
            text = t
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_are_clamped_and_missing_ones_defaulted() {
        let o: EndpointOptions = serde_json::from_str(r#"{"max_per_request":0}"#).unwrap();
        assert_eq!(o.clone().clamped().max_per_request, 1);
        assert_eq!(o.parallel, DEFAULT_PARALLEL);
        let o = EndpointOptions {
            max_per_request: 99,
            parallel: 0,
            timeout_secs: Some(1),
            task_gateway: true,
            server_retries: 9,
            image_png_with_mask: true,
            ..EndpointOptions::default()
        }
        .clamped();
        assert!(o.image_png_with_mask);
        assert_eq!(o.server_retries, MAX_SERVER_RETRIES as u8);
        assert_eq!(
            (
                o.max_per_request,
                o.parallel,
                o.timeout_secs,
                o.task_gateway
            ),
            (10, 1, Some(5), true)
        );
        // Books stored before the option existed read as "not a task gateway".
        let old: EndpointOptions = serde_json::from_str(r#"{"parallel":2}"#).unwrap();
        assert!(!old.task_gateway);
        let old_task: EndpointOptions = serde_json::from_str(r#"{"task_gateway":true}"#).unwrap();
        assert!(old_task.task_gateway);
        assert_eq!(
            old_task.task_dialect,
            TaskDialectSetting::default(),
            "auto: classic unless the answer says otherwise"
        );
        assert!(
            !old.image_png_with_mask,
            "image 1 keeps its usual format by default"
        );
        assert_eq!(u32::from(old.server_retries), DEFAULT_SERVER_RETRIES);
    }

    #[test]
    fn typed_settings() {
        assert_eq!(parse_setting(" 12 ", "Timeout", 5, 3600, Lang::En), Ok(12));
        let e = parse_setting("1.5", "Timeout", 5, 3600, Lang::En).unwrap_err();
        assert!(e.contains("whole number from 5 to 3600"), "{e}");
        assert!(parse_setting("4", "Timeout", 5, 3600, Lang::En).is_err());
        assert_eq!(
            parse_setting("x", "超时时间", 5, 3600, Lang::ZhCn).unwrap_err(),
            "超时时间必须是 5 到 3600 之间的整数，而不是“x”。"
        );
    }
}
