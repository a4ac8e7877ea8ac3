//! One request's attempts: whether a failed one may have been billed, its status, and what
//! follows a failed stream.
//!
//! A streamed request is never sent again as a stream by itself. When it fails before its
//! first event in a way that says "this endpoint does not relay streams" (a 5xx, a 4xx that
//! names `stream` or `partial_images`, a 200 that is neither events nor images, events that end
//! before the first one), the same request goes once more without streaming; when nothing
//! reached the model (no connection, 429, 503 with `Retry-After`) it goes once more without
//! streaming after the usual wait. Either way one click makes at most two requests: gateways
//! such as LiteLLM retry upstream themselves, and each upstream try may be billed.

use super::error::ApiError;
use super::retry::{retry_class, RetryClass, RetryDecision, RetryPolicy};

/// Whether the endpoint may have started (and billed) the work before this failure.
pub fn may_have_billed(error: &ApiError) -> bool {
    match error {
        ApiError::Invalid(_)
        | ApiError::Offline
        | ApiError::Unreachable { .. }
        | ApiError::CorsBlocked { .. }
        | ApiError::RateLimited { .. }
        | ApiError::Unavailable { .. }
        | ApiError::Unauthorized { .. }
        | ApiError::Forbidden { .. }
        | ApiError::TooLarge
        | ApiError::BadRequest { .. } => false,
        ApiError::Http { status, .. } | ApiError::HtmlPage { status, .. } => *status >= 500,
        ApiError::Server { .. }
        | ApiError::Network { .. }
        | ApiError::Timeout { .. }
        | ApiError::Cancelled
        | ApiError::BadAnswer(_)
        | ApiError::StreamError { .. }
        | ApiError::StreamCut { .. }
        | ApiError::TaskFailed { .. }
        | ApiError::BadTask(_)
        | ApiError::LinkUnreadable { .. } => true,
    }
}

/// The HTTP status the endpoint answered with, when it answered with an error status.
pub fn status_of(error: &ApiError) -> Option<u16> {
    match error {
        ApiError::BadRequest { .. } => Some(400),
        ApiError::Unauthorized { .. } => Some(401),
        ApiError::Forbidden { .. } => Some(403),
        ApiError::TooLarge => Some(413),
        ApiError::RateLimited { .. } => Some(429),
        ApiError::Unavailable { .. } => Some(503),
        ApiError::Server { status, .. }
        | ApiError::Http { status, .. }
        | ApiError::HtmlPage { status, .. } => Some(*status),
        // A 2xx that was not what was asked for.
        ApiError::BadAnswer(_) | ApiError::StreamError { .. } | ApiError::StreamCut { .. } => {
            Some(200)
        }
        _ => None,
    }
}

/// What follows a streamed request that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterStream {
    /// Send once more without streaming, now. If that works, the endpoint does not stream.
    WithoutStream,
    /// Nothing reached the model: once more without streaming after this wait. Says nothing
    /// about streaming.
    WithoutStreamAfter { wait_ms: u64 },
    /// Report the failure (the user may still press Retry).
    GiveUp,
}

fn names_streaming(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.contains("stream") || t.contains("partial_images")
}

/// Decides after a streamed request's first attempt failed with `error`, having shown
/// `partials` partial images. `jitter` in 0..1, as for [`RetryPolicy::decide`].
pub fn after_stream_failure(
    error: &ApiError,
    partials: u32,
    policy: &RetryPolicy,
    jitter: f64,
) -> AfterStream {
    if partials > 0 {
        // It did stream: the failure is the image's, not the stream's.
        return AfterStream::GiveUp;
    }
    let refuses_stream = match error {
        ApiError::Server { .. } | ApiError::BadAnswer(_) => true,
        ApiError::StreamCut { partials: 0 } => true,
        ApiError::Http { status, message } => *status >= 500 || names_streaming(message),
        ApiError::HtmlPage { status, .. } => *status >= 500,
        ApiError::BadRequest { message, param } => {
            param.as_deref().is_some_and(names_streaming) || names_streaming(message)
        }
        _ => false,
    };
    if refuses_stream {
        return AfterStream::WithoutStream;
    }
    if retry_class(error) == RetryClass::Unbilled {
        if let RetryDecision::RetryAfter { wait_ms } = policy.decide(1, error, jitter) {
            return AfterStream::WithoutStreamAfter { wait_ms };
        }
    }
    AfterStream::GiveUp
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::response::ResponseError;

    fn server(status: u16) -> ApiError {
        ApiError::Server {
            status,
            message: "litellm.APIConnectionError: …".into(),
        }
    }

    #[test]
    fn a_stream_failing_before_its_first_event_goes_once_without_stream() {
        let p = RetryPolicy::default();
        for e in [
            server(500),
            server(502),
            ApiError::BadAnswer(ResponseError::NotJson {
                snippet: "hello".into(),
            }),
            ApiError::StreamCut { partials: 0 },
            ApiError::BadRequest {
                message: "Unknown parameter".into(),
                param: Some("partial_images".into()),
            },
            ApiError::BadRequest {
                message: "stream is not supported for images".into(),
                param: None,
            },
            ApiError::Http {
                status: 422,
                message: "'stream' not allowed".into(),
            },
        ] {
            assert_eq!(
                after_stream_failure(&e, 0, &p, 0.5),
                AfterStream::WithoutStream,
                "{e:?}"
            );
        }
    }

    #[test]
    fn failures_that_are_not_the_streams_are_not_sent_again() {
        let p = RetryPolicy::default();
        for e in [
            ApiError::BadRequest {
                message: "Invalid size".into(),
                param: Some("size".into()),
            },
            ApiError::Unauthorized {
                message: "bad key".into(),
            },
            ApiError::Forbidden {
                message: "moderation".into(),
            },
            ApiError::Timeout { secs: 60 },
            ApiError::Network {
                base_url: "b".into(),
                detail: "d".into(),
            },
            ApiError::StreamError {
                message: "moderation_blocked".into(),
            },
            ApiError::Cancelled,
        ] {
            assert_eq!(
                after_stream_failure(&e, 0, &p, 0.5),
                AfterStream::GiveUp,
                "{e:?}"
            );
        }
        // Partial images arrived: the endpoint streams; a cut after them is not retried.
        assert_eq!(
            after_stream_failure(&ApiError::StreamCut { partials: 2 }, 2, &p, 0.5),
            AfterStream::GiveUp
        );
        assert_eq!(
            after_stream_failure(&server(500), 1, &p, 0.5),
            AfterStream::GiveUp
        );
    }

    #[test]
    fn unbilled_failures_wait_then_go_once_without_stream() {
        let p = RetryPolicy::default();
        let limited = ApiError::RateLimited {
            message: "slow down".into(),
            retry_after_secs: Some(3),
        };
        assert_eq!(
            after_stream_failure(&limited, 0, &p, 0.0),
            AfterStream::WithoutStreamAfter { wait_ms: 3_000 }
        );
        let unreachable = ApiError::Unreachable {
            base_url: "b".into(),
            detail: "refused".into(),
        };
        assert!(matches!(
            after_stream_failure(&unreachable, 0, &p, 0.0),
            AfterStream::WithoutStreamAfter { wait_ms: 1_000 }
        ));
        // Asked to wait longer than the cap: given up, as any retry would be.
        let long = ApiError::RateLimited {
            message: "m".into(),
            retry_after_secs: Some(3_600),
        };
        assert_eq!(after_stream_failure(&long, 0, &p, 0.0), AfterStream::GiveUp);
    }

    #[test]
    fn billing_follows_whether_the_endpoint_can_have_started_the_work() {
        assert!(may_have_billed(&server(500)));
        assert!(may_have_billed(&ApiError::Timeout { secs: 1 }));
        assert!(may_have_billed(&ApiError::StreamCut { partials: 0 }));
        assert!(!may_have_billed(&ApiError::RateLimited {
            message: String::new(),
            retry_after_secs: None
        }));
        assert!(!may_have_billed(&ApiError::BadRequest {
            message: String::new(),
            param: None
        }));
        assert!(!may_have_billed(&ApiError::HtmlPage {
            status: 404,
            title: "Not found".into()
        }));
        assert!(may_have_billed(&ApiError::HtmlPage {
            status: 502,
            title: "Bad gateway".into()
        }));
        assert_eq!(status_of(&server(502)), Some(502));
        assert_eq!(status_of(&ApiError::Timeout { secs: 1 }), None);
    }
}
