//! When a failed request is tried again by itself, and after how long.
//!
//! Only transient failures are retried: network errors and 5xx up to twice with exponential
//! backoff and jitter, 429 after its `Retry-After` (else the same backoff), capped. Never 400,
//! 401, 403, 413 or a timeout: those would fail the same way, or may already be billed.

use super::error::ApiError;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first backoff; each next one doubles.
    pub base_ms: u64,
    /// No single wait is longer; a `Retry-After` beyond it is not waited for.
    pub cap_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
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

/// Whether a failure is worth repeating at all.
pub fn is_transient(error: &ApiError) -> bool {
    match error {
        ApiError::Network { .. } | ApiError::Server { .. } | ApiError::RateLimited { .. } => true,
        ApiError::HtmlPage { status, .. } => *status >= 500,
        // 408 and 425 are "try again" statuses too; gateways rarely send them.
        ApiError::Http { status, .. } => matches!(status, 408 | 425) || *status >= 500,
        _ => false,
    }
}

impl RetryPolicy {
    /// How many attempts one request may make in all: the first and its retries.
    pub fn attempts_allowed(&self) -> u32 {
        self.max_retries + 1
    }

    /// Decides after attempt number `attempt` (1 = the first) failed with `error`.
    /// `jitter` in 0..1 spreads clients that failed together.
    pub fn decide(&self, attempt: u32, error: &ApiError, jitter: f64) -> RetryDecision {
        if attempt > self.max_retries || !is_transient(error) {
            return RetryDecision::GiveUp;
        }
        let backoff = {
            let exp = self.base_ms.saturating_mul(1 << (attempt - 1).min(16));
            // Full backoff plus up to 100% jitter: 1-2 s, then 2-4 s.
            let jittered = exp as f64 * (1.0 + jitter.clamp(0.0, 1.0));
            (jittered as u64).min(self.cap_ms)
        };
        let wait_ms = match error {
            ApiError::RateLimited {
                retry_after_secs: Some(secs),
                ..
            } => {
                let asked = secs.saturating_mul(1000);
                if asked > self.cap_ms {
                    return RetryDecision::GiveUp;
                }
                // At least what was asked; the backoff adds at most a second of spread.
                asked.max(backoff.min(asked + 1_000))
            }
            _ => backoff,
        };
        RetryDecision::RetryAfter { wait_ms }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_allowed_counts_the_first_and_every_retry() {
        assert_eq!(RetryPolicy::default().attempts_allowed(), 3);
        let none = RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        };
        assert_eq!(none.attempts_allowed(), 1);
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

    #[test]
    fn transient_failures_retry_twice_with_growing_waits() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.decide(1, &server(), 0.0),
            RetryDecision::RetryAfter { wait_ms: 1_000 }
        );
        assert_eq!(
            p.decide(2, &server(), 0.5),
            RetryDecision::RetryAfter { wait_ms: 3_000 }
        );
        assert_eq!(p.decide(3, &server(), 0.0), RetryDecision::GiveUp);
        let net = ApiError::Network {
            base_url: "x".into(),
            detail: "y".into(),
        };
        assert!(matches!(
            p.decide(1, &net, 0.0),
            RetryDecision::RetryAfter { .. }
        ));
        let html = ApiError::HtmlPage {
            status: 502,
            title: "Bad Gateway".into(),
        };
        assert!(matches!(
            p.decide(1, &html, 0.0),
            RetryDecision::RetryAfter { .. }
        ));
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
                        proptest::prop_assert!(attempt <= p.max_retries);
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
    /// Whether pressing Retry may bill a second time (the first attempt may have finished).
    pub fn retry_may_bill(&self) -> bool {
        matches!(
            self.error,
            ApiError::Timeout { .. } | ApiError::Cancelled | ApiError::Network { .. }
        )
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.error)?;
        let waited = format_wait(self.waited_ms);
        match (&self.error, self.retries) {
            (ApiError::RateLimited { .. }, 0) => write!(
                f,
                " It was not retried automatically: the wait asked for is longer than this app waits by itself."
            ),
            (ApiError::RateLimited { .. }, n) => write!(
                f,
                " Still limited after {n} {} (waited {waited} in all).",
                plural(n)
            ),
            (_, 0) => Ok(()),
            (_, n) => write!(
                f,
                " Gave up after {n} automatic {} (waited {waited} between attempts).",
                plural(n)
            ),
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        "retry"
    } else {
        "retries"
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
