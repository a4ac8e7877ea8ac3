//! Where requests go: endpoint profiles and their keys, as signals backed by storage.

use leptos::prelude::*;

use crate::web::storage::{use_stored_string, StorageKind};
use studio_core::api::request::{DEFAULT_BASE_URL, DEFAULT_MODEL};
use studio_core::endpoint_check::{self, Finding};
use studio_core::endpoint_options::{EndpointOptions, StreamSupport};
use studio_core::gateway_presets::Gateway;
use studio_core::keys::KeyMap;
use studio_core::models::registry::{self, ModelAlias, ModelInfo};
use studio_core::profiles::{Profile, ProfileBook};

/// Where requests go: the active endpoint profile. `base_url` and `model` are the active
/// profile's fields as signals (forms bind to them; changes are written back to the profile).
///
/// Keys are kept apart from profiles: per profile and bound to the base URL they were entered
/// for, in session storage by default, or in local storage when the profile opts in. A key is
/// never sent to another base URL, and never goes into profiles, links, exports or history.
#[derive(Clone, Copy)]
pub struct Settings {
    pub base_url: RwSignal<String>,
    pub model: RwSignal<String>,
    /// The stored `ProfileBook` (JSON, local storage, shared by every tab).
    book_text: RwSignal<String>,
    /// The profile this tab uses (session storage): switching in one tab leaves the others on
    /// theirs. The book's own `active` is the last one chosen anywhere, for new tabs.
    tab_active: RwSignal<String>,
    /// `{profile id: {base, key}}` for this tab only.
    session_keys: RwSignal<String>,
    /// The same, for profiles that chose "remember on this device".
    device_keys: RwSignal<String>,
}

impl Settings {
    pub fn from_storage() -> Self {
        use crate::web::storage::read;
        let book_text = use_stored_string(StorageKind::Local, "gis.profiles", "");
        // First start of this version: the single endpoint an older version stored becomes
        // the first profile.
        let book = ProfileBook::decode(&book_text.get_untracked(), || {
            let base =
                read(StorageKind::Local, "gis.base_url").unwrap_or_else(|| DEFAULT_BASE_URL.into());
            let model =
                read(StorageKind::Local, "gis.model").unwrap_or_else(|| DEFAULT_MODEL.into());
            ProfileBook::starting(&base, &model)
        });
        book_text.set(book.encode());
        let tab_active = use_stored_string(StorageKind::Session, "gis.active_profile", "");
        if book.get(&tab_active.get_untracked()).is_none() {
            tab_active.set(book.active.clone());
        }
        let active = book
            .get(&tab_active.get_untracked())
            .unwrap_or(book.active())
            .clone();
        let settings = Settings {
            base_url: RwSignal::new(active.base_url),
            model: RwSignal::new(active.model),
            book_text,
            tab_active,
            session_keys: use_stored_string(StorageKind::Session, "gis.profile_keys", "{}"),
            device_keys: use_stored_string(StorageKind::Local, "gis.remembered_keys", "{}"),
        };
        // Edits of the two fields are edits of the active profile.
        Effect::new(move |_| {
            let (base, model) = (settings.base_url.get(), settings.model.get());
            settings.update_book(|b| {
                b.set_active_base_url(&base);
                b.active_mut().model = model;
            });
        });
        // And the other way: when another tab edits this tab's profile (or deletes it), the
        // fields follow.
        Effect::new(move |_| {
            let profile = settings.active();
            if untrack(|| settings.base_url.get()) != profile.base_url {
                settings.base_url.set(profile.base_url);
            }
            if untrack(|| settings.model.get()) != profile.model {
                settings.model.set(profile.model);
            }
        });
        settings
    }

    /// The profiles, with this tab's own as the active one (reactive).
    pub fn book(&self) -> ProfileBook {
        let mut book = ProfileBook::decode(&self.book_text.get(), ProfileBook::default);
        let mine = self.tab_active.get();
        if book.get(&mine).is_some() {
            book.active = mine;
        }
        book
    }

    fn update_book(&self, change: impl FnOnce(&mut ProfileBook)) {
        let mut book = untrack(|| self.book());
        let before = book.clone();
        change(&mut book);
        if book.active != before.active {
            self.tab_active.set(book.active.clone());
        }
        if book != before {
            self.book_text.set(book.encode());
        }
    }

    /// The active profile (reactive).
    pub fn active(&self) -> Profile {
        self.book().active().clone()
    }

    /// Makes profile `id` active: its endpoint, model and key apply from now on.
    pub fn switch_to(&self, id: &str) {
        self.update_book(|b| {
            if b.get(id).is_some() {
                b.active = id.to_string();
            }
        });
        let p = untrack(|| self.active());
        self.base_url.set(p.base_url);
        self.model.set(p.model);
    }

    /// Switches to the profile of `base_url`, adding one when none has it.
    pub fn switch_to_endpoint(&self, base_url: &str) {
        let mut id = None;
        self.update_book(|b| {
            id = Some(match b.find_by_base(base_url) {
                Some(p) => p.id.clone(),
                None => {
                    let model = b.active().model.clone();
                    b.add(base_url, &model)
                }
            });
        });
        if let Some(id) = id {
            self.switch_to(&id);
        }
    }

    /// A new profile from a gateway preset (its base URL, options and name; custom keeps the
    /// current endpoint), made active.
    pub fn add_profile_from(&self, gateway: Gateway) {
        let (base, model) = (self.base_url.get_untracked(), self.model.get_untracked());
        let mut id = String::new();
        self.update_book(|b| id = b.add_preset(gateway, &base, &model));
        self.switch_to(&id);
    }

    pub fn rename_active(&self, name: &str) -> Result<(), String> {
        let mut outcome = Ok(());
        self.update_book(|b| {
            let id = b.active.clone();
            outcome = b.rename(&id, name, crate::app::lang::lang());
        });
        outcome
    }

    /// Deletes the active profile and its key.
    pub fn delete_active(&self) -> Result<(), String> {
        let id = untrack(|| self.book().active);
        let mut outcome = Ok(());
        self.update_book(|b| outcome = b.delete(&id, crate::app::lang::lang()));
        outcome?;
        for store in [self.session_keys, self.device_keys] {
            Self::edit_keys(store, |m| {
                m.remove(&id);
            });
        }
        let next = untrack(|| self.book().active);
        self.switch_to(&next);
        Ok(())
    }

    fn keys_in(store: RwSignal<String>) -> KeyMap {
        KeyMap::decode(&store.get())
    }

    fn edit_keys(store: RwSignal<String>, change: impl FnOnce(&mut KeyMap)) {
        let mut map = untrack(|| Self::keys_in(store));
        change(&mut map);
        store.set(map.encode());
    }

    fn key_store(&self, profile: &Profile) -> RwSignal<String> {
        if profile.remember_key {
            self.device_keys
        } else {
            self.session_keys
        }
    }

    /// The active profile's key if it was entered for `base_url` (reactive), else empty.
    pub fn key_for(&self, base_url: &str) -> String {
        let profile = self.active();
        Self::keys_in(self.key_store(&profile))
            .key_for(&profile.id, base_url)
            .unwrap_or_default()
            .to_string()
    }

    /// The key for the current base URL (reactive).
    pub fn current_key(&self) -> String {
        self.key_for(&self.base_url.get())
    }

    /// Sets (or, when empty, forgets) the active profile's key, bound to the current base URL.
    pub fn set_current_key(&self, key: &str) {
        let profile = untrack(|| self.active());
        let base = self.base_url.get_untracked();
        Self::edit_keys(self.key_store(&profile), |m| m.set(&profile.id, &base, key));
    }

    /// Opts the active profile in or out of keeping its key on this device; the key moves
    /// to the chosen storage (and is erased from the other).
    pub fn set_remember_key(&self, remember: bool) {
        let id = untrack(|| self.book().active);
        let (from, to) = if remember {
            (self.session_keys, self.device_keys)
        } else {
            (self.device_keys, self.session_keys)
        };
        let mut moved = None;
        Self::edit_keys(from, |m| moved = m.remove(&id));
        if let Some(k) = moved {
            Self::edit_keys(to, |m| m.insert(&id, k));
        }
        self.update_book(|b| b.active_mut().remember_key = remember);
    }

    /// This profile's own model names mapped to known models (reactive).
    pub fn current_aliases(&self) -> Vec<ModelAlias> {
        self.active().model_aliases
    }

    /// What the app knows about the model chosen, with this profile's names (reactive).
    pub fn model_info(&self) -> ModelInfo {
        registry::resolve(&self.model.get(), &self.current_aliases())
    }

    /// What the app knows about `model` as profile `profile_id` names it (its own model names
    /// price a gateway's name as the model it stands for); the active profile's names when
    /// that profile is gone or not given. Untracked: for pricing what already happened.
    pub fn model_info_in(&self, profile_id: Option<&str>, model: &str) -> ModelInfo {
        let book = untrack(|| self.book());
        let profile = profile_id
            .and_then(|id| book.get(id))
            .unwrap_or_else(|| book.active());
        registry::resolve(model, &profile.model_aliases)
    }

    /// Replaces this profile's own model names.
    pub fn set_aliases(&self, aliases: Vec<ModelAlias>) {
        self.update_book(|b| b.active_mut().model_aliases = aliases);
    }

    /// The limits of the active profile (reactive).
    pub fn current_options(&self) -> EndpointOptions {
        self.active().options.clamped()
    }

    /// Records what profile `profile_id` (the one a run was sent with, active or not) did
    /// with a stream.
    pub fn record_streaming(&self, profile_id: &str, seen: StreamSupport) {
        self.update_book(|b| {
            if let Some(p) = b.profiles.iter_mut().find(|p| p.id == profile_id) {
                p.options.streaming = seen;
            }
        });
    }

    /// Stores what a test of profile `profile_id` (the one tested, active or not) found at
    /// `base_url`, with what that changes in its options.
    pub fn record_findings(&self, profile_id: &str, base_url: &str, found: Vec<Finding>) {
        self.update_book(|b| {
            if let Some(p) = b.profiles.iter_mut().find(|p| p.id == profile_id) {
                endpoint_check::apply(&found, &mut p.options);
                p.options = std::mem::take(&mut p.options).clamped();
                p.endpoint_test.record(base_url, found);
            }
        });
    }

    /// What the last test of the active profile found at its current base URL (reactive).
    pub fn current_findings(&self) -> Vec<Finding> {
        let base = self.base_url.get();
        self.active().endpoint_test.for_base(&base).to_vec()
    }

    /// Changes the limits of the active profile.
    pub fn update_options(&self, change: impl FnOnce(&mut EndpointOptions)) {
        self.update_book(|b| {
            let o = &mut b.active_mut().options;
            change(o);
            *o = std::mem::take(o).clamped();
        });
    }
}

/// Base URLs that differ only by a trailing slash or spaces are the same endpoint.
pub fn endpoint_id(base_url: &str) -> String {
    studio_core::profiles::same_endpoint(base_url)
}
