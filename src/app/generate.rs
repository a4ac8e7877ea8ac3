//! Pressing Generate: check the form, build every request of the run, send them under the
//! parallel cap with automatic retries of transient failures, record each outcome.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::app::journal;
use crate::app::lang::lang;
use crate::app::runs::Run;
use crate::app::runs::Slot;
use crate::app::runs::SlotStatus;
use crate::app::runs::{Attempt, AttemptThen};
use crate::app::state::AppState;
use crate::web::http::{ImagesClient, Outgoing, Payload, Submitted};
use crate::web::sleep::sleep_ms;
use studio_core::api::attempt::{after_stream_failure, may_have_billed, AfterStream};
use studio_core::api::error::ApiError;
use studio_core::api::multipart::edit_parts_for;
use studio_core::api::request::{check_base_url, generation_body_for, split_n, ImageParams};
use studio_core::api::retry::{Failure, RetryDecision, RetryPolicy};
use studio_core::api::upload::EditUploads;
use studio_core::endpoint_options::{EditImageField, StreamSupport};
use studio_core::estimate::{default_timeout_secs, entry_for_estimates};
use studio_core::history::journal::JournalEntry;
use studio_core::i18n::text::work;
use studio_core::models::registry::{self, ModelInfo};
use studio_core::profiles::same_endpoint;
use studio_core::repeat_guard::fingerprint;
use studio_core::sizes::{self, SizeSpec};

/// Sends what the form holds now: an edit when references are ready, else a generation.
pub fn generate_from_form(state: AppState) {
    // Ctrl+Enter while the model is still being typed: the form follows it first.
    state.models.settle();
    if untrack(|| preparing(state)) {
        // Sent by `send_when_ready` as soon as the references are: one press, one request.
        state.form_error.set(None);
        state.send_when_ready.set(true);
        return;
    }
    state.send_when_ready.set(false);
    if let Some(why) = state.form.n_error.get_untracked() {
        state.form_error.set(Some(why));
        return;
    }
    let params = state.form.params(state.settings.model.get_untracked());
    if let Some(notice) = untrack(|| state.models.needs_confirmation(&params.model)) {
        // Nothing goes to a retired model before the user says so (`RetiredConfirm`).
        state.form_error.set(None);
        state.models.retired_pending.set(Some(notice));
        return;
    }
    if !untrack(|| admit(state, &params)) {
        // A double click or a doubled Ctrl+Enter: the same request is already on its way.
        return;
    }
    match state.references.edit_uploads() {
        Ok(uploads) => {
            let info = untrack(|| state.models.info());
            let cap = untrack(|| state.settings.current_options().max_references);
            send(state, params, within_model_cap(&info, cap, uploads))
        }
        // References still being prepared, or a refused mask: nothing is sent.
        Err(why) => state.form_error.set(Some(why)),
    }
}

/// The references the model takes under the profile's own cap (`None`: the model's), the
/// first ones kept (the reference panel says so); none at all make the request a generation.
fn within_model_cap(
    info: &ModelInfo,
    profile_cap: Option<u8>,
    uploads: Option<EditUploads>,
) -> Option<EditUploads> {
    let mut uploads = uploads?;
    let cap = usize::from(registry::reference_cap(info, profile_cap.unwrap_or(0)));
    if cap == 0 {
        return None;
    }
    uploads.images.truncate(cap);
    Some(uploads)
}

/// False for a second trigger of the same form within [`REPEAT_WINDOW_MS`] (double click,
/// Ctrl+Enter twice); the first one is already being sent.
///
/// [`REPEAT_WINDOW_MS`]: studio_core::repeat_guard::REPEAT_WINDOW_MS
fn admit(state: AppState, params: &ImageParams) -> bool {
    let body = serde_json::to_string(params).unwrap_or_default();
    let base_url = state.settings.base_url.get();
    let profile = state.settings.active().id;
    let references = state.references.items.with(|items| {
        items
            .iter()
            .map(|r| format!("{}:{:?}", r.key, r.render_key()))
            .collect::<Vec<_>>()
            .join(",")
    });
    let mask = state
        .references
        .mask
        .with(|m| format!("{:?}", std::mem::discriminant(m)));
    // A painted mask changes what is sent without changing the list: its share and redraws.
    let painted = format!(
        "{}:{}",
        state.painter.painted_share.get(),
        state.painter.redraw.get()
    );
    let form = fingerprint([
        body.as_str(),
        &base_url,
        &profile,
        &references,
        &mask,
        &painted,
    ]);
    state
        .repeat_guard
        .try_update_value(|guard| guard.admit(form, js_sys::Date::now()))
        .unwrap_or(true)
}

/// A reference, the mask or the painted mask is still being prepared (reactive).
fn preparing(state: AppState) -> bool {
    state.painter.committing.get() || state.references.preparing()
}

/// Sends the form once what it waits for is prepared, when Generate was pressed meanwhile.
/// Removing the references or pressing Generate again does not send twice: the wait is one
/// flag, cleared when the request goes.
pub fn send_when_ready(state: AppState) {
    Effect::new(move |_| {
        if state.send_when_ready.get() && !preparing(state) {
            // What sending reads must not become what this effect waits on.
            untrack(|| generate_from_form(state));
        }
    });
}

/// The request for `params` with `n` images: JSON for a generation, multipart for an edit
/// (its images in parts named as the profile says).
pub fn outgoing(
    params: &ImageParams,
    info: &ModelInfo,
    n: u8,
    uploads: Option<&EditUploads>,
    image_field: EditImageField,
) -> Result<Outgoing, String> {
    let params = ImageParams {
        n,
        ..params.clone()
    };
    let payload = match uploads {
        None => {
            Payload::Generation(generation_body_for(&params, info).map_err(|e| e.message(lang()))?)
        }
        Some(u) => Payload::Edit(
            edit_parts_for(&params, info, u, image_field.name()).map_err(|e| e.message(lang()))?,
        ),
    };
    Ok(Outgoing {
        payload,
        requested_mime: params.format_sent().mime(),
    })
}

/// Sends a failed request of `run` again, with the profile and to the endpoint it went to:
/// switching profiles after a failure must not send its retry, or a key, anywhere else.
pub fn retry(state: AppState, run: &Run, params: ImageParams, uploads: Option<EditUploads>) {
    let settings = state.settings;
    let book = untrack(|| settings.book());
    let current = settings.base_url.get_untracked();
    if book.active != run.profile_id || same_endpoint(&current) != same_endpoint(&run.base_url) {
        match book.get(&run.profile_id) {
            Some(p) if same_endpoint(&p.base_url) == same_endpoint(&run.base_url) => {
                settings.switch_to(&run.profile_id)
            }
            // The profile is gone or points elsewhere now: the endpoint's own profile.
            _ => settings.switch_to_endpoint(&run.base_url),
        }
        let name = untrack(|| settings.active().name);
        state.notice.set(Some(studio_core::tr!(
            lang(),
            work::SWITCHED_BACK,
            name = name,
            base_url = run.base_url
        )));
    }
    send(state, params, uploads);
}

/// Sends `params` (with `uploads`, an edit) to the configured endpoint as a new run. The
/// sending code comes from its own wasm chunk (loaded right after the page starts), so the
/// first paint does not wait for it.
pub fn send(state: AppState, params: ImageParams, uploads: Option<EditUploads>) {
    // With this owner, so that sending finds the context it reads (the task fields), and
    // untracked: nothing it reads subscribes whoever called it.
    leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new_untracked(
        send_from_chunk(state, params, uploads),
    ));
}

page_lazy! {
fn send_from_chunk(state: AppState, params: ImageParams, uploads: Option<EditUploads>) -> () {
    send_now(state, params, uploads)
}
}

/// [`send`], at once. Problems found before sending go to `form_error`; nothing is sent then.
fn send_now(state: AppState, params: ImageParams, uploads: Option<EditUploads>) {
    state.form_error.set(None);
    let base_url = state.settings.base_url.get_untracked().trim().to_string();
    if let Err(why) = check_base_url(&base_url) {
        state.form_error.set(Some(why.message(lang())));
        // The field to fix may be folded away: unfold it and go there.
        state.open_endpoint_settings("base-url");
        return;
    }
    let options = untrack(|| state.settings.current_options());
    let split = split_n(params.n, options.max_per_request);
    // A task gateway takes its own body (issue 9: `super::tasks`); local files are refused.
    let task_inputs = match crate::app::tasks::fields::task_inputs(&state, &options, &uploads) {
        Ok(inputs) => inputs,
        Err(why) => {
            state.form_error.set(Some(why));
            return;
        }
    };
    // A gateway's own model name follows the rules of the model this profile maps it to.
    let info = registry::resolve(&params.model, &untrack(|| state.settings.current_aliases()));
    // Build every request before the first is sent: a refusal sends nothing.
    let requests = match split
        .iter()
        .map(|&n| match &task_inputs {
            Some(inputs) => crate::app::tasks::fields::task_outgoing(&params, n, inputs),
            None => outgoing(
                &params,
                &info,
                n,
                uploads.as_ref(),
                options.edit_image_field,
            ),
        })
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(r) => r,
        Err(why) => {
            state.form_error.set(Some(why));
            return;
        }
    };
    // An endpoint known not to relay streams gets each request in one piece (the stream
    // control says so, and offers to test again).
    let requests = if options.streaming == StreamSupport::Refused {
        requests.iter().map(Outgoing::without_stream).collect()
    } else {
        requests
    };
    let size = sizes::parse(&params.size).unwrap_or(SizeSpec::Auto);
    let timeout_secs = options.timeout_secs.unwrap_or_else(|| {
        default_timeout_secs(entry_for_estimates(&params.model), params.quality, size)
    });
    let key = untrack(|| state.settings.key_for(&base_url));
    let profile_id = untrack(|| state.settings.book().active);
    // Decided when sending: later changes of the option do not touch this run.
    let keep_outside = uploads
        .as_ref()
        .filter(|u| u.mask.is_some())
        .and(state.painter.keep_outside_feather());
    let client = ImagesClient::new(base_url.clone(), key)
        .with_dialect(crate::app::tasks::fields::dialect_of(&options));
    let Some((run, controller)) = state.runs.start(
        params,
        uploads.map(std::sync::Arc::new),
        base_url,
        profile_id,
        timeout_secs,
        &split,
    ) else {
        state
            .form_error
            .set(Some(work::NO_ABORT_CONTROLLER.get(lang()).into()));
        return;
    };
    state.composites.keep_only_runs(&state.runs.held_ids());
    // Written down before anything is sent: a reload or crash from here on leaves it listed
    // as interrupted.
    journal::run_started(JournalEntry {
        id: run.journal_id(),
        started_ms: run.started_ms,
        params: run.params.clone(),
        base_url: run.base_url.clone(),
        references: run.uploads.as_ref().map_or(0, |u| u.images.len() as u32),
        tab: String::new(),
    });
    let jobs: Rc<Vec<(Slot, Outgoing)>> =
        Rc::new(run.slots.iter().copied().zip(requests).collect());
    let next = Rc::new(Cell::new(0usize));
    let workers = usize::from(options.parallel).clamp(1, jobs.len());
    let policy = RetryPolicy {
        base_ms: crate::app::timing::scaled_ms(RetryPolicy::default().base_ms),
        ..RetryPolicy::with_server_retries(u32::from(options.server_retries))
    };
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
                let profile_id = run.profile_id.clone();
                let learned =
                    move |seen: StreamSupport| state.settings.record_streaming(&profile_id, seen);
                match send_with_retries(
                    &client,
                    request,
                    *slot,
                    timeout_secs,
                    policy,
                    &controller,
                    &learned,
                )
                .await
                {
                    // An async task gateway: followed until done, then kept (issue 9).
                    Ok(Submitted::Task(task)) => {
                        let entry = crate::app::tasks::follow::new_entry(&run, i, &task);
                        crate::app::tasks::follow::follow_task(
                            state,
                            &client,
                            entry,
                            Some(task),
                            &run,
                            i,
                            *slot,
                            &controller,
                        )
                        .await
                    }
                    Ok(Submitted::Images(generated)) => {
                        // Kept before it is shown: nothing paid for is lost to a reload.
                        let note = state
                            .gallery
                            .keep(crate::app::keep::results(&run, i, slot.n, &generated))
                            .await;
                        slot.save_note.set(note);
                        if run.params.cut_out_locally() {
                            // A cut-out replaces pasting image 1 back: it is keyed whole.
                            state.composites.start_cutout(&run, i, slot.n, &generated);
                        } else if let Some(feather_px) = keep_outside {
                            state
                                .composites
                                .start(&run, i, slot.n, &generated, feather_px);
                        }
                        state.health.record(
                            &run.base_url,
                            true,
                            studio_core::tr!(
                                lang(),
                                work::ANSWERED_IN,
                                secs = format!("{:.1}", generated.elapsed_ms / 1000.0)
                            ),
                        );
                        slot.status.set(SlotStatus::Done(generated));
                    }
                    Err(failure) => {
                        if let Some(ok) = failure.error.endpoint_answered() {
                            state
                                .health
                                .record(&run.base_url, ok, failure.error.message(lang()));
                        }
                        slot.status.set(SlotStatus::Failed(failure));
                    }
                }
            }
            running.set(running.get() - 1);
            if running.get() == 0 {
                state.runs.finish(&run);
                journal::run_finished(&run.journal_id());
            }
        });
    }
}

/// Forgets an interrupted entry (retried or dismissed).
pub fn dismiss_interrupted(state: AppState, id: &str) {
    journal::dismiss_interrupted(id);
    state.interrupted.update(|list| list.retain(|e| e.id != id));
}

/// One request of a run, retried by `policy` where nothing can have been billed (and 5xx as
/// often as the profile says). A streamed request is never sent again as a stream: after a
/// failure before its first event it goes once more without streaming (`api::attempt`), and
/// what that shows about the endpoint is handed to `learned`. Every attempt is listed on the
/// slot.
async fn send_with_retries(
    client: &ImagesClient,
    request: &Outgoing,
    slot: Slot,
    timeout_secs: u64,
    policy: RetryPolicy,
    controller: &AbortController,
    learned: &dyn Fn(StreamSupport),
) -> Result<Submitted, Failure> {
    let (mut attempt, mut waited_ms, mut of) = (1u32, 0u64, 1u32);
    let mut current = request.clone();
    // Set once a failed stream was sent again without streaming: no attempt after that one.
    let mut fell_back = None::<bool>;
    loop {
        if controller.signal().aborted() {
            return Err(Failure {
                error: ApiError::Cancelled,
                retries: attempt - 1,
                waited_ms,
            });
        }
        slot.status.set(SlotStatus::Sending { attempt, of });
        let partials = Rc::new(Cell::new(0u32));
        let seen = partials.clone();
        let on_partial = move |_, image| {
            seen.set(seen.get() + 1);
            slot.partial.set(Some(image));
        };
        let streamed = current.streams();
        let sent_ms = js_sys::Date::now();
        let outcome = client
            .submit(&current, timeout_secs, controller, &on_partial, lang())
            .await;
        let elapsed_ms = js_sys::Date::now() - sent_ms;
        let error = match outcome {
            Ok(submitted) => {
                slot.attempts.update(|list| {
                    list.push(Attempt {
                        streamed,
                        status: Some(200),
                        elapsed_ms,
                        error: None,
                        details: None,
                        may_have_billed: true,
                        then: AttemptThen::Answered,
                    })
                });
                match fell_back {
                    Some(true) => learned(StreamSupport::Refused),
                    None if streamed => learned(StreamSupport::Works),
                    _ => {}
                }
                return Ok(submitted);
            }
            Err(e) => e,
        };
        let record = |then| {
            slot.attempts.update(|list| {
                list.push(Attempt {
                    streamed,
                    status: attempt_status(&error),
                    elapsed_ms,
                    error: Some(error.message(lang())),
                    details: error.details(),
                    may_have_billed: may_have_billed(&error),
                    then,
                })
            })
        };
        let next = if fell_back.is_some() {
            // The second request of a failed stream is the last one, whatever failed.
            None
        } else if streamed {
            match after_stream_failure(&error, partials.get(), &policy, js_sys::Math::random()) {
                AfterStream::WithoutStream => Some((0, true)),
                AfterStream::WithoutStreamAfter { wait_ms } => Some((wait_ms, false)),
                AfterStream::GiveUp => None,
            }
        } else {
            of = policy.attempts_allowed_for(&error);
            match policy.decide(attempt, &error, js_sys::Math::random()) {
                RetryDecision::RetryAfter { wait_ms } => Some((wait_ms, false)),
                RetryDecision::GiveUp => None,
            }
        };
        match next {
            Some((wait_ms, stream_refused)) if !controller.signal().aborted() => {
                if streamed {
                    fell_back = Some(stream_refused);
                    current = current.without_stream();
                    of = attempt + 1;
                    record(AttemptThen::SentWithoutStream);
                } else {
                    record(AttemptThen::SentAgainAfter(wait_ms));
                }
                if wait_ms > 0 {
                    slot.status.set(SlotStatus::Backoff {
                        attempt,
                        of,
                        until_ms: js_sys::Date::now() + wait_ms as f64,
                        reason: error.message(lang()),
                    });
                    if sleep_ms(wait_ms, &controller.signal()).await.is_err() {
                        return Err(Failure {
                            error: ApiError::Cancelled,
                            retries: attempt,
                            waited_ms,
                        });
                    }
                }
                waited_ms += wait_ms;
                attempt += 1;
            }
            _ => {
                record(AttemptThen::Stopped);
                return Err(Failure {
                    error,
                    retries: attempt - 1,
                    waited_ms,
                });
            }
        }
    }
}

/// The status an attempt's answer carried; a cancelled or broken attempt has none.
fn attempt_status(error: &ApiError) -> Option<u16> {
    studio_core::api::attempt::status_of(error)
}
