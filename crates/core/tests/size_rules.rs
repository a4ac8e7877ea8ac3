//! The size builder never emits a size the API refuses, and the validator accepts exactly what
//! the rules in ../shared/gpt-image-2.md allow.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use studio_core::sizes::{
    check, is_valid, parse, ratio_tier_size, request_for_exact, suggestions, SizeSpec, Tier,
    PRESETS, RATIOS,
};

/// The rules restated independently of the implementation (floating-point ratio, plain
/// comparisons), as the facts sheet words them.
fn oracle(w: u32, h: u32) -> bool {
    let edges_ok = [w, h]
        .iter()
        .all(|&e| e % 16 == 0 && (16..=3840).contains(&e));
    let ratio = f64::from(w.max(h)) / f64::from(w.min(h));
    let pixels = f64::from(w) * f64::from(h);
    edges_ok && ratio <= 3.0 && (655_360.0..=8_294_400.0).contains(&pixels)
}

#[test]
fn exhaustive_over_every_multiple_of_16() {
    let mut valid = 0;
    for w in (16..=3840).step_by(16) {
        for h in (16..=3840).step_by(16) {
            assert_eq!(is_valid(w, h), oracle(w, h), "{w}x{h}");
            valid += usize::from(oracle(w, h));
        }
    }
    // A regression guard on the rules themselves, not only on agreement.
    assert!(valid > 20_000 && valid < 57_600, "{valid} valid sizes");
    for (w, h) in [(1000, 1000), (4000, 4000), (3840, 1000), (1920, 1080)] {
        assert!(
            !is_valid(w, h),
            "{w}x{h} is an invalid example in the facts sheet"
        );
    }
}

#[test]
fn off_grid_sizes_are_all_refused() {
    for w in (1..=3900).step_by(7) {
        for h in [1, 15, 17, 1080, 1081, 2161, 3839] {
            assert_eq!(is_valid(w, h), oracle(w, h), "{w}x{h}");
        }
    }
}

#[test]
fn every_ratio_tier_and_preset_is_valid() {
    for ratio in RATIOS {
        for tier in Tier::ALL {
            let (w, h) = ratio_tier_size(ratio, tier);
            assert!(
                oracle(w, h),
                "{}:{} {} gave {w}x{h}",
                ratio.0,
                ratio.1,
                tier.label()
            );
            // Portrait is landscape swapped, and the orientation follows the ratio.
            assert_eq!(ratio_tier_size((ratio.1, ratio.0), tier), (h, w));
            assert_eq!(w >= h, ratio.0 >= ratio.1);
        }
    }
    for p in PRESETS {
        if let SizeSpec::Exact { width, height } = parse(p.value).unwrap() {
            assert!(oracle(width, height), "{}", p.value);
        }
    }
}

proptest! {
    #[test]
    fn suggestions_are_valid_for_the_model(w in 1u32..6000, h in 1u32..6000, old in any::<bool>()) {
        let model = if old { "gpt-image-1" } else { "gpt-image-2" };
        let s = suggestions(w, h, model, 5);
        prop_assert!(!s.is_empty());
        for (a, b) in s {
            prop_assert!(check(SizeSpec::exact(a, b), model).violations.is_empty(), "{}x{} for {}x{}", a, b, w, h);
        }
    }

    #[test]
    fn exact_requests_are_valid_and_cover_the_target_when_possible(w in 1u32..4200, h in 1u32..4200) {
        let (a, b) = request_for_exact(w, h, "gpt-image-2");
        prop_assert!(oracle(a, b), "{}x{} for {}x{}", a, b, w, h);
        let coverable = (16..=3840).step_by(16).any(|x| x >= w && (16..=3840).step_by(16).any(|y| y >= h && oracle(x, y)));
        prop_assert_eq!(a >= w && b >= h, coverable, "{}x{} for {}x{}", a, b, w, h);
    }
}

#[test]
fn huge_sizes_are_refused_with_a_sentence_not_an_overflow() {
    for text in [
        "4294967295x1024",
        "5000000000x1024",
        "1024x99999999999999999999",
    ] {
        let why = parse(text).expect_err(text).to_string();
        assert!(why.contains("far too large"), "{text}: {why}");
        assert!(!why.contains("positive"), "{text}: {why}");
    }
    // The largest accepted edge still gets its rule explained with the numbers.
    let verdict = check(SizeSpec::exact(100_000, 1024), "gpt-image-2");
    assert!(
        verdict
            .violations
            .iter()
            .any(|v| v.to_string().contains("above the maximum edge")),
        "{verdict:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any typed size, however large, gives a plan or a message and never panics.
    #[test]
    fn any_typed_size_is_planned_without_panicking(w in any::<u64>(), h in any::<u64>(), exact in any::<bool>()) {
        let text = format!("{w}x{h}");
        let _ = studio_core::sizes::plan(&text, "gpt-image-2", exact);
        let _ = studio_core::sizes::plan(&text, "gpt-image-1", exact);
        if let Ok(SizeSpec::Exact { width, height }) = parse(&text) {
            let _ = check(SizeSpec::exact(width, height), "gpt-image-2");
            let _ = suggestions(width, height, "gpt-image-2", 4);
            let _ = request_for_exact(width, height, "gpt-image-2");
        }
    }

    /// Every edge the validator sees, up to u32::MAX, explains itself without overflowing.
    #[test]
    fn violations_never_overflow(w in any::<u32>(), h in any::<u32>()) {
        for v in studio_core::sizes::violations(w, h) {
            let _ = v.to_string();
        }
    }
}
