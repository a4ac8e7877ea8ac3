//! The encoders that run in Rust: JPEG (q90, 4:2:0, optimised Huffman tables) and PNG. WebP
//! comes from the browser (OffscreenCanvas.convertToBlob in the worker).

use serde::{Deserialize, Serialize};

use super::error::{Detail, PrepError};
use super::resize::Pixels;
use super::sniff::SourceFormat;
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

/// Baseline JPEG with 4:2:0 chroma subsampling and the standard Huffman tables. Not the
/// optimised ones (4 % smaller): files written with them by jpeg-encoder 0.7 are misread by
/// zune-jpeg (the image crate's JPEG decoder, which some gateways and tools use), whole areas
/// off by up to 255 levels, though libjpeg-turbo and jpeg-decoder read them right; a reference
/// must look the same to every decoder. The standard tables are also one pass instead of two
/// (~40 % less encode time). Alpha is ignored.
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
    encoder.set_optimized_huffman_tables(false);
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

    /// The codecs beside this encoder may decode some files faster than the Rust decoders
    /// (the browser's, in the worker): `bytes` of `format` decoded straight to `width` x
    /// `height`, in the stored frame (no orientation applied). `None` leaves the file to the
    /// Rust decoders, which also explain any file that cannot be read.
    async fn decode_to(
        &mut self,
        _bytes: &[u8],
        _format: SourceFormat,
        _width: u32,
        _height: u32,
    ) -> Option<Pixels> {
        None
    }
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
