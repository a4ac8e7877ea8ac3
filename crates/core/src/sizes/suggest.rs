//! Nearest valid sizes to an invalid one, and the distance between two sizes they are ranked by.

use super::ratio::round_to_step;
use super::rules::{
    is_valid, rules_for, SizeRules, MAX_EDGE, MAX_PIXELS, MAX_RATIO, MIN_PIXELS, STABLE_SIZES,
};

/// How far a candidate is from a target on a log scale: the shape counts twice the area,
/// because a wrong aspect shows in every composition while a few % of pixels do not.
pub(super) fn distance(candidate: (u32, u32), target: (u32, u32)) -> f64 {
    let aspect = |(w, h): (u32, u32)| f64::from(w) / f64::from(h);
    let area = |(w, h): (u32, u32)| f64::from(w) * f64::from(h);
    2.0 * (aspect(candidate) / aspect(target)).ln().abs()
        + (area(candidate) / area(target)).ln().abs()
}

/// The target pulled inside the limits (ratio, pixels, edges), before alignment.
fn pulled_inside(width: u32, height: u32) -> (f64, f64) {
    let (mut w, mut h) = (f64::from(width), f64::from(height));
    if w > MAX_RATIO * h {
        h = w / MAX_RATIO;
    } else if h > MAX_RATIO * w {
        w = h / MAX_RATIO;
    }
    let px = w * h;
    let px_scale = if px > MAX_PIXELS as f64 {
        (MAX_PIXELS as f64 / px).sqrt()
    } else if px < MIN_PIXELS as f64 {
        (MIN_PIXELS as f64 / px).sqrt()
    } else {
        1.0
    };
    let (w, h) = (w * px_scale, h * px_scale);
    let edge_scale = (f64::from(MAX_EDGE) / w.max(h)).min(1.0);
    (w * edge_scale, h * edge_scale)
}

/// Up to `count` valid sizes near an invalid one: first the minimal fix (each edge rounded to
/// 16) when that is valid, then the closest in aspect and area. No two share a width or a
/// height, so each is a real alternative (1920x1080 → 1920x1088, 1904x1072, …).
pub fn suggestions(width: u32, height: u32, model: &str, count: usize) -> Vec<(u32, u32)> {
    let target = (width.max(1), height.max(1));
    let mut candidates: Vec<(u32, u32)> = if rules_for(model) == SizeRules::StableOnly {
        STABLE_SIZES.to_vec()
    } else {
        let (cw, ch) = pulled_inside(target.0, target.1);
        let (cw, ch) = (round_to_step(cw) as i64, round_to_step(ch) as i64);
        let steps = -6..=6i64;
        steps
            .clone()
            .flat_map(|dw| steps.clone().map(move |dh| (cw + dw * 16, ch + dh * 16)))
            .filter(|&(w, h)| w > 0 && h > 0)
            .map(|(w, h)| (w as u32, h as u32))
            .filter(|&(w, h)| is_valid(w, h))
            .collect()
    };
    candidates.retain(|&c| c != target);
    // Closest first; on a tie the larger one, which can be cropped to the target.
    candidates.sort_by(|&a, &b| {
        distance(a, target)
            .total_cmp(&distance(b, target))
            .then((u64::from(b.0) * u64::from(b.1)).cmp(&(u64::from(a.0) * u64::from(a.1))))
    });
    let rounded = (
        round_to_step(f64::from(target.0)),
        round_to_step(f64::from(target.1)),
    );
    if let Some(at) = candidates.iter().position(|&c| c == rounded) {
        let minimal_fix = candidates.remove(at);
        candidates.insert(0, minimal_fix);
    }
    let mut picked: Vec<(u32, u32)> = Vec::new();
    for c in candidates {
        if picked.iter().all(|p| p.0 != c.0 && p.1 != c.1) {
            picked.push(c);
        }
        if picked.len() == count {
            break;
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_the_facts_sheet_examples() {
        let s = suggestions(1920, 1080, "gpt-image-2", 5);
        assert_eq!(&s[..2], &[(1920, 1088), (1904, 1072)], "{s:?}");
        for (w, h) in [
            (1000, 1000),
            (4000, 4000),
            (3840, 1000),
            (1920, 1080),
            (100, 100),
            (10000, 16),
        ] {
            let s = suggestions(w, h, "gpt-image-2", 5);
            assert!(!s.is_empty(), "{w}x{h}");
            assert!(s.iter().all(|&(a, b)| is_valid(a, b)), "{w}x{h}: {s:?}");
        }
        assert_eq!(
            suggestions(1000, 1000, "gpt-image-2", 1),
            vec![(1008, 1008)]
        );
        assert_eq!(
            suggestions(4000, 4000, "gpt-image-2", 1),
            vec![(2880, 2880)]
        );
        assert_eq!(
            suggestions(1920, 1080, "gpt-image-1", 1),
            vec![(1536, 1024)]
        );
    }
}
