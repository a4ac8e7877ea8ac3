//! What to expect before and while waiting: latency ranges and client timeouts, from the
//! gateway operators' measurements in the facts sheet (1024x1024; 1536x1024 takes ~1.5x).

use crate::api::request::Quality;
use crate::sizes::{SizeSpec, EXPERIMENTAL_PIXELS};

const BASE_PIXELS: f64 = 1024.0 * 1024.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatencyRange {
    pub low_secs: f64,
    pub high_secs: f64,
    /// True when the size was never measured and the range is scaled from 1024x1024.
    pub extrapolated: bool,
}

/// Typical latency at 1024x1024, in seconds.
fn base_range(quality: Quality) -> (f64, f64) {
    match quality {
        Quality::Low => (3.0, 8.0),
        Quality::Medium => (20.0, 40.0),
        Quality::High => (150.0, 235.0),
        // `auto` tends to pick medium or high.
        Quality::Auto => (20.0, 235.0),
    }
}

pub fn latency(quality: Quality, size: SizeSpec) -> LatencyRange {
    let (lo, hi) = base_range(quality);
    match size.pixels() {
        // The model chooses among the stable sizes: anywhere from 1x to 1.5x.
        None => LatencyRange {
            low_secs: lo,
            high_secs: hi * 1.5,
            extrapolated: false,
        },
        Some(px) => {
            let factor = (px as f64 / BASE_PIXELS).max(0.25);
            let measured = matches!(px, 1_048_576 | 1_572_864);
            LatencyRange {
                low_secs: lo * factor,
                high_secs: hi * factor,
                extrapolated: !measured,
            }
        }
    }
}

/// A client timeout that lets the long tail finish: low 60 s, medium 180 s, high (or auto,
/// which may pick high) or any experimental size 360 s.
pub fn default_timeout_secs(quality: Quality, size: SizeSpec) -> u64 {
    let experimental = size.pixels().is_some_and(|px| px > EXPERIMENTAL_PIXELS);
    match quality {
        _ if experimental => 360,
        Quality::Low => 60,
        Quality::Medium => 180,
        Quality::High | Quality::Auto => 360,
    }
}

/// Price per image in US dollars, as a range (auto quality may pick medium or high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostRange {
    pub low_usd: f64,
    pub high_usd: f64,
    /// True when the size has no published price and the figure is interpolated by pixels
    /// (output tokens grow with pixels).
    pub estimated: bool,
}

/// Published per-image prices (low, medium, high): OpenAI's for the stable sizes, one
/// gateway's for the 2K and 4K tiers (billed by tokens).
const PRICE_1024_SQUARE: [f64; 3] = [0.006, 0.053, 0.211];
const PRICE_1536: [f64; 3] = [0.005, 0.041, 0.165];
const PRICE_POINTS: [(f64, [f64; 3]); 3] = [
    (1_048_576.0, PRICE_1024_SQUARE),
    (4_194_304.0, [0.012, 0.107, 0.428]),
    (8_294_400.0, [0.016, 0.139, 0.565]),
];

fn quality_span(quality: Quality) -> (usize, usize) {
    match quality {
        Quality::Low => (0, 0),
        Quality::Medium => (1, 1),
        Quality::High => (2, 2),
        Quality::Auto => (1, 2),
    }
}

/// Price per image for one quality level at `pixels`, piecewise linear between the published
/// points (proportional below 1K).
fn interpolated(pixels: f64, level: usize) -> f64 {
    let (first_px, first) = PRICE_POINTS[0];
    if pixels <= first_px {
        return first[level] * pixels / first_px;
    }
    for pair in PRICE_POINTS.windows(2) {
        let ((p0, c0), (p1, c1)) = (pair[0], pair[1]);
        if pixels <= p1 {
            return c0[level] + (c1[level] - c0[level]) * (pixels - p0) / (p1 - p0);
        }
    }
    PRICE_POINTS[2].1[level]
}

pub fn cost_per_image(quality: Quality, size: SizeSpec) -> CostRange {
    let (lo, hi) = quality_span(quality);
    let table = |prices: [f64; 3]| CostRange {
        low_usd: prices[lo],
        high_usd: prices[hi],
        estimated: false,
    };
    match size {
        SizeSpec::Auto => CostRange {
            low_usd: PRICE_1536[lo].min(PRICE_1024_SQUARE[lo]),
            high_usd: PRICE_1536[hi].max(PRICE_1024_SQUARE[hi]),
            estimated: false,
        },
        SizeSpec::Exact {
            width: 1024,
            height: 1024,
        } => table(PRICE_1024_SQUARE),
        SizeSpec::Exact {
            width: 1536,
            height: 1024,
        }
        | SizeSpec::Exact {
            width: 1024,
            height: 1536,
        } => table(PRICE_1536),
        exact => {
            let px = exact.pixels().unwrap_or(0) as f64;
            CostRange {
                low_usd: interpolated(px, lo),
                high_usd: interpolated(px, hi),
                estimated: true,
            }
        }
    }
}

/// "$0.053", "$0.053-0.211", with "~" when estimated; times `n` images.
pub fn format_cost(c: CostRange, n: u8) -> String {
    let n = f64::from(n.max(1));
    let (lo, hi) = (c.low_usd * n, c.high_usd * n);
    let prefix = if c.estimated { "~" } else { "" };
    // Three decimals (prices are tenths of a cent), trailing zeros trimmed to two: $0.33.
    let digits = |v: f64| {
        let text = format!("{v:.3}");
        text.strip_suffix('0').map(str::to_string).unwrap_or(text)
    };
    if (hi - lo).abs() < 1e-9 {
        format!("{prefix}${}", digits(lo))
    } else {
        format!("{prefix}${}-{}", digits(lo), digits(hi))
    }
}

/// "3-8 s", "2-4 min": seconds below two minutes, minutes above.
pub fn format_range(r: LatencyRange) -> String {
    let prefix = if r.extrapolated { "~" } else { "" };
    if r.high_secs < 120.0 {
        format!("{prefix}{:.0}-{:.0} s", r.low_secs, r.high_secs)
    } else {
        format!(
            "{prefix}{:.1}-{:.1} min",
            r.low_secs / 60.0,
            r.high_secs / 60.0
        )
        .replace(".0", "")
    }
}

/// Elapsed time as `m:ss`.
pub fn format_elapsed(secs: f64) -> String {
    let s = secs.max(0.0) as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// USD per million tokens: text input, image input, image output. From OpenAI's price list
/// as published for each model; used only to turn a response's `usage` into an estimate.
fn token_prices(model: &str) -> Option<(f64, f64, f64)> {
    let m = model.trim().to_ascii_lowercase();
    if m.starts_with("gpt-image-2") {
        Some((5.0, 8.0, 30.0))
    } else if m.starts_with("gpt-image-1.5") {
        Some((5.0, 8.0, 32.0))
    } else if m.starts_with("gpt-image-1-mini") {
        Some((2.0, 2.5, 8.0))
    } else if m.starts_with("gpt-image-1") {
        Some((5.0, 10.0, 40.0))
    } else {
        None
    }
}

/// What a response's `usage` costs at list prices, for the models whose prices are known.
/// Input tokens without a text/image split are priced as text (the lower bound).
pub fn cost_from_usage(model: &str, usage: &crate::api::response::Usage) -> Option<f64> {
    let (text_in, image_in, image_out) = token_prices(model)?;
    let output = usage.output_tokens? as f64;
    let input = usage.input_tokens.unwrap_or(0) as f64;
    let (text, image) = match &usage.input_tokens_details {
        Some(d) => (
            d.text_tokens.unwrap_or(0) as f64,
            d.image_tokens.unwrap_or(0) as f64,
        ),
        None => (input, 0.0),
    };
    Some((text * text_in + image * image_in + output * image_out) / 1_000_000.0)
}

/// "$0.0312": four decimals below a cent, three above.
pub fn format_usd(usd: f64) -> String {
    if usd < 0.01 {
        format!("${usd:.4}")
    } else {
        format!("${usd:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_priced_per_model() {
        use crate::api::response::{InputTokensDetails, Usage};
        let usage = Usage {
            input_tokens: Some(1_000),
            output_tokens: Some(4_160),
            total_tokens: Some(5_160),
            input_tokens_details: Some(InputTokensDetails {
                text_tokens: Some(200),
                image_tokens: Some(800),
            }),
        };
        // 200 x $5 + 800 x $10 + 4160 x $40 per million.
        let c = cost_from_usage("gpt-image-1", &usage).unwrap();
        assert!((c - 0.1754).abs() < 1e-9, "{c}");
        assert!(cost_from_usage("gpt-image-2", &usage).unwrap() < c);
        assert_eq!(cost_from_usage("vendor/model", &usage), None);
        let no_output = Usage {
            output_tokens: None,
            ..usage
        };
        assert_eq!(cost_from_usage("gpt-image-2", &no_output), None);
        assert_eq!(format_usd(0.1754), "$0.175");
        assert_eq!(format_usd(0.0061), "$0.0061");
    }

    const SQUARE: SizeSpec = SizeSpec::Exact {
        width: 1024,
        height: 1024,
    };
    const LANDSCAPE: SizeSpec = SizeSpec::Exact {
        width: 1536,
        height: 1024,
    };

    #[test]
    fn measured_sizes_use_the_table() {
        assert_eq!(
            latency(Quality::Low, SQUARE),
            LatencyRange {
                low_secs: 3.0,
                high_secs: 8.0,
                extrapolated: false
            }
        );
        let r = latency(Quality::Medium, LANDSCAPE);
        assert_eq!(
            (r.low_secs, r.high_secs, r.extrapolated),
            (30.0, 60.0, false)
        );
        assert_eq!(format_range(latency(Quality::Low, SQUARE)), "3-8 s");
        assert_eq!(format_range(latency(Quality::High, SQUARE)), "2.5-3.9 min");
    }

    #[test]
    fn other_sizes_scale_and_say_so() {
        let r = latency(
            Quality::Low,
            SizeSpec::Exact {
                width: 2048,
                height: 2048,
            },
        );
        assert!(r.extrapolated);
        assert_eq!((r.low_secs, r.high_secs), (12.0, 32.0));
        assert!(format_range(r).starts_with('~'));
    }

    #[test]
    fn auto_size_spans_the_stable_sizes() {
        let r = latency(Quality::Low, SizeSpec::Auto);
        assert_eq!((r.low_secs, r.high_secs), (3.0, 12.0));
    }

    #[test]
    fn timeouts_follow_quality_and_size() {
        assert_eq!(default_timeout_secs(Quality::Low, SQUARE), 60);
        assert_eq!(default_timeout_secs(Quality::Medium, SizeSpec::Auto), 180);
        assert_eq!(default_timeout_secs(Quality::High, SQUARE), 360);
        assert_eq!(default_timeout_secs(Quality::Auto, SQUARE), 360);
        let big = SizeSpec::Exact {
            width: 3840,
            height: 2160,
        };
        assert_eq!(default_timeout_secs(Quality::Low, big), 360);
        let edge = SizeSpec::Exact {
            width: 2560,
            height: 1440,
        };
        assert_eq!(default_timeout_secs(Quality::Low, edge), 60);
    }

    #[test]
    fn published_prices_come_from_the_table() {
        assert_eq!(
            format_cost(cost_per_image(Quality::Medium, SQUARE), 1),
            "$0.053"
        );
        assert_eq!(
            format_cost(cost_per_image(Quality::High, LANDSCAPE), 2),
            "$0.33"
        );
        assert_eq!(
            format_cost(cost_per_image(Quality::Auto, SQUARE), 1),
            "$0.053-0.211"
        );
        assert_eq!(
            format_cost(cost_per_image(Quality::Low, SizeSpec::Auto), 1),
            "$0.005-0.006"
        );
        let uhd = cost_per_image(
            Quality::High,
            SizeSpec::Exact {
                width: 3840,
                height: 2160,
            },
        );
        assert_eq!((uhd.high_usd, uhd.estimated), (0.565, true));
        let two_k = cost_per_image(
            Quality::Low,
            SizeSpec::Exact {
                width: 2048,
                height: 2048,
            },
        );
        assert!((two_k.low_usd - 0.012).abs() < 1e-9);
    }

    #[test]
    fn other_sizes_interpolate_by_pixels_and_say_so() {
        let mid = cost_per_image(
            Quality::Medium,
            SizeSpec::Exact {
                width: 2048,
                height: 1152,
            },
        );
        assert!(
            mid.estimated && mid.low_usd > 0.053 && mid.low_usd < 0.107,
            "{mid:?}"
        );
        assert!(format_cost(mid, 1).starts_with("~$"));
        let small = cost_per_image(
            Quality::Low,
            SizeSpec::Exact {
                width: 1024,
                height: 640,
            },
        );
        assert!((small.low_usd - 0.006 * 0.625).abs() < 1e-9);
        // More pixels never cost less.
        let mut last = 0.0;
        for px in (16..=3840).step_by(64) {
            let c = cost_per_image(
                Quality::High,
                SizeSpec::Exact {
                    width: px,
                    height: 2160,
                },
            );
            assert!(c.high_usd >= last);
            last = c.high_usd;
        }
    }

    #[test]
    fn elapsed_format() {
        assert_eq!(format_elapsed(0.4), "0:00");
        assert_eq!(format_elapsed(75.9), "1:15");
        assert_eq!(format_elapsed(-3.0), "0:00");
    }
}
