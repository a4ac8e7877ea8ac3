//! The chosen model and what follows from it: the form kept valid when the model changes
//! (with what changed said), and the confirmation a retired model needs before sending.

use leptos::prelude::*;

use crate::app::form::FormState;
use crate::app::settings::Settings;
use studio_core::file_names::civil;
use studio_core::models::adapt::adapt;
use studio_core::models::registry::{self, ModelInfo};
use studio_core::models::retired::{retirement_notice, RetirementNotice};

/// The model input's id: while it has the focus, the model is still being typed.
pub const MODEL_FIELD_ID: &str = "model";

#[derive(Clone, Copy)]
pub struct ModelChoice {
    settings: Settings,
    form: FormState,
    /// What the last switch of model changed in the form, one sentence each.
    pub changes: RwSignal<Vec<String>>,
    /// The model the form was last made valid for: what the controls follow, so that a
    /// name half typed changes nothing.
    settled: RwSignal<ModelInfo>,
    /// Retired models the user chose to send to anyway, this session.
    confirmed: RwSignal<Vec<String>>,
    /// Generate was pressed with a retired model: the notice shown until the user decides.
    pub retired_pending: RwSignal<Option<RetirementNotice>>,
}

/// Today's local date as `YYYY-MM-DD`.
fn today() -> String {
    let (y, m, d, _) = civil(crate::web::local_secs(js_sys::Date::now()));
    format!("{y:04}-{m:02}-{d:02}")
}

fn model_field_focused() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|e| e.id() == MODEL_FIELD_ID)
}

impl ModelChoice {
    pub fn new(settings: Settings, form: FormState) -> Self {
        let choice = ModelChoice {
            settings,
            form,
            changes: RwSignal::new(Vec::new()),
            settled: RwSignal::new(untrack(|| settings.model_info())),
            confirmed: RwSignal::new(Vec::new()),
            retired_pending: RwSignal::new(None),
        };
        // A model set by a profile switch or a link settles at once; one being typed settles
        // when the field is left (`settle`), so a half-typed name changes nothing.
        Effect::new(move |_| {
            settings.model.track();
            if !model_field_focused() {
                untrack(|| choice.settle());
            }
        });
        choice
    }

    /// What the app knows about the chosen model, as the controls follow it (reactive).
    pub fn info(&self) -> ModelInfo {
        self.settled.get()
    }

    /// The same for the name as it is being typed (reactive).
    pub fn typed_info(&self) -> ModelInfo {
        self.settings.model_info()
    }

    /// Makes the form valid for the model now chosen, if it changed since the last time,
    /// and says what that changed.
    pub fn settle(&self) {
        let to = untrack(|| self.settings.model_info());
        let from = self.settled.get_untracked();
        if from == to {
            return;
        }
        self.settled.set(to.clone());
        self.retired_pending.set(None);
        let params = self.form.params(to.name().to_string());
        let (adapted, changes) = adapt(&params, &from, &to, crate::app::lang::lang());
        if !changes.is_empty() {
            self.form.restore_choices(&adapted);
        }
        self.changes.set(changes);
    }

    /// A name was typed: a complete one (`registry::is_complete_name`) is followed at once,
    /// any other when the field is left.
    pub fn typed(&self, name: String) {
        let complete = registry::is_complete_name(&name, &self.settings.current_aliases());
        self.settings.model.set(name);
        if complete {
            self.settle();
        }
    }

    /// The model field was left. The form follows a moment later, so that the click that
    /// left it lands where the person aimed before the controls below change height.
    pub fn settle_soon(&self) {
        let this = *self;
        set_timeout(move || this.settle(), std::time::Duration::from_millis(250));
    }

    /// The retirement notice of the chosen model, dated today (reactive).
    pub fn retirement(&self) -> Option<RetirementNotice> {
        retirement_notice(&self.typed_info(), Some(&today()))
    }

    /// The notice to show before sending to a retired model the user has not confirmed.
    pub fn needs_confirmation(&self, model: &str) -> Option<RetirementNotice> {
        let notice = retirement_notice(
            &registry::resolve(model, &self.settings.current_aliases()),
            Some(&today()),
        )?;
        let confirmed = self.confirmed.with_untracked(|c| {
            c.iter()
                .any(|m| registry::normalize(m) == registry::normalize(model))
        });
        (notice.confirm_before_sending && !confirmed).then_some(notice)
    }

    /// The user chose to send to the retired model anyway (this session).
    pub fn confirm(&self, model: &str) {
        self.confirmed.update(|c| c.push(model.to_string()));
        self.retired_pending.set(None);
    }
}
