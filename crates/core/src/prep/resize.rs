//! RGBA8 pixels and their high-quality downscale (Lanczos3 through fast_image_resize, which
//! uses wasm SIMD).

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, MulDiv, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, RgbaImage};

use super::error::PrepError;

/// Straight (not premultiplied) RGBA8 pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Pixels {
    pub rgba: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Pixels {
    pub fn from_image(image: DynamicImage) -> Self {
        let rgba = image.into_rgba8();
        let (width, height) = rgba.dimensions();
        Pixels {
            rgba: rgba.into_raw(),
            width,
            height,
        }
    }

    /// Whether any pixel is not fully opaque: an alpha channel that is all 255 is no
    /// transparency and need not be kept.
    pub fn has_transparency(&self) -> bool {
        self.rgba.chunks_exact(4).any(|p| p[3] != u8::MAX)
    }

    /// Applies an EXIF orientation (rotation and/or mirror).
    pub fn orient(self, orientation: Orientation) -> Self {
        if orientation == Orientation::NoTransforms {
            return self;
        }
        let Some(buffer) = RgbaImage::from_raw(self.width, self.height, self.rgba) else {
            unreachable!("Pixels always hold width x height x 4 bytes");
        };
        let mut image = DynamicImage::ImageRgba8(buffer);
        image.apply_orientation(orientation);
        Pixels::from_image(image)
    }

    /// Resampled to `width` x `height` with Lanczos3; a copy-free no-op at the same size.
    pub fn resize(self, width: u32, height: u32) -> Result<Self, PrepError> {
        if (width, height) == (self.width, self.height) {
            return Ok(self);
        }
        let transparent = self.has_transparency();
        let mut source = Image::from_vec_u8(self.width, self.height, self.rgba, PixelType::U8x4)
            .map_err(PrepError::encode)?;
        let mut resized = Image::new(width, height, PixelType::U8x4);
        let lanczos = ResizeOptions::new()
            .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
            .use_alpha(false);
        // Colours are weighted by alpha while resampling, so transparent pixels do not bleed
        // their (invisible) colour into the edges. Division without SIMD: see fit::alpha_divider.
        if transparent {
            MulDiv::new()
                .multiply_alpha_inplace(&mut source)
                .map_err(PrepError::encode)?;
        }
        Resizer::new()
            .resize(&source, &mut resized, &lanczos)
            .map_err(PrepError::encode)?;
        if transparent {
            crate::fit::alpha_divider()
                .divide_alpha_inplace(&mut resized)
                .map_err(PrepError::encode)?;
        }
        Ok(Pixels {
            rgba: resized.into_vec(),
            width,
            height,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3x2 image whose pixels are numbered 0..6 in the red channel.
    fn numbered() -> Pixels {
        let rgba = (0..6u8).flat_map(|i| [i, 0, 0, 255]).collect();
        Pixels {
            rgba,
            width: 3,
            height: 2,
        }
    }

    fn reds(p: &Pixels) -> Vec<u8> {
        p.rgba.chunks_exact(4).map(|c| c[0]).collect()
    }

    #[test]
    fn orientation_rotates_and_mirrors() {
        // 0 1 2        rotate 90 cw:  3 0
        // 3 4 5                       4 1
        //                             5 2
        let r = numbered().orient(Orientation::Rotate90);
        assert_eq!((r.width, r.height), (2, 3));
        assert_eq!(reds(&r), vec![3, 0, 4, 1, 5, 2]);
        let r = numbered().orient(Orientation::Rotate270);
        assert_eq!(reds(&r), vec![2, 5, 1, 4, 0, 3]);
        let r = numbered().orient(Orientation::Rotate180);
        assert_eq!(reds(&r), vec![5, 4, 3, 2, 1, 0]);
        let r = numbered().orient(Orientation::FlipHorizontal);
        assert_eq!(reds(&r), vec![2, 1, 0, 5, 4, 3]);
        assert_eq!(numbered().orient(Orientation::NoTransforms), numbered());
    }

    #[test]
    fn transparency_is_read_from_the_pixels() {
        let mut p = numbered();
        assert!(!p.has_transparency());
        p.rgba[7] = 254;
        assert!(p.has_transparency());
    }

    #[test]
    fn resize_keeps_flat_colours_and_transparent_edges_clean() {
        let mut rgba = Vec::new();
        for i in 0..64 * 64 {
            // Left half opaque red, right half fully transparent green.
            rgba.extend_from_slice(if i % 64 < 32 {
                &[255, 0, 0, 255]
            } else {
                &[0, 255, 0, 0]
            });
        }
        let small = Pixels {
            rgba,
            width: 64,
            height: 64,
        }
        .resize(16, 16)
        .unwrap();
        assert_eq!((small.width, small.height), (16, 16));
        let first = &small.rgba[0..4];
        assert_eq!(first, &[255, 0, 0, 255]);
        // No green bleeds into the visible edge pixels.
        for p in small.rgba.chunks_exact(4).filter(|p| p[3] > 16) {
            assert!(p[1] < 8, "green bled into {p:?}");
        }
    }
}
