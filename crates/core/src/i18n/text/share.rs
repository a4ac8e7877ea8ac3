//! share.

crate::texts! {
}
