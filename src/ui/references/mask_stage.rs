use crate::app::lang::t;
use leptos::html::Canvas;
use leptos::prelude::*;
use studio_core::i18n::text::references;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, PointerEvent};

use crate::app::painter::Tool;
use crate::app::state::use_app_state;
use crate::web::mask_canvas::draw_overlay;
use studio_core::mask::paint::Point;

/// Image 1 with the painted overlay on top; pointer events (mouse, touch, pen) paint on it.
#[component]
pub fn MaskStage() -> impl IntoView {
    let painter = use_app_state().painter;
    let canvas_ref = NodeRef::<Canvas>::new();
    let rect_outline = RwSignal::new(None::<(Point, Point)>);
    let drawing = RwSignal::new(None::<i32>);

    Effect::new(move |_| {
        painter.redraw.track();
        if let Some(canvas) = canvas_ref.get() {
            let dirty = painter.take_dirty();
            painter.with_coverage(|c| draw_overlay(&canvas, c, dirty));
        }
    });

    // Where the pointer is, relative to image 1 (0..1 across the displayed canvas).
    let at = move |ev: &PointerEvent| -> Option<Point> {
        let canvas = canvas_ref.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        (rect.width() > 0.0 && rect.height() > 0.0).then(|| Point {
            x: (f64::from(ev.client_x()) - rect.left()) / rect.width(),
            y: (f64::from(ev.client_y()) - rect.top()) / rect.height(),
        })
    };
    let down = move |ev: PointerEvent| {
        // Mouse: the main button only; touch and pen report button 0 too.
        if ev.button() != 0 || drawing.get_untracked().is_some() {
            return;
        }
        ev.prevent_default();
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_pointer_capture(ev.pointer_id());
            let _ = canvas.focus();
        }
        if let Some(p) = at(&ev) {
            drawing.set(Some(ev.pointer_id()));
            painter.begin(p);
            if painter.tool.get_untracked() == Tool::Rect {
                rect_outline.set(Some((p, p)));
            }
        }
    };
    let moved = move |ev: PointerEvent| {
        if drawing.get_untracked() != Some(ev.pointer_id()) {
            return;
        }
        // Pens and fast mice deliver several positions per frame: use them all.
        let events = ev.get_coalesced_events();
        let list: Vec<PointerEvent> = if events.length() > 0 {
            events.iter().map(|e| e.unchecked_into()).collect()
        } else {
            vec![ev]
        };
        for e in &list {
            if let Some(p) = at(e) {
                painter.extend(p);
            }
        }
        rect_outline.set(painter.live_rect());
    };
    let up = move |ev: PointerEvent| {
        if drawing.get_untracked() == Some(ev.pointer_id()) {
            drawing.set(None);
            rect_outline.set(None);
            painter.end();
        }
    };
    let keys = move |ev: KeyboardEvent| {
        let command = ev.ctrl_key() || ev.meta_key();
        match (command, ev.key().as_str()) {
            (true, "z" | "Z") if ev.shift_key() => painter.redo(),
            (true, "z") => painter.undo(),
            (true, "y") => painter.redo(),
            (false, "b") => painter.tool.set(Tool::Brush),
            (false, "e") => painter.tool.set(Tool::Eraser),
            (false, "r") => painter.tool.set(Tool::Rect),
            (false, "[") => painter.brush_px.update(|s| *s = (*s * 4 / 5).max(2)),
            (false, "]") => painter.brush_px.update(|s| *s = (*s * 5 / 4 + 1).min(512)),
            _ => return,
        }
        ev.prevent_default();
    };
    // Sizes go through the CSSOM (`style:`), which the page's CSP allows; style attributes
    // it does not.
    let dims = move || {
        painter
            .target
            .with(|t| t.as_ref().map_or((1, 1), |t| (t.width, t.height)))
    };
    let stage_width = move || {
        let (w, h) = dims();
        match painter.zoom.get() {
            // Zoom to fit: as wide as the panel, and no taller than most of the window.
            None => format!("min(100%, calc(70vh * {w} / {h}))"),
            Some(percent) => format!("{}px", u64::from(w) * u64::from(percent) / 100),
        }
    };
    let aspect = move || {
        let (w, h) = dims();
        format!("{w} / {h}")
    };
    let outline = move |f: fn(Point, Point) -> f64| {
        move || {
            rect_outline
                .get()
                .map(|(a, b)| format!("{:.3}%", f(a, b) * 100.0))
        }
    };
    let src = move || {
        painter
            .target
            .with(|t| t.as_ref().map(|t| t.thumb_url.clone()))
    };
    view! {
        <div class="mask-viewport">
            <div class="mask-stage" style:width=stage_width style:aspect-ratio=aspect>
                <img src=src alt=t(references::IMAGE_1) draggable="false"/>
                <canvas node_ref=canvas_ref data-testid="mask-canvas" tabindex="0"
                    aria-label=t(references::CANVAS_LABEL)
                    class=move || if painter.show_overlay.get() { "mask-overlay" } else { "mask-overlay hidden" }
                    on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up
                    on:keydown=keys/>
                <div class="mask-rect" class:hidden=move || rect_outline.with(Option::is_none)
                    style:left=outline(|a, b| a.x.min(b.x)) style:top=outline(|a, b| a.y.min(b.y))
                    style:width=outline(|a, b| (a.x - b.x).abs()) style:height=outline(|a, b| (a.y - b.y).abs())></div>
            </div>
        </div>
    }
}
