//! Parameter values with a fixed spelling on the wire (and in form controls): `quality`,
//! `output_format`, `background`, `moderation`. Apart from `request` so that the model
//! registry (`crate::models`) can name them without importing the body builder.

use serde::{Deserialize, Serialize};

/// The most images one request may ask for (`n`), for any model.
pub const MAX_N: u8 = 10;
/// The most references one edit may carry, for any model (OpenAI takes 16).
pub const MAX_REFERENCES: usize = 16;

/// A parameter value with a fixed spelling on the wire (and in form controls).
pub trait WireValue: Copy + PartialEq + Send + Sync + 'static {
    fn as_str(self) -> &'static str;
    fn parse(value: &str) -> Option<Self>;
}

/// Defines a parameter enum; each variant is serialised as its wire spelling.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { #[default] $(#[serde(rename = $wire)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }

        impl WireValue for $name {
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
            fn parse(value: &str) -> Option<Self> {
                match value { $($wire => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

wire_enum!(
    /// `quality`; the first variant is the API default. `xhigh` and `max` exist for the
    /// gpt-image-2.5 models only (gpt-image-2 answers 400 to them).
    Quality { Auto => "auto", Low => "low", Medium => "medium", High => "high", Xhigh => "xhigh", Max => "max" }
);
wire_enum!(
    /// `output_format`.
    OutputFormat { Png => "png", Jpeg => "jpeg", Webp => "webp" }
);
wire_enum!(
    /// `background`. `transparent` only where the model makes it natively
    /// (`crate::models::registry`), and never with JPEG. `transparent-local` never goes on
    /// the wire: the app asks for the subject on a flat key colour as PNG and keys it out in
    /// the browser (`crate::cutout`); the body carries no `background` then.
    Background { Auto => "auto", Opaque => "opaque", Transparent => "transparent", TransparentLocal => "transparent-local" }
);
wire_enum!(
    /// `moderation`.
    Moderation { Auto => "auto", Low => "low" }
);

impl Background {
    /// Transparent, natively or cut out in the browser: either way no JPEG.
    pub fn is_transparent(self) -> bool {
        matches!(self, Background::Transparent | Background::TransparentLocal)
    }
}

impl OutputFormat {
    /// Only lossy formats take `output_compression`.
    pub fn takes_compression(self) -> bool {
        matches!(self, OutputFormat::Jpeg | OutputFormat::Webp)
    }

    pub fn mime(self) -> &'static str {
        match self {
            OutputFormat::Png => crate::api::mime::PNG,
            OutputFormat::Jpeg => crate::api::mime::JPEG,
            OutputFormat::Webp => crate::api::mime::WEBP,
        }
    }
}
