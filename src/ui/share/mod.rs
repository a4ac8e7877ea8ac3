//! Sharing: the preset link, copy as code, the preset library.

pub mod code_export;
pub mod preset_library;
pub mod share_link;
