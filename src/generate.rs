//! Pressing Generate: check the form, build every request of the run, send them under the
//! parallel cap with automatic retries of transient failures, record each outcome.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::error::ApiError;
use crate::api::multipart::edit_parts;
use crate::api::request::{check_base_url, generation_body, split_n, ImageParams};
use crate::api::retry::{Failure, RetryDecision, RetryPolicy};
use crate::api::upload::EditUploads;
use crate::browser::sleep::sleep_ms;
use crate::estimate::default_timeout_secs;
use crate::http::{ImagesClient, Outgoing, Payload};
use crate::sizes::{self, SizeSpec};
use crate::state::{AppState, Slot, SlotStatus};

/// Sends what the form holds now: an edit when references are ready, else a generation.
pub fn generate_from_form(state: AppState) {
    let params = state.form.params(state.settings.model.get_untracked());
    send(state, params, None);
}

/// The request for `params` with `n` images: JSON for a generation, multipart for an edit.
pub fn outgoing(
    params: &ImageParams,
    n: u8,
    uploads: Option<&EditUploads>,
) -> Result<Outgoing, String> {
    let params = ImageParams {
        n,
        ..params.clone()
    };
    let payload = match uploads {
        None => Payload::Generation(generation_body(&params).map_err(|e| e.to_string())?),
        Some(u) => Payload::Edit(edit_parts(&params, u).map_err(|e| e.to_string())?),
    };
    Ok(Outgoing {
        payload,
        requested_mime: params.output_format.mime(),
    })
}

/// Sends `params` (with `uploads`, an edit) to the configured endpoint as a new run.
/// Problems found before sending go to `form_error`; nothing is sent then.
pub fn send(state: AppState, params: ImageParams, uploads: Option<EditUploads>) {
    state.form_error.set(None);
    let base_url = state.settings.base_url.get_untracked().trim().to_string();
    if let Err(why) = check_base_url(&base_url) {
        state.form_error.set(Some(why));
        return;
    }
    let options = untrack(|| state.settings.current_options());
    let split = split_n(params.n, options.max_per_request);
    // Build every request before the first is sent: a refusal sends nothing.
    let requests = match split
        .iter()
        .map(|&n| outgoing(&params, n, uploads.as_ref()))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(r) => r,
        Err(why) => {
            state.form_error.set(Some(why));
            return;
        }
    };
    let size = sizes::parse(&params.size).unwrap_or(SizeSpec::Auto);
    let timeout_secs = options
        .timeout_secs
        .unwrap_or_else(|| default_timeout_secs(params.quality, size));
    let key = untrack(|| state.settings.key_for(&base_url));
    let client = ImagesClient::new(base_url.clone(), key);
    let Some((run, controller)) = state
        .runs
        .start(params, uploads, base_url, timeout_secs, &split)
    else {
        state.form_error.set(Some(
            "The browser refused to start a request (no AbortController).".into(),
        ));
        return;
    };
    let jobs: Rc<Vec<(Slot, Outgoing)>> =
        Rc::new(run.slots.iter().copied().zip(requests).collect());
    let next = Rc::new(Cell::new(0usize));
    let workers = usize::from(options.parallel).clamp(1, jobs.len());
    let running = Rc::new(Cell::new(workers));
    for _ in 0..workers {
        let (jobs, next, running) = (jobs.clone(), next.clone(), running.clone());
        let (client, controller, run) = (client.clone(), controller.clone(), run.clone());
        spawn_local(async move {
            loop {
                let i = next.get();
                let Some((slot, request)) = jobs.get(i) else {
                    break;
                };
                next.set(i + 1);
                send_with_retries(&client, request, *slot, timeout_secs, &controller).await;
            }
            running.set(running.get() - 1);
            if running.get() == 0 {
                state.runs.finish(&run);
            }
        });
    }
}

/// One request of a run, retried by [`RetryPolicy`] while the failure is transient.
async fn send_with_retries(
    client: &ImagesClient,
    request: &Outgoing,
    slot: Slot,
    timeout_secs: u64,
    controller: &AbortController,
) {
    let policy = RetryPolicy::default();
    let (mut attempt, mut waited_ms) = (1u32, 0u64);
    loop {
        if controller.signal().aborted() {
            slot.status.set(SlotStatus::Failed(Failure {
                error: ApiError::Cancelled,
                retries: attempt - 1,
                waited_ms,
            }));
            return;
        }
        slot.status.set(SlotStatus::Sending { attempt });
        let on_partial = move |_, image| slot.partial.set(Some(image));
        let error = match client
            .send(request, timeout_secs, controller, &on_partial)
            .await
        {
            Ok(generated) => {
                slot.status.set(SlotStatus::Done(generated));
                return;
            }
            Err(e) => e,
        };
        match policy.decide(attempt, &error, js_sys::Math::random()) {
            RetryDecision::RetryAfter { wait_ms } if !controller.signal().aborted() => {
                slot.status.set(SlotStatus::Backoff {
                    attempt,
                    until_ms: js_sys::Date::now() + wait_ms as f64,
                    reason: error.to_string(),
                });
                if sleep_ms(wait_ms, &controller.signal()).await.is_err() {
                    slot.status.set(SlotStatus::Failed(Failure {
                        error: ApiError::Cancelled,
                        retries: attempt,
                        waited_ms,
                    }));
                    return;
                }
                waited_ms += wait_ms;
                attempt += 1;
            }
            _ => {
                slot.status.set(SlotStatus::Failed(Failure {
                    error,
                    retries: attempt - 1,
                    waited_ms,
                }));
                return;
            }
        }
    }
}
