//! A long history is drawn in chunks, and only the chunks near the screen are on the page:
//! the rest stand as empty boxes of the height they had (or would have).

use std::ops::Range;

/// Items per chunk: a multiple of every column count the grid takes (1 to 6), so each chunk
/// fills its rows and the chunks read as one grid.
pub const CHUNK: usize = 60;

/// Up to this many items everything is drawn; beyond it only the chunks near the screen.
pub const DRAW_ALL_UP_TO: usize = 100;

/// Whether a history of `total` items is drawn in windows.
pub fn windowed(total: usize) -> bool {
    total > DRAW_ALL_UP_TO
}

/// How many chunks hold `total` items.
pub fn chunk_count(total: usize) -> usize {
    total.div_ceil(CHUNK)
}

/// The items of chunk `index` among `total` (empty past the end).
pub fn chunk_range(index: usize, total: usize) -> Range<usize> {
    let start = (index * CHUNK).min(total);
    start..(start + CHUNK).min(total)
}

/// The height an undrawn chunk of `items` stands for: its own last measured height when it
/// had as many items then, else a full chunk's measured height in proportion, else
/// `item_height` per item (a first guess before anything was measured).
pub fn placeholder_height(
    items: usize,
    measured: Option<(usize, f64)>,
    full_chunk_height: Option<f64>,
    item_height: f64,
) -> f64 {
    match (measured, full_chunk_height) {
        (Some((count, height)), _) if count == items => height,
        (_, Some(full)) => full * items as f64 / CHUNK as f64,
        _ => items as f64 * item_height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_short_history_is_drawn_whole() {
        assert!(!windowed(0));
        assert!(!windowed(100));
        assert!(windowed(101));
    }

    #[test]
    fn an_undrawn_chunk_keeps_the_height_it_had() {
        assert_eq!(
            placeholder_height(60, Some((60, 4321.0)), Some(4000.0), 100.0),
            4321.0
        );
        // A chunk that changed size since it was measured falls back to a full one's.
        assert_eq!(
            placeholder_height(30, Some((60, 4321.0)), Some(4500.0), 100.0),
            2250.0
        );
        assert_eq!(placeholder_height(10, None, None, 120.0), 1200.0);
        assert_eq!(placeholder_height(0, None, None, 120.0), 0.0);
    }

    proptest! {
        #[test]
        fn chunks_cover_every_item_once_in_order(total in 0usize..5000) {
            let mut next = 0;
            for index in 0..chunk_count(total) {
                let range = chunk_range(index, total);
                prop_assert_eq!(range.start, next);
                prop_assert!(!range.is_empty() && range.len() <= CHUNK);
                next = range.end;
            }
            prop_assert_eq!(next, total);
            prop_assert!(chunk_range(chunk_count(total), total).is_empty());
        }

        #[test]
        fn every_column_count_fills_a_chunk_s_rows(columns in 1usize..=6) {
            prop_assert_eq!(CHUNK % columns, 0);
        }

        #[test]
        fn placeholders_grow_with_their_items(a in 0usize..=60, b in 0usize..=60, full in 100.0f64..9000.0) {
            let (small, large) = (a.min(b), a.max(b));
            prop_assert!(placeholder_height(small, None, Some(full), 120.0) <= placeholder_height(large, None, Some(full), 120.0));
            prop_assert!((placeholder_height(CHUNK, None, Some(full), 120.0) - full).abs() < 1e-9);
        }
    }
}
