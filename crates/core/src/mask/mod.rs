//! Painting a mask over image 1, pasting image 1 back outside it, and measuring whether a
//! result kept to it (`drift`). Pure: no web-sys, no
//! signals; the painter UI (`painter`, `components::mask_painter`) and the prep worker use it.

pub mod composite;
pub mod drift;
pub mod paint;
