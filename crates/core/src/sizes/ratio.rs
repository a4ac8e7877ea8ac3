//! The ratio x tier convention: the 15 ratios, the three tiers, the size for a ratio at a tier
//! (aligned to 16 and kept inside the limits), and the ratio nearest to a size.

use super::rules::{EDGE_STEP, MAX_EDGE, MAX_PIXELS};

/// The 15 aspect ratios of the ratio x tier convention, landscape first within each pair.
pub const RATIOS: [(u32, u32); 15] = [
    (1, 1),
    (2, 1),
    (1, 2),
    (3, 1),
    (1, 3),
    (3, 2),
    (2, 3),
    (4, 3),
    (3, 4),
    (5, 4),
    (4, 5),
    (16, 9),
    (9, 16),
    (21, 9),
    (9, 21),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tier {
    K1,
    K2,
    K4,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::K1, Tier::K2, Tier::K4];

    pub fn pixel_target(self) -> u64 {
        match self {
            Tier::K1 => 1_048_576,
            Tier::K2 => 4_194_304,
            Tier::K4 => MAX_PIXELS,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::K1 => "1K",
            Tier::K2 => "2K",
            Tier::K4 => "4K",
        }
    }

    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(text.trim()))
    }
}

/// Parses `16:9`.
pub fn parse_ratio(text: &str) -> Option<(u32, u32)> {
    let (a, b) = text.trim().split_once(':')?;
    let ratio = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    RATIOS.contains(&ratio).then_some(ratio)
}

pub(super) fn round_to_step(v: f64) -> u32 {
    ((v / f64::from(EDGE_STEP)).round() as u32).max(1) * EDGE_STEP
}

/// Rounds down to a multiple of 16; the epsilon keeps 3839.9999 from becoming 3824.
fn floor_to_step(v: f64) -> u32 {
    (((v + 1e-6) / f64::from(EDGE_STEP)).floor() as u32).max(1) * EDGE_STEP
}

/// The size for a ratio at a tier: width and height from the tier's pixel target and the
/// ratio, each aligned to 16; where that breaks the 3840 edge or the pixel budget, scaled down
/// proportionally to fit and aligned down. Portrait is landscape swapped.
pub fn ratio_tier_size(ratio: (u32, u32), tier: Tier) -> (u32, u32) {
    let (a, b) = (ratio.0.max(ratio.1), ratio.0.min(ratio.1));
    let r = f64::from(a) / f64::from(b);
    let target = tier.pixel_target() as f64;
    let (w0, h0) = ((target * r).sqrt(), (target / r).sqrt());
    let (mut w, mut h) = (round_to_step(w0), round_to_step(h0));
    if w > MAX_EDGE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        let scale = (f64::from(MAX_EDGE) / w0)
            .min((MAX_PIXELS as f64 / (w0 * h0)).sqrt())
            .min(1.0);
        w = floor_to_step(w0 * scale);
        h = floor_to_step(h0 * scale);
    }
    // Alignment can push an exact 3:1 just past the limit; widen the short edge back.
    while u64::from(w) > 3 * u64::from(h) {
        h += EDGE_STEP;
    }
    if ratio.0 >= ratio.1 {
        (w, h)
    } else {
        (h, w)
    }
}

/// The ratio among the 15 closest to a size's aspect.
pub fn nearest_ratio(width: u32, height: u32) -> (u32, u32) {
    let aspect = f64::from(width) / f64::from(height.max(1));
    RATIOS
        .into_iter()
        .min_by(|a, b| {
            let gap = |r: &(u32, u32)| (f64::from(r.0) / f64::from(r.1) / aspect).ln().abs();
            gap(a).total_cmp(&gap(b))
        })
        .unwrap_or((1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_tier_worked_examples() {
        assert_eq!(ratio_tier_size((16, 9), Tier::K1), (1360, 768));
        assert_eq!(ratio_tier_size((21, 9), Tier::K4), (3840, 1632));
        assert_eq!(ratio_tier_size((9, 21), Tier::K4), (1632, 3840));
        assert_eq!(ratio_tier_size((1, 1), Tier::K1), (1024, 1024));
        assert_eq!(ratio_tier_size((1, 1), Tier::K2), (2048, 2048));
        assert_eq!(ratio_tier_size((16, 9), Tier::K4), (3840, 2160));
        assert_eq!(parse_ratio(" 16:9 "), Some((16, 9)));
        assert_eq!(parse_ratio("7:5"), None);
        assert_eq!(Tier::parse("2k"), Some(Tier::K2));
    }

    #[test]
    fn nearest_ratios() {
        assert_eq!(nearest_ratio(1920, 1080), (16, 9));
        assert_eq!(nearest_ratio(1024, 1536), (2, 3));
        assert_eq!(nearest_ratio(1000, 1000), (1, 1));
    }
}
