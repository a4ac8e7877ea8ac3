use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::api::request::safe_link;
use studio_core::api::response::{ImageOut, ImageSource};
use studio_core::i18n::text::history;

use crate::app::clock::Now;
use crate::app::state::use_app_state;
use crate::web::http::ImagesClient;
use crate::web::time::local_time;
use studio_core::history::record::ImageRecord;
use studio_core::tasks::schedule::expiry_phrase;

/// A history item kept only as a link (its server would not let this page read it): the link,
/// when it expires if known, and "try again" to fetch and store the image after all.
#[component]
pub fn KeptLink(record: ImageRecord, href: String) -> impl IntoView {
    let state = use_app_state();
    let now = expect_context::<Now>().0;
    let (outcome, set_outcome) = signal(None::<Result<String, String>>);
    let (busy, set_busy) = signal(false);
    let expiry = record.link_expires_ms.map(|expires| {
        view! {
            {t(history::EXPIRES_AT)} <time data-testid="history-link-expiry">{move || local_time(expires, crate::app::lang::lang().tag())}</time>
            " (" {move || expiry_phrase(expires, now.get(), lang())} ")"
        }
    });
    let try_again = {
        let (record, href) = (record.clone(), href.clone());
        move |_| {
            let (record, href) = (record.clone(), href.clone());
            set_busy.set(true);
            spawn_local(async move {
                // Result links are on other hosts: no base URL or key is involved.
                let client = ImagesClient::new(record.base_url.clone(), "");
                let Ok(controller) = web_sys::AbortController::new() else {
                    set_busy.set(false);
                    return;
                };
                let result = match client
                    .fetch_result_image(&href, &record.mime, &controller, lang())
                    .await
                {
                    Ok((data_url, mime)) => state
                        .gallery
                        .store_fetched_link(
                            &record,
                            &ImageOut {
                                source: ImageSource::DataUrl(data_url.into()),
                                mime,
                                revised_prompt: None,
                            },
                        )
                        .await
                        .map(|()| history::FETCHED.get(lang()).to_string()),
                    Err(e) => Err(e.message(lang())),
                };
                set_outcome.set(Some(result));
                set_busy.set(false);
            });
        }
    };
    view! {
        <p class="hint" data-testid="history-link">
            <a href=safe_link(&href).map(str::to_string) target="_blank" rel="noopener noreferrer">{t(history::IMAGE_LINK)}</a>
            {expiry}
            " "
            <button type="button" data-testid="history-link-retry" disabled=busy on:click=try_again>
                {t(history::TRY_AGAIN)}
            </button>
        </p>
        {move || outcome.get().map(|r| match r {
            Ok(done) => view! { <p class="hint" role="status">{done}</p> }.into_any(),
            Err(why) => view! { <p class="warning" role="alert">{why}</p> }.into_any(),
        })}
    }
}
