//! prompts.

crate::texts! {
}
