use leptos::prelude::*;

use crate::app::painter::{mask_name, PAINTED_MASK_NAME};
use crate::app::state::use_app_state;
use crate::ui::references::mask_stage::MaskStage;
use crate::ui::references::mask_toolbar::MaskToolbar;

/// Paint the mask over image 1 instead of uploading one: brush, eraser, rectangle, invert,
/// clear, undo/redo, overlay and zoom. The painted area becomes transparent (redraw) in a PNG
/// of image 1's prepared size, handed to the references like an uploaded mask.
#[component]
pub fn MaskPainter() -> impl IntoView {
    let state = use_app_state();
    let painter = state.painter;
    let refs = state.references;
    let has_target = move || painter.target.with(Option::is_some);
    let uploaded_in_use = move || {
        refs.mask
            .with(|m| mask_name(m).is_some_and(|name| name != PAINTED_MASK_NAME))
    };
    let status = move || {
        let share = painter.painted_share.get();
        let size = painter
            .target
            .with(|t| t.as_ref().map(|t| format!("{}x{}", t.width, t.height)))
            .unwrap_or_default();
        if share == 0.0 {
            format!("Mask {size}: nothing painted yet, so no mask is sent. Paint where image 1 should change.")
        } else {
            format!(
                "Mask {size}: {:.1}% painted (transparent: to be redrawn); the rest is kept.",
                share * 100.0
            )
        }
    };
    view! {
        <Show when=has_target fallback=|| view! {
            <p class="hint">"To paint a mask, add a reference image: the mask applies to image 1."</p>
        }>
            <div class="mask-painter" data-testid="mask-painter">
                <button type="button" data-testid="mask-paint-open" aria-expanded=move || painter.open.get().to_string()
                    on:click=move |_| painter.open.update(|o| *o = !*o)>
                    {move || if painter.open.get() { "Close the mask painter" } else { "Paint a mask on image 1" }}
                </button>
                <Show when=move || painter.open.get()>
                    {move || uploaded_in_use().then(|| view! {
                        <p class="hint" data-testid="mask-painter-note">"An uploaded mask is in use: painting replaces it."</p>
                    })}
                    <MaskToolbar/>
                    <MaskStage/>
                    <p class="meta" data-testid="mask-paint-status" data-painted=move || format!("{:.4}", painter.painted_share.get())>
                        {status}
                    </p>
                </Show>
            </div>
        </Show>
    }
}
