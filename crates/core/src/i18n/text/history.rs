//! history.

crate::texts! {
}
