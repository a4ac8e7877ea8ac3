use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::{text::references, Text};

use crate::app::painter::Tool;
use crate::app::state::use_app_state;
use studio_core::mask::paint::Op;

/// The painter's tools: brush, eraser, rectangle, brush size, invert, clear, undo, redo,
/// overlay and zoom.
#[component]
pub fn MaskToolbar() -> impl IntoView {
    let painter = use_app_state().painter;
    let tool_button = move |tool: Tool, label: Text, testid: &'static str, key: &'static str| {
        view! {
            <button type="button" data-testid=testid title=move || studio_core::tr!(lang(), references::TOOL_TITLE, label = label.get(lang()), key = key)
                aria-pressed=move || (painter.tool.get() == tool).to_string()
                class=move || if painter.tool.get() == tool { "tool active" } else { "tool" }
                on:click=move |_| painter.tool.set(tool)>{t(label)}</button>
        }
    };
    view! {
        <div class="mask-toolbar" role="toolbar" aria-label=t(references::MASK_TOOLS)>
            {tool_button(Tool::Brush, references::BRUSH, "mask-tool-brush", "B")}
            {tool_button(Tool::Eraser, references::ERASER, "mask-tool-eraser", "E")}
            {tool_button(Tool::Rect, references::RECTANGLE, "mask-tool-rect", "R")}
            <label class="inline">
                {t(references::SIZE)}
                <input type="range" min="2" max="512" step="1" data-testid="mask-brush-size"
                    prop:value=move || painter.brush_px.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                            painter.brush_px.set(v.clamp(2, 512));
                        }
                    }/>
                {move || studio_core::tr!(lang(), references::SIZE_PX, px = painter.brush_px.get())}
            </label>
            <button type="button" data-testid="mask-invert" on:click=move |_| painter.apply(Op::Invert)>{t(references::INVERT)}</button>
            <button type="button" data-testid="mask-clear" on:click=move |_| painter.apply(Op::Clear)>{t(references::CLEAR)}</button>
            <button type="button" data-testid="mask-undo" title=t(references::UNDO_TITLE)
                disabled=move || !painter.can_undo.get() on:click=move |_| painter.undo()>{t(references::UNDO)}</button>
            <button type="button" data-testid="mask-redo" title=t(references::REDO_TITLE)
                disabled=move || !painter.can_redo.get() on:click=move |_| painter.redo()>{t(references::REDO)}</button>
            <label class="inline">
                <input type="checkbox" data-testid="mask-overlay"
                    prop:checked=move || painter.show_overlay.get()
                    on:change=move |ev| painter.show_overlay.set(event_target_checked(&ev))/>
                {t(references::SHOW_PAINTED)}
            </label>
            <label class="inline">
                {t(references::ZOOM)}
                <select data-testid="mask-zoom"
                    prop:value=move || painter.zoom.get().map_or("fit".to_string(), |z| z.to_string())
                    on:change=move |ev| painter.zoom.set(event_target_value(&ev).parse().ok())>
                    <option value="fit">{t(references::FIT)}</option>
                    <option value="25">"25%"</option>
                    <option value="50">"50%"</option>
                    <option value="100">"100%"</option>
                    <option value="200">"200%"</option>
                </select>
            </label>
        </div>
    }
}
