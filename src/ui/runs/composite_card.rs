use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::app::composites::{CompositeState, ResultKey};
use crate::app::state::use_app_state;
use crate::web::download::save_blob;
use studio_core::api::response::ImageSource;

/// Beside a masked edit's result: the same result with image 1 kept outside the mask, or why
/// that cannot be done.
#[component]
pub fn CompositeCard(key: ResultKey, file_name: String) -> impl IntoView {
    let composites = use_app_state().composites;
    move || match composites.get(key) {
        None => None,
        Some(CompositeState::Working) => Some(EitherOf3::A(view! {
            <p class="hint" data-testid="composite-working">"Pasting image 1 back outside the mask…"</p>
        })),
        Some(CompositeState::Refused(why)) => Some(EitherOf3::B(view! {
            <p class="warning" data-testid="composite-note">{format!("Image 1 cannot be kept outside the mask: {why}")}</p>
        })),
        Some(CompositeState::Done {
            image,
            width,
            height,
            feather_px,
            painted_share,
            ms,
            save_note,
            blob,
        }) => {
            let ImageSource::DataUrl(src) = image.source.clone() else {
                return None;
            };
            let name = file_name.clone();
            let download = move |_| {
                let result = blob
                    .as_ref()
                    .ok_or_else(|| "the image is not held".to_string())
                    .and_then(|b| save_blob(b.blob(), &name));
                if let Err(e) = result {
                    leptos::logging::warn!("download failed: {e}");
                }
            };
            Some(EitherOf3::C(view! {
                <figure class="result composite">
                    <img data-testid="composite-image" src=src alt="Result with image 1 kept outside the mask"
                        data-width=width data-height=height data-mime=image.mime.clone() data-ms=format!("{ms:.0}")/>
                    <figcaption>
                        {format!("Image 1 kept outside the mask ({:.0}% redrawn, feather {feather_px} px) · {width}x{height} · {ms:.0} ms", painted_share * 100.0)}
                        " "
                        <button type="button" data-testid="composite-download" on:click=download>"Download"</button>
                    </figcaption>
                    {save_note.map(|n| view! { <p class="warning" role="alert">{n}</p> })}
                </figure>
            }))
        }
    }
}
