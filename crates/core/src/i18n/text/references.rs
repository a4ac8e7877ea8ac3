//! references.

crate::texts! {
}
