use crate::app::lang::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use studio_core::i18n::text::viewer;

use crate::app::state::use_app_state;
use crate::app::viewer::{ViewEntry, ViewImage};
use crate::web::download::bytes_blob;

/// How the image is scaled: to fit the stage, or a factor of its own pixels (1.0 = 100%).
#[derive(Clone, Copy, PartialEq)]
pub enum Zoom {
    Fit,
    Scale(f64),
}

/// An object URL that is revoked when it is replaced or its owner goes.
fn owned_url() -> (ReadSignal<Option<String>>, impl Fn(Option<String>) + Copy) {
    let (url, set_url) = signal(None::<String>);
    let replace = move |next: Option<String>| {
        if let Some(old) = url.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        set_url.set(next);
    };
    on_cleanup(move || {
        if let Some(old) = url.try_get_untracked().flatten() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    (url, replace)
}

/// The shown image: fit or zoomed (buttons, wheel, pinch), panned by dragging; for an edit, a
/// before/after slider against image 1.
#[component]
pub fn ViewerStage(entry: Memo<Option<ViewEntry>>, zoom: RwSignal<Zoom>) -> impl IntoView {
    let gallery = use_app_state().gallery;
    let (src, set_src) = owned_url();
    let (shown, set_shown) = signal(None::<String>);
    let (before, set_before) = owned_url();
    let (problem, set_problem) = signal(None::<String>);
    let pan = RwSignal::new((0.0f64, 0.0f64));
    let natural = RwSignal::new(None::<(u32, u32)>);
    let compare = RwSignal::new(50.0f64);
    // Loads the entry's pixels: a stored item from IndexedDB, a fresh one as it is shown.
    Effect::new(move |_| {
        let Some(entry) = entry.get() else { return };
        set_problem.set(None);
        natural.set(None);
        pan.set((0.0, 0.0));
        set_src(None);
        match entry.image {
            ViewImage::Shown(url) => set_shown.set(Some(url.to_string())),
            ViewImage::Stored(record) => {
                set_shown.set(None);
                spawn_local(async move {
                    match gallery.image(&record.id).await {
                        Ok(Some(blob)) => {
                            set_src(web_sys::Url::create_object_url_with_blob(&blob).ok())
                        }
                        Ok(None) => {
                            set_problem.set(Some(viewer::ONLY_LINK_KEPT.get(lang()).into()))
                        }
                        Err(e) => set_problem.set(Some(studio_core::tr!(
                            lang(),
                            viewer::COULD_NOT_READ,
                            e = e
                        ))),
                    }
                });
            }
        }
        set_before(entry.before.as_ref().and_then(|u| {
            let blob = bytes_blob(&u.bytes, &u.content_type).ok()?;
            web_sys::Url::create_object_url_with_blob(&blob).ok()
        }));
    });
    let image_src = move || shown.get().or_else(|| src.get());
    // Sizes go through the CSSOM (`style:`), which the strict CSP allows; a style attribute
    // would be refused.
    let scaled = move |pick: fn(f64, f64, (f64, f64)) -> String| {
        move || match (zoom.get(), natural.get()) {
            (Zoom::Scale(s), Some((w, h))) => pick(w as f64 * s, h as f64 * s, pan.get()),
            _ => String::new(),
        }
    };
    let width = scaled(|w, _, _| format!("{w}px"));
    let height = scaled(|_, h, _| format!("{h}px"));
    let unbounded = scaled(|_, _, _| "none".into());
    let translate = scaled(|_, _, (x, y)| format!("translate({x}px, {y}px)"));
    // Pointers down on the stage: one drags, two pinch.
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let on_down = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64))
        });
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let before = pointers.get_value();
        let Some(&(_, px, py)) = before.iter().find(|p| p.0 == id) else {
            return;
        };
        pointers.update_value(|p| {
            if let Some(e) = p.iter_mut().find(|e| e.0 == id) {
                *e = (id, x, y)
            }
        });
        match before.len() {
            1 => {
                if matches!(zoom.get_untracked(), Zoom::Scale(_)) {
                    pan.update(|(a, b)| {
                        *a += x - px;
                        *b += y - py;
                    });
                }
            }
            2 => {
                let other = before
                    .iter()
                    .find(|p| p.0 != id)
                    .copied()
                    .unwrap_or((0, x, y));
                let was = ((px - other.1).powi(2) + (py - other.2).powi(2)).sqrt();
                let now = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt();
                if was > 0.0 {
                    zoom_by(zoom, natural, now / was);
                }
            }
            _ => {}
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|e| e.0 != ev.pointer_id()))
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        zoom_by(zoom, natural, if ev.delta_y() < 0.0 { 1.25 } else { 0.8 });
    };
    view! {
        <div class="viewer-stage" class:zoomed=move || matches!(zoom.get(), Zoom::Scale(_))
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
            on:wheel=on_wheel>
            {move || before.get().map(|b| view! {
                <img class="viewer-before" alt=t(viewer::BEFORE_EDIT) src=b
                    style:width=width style:height=height style:max-width=unbounded style:max-height=unbounded style:transform=translate/>
            })}
            {move || image_src().map(|s| view! {
                <img class="viewer-image" data-testid="viewer-image" alt=move || entry.with(|e| e.as_ref().map(|e| e.params.prompt.clone()).unwrap_or_default())
                    src=s style:width=width style:height=height style:max-width=unbounded style:max-height=unbounded style:transform=translate
                    style:clip-path=move || if before.get().is_some() { format!("inset(0 0 0 {}%)", compare.get()) } else { String::new() }
                    data-width=move || natural.get().map(|d| d.0) data-height=move || natural.get().map(|d| d.1)
                    on:load=move |ev| {
                        let img: web_sys::HtmlImageElement = event_target(&ev);
                        natural.set(Some((img.natural_width(), img.natural_height())));
                    }/>
            })}
            {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
        </div>
        <Show when=move || before.get().is_some()>
            <label class="viewer-compare">
                {t(viewer::BEFORE_AFTER)}
                <input type="range" min="0" max="100" step="1" data-testid="compare" aria-label=t(viewer::COMPARE)
                    prop:value=move || compare.get().to_string()
                    on:input=move |ev| compare.set(event_target_value(&ev).parse().unwrap_or(50.0))/>
            </label>
        </Show>
    }
}

/// Multiplies the zoom by `factor` (from fit, starting at the fitted scale's nearest step).
fn zoom_by(zoom: RwSignal<Zoom>, natural: RwSignal<Option<(u32, u32)>>, factor: f64) {
    if natural.get_untracked().is_none() {
        return;
    }
    let current = match zoom.get_untracked() {
        Zoom::Scale(s) => s,
        Zoom::Fit => 0.5,
    };
    zoom.set(Zoom::Scale((current * factor).clamp(0.05, 8.0)));
}
