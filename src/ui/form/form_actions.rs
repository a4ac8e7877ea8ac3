use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::references::RefState;
use crate::app::state::use_app_state;
use studio_core::api::request::{Quality, WireValue};
use studio_core::estimate::{cost_for, format_cost_in, format_range_in, latency};
use studio_core::i18n::text::form;
use studio_core::models::registry;
use studio_core::sizes;

/// Generate and Cancel, what to expect in time and money, and why the form could not be sent.
#[component]
pub fn FormActions() -> impl IntoView {
    let state = use_app_state();
    let fields = state.form;
    let pending = Memo::new(move |_| state.runs.pending_count());
    let expected = move || {
        let plan = sizes::plan(
            &fields.size.get(),
            &state.settings.model.get(),
            fields.size_exact.get(),
        );
        let Some(size) = plan.sent() else {
            return studio_core::tr!(lang(), form::FIX_SIZE_FOR_ESTIMATE).to_string();
        };
        if fields.n_error.get().is_some() {
            return studio_core::tr!(lang(), form::FIX_N_FOR_ESTIMATE).to_string();
        }
        let (quality, n) = (fields.quality.get(), fields.n.get());
        let info = state.models.info();
        let entry = info.entry().unwrap_or_else(registry::default_entry);
        let wait = format_range_in(latency(entry, quality, size), lang());
        let cost = format_cost_in(cost_for(&info, quality, size), n, lang());
        let images = if n > 1 {
            studio_core::tr!(lang(), form::FOR_N_IMAGES, n = n)
        } else {
            String::new()
        };
        studio_core::tr!(
            lang(),
            form::EXPECTED,
            wait = wait,
            cost = cost,
            images = images,
            quality = quality.as_str(),
            size = size
        )
    };
    let high_quality = move || {
        let quality = fields.quality.get();
        matches!(quality, Quality::High | Quality::Xhigh | Quality::Max).then(|| {
            let info = state.models.info();
            let entry = info.entry().unwrap_or_else(registry::default_entry);
            let square = sizes::SizeSpec::Exact { width: 1024, height: 1024 };
            let per = |q| cost_for(&info, q, square).high_usd;
            let times = per(quality) / per(Quality::Medium).max(1e-9);
            view! {
                <p class="warning" data-testid="quality-warning">
                    {studio_core::tr!(lang(), form::QUALITY_WARNING, quality = quality.as_str(),
                        wait = format_range_in(latency(entry, quality, square), lang()), times = format!("{times:.0}"))}
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
            0 => studio_core::tr!(lang(), form::WAITING_FOR_MASK).to_string(),
            1 => studio_core::tr!(lang(), form::WAITING_FOR_ONE_REFERENCE).to_string(),
            k => studio_core::tr!(lang(), form::WAITING_FOR_REFERENCES, k = k),
        }
    };
    view! {
        <div class="actions">
            <button type="submit" class="primary" data-testid="generate">
                {move || match pending.get() {
                    0 => studio_core::tr!(lang(), form::GENERATE).to_string(),
                    n => studio_core::tr!(lang(), form::GENERATE_RUNNING, n = n),
                }}
            </button>
            <Show when=move || { pending.get() > 0 }>
                <button type="button" data-testid="cancel" aria-describedby="cancel-hint"
                    on:click=move |_| state.runs.cancel_all()>
                    {t(form::CANCEL)}
                </button>
                <span id="cancel-hint" class="hint">{t(form::CANCEL_HINT)}</span>
            </Show>
        </div>
        <p class="hint" data-testid="expected-time">{expected}</p>
        {high_quality}
        <Show when=move || state.send_when_ready.get()>
            <p class="hint" role="status" data-testid="send-waiting">
                {waiting_for} " "
                <button type="button" class="link" data-testid="send-waiting-cancel"
                    on:click=move |_| state.send_when_ready.set(false)>{t(form::DO_NOT_SEND)}</button>
            </p>
        </Show>
        {move || state.form_error.get().map(|why| view! {
            <p class="form-error" role="alert" data-testid="error-message">{why}</p>
        })}
    }
}
