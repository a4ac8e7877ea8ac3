use leptos::either::EitherOf5;
use leptos::prelude::*;

use crate::app::clock::Now;
use crate::app::generate::retry;
use crate::app::lang::{lang, t};
use crate::app::runs::Run;
use crate::app::runs::Slot;
use crate::app::runs::SlotStatus;
use crate::app::state::use_app_state;
use crate::ui::runs::answer_facts::describe;
use crate::ui::runs::attempt_list::AttemptList;
use crate::ui::runs::composite_card::CompositeCard;
use crate::ui::runs::cutout_offer::CutoutOffer;
use crate::ui::runs::pixel_checks::PixelChecks;
use crate::ui::runs::result_card::ResultCard;
use crate::ui::runs::task_progress_view::TaskProgressView;
use crate::web::http::Generated;
use studio_core::api::request::{Background, ImageParams};
use studio_core::api::response::ImageSource;
use studio_core::api::retry::format_wait;
use studio_core::file_names::result_file_name;
use studio_core::i18n::text::runs;

/// One request of a run: its preview while streaming, its retry wait, then its images or
/// its error with a Retry button.
#[component]
pub fn SlotView(request: Slot, run: Run) -> impl IntoView {
    let slot = request;
    let state = use_app_state();
    let now = expect_context::<Now>().0;
    let request_index = run
        .slots
        .iter()
        .position(|s| s.status == slot.status)
        .unwrap_or(0);
    let partial = move || {
        slot.partial.get().map(|image| {
            let src: std::sync::Arc<str> = match image.source {
                ImageSource::DataUrl(src) => src,
                ImageSource::Url(src) => src.into(),
            };
            view! {
                <figure class="partial">
                    <img data-testid="partial-image" alt=t(runs::PARTIAL_PREVIEW) src=src/>
                    <figcaption>{t(runs::PREVIEW_CAPTION)}</figcaption>
                </figure>
            }
        })
    };
    let body = move || match slot.status.get() {
        SlotStatus::Queued => EitherOf5::A(view! {
            <p class="hint">{t(runs::QUEUED)}</p>
        }),
        SlotStatus::Sending { attempt, of } => EitherOf5::B(view! {
            {(attempt > 1).then(|| view! { <p class="hint" data-testid="retry-status">{move || studio_core::tr!(lang(), runs::ATTEMPT_SENT, attempt = attempt, of = of)}</p> })}
            {partial}
        }),
        SlotStatus::Backoff {
            attempt,
            of,
            until_ms,
            reason,
        } => EitherOf5::C(view! {
            <p class="warning" data-testid="retry-status">
                {reason} " "
                {move || studio_core::tr!(lang(), runs::RETRYING_IN,
                    wait = format_wait(((until_ms - now.get()).max(0.0) / 1000.0).ceil() as u64 * 1000), attempt = attempt + 1, of = of)}
            </p>
        }),
        SlotStatus::Done(generated) => EitherOf5::D(view! {
            {done_view(generated, &run, request_index)}
            {move || slot.save_note.get().map(|note| view! { <p class="warning" role="alert" data-testid="save-error">{note}</p> })}
        }),
        SlotStatus::Failed(failure) => {
            let raw_details = failure.error.details();
            let params = ImageParams {
                n: slot.n,
                ..run.params.clone()
            };
            let uploads = run.uploads.as_deref().cloned();
            let failed_run = run.clone();
            let about_prompt = failure.concerns_the_prompt();
            let offer_cutout = (failure.refuses_transparency()
                && params.background == Background::Transparent)
                .then(|| view! { <CutoutOffer run=run.clone() params=params.clone() uploads=uploads.clone()/> });
            let label = if failure.retry_may_bill() {
                runs::RETRY_MAY_BILL
            } else if about_prompt {
                runs::RETRY_AS_IT_WAS
            } else {
                runs::RETRY
            };
            // The prompt as the form holds it now, with everything else as this request had it.
            let edited = {
                let (run, params, uploads) = (run.clone(), params.clone(), uploads.clone());
                move |_| {
                    let prompt = state.form.prompt.get_untracked();
                    let params = ImageParams {
                        prompt,
                        ..params.clone()
                    };
                    retry(state, &run, params, uploads.clone())
                }
            };
            let unchanged = {
                let asked = params.prompt.clone();
                move || state.form.prompt.with(|p| p.trim() == asked.trim())
            };
            EitherOf5::E(view! {
                <div class="error" role="alert">
                    <p data-testid="error-message">{move || failure.message(crate::app::lang::lang())}</p>
                    {raw_details.map(|raw| view! {
                        <details class="raw" data-testid="error-details"><summary>{t(runs::DETAILS)}</summary><pre>{raw}</pre></details>
                    })}
                    <button type="button" data-testid="retry"
                        on:click=move |_| retry(state, &failed_run, params.clone(), uploads.clone())>{t(label)}</button>
                    {offer_cutout}
                    {about_prompt.then(|| view! {
                        <button type="button" data-testid="edit-and-send" prop:disabled=unchanged.clone()
                            on:click=edited.clone()>{t(runs::EDIT_AND_SEND)}</button>
                        <Show when=unchanged.clone()>
                            <p class="hint">{t(runs::REWORD_PROMPT)}</p>
                        </Show>
                    })}
                </div>
            })
        }
    };
    view! { <div class="slot"><TaskProgressView request=slot/>{body}<AttemptList request=slot/></div> }
}

fn done_view(generated: Generated, run: &Run, request: usize) -> impl IntoView {
    let created = generated
        .answer
        .created
        .unwrap_or_else(|| (run.started_ms / 1000.0) as i64);
    let priced_as = use_app_state()
        .settings
        .model_info_in(Some(&run.profile_id), &run.params.model);
    let meta = describe(&generated, &priced_as);
    let answer_size = generated.answer.size.clone();
    let cards = generated
        .answer
        .images
        .clone()
        .into_iter()
        .enumerate()
        .map(|(index, image)| {
            let kept_name = result_file_name(
                &run.params.model,
                &format!("{} kept", run.params.prompt),
                created,
                index,
                &image.mime,
            );
            view! {
                <ResultCard image=image.clone() blob=generated.blob(index).cloned() index params=run.params.clone() created answer_size=answer_size.clone()
                    view_key=crate::app::viewer::result_key(run.id, request, index)/>
                <PixelChecks key=(run.id, request, index) run=run.clone() image blob=generated.blob(index).cloned()/>
                <CompositeCard key=(run.id, request, index) file_name=kept_name/>
            }
        })
        .collect_view();
    view! {
        <div class="images">{cards}</div>
        <p class="meta" data-testid="result-meta">{meta}</p>
    }
}
