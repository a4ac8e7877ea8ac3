//! Following a task until it finishes: polls with the backoff schedule, shows progress,
//! journals where it stands (a reload resumes it), then fetches the result links at once
//! (they expire) and keeps the images like any other result.

use leptos::prelude::*;
use web_sys::AbortController;

use crate::app::journal;
use crate::app::lang::lang;
use crate::app::runs::Run;
use crate::app::runs::Runs;
use crate::app::runs::Slot;
use crate::app::runs::SlotStatus;
use crate::app::state::AppState;
use crate::web::http::{Generated, ImagesClient};
use crate::web::sleep::sleep_ms;
use studio_core::api::error::ApiError;
use studio_core::api::response::{ImageOut, ImageSource, ImagesAnswer};
use studio_core::api::retry::{is_transient, Failure};
use studio_core::i18n::text::work;
use studio_core::tasks::answer::{TaskReport, TaskState};
use studio_core::tasks::journal::TaskEntry;
use studio_core::tasks::progress::TaskProgress;
use studio_core::tasks::schedule::{links_expire_ms, poll_delay_ms, MAX_FAILED_POLLS};

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The journal entry of a task that request `request` of `run` just started.
pub fn new_entry(run: &Run, request: usize, report: &TaskReport) -> TaskEntry {
    let now = now_ms();
    TaskEntry {
        task_id: report.id.clone(),
        base_url: run.base_url.clone(),
        dialect: report.dialect.clone(),
        params: studio_core::api::request::ImageParams {
            n: run.slots.get(request).map_or(1, |s| s.n),
            ..run.params.clone()
        },
        run_entry: run.journal_id(),
        submitted_ms: now,
        last_running_ms: now,
        polls: 0,
        progress: report.progress,
        status: status_word(&report.state),
        estimated_secs: report.estimated_secs,
        tab: String::new(),
    }
}

fn status_word(state: &TaskState) -> String {
    match state {
        TaskState::InProgress { status } => status.clone(),
        TaskState::Completed { .. } => "completed".into(),
        TaskState::Failed { .. } => "failed".into(),
    }
}

/// True when every request still running is a task being polled: leaving the page then
/// loses nothing, since polling resumes after a reload.
pub fn only_tasks_pending(runs: &Runs) -> bool {
    runs.list.with_untracked(|list| {
        list.iter().all(|run| {
            run.slots.iter().all(|s| {
                s.status.with_untracked(SlotStatus::is_final)
                    || s.task
                        .with_untracked(|t| t.as_ref().is_some_and(|t| t.links_expire_ms.is_none()))
            })
        })
    })
}

/// Follows `entry` until it completes, fails or is cancelled; the slot ends Done (images
/// kept in the history) or Failed. `first` is the submission's answer; `None` when resumed.
#[allow(clippy::too_many_arguments)]
pub async fn follow_task(
    state: AppState,
    client: &ImagesClient,
    mut entry: TaskEntry,
    first: Option<TaskReport>,
    run: &Run,
    request: usize,
    slot: Slot,
    controller: &AbortController,
) {
    let mut view = TaskProgress {
        task_id: entry.task_id.clone(),
        status: entry.status.clone(),
        progress: entry.progress,
        estimated_secs: entry.estimated_secs,
        submitted_ms: entry.submitted_ms,
        can_cancel: first.as_ref().and_then(|r| r.can_cancel),
        polls: entry.polls,
        resumed: first.is_none(),
        ..TaskProgress::default()
    };
    slot.task.set(Some(view.clone()));
    let entry_now = entry.clone();
    journal::task_progressed(entry_now);
    let outcome = poll_until_done(client, &mut entry, &mut view, first, slot, controller).await;
    match outcome {
        Ok(results) => {
            let generated = fetch_results(client, &entry, &results, &mut view, controller).await;
            slot.task.set(Some(view));
            wait_for_history(state).await;
            // Kept before the journal entry goes: a reload in between polls it again.
            let note = state
                .gallery
                .keep(crate::app::keep::results(run, request, slot.n, &generated))
                .await;
            slot.save_note.set(note);
            journal::task_ended(&entry.base_url, &entry.task_id);
            slot.status.set(SlotStatus::Done(generated));
        }
        Err(failure) => {
            journal::task_ended(&entry.base_url, &entry.task_id);
            view.status = "failed".into();
            slot.task.set(Some(view));
            slot.status.set(SlotStatus::Failed(failure));
        }
    }
}

/// Polls until the task completes (its result links) or fails.
async fn poll_until_done(
    client: &ImagesClient,
    entry: &mut TaskEntry,
    view: &mut TaskProgress,
    first: Option<TaskReport>,
    slot: Slot,
    controller: &AbortController,
) -> Result<Vec<String>, Failure> {
    let fail = |error| Failure {
        error,
        retries: 0,
        waited_ms: 0,
    };
    let mut pending = first;
    let (mut failed_in_row, mut polls_here) = (0u32, 0u32);
    loop {
        let report = match pending.take() {
            Some(report) => report,
            None => {
                // A resumed task may have finished meanwhile: its first poll goes at once.
                let wait = crate::app::timing::scaled_ms(match (view.resumed, polls_here) {
                    (true, 0) => 0,
                    (true, k) => poll_delay_ms(k - 1),
                    (false, k) => poll_delay_ms(k),
                });
                if sleep_ms(wait, &controller.signal()).await.is_err() {
                    return Err(fail(ApiError::Cancelled));
                }
                polls_here += 1;
                entry.polls += 1;
                view.polls = entry.polls;
                match client
                    .task_report(&entry.task_id, &entry.dialect, controller, lang())
                    .await
                {
                    Ok(report) => {
                        failed_in_row = 0;
                        view.note = None;
                        report
                    }
                    Err(ApiError::Cancelled) => return Err(fail(ApiError::Cancelled)),
                    Err(e) if is_transient(&e) && failed_in_row < MAX_FAILED_POLLS => {
                        failed_in_row += 1;
                        let lang = lang();
                        view.note = Some(studio_core::tr!(
                            lang,
                            work::POLLING_GOES_ON,
                            e = e.message(lang)
                        ));
                        slot.task.set(Some(view.clone()));
                        continue;
                    }
                    Err(e) => return Err(fail(e)),
                }
            }
        };
        view.status = status_word(&report.state);
        view.progress = report.progress.or(view.progress);
        view.estimated_secs = report.estimated_secs.or(view.estimated_secs);
        view.can_cancel = report.can_cancel.or(view.can_cancel);
        match report.state {
            TaskState::InProgress { status } => {
                entry.last_running_ms = now_ms();
                entry.status = status;
                entry.progress = view.progress;
                entry.estimated_secs = view.estimated_secs;
                let snapshot = entry.clone();
                journal::task_progressed(snapshot);
                slot.task.set(Some(view.clone()));
            }
            TaskState::Completed { results } => return Ok(results),
            TaskState::Failed { code, message } => {
                return Err(fail(ApiError::TaskFailed {
                    task_id: entry.task_id.clone(),
                    code,
                    message,
                }))
            }
        }
    }
}

/// Fetches every result link at once (no key is sent: they are on other hosts). Links the
/// page may not read are kept, with when they expire.
async fn fetch_results(
    client: &ImagesClient,
    entry: &TaskEntry,
    results: &[String],
    view: &mut TaskProgress,
    controller: &AbortController,
) -> Generated {
    let fallback_mime = entry.params.format_sent().mime();
    let mut images = Vec::new();
    for url in results {
        let source = match client
            .fetch_result_image(url, fallback_mime, controller, lang())
            .await
        {
            Ok((data_url, mime)) => ImageOut {
                source: ImageSource::DataUrl(data_url.into()),
                mime,
                revised_prompt: None,
            },
            Err(e) => {
                view.kept_links.push(url.clone());
                view.note = Some(e.message(lang()));
                ImageOut {
                    source: ImageSource::Url(url.clone()),
                    mime: fallback_mime.to_string(),
                    revised_prompt: None,
                }
            }
        };
        images.push(source);
    }
    let expires = links_expire_ms(entry.last_running_ms.max(entry.submitted_ms));
    view.links_expire_ms = Some(expires);
    view.progress = Some(100);
    Generated::new(
        ImagesAnswer {
            images,
            created: Some((now_ms() / 1000.0) as i64),
            size: None,
            quality: None,
            output_format: None,
            background: None,
            usage: None,
        },
        Some(entry.task_id.clone()),
        now_ms() - entry.submitted_ms,
        (!view.kept_links.is_empty()).then_some(expires),
    )
}

/// The history opens asynchronously at start; a task resumed then may finish first.
async fn wait_for_history(state: AppState) {
    let never = AbortController::new().ok();
    for _ in 0..100 {
        if state.gallery.loaded.get_untracked() {
            return;
        }
        match &never {
            Some(c) => {
                let _ = sleep_ms(100, &c.signal()).await;
            }
            None => return,
        }
    }
}
