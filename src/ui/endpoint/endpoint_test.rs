use crate::app::lang::t;
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::checks;

use crate::app::state::use_app_state;
use crate::ui::endpoint::endpoint_findings::EndpointFindingsList;
use crate::ui::endpoint::paid_probe::PaidProbe;

/// "Test this endpoint": the free checks at a click (nothing billable), what the last test
/// found, and the optional paid test below them.
#[component]
pub fn EndpointTest() -> impl IntoView {
    let settings = use_app_state().settings;
    let busy = RwSignal::new(false);
    let (checking, set_checking) = signal(false);
    let run = move |_| {
        busy.set(true);
        set_checking.set(true);
        spawn_local(async move {
            crate::app::endpoint_test::free_checks(settings).await;
            set_checking.set(false);
            busy.set(false);
        });
    };
    view! {
        <section class="endpoint-test" aria-labelledby="endpoint-test-heading">
            <h3 id="endpoint-test-heading">{t(checks::TEST_ENDPOINT)}</h3>
            <p class="hint" id="endpoint-test-hint">{t(checks::TEST_HINT)}</p>
            <button type="button" data-testid="endpoint-test" aria-describedby="endpoint-test-hint"
                disabled=move || busy.get() on:click=run>
                {t(checks::TEST_ENDPOINT)}
            </button>
            <Show when=move || checking.get()>
                <p class="hint" data-testid="endpoint-test-running" role="status">{t(checks::TESTING)}</p>
            </Show>
            <EndpointFindingsList/>
            <PaidProbe busy=busy/>
        </section>
    }
}
