use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use crate::app::composites::{CompositeState, Made, ResultKey};
use crate::app::state::use_app_state;
use crate::ui::icon::{Icon, IconName};
use crate::web::download::save_blob;
use studio_core::api::response::ImageSource;

/// Beside a result: what was made here from it (image 1 kept outside the mask, or the
/// cut-out of a `transparent-local` request), or why that could not be done.
#[component]
pub fn CompositeCard(key: ResultKey, file_name: String) -> impl IntoView {
    let composites = use_app_state().composites;
    move || match composites.get(key) {
        None => None,
        Some(CompositeState::Working(made)) => Some(EitherOf3::A(view! {
            <p class="hint" data-testid="composite-working">{match made {
                Made::KeptOutside { .. } => "Pasting image 1 back outside the mask…",
                Made::CutOut { .. } => "Cutting the subject out of its backdrop…",
            }}</p>
        })),
        Some(CompositeState::Refused(made, why)) => Some(EitherOf3::B(view! {
            <p class="warning" data-testid="composite-note">{match made {
                Made::KeptOutside { .. } => format!("Image 1 cannot be kept outside the mask: {why}"),
                Made::CutOut { .. } => format!("No cut-out: {why}. The image as made is kept."),
            }}</p>
        })),
        Some(CompositeState::Done {
            image,
            width,
            height,
            made,
            ms,
            save_note,
            blob,
        }) => {
            let ImageSource::DataUrl(src) = image.source.clone() else {
                return None;
            };
            let mime = image.mime.clone();
            let name = match made {
                Made::KeptOutside { .. } => file_name.clone(),
                Made::CutOut { .. } => {
                    studio_core::file_names::derived_file_name(&file_name, "cutout", &mime)
                }
            };
            let download = move |_| {
                let result = blob
                    .as_ref()
                    .ok_or_else(|| "the image is not held".to_string())
                    .and_then(|b| save_blob(b.blob(), &name));
                if let Err(e) = result {
                    leptos::logging::warn!("download failed: {e}");
                }
            };
            let picture = match made {
                Made::KeptOutside {
                    feather_px,
                    painted_share,
                } => Either::Left(view! {
                    <img data-testid="composite-image" src=src alt="Result with image 1 kept outside the mask"
                        data-width=width data-height=height data-mime=mime data-ms=format!("{ms:.0}")/>
                    <figcaption>
                        {format!("Image 1 kept outside the mask ({:.0}% redrawn, feather {feather_px} px) · {width}x{height} · {ms:.0} ms", painted_share * 100.0)}
                        " "
                        <button type="button" data-testid="composite-download" on:click=download><Icon name=IconName::Download/>"Download"</button>
                    </figcaption>
                }),
                Made::CutOut {
                    key,
                    transparent_share,
                } => Either::Right(view! {
                    <div class="checkerboard">
                        <img data-testid="cutout-image" src=src alt="The subject cut out, on a checkerboard where it is transparent"
                            data-width=width data-height=height data-mime=mime
                            data-alpha=format!("{transparent_share:.4}") data-ms=format!("{ms:.0}")/>
                    </div>
                    <figcaption>
                        {format!("Cut out in the browser from the {} backdrop: {:.0}% transparent · {width}x{height} · {ms:.0} ms", key.name(), transparent_share * 100.0)}
                        " "
                        <button type="button" data-testid="cutout-download" on:click=download><Icon name=IconName::Download/>"Download cut-out"</button>
                    </figcaption>
                }),
            };
            Some(EitherOf3::C(view! {
                <figure class="result composite">
                    {picture}
                    {save_note.map(|n| view! { <p class="warning" role="alert">{n}</p> })}
                </figure>
            }))
        }
    }
}
