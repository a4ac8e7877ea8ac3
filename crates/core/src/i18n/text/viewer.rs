//! viewer.

crate::texts! {
}
