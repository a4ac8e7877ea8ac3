use leptos::html::Ul;
use leptos::prelude::*;

use crate::app::state::use_app_state;
use crate::ui::history::history_item::HistoryItem;
use crate::web::in_view::use_in_view;
use studio_core::history::window::{chunk_range, placeholder_height, CHUNK};

/// A first guess of one item's share of a chunk's height (a ~350 px row of three), until a
/// full chunk has been measured.
const GUESSED_ITEM_HEIGHT: f64 = 120.0;

/// One chunk of the history grid. In a long history it is drawn only while near the screen;
/// away from it, it stands as an empty box of the height it had, so the page keeps its length
/// and the scroll bar tells the truth.
#[component]
pub fn HistoryChunk(
    index: usize,
    selected: RwSignal<Vec<String>>,
    /// A full chunk's height as last measured, shared by every chunk's estimate.
    full_chunk_height: RwSignal<Option<f64>>,
    /// Whether the history is long enough to be drawn near the screen only.
    windowed: Memo<bool>,
) -> impl IntoView {
    let gallery = use_app_state().gallery;
    let items = Memo::new(move |_| {
        gallery
            .items
            .with(|all| all[chunk_range(index, all.len())].to_vec())
    });
    let node = NodeRef::<Ul>::new();
    let seen = use_in_view(node, "150% 0px", index == 0);
    let drawn = Memo::new(move |_| !windowed.get() || seen.near.get());
    // Measured as it leaves: the observer's report was taken while it was still drawn.
    let measured = RwSignal::new(None::<(usize, f64)>);
    Effect::new(move |was_drawn: Option<bool>| {
        let now = drawn.get();
        if was_drawn == Some(true) && !now {
            if let Some(height) = seen.height.get_untracked() {
                let count = items.with_untracked(Vec::len);
                measured.set(Some((count, height)));
                if count == CHUNK {
                    full_chunk_height.set(Some(height));
                }
            }
        }
        now
    });
    let height = move || {
        (!drawn.get()).then(|| {
            let h = placeholder_height(
                items.with(Vec::len),
                measured.get(),
                full_chunk_height.get(),
                GUESSED_ITEM_HEIGHT,
            );
            format!("{h:.0}px")
        })
    };
    view! {
        <ul class="history-list" node_ref=node data-testid="history-chunk"
            data-drawn=move || drawn.get().to_string() style:height=height>
            <Show when=move || drawn.get()>
                <For each=move || items.get() key=|item| item.record.id.clone() let:item>
                    <HistoryItem item selected/>
                </For>
            </Show>
        </ul>
    }
}
