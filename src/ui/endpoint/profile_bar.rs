use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::endpoint;

use crate::app::state::use_app_state;
use crate::ui::endpoint::profile_preset::ProfilePreset;

/// Endpoint profiles: pick one in one click, add (from a gateway preset), rename, delete; and
/// whether this profile's key is remembered on this device.
#[component]
pub fn ProfileBar() -> impl IntoView {
    let state = use_app_state();
    let settings = state.settings;
    let (problem, set_problem) = signal(None::<String>);
    let outcome = move |r: Result<(), String>| set_problem.set(r.err());
    let remember = move || settings.active().remember_key;
    view! {
        <div class="profiles">
            <div class="field">
                <label for="profile">{t(endpoint::PROFILE)}</label>
                <select id="profile" data-testid="profile"
                    on:change=move |ev| { settings.switch_to(&event_target_value(&ev)); set_problem.set(None); }>
                    {move || {
                        let book = settings.book();
                        book.profiles.into_iter().map(|p| {
                            let selected = p.id == book.active;
                            view! { <option value=p.id.clone() selected=selected>{p.name.clone()}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="profile-name">{t(endpoint::PROFILE_NAME)}</label>
                <input id="profile-name" data-testid="profile-name" type="text" maxlength="40"
                    prop:value=move || settings.active().name
                    on:change=move |ev| outcome(settings.rename_active(&event_target_value(&ev)))/>
            </div>
            <div class="row">
                <ProfilePreset on_added=move || set_problem.set(None)/>
                <button type="button" data-testid="profile-delete" on:click=move |_| outcome(settings.delete_active())>
                    {t(endpoint::DELETE_PROFILE)}
                </button>
            </div>
            <div class="field check">
                <input id="remember-key" data-testid="remember-key" type="checkbox"
                    prop:checked=remember aria-describedby="remember-key-hint"
                    on:change=move |ev| settings.set_remember_key(event_target_checked(&ev))/>
                <label for="remember-key">{t(endpoint::REMEMBER_KEY)}</label>
            </div>
            <p id="remember-key-hint" class=move || if remember() { "warning" } else { "hint" }>
                {move || if remember() {
                    endpoint::REMEMBER_WARNING.get(lang())
                } else {
                    endpoint::SESSION_KEY.get(lang())
                }}
            </p>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
        </div>
    }
}
