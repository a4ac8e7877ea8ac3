//! "Test this endpoint": the free checks (CORS preflights of both image endpoints, the key
//! against `/models`), and the paid test request once the user confirmed its price. What they
//! find is stored on the profile tested, at the base URL tested (`Settings::record_findings`),
//! even if the user switched profiles meanwhile.

use leptos::prelude::*;

use crate::app::gallery::Gallery;
use crate::app::keep;
use crate::app::lang::lang;
use crate::app::settings::Settings;
use crate::web::http::ImagesClient;
use studio_core::api::request::{endpoint_url, generation_body_for};
use studio_core::endpoint_check::{
    auth_verdict, cors_verdict, probe_findings, Check, Finding, ProbeAsk, Verdict,
};
use studio_core::estimate::{default_timeout_secs, entry_for_estimates};
use studio_core::sizes::SizeSpec;

/// The profile being tested, as it was when the test started.
struct Target {
    profile_id: String,
    base_url: String,
    client: ImagesClient,
}

fn target(settings: Settings) -> Target {
    let profile = untrack(|| settings.active());
    let base_url = settings.base_url.get_untracked().trim().to_string();
    let key = untrack(|| settings.key_for(&base_url));
    let options = untrack(|| settings.current_options());
    Target {
        profile_id: profile.id,
        client: ImagesClient::new(base_url.clone(), key)
            .with_dialect(crate::app::tasks::fields::dialect_of(&options)),
        base_url,
    }
}

/// Runs the free checks; nothing billable is sent.
pub async fn free_checks(settings: Settings) {
    let lang = untrack(lang);
    let t = target(settings);
    let model = settings.model.get_untracked();
    // A task dialect submits elsewhere: its own paths are what the browser must reach.
    let path = |edit: bool| {
        t.client
            .dialect
            .as_ref()
            .and_then(|d| d.submit_path(edit))
            .unwrap_or_else(|| {
                if edit {
                    "images/edits"
                } else {
                    "images/generations"
                }
                .into()
            })
    };
    let mut found = Vec::new();
    // Edits send FormData, whose content type needs no preflight of its own.
    for (check, edit, content_type) in [
        (Check::CorsGenerations, false, "application/json"),
        (Check::CorsEdits, true, "multipart/form-data"),
    ] {
        let path = path(edit);
        let outcome = t.client.preflight(&path, content_type, lang).await;
        let url = endpoint_url(&t.base_url, &path);
        found.push(Finding::new(check, cors_verdict(&url, &outcome, lang)));
    }
    let outcome = t.client.list_models(lang).await;
    let url = endpoint_url(&t.base_url, "models");
    let key_entered = !t.client.api_key.is_empty();
    found.push(Finding::new(
        Check::Auth,
        auth_verdict(&url, &outcome, &model, key_entered, lang),
    ));
    settings.record_findings(&t.profile_id, &t.base_url, found);
}

/// Sends the paid test request `ask` (the caller has had its price confirmed), keeps its
/// images in the history (they were paid for) and records what its answer shows.
pub async fn paid_probe(settings: Settings, gallery: Gallery, ask: ProbeAsk) {
    let lang = untrack(lang);
    let t = target(settings);
    let info = settings.model_info_in(Some(&t.profile_id), &ask.model);
    let params = ask.params();
    let found = match generation_body_for(&params, &info) {
        Ok(body) => {
            let size = SizeSpec::Exact {
                width: ProbeAsk::SIZE.0,
                height: ProbeAsk::SIZE.1,
            };
            let timeout_secs = untrack(|| settings.current_options())
                .timeout_secs
                .unwrap_or_else(|| {
                    default_timeout_secs(entry_for_estimates(&ask.model), params.quality, size)
                });
            let mime = params.format_sent().mime();
            let outcome = match t
                .client
                .probe_generation(&body, mime, timeout_secs, lang)
                .await
            {
                Ok((seen, generated)) => {
                    let origin = keep::Origin {
                        params: &params,
                        base_url: &t.base_url,
                        references: 0,
                        run_id: 0,
                    };
                    // A failure to store is the history's to report; the findings stand.
                    let _ = gallery
                        .keep(keep::results_of(&origin, 0, params.n, &generated))
                        .await;
                    Ok(seen)
                }
                Err(e) => Err(e),
            };
            probe_findings(&ask, &outcome, lang)
        }
        // Nothing was sent: the model takes no such request.
        Err(e) => vec![Finding::new(
            Check::Probe,
            Verdict::ProbeFailed {
                message: e.message(lang),
                billed: false,
            },
        )],
    };
    settings.record_findings(&t.profile_id, &t.base_url, found);
}
