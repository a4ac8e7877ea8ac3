use crate::app::lang::{lang, t};
use leptos::prelude::*;
use studio_core::i18n::text::references;

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
            studio_core::tr!(lang(), references::NOTHING_PAINTED, size = size)
        } else {
            studio_core::tr!(
                lang(),
                references::PAINTED_SHARE,
                size = size,
                share = format!("{:.1}", share * 100.0)
            )
        }
    };
    view! {
        <Show when=has_target fallback=|| view! {
            <p class="hint">{t(references::PAINT_NEEDS_IMAGE)}</p>
        }>
            <div class="mask-painter" data-testid="mask-painter">
                <button type="button" data-testid="mask-paint-open" aria-expanded=move || painter.open.get().to_string()
                    on:click=move |_| painter.open.update(|o| *o = !*o)>
                    {move || if painter.open.get() { references::CLOSE_PAINTER.get(lang()) } else { references::OPEN_PAINTER.get(lang()) }}
                </button>
                <Show when=move || painter.open.get()>
                    {move || uploaded_in_use().then(|| view! {
                        <p class="hint" data-testid="mask-painter-note">{t(references::UPLOADED_IN_USE)}</p>
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
