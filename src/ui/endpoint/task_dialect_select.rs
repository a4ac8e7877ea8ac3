use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::tasks;

use crate::app::state::use_app_state;
use crate::ui::endpoint::custom_dialect_fields::CustomDialectFields;
use crate::ui::endpoint::dialect_test_box::DialectTestBox;
use studio_core::api::request::endpoint_url;
use studio_core::tasks::dialect::{DialectChoice, TaskDialect};

/// For a task gateway profile: which dialect the gateway speaks (recognised from its answers,
/// a built-in one, or one written here), where that submits and polls, and a box to try it
/// on a pasted answer.
#[component]
pub fn TaskDialectSelect() -> impl IntoView {
    let settings = use_app_state().settings;
    let setting = move || settings.current_options().task_dialect;
    let choice = move || setting().choice;
    // Where requests go, or why the custom dialect cannot be used yet.
    let route = move || {
        let lang = lang();
        let base = settings.base_url.get();
        let dialect = match setting().chosen(lang) {
            Ok(d) => d.unwrap_or(TaskDialect::Classic),
            Err(why) => return Err(studio_core::tr!(lang, tasks::DIALECT_PROBLEM, why = why)),
        };
        let at = |path: String| endpoint_url(base.trim(), &path);
        let mut text = studio_core::tr!(
            lang,
            tasks::DIALECT_ROUTE,
            submit = at(dialect.submit_path(false).unwrap_or_default()),
            poll = at(dialect.poll_template())
        );
        if let Some(edit) = dialect
            .submit_path(true)
            .filter(|_| dialect != TaskDialect::Classic)
        {
            text.push(' ');
            text.push_str(&studio_core::tr!(
                lang,
                tasks::DIALECT_EDITS,
                edit = at(edit)
            ));
        }
        Ok(text)
    };
    view! {
        <div class="field">
            <label for="task-dialect">{t(tasks::DIALECT)}</label>
            <select id="task-dialect" data-testid="task-dialect" aria-describedby="task-dialect-route"
                on:change=move |ev| {
                    if let Some(c) = DialectChoice::from_key(&event_target_value(&ev)) {
                        settings.update_options(|o| o.task_dialect.choice = c);
                    }
                }>
                {DialectChoice::ALL
                    .into_iter()
                    .map(|c| view! {
                        <option value=c.key() prop:selected=move || choice() == c>
                            {move || c.label(lang())}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
        {move || match route() {
            Ok(text) => view! {
                <p id="task-dialect-route" class="hint" data-testid="task-dialect-route">{text}</p>
            }.into_any(),
            Err(why) => view! {
                <p id="task-dialect-route" class="form-error" role="alert" data-testid="task-dialect-error">{why}</p>
            }.into_any(),
        }}
        <Show when=move || choice() == DialectChoice::Custom>
            <CustomDialectFields/>
        </Show>
        <DialectTestBox/>
    }
}
