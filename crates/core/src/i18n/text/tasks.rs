//! tasks.

crate::texts! {
}
