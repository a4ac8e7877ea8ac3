//! runs.

crate::texts! {
}
