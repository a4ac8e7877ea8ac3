//! tasks.

crate::texts! {}
