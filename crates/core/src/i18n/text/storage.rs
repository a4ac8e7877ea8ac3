//! storage.

crate::texts! {
}
