use leptos::prelude::*;

use crate::api::request::ImageParams;
use crate::api::response::{ImageOut, ImageSource};
use crate::browser::download::{click_link, data_url_bytes, save_bytes};
use crate::file_names::result_file_name;
use crate::sizes::{self, SizeSpec};

/// One finished image, its real dimensions, and a download button.
#[component]
pub fn ResultCard(
    image: ImageOut,
    index: usize,
    params: ImageParams,
    created: i64,
) -> impl IntoView {
    let (dims, set_dims) = signal(None::<(u32, u32)>);
    let (problem, set_problem) = signal(None::<String>);
    let file_name = result_file_name(&params.model, &params.prompt, created, index, &image.mime);
    let src = match &image.source {
        ImageSource::DataUrl(url) | ImageSource::Url(url) => url.clone(),
    };
    let alt = image
        .revised_prompt
        .clone()
        .unwrap_or_else(|| params.prompt.clone());
    let requested = sizes::parse(&params.size).ok();
    let mismatch = move || {
        let (w, h) = dims.get()?;
        match requested {
            Some(SizeSpec::Exact { width, height }) if (width, height) != (w, h) => Some(format!(
                "The endpoint returned {w}x{h}, not the {width}x{height} that was asked for."
            )),
            _ => None,
        }
    };
    let source = image.source.clone();
    let mime = image.mime.clone();
    let name = file_name.clone();
    let download = move |_| {
        let outcome = match &source {
            ImageSource::DataUrl(url) => {
                data_url_bytes(url).and_then(|bytes| save_bytes(&bytes, &mime, &name))
            }
            ImageSource::Url(url) => click_link(url, &name),
        };
        set_problem.set(outcome.err().map(|e| format!("Download failed: {e}")));
    };
    view! {
        <figure class="result">
            <img data-testid="result-image" src=src alt=alt data-mime=image.mime.clone()
                data-width=move || dims.get().map(|d| d.0.to_string())
                data-height=move || dims.get().map(|d| d.1.to_string())
                on:load=move |ev| {
                    let img: web_sys::HtmlImageElement = event_target(&ev);
                    set_dims.set(Some((img.natural_width(), img.natural_height())));
                }
                on:error=move |_| set_problem.set(Some("The browser could not display this image.".into()))/>
            <figcaption>
                <span class="dims">
                    {move || dims.get().map(|(w, h)| format!("{w}×{h}")).unwrap_or_default()}
                    " " {image.mime.clone()}
                </span>
                <button type="button" data-testid="download" title=file_name on:click=download>"Download"</button>
            </figcaption>
            {move || mismatch().map(|m| view! { <p class="warning">{m}</p> })}
            {move || problem.get().map(|m| view! { <p class="warning" role="alert">{m}</p> })}
            {image.revised_prompt.map(|p| view! { <p class="revised"><span>"Revised prompt: "</span>{p}</p> })}
        </figure>
    }
}
