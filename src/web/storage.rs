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
/// cannot be remembered must not break the page, so failures are only reported.
pub fn write(kind: StorageKind, key: &str, value: &str) -> Result<(), String> {
    let store = storage(kind).ok_or("storage is not available")?;
    let result = if value.is_empty() {
        store.remove_item(key)
    } else {
        store.set_item(key, value)
    };
    result.map_err(|e| format!("could not save {key}: {e:?}"))
}

/// A signal initialised from storage (else `default`) and written back on every change.
pub fn use_stored_string(kind: StorageKind, key: &'static str, default: &str) -> RwSignal<String> {
    let signal = RwSignal::new(read(kind, key).unwrap_or_else(|| default.to_string()));
    Effect::new(move |_| {
        let value = signal.get();
        if let Err(e) = write(kind, key, &value) {
            leptos::logging::warn!("{e}");
        }
    });
    signal
}
