use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::share;

use crate::app::state::use_app_state;
use studio_core::preset::encode;

/// The current form as a link (the preset in the fragment, never the key); the endpoint only
/// when asked for.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = use_app_state();
    let (with_endpoint, set_with_endpoint) = signal(false);
    let (copied, set_copied) = signal(false);
    let page = web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default();
    let url = Memo::new(move |_| {
        let base = with_endpoint
            .get()
            .then(|| state.settings.base_url.get().trim().to_string());
        let preset = state.form.to_preset(state.settings.model.get(), base);
        format!("{page}#{}", encode(&preset))
    });
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&url.get_untracked());
            set_copied.set(true);
        }
    };
    let select_all = |ev: web_sys::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        input.select();
    };
    view! {
        <fieldset class="share">
            <legend>{t(share::SHARE)}</legend>
            <div class="field">
                <label for="share-url">{t(share::LINK_LABEL)}</label>
                <input id="share-url" data-testid="share-url" type="text" readonly=true prop:value=move || url.get()
                    on:focus=select_all/>
            </div>
            <div class="actions">
                <button type="button" data-testid="share-copy" on:click=copy>
                    {move || if copied.get() { share::COPIED.get(lang()) } else { share::COPY_LINK.get(lang()) }}
                </button>
                <label class="inline">
                    <input type="checkbox" data-testid="share-with-endpoint" prop:checked=move || with_endpoint.get()
                        on:change=move |ev| { set_with_endpoint.set(event_target_checked(&ev)); set_copied.set(false); }/>
                    {t(share::INCLUDE_BASE_URL)}
                </label>
            </div>
        </fieldset>
    }
}
