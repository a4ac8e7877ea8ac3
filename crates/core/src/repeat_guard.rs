//! A second press of Generate on an unchanged form within a moment is a double click (or a
//! doubled Ctrl+Enter), not a wish to pay for the same request twice. A changed form, or a
//! press after the window, sends: parallel runs stay possible on purpose.

/// How long after a send the same form is taken as the same press.
pub const REPEAT_WINDOW_MS: f64 = 800.0;

/// Remembers the last form that was sent and when.
#[derive(Clone, Debug, Default)]
pub struct RepeatGuard {
    last: Option<(u64, f64)>,
}

impl RepeatGuard {
    /// True when sending the form `fingerprint` at `now_ms` is a new request, which is then
    /// recorded; false for a repeat of the last one within the window. An ignored repeat does
    /// not extend the window, so pressing again a second later sends.
    pub fn admit(&mut self, fingerprint: u64, now_ms: f64) -> bool {
        if let Some((last, at)) = self.last {
            let since = now_ms - at;
            if last == fingerprint && (0.0..REPEAT_WINDOW_MS).contains(&since) {
                return false;
            }
        }
        self.last = Some((fingerprint, now_ms));
        true
    }
}

/// A stable fingerprint of everything a send depends on (FNV-1a over the parts, each ended by
/// a separator so that ("ab", "c") and ("a", "bc") differ).
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_within_the_window_is_ignored() {
        let mut guard = RepeatGuard::default();
        let form = fingerprint(["a fox", "1024x1024"]);
        assert!(guard.admit(form, 1_000.0));
        assert!(!guard.admit(form, 1_100.0), "a double click");
        assert!(!guard.admit(form, 1_799.0), "still within 800 ms");
        assert!(guard.admit(form, 1_800.0), "a deliberate second run");
    }

    #[test]
    fn an_ignored_repeat_does_not_extend_the_window() {
        let mut guard = RepeatGuard::default();
        let form = fingerprint(["x"]);
        assert!(guard.admit(form, 0.0));
        assert!(!guard.admit(form, 700.0));
        assert!(guard.admit(form, 850.0));
    }

    #[test]
    fn a_changed_form_sends_at_once() {
        let mut guard = RepeatGuard::default();
        assert!(guard.admit(fingerprint(["a fox"]), 0.0));
        assert!(guard.admit(fingerprint(["a fox", "n=2"]), 10.0));
        assert!(
            guard.admit(fingerprint(["a fox"]), 20.0),
            "changed back is a change too"
        );
    }

    #[test]
    fn a_clock_that_went_back_never_blocks() {
        let mut guard = RepeatGuard::default();
        let form = fingerprint(["x"]);
        assert!(guard.admit(form, 5_000.0));
        assert!(guard.admit(form, 1_000.0));
    }

    #[test]
    fn fingerprints_keep_parts_apart() {
        assert_ne!(fingerprint(["ab", "c"]), fingerprint(["a", "bc"]));
        assert_eq!(fingerprint(["ab", "c"]), fingerprint(["ab", "c"]));
    }
}
