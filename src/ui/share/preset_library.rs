use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::share;

use crate::app::state::use_app_state;
use crate::web::download::save_bytes;
use crate::web::storage::{use_stored_string, StorageKind};
use studio_core::preset::{decode, encode};
use studio_core::preset_library::{self as library, SavedPreset};

/// Named presets on this device: save, apply, rename, delete, export and import as JSON.
#[component]
pub fn PresetLibrary() -> impl IntoView {
    let state = use_app_state();
    let stored = use_stored_string(StorageKind::Local, "gis.presets", "[]");
    let list = Memo::new(move |_| library::from_storage(&stored.get()));
    let (name, set_name) = signal(String::new());
    let (message, set_message) = signal(None::<String>);
    let change = move |f: &dyn Fn(&mut Vec<SavedPreset>) -> Result<(), String>| {
        let mut items = list.get_untracked();
        match f(&mut items) {
            Ok(()) => stored.set(library::to_storage(&items)),
            Err(why) => set_message.set(Some(why)),
        }
    };
    // A save that would replace a different preset of the same name waits for an answer.
    let (clashing, set_clashing) = signal(None::<(String, String)>);
    let save_current = move || {
        let link = encode(
            &state
                .form
                .to_preset(state.settings.model.get_untracked(), None),
        );
        set_message.set(None);
        let wanted = name.get_untracked();
        if let Some(taken) = library::clash(&list.get_untracked(), &wanted, &link) {
            set_clashing.set(Some((taken, link)));
            return;
        }
        set_clashing.set(None);
        change(&|items| library::save(items, &wanted, &link, lang()));
    };
    let resolve = move |keep_both: bool| {
        let Some((taken, link)) = clashing.get_untracked() else {
            return;
        };
        set_clashing.set(None);
        let name = if keep_both {
            library::free_name(&list.get_untracked(), &taken)
        } else {
            taken
        };
        change(&|items| library::save(items, &name, &link, lang()));
        set_message.set(Some(studio_core::tr!(lang(), share::SAVED_AS, name = name)));
    };
    let apply = move |link: String, title: String| {
        let decoded = decode(&link);
        if let Some(m) = &decoded.preset.model {
            state.settings.model.set(m.clone());
        }
        state.form.apply(&decoded.preset);
        set_message.set(Some(studio_core::tr!(
            lang(),
            share::APPLIED,
            title = title
        )));
    };
    let export = move |_| {
        let json = library::to_json(&list.get_untracked());
        let outcome = save_bytes(
            json.as_bytes(),
            "application/json",
            "gpt-image-studio-presets.json",
            lang(),
        );
        set_message.set(
            outcome
                .err()
                .map(|e| studio_core::tr!(lang(), share::EXPORT_FAILED, e = e)),
        );
    };
    let import = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let Some(text) = text else {
                set_message.set(Some(share::FILE_UNREADABLE.get(lang()).into()));
                return;
            };
            let mut items = list.get_untracked();
            match library::import(&mut items, &text, lang()) {
                Ok(said) => {
                    stored.set(library::to_storage(&items));
                    set_message.set(Some(said));
                }
                Err(why) => set_message.set(Some(why)),
            }
        });
    };
    view! {
        <fieldset class="library">
            <legend>{t(share::SAVED_PRESETS)}</legend>
            <div class="actions">
                <label for="preset-name" class="visually-hidden">{t(share::PRESET_NAME)}</label>
                <input id="preset-name" data-testid="preset-name" placeholder=t(share::NAME_PLACEHOLDER)
                    prop:value=move || name.get() on:input=move |ev| set_name.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); save_current(); }/>
                <button type="button" data-testid="preset-save" on:click=move |_| save_current()>{t(share::SAVE)}</button>
            </div>
            {move || clashing.get().map(|(taken, _)| view! {
                <div class="notice confirm" role="alertdialog" aria-labelledby="preset-clash-text" data-testid="preset-clash">
                    <p id="preset-clash-text">{studio_core::tr!(lang(), share::CLASH, taken = taken)}</p>
                    <button type="button" data-testid="preset-replace" on:click=move |_| resolve(false)>{t(share::REPLACE)}</button>
                    <button type="button" data-testid="preset-keep-both" on:click=move |_| resolve(true)>{t(share::KEEP_BOTH)}</button>
                    <button type="button" class="link" on:click=move |_| set_clashing.set(None)>{t(share::CANCEL)}</button>
                </div>
            })}
            <ul class="presets">
                <For each=move || list.get() key=|p| (p.name.clone(), p.link.clone()) let:item>
                    {
                        let (title, link) = (item.name.clone(), item.link.clone());
                        let (old, gone) = (item.name.clone(), item.name.clone());
                        view! {
                            <li data-testid="preset-item">
                                <input aria-label=t(share::PRESET_NAME) data-testid="preset-item-name" prop:value=item.name.clone()
                                    on:change=move |ev| {
                                        let new = event_target_value(&ev);
                                        change(&|items| library::rename(items, &old, &new, lang()));
                                    }/>
                                <button type="button" data-testid="preset-apply" on:click=move |_| apply(link.clone(), title.clone())>{t(share::APPLY)}</button>
                                <button type="button" data-testid="preset-delete" on:click=move |_| change(&|items| { library::delete(items, &gone); Ok(()) })>{t(share::DELETE)}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="actions">
                <button type="button" data-testid="preset-export" on:click=export>{t(share::EXPORT_JSON)}</button>
                <input id="preset-import" data-testid="preset-import" type="file" accept="application/json,.json" class="visually-hidden" on:change=import/>
                <label class="button" for="preset-import">{t(share::IMPORT_JSON)}</label>
            </div>
            {move || message.get().map(|m| view! { <p class="hint" role="status" data-testid="preset-message">{m}</p> })}
        </fieldset>
    }
}
