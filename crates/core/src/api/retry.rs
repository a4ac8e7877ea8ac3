//! When a failed request is tried again by itself, and after how long.
//!
//! A request is sent again by itself only where nothing can have been billed: no connection was
//! made, the browser's CORS check stopped it, 429, or 503 with `Retry-After` (up to twice, with
//! exponential backoff and jitter, honouring `Retry-After`, capped); and other 5xx answers up to
//! the profile's setting (default once). Never a broken connection, a timeout, 400, 401, 403 or
//! 413: those may already be billed, or would fail the same way. The user may still press Retry.

use super::error::ApiError;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Retries of failures that cannot have been billed (see [`RetryClass::Unbilled`]).
    pub max_retries: u32,
    /// Retries of other 5xx answers: the profile's setting.
    pub server_retries: u32,
    /// The first backoff; each next one doubles.
    pub base_ms: u64,
    /// No single wait is longer; a `Retry-After` beyond it is not waited for.
    pub cap_ms: u64,
}

/// Retries of a 5xx answer unless a profile says otherwise.
pub const DEFAULT_SERVER_RETRIES: u32 = 1;
/// The most a profile may set.
pub const MAX_SERVER_RETRIES: u32 = 5;

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            server_retries: DEFAULT_SERVER_RETRIES,
            base_ms: 1_000,
            cap_ms: 30_000,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then send again.
    RetryAfter { wait_ms: u64 },
    /// Report the failure (the user may still press Retry).
    GiveUp,
}

/// How a failure of a generation may be repeated by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryClass {
    /// Nothing reached the model: no connection, a CORS refusal, 429, 503 with `Retry-After`.
    Unbilled,
    /// A 5xx answer: usually temporary, but the endpoint may have started the work.
    Server,
    /// Not repeated by itself: it may be billed, or would fail the same way.
    Never,
}

pub fn retry_class(error: &ApiError) -> RetryClass {
    match error {
        ApiError::Unreachable { .. }
        | ApiError::CorsBlocked { .. }
        | ApiError::RateLimited { .. }
        | ApiError::Unavailable { .. } => RetryClass::Unbilled,
        ApiError::Server { .. } => RetryClass::Server,
        ApiError::HtmlPage { status, .. } if *status >= 500 => RetryClass::Server,
        ApiError::Http { status, .. } if *status >= 500 => RetryClass::Server,
        _ => RetryClass::Never,
    }
}

/// Whether a failure is worth repeating at all, e.g. a poll of a task (polls bill nothing).
pub fn is_transient(error: &ApiError) -> bool {
    match error {
        ApiError::Network { .. } => true,
        // 408 and 425 are "try again" statuses too; gateways rarely send them.
        ApiError::Http {
            status: 408 | 425, ..
        } => true,
        other => retry_class(other) != RetryClass::Never,
    }
}

impl RetryPolicy {
    /// The policy of a profile that retries 5xx answers `server_retries` times.
    pub fn with_server_retries(server_retries: u32) -> Self {
        RetryPolicy {
            server_retries: server_retries.min(MAX_SERVER_RETRIES),
            ..RetryPolicy::default()
        }
    }

    /// How many attempts one request may make in all after failing with `error`: the first
    /// and its retries.
    pub fn attempts_allowed_for(&self, error: &ApiError) -> u32 {
        1 + match retry_class(error) {
            RetryClass::Unbilled => self.max_retries,
            RetryClass::Server => self.server_retries,
            RetryClass::Never => 0,
        }
    }

    /// Decides after attempt number `attempt` (1 = the first) failed with `error`.
    /// `jitter` in 0..1 spreads clients that failed together.
    pub fn decide(&self, attempt: u32, error: &ApiError, jitter: f64) -> RetryDecision {
        if attempt >= self.attempts_allowed_for(error) {
            return RetryDecision::GiveUp;
        }
        let backoff = {
            let exp = self.base_ms.saturating_mul(1 << (attempt - 1).min(16));
            // Full backoff plus up to 100% jitter: 1-2 s, then 2-4 s.
            let jittered = exp as f64 * (1.0 + jitter.clamp(0.0, 1.0));
            (jittered as u64).min(self.cap_ms)
        };
        let asked_secs = match error {
            ApiError::RateLimited {
                retry_after_secs, ..
            } => *retry_after_secs,
            ApiError::Unavailable {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        };
        let wait_ms = match asked_secs {
            Some(secs) => {
                let asked = secs.saturating_mul(1000);
                if asked > self.cap_ms {
                    return RetryDecision::GiveUp;
                }
                // At least what was asked; the backoff adds at most a second of spread.
                asked.max(backoff.min(asked + 1_000))
            }
            None => backoff,
        };
        RetryDecision::RetryAfter { wait_ms }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_allowed_counts_the_first_and_every_retry() {
        let p = RetryPolicy::default();
        assert_eq!(p.attempts_allowed_for(&limited(None)), 3);
        assert_eq!(p.attempts_allowed_for(&server()), 2);
        assert_eq!(p.attempts_allowed_for(&ApiError::Timeout { secs: 5 }), 1);
        let none = RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        };
        assert_eq!(none.attempts_allowed_for(&limited(None)), 1);
        assert_eq!(
            RetryPolicy::with_server_retries(3).attempts_allowed_for(&server()),
            4
        );
        assert_eq!(
            RetryPolicy::with_server_retries(99).server_retries,
            MAX_SERVER_RETRIES
        );
    }

    fn server() -> ApiError {
        ApiError::Server {
            status: 503,
            message: "busy".into(),
        }
    }

    fn limited(secs: Option<u64>) -> ApiError {
        ApiError::RateLimited {
            message: "slow down".into(),
            retry_after_secs: secs,
        }
    }

    fn unreachable() -> ApiError {
        ApiError::Unreachable {
            base_url: "x".into(),
            detail: "refused".into(),
        }
    }

    #[test]
    fn unbilled_failures_retry_twice_with_growing_waits() {
        let p = RetryPolicy::default();
        for e in [
            unreachable(),
            ApiError::CorsBlocked {
                base_url: "x".into(),
            },
            limited(None),
        ] {
            assert_eq!(
                p.decide(1, &e, 0.0),
                RetryDecision::RetryAfter { wait_ms: 1_000 }
            );
            assert_eq!(
                p.decide(2, &e, 0.5),
                RetryDecision::RetryAfter { wait_ms: 3_000 }
            );
            assert_eq!(p.decide(3, &e, 0.0), RetryDecision::GiveUp);
        }
        let busy = ApiError::Unavailable {
            message: "busy".into(),
            retry_after_secs: 3,
        };
        assert_eq!(
            p.decide(2, &busy, 0.0),
            RetryDecision::RetryAfter { wait_ms: 3_000 }
        );
    }

    #[test]
    fn server_errors_retry_as_often_as_the_profile_says() {
        let p = RetryPolicy::default();
        let html = ApiError::HtmlPage {
            status: 502,
            title: "Bad Gateway".into(),
        };
        for e in [server(), html] {
            assert_eq!(
                p.decide(1, &e, 0.0),
                RetryDecision::RetryAfter { wait_ms: 1_000 }
            );
            assert_eq!(p.decide(2, &e, 0.0), RetryDecision::GiveUp);
        }
        let three = RetryPolicy::with_server_retries(3);
        assert!(matches!(
            three.decide(3, &server(), 0.0),
            RetryDecision::RetryAfter { .. }
        ));
        assert_eq!(three.decide(4, &server(), 0.0), RetryDecision::GiveUp);
        let never = RetryPolicy::with_server_retries(0);
        assert_eq!(never.decide(1, &server(), 0.0), RetryDecision::GiveUp);
    }

    #[test]
    fn a_connection_that_broke_is_not_sent_again_by_itself() {
        let p = RetryPolicy::default();
        let broke = ApiError::Network {
            base_url: "x".into(),
            detail: "y".into(),
        };
        assert_eq!(p.decide(1, &broke, 0.0), RetryDecision::GiveUp);
        // A poll of a task bills nothing: it is still worth repeating.
        assert!(is_transient(&broke));
    }

    #[test]
    fn never_retried() {
        let p = RetryPolicy::default();
        for e in [
            ApiError::BadRequest {
                message: "x".into(),
                param: None,
            },
            ApiError::Unauthorized {
                message: "x".into(),
            },
            ApiError::Forbidden {
                message: "x".into(),
            },
            ApiError::TooLarge,
            ApiError::Timeout { secs: 60 },
            ApiError::Cancelled,
            ApiError::Offline,
            ApiError::Invalid("x".into()),
            ApiError::HtmlPage {
                status: 404,
                title: "Not Found".into(),
            },
            ApiError::Http {
                status: 404,
                message: "x".into(),
            },
            ApiError::StreamCut { partials: 1 },
        ] {
            assert_eq!(p.decide(1, &e, 0.3), RetryDecision::GiveUp, "{e:?}");
        }
    }

    #[test]
    fn rate_limits_honour_retry_after_up_to_the_cap() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.decide(1, &limited(Some(7)), 0.9),
            RetryDecision::RetryAfter { wait_ms: 7_000 }
        );
        assert_eq!(
            p.decide(1, &limited(Some(0)), 0.0),
            RetryDecision::RetryAfter { wait_ms: 1_000 }
        );
        assert_eq!(p.decide(1, &limited(Some(120)), 0.0), RetryDecision::GiveUp);
        assert_eq!(
            p.decide(2, &limited(None), 0.0),
            RetryDecision::RetryAfter { wait_ms: 2_000 }
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn waits_are_bounded_and_retries_end(attempt in 1u32..50, jitter in -1.0f64..2.0, secs in proptest::option::of(0u64..100_000)) {
            let p = RetryPolicy::default();
            for e in [server(), limited(secs)] {
                match p.decide(attempt, &e, jitter) {
                    RetryDecision::RetryAfter { wait_ms } => {
                        proptest::prop_assert!(attempt < p.attempts_allowed_for(&e));
                        proptest::prop_assert!(wait_ms <= p.cap_ms);
                        if let (ApiError::RateLimited { .. }, Some(s)) = (&e, secs) {
                            proptest::prop_assert!(wait_ms >= s * 1000, "Retry-After is honoured");
                        }
                    }
                    RetryDecision::GiveUp => {}
                }
            }
        }
    }
}

/// A request that finally failed, with what was tried before giving up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub error: ApiError,
    /// Automatic retries made (0 = the first attempt's failure).
    pub retries: u32,
    /// Time spent waiting between attempts.
    pub waited_ms: u64,
}

impl Failure {
    /// Whether the answer was about the prompt itself (moderation's 403, a 400 naming
    /// `prompt`): sending it again as it was would fail the same way, so the run offers to
    /// send the prompt as it now reads in the form.
    pub fn concerns_the_prompt(&self) -> bool {
        match &self.error {
            ApiError::Forbidden { .. } => true,
            ApiError::BadRequest { param, .. } => param.as_deref() == Some("prompt"),
            _ => false,
        }
    }

    /// Whether the endpoint refused a transparent background (a 400 naming `background`, or
    /// saying so without naming it): the app offers a cut-out made in the browser instead.
    pub fn refuses_transparency(&self) -> bool {
        match &self.error {
            ApiError::BadRequest { param, message } => {
                param.as_deref() == Some("background")
                    || (param.is_none() && message.to_lowercase().contains("transparent"))
            }
            _ => false,
        }
    }

    /// Whether pressing Retry may bill a second time (the first attempt may have finished).
    pub fn retry_may_bill(&self) -> bool {
        matches!(
            self.error,
            ApiError::Timeout { .. }
                | ApiError::Cancelled
                | ApiError::Network { .. }
                | ApiError::StreamCut { .. }
                // A gateway that timed out waiting for the model: the model may still finish.
                | ApiError::Server { status: 504, .. }
                | ApiError::HtmlPage { status: 504, .. }
        )
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl Failure {
    /// The error and how the automatic retries went, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::text::errors;
        let mut text = self.error.message(lang);
        let waited = format_wait(self.waited_ms);
        let tail = match (&self.error, self.retries) {
            (ApiError::RateLimited { .. }, 0) => errors::NOT_RETRIED_RATE.get(lang).to_string(),
            (ApiError::RateLimited { .. }, n) => {
                let entry = if n == 1 {
                    errors::STILL_LIMITED_ONE
                } else {
                    errors::STILL_LIMITED_MANY
                };
                crate::tr!(lang, entry, n = n, waited = waited)
            }
            (_, 0) => String::new(),
            (_, n) => {
                let entry = if n == 1 {
                    errors::GAVE_UP_ONE
                } else {
                    errors::GAVE_UP_MANY
                };
                crate::tr!(lang, entry, n = n, waited = waited)
            }
        };
        text.push_str(&tail);
        text
    }
}

#[cfg(test)]
mod prompt_failure_tests {
    use super::*;

    #[test]
    fn prompt_failures_are_told_apart() {
        let failure = |error| Failure {
            error,
            retries: 0,
            waited_ms: 0,
        };
        assert!(failure(ApiError::Forbidden {
            message: "rejected by the safety system".into()
        })
        .concerns_the_prompt());
        assert!(failure(ApiError::BadRequest {
            message: "too long".into(),
            param: Some("prompt".into())
        })
        .concerns_the_prompt());
        assert!(!failure(ApiError::BadRequest {
            message: "bad size".into(),
            param: Some("size".into())
        })
        .concerns_the_prompt());
        assert!(!failure(ApiError::Server {
            status: 500,
            message: String::new()
        })
        .concerns_the_prompt());
    }

    #[test]
    fn refused_transparency_is_recognised() {
        let bad = |message: &str, param: Option<&str>| Failure {
            error: ApiError::BadRequest {
                message: message.into(),
                param: param.map(String::from),
            },
            retries: 0,
            waited_ms: 0,
        };
        assert!(bad(
            "Transparent background is not supported for this model",
            Some("background")
        )
        .refuses_transparency());
        assert!(bad("transparent backgrounds are not supported", None).refuses_transparency());
        assert!(!bad("Invalid size", Some("size")).refuses_transparency());
        assert!(
            !bad("transparent is fine but quality is not", Some("quality")).refuses_transparency()
        );
    }
}

/// "1.5 s", "12 s".
pub fn format_wait(ms: u64) -> String {
    if ms < 10_000 && !ms.is_multiple_of(1000) {
        format!("{:.1} s", ms as f64 / 1000.0)
    } else {
        format!("{} s", ms / 1000)
    }
}

#[cfg(test)]
mod failure_tests {
    use super::*;

    #[test]
    fn messages_say_how_often_and_how_long() {
        let server = Failure {
            error: ApiError::Server {
                status: 503,
                message: "busy".into(),
            },
            retries: 2,
            waited_ms: 3_400,
        };
        assert!(server
            .to_string()
            .ends_with("Gave up after 2 automatic retries (waited 3.4 s between attempts)."));
        let limited = Failure {
            error: ApiError::RateLimited {
                message: "slow".into(),
                retry_after_secs: Some(2),
            },
            retries: 1,
            waited_ms: 2_000,
        };
        assert!(limited
            .to_string()
            .ends_with("Still limited after 1 retry (waited 2 s in all)."));
        let first = Failure {
            error: ApiError::TooLarge,
            retries: 0,
            waited_ms: 0,
        };
        assert_eq!(first.to_string(), ApiError::TooLarge.to_string());
        assert!(!first.retry_may_bill());
        assert!(Failure {
            error: ApiError::Timeout { secs: 60 },
            ..first
        }
        .retry_may_bill());
    }
}
