//! What to expect before and while waiting, per model (its registry entry): latency ranges and
//! client timeouts, the price of an image before sending, and the cost of an answer from its
//! `usage` at that model's list prices. Figures: ../shared/gpt-image-2.md (gpt-image-2
//! measured at 1024x1024, 1536x1024 taking ~1.5x; the 2.5 models from their reported tokens).

use crate::api::request::{Quality, WireValue};
use crate::i18n::Lang;
use crate::models::adapt::nearest_quality;
use crate::models::registry::{self, ImageCost, ModelEntry, ModelInfo, PriceTable, TokenPrices};
use crate::sizes::{SizeSpec, EXPERIMENTAL_PIXELS};

const BASE_PIXELS: f64 = 1024.0 * 1024.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatencyRange {
    pub low_secs: f64,
    pub high_secs: f64,
    /// True when the figure was not measured for this model and size: scaled from 1024x1024,
    /// or the model's latencies are derived rather than measured.
    pub extrapolated: bool,
}

/// The entry whose figures an estimate uses: the model's, or gpt-image-2's for a name the
/// registry does not know (as before the registry; the UI says nothing is checked).
pub fn entry_for_estimates(model: &str) -> &'static ModelEntry {
    registry::lookup(model).unwrap_or_else(registry::default_entry)
}

/// Seconds at 1024x1024 for `quality`, or for the quality the model would take instead.
fn base_range(entry: &ModelEntry, quality: Quality) -> (f64, f64) {
    entry
        .base_latency(quality)
        .or_else(|| entry.base_latency(nearest_quality(entry, quality)))
        .or_else(|| registry::default_entry().base_latency(quality))
        .unwrap_or((20.0, 235.0))
}

pub fn latency(entry: &ModelEntry, quality: Quality, size: SizeSpec) -> LatencyRange {
    let (lo, hi) = base_range(entry, quality);
    let derived = !entry.latency_measured;
    match size.pixels() {
        // The model chooses among the stable sizes: anywhere from 1x to 1.5x.
        None => LatencyRange {
            low_secs: lo,
            high_secs: hi * 1.5,
            extrapolated: derived,
        },
        Some(px) => {
            let factor = (px as f64 / BASE_PIXELS).max(0.25);
            let measured = matches!(px, 1_048_576 | 1_572_864);
            LatencyRange {
                low_secs: lo * factor,
                high_secs: hi * factor,
                extrapolated: derived || !measured,
            }
        }
    }
}

/// A client timeout that lets the long tail finish: at least low 60 s, medium 180 s, high (or
/// auto, which may pick high) or any experimental size 360 s, xhigh 600 s, max 900 s, and at
/// least 1.5x the slow end of the model's range at 1024x1024 (rounded up to a minute).
pub fn default_timeout_secs(entry: &ModelEntry, quality: Quality, size: SizeSpec) -> u64 {
    let experimental = size.pixels().is_some_and(|px| px > EXPERIMENTAL_PIXELS);
    let floor = match quality {
        Quality::Low => 60,
        Quality::Medium => 180,
        Quality::High | Quality::Auto => 360,
        Quality::Xhigh => 600,
        Quality::Max => 900,
    };
    let floor = if experimental { floor.max(360) } else { floor };
    let slow = base_range(entry, quality).1 * 1.5;
    let by_range = ((slow / 60.0).ceil() as u64) * 60;
    floor
        .max(by_range)
        .min(crate::endpoint_options::MAX_TIMEOUT_SECS)
}

/// Price per image in US dollars, as a range (auto quality may pick medium or high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostRange {
    pub low_usd: f64,
    pub high_usd: f64,
    /// True when the size or model has no published price and the figure is derived (by
    /// pixels between published points, or from reported output tokens).
    pub estimated: bool,
}

/// The qualities a price spans: auto may pick medium or high.
fn quality_span(quality: Quality) -> (Quality, Quality) {
    match quality {
        Quality::Auto => (Quality::Medium, Quality::High),
        q => (q, q),
    }
}

/// The index of a published (low, medium, high) price; above high, high.
fn level(q: Quality) -> usize {
    match q {
        Quality::Low => 0,
        Quality::Medium | Quality::Auto => 1,
        Quality::High | Quality::Xhigh | Quality::Max => 2,
    }
}

/// Price per image for one quality level at `pixels`, piecewise linear between the published
/// points (proportional below the first).
fn interpolated(table: &PriceTable, pixels: f64, level: usize) -> f64 {
    let (first_px, first) = table.points[0];
    if pixels <= first_px {
        return first[level] * pixels / first_px;
    }
    for pair in table.points.windows(2) {
        let ((p0, c0), (p1, c1)) = (pair[0], pair[1]);
        if pixels <= p1 {
            return c0[level] + (c1[level] - c0[level]) * (pixels - p0) / (p1 - p0);
        }
    }
    table.points[2].1[level]
}

fn table_cost(table: &PriceTable, lo: usize, hi: usize, size: SizeSpec) -> CostRange {
    let of = |prices: [f64; 3]| CostRange {
        low_usd: prices[lo],
        high_usd: prices[hi],
        estimated: false,
    };
    match size {
        SizeSpec::Auto => CostRange {
            low_usd: table.landscape[lo].min(table.square[lo]),
            high_usd: table.landscape[hi].max(table.square[hi]),
            estimated: false,
        },
        SizeSpec::Exact {
            width: 1024,
            height: 1024,
        } => of(table.square),
        SizeSpec::Exact {
            width: 1536,
            height: 1024,
        }
        | SizeSpec::Exact {
            width: 1024,
            height: 1536,
        } => of(table.landscape),
        exact => {
            let px = exact.pixels().unwrap_or(0) as f64;
            CostRange {
                low_usd: interpolated(table, px, lo),
                high_usd: interpolated(table, px, hi),
                estimated: true,
            }
        }
    }
}

fn token_cost(
    tokens: &[(Quality, u32)],
    out_price: f64,
    lo: Quality,
    hi: Quality,
    size: SizeSpec,
) -> CostRange {
    let per_1024 = |q: Quality| {
        let t = tokens
            .iter()
            .find(|(k, _)| *k == q)
            .or_else(|| tokens.last())
            .map_or(0, |(_, t)| *t);
        f64::from(t) * out_price / 1_000_000.0
    };
    // Auto size: one of the stable sizes, 1x to 1.5x the pixels of 1024x1024.
    let (lo_px, hi_px) = match size.pixels() {
        None => (1.0, 1.5),
        Some(px) => (px as f64 / BASE_PIXELS, px as f64 / BASE_PIXELS),
    };
    CostRange {
        low_usd: per_1024(lo) * lo_px,
        high_usd: per_1024(hi) * hi_px,
        estimated: true,
    }
}

/// Price per image for a model's entry, quality and size. A quality the model does not take is
/// priced as the one it would take instead.
pub fn cost_per_image(entry: &ModelEntry, quality: Quality, size: SizeSpec) -> CostRange {
    let (lo, hi) = quality_span(quality);
    let (lo, hi) = if quality == Quality::Auto {
        (lo, hi)
    } else {
        let q = nearest_quality(entry, quality);
        if q == Quality::Auto {
            quality_span(Quality::Auto)
        } else {
            (q, q)
        }
    };
    match entry.image_cost {
        ImageCost::Table(table) => table_cost(table, level(lo), level(hi), size),
        ImageCost::Tokens(tokens) => {
            let out = entry.prices.map_or(0.0, |p| p.image_out);
            token_cost(tokens, out, lo, hi, size)
        }
        ImageCost::PerImage(usd) => CostRange {
            low_usd: usd,
            high_usd: usd,
            estimated: false,
        },
    }
}

/// Price per image for a model as resolved: a profile's flat price wins; an unknown model is
/// priced as gpt-image-2 and marked as an estimate.
pub fn cost_for(info: &ModelInfo, quality: Quality, size: SizeSpec) -> CostRange {
    match info {
        ModelInfo::Alias {
            price_per_image: Some(usd),
            ..
        } => CostRange {
            low_usd: *usd,
            high_usd: *usd,
            estimated: false,
        },
        ModelInfo::Known(entry) | ModelInfo::Alias { entry, .. } => {
            cost_per_image(entry, quality, size)
        }
        ModelInfo::Unknown(_) => CostRange {
            estimated: true,
            ..cost_per_image(registry::default_entry(), quality, size)
        },
    }
}

/// "$0.053", "$0.053-0.211", with "~" when estimated; times `n` images.
pub fn format_cost(c: CostRange, n: u8) -> String {
    format_cost_in(c, n, Lang::En)
}

/// `format_cost` for `lang`: the dollar written as `Intl` writes it there ("US$0.053").
pub fn format_cost_in(c: CostRange, n: u8, lang: Lang) -> String {
    let symbol = crate::i18n::format::dollar(lang);
    let n = f64::from(n.max(1));
    let (lo, hi) = (c.low_usd * n, c.high_usd * n);
    let prefix = if c.estimated { "~" } else { "" };
    // Three decimals (prices are tenths of a cent), trailing zeros trimmed to two: $0.33.
    let digits = |v: f64| {
        let text = format!("{v:.3}");
        text.strip_suffix('0').map(str::to_string).unwrap_or(text)
    };
    if (hi - lo).abs() < 1e-9 {
        format!("{prefix}{symbol}{}", digits(lo))
    } else {
        format!("{prefix}{symbol}{}-{}", digits(lo), digits(hi))
    }
}

/// The picker's hint for a model: what one medium 1024x1024 image costs and takes, e.g.
/// "medium 1024x1024: $0.053, 20-40 s".
pub fn picker_hint(entry: &ModelEntry) -> String {
    picker_hint_in(entry, Lang::En)
}

/// `picker_hint` for `lang` ("medium 1024x1024：US$0.053，20-40 秒").
pub fn picker_hint_in(entry: &ModelEntry, lang: Lang) -> String {
    let size = SizeSpec::Exact {
        width: 1024,
        height: 1024,
    };
    let quality = nearest_quality(entry, Quality::Medium);
    let (colon, comma) = match lang {
        Lang::En => (": ", ", "),
        Lang::ZhCn => ("：", "，"),
    };
    format!(
        "{} 1024x1024{colon}{}{comma}{}",
        quality.as_str(),
        format_cost_in(cost_per_image(entry, quality, size), 1, lang),
        format_range_in(latency(entry, quality, size), lang)
    )
}

/// "3-8 s", "2-4 min": seconds below two minutes, minutes above.
pub fn format_range(r: LatencyRange) -> String {
    format_range_in(r, Lang::En)
}

/// `format_range` for `lang` ("3-8 秒", "2-4 分钟").
pub fn format_range_in(r: LatencyRange, lang: Lang) -> String {
    let prefix = if r.extrapolated { "~" } else { "" };
    let (secs, mins) = match lang {
        Lang::En => (" s", " min"),
        Lang::ZhCn => (" 秒", " 分钟"),
    };
    if r.high_secs < 120.0 {
        format!("{prefix}{:.0}-{:.0}{secs}", r.low_secs, r.high_secs)
    } else {
        format!("{prefix}{:.1}-{:.1}", r.low_secs / 60.0, r.high_secs / 60.0).replace(".0", "")
            + mins
    }
}

/// Elapsed time as `m:ss`.
pub fn format_elapsed(secs: f64) -> String {
    let s = secs.max(0.0) as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// What a response's `usage` costs at a model's list prices. Input tokens without a
/// text/image split are priced as text (the lower bound); cached input is not reported in
/// `usage`, so every input token is priced uncached (the upper bound for that part).
pub fn cost_from_usage(prices: &TokenPrices, usage: &crate::api::response::Usage) -> Option<f64> {
    let output = usage.output_tokens? as f64;
    let input = usage.input_tokens.unwrap_or(0) as f64;
    let (text, image) = match &usage.input_tokens_details {
        Some(d) => (
            d.text_tokens.unwrap_or(0) as f64,
            d.image_tokens.unwrap_or(0) as f64,
        ),
        None => (input, 0.0),
    };
    Some(
        (text * prices.text_in + image * prices.image_in + output * prices.image_out) / 1_000_000.0,
    )
}

/// The cost of an answer with `images` images: a profile's flat price per image, or the
/// usage at the model's token prices; None for an unknown model or one billed per image
/// without a usage-based price.
pub fn cost_of_answer(
    info: &ModelInfo,
    usage: &crate::api::response::Usage,
    images: usize,
) -> Option<f64> {
    match info {
        ModelInfo::Alias {
            price_per_image: Some(usd),
            ..
        } => Some(usd * images.max(1) as f64),
        ModelInfo::Known(entry) | ModelInfo::Alias { entry, .. } => {
            cost_from_usage(entry.prices.as_ref()?, usage)
        }
        ModelInfo::Unknown(_) => None,
    }
}

/// "$0.0312": four decimals below a cent, three above.
pub fn format_usd(usd: f64) -> String {
    crate::i18n::format::usd(Lang::En, usd)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::registry::{lookup, resolve, ModelAlias, MODELS};

    fn g2() -> &'static ModelEntry {
        lookup("gpt-image-2").unwrap()
    }

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
        let cost = |model: &str| cost_of_answer(&resolve(model, &[]), &usage, 1);
        // 200 x $5 + 800 x $10 + 4160 x $40 per million.
        let c = cost("gpt-image-1").unwrap();
        assert!((c - 0.1754).abs() < 1e-9, "{c}");
        assert!(cost("gpt-image-2").unwrap() < c);
        // 200 x $5 + 800 x $8 + 4160 x $30 per million, the same for both 2.5 models.
        for m in ["gpt-image-2.5-flare", "gpt-image-2.5-sunburst-2026-09-08"] {
            assert!((cost(m).unwrap() - 0.1322).abs() < 1e-9, "{m}");
        }
        assert_eq!(cost("vendor/model"), None);
        assert_eq!(cost("dall-e-3"), None, "billed per image, not by tokens");
        // A gateway's flat price per image wins over tokens.
        let aliases = [ModelAlias {
            name: "gpt-image-2-all".into(),
            like: "gpt-image-2".into(),
            price_per_image: Some(0.02),
        }];
        let flat = cost_of_answer(&resolve("gpt-image-2-all", &aliases), &usage, 3).unwrap();
        assert!((flat - 0.06).abs() < 1e-12);
        let no_output = Usage {
            output_tokens: None,
            ..usage
        };
        assert_eq!(cost_from_usage(&g2().prices.unwrap(), &no_output), None);
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
            latency(g2(), Quality::Low, SQUARE),
            LatencyRange {
                low_secs: 3.0,
                high_secs: 8.0,
                extrapolated: false
            }
        );
        let r = latency(g2(), Quality::Medium, LANDSCAPE);
        assert_eq!(
            (r.low_secs, r.high_secs, r.extrapolated),
            (30.0, 60.0, false)
        );
        assert_eq!(format_range(latency(g2(), Quality::Low, SQUARE)), "3-8 s");
        assert_eq!(
            format_range(latency(g2(), Quality::High, SQUARE)),
            "2.5-3.9 min"
        );
    }

    #[test]
    fn other_sizes_scale_and_say_so() {
        let r = latency(
            g2(),
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
        let r = latency(g2(), Quality::Low, SizeSpec::Auto);
        assert_eq!((r.low_secs, r.high_secs), (3.0, 12.0));
    }

    #[test]
    fn timeouts_follow_quality_and_size() {
        assert_eq!(default_timeout_secs(g2(), Quality::Low, SQUARE), 60);
        assert_eq!(
            default_timeout_secs(g2(), Quality::Medium, SizeSpec::Auto),
            180
        );
        assert_eq!(default_timeout_secs(g2(), Quality::High, SQUARE), 360);
        assert_eq!(default_timeout_secs(g2(), Quality::Auto, SQUARE), 360);
        let big = SizeSpec::Exact {
            width: 3840,
            height: 2160,
        };
        assert_eq!(default_timeout_secs(g2(), Quality::Low, big), 360);
        let edge = SizeSpec::Exact {
            width: 2560,
            height: 1440,
        };
        assert_eq!(default_timeout_secs(g2(), Quality::Low, edge), 60);
    }

    #[test]
    fn prices_and_waits_follow_the_language() {
        let c = cost_per_image(g2(), Quality::Auto, SQUARE);
        assert_eq!(format_cost_in(c, 1, Lang::ZhCn), "US$0.053-0.211");
        let r = latency(g2(), Quality::High, SQUARE);
        assert_eq!(format_range_in(r, Lang::En), format_range(r));
        assert!(
            format_range_in(r, Lang::ZhCn).ends_with(" 分钟"),
            "{}",
            format_range_in(r, Lang::ZhCn)
        );
        assert_eq!(
            format_range_in(latency(g2(), Quality::Low, SQUARE), Lang::ZhCn),
            "3-8 秒"
        );
    }

    #[test]
    fn published_prices_come_from_the_table() {
        assert_eq!(
            format_cost(cost_per_image(g2(), Quality::Medium, SQUARE), 1),
            "$0.053"
        );
        assert_eq!(
            format_cost(cost_per_image(g2(), Quality::High, LANDSCAPE), 2),
            "$0.33"
        );
        assert_eq!(
            format_cost(cost_per_image(g2(), Quality::Auto, SQUARE), 1),
            "$0.053-0.211"
        );
        assert_eq!(
            format_cost(cost_per_image(g2(), Quality::Low, SizeSpec::Auto), 1),
            "$0.005-0.006"
        );
        let uhd = cost_per_image(
            g2(),
            Quality::High,
            SizeSpec::Exact {
                width: 3840,
                height: 2160,
            },
        );
        assert_eq!((uhd.high_usd, uhd.estimated), (0.565, true));
        let two_k = cost_per_image(
            g2(),
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
            g2(),
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
            g2(),
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
                g2(),
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

    /// Every model x quality x size has an estimate: positive, ordered, and growing with the
    /// quality tier and with pixels.
    #[test]
    fn every_model_and_quality_has_an_estimate() {
        let sizes = [
            SizeSpec::Auto,
            SQUARE,
            LANDSCAPE,
            SizeSpec::Exact {
                width: 2048,
                height: 1152,
            },
            SizeSpec::Exact {
                width: 3840,
                height: 2160,
            },
        ];
        for m in MODELS {
            for &q in Quality::ALL {
                for size in sizes {
                    let c = cost_per_image(m, q, size);
                    let t = latency(m, q, size);
                    assert!(
                        c.low_usd > 0.0 && c.low_usd <= c.high_usd,
                        "{} {q:?} {size}: {c:?}",
                        m.id
                    );
                    assert!(
                        t.low_secs > 0.0 && t.low_secs < t.high_secs,
                        "{} {q:?} {size}: {t:?}",
                        m.id
                    );
                    let timeout = default_timeout_secs(m, q, size);
                    assert!((60..=3_600).contains(&timeout), "{} {q:?}", m.id);
                    assert!(timeout as f64 >= base_range(m, q).1, "{} {q:?}", m.id);
                }
            }
            // Higher tiers never cost less or wait less, where the model takes them.
            let tiers: Vec<Quality> = m
                .qualities
                .iter()
                .copied()
                .filter(|q| *q != Quality::Auto)
                .collect();
            for pair in tiers.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert!(
                    cost_per_image(m, a, SQUARE).high_usd <= cost_per_image(m, b, SQUARE).low_usd,
                    "{} {a:?}<{b:?}",
                    m.id
                );
                assert!(latency(m, a, SQUARE).high_secs <= latency(m, b, SQUARE).high_secs);
                assert!(default_timeout_secs(m, a, SQUARE) <= default_timeout_secs(m, b, SQUARE));
            }
        }
    }

    #[test]
    fn the_25_models_are_priced_from_their_tokens() {
        let flare = lookup("gpt-image-2.5-flare").unwrap();
        // 7,024 tokens x $30 per million = $0.211 at 1024x1024; x1.5 at 1536x1024.
        let max = cost_per_image(flare, Quality::Max, SQUARE);
        assert!(
            (max.low_usd - 0.21072).abs() < 1e-9 && max.estimated,
            "{max:?}"
        );
        assert_eq!(format_cost(max, 1), "~$0.211");
        let xhigh = cost_per_image(flare, Quality::Xhigh, LANDSCAPE);
        assert!((xhigh.low_usd - 3_122.0 * 1.5 * 30e-6).abs() < 1e-9);
        assert_eq!(
            format_cost(cost_per_image(flare, Quality::Low, SQUARE), 1),
            "~$0.006"
        );
        assert_eq!(
            format_cost(cost_per_image(flare, Quality::Medium, SQUARE), 2),
            "~$0.026"
        );
        assert_eq!(
            format_cost(cost_per_image(flare, Quality::High, SQUARE), 1),
            "~$0.053"
        );
        // gpt-image-2 has no max: priced as high, which is what it would take.
        assert_eq!(
            cost_per_image(g2(), Quality::Max, SQUARE),
            cost_per_image(g2(), Quality::High, SQUARE)
        );
    }

    #[test]
    fn the_25_latencies_and_timeouts() {
        let flare = lookup("gpt-image-2.5-flare").unwrap();
        let sunburst = lookup("gpt-image-2.5-sunburst").unwrap();
        // Flare is faster than gpt-image-2, sunburst slower; neither is measured.
        for q in [Quality::Low, Quality::Medium, Quality::High] {
            assert!(latency(flare, q, SQUARE).high_secs < latency(g2(), q, SQUARE).high_secs);
            assert!(latency(sunburst, q, SQUARE).high_secs > latency(g2(), q, SQUARE).high_secs);
            assert!(latency(flare, q, SQUARE).extrapolated);
        }
        assert_eq!(
            format_range(latency(flare, Quality::Max, SQUARE)),
            "~5-12.5 min"
        );
        assert_eq!(default_timeout_secs(flare, Quality::Xhigh, SQUARE), 600);
        assert_eq!(default_timeout_secs(flare, Quality::Max, SQUARE), 1_140);
        assert_eq!(default_timeout_secs(sunburst, Quality::Max, SQUARE), 2_160);
        assert_eq!(default_timeout_secs(sunburst, Quality::High, SQUARE), 540);
        // gpt-image-2 keeps the measured timeouts.
        assert_eq!(default_timeout_secs(g2(), Quality::High, SQUARE), 360);
    }

    #[test]
    fn unknown_models_and_aliases() {
        let unknown = cost_for(&resolve("vendor/x", &[]), Quality::Medium, SQUARE);
        assert!(unknown.estimated && (unknown.low_usd - 0.053).abs() < 1e-12);
        assert_eq!(entry_for_estimates("vendor/x").id, "gpt-image-2");
        assert_eq!(
            entry_for_estimates("gpt-image-2.5-flare-2026-09-08").id,
            "gpt-image-2.5-flare"
        );
        let aliases = [ModelAlias {
            name: "gpt-image-2-all".into(),
            like: "gpt-image-2".into(),
            price_per_image: Some(0.02),
        }];
        let flat = cost_for(
            &resolve("gpt-image-2-all", &aliases),
            Quality::High,
            SizeSpec::Auto,
        );
        assert_eq!(format_cost(flat, 2), "$0.04");
    }

    #[test]
    fn the_picker_hint_names_price_and_wait_of_a_medium_square() {
        let hint = |id| picker_hint(registry::lookup(id).unwrap());
        assert_eq!(hint("gpt-image-2"), "medium 1024x1024: $0.053, 20-40 s");
        assert!(
            hint("gpt-image-2.5-flare").starts_with("medium 1024x1024: ~$0.013, "),
            "{}",
            hint("gpt-image-2.5-flare")
        );
        assert_eq!(hint("dall-e-3"), "auto 1024x1024: $0.04, ~10-30 s");
    }
}
