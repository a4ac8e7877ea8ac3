use leptos::prelude::*;

use crate::app::lang::lang;
use crate::app::runs::Run;
use crate::ui::runs::missing_images::MissingImages;
use crate::ui::runs::slot_view::SlotView;
use crate::ui::runs::waiting_indicator::WaitingIndicator;
use studio_core::api::request::WireValue;
use studio_core::i18n::text::runs;

/// One run: what was asked, the wait, then each request's images or error.
#[component]
pub fn RunView(run: Run) -> impl IntoView {
    let p = run.params.clone();
    let (prompt, base_url) = (p.prompt.clone(), run.base_url.clone());
    let uploads = run
        .uploads
        .as_ref()
        .map(|u| (u.images.len(), u.mask.is_some()));
    let request_count = run.slots.len();
    let summary = move || {
        let lang = lang();
        let kind = match uploads {
            Some((count, mask)) => {
                let mask = if mask {
                    studio_core::tr!(lang, runs::WITH_MASK)
                } else {
                    ""
                };
                if count == 1 {
                    studio_core::tr!(lang, runs::EDIT_OF_ONE, mask = mask)
                } else {
                    studio_core::tr!(lang, runs::EDIT_OF_N, n = count, mask = mask)
                }
            }
            None => studio_core::tr!(lang, runs::GENERATION).to_string(),
        };
        let requests = match request_count {
            1 => String::new(),
            k => studio_core::tr!(lang, runs::IN_K_REQUESTS, k = k),
        };
        let stream = if p.stream {
            studio_core::tr!(lang, runs::STREAMED, k = p.partial_images)
        } else {
            String::new()
        };
        let cutout = if p.cut_out_locally() {
            studio_core::tr!(lang, runs::CUT_OUT_ON, key = p.key().label(lang))
        } else {
            String::new()
        };
        studio_core::tr!(
            lang,
            runs::RUN_SUMMARY,
            kind = kind,
            model = p.model,
            size = p.size,
            quality = p.quality.as_str(),
            format = p.format_sent().as_str(),
            cutout = cutout,
            n = p.n,
            requests = requests,
            stream = stream
        )
    };
    let pending = {
        let run = run.clone();
        move || run.is_pending()
    };
    let waiting = run.clone();
    let shortfall = run.clone();
    let slots = run
        .slots
        .iter()
        .map(|&slot| view! { <SlotView request=slot run=run.clone()/> })
        .collect_view();
    // A new run is where the eye must go: its progress, images and errors, not the form.
    let node = NodeRef::<leptos::html::Li>::new();
    Effect::new(move || {
        if let Some(li) = node.get() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            li.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    view! {
        <li class="run" node_ref=node>
            <header>
                <p class="run-prompt">{prompt}</p>
                <p class="run-summary">{summary} " → " {base_url}</p>
            </header>
            <Show when=pending.clone()>
                <WaitingIndicator run=waiting.clone()/>
            </Show>
            {slots}
            <MissingImages run=shortfall/>
        </li>
    }
}
