use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::checks;

use crate::app::state::use_app_state;
use studio_core::api::mime;
use studio_core::endpoint_check::ProbeAsk;
use studio_core::endpoint_options::StreamSupport;

/// The optional paid test: one low-quality image of the profile's model, its price shown
/// first, and sent only by a second, explicit click on the confirm button. Asking for two
/// images (n) or a stream is the user's choice; both are said in the price and the hint.
#[component]
pub fn PaidProbe(
    /// A test is running (free or paid): nothing else starts meanwhile.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app_state();
    let (settings, gallery) = (state.settings, state.gallery);
    let (two, set_two) = signal(false);
    // A stream that is known to fail would only bill for nothing.
    let (stream, set_stream) =
        signal(untrack(|| settings.current_options()).streaming != StreamSupport::Refused);
    let (confirming, set_confirming) = signal(false);
    let (sending, set_sending) = signal(false);
    let ask = move || ProbeAsk {
        model: settings.model.get(),
        n: if two.get() { 2 } else { 1 },
        stream: stream.get() && settings.model_info().entry().is_none_or(|e| e.streaming),
    };
    let price = move || ask().price(&settings.model_info(), lang());
    let task_gateway = move || settings.current_options().task_gateway;
    let send = move |_| {
        set_confirming.set(false);
        busy.set(true);
        set_sending.set(true);
        let ask = ask();
        spawn_local(async move {
            crate::app::endpoint_test::paid_probe(settings, gallery, ask).await;
            set_sending.set(false);
            busy.set(false);
        });
    };
    view! {
        <div class="paid-probe">
            <Show when=move || !task_gateway() fallback=|| view! { <p class="hint">{t(checks::PAID_TASK_GATEWAY)}</p> }>
                <p class="hint" data-testid="endpoint-probe-what">
                    {move || studio_core::tr!(
                        lang(),
                        checks::PAID_WHAT,
                        size = format!("{}x{}", ProbeAsk::SIZE.0, ProbeAsk::SIZE.1),
                        model = settings.model.get(),
                        format = mime::label(ProbeAsk::FORMAT.mime()),
                        price = price()
                    )}
                </p>
                <div class="field check">
                    <input id="probe-n" data-testid="endpoint-probe-n" type="checkbox" prop:checked=two
                        on:change=move |ev| { set_two.set(event_target_checked(&ev)); set_confirming.set(false); }/>
                    <label for="probe-n">{t(checks::PAID_N)}</label>
                </div>
                <div class="field check">
                    <input id="probe-stream" data-testid="endpoint-probe-stream" type="checkbox" prop:checked=stream
                        on:change=move |ev| { set_stream.set(event_target_checked(&ev)); set_confirming.set(false); }/>
                    <label for="probe-stream">{t(checks::PAID_STREAM)}</label>
                </div>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" data-testid="endpoint-probe" disabled=move || busy.get()
                        on:click=move |_| set_confirming.set(true)>
                        {t(checks::PAID_OFFER)}
                    </button>
                }>
                    <p class="warning" data-testid="endpoint-probe-price" role="alert">
                        {move || studio_core::tr!(
                            lang(),
                            checks::PAID_CONFIRM_TEXT,
                            base = settings.base_url.get().trim().to_string(),
                            price = price()
                        )}
                    </p>
                    <div class="row">
                        <button type="button" data-testid="endpoint-probe-confirm" disabled=move || busy.get() on:click=send>
                            {move || studio_core::tr!(lang(), checks::PAID_CONFIRM, price = price())}
                        </button>
                        <button type="button" data-testid="endpoint-probe-cancel" on:click=move |_| set_confirming.set(false)>
                            {t(checks::PAID_CANCEL)}
                        </button>
                    </div>
                </Show>
            </Show>
            <Show when=move || sending.get()>
                <p class="hint" data-testid="endpoint-probe-sending" role="status">{t(checks::PAID_SENDING)}</p>
            </Show>
        </div>
    }
}
