//! Opening a preset link: fill the form and say so. A link's base URL is never given the
//! stored key: with a key stored, the new endpoint waits for the user's confirmation.

use leptos::prelude::*;

use crate::app::settings::endpoint_id;
use crate::app::state::AppState;
use crate::web::location_hash;
use studio_core::preset::decode_in;

pub fn apply_link(state: &AppState) {
    let fragment = location_hash();
    if fragment.trim_start_matches('#').is_empty() {
        return;
    }
    let decoded = decode_in(&fragment, crate::app::lang::lang());
    let preset = decoded.preset;
    let mut said = Vec::new();
    if let Some(base) = preset.base_url.clone() {
        let current = state.settings.base_url.get_untracked();
        if endpoint_id(&base) != endpoint_id(&current) {
            if untrack(|| state.settings.current_key()).is_empty() {
                state.settings.switch_to_endpoint(&base);
                said.push(studio_core::tr!(
                    crate::app::lang::lang(),
                    studio_core::i18n::text::common::LINK_SELECTED_ENDPOINT,
                    base = base
                ));
            } else {
                state.pending_endpoint.set(Some(base));
            }
        }
    }
    if let Some(model) = &preset.model {
        state.settings.model.set(model.clone());
    }
    state.form.apply(&preset);
    let filled = preset.prompt.is_some()
        || preset.size.is_some()
        || preset.ratio.is_some()
        || preset.quality.is_some();
    if filled {
        said.insert(
            0,
            studio_core::i18n::text::common::FORM_FILLED_FROM_LINK
                .get(crate::app::lang::lang())
                .into(),
        );
    }
    said.extend(decoded.notices);
    if !said.is_empty() {
        state.notice.set(Some(said.join(" ")));
    }
}
