use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::{text::tasks, Text};

use crate::app::state::use_app_state;
use studio_core::tasks::dialect::CustomDialect;

/// One text field of the custom dialect: how to read it from the stored dialect and how to
/// write it back.
struct PathField {
    id: &'static str,
    label: Text,
    placeholder: &'static str,
    get: fn(&CustomDialect) -> &String,
    set: fn(&mut CustomDialect, String),
}

const FIELDS: &[PathField] = &[
    PathField {
        id: "dialect-submit-path",
        label: tasks::SUBMIT_PATH,
        placeholder: "images/generations",
        get: |c| &c.submit_path,
        set: |c, v| c.submit_path = v,
    },
    PathField {
        id: "dialect-edit-path",
        label: tasks::EDIT_PATH,
        placeholder: "images/edits/async",
        get: |c| &c.edit_path,
        set: |c, v| c.edit_path = v,
    },
    PathField {
        id: "dialect-task-id-path",
        label: tasks::TASK_ID_PATH,
        placeholder: "data.0.task_id",
        get: |c| &c.task_id_path,
        set: |c, v| c.task_id_path = v,
    },
    PathField {
        id: "dialect-poll-path",
        label: tasks::POLL_PATH,
        placeholder: "tasks/{id}",
        get: |c| &c.poll_path,
        set: |c, v| c.poll_path = v,
    },
    PathField {
        id: "dialect-status-path",
        label: tasks::STATUS_PATH,
        placeholder: "data.status",
        get: |c| &c.status_path,
        set: |c, v| c.status_path = v,
    },
    PathField {
        id: "dialect-waiting-words",
        label: tasks::WAITING_WORDS,
        placeholder: "warming_up",
        get: |c| &c.waiting_words,
        set: |c, v| c.waiting_words = v,
    },
    PathField {
        id: "dialect-done-words",
        label: tasks::DONE_WORDS,
        placeholder: "ready",
        get: |c| &c.done_words,
        set: |c, v| c.done_words = v,
    },
    PathField {
        id: "dialect-failed-words",
        label: tasks::FAILED_WORDS,
        placeholder: "rejected",
        get: |c| &c.failed_words,
        set: |c, v| c.failed_words = v,
    },
    PathField {
        id: "dialect-result-paths",
        label: tasks::RESULT_PATHS,
        placeholder: "result.data[].url",
        get: |c| &c.result_paths,
        set: |c, v| c.result_paths = v,
    },
    PathField {
        id: "dialect-progress-path",
        label: tasks::PROGRESS_PATH,
        placeholder: "data.progress",
        get: |c| &c.progress_path,
        set: |c, v| c.progress_path = v,
    },
    PathField {
        id: "dialect-error-path",
        label: tasks::ERROR_PATH,
        placeholder: "error.message",
        get: |c| &c.error_path,
        set: |c, v| c.error_path = v,
    },
];

/// The custom dialect's paths and words, stored on the profile as typed (what is wrong with
/// them is said under the dialect select).
#[component]
pub fn CustomDialectFields() -> impl IntoView {
    let settings = use_app_state().settings;
    let custom = move || settings.current_options().task_dialect.custom;
    view! {
        <fieldset class="custom-dialect" data-testid="custom-dialect">
            <legend>{t(tasks::DIALECT_CUSTOM)}</legend>
            {FIELDS
                .iter()
                .map(|f| {
                    let (get, set) = (f.get, f.set);
                    view! {
                        <div class="field">
                            <label for=f.id>{t(f.label)}</label>
                            <input id=f.id data-testid=f.id type="text" spellcheck="false" autocomplete="off"
                                placeholder=f.placeholder prop:value=move || get(&custom()).clone()
                                on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    settings.update_options(|o| set(&mut o.task_dialect.custom, value));
                                }/>
                        </div>
                    }
                })
                .collect_view()}
            <div class="field check">
                <input id="dialect-openai-body" data-testid="dialect-openai-body" type="checkbox"
                    prop:checked=move || custom().openai_body
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        settings.update_options(|o| o.task_dialect.custom.openai_body = checked);
                    }/>
                <label for="dialect-openai-body">{t(tasks::OPENAI_BODY)}</label>
            </div>
            <p class="hint">{move || tasks::CUSTOM_HINT.fill(lang(), &[])}</p>
        </fieldset>
    }
}
