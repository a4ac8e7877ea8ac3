//! How many prep workers to run at once.
//!
//! Each worker prepares one image at a time and holds its decoded pixels (a 24 MP photo is
//! ~100 MB of RGBA) until the job ends, so the pool is sized from the machine's cores but
//! capped: beyond four, memory grows faster than throughput on the phones and laptops this
//! runs on.

/// Never fewer workers than this: even on one reported core, a second worker overlaps one
/// file's decoding with another's encoding and hides the worker's start-up.
pub const MIN_WORKERS: usize = 2;
/// Never more workers than this (memory, see above).
pub const MAX_WORKERS: usize = 4;

/// The pool size for `cores` (`navigator.hardwareConcurrency`, absent in some browsers),
/// leaving one core to the page; `chosen` is the user's or a benchmark's override (the local
/// setting `gis.prep.workers`), taken when it is a whole number from 1 to `MAX_WORKERS`.
pub fn pool_size(cores: Option<u32>, chosen: Option<&str>) -> usize {
    if let Some(n) = chosen.and_then(|c| c.trim().parse::<usize>().ok()) {
        if (1..=MAX_WORKERS).contains(&n) {
            return n;
        }
    }
    let spare = cores.map_or(MIN_WORKERS, |c| (c as usize).saturating_sub(1));
    spare.clamp(MIN_WORKERS, MAX_WORKERS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_a_core_to_the_page_within_the_bounds() {
        assert_eq!(pool_size(None, None), 2);
        assert_eq!(pool_size(Some(1), None), 2);
        assert_eq!(pool_size(Some(2), None), 2);
        assert_eq!(pool_size(Some(4), None), 3);
        assert_eq!(pool_size(Some(8), None), 4);
        assert_eq!(pool_size(Some(64), None), 4);
    }

    #[test]
    fn an_override_in_range_wins_and_anything_else_is_ignored() {
        assert_eq!(pool_size(Some(8), Some("1")), 1);
        assert_eq!(pool_size(Some(2), Some(" 3 ")), 3);
        for bad in ["0", "5", "-1", "two", ""] {
            assert_eq!(pool_size(Some(8), Some(bad)), 4, "{bad:?}");
        }
    }

    #[test]
    fn always_within_bounds() {
        for cores in 0..200 {
            let n = pool_size(Some(cores), None);
            assert!(
                (MIN_WORKERS..=MAX_WORKERS).contains(&n),
                "{cores} cores gave {n}"
            );
        }
    }
}
