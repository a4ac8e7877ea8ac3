//! The one error type of the HTTP client. Every variant says what happened in terms a user can
//! act on; classification from status and body is pure and tested natively.

use serde_json::Value;

use crate::i18n::{
    text::{errors, requests, tasks},
    Lang,
};
use crate::tr;

use super::request::ParamError;
use super::response::{snippet, ResponseError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The form cannot be sent as it is; nothing left the browser.
    Invalid(String),
    /// 400: a parameter the endpoint refused.
    BadRequest {
        message: String,
        param: Option<String>,
    },
    /// 401: the key is missing, wrong, or for another endpoint.
    Unauthorized { message: String },
    /// 403: usually the moderation system.
    Forbidden { message: String },
    /// 413: the body exceeded a size limit, often a proxy's.
    TooLarge,
    /// 429: rate limit or exhausted balance.
    RateLimited {
        message: String,
        retry_after_secs: Option<u64>,
    },
    /// 5xx answered in JSON or text.
    Server { status: u16, message: String },
    /// 503 with `Retry-After`: the endpoint did not take the request and says when to come back.
    Unavailable {
        message: String,
        retry_after_secs: u64,
    },
    /// Any status answered with an HTML page (a proxy, a CDN, a login wall).
    HtmlPage { status: u16, title: String },
    /// Other 4xx statuses.
    Http { status: u16, message: String },
    /// fetch failed without an answer after the request may have reached the endpoint (the
    /// connection broke, or it cannot be told): it may be billed.
    Network { base_url: String, detail: String },
    /// No connection could be made (refused, DNS, mixed content): nothing was sent.
    Unreachable { base_url: String, detail: String },
    /// The browser's CORS check refused the endpoint before the request went out.
    CorsBlocked { base_url: String },
    /// The browser is offline: the app works, generating does not.
    Offline,
    /// No answer within the time limit; the server may still finish and bill.
    Timeout { secs: u64 },
    /// The user cancelled; the server may still finish and bill.
    Cancelled,
    /// A 2xx answer that does not hold images.
    BadAnswer(ResponseError),
    /// A stream sent `event: error` or an error payload.
    StreamError { message: String },
    /// A stream ended or broke before its final image; the server may still bill it.
    StreamCut { partials: u32 },
    /// A task gateway reported that the task failed (`error.code`, `error.message`).
    TaskFailed {
        task_id: String,
        code: Option<String>,
        message: String,
    },
    /// A task gateway's answer that cannot be understood.
    BadTask(TaskAnswerError),
    /// A result link this page could not read (CORS or network): the link is kept.
    LinkUnreadable { url: String, detail: String },
}

impl From<ParamError> for ApiError {
    fn from(e: ParamError) -> Self {
        ApiError::Invalid(e.to_string())
    }
}

impl From<ResponseError> for ApiError {
    fn from(e: ResponseError) -> Self {
        ApiError::BadAnswer(e)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl ApiError {
    /// What happened and what to do, in `lang` (the endpoint's own words stay as it sent them).
    pub fn message(&self, lang: Lang) -> String {
        // A gateway's exception chain in one sentence; the raw text is in `details`.
        let shown = |message: &str| super::gateway_text::shown(message, lang);
        match self {
            ApiError::Invalid(why) => why.clone(),
            ApiError::BadRequest {
                message,
                param: Some(param),
            } => {
                tr!(
                    lang,
                    errors::BAD_REQUEST_PARAM,
                    param = param,
                    message = shown(message)
                )
            }
            ApiError::BadRequest {
                message,
                param: None,
            } => {
                tr!(lang, errors::BAD_REQUEST, message = shown(message))
            }
            ApiError::Unauthorized { message } => {
                tr!(lang, errors::UNAUTHORIZED, message = shown(message))
            }
            ApiError::Forbidden { message } => {
                tr!(lang, errors::FORBIDDEN, message = shown(message))
            }
            ApiError::TooLarge => tr!(lang, errors::TOO_LARGE).to_string(),
            ApiError::RateLimited {
                message,
                retry_after_secs,
            } => {
                let mut text = tr!(lang, errors::RATE_LIMITED, message = shown(message));
                if let Some(secs) = retry_after_secs {
                    text.push_str(&tr!(lang, errors::RATE_LIMITED_WAIT, secs = secs));
                }
                text
            }
            ApiError::Server { status, message } => {
                tr!(
                    lang,
                    errors::SERVER,
                    status = status,
                    message = shown(message)
                )
            }
            ApiError::Unavailable {
                message,
                retry_after_secs,
            } => {
                tr!(
                    lang,
                    errors::UNAVAILABLE,
                    message = shown(message),
                    secs = retry_after_secs
                )
            }
            ApiError::HtmlPage { status, title } => {
                tr!(lang, errors::HTML_PAGE, status = status, title = title)
            }
            ApiError::Http { status, message } => {
                tr!(
                    lang,
                    errors::HTTP,
                    status = status,
                    message = shown(message)
                )
            }
            ApiError::Network { base_url, detail } => {
                tr!(lang, errors::NETWORK, base_url = base_url, detail = detail)
            }
            ApiError::Unreachable { base_url, detail } => {
                tr!(
                    lang,
                    errors::UNREACHABLE,
                    base_url = base_url,
                    detail = detail
                )
            }
            ApiError::CorsBlocked { base_url } => {
                tr!(lang, errors::CORS_BLOCKED, base_url = base_url)
            }
            ApiError::Offline => tr!(lang, errors::OFFLINE).to_string(),
            ApiError::Timeout { secs } => tr!(lang, errors::TIMEOUT, secs = secs),
            ApiError::Cancelled => tr!(lang, errors::CANCELLED).to_string(),
            ApiError::BadAnswer(e) => e.message(lang),
            ApiError::StreamError { message } => {
                tr!(lang, errors::STREAM_ERROR, message = shown(message))
            }
            ApiError::StreamCut { partials } => {
                let text = if *partials == 1 {
                    errors::STREAM_CUT_ONE
                } else {
                    errors::STREAM_CUT_MANY
                };
                tr!(lang, text, partials = partials)
            }
            ApiError::TaskFailed {
                task_id,
                code: Some(code),
                message,
            } => {
                tr!(
                    lang,
                    errors::TASK_FAILED_CODE,
                    code = code,
                    message = shown(message),
                    task_id = task_id
                )
            }
            ApiError::TaskFailed {
                task_id,
                code: None,
                message,
            } => {
                tr!(
                    lang,
                    errors::TASK_FAILED,
                    message = shown(message),
                    task_id = task_id
                )
            }
            ApiError::BadTask(e) => e.message(lang),
            ApiError::LinkUnreadable { url, detail } => {
                tr!(lang, errors::LINK_UNREADABLE, url = url, detail = detail)
            }
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The endpoint's raw words when [`ApiError::message`] said them in a sentence of its own
    /// (a gateway's exception chain), for a "details" fold.
    pub fn details(&self) -> Option<String> {
        let raw = match self {
            ApiError::BadRequest { message, .. }
            | ApiError::Unauthorized { message }
            | ApiError::Forbidden { message }
            | ApiError::RateLimited { message, .. }
            | ApiError::Server { message, .. }
            | ApiError::Unavailable { message, .. }
            | ApiError::Http { message, .. }
            | ApiError::StreamError { message } => message,
            _ => return None,
        };
        super::gateway_text::read(raw).map(|_| raw.clone())
    }
}

impl ApiError {
    /// What this failure says about the endpoint, for the status shown beside it: false when
    /// the endpoint itself is the problem (unreachable, a refused key, not an image API), true
    /// when it answered as an image API does (it refused this request, not the app), None when
    /// nothing reached it (the form, offline, cancelled).
    pub fn endpoint_answered(&self) -> Option<bool> {
        match self {
            ApiError::Invalid(_) | ApiError::Offline | ApiError::Cancelled => None,
            ApiError::Unauthorized { .. }
            | ApiError::Server { .. }
            | ApiError::Unavailable { .. }
            | ApiError::HtmlPage { .. }
            | ApiError::Http { .. }
            | ApiError::Network { .. }
            | ApiError::Unreachable { .. }
            | ApiError::CorsBlocked { .. }
            | ApiError::Timeout { .. }
            | ApiError::BadAnswer(_)
            | ApiError::BadTask(_) => Some(false),
            ApiError::BadRequest { .. }
            | ApiError::Forbidden { .. }
            | ApiError::TooLarge
            | ApiError::RateLimited { .. }
            | ApiError::StreamError { .. }
            | ApiError::StreamCut { .. }
            | ApiError::TaskFailed { .. }
            | ApiError::LinkUnreadable { .. } => Some(true),
        }
    }
}

/// The OpenAI-style `{"error": {"message", "param"}}`, or the looser shapes gateways use.
fn json_error(body: &str) -> Option<(String, Option<String>)> {
    let root: Value = serde_json::from_str(body).ok()?;
    let err = root.get("error").unwrap_or(&root);
    let message = err
        .get("message")
        .and_then(Value::as_str)
        .or_else(|| err.as_str())
        .or_else(|| root.get("message").and_then(Value::as_str))
        .or_else(|| root.get("detail").and_then(Value::as_str))?
        .trim()
        .to_string();
    let param = err
        .get("param")
        .and_then(Value::as_str)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    Some((message, param))
}

fn looks_like_html(content_type: &str, body: &str) -> bool {
    content_type.to_ascii_lowercase().contains("text/html") || {
        let head = body
            .trim_start()
            .get(..15)
            .unwrap_or("")
            .to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    }
}

/// The `<title>` (else first `<h1>`) of an HTML page, as plain text.
pub fn html_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    for tag in ["title", "h1"] {
        let Some(open) = lower.find(&format!("<{tag}")) else {
            continue;
        };
        let Some(start) = lower[open..].find('>').map(|i| open + i + 1) else {
            continue;
        };
        let Some(end) = lower[start..].find(&format!("</{tag}")).map(|i| start + i) else {
            continue;
        };
        let text = strip_tags(&body[start..end]);
        if !text.is_empty() {
            return Some(snippet(&text, 120));
        }
    }
    None
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `Retry-After` as seconds (HTTP dates are rare on APIs and ignored).
pub fn parse_retry_after(value: Option<&str>) -> Option<u64> {
    let v = value?.trim();
    v.parse::<u64>().ok().or_else(|| {
        v.parse::<f64>()
            .ok()
            .filter(|s| *s >= 0.0)
            .map(|s| s.ceil() as u64)
    })
}

/// Classifies a non-2xx answer (an empty body is said to give no details in `lang`).
pub fn from_status(
    status: u16,
    content_type: &str,
    body: &str,
    retry_after: Option<&str>,
    lang: Lang,
) -> ApiError {
    if looks_like_html(content_type, body) {
        let title = html_title(body).unwrap_or_else(|| format!("HTTP {status}"));
        return ApiError::HtmlPage { status, title };
    }
    let (message, param) = json_error(body).unwrap_or_else(|| {
        let text = snippet(body, 200);
        (
            if text.is_empty() {
                requests::NO_DETAILS.get(lang).to_string()
            } else {
                text
            },
            None,
        )
    });
    match status {
        400 | 422 => ApiError::BadRequest { message, param },
        401 => ApiError::Unauthorized { message },
        403 => ApiError::Forbidden { message },
        413 => ApiError::TooLarge,
        429 => ApiError::RateLimited {
            message,
            retry_after_secs: parse_retry_after(retry_after),
        },
        503 => match parse_retry_after(retry_after) {
            Some(retry_after_secs) => ApiError::Unavailable {
                message,
                retry_after_secs,
            },
            None => ApiError::Server { status, message },
        },
        500..=599 => ApiError::Server { status, message },
        _ => ApiError::Http { status, message },
    }
}

/// Why a task report could not be understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskAnswerError {
    NotJson {
        snippet: String,
    },
    NoStatus {
        snippet: String,
    },
    NoId,
    CompletedWithoutResults,
    /// A task dialect's paths (`tasks::dialect`) reached nothing for `part`.
    NotAt {
        part: TaskPart,
        paths: String,
        snippet: String,
    },
}

/// What a task answer is read for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskPart {
    Id,
    Status,
    Results,
}

impl TaskPart {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TaskPart::Id => tasks::PART_ID.get(lang),
            TaskPart::Status => tasks::PART_STATUS.get(lang),
            TaskPart::Results => tasks::PART_RESULTS.get(lang),
        }
    }
}

impl std::fmt::Display for TaskAnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl TaskAnswerError {
    /// What was missing from the report, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TaskAnswerError::NotJson { snippet } => {
                tr!(lang, requests::TASK_NOT_JSON, snippet = snippet)
            }
            TaskAnswerError::NoStatus { snippet } => {
                tr!(lang, requests::TASK_NO_STATUS, snippet = snippet)
            }
            TaskAnswerError::NoId => tr!(lang, requests::TASK_NO_ID).to_string(),
            TaskAnswerError::CompletedWithoutResults => {
                tr!(lang, requests::TASK_NO_RESULTS).to_string()
            }
            TaskAnswerError::NotAt {
                part,
                paths,
                snippet,
            } => tr!(
                lang,
                tasks::NOT_AT,
                part = part.label(lang),
                paths = paths,
                snippet = snippet
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LITELLM_STREAM_500: &str = "litellm.APIConnectionError: APIConnectionError: OpenAIException - 'str' object has no attribute 'model_dump'\n\nLiteLLM: model group 'gpt-image-2' failed with the error above. No fallback was attempted.";

    #[test]
    fn litellms_500_answer_reads_as_one_sentence_with_the_raw_text_in_details() {
        let body = serde_json::json!({"error": {"message": LITELLM_STREAM_500, "type": "internal_server_error", "param": null, "code": "500"}}).to_string();
        let e = super::from_status(500, "application/json", &body, None, Lang::En);
        let shown = e.message(Lang::En);
        assert!(shown.contains("LiteLLM: it got no usable answer from the upstream API: 'str' object has no attribute 'model_dump'"), "{shown}");
        assert!(!shown.contains("litellm.APIConnectionError"), "{shown}");
        assert_eq!(e.details().as_deref(), Some(LITELLM_STREAM_500));
        let plain = super::from_status(
            500,
            "application/json",
            r#"{"error":{"message":"overloaded"}}"#,
            None,
            Lang::En,
        );
        assert_eq!(plain.details(), None);
    }

    const JSON: &str = "application/json";

    /// The classification in English, as most tests read it.
    fn from_status(
        status: u16,
        content_type: &str,
        body: &str,
        retry_after: Option<&str>,
    ) -> ApiError {
        super::from_status(status, content_type, body, retry_after, Lang::En)
    }

    #[test]
    fn openai_400_shows_message_and_param() {
        let body = r#"{"error":{"message":"Invalid size '1000x1000'.","type":"invalid_request_error","param":"size","code":"invalid_value"}}"#;
        let e = from_status(400, JSON, body, None);
        assert_eq!(
            e,
            ApiError::BadRequest {
                message: "Invalid size '1000x1000'.".into(),
                param: Some("size".into())
            }
        );
        let text = e.to_string();
        assert!(
            text.contains("parameter \"size\"") && text.contains("1000x1000"),
            "{text}"
        );
    }

    #[test]
    fn status_classes_carry_advice() {
        let body = r#"{"error":{"message":"Incorrect API key provided."}}"#;
        assert!(from_status(401, JSON, body, None)
            .to_string()
            .contains("Check the API key"));
        let e = from_status(
            403,
            JSON,
            r#"{"error":{"message":"Your request was rejected by the safety system."}}"#,
            None,
        );
        assert!(e.to_string().contains("moderation to low"));
        assert_eq!(
            from_status(413, "text/plain", "too big", None),
            ApiError::TooLarge
        );
        assert!(ApiError::TooLarge.to_string().contains("1 MB"));
        let e = from_status(
            429,
            JSON,
            r#"{"error":{"message":"Rate limit reached"}}"#,
            Some("7"),
        );
        assert_eq!(
            e,
            ApiError::RateLimited {
                message: "Rate limit reached".into(),
                retry_after_secs: Some(7)
            }
        );
        assert!(e.to_string().contains("wait 7 s"));
        let e = from_status(
            503,
            JSON,
            r#"{"error":{"message":"overloaded","type":"server_error"}}"#,
            None,
        );
        assert_eq!(
            e,
            ApiError::Server {
                status: 503,
                message: "overloaded".into()
            }
        );
        assert!(matches!(
            from_status(404, JSON, r#"{"error":{"message":"no route"}}"#, None),
            ApiError::Http { status: 404, .. }
        ));
    }

    #[test]
    fn a_503_with_retry_after_says_it_was_not_taken() {
        let e = from_status(503, JSON, r#"{"error":{"message":"busy"}}"#, Some("4"));
        assert_eq!(
            e,
            ApiError::Unavailable {
                message: "busy".into(),
                retry_after_secs: 4
            }
        );
        assert!(e.to_string().contains("wait 4 s"), "{e}");
    }

    #[test]
    fn failures_without_an_answer_say_whether_anything_can_be_billed() {
        let broke = ApiError::Network {
            base_url: "https://x/v1".into(),
            detail: "Failed to fetch".into(),
        }
        .to_string();
        assert!(broke.contains("may be billed"), "{broke}");
        let none = ApiError::Unreachable {
            base_url: "https://x/v1".into(),
            detail: "Failed to fetch".into(),
        }
        .to_string();
        assert!(none.contains("nothing was sent or billed"), "{none}");
        let cors = ApiError::CorsBlocked {
            base_url: "https://x/v1".into(),
        }
        .to_string();
        assert!(
            cors.contains("(CORS)") && cors.contains("nothing was billed"),
            "{cors}"
        );
    }

    #[test]
    fn html_pages_are_summarised_never_dumped() {
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>";
        let e = from_status(502, "text/html", page, None);
        assert_eq!(
            e,
            ApiError::HtmlPage {
                status: 502,
                title: "502 Bad Gateway".into()
            }
        );
        let text = e.to_string();
        assert!(!text.contains('<'), "{text}");
        // Served with the wrong content type, still recognised; h1 when there is no title.
        let page = "<!DOCTYPE html><html><body><h1>Access &amp; denied</h1></body></html>";
        assert_eq!(
            from_status(403, JSON, page, None),
            ApiError::HtmlPage {
                status: 403,
                title: "Access & denied".into()
            }
        );
        assert_eq!(
            from_status(500, "text/html", "<html></html>", None),
            ApiError::HtmlPage {
                status: 500,
                title: "HTTP 500".into()
            }
        );
    }

    #[test]
    fn loose_error_shapes() {
        assert_eq!(
            from_status(400, JSON, r#"{"error":"Validation failed"}"#, None),
            ApiError::BadRequest {
                message: "Validation failed".into(),
                param: None
            }
        );
        assert_eq!(
            from_status(422, JSON, r#"{"detail":"bad size"}"#, None),
            ApiError::BadRequest {
                message: "bad size".into(),
                param: None
            }
        );
        assert_eq!(
            from_status(500, "text/plain", "  upstream\n exploded ", None),
            ApiError::Server {
                status: 500,
                message: "upstream exploded".into()
            }
        );
        assert_eq!(
            from_status(500, "", "", None),
            ApiError::Server {
                status: 500,
                message: "no details given.".into()
            }
        );
        assert_eq!(
            super::from_status(500, "", "", None, Lang::ZhCn),
            ApiError::Server {
                status: 500,
                message: "未提供详情。".into()
            }
        );
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(Some("12")), Some(12));
        assert_eq!(parse_retry_after(Some("1.2")), Some(2));
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            None
        );
        assert_eq!(parse_retry_after(None), None);
    }

    #[test]
    fn network_timeout_and_cancel_say_what_to_do() {
        let e = ApiError::Network {
            base_url: "https://x.example/v1".into(),
            detail: "Failed to fetch".into(),
        };
        assert!(e.to_string().contains("CORS") && e.to_string().contains("proxy"));
        assert!(ApiError::Timeout { secs: 180 }
            .to_string()
            .contains("180 s"));
        assert!(ApiError::Cancelled.to_string().contains("bill"));
    }

    #[test]
    fn unreadable_answers_are_told_in_the_language() {
        let e = ApiError::BadAnswer(ResponseError::EmptyData);
        assert!(e
            .message(Lang::En)
            .starts_with("The endpoint answered with no images"));
        assert_eq!(
            e.message(Lang::ZhCn),
            "接口的回应中没有图片（“data”为空）。没有生成任何内容；请重试或修改提示词。"
        );
        let e = ApiError::BadTask(TaskAnswerError::NoId);
        assert_eq!(
            e.message(Lang::ZhCn),
            "网关返回了任务，但没有给出任务 id，因此无法跟踪。"
        );
        let e: ApiError = ParamError::EmptyPrompt.into();
        assert_eq!(e.to_string(), "Write a prompt first.");
    }

    #[test]
    fn the_endpoint_status_follows_what_failed() {
        let bad = ApiError::BadRequest {
            message: "size".into(),
            param: None,
        };
        assert_eq!(bad.endpoint_answered(), Some(true));
        assert_eq!(
            ApiError::Unauthorized {
                message: String::new()
            }
            .endpoint_answered(),
            Some(false)
        );
        assert_eq!(
            ApiError::CorsBlocked {
                base_url: "https://x".into()
            }
            .endpoint_answered(),
            Some(false)
        );
        assert_eq!(ApiError::Cancelled.endpoint_answered(), None);
        assert_eq!(
            ApiError::Invalid("no prompt".into()).endpoint_answered(),
            None
        );
    }
}
