//! Pressing Generate: check the form, start a run, send it, record the outcome.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::request::{check_base_url, generation_body, ImageParams};
use crate::estimate::default_timeout_secs;
use crate::http::ImagesClient;
use crate::sizes::{self, SizeSpec};
use crate::state::{AppState, RunStatus};

/// Sends what the form holds now.
pub fn generate_from_form(state: AppState) {
    let params = state.form.params(state.settings.model.get_untracked());
    send(state, params);
}

/// Sends `params` to the configured endpoint as a new run. Problems found before sending go
/// to `form_error`; nothing is sent then.
pub fn send(state: AppState, params: ImageParams) {
    state.form_error.set(None);
    let base_url = state.settings.base_url.get_untracked().trim().to_string();
    if let Err(why) = check_base_url(&base_url) {
        state.form_error.set(Some(why));
        return;
    }
    let body = match generation_body(&params) {
        Ok(body) => body,
        Err(why) => {
            state.form_error.set(Some(why.to_string()));
            return;
        }
    };
    let size = sizes::parse(&params.size).unwrap_or(SizeSpec::Auto);
    let timeout_secs = default_timeout_secs(params.quality, size);
    let mime = params.output_format.mime();
    let key = untrack(|| state.settings.key_for(&base_url));
    let client = ImagesClient::new(base_url.clone(), key);
    let Some((run, controller)) = state.runs.start(params, base_url, timeout_secs) else {
        state.form_error.set(Some(
            "The browser refused to start a request (no AbortController).".into(),
        ));
        return;
    };
    spawn_local(async move {
        let status = match client
            .generate(&body, mime, timeout_secs, &controller)
            .await
        {
            Ok(generated) => RunStatus::Done(generated),
            Err(e) => RunStatus::Failed(e),
        };
        state.runs.finish(&run, status);
    });
}
