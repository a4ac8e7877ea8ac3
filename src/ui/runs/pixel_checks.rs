use leptos::prelude::*;

use crate::app::composites::ResultKey;
use crate::app::inspections::Inspection;
use crate::app::lang::{lang, t};
use crate::app::runs::Run;
use crate::app::state::use_app_state;
use crate::web::blob::LocalBlob;
use studio_core::api::mime::sniff_base64;
use studio_core::api::request::Background;
use studio_core::api::response::{ImageOut, ImageSource};
use studio_core::i18n::text::{requests, runs};
use studio_core::inspect::{drift_figures, drift_warning, transparency_warning};

/// Under a result: what its pixels say against what was asked. A transparent background
/// with no transparent pixel (or in a format without alpha), and for a masked edit how much
/// changed inside the mask against outside, warning when the gateway may have ignored the
/// mask, with its change map on request. The pixels are read in a worker once.
#[component]
pub fn PixelChecks(
    key: ResultKey,
    run: Run,
    image: ImageOut,
    /// The result's bytes, when it came as data.
    blob: Option<LocalBlob>,
) -> impl IntoView {
    let state = use_app_state();
    let inspections = state.inspections;
    // What the bytes are, whatever the answer declares.
    let sniffed = match &image.source {
        ImageSource::DataUrl(url) => url
            .split_once(";base64,")
            .and_then(|(_, b64)| sniff_base64(b64)),
        ImageSource::Url(_) => None,
    };
    let mime = sniffed.map_or_else(|| image.mime.clone(), str::to_owned);
    inspections.ensure(key, &run, blob.as_ref(), &mime, &state.runs.held_ids());
    let native_transparent = run.params.background == Background::Transparent;
    let masked = run.uploads.as_ref().is_some_and(|u| u.mask.is_some());
    let (show_map, set_show_map) = signal(false);
    let facts = move || match inspections.get(key) {
        Some(Inspection::Done(facts)) => Some(facts),
        _ => None,
    };
    let transparency = move || {
        let alpha = facts().and_then(|f| f.alpha);
        transparency_warning(native_transparent, sniffed, alpha.as_ref(), lang())
            .map(|m| view! { <p class="warning" data-testid="delivery-warning">{m}</p> })
    };
    let drift = move || {
        let inspection = inspections.get(key)?;
        let facts = match inspection {
            Inspection::Working => {
                return Some(view! { <p class="hint" data-testid="pixel-check-working">{t(runs::CHECKING_PIXELS)}</p> }.into_any());
            }
            Inspection::Failed(why) if masked => {
                return Some(view! { <p class="hint" data-testid="drift-note">{studio_core::tr!(lang(), requests::MASK_DRIFT_UNMEASURED, why = why)}</p> }.into_any());
            }
            Inspection::Failed(_) => return None,
            Inspection::Done(facts) => facts,
        };
        if let Some(why) = facts.drift_refused {
            return Some(view! { <p class="hint" data-testid="drift-note">{studio_core::tr!(lang(), requests::MASK_DRIFT_UNMEASURED, why = why)}</p> }.into_any());
        }
        let report = facts.drift?;
        let heatmap = facts.heatmap.map(|src| view! {
            <button type="button" data-testid="drift-heatmap-toggle" aria-pressed=move || show_map.get().to_string()
                on:click=move |_| set_show_map.update(|s| *s = !*s)>
                {move || t(if show_map.get() { runs::HIDE_CHANGE_MAP } else { runs::SHOW_CHANGE_MAP })}
            </button>
            <Show when=move || show_map.get()>
                <img data-testid="drift-heatmap" class="drift-heatmap" src=src.clone() alt=t(runs::CHANGE_MAP_ALT)/>
            </Show>
        });
        Some(view! {
            {drift_warning(&report, lang()).map(|m| view! { <p class="warning" data-testid="delivery-warning">{m}</p> })}
            <p class="hint" data-testid="drift-figures" data-verdict=format!("{:?}", report.verdict)
                data-inside-mean=format!("{:.4}", report.inside_mean) data-outside-mean=format!("{:.4}", report.outside_mean)
                data-inside-changed=format!("{:.4}", report.inside_changed) data-outside-changed=format!("{:.4}", report.outside_changed)>
                {drift_figures(&report, lang())}
            </p>
            {heatmap}
        }.into_any())
    };
    view! {
        <div class="pixel-checks" data-testid="pixel-checks"
            data-state=move || match inspections.get(key) {
                None => "none",
                Some(Inspection::Working) => "working",
                Some(Inspection::Done(_)) => "done",
                Some(Inspection::Failed(_)) => "failed",
            }>
            {transparency}
            {drift}
        </div>
    }
}
