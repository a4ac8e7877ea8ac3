//! Shared state: small structs of signals provided as context.

use leptos::prelude::*;
use web_sys::AbortController;

use crate::api::error::ApiError;
use crate::api::request::{
    Background, ImageParams, Moderation, OutputFormat, Quality, DEFAULT_BASE_URL, DEFAULT_MODEL,
};
use crate::browser::storage::{use_stored_string, StorageKind};
use crate::http::Generated;
use crate::preset::Preset;
use crate::references::References;
use crate::sizes::{self, SizePlan, Tier};

/// Where requests go. Keys live in session storage only (never local storage), each bound to
/// the base URL it was entered for: a key is never sent to another endpoint.
#[derive(Clone, Copy)]
pub struct Settings {
    pub base_url: RwSignal<String>,
    /// JSON object `{base URL: key}`.
    keys: RwSignal<String>,
    pub model: RwSignal<String>,
}

impl Settings {
    pub fn from_storage() -> Self {
        Settings {
            base_url: use_stored_string(StorageKind::Local, "gis.base_url", DEFAULT_BASE_URL),
            keys: use_stored_string(StorageKind::Session, "gis.api_keys", "{}"),
            model: use_stored_string(StorageKind::Local, "gis.model", DEFAULT_MODEL),
        }
    }

    fn key_map(&self) -> std::collections::BTreeMap<String, String> {
        serde_json::from_str(&self.keys.get()).unwrap_or_default()
    }

    /// The key entered for `base_url` (reactive), or empty.
    pub fn key_for(&self, base_url: &str) -> String {
        self.key_map()
            .get(&endpoint_id(base_url))
            .cloned()
            .unwrap_or_default()
    }

    /// The key for the current base URL (reactive).
    pub fn current_key(&self) -> String {
        self.key_for(&self.base_url.get())
    }

    /// Sets (or, when empty, forgets) the key for the current base URL.
    pub fn set_current_key(&self, key: &str) {
        let mut map = self.key_map();
        let id = endpoint_id(&self.base_url.get_untracked());
        if key.trim().is_empty() {
            map.remove(&id);
        } else {
            map.insert(id, key.trim().to_string());
        }
        self.keys
            .set(serde_json::to_string(&map).unwrap_or_else(|_| "{}".into()));
    }
}

/// Base URLs that differ only by a trailing slash or spaces are the same endpoint.
pub fn endpoint_id(base_url: &str) -> String {
    base_url.trim().trim_end_matches('/').to_string()
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

    /// Subscribes the running effect to every field (`params` reads untracked).
    pub fn track(&self) {
        self.prompt.track();
        self.size.track();
        self.size_ratio.track();
        self.size_tier.track();
        self.size_exact.track();
        self.quality.track();
        self.output_format.track();
        self.output_compression.track();
        self.background.track();
        self.moderation.track();
        self.n.track();
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

impl FormState {
    /// The form as a shareable preset: every field, the size as ratio x tier when it came
    /// from one; compression only where the format takes it. Never the key.
    pub fn to_preset(&self, model: String, base_url: Option<String>) -> Preset {
        let format = self.output_format.get();
        let ratio = self.size_ratio.get();
        Preset {
            prompt: Some(self.prompt.get()).filter(|p| !p.is_empty()),
            model: Some(model).filter(|m| !m.trim().is_empty()),
            size: ratio.is_none().then(|| self.size.get()),
            ratio,
            tier: ratio.map(|_| self.size_tier.get()),
            quality: Some(self.quality.get()),
            output_format: Some(format),
            output_compression: format
                .takes_compression()
                .then(|| self.output_compression.get()),
            background: Some(self.background.get()),
            moderation: Some(self.moderation.get()),
            n: Some(self.n.get()),
            base_url,
        }
    }

    /// Fills the form from a preset; fields it does not carry stay as they are.
    pub fn apply(&self, p: &Preset) {
        if let Some(v) = &p.prompt {
            self.prompt.set(v.clone());
        }
        if let Some(v) = &p.size {
            self.size.set(v.clone());
            self.size_ratio.set(None);
        }
        if let Some(t) = p.tier {
            self.size_tier.set(t);
        }
        if let Some(r) = p.ratio {
            let (w, h) = sizes::ratio_tier_size(r, self.size_tier.get_untracked());
            self.size_ratio.set(Some(r));
            self.size.set(format!("{w}x{h}"));
        }
        self.size_exact.set(false);
        p.quality.into_iter().for_each(|v| self.quality.set(v));
        p.output_format
            .into_iter()
            .for_each(|v| self.output_format.set(v));
        p.output_compression
            .into_iter()
            .for_each(|v| self.output_compression.set(v));
        p.background
            .into_iter()
            .for_each(|v| self.background.set(v));
        p.moderation
            .into_iter()
            .for_each(|v| self.moderation.set(v));
        p.n.into_iter().for_each(|v| self.n.set(v));
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
    pub references: References,
    /// A problem that stopped a request before it was sent.
    pub form_error: RwSignal<Option<String>>,
    /// A one-line notice, e.g. what a link applied.
    pub notice: RwSignal<Option<String>>,
    /// A base URL a link brought while a key is stored: shown for confirmation, not used yet.
    pub pending_endpoint: RwSignal<Option<String>>,
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
