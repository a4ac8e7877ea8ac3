//! prompts.

crate::texts! {}
