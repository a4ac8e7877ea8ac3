use leptos::prelude::*;

use crate::app::generate::generate_from_form;
use crate::app::state::use_app_state;
use crate::ui::form::form_actions::FormActions;
use crate::ui::form::param_fields::ParamFields;
use crate::ui::form::prompt_field::PromptField;
use crate::ui::form::task_url_fields::TaskUrlFields;
use crate::ui::references::reference_panel::ReferencePanel;

/// Prompt, parameters and the send controls. Enter in a field submits the form; Ctrl/Cmd+Enter
/// submits from anywhere in it, including the prompt.
#[component]
pub fn RequestForm() -> impl IntoView {
    let state = use_app_state();
    view! {
        <form class="request" aria-label="Image request"
            on:submit=move |ev| {
                ev.prevent_default();
                generate_from_form(state);
            }
            on:keydown=move |ev| {
                if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                    ev.prevent_default();
                    generate_from_form(state);
                }
            }>
            <PromptField/>
            <ReferencePanel/>
            <TaskUrlFields/>
            <ParamFields/>
            <FormActions/>
        </form>
    }
}
