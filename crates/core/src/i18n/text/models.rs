//! models.

crate::texts! {
}
