use leptos::prelude::*;

use crate::app::lang::lang;
use crate::app::runs::Slot;
use studio_core::api::retry::format_wait;
use studio_core::i18n::text::runs;

/// Every failed attempt of a request, in order, once there was more than one: what failed,
/// and how long the app waited before sending again by itself.
#[component]
pub fn AttemptList(request: Slot) -> impl IntoView {
    let attempts = request.attempts;
    move || {
        let list = attempts.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .enumerate()
                .map(|(i, attempt)| {
                    let text = move || {
                        let then = match attempt.next_after_ms {
                            Some(ms) => studio_core::tr!(lang(), runs::SENT_AGAIN_AFTER, wait = format_wait(ms)),
                            None => studio_core::tr!(lang(), runs::NOT_SENT_AGAIN).to_string(),
                        };
                        studio_core::tr!(lang(), runs::ATTEMPT, i = i + 1, error = attempt.error, then = then)
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <details class="attempts" data-testid="attempts">
                    <summary>{move || match attempts.with(Vec::len) { 1 => studio_core::tr!(lang(), runs::ONE_FAILED_ATTEMPT).to_string(), n => studio_core::tr!(lang(), runs::N_FAILED_ATTEMPTS, n = n) }}</summary>
                    <ol>{items}</ol>
                </details>
            }
        })
    }
}
