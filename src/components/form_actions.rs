use leptos::prelude::*;

use crate::api::request::WireValue;
use crate::estimate::{format_range, latency};
use crate::sizes::{self, SizeSpec};
use crate::state::use_app_state;

/// Generate and Cancel, what to expect, and why the form could not be sent.
#[component]
pub fn FormActions() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    let pending = Memo::new(move |_| state.runs.pending_count());
    let expected = move || {
        let size = sizes::parse(&form.size.get()).unwrap_or(SizeSpec::Auto);
        let quality = form.quality.get();
        let per_image = format_range(latency(quality, size));
        format!(
            "Expected wait: {per_image} ({} quality, {size}).",
            quality.as_str()
        )
    };
    view! {
        <div class="actions">
            <button type="submit" class="primary" data-testid="generate">
                {move || match pending.get() {
                    0 => "Generate".to_string(),
                    n => format!("Generate ({n} running)"),
                }}
            </button>
            <Show when=move || { pending.get() > 0 }>
                <button type="button" data-testid="cancel" on:click=move |_| state.runs.cancel_all()>
                    "Cancel"
                </button>
            </Show>
        </div>
        <p class="hint" data-testid="expected-time">{expected}</p>
        {move || state.form_error.get().map(|why| view! {
            <p class="form-error" role="alert" data-testid="error-message">{why}</p>
        })}
    }
}
