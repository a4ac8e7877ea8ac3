//! Fault injection rules (`POST /__admin/faults`) and the answers they produce.

use std::collections::BTreeMap;

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::error::error_body;
use crate::state::AppState;

/// Ways a fault can alter an otherwise successful answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// `b64_json` starts with `data:image/png;base64,` (or the format's MIME type).
    PrefixedB64,
    /// Data items carry only a `url` to `/v1/__files/<id>.<ext>`, served with CORS.
    UrlOnly,
    /// Same, but the file is served without CORS headers.
    UrlOnlyNoCors,
    /// `"data": []`.
    EmptyData,
    /// 200 with a body that is not JSON.
    Garbage,
    /// A stream request answered as plain JSON.
    IgnoreStream,
    /// A 1024x1024 image and `"size":"1024x1024"` whatever was asked.
    DowngradeSize,
    /// A smaller image (at most 1.57 MP and at most half the pixels asked, same aspect: 3840x2160
    /// comes as 1672x941) while `size` echoes the size asked for, as LiteLLM answers.
    DowngradeEchoSize,
    /// Transparency asked, an opaque picture answered: RGBA with every pixel opaque, while
    /// `background` still says `transparent` (a gateway that flattens the background).
    OpaqueBackground,
    /// An edit's mask dropped: the whole picture redrawn, as without a mask.
    IgnoreMask,
    /// Connection aborted mid-answer (after the first partial event when streaming).
    DropStream,
    /// One image whatever `n` asked, as gateways that ignore `n` answer (plain and streamed).
    OneImage,
    /// 502 text/html nginx error page.
    #[serde(rename = "html_502")]
    Html502,
}

/// The body of `POST /__admin/faults`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    #[serde(rename = "match")]
    pub matches: Option<String>,
    pub times: Option<u32>,
    pub status: Option<u16>,
    pub body: Option<String>,
    pub content_type: Option<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    pub delay_ms: Option<u64>,
    pub variant: Option<Variant>,
    /// Only requests that ask for a stream, as gateways that cannot relay streams fail.
    #[serde(default)]
    pub streamed_only: bool,
}

/// A registered rule.
#[derive(Debug, Clone, Serialize)]
pub struct FaultRule {
    pub id: u64,
    #[serde(rename = "match")]
    pub matches: Option<String>,
    /// As registered: 0 = forever.
    pub times: u32,
    /// Uses left; `None` = forever.
    pub remaining: Option<u32>,
    pub status: Option<u16>,
    pub body: Option<String>,
    pub content_type: Option<String>,
    pub headers: BTreeMap<String, String>,
    pub delay_ms: u64,
    pub variant: Option<Variant>,
    pub streamed_only: bool,
    pub hits: u32,
}

impl FaultRule {
    /// Checks a spec and turns it into a rule with the given id.
    pub fn from_spec(id: u64, spec: FaultSpec) -> Result<Self, String> {
        if let Some(s) = spec.status {
            if StatusCode::from_u16(s).is_err() || s < 200 {
                return Err(format!("status {s} is not a usable HTTP status"));
            }
        }
        for (k, v) in &spec.headers {
            HeaderName::from_bytes(k.as_bytes()).map_err(|_| format!("bad header name {k:?}"))?;
            HeaderValue::from_str(v).map_err(|_| format!("bad header value for {k}"))?;
        }
        if let Some(ct) = &spec.content_type {
            HeaderValue::from_str(ct).map_err(|_| "bad content_type".to_string())?;
        }
        let times = spec.times.unwrap_or(1);
        Ok(FaultRule {
            id,
            matches: spec.matches,
            times,
            remaining: (times > 0).then_some(times),
            status: spec.status,
            body: spec.body,
            content_type: spec.content_type,
            headers: spec.headers,
            delay_ms: spec.delay_ms.unwrap_or(0),
            variant: spec.variant,
            streamed_only: spec.streamed_only,
            hits: 0,
        })
    }

    fn applies_to(&self, prompt: &str, streamed: bool) -> bool {
        self.remaining != Some(0)
            && self.matches.as_deref().is_none_or(|m| prompt.contains(m))
            && (streamed || !self.streamed_only)
    }

    /// Whether this rule replaces the answer by an error status (rather than altering it).
    pub fn is_status(&self) -> bool {
        self.status.is_some() || self.variant == Some(Variant::Html502)
    }
}

/// Consumes the first rule that matches `prompt` (and a stream, for a `streamed_only` rule)
/// and has uses left.
pub fn take(state: &AppState, prompt: &str, streamed: bool) -> Option<FaultRule> {
    let mut faults = state.faults();
    let rule = faults.iter_mut().find(|r| r.applies_to(prompt, streamed))?;
    if let Some(r) = rule.remaining.as_mut() {
        *r -= 1;
    }
    rule.hits += 1;
    Some(rule.clone())
}

pub const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n";

/// The answer of a status rule (or `html_502`).
pub fn status_response(rule: &FaultRule) -> Response {
    let (status, body, ctype) = match (rule.status, rule.variant) {
        (None, Some(Variant::Html502)) => (502, NGINX_502.to_string(), "text/html".to_string()),
        (Some(s), Some(Variant::Html502)) => (s, NGINX_502.to_string(), "text/html".to_string()),
        (s, _) => {
            let s = s.unwrap_or(500);
            let body = rule.body.clone().unwrap_or_else(|| {
                let kind = if s >= 500 {
                    "server_error"
                } else {
                    "invalid_request_error"
                };
                error_body(
                    &format!(
                        "Injected fault: HTTP {s} from local-backend fault rule {}.",
                        rule.id
                    ),
                    kind,
                    None,
                    Some("injected_fault"),
                )
                .to_string()
            });
            let ct = rule
                .content_type
                .clone()
                .unwrap_or_else(|| "application/json".to_string());
            (s, body, ct)
        }
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = (status, body).into_response();
    if let Ok(v) = HeaderValue::from_str(&ctype) {
        resp.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    add_headers(&mut resp, rule);
    resp
}

/// Adds the rule's extra headers to any answer.
pub fn add_headers(resp: &mut Response, rule: &FaultRule) {
    for (k, v) in &rule.headers {
        if let (Ok(k), Ok(v)) = (
            HeaderName::from_bytes(k.as_bytes()),
            HeaderValue::from_str(v),
        ) {
            resp.headers_mut().insert(k, v);
        }
    }
}
