use leptos::prelude::*;

use crate::app::runs::Run;
use crate::ui::runs::missing_images::MissingImages;
use crate::ui::runs::slot_view::SlotView;
use crate::ui::runs::waiting_indicator::WaitingIndicator;
use studio_core::api::request::WireValue;

/// One run: what was asked, the wait, then each request's images or error.
#[component]
pub fn RunView(run: Run) -> impl IntoView {
    let p = run.params.clone();
    let kind = match &run.uploads {
        Some(u) => format!(
            "edit of {} reference{}{}",
            u.images.len(),
            if u.images.len() == 1 { "" } else { "s" },
            if u.mask.is_some() { " with mask" } else { "" }
        ),
        None => "generation".to_string(),
    };
    let requests = match run.slots.len() {
        1 => String::new(),
        k => format!(" in {k} requests"),
    };
    let stream = if p.stream {
        format!(" · streamed, {} partial", p.partial_images)
    } else {
        String::new()
    };
    let summary = format!(
        "{kind} · {} · {} · {} quality · {}{} · n={}{requests}{stream}",
        p.model,
        p.size,
        p.quality.as_str(),
        p.format_sent().as_str(),
        if p.cut_out_locally() {
            format!(" on flat {}, cut out here", p.key().name())
        } else {
            String::new()
        },
        p.n
    );
    let (prompt, base_url) = (p.prompt.clone(), run.base_url.clone());
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
