use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use studio_core::i18n::text::form;
use studio_core::sizes::{plan_in, SizePlan};

/// What will be sent; or each broken rule, valid sizes to pick instead, and the offer to
/// deliver the typed size exactly by cropping/resizing a covering size.
#[component]
pub fn SizeFeedback() -> impl IntoView {
    let state = use_app_state();
    let form = state.form;
    let model = state.settings.model;
    let current = Memo::new(move |_| {
        plan_in(
            &form.size.get(),
            &model.get(),
            form.size_exact.get(),
            lang(),
        )
    });
    let pick = move |(w, h): (u32, u32)| {
        form.size_ratio.set(None);
        form.size_exact.set(false);
        form.size.set(format!("{w}x{h}"));
    };
    let sent = move || {
        current.with(|p| {
            p.sent()
                .map(|s| s.to_string())
                .unwrap_or_else(|| studio_core::tr!(lang(), form::NOTHING_YET).into())
        })
    };
    let details = move || match current.get() {
        SizePlan::Send { warnings, .. } => EitherOf3::A(
            warnings
                .into_iter()
                .map(|w| view! { <p class="warning" data-testid="size-warning">{w}</p> })
                .collect_view(),
        ),
        SizePlan::Exact { target, request } => EitherOf3::B(view! {
            <p class="hint" data-testid="size-exact-note">
                {move || studio_core::tr!(lang(), form::EXACT_NOTE,
                    w = target.0, h = target.1, rw = request.0, rh = request.1)}
                " "
                <button type="button" class="link" on:click=move |_| form.size_exact.set(false)>{t(form::USE_VALID_SIZE)}</button>
            </p>
        }),
        SizePlan::Invalid {
            problems,
            suggestions,
            target,
        } => EitherOf3::C(view! {
            <div class="size-error" role="alert">
                <ul data-testid="size-error">
                    {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <div class="suggestions">
                    {(!suggestions.is_empty()).then_some(t(form::VALID_INSTEAD))}
                    {suggestions.into_iter().map(|s| view! {
                        <button type="button" data-testid="size-suggestion" on:click=move |_| pick(s)>
                            {format!("{}x{}", s.0, s.1)}
                        </button>
                    }).collect_view()}
                    {target.map(|(w, h)| view! {
                        <button type="button" data-testid="size-exact" on:click=move |_| form.size_exact.set(true)>
                            {move || studio_core::tr!(lang(), form::DELIVER_EXACTLY, w = w, h = h)}
                        </button>
                    })}
                </div>
            </div>
        }),
    };
    view! {
        <div id="size-feedback" aria-live="polite">
            <p class="hint">{t(form::SENT_AS)} <code data-testid="size-resolved">{sent}</code></p>
            {details}
        </div>
    }
}
