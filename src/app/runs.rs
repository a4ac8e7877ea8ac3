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
    /// Every request sent for this slot, in order.
    pub attempts: RwSignal<Vec<Attempt>>,
}

/// One request sent for a slot, and what came of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    /// Sent asking for a stream of events.
    pub streamed: bool,
    /// The answer's HTTP status; None when no answer came.
    pub status: Option<u16>,
    /// From sending to the answer or the failure.
    pub elapsed_ms: f64,
    /// Why it failed, in the page's language; None when it answered.
    pub error: Option<String>,
    /// The endpoint's raw words behind `error`, when that said them in a sentence of its own.
    pub details: Option<String>,
    /// The endpoint may have started (and billed) the work.
    pub may_have_billed: bool,
    pub then: AttemptThen,
}

/// What the app did after an attempt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AttemptThen {
    /// It answered with images or a task.
    Answered,
    /// Sent again by itself after this wait.
    SentAgainAfter(u64),
    /// A stream that failed before its first event: sent once more without streaming.
    SentWithoutStream,
    /// Not sent again by itself.
    Stopped,
}

/// One press of Generate: what was asked and what came of it.
#[derive(Clone)]
pub struct Run {
    pub id: u64,
    pub params: ImageParams,
    /// References and mask of an edit; None for a generation.
    /// Shared: the list of runs is cloned whenever it changes, the uploaded bytes are not.
    pub uploads: Option<std::sync::Arc<EditUploads>>,
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

    fn is_pending_untracked(&self) -> bool {
        untrack(|| self.is_pending())
    }
}

/// Runs a session keeps in memory; older ones stay in the history only.
pub const RUNS_IN_MEMORY: usize = 50;

/// All runs of this page session, newest first, and the abort handles of those in flight.
#[derive(Clone, Copy)]
pub struct Runs {
    pub list: RwSignal<Vec<Run>>,
    /// Finished runs let go of to keep at most [`RUNS_IN_MEMORY`]: their results are in the
    /// history.
    pub released: RwSignal<usize>,
    /// Each run's signals live under an owner of their own, disposed when the run is let go.
    run_owners: StoredValue<Vec<(u64, Owner)>, LocalStorage>,
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
            released: RwSignal::new(0),
            run_owners: StoredValue::new_local(Vec::new()),
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
        uploads: Option<std::sync::Arc<EditUploads>>,
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
        let run_owner = match self.owner.get_value() {
            Some(owner) => owner.with(Owner::new),
            None => Owner::new(),
        };
        let run = run_owner.with(new_run);
        self.run_owners.update_value(|v| v.push((id, run_owner)));
        self.in_flight
            .update_value(|v| v.push((id, controller.clone())));
        self.list.update(|l| l.insert(0, run.clone()));
        self.release_old();
        Some((run, controller))
    }

    /// Lets go of the oldest finished runs beyond [`RUNS_IN_MEMORY`], signals and images and
    /// all: a long session does not grow without end. Runs still pending are kept.
    fn release_old(&self) {
        let mut gone = Vec::new();
        self.list.update(|list| {
            while list.len() > RUNS_IN_MEMORY {
                let Some(at) = list.iter().rposition(|r| !r.is_pending_untracked()) else {
                    break;
                };
                gone.push(list.remove(at).id);
            }
        });
        if gone.is_empty() {
            return;
        }
        self.released.update(|n| *n += gone.len());
        let owners = self
            .run_owners
            .try_update_value(|v| {
                let (out, keep): (Vec<_>, Vec<_>) = std::mem::take(v)
                    .into_iter()
                    .partition(|(id, _)| gone.contains(id));
                *v = keep;
                out
            })
            .unwrap_or_default();
        // After the list no longer shows them: their views are gone first.
        for (_, owner) in owners {
            owner.cleanup();
        }
    }

    /// Ids of the runs held in memory.
    pub fn held_ids(&self) -> Vec<u64> {
        self.list
            .with_untracked(|l| l.iter().map(|r| r.id).collect())
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
