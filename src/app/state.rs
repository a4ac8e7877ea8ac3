//! Everything components share, provided once as context by the root component.

use leptos::prelude::*;

use super::composites::Composites;
use super::form::FormState;
use super::gallery::Gallery;
use super::painter::Painter;
use super::references::References;
use super::runs::Runs;
use super::settings::Settings;
use crate::web::fit_image::ImageFitter;
use studio_core::history::journal::JournalEntry;

/// Everything components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: Settings,
    pub form: FormState,
    pub runs: Runs,
    pub references: References,
    /// A problem that stopped a request before it was sent.
    pub form_error: RwSignal<Option<String>>,
    /// Generate was pressed while references were being prepared: the request goes when they
    /// are ready (`generate::send_when_ready`).
    pub send_when_ready: RwSignal<bool>,
    /// The last form sent and when: a double click sends once.
    pub repeat_guard: StoredValue<studio_core::repeat_guard::RepeatGuard>,
    /// A one-line notice, e.g. what a link applied.
    pub notice: RwSignal<Option<String>>,
    /// A base URL a link brought while a key is stored: shown for confirmation, not used yet.
    pub pending_endpoint: RwSignal<Option<String>>,
    /// Stored results.
    pub gallery: Gallery,
    /// The mask painter and "keep outside the mask" settings.
    pub painter: Painter,
    /// Results of masked edits with image 1 pasted back outside the mask.
    pub composites: Composites,
    /// What results' pixels say (transparency, mask drift), read in a prep worker.
    pub inspections: super::inspections::Inspections,
    /// Crops and resizes results to exact sizes the API cannot make, in the prep worker.
    pub fitter: ImageFitter,
    /// The chosen model: the form kept valid for it, retired models confirmed.
    pub models: super::model_choice::ModelChoice,
    /// How each endpoint answered last (the header's status).
    pub health: super::endpoint_health::EndpointHealth,
    /// Whether the endpoint settings are unfolded: at load, while the endpoint in use has not
    /// answered on this device.
    pub endpoint_open: RwSignal<bool>,
    /// Requests a reload or crash cut off: they may have been billed.
    pub interrupted: RwSignal<Vec<JournalEntry>>,
}

/// The id of the endpoint settings (the header chip's `aria-controls`).
pub const ENDPOINT_SETTINGS_ID: &str = "endpoint-settings";

impl AppState {
    /// Unfolds the endpoint settings and takes the person to `field_id` in them, once the
    /// unfolded fields are on the page.
    pub fn open_endpoint_settings(&self, field_id: &'static str) {
        self.endpoint_open.set(true);
        request_animation_frame(move || {
            crate::web::focus::reveal_and_focus(ENDPOINT_SETTINGS_ID, field_id)
        });
    }
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
