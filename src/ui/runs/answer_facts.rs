//! What a finished request says about itself, in one line: shown under its images and in
//! the viewer.

use crate::web::http::Generated;
use studio_core::estimate::{cost_of_answer, format_usd};
use studio_core::models::registry;

/// Latency, tokens, cost from usage and request id of a finished request.
pub fn describe(generated: &Generated, model: &str) -> String {
    let mut parts = vec![format!("{:.1} s", generated.elapsed_ms / 1000.0)];
    if let Some(usage) = &generated.answer.usage {
        if let Some(total) = usage.total_tokens {
            parts.push(format!("{total} tokens"));
        }
        if let Some(usd) = cost_of_answer(&registry::resolve(model, &[]), usage, 1) {
            parts.push(format!("~{} at list prices", format_usd(usd)));
        }
    }
    if let Some(size) = &generated.answer.size {
        parts.push(format!("size {size}"));
    }
    if let Some(id) = &generated.request_id {
        parts.push(format!("request {id}"));
    }
    parts.join(" · ")
}
