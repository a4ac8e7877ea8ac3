//! prep.

crate::texts! {}
