use leptos::prelude::*;

use crate::app::clock::Now;
use crate::app::runs::Run;
use studio_core::api::request::WireValue;
use studio_core::estimate::{entry_for_estimates, format_elapsed, format_range, latency};
use studio_core::sizes::{self, SizeSpec};

/// Elapsed time beside the range such a request usually takes.
#[component]
pub fn WaitingIndicator(run: Run) -> impl IntoView {
    let now = expect_context::<Now>().0;
    let size = sizes::parse(&run.params.size).unwrap_or(SizeSpec::Auto);
    let range = latency(
        entry_for_estimates(&run.params.model),
        run.params.quality,
        size,
    );
    let started = run.started_ms;
    let elapsed_secs = move || (now.get() - started).max(0.0) / 1000.0;
    let usual = format!(
        "usually {} for {} quality at {}",
        format_range(range),
        run.params.quality.as_str(),
        size
    );
    let timeout_secs = run.timeout_secs;
    let slots = run.slots.clone();
    // A request that became a gateway task is polled until it ends or is cancelled: the
    // request timeout no longer applies to it.
    let expectation = move || {
        if slots.iter().any(|s| s.task.with(Option::is_some)) {
            format!("{usual}; polled until the task ends or you cancel")
        } else {
            format!("{usual}; gives up after {timeout_secs} s")
        }
    };
    view! {
        <div class="waiting" role="status" data-testid="waiting">
            <p>
                "Generating… " <strong data-testid="elapsed">{move || format_elapsed(elapsed_secs())}</strong>
                " elapsed · " {expectation}
            </p>
            <progress max=range.high_secs value=move || elapsed_secs().min(range.high_secs)
                aria-label="Time elapsed against the usual maximum"></progress>
        </div>
    }
}
