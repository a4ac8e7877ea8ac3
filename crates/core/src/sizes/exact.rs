//! What the size controls mean: the request size for an exact target the API cannot make,
//! and the plan (send, deliver exactly, or refuse with suggestions) for a typed size and model.

use super::parse::{check, parse, SizeSpec};
use super::rules::{
    enforced_for, is_valid, rules_for, SizeRules, EDGE_STEP, MAX_EDGE, STABLE_SIZES,
};
use super::suggest::{distance, suggestions};

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

/// Resolves the typed size for a model; `exact` asks to deliver an unmakeable size exactly.
/// Its messages are in English (`plan_in` writes them in another language).
pub fn plan(text: &str, model: &str, exact: bool) -> SizePlan {
    plan_in(text, model, exact, crate::i18n::Lang::En)
}

/// `plan` with its problems and warnings written in `lang`.
pub fn plan_in(text: &str, model: &str, exact: bool, lang: crate::i18n::Lang) -> SizePlan {
    use crate::i18n::text::sizes;
    let spec = match parse(text) {
        Ok(spec) => spec,
        Err(why) => {
            return SizePlan::Invalid {
                problems: vec![crate::tr!(lang, sizes::SIZE_PARSE, why = why.message(lang))],
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
            .then(|| sizes::EXPERIMENTAL.get(lang).to_string())
            .into_iter()
            .collect();
        return SizePlan::Send {
            size: spec,
            warnings,
        };
    }
    let problems: Vec<String> = verdict.violations.iter().map(|v| v.message(lang)).collect();
    if exact {
        return SizePlan::Exact {
            target: (width, height),
            request: request_for_exact(width, height, model),
        };
    }
    if !enforced_for(model) {
        let warnings = problems
            .into_iter()
            .map(|p| crate::tr!(lang, sizes::NOT_ENFORCED, problem = p, model = model))
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

#[cfg(test)]
mod tests {
    use super::*;

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
                warnings: vec![crate::i18n::text::sizes::EXPERIMENTAL.en.into()]
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
}
