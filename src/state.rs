//! Shared state: small structs of signals provided as context.

use leptos::prelude::*;
use web_sys::AbortController;

use crate::api::error::ApiError;
use crate::api::request::{
    Background, ImageParams, Moderation, OutputFormat, Quality, DEFAULT_BASE_URL, DEFAULT_MODEL,
};
use crate::browser::storage::{use_stored_string, StorageKind};
use crate::http::Generated;
use crate::sizes::{self, SizePlan, Tier};

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
    /// The size as typed (`size-input`); presets and ratio x tier write it too.
    pub size: RwSignal<String>,
    /// The ratio that produced `size`, or None for a typed or preset size.
    pub size_ratio: RwSignal<Option<(u32, u32)>>,
    pub size_tier: RwSignal<Tier>,
    /// Deliver an unmakeable typed size exactly (request a covering size, crop/resize after).
    pub size_exact: RwSignal<bool>,
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
            size_ratio: RwSignal::new(None),
            size_tier: RwSignal::new(Tier::K1),
            size_exact: RwSignal::new(false),
            quality: RwSignal::new(d.quality),
            output_format: RwSignal::new(d.output_format),
            output_compression: RwSignal::new(d.output_compression),
            background: RwSignal::new(d.background),
            moderation: RwSignal::new(d.moderation),
            n: RwSignal::new(d.n),
        }
    }

    /// A snapshot of the form as request parameters: the size that is sent, and the exact
    /// target when one was asked for.
    pub fn params(&self, model: String) -> ImageParams {
        let typed = self.size.get_untracked();
        let (size, deliver_exact) =
            match sizes::plan(&typed, &model, self.size_exact.get_untracked()) {
                SizePlan::Exact { target, request } => {
                    (format!("{}x{}", request.0, request.1), Some(target))
                }
                SizePlan::Send { size, .. } => (size.to_string(), None),
                // The body builder refuses it with the same explanation.
                SizePlan::Invalid { .. } => (typed, None),
            };
        ImageParams {
            model,
            prompt: self.prompt.get_untracked(),
            size,
            deliver_exact,
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
