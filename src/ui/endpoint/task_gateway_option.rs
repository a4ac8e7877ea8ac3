use leptos::prelude::*;

use crate::app::state::use_app_state;
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
            <label for="task-gateway">"Task gateway (answers with a task to poll)"</label>
        </div>
        <p id="task-gateway-hint" class="hint">
            {move || if on() {
                let polled = endpoint_url(settings.base_url.get().trim(), "tasks/");
                format!("Generations are polled at {polled}<task id>; the size goes as ratio + resolution in ratio mode, references only as public links, and results are fetched into the history at once (their links expire in 24 hours).")
            } else {
                "Turn on for gateways whose image requests return a task id instead of images.".to_string()
            }}
        </p>
    }
}
