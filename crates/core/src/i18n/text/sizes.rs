//! sizes.

crate::texts! {
}
