//! models.

crate::texts! {}
