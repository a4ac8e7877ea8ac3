use leptos::prelude::*;

use crate::app::painter::Tool;
use crate::app::state::use_app_state;
use studio_core::mask::paint::Op;

/// The painter's tools: brush, eraser, rectangle, brush size, invert, clear, undo, redo,
/// overlay and zoom.
#[component]
pub fn MaskToolbar() -> impl IntoView {
    let painter = use_app_state().painter;
    let tool_button =
        move |tool: Tool, label: &'static str, testid: &'static str, key: &'static str| {
            view! {
                <button type="button" data-testid=testid title=format!("{label} ({key})")
                    aria-pressed=move || (painter.tool.get() == tool).to_string()
                    class=move || if painter.tool.get() == tool { "tool active" } else { "tool" }
                    on:click=move |_| painter.tool.set(tool)>{label}</button>
            }
        };
    view! {
        <div class="mask-toolbar" role="toolbar" aria-label="Mask tools">
            {tool_button(Tool::Brush, "Brush", "mask-tool-brush", "B")}
            {tool_button(Tool::Eraser, "Eraser", "mask-tool-eraser", "E")}
            {tool_button(Tool::Rect, "Rectangle", "mask-tool-rect", "R")}
            <label class="inline">
                "Size "
                <input type="range" min="2" max="512" step="1" data-testid="mask-brush-size"
                    prop:value=move || painter.brush_px.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                            painter.brush_px.set(v.clamp(2, 512));
                        }
                    }/>
                {move || format!(" {} px", painter.brush_px.get())}
            </label>
            <button type="button" data-testid="mask-invert" on:click=move |_| painter.apply(Op::Invert)>"Invert"</button>
            <button type="button" data-testid="mask-clear" on:click=move |_| painter.apply(Op::Clear)>"Clear"</button>
            <button type="button" data-testid="mask-undo" title="Undo (Ctrl+Z)"
                disabled=move || !painter.can_undo.get() on:click=move |_| painter.undo()>"Undo"</button>
            <button type="button" data-testid="mask-redo" title="Redo (Ctrl+Shift+Z)"
                disabled=move || !painter.can_redo.get() on:click=move |_| painter.redo()>"Redo"</button>
            <label class="inline">
                <input type="checkbox" data-testid="mask-overlay"
                    prop:checked=move || painter.show_overlay.get()
                    on:change=move |ev| painter.show_overlay.set(event_target_checked(&ev))/>
                " Show painted area"
            </label>
            <label class="inline">
                "Zoom "
                <select data-testid="mask-zoom"
                    prop:value=move || painter.zoom.get().map_or("fit".to_string(), |z| z.to_string())
                    on:change=move |ev| painter.zoom.set(event_target_value(&ev).parse().ok())>
                    <option value="fit">"Fit"</option>
                    <option value="25">"25%"</option>
                    <option value="50">"50%"</option>
                    <option value="100">"100%"</option>
                    <option value="200">"200%"</option>
                </select>
            </label>
        </div>
    }
}
