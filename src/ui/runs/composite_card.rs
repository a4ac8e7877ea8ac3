use crate::app::lang::{lang, t};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use studio_core::i18n::text::references;

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
            <p class="hint" data-testid="composite-working">{t(match made {
                Made::KeptOutside { .. } => references::PASTING_BACK,
                Made::CutOut { .. } => references::CUTTING_OUT,
            })}</p>
        })),
        Some(CompositeState::Refused(made, why)) => Some(EitherOf3::B(view! {
            <p class="warning" data-testid="composite-note">{move || studio_core::tr!(lang(), match made {
                Made::KeptOutside { .. } => references::KEEP_OUTSIDE_REFUSED,
                Made::CutOut { .. } => references::NO_CUTOUT,
            }, why = why)}</p>
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
                    .ok_or_else(|| references::IMAGE_NOT_HELD.get(lang()).to_string())
                    .and_then(|b| save_blob(b.blob(), &name, lang()));
                if let Err(e) = result {
                    leptos::logging::warn!("download failed: {e}");
                }
            };
            let picture = match made {
                Made::KeptOutside {
                    feather_px,
                    painted_share,
                } => Either::Left(view! {
                    <img data-testid="composite-image" src=src alt=t(references::KEPT_OUTSIDE_ALT)
                        data-width=width data-height=height data-mime=mime data-ms=format!("{ms:.0}")/>
                    <figcaption>
                        {move || studio_core::tr!(lang(), references::KEPT_OUTSIDE_CAPTION, share = format!("{:.0}", painted_share * 100.0), feather = feather_px, width = width, height = height, ms = format!("{ms:.0}"))}
                        " "
                        <button type="button" data-testid="composite-download" on:click=download><Icon name=IconName::Download/>{t(references::DOWNLOAD)}</button>
                    </figcaption>
                }),
                Made::CutOut {
                    key,
                    transparent_share,
                } => Either::Right(view! {
                    <div class="checkerboard">
                        <img data-testid="cutout-image" src=src alt=t(references::CUTOUT_ALT)
                            data-width=width data-height=height data-mime=mime
                            data-alpha=format!("{transparent_share:.4}") data-ms=format!("{ms:.0}")/>
                    </div>
                    <figcaption>
                        {move || studio_core::tr!(lang(), references::CUTOUT_CAPTION, key = key.label(lang()), share = format!("{:.0}", transparent_share * 100.0), width = width, height = height, ms = format!("{ms:.0}"))}
                        " "
                        <button type="button" data-testid="cutout-download" on:click=download><Icon name=IconName::Download/>{t(references::DOWNLOAD_CUTOUT)}</button>
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
