//! gpt-image-2 output sizes: parsing, every rule with its own message, ratio x tier, nearest
//! valid suggestions, and the request size for an exact target the API cannot make.
//! Rules and figures: ../shared/gpt-image-2.md.
//!
//! - `rules`: the limits (edge step, edges, ratio, pixels, the stable sizes), which rules a
//!   model follows, each broken rule with its message, and validity.
//! - `parse`: `SizeSpec`, the presets, parsing a typed size, and `check`, the verdict on a
//!   size for a model.
//! - `ratio`: the 15 ratios, the tiers, the size for a ratio at a tier, the nearest ratio.
//! - `suggest`: the nearest valid sizes to an invalid one.
//! - `exact`: the request size for an exact target, and `plan`, what the size controls mean.
//!
//! Each imports only from those listed before it (`ratio` needs only `rules`); everything is
//! used through the re-exports here, as `sizes::X`.

mod exact;
mod parse;
mod ratio;
mod rules;
mod suggest;

pub use exact::{plan, plan_in, request_for_exact, SizePlan};
pub use parse::{
    check, parse, Preset, SizeCheck, SizeParseError, SizeSpec, PRESETS, STABLE_PRESETS,
};
pub use ratio::{nearest_ratio, parse_ratio, ratio_tier_size, Tier, RATIOS};
pub use rules::{
    enforced_for, is_valid, rules_for, thousands, violations, SizeRules, SizeViolation, EDGE_STEP,
    EXPERIMENTAL_PIXELS, MAX_EDGE, MAX_PARSED_EDGE, MAX_PIXELS, MAX_RATIO, MIN_EDGE, MIN_PIXELS,
    STABLE_SIZES,
};
pub use suggest::suggestions;
