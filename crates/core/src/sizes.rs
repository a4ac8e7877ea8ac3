//! gpt-image-2 output sizes: parsing, every rule with its own message, ratio x tier, nearest
//! valid suggestions, and the request size for an exact target the API cannot make.
//! Rules and figures: ../shared/gpt-image-2.md.

use std::fmt;

pub const EDGE_STEP: u32 = 16;
pub const MIN_EDGE: u32 = 16;
pub const MAX_EDGE: u32 = 3840;
/// Typed edges above this are refused while parsing (no model comes near it).
pub const MAX_PARSED_EDGE: u32 = 100_000;
pub const MAX_RATIO: f64 = 3.0;
pub const MIN_PIXELS: u64 = 655_360;
pub const MAX_PIXELS: u64 = 8_294_400;
/// Above 2560x1440 sizes are experimental: slower, less consistent.
pub const EXPERIMENTAL_PIXELS: u64 = 3_686_400;
/// The sizes every gpt-image model takes.
pub const STABLE_SIZES: [(u32, u32); 3] = [(1024, 1024), (1536, 1024), (1024, 1536)];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SizeSpec {
    Auto,
    Exact { width: u32, height: u32 },
}

impl fmt::Display for SizeSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SizeSpec::Auto => write!(f, "auto"),
            SizeSpec::Exact { width, height } => write!(f, "{width}x{height}"),
        }
    }
}

impl SizeSpec {
    pub fn exact(width: u32, height: u32) -> Self {
        SizeSpec::Exact { width, height }
    }

    pub fn pixels(self) -> Option<u64> {
        match self {
            SizeSpec::Auto => None,
            SizeSpec::Exact { width, height } => Some(u64::from(width) * u64::from(height)),
        }
    }
}

/// A preset with the label people know it by.
pub struct Preset {
    pub value: &'static str,
    pub label: &'static str,
}

pub const PRESETS: &[Preset] = &[
    Preset {
        value: "auto",
        label: "Auto (model decides)",
    },
    Preset {
        value: "1024x1024",
        label: "Square 1024×1024",
    },
    Preset {
        value: "1536x1024",
        label: "Landscape 3:2 1536×1024",
    },
    Preset {
        value: "1024x1536",
        label: "Portrait 2:3 1024×1536",
    },
    Preset {
        value: "2048x2048",
        label: "2K square 2048×2048",
    },
    Preset {
        value: "2048x1152",
        label: "16:9 2K 2048×1152",
    },
    Preset {
        value: "3840x2160",
        label: "4K UHD 3840×2160",
    },
    Preset {
        value: "2160x3840",
        label: "4K portrait 2160×3840",
    },
];

/// The first four presets are the ones every gpt-image model takes.
pub const STABLE_PRESETS: &[Preset] = PRESETS.split_at(4).0;

/// Parses `auto`, `WxH`, `W×H` or `w X h`, with spaces anywhere around the numbers.
pub fn parse(text: &str) -> Result<SizeSpec, String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("auto") {
        return Ok(SizeSpec::Auto);
    }
    let expected = "expected WIDTHxHEIGHT such as 1536x1024, or auto";
    if t.is_empty() {
        return Err(format!("empty; {expected}."));
    }
    let mut halves = t.splitn(2, ['x', 'X', '×']);
    let (w, h) = match (halves.next(), halves.next()) {
        (Some(w), Some(h)) => (w.trim(), h.trim()),
        _ => {
            return Err(format!(
                "\"{t}\" has no x between width and height; {expected}."
            ))
        }
    };
    let number = |s: &str, edge: &str| -> Result<u32, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "the {edge} \"{s}\" is not a whole number; {expected}."
            ));
        }
        // Far beyond any edge a model takes: said plainly, and no arithmetic on it can overflow.
        match s.parse::<u32>() {
            Ok(0) => Err(format!("the {edge} must be a positive number of pixels, not {s}.")),
            Ok(v) if v <= MAX_PARSED_EDGE => Ok(v),
            _ => Err(format!(
                "the {edge} {s} is far too large: the longest edge gpt-image-2 makes is {MAX_EDGE} pixels."
            )),
        }
    };
    Ok(SizeSpec::Exact {
        width: number(w, "width")?,
        height: number(h, "height")?,
    })
}

/// Which size rules a model follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeRules {
    /// gpt-image-2: any size within the rules.
    Flexible,
    /// gpt-image-1, 1.5 and 1-mini: the three stable sizes and auto.
    StableOnly,
}

pub fn rules_for(model: &str) -> SizeRules {
    if model.trim().to_ascii_lowercase().contains("gpt-image-1") {
        SizeRules::StableOnly
    } else {
        SizeRules::Flexible
    }
}

/// Whether the app knows this model's rules well enough to refuse a size before sending.
pub fn enforced_for(model: &str) -> bool {
    model.trim().to_ascii_lowercase().starts_with("gpt-image")
}

/// One broken rule, with the numbers that break it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SizeViolation {
    NotMultiple { edge: &'static str, value: u32 },
    EdgeTooSmall { edge: &'static str, value: u32 },
    EdgeTooLarge { edge: &'static str, value: u32 },
    TooElongated { long: u32, short: u32 },
    TooFewPixels { pixels: u64 },
    TooManyPixels { pixels: u64 },
    NotStable { model: String },
}

impl fmt::Display for SizeViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SizeViolation::NotMultiple { edge, value } => {
                write!(f, "{value} is not a multiple of 16 (the {edge}); use {} or {}.", u64::from(*value) / 16 * 16, (u64::from(*value) / 16 + 1) * 16)
            }
            SizeViolation::EdgeTooSmall { edge, value } => write!(f, "The {edge} {value} is below the minimum edge of {MIN_EDGE}."),
            SizeViolation::EdgeTooLarge { edge, value } => write!(f, "The {edge} {value} is above the maximum edge of {MAX_EDGE}."),
            SizeViolation::TooElongated { long, short } => write!(
                f,
                "{long}:{short} is {:.2}:1; the long edge may be at most 3 times the short edge.",
                f64::from(*long) / f64::from(*short)
            ),
            SizeViolation::TooFewPixels { pixels } => write!(
                f,
                "{} pixels is below the minimum of {} (e.g. 1024x640).",
                thousands(*pixels),
                thousands(MIN_PIXELS)
            ),
            SizeViolation::TooManyPixels { pixels } => write!(
                f,
                "{} pixels is above the maximum of {} (3840x2160).",
                thousands(*pixels),
                thousands(MAX_PIXELS)
            ),
            SizeViolation::NotStable { model } => write!(
                f,
                "{model} takes only 1024x1024, 1536x1024, 1024x1536 or auto; gpt-image-2 takes other sizes."
            ),
        }
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every gpt-image-2 rule the size breaks, in the order the facts sheet lists them.
pub fn violations(width: u32, height: u32) -> Vec<SizeViolation> {
    let mut out = Vec::new();
    for (edge, value) in [("width", width), ("height", height)] {
        if value % EDGE_STEP != 0 {
            out.push(SizeViolation::NotMultiple { edge, value });
        }
        if value < MIN_EDGE {
            out.push(SizeViolation::EdgeTooSmall { edge, value });
        }
        if value > MAX_EDGE {
            out.push(SizeViolation::EdgeTooLarge { edge, value });
        }
    }
    let (long, short) = (width.max(height), width.min(height));
    if u64::from(long) > 3 * u64::from(short) {
        out.push(SizeViolation::TooElongated { long, short });
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels < MIN_PIXELS {
        out.push(SizeViolation::TooFewPixels { pixels });
    }
    if pixels > MAX_PIXELS {
        out.push(SizeViolation::TooManyPixels { pixels });
    }
    out
}

pub fn is_valid(width: u32, height: u32) -> bool {
    violations(width, height).is_empty()
}

/// The verdict on a size for a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeCheck {
    pub violations: Vec<SizeViolation>,
    /// Allowed, but above 2560x1440: slower and less consistent.
    pub experimental: bool,
}

pub fn check(size: SizeSpec, model: &str) -> SizeCheck {
    let SizeSpec::Exact { width, height } = size else {
        return SizeCheck {
            violations: Vec::new(),
            experimental: false,
        };
    };
    let mut found = violations(width, height);
    if rules_for(model) == SizeRules::StableOnly && !STABLE_SIZES.contains(&(width, height)) {
        found.push(SizeViolation::NotStable {
            model: model.trim().to_string(),
        });
    }
    SizeCheck {
        experimental: found.is_empty()
            && u64::from(width) * u64::from(height) > EXPERIMENTAL_PIXELS,
        violations: found,
    }
}

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

fn round_to_step(v: f64) -> u32 {
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

/// How far a candidate is from a target on a log scale: the shape counts twice the area,
/// because a wrong aspect shows in every composition while a few % of pixels do not.
fn distance(candidate: (u32, u32), target: (u32, u32)) -> f64 {
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

/// What to request for an exact target: the tight box (each edge rounded up to 16) when it is
/// valid, which needs only a crop of a few pixels; otherwise the valid size at least as large in
/// both edges that is closest in aspect and area, to be cropped and resized. When nothing valid
/// is that large, the largest valid size of the closest aspect (resized up).
pub fn request_for_exact(width: u32, height: u32, model: &str) -> (u32, u32) {
    let target = (width.max(1), height.max(1));
    let all: Vec<(u32, u32)> = if rules_for(model) == SizeRules::StableOnly {
        STABLE_SIZES.to_vec()
    } else {
        (1..=MAX_EDGE / EDGE_STEP)
            .flat_map(|i| (1..=MAX_EDGE / EDGE_STEP).map(move |j| (i * EDGE_STEP, j * EDGE_STEP)))
            .filter(|&(w, h)| is_valid(w, h))
            .collect()
    };
    let aspect_gap = |(w, h): (u32, u32)| {
        (f64::from(w) / f64::from(h) / (f64::from(target.0) / f64::from(target.1)))
            .ln()
            .abs()
    };
    let area = |(w, h): (u32, u32)| u64::from(w) * u64::from(h);
    let covering = all
        .iter()
        .copied()
        .filter(|&(w, h)| w >= target.0 && h >= target.1);
    let tight = (
        target.0.div_ceil(EDGE_STEP) * EDGE_STEP,
        target.1.div_ceil(EDGE_STEP) * EDGE_STEP,
    );
    if all.contains(&tight) {
        return tight;
    }
    let best_covering = covering.min_by(|&a, &b| {
        distance(a, target)
            .total_cmp(&distance(b, target))
            .then(area(a).cmp(&area(b)))
    });
    best_covering.unwrap_or_else(|| {
        all.iter()
            .copied()
            .min_by(|&a, &b| {
                aspect_gap(a)
                    .total_cmp(&aspect_gap(b))
                    .then(area(b).cmp(&area(a)))
            })
            .unwrap_or((1024, 1024))
    })
}

/// What the size controls mean right now.
#[derive(Clone, Debug, PartialEq)]
pub enum SizePlan {
    /// Sent as it is. `warnings` are broken rules the app cannot enforce (a model it does not
    /// know) and the experimental notice.
    Send {
        size: SizeSpec,
        warnings: Vec<String>,
    },
    /// The API cannot make `target`; `request` is sent and the result cropped/resized to it.
    Exact {
        target: (u32, u32),
        request: (u32, u32),
    },
    /// Cannot be sent: why, and valid sizes to pick instead.
    Invalid {
        problems: Vec<String>,
        suggestions: Vec<(u32, u32)>,
        target: Option<(u32, u32)>,
    },
}

impl SizePlan {
    /// The `size` value that goes in the request, if any.
    pub fn sent(&self) -> Option<SizeSpec> {
        match self {
            SizePlan::Send { size, .. } => Some(*size),
            SizePlan::Exact { request, .. } => Some(SizeSpec::exact(request.0, request.1)),
            SizePlan::Invalid { .. } => None,
        }
    }
}

pub const EXPERIMENTAL_WARNING: &str =
    "Above 2560x1440 sizes are experimental: slower, and results are less consistent.";

/// Resolves the typed size for a model; `exact` asks to deliver an unmakeable size exactly.
pub fn plan(text: &str, model: &str, exact: bool) -> SizePlan {
    let spec = match parse(text) {
        Ok(spec) => spec,
        Err(why) => {
            return SizePlan::Invalid {
                problems: vec![format!("Size: {why}")],
                suggestions: Vec::new(),
                target: None,
            }
        }
    };
    let verdict = check(spec, model);
    let SizeSpec::Exact { width, height } = spec else {
        return SizePlan::Send {
            size: spec,
            warnings: Vec::new(),
        };
    };
    if verdict.violations.is_empty() {
        let warnings = verdict
            .experimental
            .then(|| EXPERIMENTAL_WARNING.to_string())
            .into_iter()
            .collect();
        return SizePlan::Send {
            size: spec,
            warnings,
        };
    }
    let problems: Vec<String> = verdict.violations.iter().map(ToString::to_string).collect();
    if exact {
        return SizePlan::Exact {
            target: (width, height),
            request: request_for_exact(width, height, model),
        };
    }
    if !enforced_for(model) {
        let warnings = problems
            .into_iter()
            .map(|p| format!("{p} (gpt-image-2's rule; {model} may differ)"))
            .collect();
        return SizePlan::Send {
            size: spec,
            warnings,
        };
    }
    SizePlan::Invalid {
        problems,
        suggestions: suggestions(width, height, model, 4),
        target: Some((width, height)),
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
    fn parses_every_spelling() {
        let exact = SizeSpec::exact(1536, 1024);
        for text in [
            "1536x1024",
            "1536×1024",
            " 1536 X 1024 ",
            "1536 x1024",
            "w X h".replace("w", "1536").replace("h", "1024").as_str(),
        ] {
            assert_eq!(parse(text), Ok(exact), "{text}");
        }
        assert_eq!(parse(" AUTO "), Ok(SizeSpec::Auto));
        assert_eq!(exact.to_string(), "1536x1024");
        assert_eq!(exact.pixels(), Some(1_572_864));
    }

    #[test]
    fn rejects_with_what_is_expected() {
        assert!(parse("").unwrap_err().contains("expected WIDTHxHEIGHT"));
        assert!(parse("1024").unwrap_err().contains("no x between"));
        assert!(parse("abcx10")
            .unwrap_err()
            .contains("width \"abc\" is not a whole number"));
        assert!(parse("10x-3").unwrap_err().contains("height \"-3\""));
        assert!(parse("0x1024").unwrap_err().contains("positive"));
        assert!(parse("99999999999x2")
            .unwrap_err()
            .contains("far too large"));
        assert!(parse("16:9").unwrap_err().contains("expected"));
    }

    #[test]
    fn presets_are_valid_and_labelled() {
        for p in PRESETS {
            match parse(p.value).unwrap() {
                SizeSpec::Auto => {}
                SizeSpec::Exact { width, height } => {
                    assert!(is_valid(width, height), "{}", p.value)
                }
            }
        }
        assert_eq!(STABLE_PRESETS.len(), 4);
        assert!(STABLE_PRESETS.iter().all(|p| p.value == "auto"
            || check(parse(p.value).unwrap(), "gpt-image-1")
                .violations
                .is_empty()));
    }

    #[test]
    fn each_broken_rule_has_its_own_message_with_numbers() {
        let msgs = |w, h| {
            violations(w, h)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            msgs(1920, 1080),
            vec!["1080 is not a multiple of 16 (the height); use 1072 or 1088."]
        );
        let m = msgs(1000, 1000);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].starts_with("1000 is not a multiple of 16 (the width)"));
        let m = msgs(4000, 4000);
        assert!(m
            .iter()
            .any(|s| s == "The width 4000 is above the maximum edge of 3840."));
        assert!(m
            .iter()
            .any(|s| s.contains("16,000,000 pixels is above the maximum of 8,294,400")));
        assert_eq!(
            msgs(3840, 1008),
            vec!["3840:1008 is 3.81:1; the long edge may be at most 3 times the short edge."]
        );
        assert!(msgs(512, 512)[0].contains("262,144 pixels is below the minimum of 655,360"));
        assert!(msgs(8, 2048)
            .iter()
            .any(|s| s == "The width 8 is below the minimum edge of 16."));
        assert!(msgs(1024, 1024).is_empty());
    }

    #[test]
    fn model_rules_and_experimental_flag() {
        let c = check(SizeSpec::exact(2048, 1152), "gpt-image-1.5");
        assert_eq!(
            c.violations,
            vec![SizeViolation::NotStable {
                model: "gpt-image-1.5".into()
            }]
        );
        assert!(c.violations[0]
            .to_string()
            .contains("takes only 1024x1024, 1536x1024, 1024x1536 or auto"));
        assert!(check(SizeSpec::exact(1536, 1024), "gpt-image-1-mini")
            .violations
            .is_empty());
        assert!(check(SizeSpec::exact(3840, 2160), "gpt-image-2").experimental);
        assert!(!check(SizeSpec::exact(2560, 1440), "gpt-image-2").experimental);
        assert!(!check(SizeSpec::Auto, "gpt-image-1").experimental);
        assert!(enforced_for("gpt-image-2-2026-04-21") && !enforced_for("flux-pro"));
    }

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

    #[test]
    fn exact_targets_request_the_nearest_covering_size() {
        assert_eq!(request_for_exact(1920, 1080, "gpt-image-2"), (1920, 1088));
        assert_eq!(request_for_exact(1748, 2480, "gpt-image-2"), (1760, 2480));
        assert_eq!(request_for_exact(1000, 1000, "gpt-image-2"), (1008, 1008));
        assert_eq!(request_for_exact(3000, 1000, "gpt-image-2"), (3008, 1008));
        assert_eq!(request_for_exact(1024, 1024, "gpt-image-2"), (1024, 1024));
        // Too small for the pixel minimum: the smallest valid square covers it.
        assert_eq!(request_for_exact(500, 500, "gpt-image-2"), (816, 816));
        // Larger than anything valid: the largest of the same aspect, to be resized up.
        assert_eq!(request_for_exact(4000, 4000, "gpt-image-2"), (2880, 2880));
        assert_eq!(request_for_exact(1920, 1080, "gpt-image-1"), (1536, 1024));
    }

    #[test]
    fn plans() {
        assert_eq!(
            plan("auto", "gpt-image-2", false),
            SizePlan::Send {
                size: SizeSpec::Auto,
                warnings: vec![]
            }
        );
        let p = plan("3840x2160", "gpt-image-2", false);
        assert_eq!(
            p,
            SizePlan::Send {
                size: SizeSpec::exact(3840, 2160),
                warnings: vec![EXPERIMENTAL_WARNING.into()]
            }
        );
        let SizePlan::Invalid {
            problems,
            suggestions,
            target,
        } = plan("1920x1080", "gpt-image-2", false)
        else {
            panic!()
        };
        assert_eq!(
            problems,
            vec!["1080 is not a multiple of 16 (the height); use 1072 or 1088."]
        );
        assert_eq!(suggestions[0], (1920, 1088));
        assert_eq!(target, Some((1920, 1080)));
        assert_eq!(
            plan("1920x1080", "gpt-image-2", true),
            SizePlan::Exact {
                target: (1920, 1080),
                request: (1920, 1088)
            }
        );
        assert_eq!(
            plan("1920x1080", "gpt-image-2", true).sent(),
            Some(SizeSpec::exact(1920, 1088))
        );
        let SizePlan::Invalid {
            problems,
            target: None,
            ..
        } = plan("big", "gpt-image-2", true)
        else {
            panic!()
        };
        assert!(problems[0].starts_with("Size: \"big\""));
        // A model the app does not know: warned, still sent.
        let SizePlan::Send { warnings, .. } = plan("1920x1080", "flux-pro", false) else {
            panic!()
        };
        assert!(warnings[0].contains("flux-pro may differ"));
        assert!(matches!(
            plan("2048x2048", "gpt-image-1", false),
            SizePlan::Invalid { .. }
        ));
    }

    #[test]
    fn nearest_ratios() {
        assert_eq!(nearest_ratio(1920, 1080), (16, 9));
        assert_eq!(nearest_ratio(1024, 1536), (2, 3));
        assert_eq!(nearest_ratio(1000, 1000), (1, 1));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(655_360), "655,360");
        assert_eq!(thousands(16_000_000), "16,000,000");
    }
}
