use leptos::prelude::*;

use crate::app::runs::Slot;
use studio_core::api::retry::format_wait;

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
                    let then = match attempt.next_after_ms {
                        Some(ms) => format!(" Sent again after {}.", format_wait(ms)),
                        None => " Not sent again by itself.".to_string(),
                    };
                    view! { <li>{format!("Attempt {}: {}{then}", i + 1, attempt.error)}</li> }
                })
                .collect_view();
            view! {
                <details class="attempts" data-testid="attempts">
                    <summary>{move || match attempts.with(Vec::len) { 1 => "1 failed attempt".to_string(), n => format!("{n} failed attempts") }}</summary>
                    <ol>{items}</ol>
                </details>
            }
        })
    }
}
