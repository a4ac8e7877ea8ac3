use leptos::prelude::*;

use crate::app::clock::Now;
use crate::app::lang::{lang, t};
use crate::app::runs::Run;
use studio_core::api::request::WireValue;
use studio_core::estimate::{entry_for_estimates, format_elapsed, format_range_in, latency};
use studio_core::i18n::text::runs;
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
    let quality = run.params.quality;
    let usual = move || {
        studio_core::tr!(
            lang(),
            runs::USUALLY,
            range = format_range_in(range, lang()),
            quality = quality.as_str(),
            size = size
        )
    };
    let timeout_secs = run.timeout_secs;
    let slots = run.slots.clone();
    // A request that became a gateway task is polled until it ends or is cancelled: the
    // request timeout no longer applies to it.
    let expectation = move || {
        if slots.iter().any(|s| s.task.with(Option::is_some)) {
            studio_core::tr!(lang(), runs::POLLED_UNTIL_END, usual = usual())
        } else {
            studio_core::tr!(
                lang(),
                runs::GIVES_UP_AFTER,
                usual = usual(),
                secs = timeout_secs
            )
        }
    };
    view! {
        <div class="waiting" role="status" data-testid="waiting">
            <p>
                {t(runs::GENERATING)} <strong data-testid="elapsed">{move || format_elapsed(elapsed_secs())}</strong>
                {t(runs::ELAPSED)} {expectation}
            </p>
            <progress max=range.high_secs value=move || elapsed_secs().min(range.high_secs)
                aria-label=t(runs::ELAPSED_AGAINST_USUAL)></progress>
        </div>
    }
}
