//! Output dimensions: fit the long edge, never upscale, keep the aspect ratio.

/// `width` x `height` scaled so that the long edge is at most `max_edge`; unchanged when it
/// already fits (never upscaled). Edges stay at least 1 px.
pub fn fit_long_edge(width: u32, height: u32, max_edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max_edge || long == 0 {
        return (width, height);
    }
    scale(width, height, f64::from(max_edge) / f64::from(long))
}

/// Both edges times `factor` (< 1), rounded, at least 1 px, never larger than before.
pub fn scale(width: u32, height: u32, factor: f64) -> (u32, u32) {
    let edge = |e: u32| ((f64::from(e) * factor).round() as u32).clamp(1, e.max(1));
    (edge(width), edge(height))
}

/// How much to shrink an image whose encode came out `size` bytes so that the same encode
/// fits `budget`: bytes scale roughly with the pixel count, so by the square root, with a
/// 10% margin; at least 5% smaller so that every round makes progress, at most 4x smaller.
pub fn downscale_factor(size: u64, budget: u64) -> f64 {
    if size == 0 {
        return 0.95;
    }
    (0.9 * budget as f64 / size as f64).sqrt().clamp(0.25, 0.95)
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert_eq!(fit_long_edge(6000, 4000, 2048), (2048, 1365));
        assert_eq!(fit_long_edge(4000, 6000, 2048), (1365, 2048));
        assert_eq!(fit_long_edge(800, 600, 2048), (800, 600));
        assert_eq!(fit_long_edge(20000, 1, 2048), (2048, 1));
        assert_eq!(
            downscale_factor(4_000_000, 1_000_000),
            (0.9f64 / 4.0).sqrt()
        );
        assert!(downscale_factor(1_000_001, 1_000_000) < 0.95);
        assert_eq!(downscale_factor(100_000_000, 1_000_000), 0.25);
    }

    proptest! {
        #[test]
        fn never_upscales_and_keeps_the_ratio(w in 1u32..40_000, h in 1u32..40_000, max in 16u32..8192) {
            let (fw, fh) = fit_long_edge(w, h, max);
            prop_assert!(fw <= w && fh <= h);
            prop_assert!(fw >= 1 && fh >= 1);
            prop_assert!(fw.max(fh) <= max.max(1) || (fw, fh) == (w, h));
            if w.max(h) > max {
                prop_assert_eq!(fw.max(fh), max);
                // The aspect ratio moves by at most the rounding of one pixel.
                let before = f64::from(w) / f64::from(h);
                let after = f64::from(fw) / f64::from(fh);
                let tolerance = before * (1.0 / f64::from(fw.min(fh)) + 1e-9) + 1e-9;
                prop_assert!((before - after).abs() <= tolerance * 1.01 + 1.0 / f64::from(fh), "{} vs {}", before, after);
            } else {
                prop_assert_eq!((fw, fh), (w, h));
            }
        }

        #[test]
        fn downscale_reaches_the_budget_when_size_scales_with_pixels(size in 1u64..500_000_000, budget in 10_000u64..10_000_000) {
            prop_assume!(size > budget);
            let f = downscale_factor(size, budget);
            prop_assert!((0.25..=0.95).contains(&f));
            let predicted = size as f64 * f * f;
            // Fits unless the factor was clamped at 4x for a very large overshoot.
            prop_assert!(predicted <= budget as f64 || f == 0.25 || f == 0.95 && predicted <= size as f64 * 0.91);
        }
    }
}
