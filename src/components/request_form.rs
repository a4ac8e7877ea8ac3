use leptos::prelude::*;

use crate::components::task_url_fields::TaskUrlFields;
use crate::components::{
    form_actions::FormActions, param_fields::ParamFields, prompt_field::PromptField,
    reference_panel::ReferencePanel,
};
use crate::generate::generate_from_form;
use crate::state::use_app_state;

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
