use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::use_app_state;
use crate::ui::endpoint::task_dialect_select::TaskDialectSelect;
use studio_core::api::request::endpoint_url;

/// The profile option "task gateway": the endpoint answers generations with a task to poll.
#[component]
pub fn TaskGatewayOption() -> impl IntoView {
    let settings = use_app_state().settings;
    let on = move || settings.current_options().task_gateway;
    view! {
        <div class="field check">
            <input id="task-gateway" data-testid="task-profile-option" type="checkbox"
                prop:checked=on aria-describedby="task-gateway-hint"
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    settings.update_options(|o| o.task_gateway = checked);
                }/>
            <label for="task-gateway">{t(endpoint::TASK_GATEWAY)}</label>
        </div>
        <p id="task-gateway-hint" class="hint">
            {move || if on() {
                // The dialect's poll path up to the id; its own hint says the rest.
                let dialect = settings.current_options().task_dialect.chosen(lang()).ok().flatten();
                let template = dialect.unwrap_or_default().poll_template();
                let prefix = template.split("{id}").next().unwrap_or_default();
                let polled = endpoint_url(settings.base_url.get().trim(), prefix);
                studio_core::tr!(lang(), endpoint::TASK_POLLED, polled = polled)
            } else {
                endpoint::TASK_OFF.get(lang()).to_string()
            }}
        </p>
        <Show when=on>
            <TaskDialectSelect/>
        </Show>
    }
}
