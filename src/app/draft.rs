//! The form's draft survives a reload: prompt, size, quality, format, n and the rest are kept
//! in local storage as a preset fragment (never a key, an endpoint or images). A preset link
//! opened afterwards wins over the draft.

use leptos::prelude::*;

use crate::app::form::FormState;
use crate::web::storage::{read, write, StorageKind};
use studio_core::preset::{decode, encode};

const DRAFT_KEY: &str = "gis.draft";

/// Puts the stored draft back into `form`, then keeps the draft up to date as the form changes.
pub fn keep_draft(form: FormState) {
    if let Some(fragment) = read(StorageKind::Local, DRAFT_KEY) {
        let mut preset = decode(&fragment).preset;
        // The model belongs to the profile, the endpoint to the settings: not to a draft.
        preset.model = None;
        preset.base_url = None;
        form.apply(&preset);
    }
    Effect::new(move |_| {
        let fragment = encode(&form.to_preset(String::new(), None));
        // A full or blocked storage loses only the draft, never what was typed on the page.
        let _ = write(StorageKind::Local, DRAFT_KEY, &fragment);
    });
}
