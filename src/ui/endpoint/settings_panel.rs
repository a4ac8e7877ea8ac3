use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::endpoint::endpoint_options_fields::EndpointOptionsFields;
use crate::ui::endpoint::model_aliases_field::ModelAliasesField;
use crate::ui::endpoint::model_field::ModelField;
use crate::ui::endpoint::profile_bar::ProfileBar;
use crate::ui::endpoint::task_gateway_option::TaskGatewayOption;
use studio_core::api::request::DEFAULT_BASE_URL;

/// Endpoint, key and model.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let settings = use_app_state().settings;
    view! {
        <fieldset class="settings" id=crate::ui::endpoint::endpoint_chip::ENDPOINT_SETTINGS_ID>
            <legend>"Endpoint"</legend>
            <ProfileBar/>
            <div class="field">
                <label for="base-url">"Base URL"</label>
                <input id="base-url" data-testid="base-url" type="url" spellcheck="false"
                    autocomplete="off" placeholder=DEFAULT_BASE_URL bind:value=settings.base_url/>
            </div>
            <div class="field">
                <label for="api-key">"API key"</label>
                <input id="api-key" data-testid="api-key" type="password" spellcheck="false"
                    autocomplete="off" placeholder="sk-… (a local backend needs none)"
                    aria-describedby="api-key-hint" prop:value=move || settings.current_key()
                    on:input=move |ev| settings.set_current_key(&event_target_value(&ev))/>
                <p id="api-key-hint" class="hint">
                    "Sent only to this profile's base URL: another base URL never gets it."
                </p>
            </div>
            <ModelField/>
            <ModelAliasesField/>
            <EndpointOptionsFields/>
            <TaskGatewayOption/>
        </fieldset>
    }
}
