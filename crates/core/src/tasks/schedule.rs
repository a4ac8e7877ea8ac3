//! When to poll a task, how long it probably has left, and when its result links expire.

use crate::i18n::{text::tasks, Lang};
use crate::tr;

/// The first wait before polling, and the longest: polls start quick (low quality can finish
/// in seconds) and settle at one every 5 s (high quality takes minutes).
pub const FIRST_POLL_MS: u64 = 1_000;
pub const MAX_POLL_MS: u64 = 5_000;
/// Task results are links valid for 24 hours (facts sheet).
pub const RESULT_LINK_LIFETIME_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;
/// Failed polls in a row (network, 5xx) after which the task is given up on.
pub const MAX_FAILED_POLLS: u32 = 12;

/// The wait before poll number `poll` (0 = the first): 1 s, growing by half each time, at
/// most 5 s.
pub fn poll_delay_ms(poll: u32) -> u64 {
    let mut delay = FIRST_POLL_MS;
    for _ in 0..poll.min(16) {
        delay = (delay + delay / 2).min(MAX_POLL_MS);
    }
    delay
}

/// Seconds the task probably still needs: extrapolated from its progress once that says
/// something, else the gateway's estimate minus the time already spent.
pub fn remaining_secs(
    elapsed_ms: f64,
    progress: Option<u8>,
    estimated_secs: Option<u64>,
) -> Option<u64> {
    let elapsed = elapsed_ms.max(0.0) / 1000.0;
    match (progress, estimated_secs) {
        (Some(p), _) if (5..100).contains(&p) => {
            Some((elapsed * f64::from(100 - p) / f64::from(p)).round() as u64)
        }
        (Some(100), _) => Some(0),
        (_, Some(est)) => Some((est as f64 - elapsed).max(0.0).round() as u64),
        _ => None,
    }
}

/// When result links die. The task completed at some point after it was last seen running,
/// so the links are counted from then: the earliest they can expire, never later.
pub fn links_expire_ms(last_seen_running_ms: f64) -> f64 {
    last_seen_running_ms + RESULT_LINK_LIFETIME_MS
}

/// "expires in 23 h 59 min" / "expired", in `lang`.
pub fn expiry_phrase(expires_ms: f64, now_ms: f64, lang: Lang) -> String {
    let left_min = ((expires_ms - now_ms) / 60_000.0).floor();
    if left_min < 0.0 {
        return tr!(lang, tasks::EXPIRED).into();
    }
    let (h, m) = ((left_min / 60.0).floor() as u64, (left_min as u64) % 60);
    if h > 0 {
        tr!(lang, tasks::EXPIRES_IN_HOURS, h = h, m = m)
    } else {
        tr!(lang, tasks::EXPIRES_IN_MINUTES, m = m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_starts_at_one_second_and_settles_at_five() {
        let waits: Vec<u64> = (0..7).map(poll_delay_ms).collect();
        assert_eq!(waits, vec![1_000, 1_500, 2_250, 3_375, 5_000, 5_000, 5_000]);
        assert_eq!(poll_delay_ms(u32::MAX), 5_000);
    }

    #[test]
    fn remaining_time() {
        // 20 % done after 10 s: 40 s to go.
        assert_eq!(remaining_secs(10_000.0, Some(20), Some(100)), Some(40));
        // Too early to extrapolate: the estimate minus what was spent.
        assert_eq!(remaining_secs(30_000.0, Some(0), Some(100)), Some(70));
        assert_eq!(remaining_secs(130_000.0, None, Some(100)), Some(0));
        assert_eq!(remaining_secs(1_000.0, None, None), None);
        assert_eq!(remaining_secs(1_000.0, Some(100), None), Some(0));
    }

    #[test]
    fn expiry() {
        let seen = 1_763_700_000_000.0;
        assert_eq!(links_expire_ms(seen) - seen, 86_400_000.0);
        assert_eq!(
            expiry_phrase(links_expire_ms(seen), seen + 60_000.0, Lang::En),
            "expires in 23 h 59 min"
        );
        assert_eq!(
            expiry_phrase(seen + 300_000.0, seen, Lang::En),
            "expires in 5 min"
        );
        assert_eq!(expiry_phrase(seen, seen + 1.0, Lang::En), "expired");
        assert_eq!(
            expiry_phrase(links_expire_ms(seen), seen + 60_000.0, Lang::ZhCn),
            "还剩 23 小时 59 分钟"
        );
        assert_eq!(expiry_phrase(seen, seen + 1.0, Lang::ZhCn), "已过期");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn waits_stay_between_one_and_five_seconds_and_never_shrink(poll in 0u32..10_000) {
            let (now, next) = (poll_delay_ms(poll), poll_delay_ms(poll + 1));
            prop_assert!((FIRST_POLL_MS..=MAX_POLL_MS).contains(&now));
            prop_assert!(next >= now);
            // Growth is gentle: never more than half again.
            prop_assert!(next * 2 <= now * 3);
        }

        #[test]
        fn a_long_task_is_polled_at_most_every_five_seconds(polls in 5u32..500) {
            let total: u64 = (0..polls).map(poll_delay_ms).sum();
            // After the warm-up (4 waits, 8.1 s) every wait is exactly 5 s.
            prop_assert_eq!(total, 8_125 + u64::from(polls - 4) * 5_000);
        }

        #[test]
        fn the_estimate_is_never_negative(elapsed in 0.0f64..1e9, p in proptest::option::of(0u8..=100), est in proptest::option::of(0u64..100_000)) {
            if let Some(left) = remaining_secs(elapsed, p, est) {
                prop_assert!(left as f64 <= (elapsed / 1000.0) * 20.0 + est.unwrap_or(0) as f64 + 1.0);
            }
        }
    }
}
