//! The quality search: fit a byte budget with few encodes.
//!
//! The first encode that fits is accepted. Otherwise the quality is searched by size (secant
//! in log-size between the nearest fitting and failing tries, which converges in one or two
//! steps because size grows smoothly with quality); if even the floor quality is too big, the
//! caller downscales.

/// At most this many encodes per scale before settling.
pub const MAX_TRIES: usize = 5;

/// One encode: the quality used and the bytes it produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Try {
    pub quality: u8,
    pub size: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Encode at this quality next.
    Encode(u8),
    /// Keep the try at this index.
    Accept(usize),
    /// Nothing fits at this scale: shrink the image.
    Downscale,
}

/// Aim a little below the budget so that one more step is rarely needed.
const TARGET: f64 = 0.93;
/// A fitting try this close to the budget is good enough.
const CLOSE_ENOUGH: f64 = 0.85;
/// Without two points, assume size changes about 4% per quality step (JPEG and WebP near 80).
const ASSUMED_LOG_SLOPE: f64 = 0.04;

/// The next step after `tries` (in the order made), searching `floor..=start`.
pub fn next_step(tries: &[Try], budget: u64, start: u8, floor: u8) -> Step {
    let Some(first) = tries.first() else {
        return Step::Encode(start);
    };
    if first.size <= budget {
        return Step::Accept(0);
    }
    let fits = |t: &&Try| t.size <= budget;
    let best_fit = tries
        .iter()
        .enumerate()
        .filter(|(_, t)| fits(t))
        .max_by_key(|(_, t)| t.quality);
    let lowest_fail = tries
        .iter()
        .filter(|t| !fits(t))
        .min_by_key(|t| t.quality)
        .copied()
        .unwrap_or(*first);
    if let Some((index, fit)) = best_fit {
        let done = fit.size as f64 >= CLOSE_ENOUGH * budget as f64
            || lowest_fail.quality <= fit.quality + 2
            || tries.len() >= MAX_TRIES;
        if done {
            return Step::Accept(index);
        }
    } else if lowest_fail.quality <= floor {
        return Step::Downscale;
    } else if tries.len() >= MAX_TRIES {
        return Step::Encode(floor);
    }
    let target = (budget as f64 * TARGET).ln();
    let log = |t: &Try| (t.size.max(1) as f64).ln();
    // Secant between the two tries nearest the target from each side (or the two lowest
    // failing ones), else the assumed slope.
    let other = best_fit.map(|(_, t)| *t).or_else(|| {
        tries
            .iter()
            .filter(|t| !fits(t) && t.quality > lowest_fail.quality)
            .min_by_key(|t| t.quality)
            .copied()
    });
    let slope = match other {
        Some(o) if o.quality != lowest_fail.quality && o.size != lowest_fail.size => {
            (log(&lowest_fail) - log(&o)) / (f64::from(lowest_fail.quality) - f64::from(o.quality))
        }
        _ => ASSUMED_LOG_SLOPE,
    }
    .max(0.005);
    let guess = f64::from(lowest_fail.quality) - (log(&lowest_fail) - target) / slope;
    let low = best_fit.map_or(floor, |(_, t)| t.quality + 1);
    let high = lowest_fail.quality - 1;
    Step::Encode((guess.round().clamp(f64::from(low), f64::from(high))) as u8)
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs the search against a size model; returns the accepted try (if any) and the count.
    fn run(size_at: impl Fn(u8) -> u64, budget: u64, start: u8, floor: u8) -> (Option<Try>, usize) {
        let mut tries = Vec::new();
        loop {
            match next_step(&tries, budget, start, floor) {
                Step::Encode(q) => {
                    assert!(
                        tries.iter().all(|t: &Try| t.quality != q),
                        // i18n: not shown (a test's failure message)
                        "quality {q} tried twice"
                    );
                    assert!((floor..=start).contains(&q));
                    tries.push(Try {
                        quality: q,
                        size: size_at(q),
                    });
                    assert!(tries.len() <= MAX_TRIES + 1, "too many encodes");
                }
                Step::Accept(i) => return (Some(tries[i]), tries.len()),
                Step::Downscale => return (None, tries.len()),
            }
        }
    }

    fn jpeg_like(base: f64) -> impl Fn(u8) -> u64 {
        move |q| (base * (0.045 * f64::from(q)).exp()) as u64
    }

    #[test]
    fn first_fit_is_accepted_with_one_encode() {
        let (t, n) = run(|_| 900_000, 1_500_000, 85, 40);
        assert_eq!((t.unwrap().quality, n), (85, 1));
    }

    #[test]
    fn searches_down_to_a_close_fit() {
        let size = jpeg_like(50_000.0);
        let (t, n) = run(&size, 1_500_000, 85, 40);
        let t = t.unwrap();
        assert!(
            t.size <= 1_500_000 && t.size as f64 >= 0.8 * 1_500_000.0,
            "{t:?}"
        );
        assert!(n <= 3, "{n} encodes");
    }

    #[test]
    fn downscales_when_the_floor_is_too_big() {
        let (t, n) = run(|q| 10_000_000 + u64::from(q), 1_000_000, 85, 40);
        assert_eq!(t, None);
        assert!(n <= MAX_TRIES + 1);
    }

    proptest! {
        #[test]
        fn any_monotonic_size_model_terminates_within_budget(
            base in 1_000.0f64..2_000_000.0, k in 0.005f64..0.12, budget in 50_000u64..5_000_000,
            start in 60u8..=95, floor in 20u8..60,
        ) {
            let size = move |q: u8| (base * (k * f64::from(q)).exp()) as u64;
            let (t, n) = run(size, budget, start, floor);
            prop_assert!(n <= MAX_TRIES + 1);
            match t {
                Some(t) => prop_assert!(t.size <= budget),
                None => prop_assert!(size(floor) > budget),
            }
        }
    }
}
