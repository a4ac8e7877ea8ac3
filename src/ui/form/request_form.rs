use leptos::prelude::*;

use crate::app::generate::generate_from_form;
use crate::app::lang::t;
use crate::app::state::use_app_state;
use crate::ui::form::form_actions::FormActions;
use crate::ui::form::prompt_field::PromptField;
use crate::ui::form::retired_confirm::RetiredConfirm;
use crate::ui::form::task_url_fields::TaskUrlFields;
use crate::ui::references::reference_panel::ReferencePanel;
use studio_core::i18n::text::form;

/// Prompt, Generate and the references (the parameters sit beside them, in `ui::app`). Only
/// Generate and Ctrl/Cmd+Enter (from anywhere in the form, the prompt included) send; Enter
/// alone in a field does not.
#[component]
pub fn RequestForm() -> impl IntoView {
    let state = use_app_state();
    view! {
        <form class="request" aria-label=t(form::IMAGE_REQUEST)
            on:submit=move |ev| {
                ev.prevent_default();
                generate_from_form(state);
            }
            on:keydown=move |ev| {
                if ev.key() != "Enter" {
                    return;
                }
                if ev.ctrl_key() || ev.meta_key() {
                    ev.prevent_default();
                    generate_from_form(state);
                } else if is_field(&ev) {
                    // Enter in a field (n, size, feather...) would submit the form and bill a
                    // request nobody asked for: only Generate and Ctrl/Cmd+Enter send.
                    ev.prevent_default();
                }
            }>
            <PromptField/>
            <FormActions/>
            <RetiredConfirm/>
            <ReferencePanel/>
            <TaskUrlFields/>
        </form>
    }
}

/// The key event comes from a one-line input, where Enter would submit the form.
fn is_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .is_some_and(|t| t.dyn_ref::<web_sys::HtmlInputElement>().is_some())
}
