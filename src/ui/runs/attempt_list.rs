use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::runs::{Attempt, AttemptThen, Slot};
use studio_core::api::retry::format_wait;
use studio_core::i18n::text::runs;
use studio_core::i18n::Lang;

/// Every request sent for one slot, once there was more than one: streamed or not, the
/// status, how long it took, whether it may have been billed, what failed, and what the app
/// did next. A stream that fell back to a plain request says so outside the fold.
#[component]
pub fn AttemptList(request: Slot) -> impl IntoView {
    let attempts = request.attempts;
    move || {
        let list = attempts.get();
        (list.len() > 1).then(|| {
            let fell_back = list.iter().any(|a| a.then == AttemptThen::SentWithoutStream);
            let answered = list.last().is_some_and(|a| a.then == AttemptThen::Answered);
            let count = list.len();
            let items = list
                .into_iter()
                .enumerate()
                .map(|(i, attempt)| {
                    let details = attempt.details.clone();
                    let (streamed, billed) = (attempt.streamed, attempt.may_have_billed);
                    let status = attempt.status.map(|s| s.to_string()).unwrap_or_default();
                    view! {
                        <li data-testid="attempt" data-status=status
                            data-streamed=streamed.to_string() data-may-have-billed=billed.to_string()>
                            {move || line(i + 1, &attempt, lang())}
                            {details.map(|raw| view! {
                                <details class="raw"><summary>{t(runs::DETAILS)}</summary><pre>{raw}</pre></details>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                {fell_back.then(|| view! {
                    <p class="note" data-testid="stream-fallback-note" role="status">
                        {t(runs::STREAM_FELL_BACK)}
                        {answered.then(|| t(runs::STREAM_FELL_BACK_LEARNED))}
                    </p>
                })}
                <details class="attempts" data-testid="attempts">
                    <summary>{move || studio_core::tr!(lang(), runs::N_ATTEMPTS, n = count)}</summary>
                    <ol>{items}</ol>
                </details>
            }
        })
    }
}

/// "Attempt 2 · streamed · HTTP 500 · 0.4 s · may have billed: … Sent again without streaming."
fn line(i: usize, a: &Attempt, lang: Lang) -> String {
    let mut facts = Vec::new();
    facts.push(
        if a.streamed {
            runs::ATTEMPT_STREAMED
        } else {
            runs::ATTEMPT_PLAIN
        }
        .get(lang)
        .to_string(),
    );
    facts.push(match a.status {
        Some(status) => studio_core::tr!(lang, runs::ATTEMPT_STATUS, status = status),
        None => runs::ATTEMPT_NO_ANSWER.get(lang).to_string(),
    });
    facts.push(studio_core::tr!(
        lang,
        runs::ATTEMPT_SECS,
        secs = format!("{:.1}", a.elapsed_ms / 1000.0)
    ));
    facts.push(
        match (a.error.is_none(), a.may_have_billed) {
            (true, _) => runs::ATTEMPT_BILLED,
            (false, true) => runs::ATTEMPT_MAY_HAVE_BILLED,
            (false, false) => runs::ATTEMPT_NOT_BILLED,
        }
        .get(lang)
        .to_string(),
    );
    let then = match a.then {
        AttemptThen::Answered => String::new(),
        AttemptThen::SentAgainAfter(ms) => {
            studio_core::tr!(lang, runs::SENT_AGAIN_AFTER, wait = format_wait(ms))
        }
        AttemptThen::SentWithoutStream => runs::SENT_WITHOUT_STREAM.get(lang).to_string(),
        AttemptThen::Stopped => runs::NOT_SENT_AGAIN.get(lang).to_string(),
    };
    studio_core::tr!(
        lang,
        runs::ATTEMPT,
        i = i,
        facts = facts.join(" · "),
        error = a
            .error
            .clone()
            .unwrap_or_else(|| runs::ATTEMPT_ANSWERED.get(lang).to_string()),
        then = then
    )
}
