use leptos::prelude::*;
use studio_core::api::request::safe_link;

use crate::app::clock::Now;
use crate::app::runs::Slot;
use crate::web::time::local_time;
use studio_core::tasks::schedule::expiry_phrase;

/// The local date and time of `ms`, as this browser writes it.
/// A request that became a task on an async task gateway: its status, progress and time
/// left while polled; after it completed, the result links that could only be kept as links,
/// with when they expire.
#[component]
pub fn TaskProgressView(request: Slot) -> impl IntoView {
    let slot = request;
    let now = expect_context::<Now>().0;
    move || {
        slot.task.get().map(|task| {
            let in_progress = !matches!(task.status.as_str(), "completed" | "failed");
            let summary = {
                let task = task.clone();
                move || task.summary(now.get())
            };
            let kept = task.links_expire_ms.map(|expires| {
                task.kept_links
                    .iter()
                    .map(|url| {
                        view! {
                            <p class="warning" data-testid="task-kept-link">
                                "This result could not be fetched into the history (its server does not let this page read it), so only its link is kept: "
                                <a data-testid="task-expiry-link" href=safe_link(url).map(str::to_string) target="_blank"
                                    rel="noopener noreferrer" data-expires-ms=expires.to_string()>"open the image"</a>
                                ". It expires at " <time data-testid="task-expiry">{local_time(expires)}</time>
                                " (" {move || expiry_phrase(expires, now.get())} "); save it before then."
                            </p>
                        }
                    })
                    .collect_view()
            });
            view! {
                <div class="task" data-testid="task" data-task-id=task.task_id.clone()>
                    <p role="status" data-testid="task-status" data-status=task.status.clone()
                        data-polls=task.polls.to_string()>
                        "Task " <code>{task.task_id.clone()}</code> ": " {summary}
                    </p>
                    <progress data-testid="task-progress" max="100"
                        value=task.progress.unwrap_or(0).to_string()
                        data-progress=task.progress.map(|p| p.to_string())
                        aria-label="Task progress"></progress>
                    {task.resumed.then(|| view! {
                        <p class="hint" data-testid="task-resumed">"Resumed after a reload: polling picked up this task again."</p>
                    })}
                    {in_progress.then(|| view! {
                        <p class="hint">"Cancel stops polling; the gateway may still finish the task and bill it."</p>
                    })}
                    {task.note.clone().map(|note| view! { <p class="warning" data-testid="task-note">{note}</p> })}
                    {kept}
                </div>
            }
        })
    }
}
