//! storage.

crate::texts! {}
