use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::api::request::safe_link;

use std::sync::Arc;

use crate::app::lang::{lang, t};
use crate::app::state::use_app_state;
use crate::ui::icon::{Icon, IconName};
use crate::web::blob::LocalBlob;
use crate::web::download::{click_link, save_blob};
use crate::web::fit_image::FittedImage;
use studio_core::api::request::ImageParams;
use studio_core::api::response::{delivery_warnings, ImageOut, ImageSource};
use studio_core::file_names::result_file_name;
use studio_core::i18n::text::runs;

/// Saves the result's bytes (decoded once, when it arrived), or follows its link.
fn save(source: &ImageSource, blob: Option<&LocalBlob>, name: &str) -> Result<(), String> {
    match (blob, source) {
        (Some(blob), _) => save_blob(blob.blob(), name, lang()),
        (None, ImageSource::Url(url)) => click_link(url, name, lang()),
        (None, ImageSource::DataUrl(_)) => {
            Err(studio_core::tr!(lang(), runs::IMAGE_DATA_DAMAGED).into())
        }
    }
}

/// One finished image with its real dimensions and a download button. With an exact target,
/// the image is cropped/resized to it once loaded; the original stays downloadable.
#[component]
pub fn ResultCard(
    image: ImageOut,
    /// The image's bytes, when it came as data.
    blob: Option<LocalBlob>,
    index: usize,
    params: ImageParams,
    created: i64,
    /// The `size` the answer claims, when it says one.
    answer_size: Option<String>,
    /// This image's key among the session's results, for the viewer.
    view_key: String,
) -> impl IntoView {
    let state = use_app_state();
    let viewer = expect_context::<crate::app::viewer::Viewer>();
    let open_viewer = move |_| {
        viewer.open(
            crate::ui::viewer::entries::result_entries(state.runs, state.settings),
            &view_key,
        )
    };
    let (api_dims, set_api_dims) = signal(None::<(u32, u32)>);
    let (dims, set_dims) = signal(None::<(u32, u32)>);
    let (fitted, set_fitted) = signal(None::<FittedImage>);
    let (problem, set_problem) = signal(None::<String>);
    let original = image.source.clone();
    let original_src: Arc<str> = match &original {
        ImageSource::DataUrl(url) => url.clone(),
        ImageSource::Url(url) => url.as_str().into(),
    };
    let mime = image.mime.clone();
    let target = params.deliver_exact;
    // What the bytes really are, whatever the answer declares.
    let real_mime = match &original {
        ImageSource::DataUrl(url) => url
            .split_once(";base64,")
            .and_then(|(_, b64)| studio_core::api::mime::sniff_base64(b64)),
        ImageSource::Url(_) => None,
    };
    let (requested_size, requested_mime) = (params.size.clone(), params.format_sent().mime());
    let warnings = move || {
        delivery_warnings(
            &requested_size,
            requested_mime,
            answer_size.as_deref(),
            api_dims.get(),
            real_mime,
            lang(),
        )
    };
    let link_note = match &original {
        ImageSource::Url(url) => Some(view! {
            <p class="warning" data-testid="link-only">
                {t(runs::LINK_ONLY)}
                <a href=safe_link(url).map(str::to_string) target="_blank" rel="noopener noreferrer">{t(runs::OPEN_THE_IMAGE)}</a>
                {t(runs::LINKS_EXPIRE)}
            </p>
        }),
        ImageSource::DataUrl(_) => None,
    };
    let fitter = use_app_state().fitter;
    let (source_for_fit, mime_for_fit, blob_for_fit) =
        (original.clone(), mime.clone(), blob.clone());
    let on_load = move |ev: web_sys::Event| {
        let img: web_sys::HtmlImageElement = event_target(&ev);
        let now = (img.natural_width(), img.natural_height());
        set_dims.set(Some(now));
        if fitted.get_untracked().is_some() || api_dims.get_untracked().is_some() {
            return;
        }
        set_api_dims.set(Some(now));
        let Some((w, h)) = target.filter(|t| *t != now) else {
            return;
        };
        match source_for_fit.clone() {
            ImageSource::DataUrl(url) => {
                let (mime, held) = (mime_for_fit.clone(), blob_for_fit.clone());
                spawn_local(async move {
                    match fitter
                        .fit_data_url(&url, held.as_ref(), &mime, w, h, lang())
                        .await
                    {
                        Ok(f) => set_fitted.set(Some(f)),
                        Err(e) => set_problem.set(Some(studio_core::tr!(
                            lang(),
                            runs::FIT_FAILED,
                            w = w,
                            h = h,
                            error = e
                        ))),
                    }
                });
            }
            ImageSource::Url(_) => set_problem.set(Some(studio_core::tr!(
                lang(),
                runs::LINK_NOT_CROPPABLE,
                w = w,
                h = h
            ))),
        }
    };
    let alt = image
        .revised_prompt
        .clone()
        .unwrap_or_else(|| params.prompt.clone());
    let file_name = move || {
        let m = fitted
            .with(|f| f.as_ref().map(|f| f.mime.clone()))
            .unwrap_or_else(|| mime.clone());
        result_file_name(&params.model, &params.prompt, created, index, &m)
    };
    let download = {
        let (original, blob, name) = (original.clone(), blob.clone(), file_name.clone());
        move |_| {
            let outcome = match fitted.get_untracked() {
                Some(f) => f
                    .blob
                    .as_ref()
                    .ok_or_else(|| studio_core::tr!(lang(), runs::FITTED_NOT_HELD).to_string())
                    .and_then(|b| save_blob(b.blob(), &name(), lang())),
                None => save(&original, blob.as_ref(), &name()),
            };
            set_problem.set(
                outcome
                    .err()
                    .map(|e| studio_core::tr!(lang(), runs::DOWNLOAD_FAILED, error = e)),
            );
        }
    };
    let download_original = {
        let (original, blob, name) = (original.clone(), blob.clone(), file_name.clone());
        move |_| {
            let name = name().replacen('.', "_original.", 1);
            set_problem.set(
                save(&original, blob.as_ref(), &name)
                    .err()
                    .map(|e| studio_core::tr!(lang(), runs::DOWNLOAD_FAILED, error = e)),
            );
        }
    };
    view! {
        <figure class="result">
            <button type="button" class="image-button" aria-label=t(runs::OPEN_IN_VIEWER) on:click=open_viewer>
            <img data-testid="result-image" alt=alt
                src=move || fitted.with(|f| f.as_ref().map(|f| Arc::<str>::from(f.data_url.as_str()))).unwrap_or_else(|| original_src.clone())
                data-mime=move || fitted.with(|f| f.as_ref().map(|f| f.mime.clone())).unwrap_or_else(|| image.mime.clone())
                data-width=move || dims.get().map(|d| d.0.to_string())
                data-height=move || dims.get().map(|d| d.1.to_string())
                on:load=on_load
                on:error=move |_| set_problem.set(Some(studio_core::tr!(lang(), runs::CANNOT_DISPLAY).into()))/>
            </button>
            <figcaption>
                <span class="dims">{move || dims.get().map(|(w, h)| format!("{w}×{h}")).unwrap_or_default()}</span>
                <button type="button" data-testid="download" on:click=download><Icon name=IconName::Download/>{t(runs::DOWNLOAD)}</button>
                <Show when=move || fitted.with(Option::is_some)>
                    <button type="button" data-testid="download-original" on:click=download_original.clone()>{t(runs::ORIGINAL)}</button>
                </Show>
            </figcaption>
            {move || fitted.get().map(|f| view! { <p class="hint" data-testid="fit-note">{f.note}</p> })}
            {move || warnings().into_iter().map(|m| view! { <p class="warning" data-testid="delivery-warning">{m}</p> }).collect_view()}
            {link_note}
            {move || problem.get().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
            {image.revised_prompt.map(|p| view! { <p class="revised"><span>{t(runs::REVISED_PROMPT)}</span>{p}</p> })}
        </figure>
    }
}
