//! Header inspection (dimensions and orientation without decoding pixels) and decoding to
//! upright-ready RGBA8.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::error::{PrepError, PrepErrorKind};
use super::sniff::{sniff, SourceFormat};
use super::MAX_PIXELS;

/// What the header says, read before any pixel is allocated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub format: SourceFormat,
    /// As stored, before orientation.
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
    pub has_alpha_channel: bool,
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
        image::ImageError::Limits(_) => PrepError::new(
            PrepErrorKind::TooManyPixels,
            "The image needs more memory than allowed to decode: downscale it first.",
        ),
        other => PrepError::corrupt(other),
    }
}

/// Refuses images above the pixel cap, from their header dimensions.
pub fn check_pixel_cap(width: u32, height: u32) -> Result<(), PrepError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(PrepError::new(
            PrepErrorKind::TooManyPixels,
            format!(
                "{width}x{height} is {:.0} megapixels, above the {} MP limit (a decompression bomb, or simply too large): downscale it first.",
                pixels as f64 / 1e6,
                MAX_PIXELS / 1_000_000
            ),
        ));
    }
    if width == 0 || height == 0 {
        return Err(PrepError::corrupt("its header says it has no pixels"));
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
    let decoder = reader(bytes, header.format)
        .into_decoder()
        .map_err(decode_error)?;
    let image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    Ok(Decoded { header, image })
}
