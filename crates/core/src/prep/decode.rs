//! Header inspection (dimensions and orientation without decoding pixels) and decoding to
//! upright-ready RGBA8.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::error::{Detail, PrepError, PrepErrorKind};
use super::sniff::{sniff, SourceFormat};
use super::MAX_PIXELS;
use crate::i18n::text::prep;

/// What the header says, read before any pixel is allocated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub format: SourceFormat,
    /// As stored, before orientation.
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
    pub has_alpha_channel: bool,
    /// A CMYK (4-component) JPEG: decodable here, but not safe to upload as it is, since
    /// many decoders on the way show its colours wrong.
    pub cmyk: bool,
}

impl Header {
    /// Dimensions as displayed, after the EXIF orientation.
    pub fn oriented_size(&self) -> (u32, u32) {
        if swaps_axes(self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Whether an orientation turns the image by 90 or 270 degrees.
pub fn swaps_axes(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Enough for a 100 MP 16-bit RGBA decode; the pixel cap refuses anything larger first.
const MAX_ALLOC: u64 = 1 << 30;

fn reader(bytes: &[u8], format: SourceFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    reader
}

fn decode_error(e: image::ImageError) -> PrepError {
    match e {
        image::ImageError::Limits(_) => {
            PrepError::sentence(PrepErrorKind::TooManyPixels, prep::DECODE_MEMORY)
        }
        other => PrepError::corrupt(other),
    }
}

/// Refuses images above the pixel cap, from their header dimensions.
pub fn check_pixel_cap(width: u32, height: u32) -> Result<(), PrepError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(PrepError::pixel_cap(width, height));
    }
    if width == 0 || height == 0 {
        return Err(PrepError::corrupt_with(Detail::Text(prep::NO_PIXELS)));
    }
    Ok(())
}

/// Reads the header only: format, stored size, orientation, whether there is an alpha channel.
pub fn read_header(bytes: &[u8]) -> Result<Header, PrepError> {
    let format = sniff(bytes)?;
    let mut decoder = reader(bytes, format).into_decoder().map_err(decode_error)?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok(Header {
        format,
        width,
        height,
        orientation,
        has_alpha_channel: decoder.color_type().has_alpha(),
        cmyk: format == SourceFormat::Jpeg && jpeg_component_count(bytes) == Some(4),
    })
}

/// Decoded pixels, RGBA8, as stored (orientation not yet applied).
pub struct Decoded {
    pub header: Header,
    pub image: DynamicImage,
}

/// Sniffs, checks the pixel cap against the header, then decodes (first frame of a GIF;
/// 16-bit, grayscale, palette and CMYK all arrive as 8-bit RGB(A)).
pub fn decode(bytes: &[u8]) -> Result<Decoded, PrepError> {
    let header = read_header(bytes)?;
    check_pixel_cap(header.width, header.height)?;
    check_jpeg_complete(bytes, header.format)?;
    let decoder = reader(bytes, header.format)
        .into_decoder()
        .map_err(decode_error)?;
    let image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    Ok(Decoded { header, image })
}

/// The largest JPEG IDCT reduction (2, 4 or 8) that still yields at least `min_width` x
/// `min_height` from a `width` x `height` JPEG; `None` when even halving is too small.
pub fn jpeg_reduction(width: u32, height: u32, min_width: u32, min_height: u32) -> Option<u32> {
    [8, 4, 2]
        .into_iter()
        .find(|d| width.div_ceil(*d) >= min_width && height.div_ceil(*d) >= min_height)
}

/// A big JPEG decoded at 1/2, 1/4 or 1/8 scale in the IDCT, at least `min_width` x
/// `min_height` (stored frame): a 24 MP photo bound for 2048 px decodes at 6 MP, as browsers
/// do with libjpeg-turbo, and the Lanczos resize that follows has 4x fewer pixels to read.
/// `None` whenever this does not apply or fails (CMYK, 16-bit, a damaged file...): the caller
/// then takes the full decode, which also gives the proper error message.
pub fn decode_jpeg_reduced(
    bytes: &[u8],
    header: &Header,
    min_width: u32,
    min_height: u32,
) -> Option<super::resize::Pixels> {
    if header.format != SourceFormat::Jpeg {
        return None;
    }
    let d = jpeg_reduction(header.width, header.height, min_width, min_height)?;
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    let requested = (
        u16::try_from(header.width.div_ceil(d)).ok()?,
        u16::try_from(header.height.div_ceil(d)).ok()?,
    );
    let (width, height) = decoder.scale(requested.0, requested.1).ok()?;
    let (width, height) = (u32::from(width), u32::from(height));
    if width < min_width || height < min_height {
        return None;
    }
    let format = decoder.info()?.pixel_format;
    let data = decoder.decode().ok()?;
    let pixels = (width * height) as usize;
    let rgba: Vec<u8> = match format {
        jpeg_decoder::PixelFormat::RGB24 if data.len() == pixels * 3 => data
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], u8::MAX])
            .collect(),
        jpeg_decoder::PixelFormat::L8 if data.len() == pixels => {
            data.iter().flat_map(|&l| [l, l, l, u8::MAX]).collect()
        }
        _ => return None,
    };
    Some(super::resize::Pixels {
        rgba,
        width,
        height,
    })
}

/// Whether a JPEG's compressed data reaches its end-of-image marker. The decoder fills a cut
/// file with grey and reports success, so a truncated upload would otherwise go out
/// half-grey. Segments are skipped by their lengths up to the first scan; inside scans a 0xFF
/// byte is always stuffed or a marker, so the first EOI after it is the image's own (data
/// appended after EOI, such as a motion photo's video, is allowed).
pub fn jpeg_reaches_eoi(bytes: &[u8]) -> bool {
    for (marker, at) in jpeg_markers(bytes) {
        match marker {
            0xD9 => return true,
            0xDA => {
                let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
                let scan = (at + 2 + length).min(bytes.len());
                return bytes[scan..].windows(2).any(|w| w == [0xFF, 0xD9]);
            }
            _ => {}
        }
    }
    false
}

/// A JPEG's marker segments up to its first scan, as `(marker, offset of its 0xFF)`: skipped
/// by their lengths, fill bytes ignored; ends after SOS or EOI, or at bytes that are no marker.
fn jpeg_markers(bytes: &[u8]) -> impl Iterator<Item = (u8, usize)> + '_ {
    let mut at = 2;
    std::iter::from_fn(move || loop {
        if at + 4 > bytes.len() || bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let here = at;
        at = if matches!(marker, 0xDA | 0xD9) {
            bytes.len()
        } else {
            at + 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]))
        };
        return Some((marker, here));
    })
}

/// Refuses a JPEG cut before its end (see [`jpeg_reaches_eoi`]).
pub fn check_jpeg_complete(bytes: &[u8], format: SourceFormat) -> Result<(), PrepError> {
    if format == SourceFormat::Jpeg && !jpeg_reaches_eoi(bytes) {
        return Err(PrepError::corrupt_with(Detail::Text(prep::ENDS_EARLY)));
    }
    Ok(())
}

/// The number of colour components in a JPEG's frame header (1 grey, 3 YCbCr/RGB, 4 CMYK).
pub fn jpeg_component_count(bytes: &[u8]) -> Option<u8> {
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    let is_frame = |m: u8| (0xC0..=0xCF).contains(&m) && !matches!(m, 0xC4 | 0xC8 | 0xCC);
    let (_, at) = jpeg_markers(bytes).find(|&(m, _)| is_frame(m))?;
    bytes.get(at + 9).copied()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The marker walk reads only what is there, whatever the bytes (a file can be anything).
        #[test]
        fn marker_walk_never_panics(tail in proptest::collection::vec(any::<u8>(), 0..64), lead in 0usize..4) {
            let mut bytes = vec![0xFF, 0xD8];
            bytes.extend(std::iter::repeat_n(0xFF, lead));
            bytes.extend(tail);
            let _ = jpeg_reaches_eoi(&bytes);
            let _ = jpeg_component_count(&bytes);
        }
    }
}

/// Whether the decoder an encoder may offer (`Encoder::decode_to`) is worth trying for `bytes` of `format`: PNG and
/// WebP, where the browser decodes and resizes a large file in less time than the Rust
/// decoders take (measured: a 4096x3072 PNG to 2048x1536 in ~235 ms against ~400 ms). JPEG
/// stays in Rust: its reduced-size DCT decode is as fast, and CMYK stays under our control.
///
/// Only files without EXIF: browsers apply an EXIF orientation whatever they are asked
/// (Chromium reads `imageOrientation: "none"` as "as the file says"), so a file that has one
/// goes to the Rust decoders, and orientation is applied exactly once, by the pipeline. A PNG
/// must also end with its IEND chunk and a WebP be as long as its RIFF header says, so that a
/// truncated file is refused with a reason rather than sent half-decoded.
pub fn try_browser_decoder(bytes: &[u8], format: SourceFormat) -> bool {
    const IEND: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];
    match format {
        SourceFormat::Png => bytes.ends_with(&IEND) && !png_has_exif(bytes),
        SourceFormat::Webp => {
            let whole = bytes.get(4..8).is_some_and(|size| {
                let riff = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
                bytes.len() >= riff.saturating_add(8)
            });
            whole && !webp_has_exif(bytes)
        }
        _ => false,
    }
}

/// Whether a PNG has an eXIf chunk (before its image data, or anywhere when unsure).
fn png_has_exif(bytes: &[u8]) -> bool {
    let mut at = 8;
    while let Some(header) = bytes.get(at..at + 8) {
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        match &header[4..8] {
            b"eXIf" => return true,
            b"IDAT" | b"IEND" => return false,
            _ => at = at.saturating_add(12).saturating_add(length),
        }
    }
    // A chunk list that runs off the end: let the Rust decoder judge the file.
    true
}

/// Whether a WebP says it carries EXIF (the VP8X header's flag), or may (anything unreadable).
fn webp_has_exif(bytes: &[u8]) -> bool {
    const EXIF_FLAG: u8 = 0x08;
    match bytes.get(12..16) {
        Some(b"VP8X") => bytes.get(20).is_none_or(|flags| flags & EXIF_FLAG != 0),
        Some(b"VP8 " | b"VP8L") => false,
        _ => true,
    }
}
