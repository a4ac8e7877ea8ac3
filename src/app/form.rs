//! The request form's fields as signals, and how they become request parameters and presets.

use leptos::prelude::*;

use studio_core::api::request::{Background, ImageParams, Moderation, OutputFormat, Quality};
use studio_core::cutout::KeyChoice;
use studio_core::preset::Preset;
use studio_core::sizes::{self, SizePlan, Tier};

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
    /// The key colour of a cut-out made in the browser (`transparent-local`).
    pub backdrop: RwSignal<KeyChoice>,
    pub moderation: RwSignal<Moderation>,
    pub n: RwSignal<u8>,
    /// Why the n field as typed is not a number of images; `n` keeps the last valid value
    /// for the field's display only, and nothing is sent or shared with it meanwhile.
    pub n_error: RwSignal<Option<String>>,
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
            backdrop: RwSignal::new(d.backdrop),
            moderation: RwSignal::new(d.moderation),
            n: RwSignal::new(d.n),
            n_error: RwSignal::new(None),
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
        self.backdrop.track();
        self.moderation.track();
        self.n.track();
        self.n_error.track();
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
            backdrop: self.backdrop.get_untracked(),
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
            // An n the field cannot give is left out, never the last valid value.
            n: self.n_error.get().is_none().then(|| self.n.get()),
            stream: Some(self.stream.get()),
            partial_images: Some(self.partial_images.get()),
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
        if let Some(v) = p.n {
            self.n.set(v);
            self.n_error.set(None);
        }
        p.stream.into_iter().for_each(|v| self.stream.set(v));
        p.partial_images
            .into_iter()
            .for_each(|v| self.partial_images.set(v));
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
        self.backdrop.set(p.backdrop);
        self.moderation.set(p.moderation);
        self.n.set(p.n);
        self.n_error.set(None);
        self.stream.set(p.stream);
        self.partial_images.set(p.partial_images);
    }
}

impl FormState {
    /// Takes the choices a model switch changed (`models::adapt`): only fields that differ
    /// are set, so a ratio x tier size that stayed valid stays one.
    pub fn restore_choices(&self, p: &ImageParams) {
        fn set_changed<T: PartialEq + Clone + Send + Sync + 'static>(s: RwSignal<T>, v: &T) {
            if s.get_untracked() != *v {
                s.set(v.clone());
            }
        }
        set_changed(self.quality, &p.quality);
        set_changed(self.background, &p.background);
        set_changed(self.output_format, &p.output_format);
        set_changed(self.stream, &p.stream);
        set_changed(self.partial_images, &p.partial_images);
        if self.n.get_untracked() != p.n {
            self.n.set(p.n);
            self.n_error.set(None);
        }
        if self.params(p.model.clone()).size != p.size && p.deliver_exact.is_none() {
            self.size.set(p.size.clone());
            self.size_ratio.set(None);
            self.size_exact.set(false);
        }
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}
