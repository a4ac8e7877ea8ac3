//! After a reload, or when another tab goes: the tasks this tab took over are followed again, each in a run of its own,
//! with the key this tab still holds for their base URL.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::follow::follow_task;
use crate::app::runs::SlotStatus;
use crate::app::state::AppState;
use crate::web::http::ImagesClient;
use studio_core::estimate::{default_timeout_secs, entry_for_estimates};
use studio_core::sizes::{self, SizeSpec};
use studio_core::tasks::journal::TaskEntry;

/// Polls each task again; its run shows like any other, and Cancel stops it.
pub fn resume(state: AppState, tasks: Vec<TaskEntry>) {
    for entry in tasks {
        let key = untrack(|| state.settings.key_for(&entry.base_url));
        let client = ImagesClient::new(entry.base_url.clone(), key);
        let size = sizes::parse(&entry.params.size).unwrap_or(SizeSpec::Auto);
        let timeout_secs = default_timeout_secs(
            entry_for_estimates(&entry.params.model),
            entry.params.quality,
            size,
        );
        let n = entry.params.n;
        let Some((run, controller)) = state.runs.start(
            entry.params.clone(),
            None,
            entry.base_url.clone(),
            untrack(|| state.settings.book().active),
            timeout_secs,
            &[n],
        ) else {
            continue;
        };
        let slot = run.slots[0];
        slot.status.set(SlotStatus::Sending { attempt: 1, of: 1 });
        spawn_local(async move {
            follow_task(state, &client, entry, None, &run, 0, slot, &controller).await;
            state.runs.finish(&run);
        });
    }
}
