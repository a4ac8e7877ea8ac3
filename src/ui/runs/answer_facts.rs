//! What a finished request says about itself, in one line: shown under its images and in
//! the viewer.

use crate::web::http::Generated;
use studio_core::api::response::Usage;
use studio_core::estimate::cost_of_answer;
use studio_core::i18n::text::runs;
use studio_core::models::registry::ModelInfo;

/// Latency, tokens, cost from usage (at `model`'s prices) and request id of a finished
/// request.
pub fn describe(generated: &Generated, model: &ModelInfo) -> String {
    took(
        generated.elapsed_ms,
        generated.answer.usage.as_ref(),
        generated.answer.size.as_deref(),
        generated.request_id.as_deref(),
        model,
    )
}

/// The same line from its parts, for a stored result as for a fresh one.
pub fn took(
    elapsed_ms: f64,
    usage: Option<&Usage>,
    size: Option<&str>,
    request_id: Option<&str>,
    model: &ModelInfo,
) -> String {
    let lang = crate::app::lang::lang();
    let secs = format!("{:.1}", elapsed_ms / 1000.0);
    let mut parts = vec![studio_core::tr!(lang, runs::FACT_SECONDS, secs = secs)];
    if let Some(usage) = usage {
        if let Some(total) = usage.total_tokens {
            parts.push(studio_core::tr!(lang, runs::FACT_TOKENS, total = total));
        }
        if let Some(usd) = cost_of_answer(model, usage, 1) {
            parts.push(studio_core::tr!(
                lang,
                runs::FACT_COST,
                usd = studio_core::i18n::format::usd(lang, usd)
            ));
        }
    }
    if let Some(size) = size {
        parts.push(studio_core::tr!(lang, runs::FACT_SIZE, size = size));
    }
    if let Some(id) = request_id {
        parts.push(studio_core::tr!(lang, runs::FACT_REQUEST, id = id));
    }
    parts.join(" · ")
}
