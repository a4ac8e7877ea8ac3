use leptos::prelude::*;

use crate::app::generate::retry;
use crate::app::lang::lang;
use crate::app::runs::{Run, SlotStatus};
use crate::app::state::use_app_state;
use studio_core::api::request::ImageParams;
use studio_core::api::response::shortfall_note;
use studio_core::i18n::text::runs;

/// Says when the answered requests of a run brought fewer images than they asked for, and
/// offers to ask for the missing ones (a new, billed request the person chooses to send).
#[component]
pub fn MissingImages(run: Run) -> impl IntoView {
    let state = use_app_state();
    let slots = run.slots.clone();
    // (asked, arrived) over the requests that were answered; failed ones have their own Retry.
    let counts = Memo::new(move |_| {
        slots.iter().fold((0u32, 0u32), |(asked, arrived), slot| {
            slot.status.with(|s| match s {
                SlotStatus::Done(g) => (
                    asked + u32::from(slot.n),
                    arrived + g.answer.images.len() as u32,
                ),
                _ => (asked, arrived),
            })
        })
    });
    let pending = {
        let run = run.clone();
        move || run.is_pending()
    };
    move || {
        let (asked, arrived) = counts.get();
        let note = shortfall_note(asked, arrived, lang()).filter(|_| !pending())?;
        let missing = (asked - arrived).min(u32::from(u8::MAX)) as u8;
        let params = ImageParams {
            n: missing,
            ..run.params.clone()
        };
        let uploads = run.uploads.as_deref().cloned();
        let this_run = run.clone();
        Some(view! {
            <div class="warning" data-testid="delivery-warning" role="status">
                <p>{note}</p>
                <button type="button" data-testid="request-missing"
                    on:click=move |_| retry(state, &this_run, params.clone(), uploads.clone())>
                    {move || if missing == 1 {
                        studio_core::tr!(lang(), runs::REQUEST_ONE_MISSING).to_string()
                    } else {
                        studio_core::tr!(lang(), runs::REQUEST_N_MISSING, n = missing)
                    }}
                </button>
            </div>
        })
    }
}
