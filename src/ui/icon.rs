use leptos::prelude::*;

/// The app's icons, inline SVG in the text colour (no icon font, no requests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconName {
    Download,
    Close,
    Previous,
    Next,
    Up,
    Down,
    /// Points down; turned up by CSS while what it opens is open.
    Chevron,
}

impl IconName {
    /// Path data on a 24 x 24 grid, drawn as 2 px strokes.
    fn path(self) -> &'static str {
        match self {
            IconName::Download => "M12 3v12m0 0l-5-5m5 5l5-5M4 19h16",
            IconName::Close => "M6 6l12 12M18 6L6 18",
            IconName::Previous => "M15 5l-7 7 7 7",
            IconName::Next => "M9 5l7 7-7 7",
            IconName::Up => "M12 19V5m0 0l-6 6m6-6l6 6",
            IconName::Down => "M12 5v14m0 0l-6-6m6 6l6-6",
            IconName::Chevron => "M6 9l6 6 6-6",
        }
    }
}

/// One icon, hidden from assistive technology: the button it sits in carries the words.
#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d=name.path()></path>
        </svg>
    }
}
