//! Gateways' own error texts, said in one sentence. LiteLLM answers an upstream failure with
//! its exception chain (`litellm.APIConnectionError: APIConnectionError: OpenAIException -
//! 'str' object has no attribute 'model_dump'\n\nLiteLLM: model group …`), sometimes with the
//! upstream's JSON inside as a Python dict. The user gets which gateway, what kind of failure
//! and the upstream's own words; the raw text stays available behind "details".

use crate::i18n::{text::errors, Lang};
use crate::tr;

/// What a gateway's error text says, read apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayText {
    pub gateway: &'static str,
    pub kind: GatewayFailure,
    /// The upstream's own words (or the gateway's, when it gives none), one line.
    pub upstream: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GatewayFailure {
    /// No usable answer from the upstream API (a connection or parsing failure in the gateway).
    Connection,
    /// The upstream refused the request as sent.
    Refused,
    /// The upstream rate-limited the gateway, or its balance ran out.
    RateLimited,
    /// The upstream refused the gateway's key.
    Auth,
    /// Moderation refused the prompt.
    ContentPolicy,
    Timeout,
    /// The upstream failed.
    Upstream,
    /// Anything else LiteLLM names.
    Other,
}

/// Reads `message` when it is a gateway's exception text; `None` for plain API messages.
pub fn read(message: &str) -> Option<GatewayText> {
    let text = message.trim();
    let rest = text.strip_prefix("litellm.")?;
    let class: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if class.is_empty() {
        return None;
    }
    let kind = match class.as_str() {
        "APIConnectionError" => GatewayFailure::Connection,
        "BadRequestError" | "UnprocessableEntityError" | "NotFoundError" => GatewayFailure::Refused,
        "RateLimitError" | "BudgetExceededError" => GatewayFailure::RateLimited,
        "AuthenticationError" | "PermissionDeniedError" => GatewayFailure::Auth,
        "ContentPolicyViolationError" => GatewayFailure::ContentPolicy,
        "Timeout" | "APITimeoutError" => GatewayFailure::Timeout,
        "InternalServerError" | "ServiceUnavailableError" | "APIError" => GatewayFailure::Upstream,
        _ => GatewayFailure::Other,
    };
    // The first paragraph holds the chain; the rest is LiteLLM's note on fallbacks.
    let chain = text.split("\n\n").next().unwrap_or(text);
    let upstream = upstream_words(chain).unwrap_or_else(|| chain.to_string());
    Some(GatewayText {
        gateway: "LiteLLM",
        kind,
        upstream: one_line(&upstream),
    })
}

/// The innermost message of the chain: after the provider's `…Exception - `, and inside an
/// embedded `{'error': {'message': '…'}}` when there is one.
fn upstream_words(chain: &str) -> Option<String> {
    let after = chain
        .rfind("Exception - ")
        .map(|i| &chain[i + "Exception - ".len()..])
        .or_else(|| chain.rsplit_once(": ").map(|(_, tail)| tail))?;
    let after = after.trim();
    if let Some(inner) = quoted_message(after) {
        return Some(inner);
    }
    // "Error code: 400 - {…}" without a message inside: the status is what is left.
    Some(after.to_string()).filter(|s| !s.is_empty())
}

/// `'message': '…'` or `"message": "…"` inside an embedded dict.
fn quoted_message(text: &str) -> Option<String> {
    for key in ["'message': ", "\"message\": ", "\"message\":"] {
        let Some(at) = text.find(key) else {
            continue;
        };
        let value = &text[at + key.len()..];
        let quote = value.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let body = &value[1..];
        let end = body.find(quote)?;
        let words = body[..end].trim();
        if !words.is_empty() {
            return Some(words.to_string());
        }
    }
    None
}

fn one_line(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(240) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

impl GatewayText {
    /// One sentence in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        let kind = match self.kind {
            GatewayFailure::Connection => errors::GATEWAY_CONNECTION,
            GatewayFailure::Refused => errors::GATEWAY_REFUSED,
            GatewayFailure::RateLimited => errors::GATEWAY_RATE_LIMITED,
            GatewayFailure::Auth => errors::GATEWAY_AUTH,
            GatewayFailure::ContentPolicy => errors::GATEWAY_CONTENT_POLICY,
            GatewayFailure::Timeout => errors::GATEWAY_TIMEOUT,
            GatewayFailure::Upstream => errors::GATEWAY_UPSTREAM,
            GatewayFailure::Other => errors::GATEWAY_OTHER,
        };
        tr!(
            lang,
            errors::GATEWAY_SAYS,
            gateway = self.gateway,
            kind = kind.get(lang),
            upstream = self.upstream
        )
    }
}

/// `message` as shown: a gateway's exception text in one sentence, anything else as it came.
pub fn shown(message: &str, lang: Lang) -> String {
    match read(message) {
        Some(g) => g.sentence(lang),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STREAM_500: &str = "litellm.APIConnectionError: APIConnectionError: OpenAIException - 'str' object has no attribute 'model_dump'\n\nLiteLLM: model group 'gpt-image-2' failed with the error above. No fallback was attempted.";

    #[test]
    fn litellms_connection_error_is_one_sentence_with_the_upstream_words() {
        let g = read(STREAM_500).unwrap();
        assert_eq!(g.kind, GatewayFailure::Connection);
        assert_eq!(g.upstream, "'str' object has no attribute 'model_dump'");
        let en = g.sentence(Lang::En);
        assert!(en.starts_with("LiteLLM"), "{en}");
        assert!(!en.contains("model group"), "{en}");
        assert!(!en.contains('\n'));
        let zh = g.sentence(Lang::ZhCn);
        assert!(zh.contains("上游"), "{zh}");
    }

    #[test]
    fn an_embedded_upstream_error_is_read_out_of_the_python_dict() {
        let text = "litellm.BadRequestError: OpenAIException - Error code: 400 - {'error': {'message': 'Invalid size 1000x1000: both edges must be multiples of 16.', 'type': 'invalid_request_error', 'param': 'size'}}";
        let g = read(text).unwrap();
        assert_eq!(g.kind, GatewayFailure::Refused);
        assert_eq!(
            g.upstream,
            "Invalid size 1000x1000: both edges must be multiples of 16."
        );
        let json_inside = r#"litellm.RateLimitError: RateLimitError: OpenAIException - {"error": {"message": "Rate limit reached", "code": "rate_limit"}}"#;
        let g = read(json_inside).unwrap();
        assert_eq!(
            (g.kind, g.upstream.as_str()),
            (GatewayFailure::RateLimited, "Rate limit reached")
        );
    }

    #[test]
    fn plain_api_messages_are_left_as_they_are() {
        for plain in [
            "Invalid value for size.",
            "litellm",
            "litellm.: nothing",
            "The model is overloaded.",
        ] {
            assert_eq!(read(plain), None, "{plain}");
            assert_eq!(shown(plain, Lang::En), plain);
        }
    }

    #[test]
    fn unknown_classes_and_very_long_texts_still_read_in_one_line() {
        let long = format!("litellm.SomethingNewError: {}", "x ".repeat(400));
        let g = read(&long).unwrap();
        assert_eq!(g.kind, GatewayFailure::Other);
        assert!(g.upstream.chars().count() <= 241);
        assert!(g.upstream.ends_with('…'));
    }
}
