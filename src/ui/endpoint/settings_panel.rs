use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::{use_app_state, ENDPOINT_SETTINGS_ID};
use crate::ui::endpoint::endpoint_options_fields::EndpointOptionsFields;
use crate::ui::endpoint::endpoint_test::EndpointTest;
use crate::ui::endpoint::model_aliases_field::ModelAliasesField;
use crate::ui::endpoint::profile_bar::ProfileBar;
use crate::ui::endpoint::task_gateway_option::TaskGatewayOption;
use crate::ui::icon::{Icon, IconName};
use studio_core::api::request::DEFAULT_BASE_URL;
use studio_core::profiles::default_name;

/// The endpoint settings as a drawer: profiles, base URL, key, the gateway's model names and
/// limits. Open while the endpoint has not answered on this device (a first run needs it),
/// folded to one line after that; the header's chip and its own button open it again.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let state = use_app_state();
    let (settings, open) = (state.settings, state.endpoint_open);
    let summary = move || {
        let base = settings.base_url.get();
        let key = if settings.current_key().is_empty() {
            endpoint::NO_KEY.get(lang())
        } else {
            endpoint::KEY_SET.get(lang())
        };
        format!(
            "{} · {} · {key}",
            settings.active().name,
            default_name(&base)
        )
    };
    let toggle = move |_| {
        if open.get_untracked() {
            // Focus stays where the person was: on the button, now reading "Change".
            open.set(false);
        } else {
            state.open_endpoint_settings("base-url");
        }
    };
    view! {
        <section class="settings drawer" id=ENDPOINT_SETTINGS_ID aria-labelledby="endpoint-heading"
            data-open=move || open.get().to_string()>
            <div class="drawer-head">
                <h2 id="endpoint-heading">{t(endpoint::ENDPOINT)}</h2>
                <button type="button" class="drawer-toggle" data-testid="endpoint-toggle"
                    aria-expanded=move || open.get().to_string() aria-controls="endpoint-fields"
                    on:click=toggle>
                    {move || if open.get() { endpoint::DONE.get(lang()) } else { endpoint::CHANGE.get(lang()) }}
                    <Icon name=IconName::Chevron/>
                </button>
            </div>
            <Show when=move || !open.get()>
                <p class="hint drawer-summary" data-testid="endpoint-summary">{summary}</p>
            </Show>
            // Hidden, not removed: the fields keep their values and ids while folded.
            <div id="endpoint-fields" class="drawer-body" hidden=move || !open.get()>
                <ProfileBar/>
                <div class="field">
                    <label for="base-url">{t(endpoint::BASE_URL)}</label>
                    <input id="base-url" data-testid="base-url" type="url" spellcheck="false"
                        autocomplete="off" placeholder=DEFAULT_BASE_URL bind:value=settings.base_url/>
                </div>
                <div class="field">
                    <label for="api-key">{t(endpoint::API_KEY)}</label>
                    <input id="api-key" data-testid="api-key" type="password" spellcheck="false"
                        autocomplete="off" placeholder=t(endpoint::API_KEY_PLACEHOLDER)
                        aria-describedby="api-key-hint" prop:value=move || settings.current_key()
                        on:input=move |ev| settings.set_current_key(&event_target_value(&ev))/>
                    <p id="api-key-hint" class="hint">
                        {t(endpoint::API_KEY_HINT)}
                    </p>
                </div>
                <ModelAliasesField/>
                <EndpointOptionsFields/>
                <TaskGatewayOption/>
                <EndpointTest/>
            </div>
        </section>
    }
}
