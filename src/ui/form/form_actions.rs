use leptos::prelude::*;

use crate::app::references::RefState;
use crate::app::state::use_app_state;
use studio_core::api::request::{Quality, WireValue};
use studio_core::estimate::{cost_for, format_cost, format_range, latency};
use studio_core::models::registry;
use studio_core::sizes;

/// Generate and Cancel, what to expect in time and money, and why the form could not be sent.
#[component]
pub fn FormActions() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    let pending = Memo::new(move |_| state.runs.pending_count());
    let expected = move || {
        let plan = sizes::plan(
            &form.size.get(),
            &state.settings.model.get(),
            form.size_exact.get(),
        );
        let Some(size) = plan.sent() else {
            return "Fix the size to see the expected wait and cost.".to_string();
        };
        if form.n_error.get().is_some() {
            return "Fix the number of images to see the expected wait and cost.".to_string();
        }
        let (quality, n) = (form.quality.get(), form.n.get());
        let info = state.models.info();
        let entry = info.entry().unwrap_or_else(registry::default_entry);
        let wait = format_range(latency(entry, quality, size));
        let cost = format_cost(cost_for(&info, quality, size), n);
        let images = if n > 1 {
            format!(" for {n} images")
        } else {
            String::new()
        };
        format!("Expected wait: {wait} · cost {cost}{images} ({} quality, {size}; ~ marks an estimate).", quality.as_str())
    };
    let high_quality = move || {
        let quality = form.quality.get();
        matches!(quality, Quality::High | Quality::Xhigh | Quality::Max).then(|| {
            let info = state.models.info();
            let entry = info.entry().unwrap_or_else(registry::default_entry);
            let square = sizes::SizeSpec::Exact { width: 1024, height: 1024 };
            let per = |q| cost_for(&info, q, square).high_usd;
            let times = per(quality) / per(Quality::Medium).max(1e-9);
            view! {
                <p class="warning" data-testid="quality-warning">
                    {format!("{} quality takes minutes per image (typically {} at 1024x1024) and costs about {times:.0}x medium.",
                        quality.as_str(), format_range(latency(entry, quality, square)))}
                </p>
            }
        })
    };
    let waiting_for = move || {
        let refs = state.references.items.with(|items| {
            items
                .iter()
                .filter(|i| i.state == RefState::Working)
                .count()
        });
        match refs {
            0 => "Waiting for the mask to be prepared: the request goes as soon as it is ready."
                .to_string(),
            1 => "Waiting for 1 reference to be prepared: the request goes as soon as it is ready."
                .to_string(),
            k => format!(
                "Waiting for {k} references to be prepared: the request goes as soon as they are ready."
            ),
        }
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
                <button type="button" data-testid="cancel" aria-describedby="cancel-hint"
                    on:click=move |_| state.runs.cancel_all()>
                    "Cancel"
                </button>
                <span id="cancel-hint" class="hint">"Stops waiting; the server may still finish and bill."</span>
            </Show>
        </div>
        <p class="hint" data-testid="expected-time">{expected}</p>
        {high_quality}
        <Show when=move || state.send_when_ready.get()>
            <p class="hint" role="status" data-testid="send-waiting">
                {waiting_for} " "
                <button type="button" class="link" data-testid="send-waiting-cancel"
                    on:click=move |_| state.send_when_ready.set(false)>"Do not send"</button>
            </p>
        </Show>
        {move || state.form_error.get().map(|why| view! {
            <p class="form-error" role="alert" data-testid="error-message">{why}</p>
        })}
    }
}
