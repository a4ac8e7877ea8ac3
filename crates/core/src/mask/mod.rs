//! Painting a mask over image 1 and pasting image 1 back outside it. Pure: no web-sys, no
//! signals; the painter UI (`painter`, `components::mask_painter`) and the prep worker use it.

pub mod composite;
pub mod paint;
