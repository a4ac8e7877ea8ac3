//! A string signal mirrored into Web Storage.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageKind {
    /// Survives restarts: settings that are not secret.
    Local,
    /// Gone when the tab closes: the API key by default.
    Session,
}

fn storage(kind: StorageKind) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match kind {
        StorageKind::Local => window.local_storage().ok().flatten(),
        StorageKind::Session => window.session_storage().ok().flatten(),
    }
}

pub fn read(kind: StorageKind, key: &str) -> Option<String> {
    storage(kind)?.get_item(key).ok().flatten()
}

/// Writes or (for an empty value) removes; storage can be missing or full, and a setting that
/// cannot be remembered must not break the page, so failures are only reported (to the
/// console: every caller logs or drops them, none shows them).
pub fn write(kind: StorageKind, key: &str, value: &str) -> Result<(), String> {
    // i18n: not shown (only logged to the console)
    let store = storage(kind).ok_or("storage is not available")?;
    let result = if value.is_empty() {
        store.remove_item(key)
    } else {
        store.set_item(key, value)
    };
    // i18n: not shown (only logged to the console)
    result.map_err(|e| format!("could not save {key}: {e:?}"))
}

/// A signal initialised from storage (else `default`) and written back on every change. In
/// local storage it also follows other tabs: their writes arrive as storage events and are taken
/// as they are, without being written back (two tabs never echo a value between them).
pub fn use_stored_string(kind: StorageKind, key: &'static str, default: &str) -> RwSignal<String> {
    let stored_now = read(kind, key);
    let signal = RwSignal::new(stored_now.clone().unwrap_or_else(|| default.to_string()));
    // What storage holds as far as this tab knows ("" when nothing).
    let known = StoredValue::new(stored_now.unwrap_or_default());
    Effect::new(move |_| {
        let value = signal.get();
        if known.with_value(|k| *k == value) {
            return;
        }
        match write(kind, key, &value) {
            Ok(()) => known.set_value(value),
            Err(e) => leptos::logging::warn!("{e}"),
        }
    });
    if kind == StorageKind::Local {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            // No key: another tab cleared the storage.
            if ev.key().is_some_and(|k| k != key) {
                return;
            }
            let value = read(kind, key).unwrap_or_default();
            known.set_value(value.clone());
            if signal.get_untracked() != value {
                signal.set(value);
            }
        });
        on_cleanup(move || handle.remove());
    }
    signal
}
