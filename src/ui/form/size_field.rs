use leptos::prelude::*;

use crate::app::lang::t;
use crate::app::state::use_app_state;
use crate::ui::form::size_feedback::SizeFeedback;
use studio_core::i18n::text::form;
use studio_core::sizes::{
    nearest_ratio, parse, parse_ratio, ratio_tier_size, SizeSpec, Tier, PRESETS, RATIOS,
};

/// Size: a preset, a ratio at a tier, or any `WxH`; all of them write the typed size, which is
/// the one source of truth. `SizeFeedback` says what will be sent, or why it cannot be.
#[component]
pub fn SizeField() -> impl IntoView {
    let fields = use_app_state().form;
    let set_typed = move |text: String| {
        fields.size.set(text);
        fields.size_exact.set(false);
    };
    let apply_ratio = move |ratio: (u32, u32), tier: Tier| {
        fields.size_ratio.set(Some(ratio));
        fields.size_tier.set(tier);
        let (w, h) = ratio_tier_size(ratio, tier);
        set_typed(format!("{w}x{h}"));
    };
    let on_ratio = move |ev| match parse_ratio(&event_target_value(&ev)) {
        Some(ratio) => apply_ratio(ratio, fields.size_tier.get_untracked()),
        None => fields.size_ratio.set(None),
    };
    let on_tier = move |ev| {
        let Some(tier) = Tier::parse(&event_target_value(&ev)) else {
            return;
        };
        // Without a ratio yet, keep the shape of the current size.
        let ratio = fields.size_ratio.get_untracked().unwrap_or_else(|| {
            match parse(&fields.size.get_untracked()) {
                Ok(SizeSpec::Exact { width, height }) => nearest_ratio(width, height),
                _ => (1, 1),
            }
        });
        apply_ratio(ratio, tier);
    };
    let ratio_options = RATIOS.map(|r| {
        let value = format!("{}:{}", r.0, r.1);
        let text = value.clone();
        view! { <option value=value prop:selected=move || fields.size_ratio.get() == Some(r)>{text}</option> }
    });
    view! {
        <fieldset class="size">
            <legend>{t(form::SIZE)}</legend>
            <div class="size-grid">
                <div class="field">
                    <label for="size-preset">{t(form::PRESET)}</label>
                    <select id="size-preset" data-testid="size-preset" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if !value.is_empty() {
                            fields.size_ratio.set(None);
                            set_typed(value);
                        }
                    }>
                        <option value="" prop:selected=move || !PRESETS.iter().any(|p| p.value == fields.size.get())>{t(form::CUSTOM)}</option>
                        {PRESETS.iter().map(|p| view! {
                            <option value=p.value prop:selected=move || fields.size.get() == p.value>{t(p.label)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="size-ratio">{t(form::RATIO)}</label>
                    <select id="size-ratio" data-testid="size-ratio" on:change=on_ratio>
                        <option value="" prop:selected=move || fields.size_ratio.get().is_none()>"—"</option>
                        {ratio_options.into_iter().collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="size-tier">{t(form::TIER)}</label>
                    <select id="size-tier" data-testid="size-tier" on:change=on_tier>
                        {Tier::ALL.map(|t| view! {
                            <option value=t.label() prop:selected=move || fields.size_tier.get() == t>{t.label()}</option>
                        }).into_iter().collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="size-input">{t(form::WIDTH_HEIGHT)}</label>
                    <input id="size-input" data-testid="size-input" type="text" spellcheck="false" autocomplete="off"
                        inputmode="text" placeholder=t(form::SIZE_PLACEHOLDER) aria-describedby="size-feedback"
                        prop:value=move || fields.size.get()
                        on:input=move |ev| {
                            fields.size_ratio.set(None);
                            set_typed(event_target_value(&ev));
                        }/>
                </div>
            </div>
            <SizeFeedback/>
        </fieldset>
    }
}
