//! Shared state: small structs of signals provided as context.

use leptos::prelude::*;
use web_sys::AbortController;

use crate::api::error::ApiError;
use crate::api::request::{
    Background, ImageParams, Moderation, OutputFormat, Quality, DEFAULT_BASE_URL, DEFAULT_MODEL,
};
use crate::browser::storage::{use_stored_string, StorageKind};
use crate::http::Generated;

/// Where requests go. The key lives in session storage only, never in local storage.
#[derive(Clone, Copy)]
pub struct Settings {
    pub base_url: RwSignal<String>,
    pub api_key: RwSignal<String>,
    pub model: RwSignal<String>,
}

impl Settings {
    pub fn from_storage() -> Self {
        Settings {
            base_url: use_stored_string(StorageKind::Local, "gis.base_url", DEFAULT_BASE_URL),
            api_key: use_stored_string(StorageKind::Session, "gis.api_key", ""),
            model: use_stored_string(StorageKind::Local, "gis.model", DEFAULT_MODEL),
        }
    }
}

/// The request form's fields.
#[derive(Clone, Copy)]
pub struct FormState {
    pub prompt: RwSignal<String>,
    pub size: RwSignal<String>,
    pub quality: RwSignal<Quality>,
    pub output_format: RwSignal<OutputFormat>,
    pub output_compression: RwSignal<u8>,
    pub background: RwSignal<Background>,
    pub moderation: RwSignal<Moderation>,
    pub n: RwSignal<u8>,
}

impl FormState {
    pub fn new() -> Self {
        let d = ImageParams::default();
        FormState {
            prompt: RwSignal::new(d.prompt),
            size: RwSignal::new(d.size),
            quality: RwSignal::new(d.quality),
            output_format: RwSignal::new(d.output_format),
            output_compression: RwSignal::new(d.output_compression),
            background: RwSignal::new(d.background),
            moderation: RwSignal::new(d.moderation),
            n: RwSignal::new(d.n),
        }
    }

    /// A snapshot of the form as request parameters.
    pub fn params(&self, model: String) -> ImageParams {
        ImageParams {
            model,
            prompt: self.prompt.get_untracked(),
            size: self.size.get_untracked(),
            quality: self.quality.get_untracked(),
            output_format: self.output_format.get_untracked(),
            output_compression: self.output_compression.get_untracked(),
            background: self.background.get_untracked(),
            moderation: self.moderation.get_untracked(),
            n: self.n.get_untracked(),
        }
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    Pending,
    Done(Generated),
    Failed(ApiError),
}

/// One press of Generate: what was asked and what came of it.
#[derive(Clone)]
pub struct Run {
    pub id: u64,
    pub params: ImageParams,
    pub base_url: String,
    pub started_ms: f64,
    pub timeout_secs: u64,
    pub status: RwSignal<RunStatus>,
}

/// All runs of this page session, newest first, and the abort handles of those in flight.
#[derive(Clone, Copy)]
pub struct Runs {
    pub list: RwSignal<Vec<Run>>,
    in_flight: StoredValue<Vec<(u64, AbortController)>, LocalStorage>,
    next_id: StoredValue<u64>,
}

impl Runs {
    pub fn new() -> Self {
        Runs {
            list: RwSignal::new(Vec::new()),
            in_flight: StoredValue::new_local(Vec::new()),
            next_id: StoredValue::new(1),
        }
    }

    /// Registers a new pending run and returns it with its abort controller.
    pub fn start(
        &self,
        params: ImageParams,
        base_url: String,
        timeout_secs: u64,
    ) -> Option<(Run, AbortController)> {
        let controller = AbortController::new().ok()?;
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let run = Run {
            id,
            params,
            base_url,
            started_ms: js_sys::Date::now(),
            timeout_secs,
            status: RwSignal::new(RunStatus::Pending),
        };
        self.in_flight
            .update_value(|v| v.push((id, controller.clone())));
        self.list.update(|l| l.insert(0, run.clone()));
        Some((run, controller))
    }

    pub fn finish(&self, run: &Run, status: RunStatus) {
        self.in_flight
            .update_value(|v| v.retain(|(id, _)| *id != run.id));
        run.status.set(status);
    }

    pub fn pending_count(&self) -> usize {
        self.list.with(|l| {
            l.iter()
                .filter(|r| r.status.with(|s| *s == RunStatus::Pending))
                .count()
        })
    }

    /// Aborts every request in flight; each then finishes as `Cancelled`.
    pub fn cancel_all(&self) {
        self.in_flight
            .with_value(|v| v.iter().for_each(|(_, c)| c.abort()));
    }
}

impl Default for Runs {
    fn default() -> Self {
        Self::new()
    }
}

/// Everything components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: Settings,
    pub form: FormState,
    pub runs: Runs,
    /// A problem that stopped a request before it was sent.
    pub form_error: RwSignal<Option<String>>,
    /// A one-line notice, e.g. that a link changed the base URL.
    pub notice: RwSignal<Option<String>>,
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
