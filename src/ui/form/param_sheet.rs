use leptos::html::Button;
use leptos::prelude::*;

use crate::app::lang::t;
use crate::app::state::use_app_state;
use crate::ui::form::param_fields::ParamFields;
use crate::ui::icon::{Icon, IconName};
use studio_core::api::request::WireValue;
use studio_core::i18n::text::form;

/// The id of the sheet's region, for the bar's `aria-controls`.
const SHEET_ID: &str = "param-sheet";

/// The parameters. Beside the prompt on a wide screen; on a phone a bar at the bottom that
/// names the current choices and opens them as a bottom sheet (Done or Esc folds it and gives
/// the focus back to the bar), so the prompt and the result keep the screen.
#[component]
pub fn ParamSheet() -> impl IntoView {
    let state = use_app_state();
    let (fields, model) = (state.form, state.settings.model);
    let (open, set_open) = signal(false);
    let bar = NodeRef::<Button>::new();
    let summary = move || {
        format!(
            "{} · {} · {} · {} · n={}",
            model.get(),
            fields.size.get(),
            fields.quality.get().as_str(),
            fields.output_format.get().as_str(),
            fields.n.get()
        )
    };
    let close = move || {
        set_open.set(false);
        if let Some(bar) = bar.get_untracked() {
            let _ = bar.focus();
        }
    };
    let unfold = move |_| {
        let now = !open.get_untracked();
        set_open.set(now);
        if now {
            // Into the sheet, once it is shown.
            request_animation_frame(|| crate::web::focus::reveal_and_focus(SHEET_ID, "model"));
        }
    };
    view! {
        <button type="button" class="sheet-bar" data-testid="param-sheet-toggle" node_ref=bar
            aria-expanded=move || open.get().to_string() aria-controls=SHEET_ID on:click=unfold>
            <span class="sheet-bar-title">{t(form::PARAMETERS)}</span>
            <span class="sheet-bar-summary">{summary}</span>
            <Icon name=IconName::Chevron/>
        </button>
        <div id=SHEET_ID class="param-sheet" role="region" aria-label=t(form::PARAMETERS)
            data-open=move || open.get().to_string()
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close();
                }
            }>
            <div class="sheet-head">
                <h2>{t(form::PARAMETERS)}</h2>
                <button type="button" data-testid="param-sheet-close" on:click=move |_| close()>{t(form::DONE)}</button>
            </div>
            <ParamFields/>
        </div>
    }
}
