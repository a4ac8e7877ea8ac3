//! What to expect before and while waiting: latency ranges and client timeouts, from the
//! gateway operators' measurements in the facts sheet (1024x1024; 1536x1024 takes ~1.5x).

use crate::api::request::Quality;
use crate::sizes::SizeSpec;

const BASE_PIXELS: f64 = 1024.0 * 1024.0;
/// Above this the API calls sizes experimental: slower and less predictable.
pub const EXPERIMENTAL_PIXELS: u64 = 2560 * 1440;

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn elapsed_format() {
        assert_eq!(format_elapsed(0.4), "0:00");
        assert_eq!(format_elapsed(75.9), "1:15");
        assert_eq!(format_elapsed(-3.0), "0:00");
    }
}
