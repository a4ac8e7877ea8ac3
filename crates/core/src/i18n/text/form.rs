//! form.

crate::texts! {
}
