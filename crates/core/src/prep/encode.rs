//! The encoders that run in Rust: JPEG (q90, 4:2:0, optimised Huffman tables) and PNG. WebP
//! comes from the browser (OffscreenCanvas.convertToBlob in the worker).

use serde::{Deserialize, Serialize};

use super::error::{Detail, PrepError};
use super::resize::Pixels;
use crate::i18n::text::prep;

/// An output encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Codec {
    Webp,
    Jpeg,
    Png,
}

impl Codec {
    pub fn mime(self) -> &'static str {
        match self {
            Codec::Webp => "image/webp",
            Codec::Jpeg => "image/jpeg",
            Codec::Png => "image/png",
        }
    }

    pub fn is_lossy(self) -> bool {
        self != Codec::Png
    }
}

/// Baseline JPEG with 4:2:0 chroma subsampling and optimised Huffman tables (smaller files at
/// the same quality for a second pass over the coefficients). Alpha is ignored.
pub fn encode_jpeg(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, PrepError> {
    let (width, height) = (
        u16::try_from(pixels.width)
            .map_err(|_| PrepError::encode_with(Detail::Text(prep::TOO_WIDE)))?,
        u16::try_from(pixels.height)
            .map_err(|_| PrepError::encode_with(Detail::Text(prep::TOO_TALL)))?,
    );
    let mut out = Vec::with_capacity(pixels.rgba.len() / 8);
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality.clamp(1, 100));
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
    encoder.set_optimized_huffman_tables(true);
    encoder
        .encode(&pixels.rgba, width, height, jpeg_encoder::ColorType::Rgba)
        .map_err(PrepError::encode)?;
    Ok(out)
}

/// PNG, RGBA when there is transparency, else RGB (a quarter fewer bytes to compress).
pub fn encode_png(pixels: &Pixels) -> Result<Vec<u8>, PrepError> {
    encode_png_keeping_alpha(pixels, false)
}

/// PNG; `keep_alpha` writes RGBA even when every pixel is opaque (a mask must have alpha).
pub fn encode_png_keeping_alpha(pixels: &Pixels, keep_alpha: bool) -> Result<Vec<u8>, PrepError> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    use image::{ExtendedColorType, ImageEncoder};
    let mut out = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive);
    if keep_alpha || pixels.has_transparency() {
        encoder.write_image(
            &pixels.rgba,
            pixels.width,
            pixels.height,
            ExtendedColorType::Rgba8,
        )
    } else {
        let rgb: Vec<u8> = pixels
            .rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        encoder.write_image(&rgb, pixels.width, pixels.height, ExtendedColorType::Rgb8)
    }
    .map_err(PrepError::encode)?;
    Ok(out)
}

/// Encodes pixels; the worker supplies WebP, native code and tests only JPEG and PNG.
#[allow(async_fn_in_trait)] // Used only within this crate, on one thread.
pub trait Encoder {
    async fn encode(
        &mut self,
        pixels: &Pixels,
        codec: Codec,
        quality: u8,
    ) -> Result<Vec<u8>, PrepError>;
}

/// JPEG and PNG in Rust; WebP is refused.
pub struct RustEncoder;

impl Encoder for RustEncoder {
    async fn encode(
        &mut self,
        pixels: &Pixels,
        codec: Codec,
        quality: u8,
    ) -> Result<Vec<u8>, PrepError> {
        match codec {
            Codec::Jpeg => encode_jpeg(pixels, quality),
            Codec::Png => encode_png(pixels),
            Codec::Webp => Err(PrepError::encode_with(Detail::Text(prep::WEBP_IN_BROWSER))),
        }
    }
}
