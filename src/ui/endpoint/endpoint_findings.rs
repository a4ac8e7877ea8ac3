use crate::app::lang::lang;
use leptos::prelude::*;
use studio_core::i18n::text::checks;

use crate::app::state::use_app_state;

/// What the last test of this profile found at its base URL: one item per check, with
/// `data-check` and `data-ok` (`true`, `false`, `unknown`) for tests and scripts.
#[component]
pub fn EndpointFindingsList() -> impl IntoView {
    let settings = use_app_state().settings;
    let findings = Memo::new(move |_| settings.current_findings());
    view! {
        <Show when=move || !findings.with(Vec::is_empty)>
            <p class="hint">
                {move || studio_core::tr!(lang(), checks::FINDINGS_FOR, base = settings.base_url.get().trim().to_string())}
            </p>
            <ul class="endpoint-findings" aria-live="polite">
                {move || findings.get().into_iter().map(|f| {
                    let (check, verdict) = (f.check, f.verdict);
                    let class = match verdict.ok() {
                        Some(true) => "hint",
                        Some(false) => "warning",
                        None => "note",
                    };
                    let ok = verdict.ok_key();
                    let word = match verdict.ok() {
                        Some(true) => checks::PASSED,
                        Some(false) => checks::FAILED,
                        None => checks::UNCLEAR,
                    };
                    view! {
                        <li data-testid="endpoint-test-result" data-check=check.key() data-ok=ok class=class>
                            <strong>{move || check.label(lang())}</strong>
                            {move || studio_core::tr!(
                                lang(),
                                checks::VERDICT_LINE,
                                word = word.get(lang()),
                                message = verdict.message(lang())
                            )}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
