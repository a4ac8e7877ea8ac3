//! endpoint.

crate::texts! {
}
