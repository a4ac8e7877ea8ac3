use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::api::error::ApiError;
use crate::api::request::WireValue;
use crate::components::{result_card::ResultCard, waiting_indicator::WaitingIndicator};
use crate::generate::send;
use crate::state::{use_app_state, Run, RunStatus};

/// One run: what was asked, then the wait, the images, or the error.
#[component]
pub fn RunView(run: Run) -> impl IntoView {
    let state = use_app_state();
    let p = run.params.clone();
    let summary = format!(
        "{} · {} · {} quality · {} · n={}",
        p.model,
        p.size,
        p.quality.as_str(),
        p.output_format.as_str(),
        p.n
    );
    let status = run.status;
    let (prompt, base_url) = (p.prompt.clone(), run.base_url.clone());
    let body = move || match status.get() {
        RunStatus::Pending => EitherOf3::A(view! { <WaitingIndicator run=run.clone()/> }),
        RunStatus::Done(generated) => {
            let created = generated
                .answer
                .created
                .unwrap_or_else(|| (run.started_ms / 1000.0) as i64);
            let meta = describe(&generated);
            let cards = generated
                .answer
                .images
                .into_iter()
                .enumerate()
                .map(|(index, image)| {
                    view! { <ResultCard image index params=run.params.clone() created/> }
                })
                .collect_view();
            EitherOf3::B(view! {
                <div class="images">{cards}</div>
                <p class="meta">{meta}</p>
            })
        }
        RunStatus::Failed(error) => {
            let params = run.params.clone();
            let retry_note = matches!(error, ApiError::Timeout { .. } | ApiError::Cancelled)
                .then_some(" (the first attempt may still be billed)");
            EitherOf3::C(view! {
                <div class="error" role="alert">
                    <p data-testid="error-message">{error.to_string()}</p>
                    <button type="button" on:click=move |_| send(state, params.clone())>
                        "Retry" {retry_note}
                    </button>
                </div>
            })
        }
    };
    view! {
        <li class="run">
            <header>
                <p class="run-prompt">{prompt}</p>
                <p class="run-summary">{summary} " → " {base_url}</p>
            </header>
            {body}
        </li>
    }
}

/// Latency, tokens and request id of a finished run.
fn describe(generated: &crate::http::Generated) -> String {
    let mut parts = vec![format!("{:.1} s", generated.elapsed_ms / 1000.0)];
    if let Some(total) = generated.answer.usage.as_ref().and_then(|u| u.total_tokens) {
        parts.push(format!("{total} tokens"));
    }
    if let Some(size) = &generated.answer.size {
        parts.push(format!("size {size}"));
    }
    if let Some(id) = &generated.request_id {
        parts.push(format!("request {id}"));
    }
    parts.join(" · ")
}
