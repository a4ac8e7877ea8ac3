use leptos::prelude::*;
use studio_core::api::request::safe_link;

use crate::app::clock::Now;
use crate::app::lang::t;
use crate::app::runs::Slot;
use crate::web::time::local_time;
use studio_core::i18n::text::runs;
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
                                {t(runs::KEPT_LINK)}
                                <a data-testid="task-expiry-link" href=safe_link(url).map(str::to_string) target="_blank"
                                    rel="noopener noreferrer" data-expires-ms=expires.to_string()>{t(runs::OPEN_THE_IMAGE_LOWER)}</a>
                                {t(runs::EXPIRES_AT)} <time data-testid="task-expiry">{move || local_time(expires, crate::app::lang::lang().tag())}</time>
                                {t(runs::EXPIRES_OPEN)} {move || expiry_phrase(expires, now.get(), crate::app::lang::lang())} {t(runs::SAVE_BEFORE)}
                            </p>
                        }
                    })
                    .collect_view()
            });
            view! {
                <div class="task" data-testid="task" data-task-id=task.task_id.clone()>
                    <p role="status" data-testid="task-status" data-status=task.status.clone()
                        data-polls=task.polls.to_string()>
                        {t(runs::TASK)} <code>{task.task_id.clone()}</code> ": " {summary}
                    </p>
                    <progress data-testid="task-progress" max="100"
                        value=task.progress.unwrap_or(0).to_string()
                        data-progress=task.progress.map(|p| p.to_string())
                        aria-label=t(runs::TASK_PROGRESS)></progress>
                    {task.resumed.then(|| view! {
                        <p class="hint" data-testid="task-resumed">{t(runs::TASK_RESUMED)}</p>
                    })}
                    {in_progress.then(|| view! {
                        <p class="hint">{t(runs::TASK_CANCEL_HINT)}</p>
                    })}
                    {task.note.clone().map(|note| view! { <p class="warning" data-testid="task-note">{note}</p> })}
                    {kept}
                </div>
            }
        })
    }
}
