//! Transparency made in the browser for models without a native transparent background: the
//! app asks for the subject alone on a flat key colour (`prompt`), then keys it out (`key`)
//! in the prep worker.
//!
//! - `oklab`: sRGB to OKLab, where colour distance follows perception.
//! - `prompt`: the key colour (green #00FF00 or magenta #FF00FF, whichever is farther from the
//!   colours the prompt names, or the user's choice) and the sentence asking for it.
//! - `key`: the keyer: soft matte from OKLab distance, edge alpha from the local blend,
//!   despill, a small feather, and the share of fully transparent pixels.
//! - `image`: a whole result decoded and keyed, refused when it was not on the key colour.

pub mod image;
pub mod key;
pub mod oklab;
pub mod prompt;

pub use image::{cut_out, CutOut};
pub use key::{key_excess, key_out, transparent_share, KeyOptions, KeyReport};
pub use prompt::{key_sentence, keyed_prompt, pick_key, KeyChoice, KeyColour};
