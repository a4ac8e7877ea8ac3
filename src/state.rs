//! Shared state: small structs of signals provided as context.

use leptos::prelude::*;
use web_sys::AbortController;

use crate::api::request::{
    Background, ImageParams, Moderation, OutputFormat, Quality, DEFAULT_BASE_URL, DEFAULT_MODEL,
};
use crate::api::response::ImageOut;
use crate::api::retry::Failure;
use crate::api::upload::EditUploads;
use crate::browser::storage::{use_stored_string, StorageKind};
use crate::endpoint_options::EndpointOptions;
use crate::gallery::Gallery;
use crate::history::journal::JournalEntry;
use crate::http::Generated;
use crate::preset::Preset;
use crate::profiles::{Profile, ProfileBook};
use crate::references::References;
use crate::sizes::{self, SizePlan, Tier};

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
    /// The stored `ProfileBook` (JSON, local storage).
    book_text: RwSignal<String>,
    /// `{profile id: {base, key}}` for this tab only.
    session_keys: RwSignal<String>,
    /// The same, for profiles that chose "remember on this device".
    device_keys: RwSignal<String>,
}

/// A key and the base URL it was entered for.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct BoundKey {
    base: String,
    key: String,
}

type KeyMap = std::collections::BTreeMap<String, BoundKey>;

impl Settings {
    pub fn from_storage() -> Self {
        use crate::browser::storage::read;
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
        let active = book.active().clone();
        let settings = Settings {
            base_url: RwSignal::new(active.base_url),
            model: RwSignal::new(active.model),
            book_text,
            session_keys: use_stored_string(StorageKind::Session, "gis.profile_keys", "{}"),
            device_keys: use_stored_string(StorageKind::Local, "gis.remembered_keys", "{}"),
        };
        // Edits of the two fields are edits of the active profile.
        Effect::new(move |_| {
            let (base, model) = (settings.base_url.get(), settings.model.get());
            settings.update_book(|b| {
                let p = b.active_mut();
                p.base_url = base;
                p.model = model;
            });
        });
        settings
    }

    /// The profiles (reactive).
    pub fn book(&self) -> ProfileBook {
        ProfileBook::decode(&self.book_text.get(), ProfileBook::default)
    }

    fn update_book(&self, change: impl FnOnce(&mut ProfileBook)) {
        let mut book = untrack(|| self.book());
        let before = book.clone();
        change(&mut book);
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

    /// A new profile for the current endpoint, made active.
    pub fn add_profile(&self) {
        let (base, model) = (self.base_url.get_untracked(), self.model.get_untracked());
        let mut id = String::new();
        self.update_book(|b| id = b.add(&base, &model));
        self.switch_to(&id);
    }

    pub fn rename_active(&self, name: &str) -> Result<(), String> {
        let mut outcome = Ok(());
        self.update_book(|b| {
            let id = b.active.clone();
            outcome = b.rename(&id, name);
        });
        outcome
    }

    /// Deletes the active profile and its key.
    pub fn delete_active(&self) -> Result<(), String> {
        let id = untrack(|| self.book().active);
        let mut outcome = Ok(());
        self.update_book(|b| outcome = b.delete(&id));
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
        serde_json::from_str(&store.get()).unwrap_or_default()
    }

    fn edit_keys(store: RwSignal<String>, change: impl FnOnce(&mut KeyMap)) {
        let mut map = untrack(|| Self::keys_in(store));
        change(&mut map);
        store.set(serde_json::to_string(&map).unwrap_or_else(|_| "{}".into()));
    }

    /// The active profile's key if it was entered for `base_url` (reactive), else empty.
    pub fn key_for(&self, base_url: &str) -> String {
        let profile = self.active();
        let store = if profile.remember_key {
            self.device_keys
        } else {
            self.session_keys
        };
        Self::keys_in(store)
            .get(&profile.id)
            .filter(|k| k.base == endpoint_id(base_url))
            .map(|k| k.key.clone())
            .unwrap_or_default()
    }

    /// The key for the current base URL (reactive).
    pub fn current_key(&self) -> String {
        self.key_for(&self.base_url.get())
    }

    /// Sets (or, when empty, forgets) the active profile's key, bound to the current base URL.
    pub fn set_current_key(&self, key: &str) {
        let profile = untrack(|| self.active());
        let base = endpoint_id(&self.base_url.get_untracked());
        let store = if profile.remember_key {
            self.device_keys
        } else {
            self.session_keys
        };
        Self::edit_keys(store, |m| {
            if key.trim().is_empty() {
                m.remove(&profile.id);
            } else {
                m.insert(
                    profile.id.clone(),
                    BoundKey {
                        base,
                        key: key.trim().to_string(),
                    },
                );
            }
        });
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
        let moved = untrack(|| Self::keys_in(from)).remove(&id);
        Self::edit_keys(from, |m| {
            m.remove(&id);
        });
        if let Some(k) = moved {
            Self::edit_keys(to, |m| {
                m.insert(id.clone(), k);
            });
        }
        self.update_book(|b| b.active_mut().remember_key = remember);
    }

    /// The limits of the active profile (reactive).
    pub fn current_options(&self) -> EndpointOptions {
        self.active().options.clamped()
    }

    /// Changes the limits of the active profile.
    pub fn update_options(&self, change: impl FnOnce(&mut EndpointOptions)) {
        self.update_book(|b| {
            let o = &mut b.active_mut().options;
            change(o);
            *o = o.clamped();
        });
    }
}

/// Base URLs that differ only by a trailing slash or spaces are the same endpoint.
pub fn endpoint_id(base_url: &str) -> String {
    crate::profiles::same_endpoint(base_url)
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
    pub stream: RwSignal<bool>,
    pub partial_images: RwSignal<u8>,
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
            stream: RwSignal::new(d.stream),
            partial_images: RwSignal::new(d.partial_images),
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
        self.stream.track();
        self.partial_images.track();
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
            stream: self.stream.get_untracked(),
            partial_images: self.partial_images.get_untracked(),
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

impl FormState {
    /// Puts a stored request back into the form ("use these settings"). An exact delivery
    /// size comes back as that size with "deliver exactly" on.
    pub fn restore(&self, p: &ImageParams) {
        self.prompt.set(p.prompt.clone());
        match p.deliver_exact {
            Some((w, h)) => {
                self.size.set(format!("{w}x{h}"));
                self.size_exact.set(true);
            }
            None => {
                self.size.set(p.size.clone());
                self.size_exact.set(false);
            }
        }
        self.size_ratio.set(None);
        self.quality.set(p.quality);
        self.output_format.set(p.output_format);
        self.output_compression.set(p.output_compression);
        self.background.set(p.background);
        self.moderation.set(p.moderation);
        self.n.set(p.n);
        self.stream.set(p.stream);
        self.partial_images.set(p.partial_images);
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

/// Where one request of a run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotStatus {
    /// Waiting for a free place under the parallel-requests cap.
    Queued,
    /// Attempt `attempt` (1 = first) is on the wire.
    Sending {
        attempt: u32,
    },
    /// Attempt `attempt` failed transiently; the next one starts at `until_ms`.
    Backoff {
        attempt: u32,
        until_ms: f64,
        reason: String,
    },
    Done(Generated),
    Failed(Failure),
}

impl SlotStatus {
    pub fn is_final(&self) -> bool {
        matches!(self, SlotStatus::Done(_) | SlotStatus::Failed(_))
    }
}

/// One HTTP request of a run: a run asking for more images than the endpoint takes per
/// request has several.
#[derive(Clone, Copy)]
pub struct Slot {
    /// The `n` of this request.
    pub n: u8,
    pub status: RwSignal<SlotStatus>,
    /// The latest streamed preview, while the request runs.
    pub partial: RwSignal<Option<ImageOut>>,
    /// Why a finished result could not be kept in the history, if it could not.
    pub save_note: RwSignal<Option<String>>,
    /// The task this request became, on an async task gateway (`crate::tasks`).
    pub task: RwSignal<Option<crate::tasks::progress::TaskProgress>>,
}

/// One press of Generate: what was asked and what came of it.
#[derive(Clone)]
pub struct Run {
    pub id: u64,
    pub params: ImageParams,
    /// References and mask of an edit; None for a generation.
    pub uploads: Option<EditUploads>,
    pub base_url: String,
    pub started_ms: f64,
    pub timeout_secs: u64,
    pub slots: Vec<Slot>,
}

impl Run {
    /// True while any request of the run has not finished (reactive).
    pub fn is_pending(&self) -> bool {
        self.slots
            .iter()
            .any(|s| !s.status.with(SlotStatus::is_final))
    }
}

/// All runs of this page session, newest first, and the abort handles of those in flight.
#[derive(Clone, Copy)]
pub struct Runs {
    pub list: RwSignal<Vec<Run>>,
    in_flight: StoredValue<Vec<(u64, AbortController)>, LocalStorage>,
    next_id: StoredValue<u64>,
    /// The app's owner: a run's signals must outlive the button that started it (a Retry
    /// button disappears with the error it was shown for).
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl Runs {
    pub fn new() -> Self {
        Runs {
            list: RwSignal::new(Vec::new()),
            in_flight: StoredValue::new_local(Vec::new()),
            next_id: StoredValue::new(1),
            owner: StoredValue::new_local(Owner::current()),
        }
    }

    /// Registers a new run with one queued slot per request size in `split`, and returns it
    /// with the abort controller all its requests share.
    pub fn start(
        &self,
        params: ImageParams,
        uploads: Option<EditUploads>,
        base_url: String,
        timeout_secs: u64,
        split: &[u8],
    ) -> Option<(Run, AbortController)> {
        let controller = AbortController::new().ok()?;
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let new_run = || Run {
            id,
            params,
            uploads,
            base_url,
            started_ms: js_sys::Date::now(),
            timeout_secs,
            slots: split
                .iter()
                .map(|&n| Slot {
                    n,
                    status: RwSignal::new(SlotStatus::Queued),
                    partial: RwSignal::new(None),
                    save_note: RwSignal::new(None),
                    task: RwSignal::new(None),
                })
                .collect(),
        };
        let run = match self.owner.get_value() {
            Some(owner) => owner.with(new_run),
            None => new_run(),
        };
        self.in_flight
            .update_value(|v| v.push((id, controller.clone())));
        self.list.update(|l| l.insert(0, run.clone()));
        Some((run, controller))
    }

    /// Forgets the abort handle of a run whose requests have all finished.
    pub fn finish(&self, run: &Run) {
        self.in_flight
            .update_value(|v| v.retain(|(id, _)| *id != run.id));
    }

    pub fn pending_count(&self) -> usize {
        self.list
            .with(|l| l.iter().filter(|r| r.is_pending()).count())
    }

    /// Aborts every request in flight and every wait before a retry; each then finishes as
    /// `Cancelled`.
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
    /// Stored results.
    pub gallery: Gallery,
    /// The mask painter and "keep outside the mask" settings.
    pub painter: crate::painter::Painter,
    /// Results of masked edits with image 1 pasted back outside the mask.
    pub composites: crate::composites::Composites,
    /// Requests a reload or crash cut off: they may have been billed.
    pub interrupted: RwSignal<Vec<JournalEntry>>,
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
