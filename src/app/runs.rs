//! The runs of this page session: one per press of Generate, each with its requests (slots).

use leptos::prelude::*;
use web_sys::AbortController;

use crate::web::http::Generated;
use studio_core::api::request::ImageParams;
use studio_core::api::response::ImageOut;
use studio_core::api::retry::Failure;
use studio_core::api::upload::EditUploads;

/// Where one request of a run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotStatus {
    /// Waiting for a free place under the parallel-requests cap.
    Queued,
    /// Attempt `attempt` (1 = first) is on the wire.
    Sending {
        attempt: u32,
        /// How many attempts the retry policy allows this request in all.
        of: u32,
    },
    /// Attempt `attempt` failed transiently; the next one starts at `until_ms`.
    Backoff {
        attempt: u32,
        of: u32,
        until_ms: f64,
        reason: String,
    },
    Done(Generated),
    Failed(Failure),
}

impl SlotStatus {
    pub fn is_final(&self) -> bool {
        matches!(self, SlotStatus::Done(_) | SlotStatus::Failed(_))
    }
}

/// One HTTP request of a run: a run asking for more images than the endpoint takes per
/// request has several.
#[derive(Clone, Copy)]
pub struct Slot {
    /// The `n` of this request.
    pub n: u8,
    pub status: RwSignal<SlotStatus>,
    /// The latest streamed preview, while the request runs.
    pub partial: RwSignal<Option<ImageOut>>,
    /// Why a finished result could not be kept in the history, if it could not.
    pub save_note: RwSignal<Option<String>>,
    /// The task this request became, on an async task gateway (`super::tasks`).
    pub task: RwSignal<Option<studio_core::tasks::progress::TaskProgress>>,
    /// Attempts that failed, in order, when there was more than one.
    pub attempts: RwSignal<Vec<Attempt>>,
}

/// One failed attempt of a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub error: String,
    /// The wait before the next attempt, when one followed by itself.
    pub next_after_ms: Option<u64>,
}

/// One press of Generate: what was asked and what came of it.
#[derive(Clone)]
pub struct Run {
    pub id: u64,
    pub params: ImageParams,
    /// References and mask of an edit; None for a generation.
    pub uploads: Option<EditUploads>,
    pub base_url: String,
    /// The profile it was sent with: a Retry goes there, whatever is active by then.
    pub profile_id: String,
    pub started_ms: f64,
    pub timeout_secs: u64,
    pub slots: Vec<Slot>,
}

impl Run {
    /// This run's key in the request journal.
    pub fn journal_id(&self) -> String {
        format!("{}-{}", self.started_ms as u64, self.id)
    }

    /// True while any request of the run has not finished (reactive).
    pub fn is_pending(&self) -> bool {
        self.slots
            .iter()
            .any(|s| !s.status.with(SlotStatus::is_final))
    }
}

/// All runs of this page session, newest first, and the abort handles of those in flight.
#[derive(Clone, Copy)]
pub struct Runs {
    pub list: RwSignal<Vec<Run>>,
    in_flight: StoredValue<Vec<(u64, AbortController)>, LocalStorage>,
    next_id: StoredValue<u64>,
    /// The app's owner: a run's signals must outlive the button that started it (a Retry
    /// button disappears with the error it was shown for).
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl Runs {
    pub fn new() -> Self {
        Runs {
            list: RwSignal::new(Vec::new()),
            in_flight: StoredValue::new_local(Vec::new()),
            next_id: StoredValue::new(1),
            owner: StoredValue::new_local(Owner::current()),
        }
    }

    /// Registers a new run with one queued slot per request size in `split`, and returns it
    /// with the abort controller all its requests share.
    pub fn start(
        &self,
        params: ImageParams,
        uploads: Option<EditUploads>,
        base_url: String,
        profile_id: String,
        timeout_secs: u64,
        split: &[u8],
    ) -> Option<(Run, AbortController)> {
        let controller = AbortController::new().ok()?;
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let new_run = || Run {
            id,
            params,
            uploads,
            base_url,
            profile_id,
            started_ms: js_sys::Date::now(),
            timeout_secs,
            slots: split
                .iter()
                .map(|&n| Slot {
                    n,
                    status: RwSignal::new(SlotStatus::Queued),
                    partial: RwSignal::new(None),
                    save_note: RwSignal::new(None),
                    task: RwSignal::new(None),
                    attempts: RwSignal::new(Vec::new()),
                })
                .collect(),
        };
        let run = match self.owner.get_value() {
            Some(owner) => owner.with(new_run),
            None => new_run(),
        };
        self.in_flight
            .update_value(|v| v.push((id, controller.clone())));
        self.list.update(|l| l.insert(0, run.clone()));
        Some((run, controller))
    }

    /// Forgets the abort handle of a run whose requests have all finished.
    pub fn finish(&self, run: &Run) {
        self.in_flight
            .update_value(|v| v.retain(|(id, _)| *id != run.id));
    }

    pub fn pending_count(&self) -> usize {
        self.list
            .with(|l| l.iter().filter(|r| r.is_pending()).count())
    }

    /// Aborts every request in flight and every wait before a retry; each then finishes as
    /// `Cancelled`.
    pub fn cancel_all(&self) {
        self.in_flight
            .with_value(|v| v.iter().for_each(|(_, c)| c.abort()));
    }
}

impl Default for Runs {
    fn default() -> Self {
        Self::new()
    }
}
