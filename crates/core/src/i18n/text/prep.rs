//! prep.

crate::texts! {
}
