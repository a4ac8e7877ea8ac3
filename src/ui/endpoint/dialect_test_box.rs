use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::tasks;

use crate::app::state::use_app_state;
use studio_core::tasks::dialect::DialectChoice;
use studio_core::tasks::read::{trial, Trial};

/// Lines saying what the profile's dialect reads in a pasted answer, and what it lacks.
fn lines(t: &Trial, lang: studio_core::i18n::Lang) -> Vec<(bool, String)> {
    use studio_core::tr;
    let mut out = Vec::new();
    if let Some(d) = &t.dialect {
        let name = match d {
            studio_core::tasks::dialect::TaskDialect::Classic => DialectChoice::Auto.label(lang),
            studio_core::tasks::dialect::TaskDialect::Sub2api => DialectChoice::Sub2api.label(lang),
            studio_core::tasks::dialect::TaskDialect::Apimart => DialectChoice::Apimart.label(lang),
            studio_core::tasks::dialect::TaskDialect::Toapis => DialectChoice::Toapis.label(lang),
            studio_core::tasks::dialect::TaskDialect::Custom(_) => {
                DialectChoice::Custom.label(lang)
            }
        };
        out.push((true, tr!(lang, tasks::TRIAL_READ_AS, dialect = name)));
    }
    if let Some(id) = &t.task_id {
        out.push((true, tr!(lang, tasks::TRIAL_TASK_ID, id = id)));
    }
    match (&t.status, t.phase) {
        (Some(status), Some(phase)) => out.push((
            true,
            tr!(
                lang,
                tasks::TRIAL_STATE,
                phase = phase.label(lang),
                status = status
            ),
        )),
        (Some(status), None) => {
            out.push((true, tr!(lang, tasks::TRIAL_UNKNOWN_WORD, status = status)))
        }
        (None, Some(phase)) => out.push((
            true,
            tr!(
                lang,
                tasks::TRIAL_STATE,
                phase = phase.label(lang),
                status = phase.label(lang)
            ),
        )),
        (None, None) => {}
    }
    if let Some(p) = t.progress {
        out.push((true, tr!(lang, tasks::TRIAL_PROGRESS, p = p)));
    }
    if !t.results.is_empty() {
        // Base64 results are long: their start says enough.
        let urls: Vec<String> = t
            .results
            .iter()
            .map(|u| u.chars().take(80).collect())
            .collect();
        out.push((
            true,
            tr!(lang, tasks::TRIAL_RESULTS, urls = urls.join(", ")),
        ));
    }
    if let Some(message) = &t.error {
        out.push((true, tr!(lang, tasks::TRIAL_ERROR, message = message)));
    }
    out.extend(t.missing.iter().map(|m| (false, m.clone())));
    out
}

/// Paste a gateway's submission or poll answer and see what the profile's task dialect reads
/// in it: task id, state, result links, or what is missing and where it was looked for.
#[component]
pub fn DialectTestBox() -> impl IntoView {
    let settings = use_app_state().settings;
    let pasted = RwSignal::new(String::new());
    let result = move || {
        let body = pasted.get();
        if body.trim().is_empty() {
            return None;
        }
        let lang = lang();
        let chosen = settings.current_options().task_dialect.chosen(lang);
        Some(
            chosen
                .and_then(|d| trial(&body, d.as_ref(), lang))
                .map(|t| lines(&t, lang)),
        )
    };
    view! {
        <details class="field dialect-test">
            <summary>{t(tasks::TRIAL)}</summary>
            <label for="task-dialect-test">{t(tasks::TRIAL_HINT)}</label>
            <textarea id="task-dialect-test" data-testid="task-dialect-test" rows="4" spellcheck="false"
                placeholder=r#"{"code":200,"data":[{"task_id":"task_01","status":"submitted"}]}"#
                prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            {move || result().map(|r| match r {
                Ok(lines) => view! {
                    <ul class="hint" data-testid="task-dialect-test-result">
                        {lines.into_iter().map(|(found, text)| view! {
                            <li data-found=found.to_string() class:form-error=!found>{text}</li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(why) => view! {
                    <p class="form-error" role="alert" data-testid="task-dialect-test-result">{why}</p>
                }.into_any(),
            })}
        </details>
    }
}
