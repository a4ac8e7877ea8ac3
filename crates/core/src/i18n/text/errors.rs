//! errors.

crate::texts! {
}
