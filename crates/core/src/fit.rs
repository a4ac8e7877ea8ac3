//! Fitting an image to an exact size the API cannot produce: the largest centred crop with the
//! target's aspect ratio (cover, never letterbox), then a resize to exactly the target.
//!
//! Pure: RGBA8 bytes in, RGBA8 bytes out. The prep worker decodes and encodes around it
//! (`web::fit_job`).

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, MulDiv, PixelType, ResizeAlg, ResizeOptions, Resizer};

use crate::i18n::text::images;
use crate::i18n::{Lang, Text};
use crate::tr;

/// Which part of the source to keep and the size to scale it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FitPlan {
    pub crop_x: u32,
    pub crop_y: u32,
    pub crop_width: u32,
    pub crop_height: u32,
    /// The final size.
    pub width: u32,
    pub height: u32,
}

impl FitPlan {
    fn is_resize(&self) -> bool {
        (self.crop_width, self.crop_height) != (self.width, self.height)
    }
}

/// The largest centred crop of a `src_width` x `src_height` image with the aspect ratio of
/// `width` x `height`, scaled to exactly that size.
///
/// One edge of the crop is always the source's whole edge; the other is the exact value rounded
/// to the nearest pixel (at least 1), so its aspect error is under one pixel. An odd margin puts
/// the extra pixel after the crop (right or bottom). A source already of the target size gives
/// the identity plan; a zero size gives a plan that `apply_fit` refuses.
pub fn plan_fit(src_width: u32, src_height: u32, width: u32, height: u32) -> FitPlan {
    let whole_source = FitPlan {
        crop_x: 0,
        crop_y: 0,
        crop_width: src_width,
        crop_height: src_height,
        width,
        height,
    };
    if src_width == 0 || src_height == 0 || width == 0 || height == 0 {
        return whole_source;
    }
    let (sw, sh, w, h) = (
        u64::from(src_width),
        u64::from(src_height),
        u64::from(width),
        u64::from(height),
    );
    // Aspects compared by cross-multiplying: exact, where floats could misjudge near-equal
    // ratios. No overflow: each product is below 2^64 even with u32::MAX edges.
    let (crop_width, crop_height) = if sw * h >= sh * w {
        // The source is wider: keep its height, cut the sides.
        (rounded_quotient(sh * w, h).clamp(1, sw), sh)
    } else {
        // The source is taller: keep its width, cut top and bottom.
        (sw, rounded_quotient(sw * h, w).clamp(1, sh))
    };
    // Both crop edges are at most the source's, so every value below fits in a u32.
    FitPlan {
        crop_x: ((sw - crop_width) / 2) as u32,
        crop_y: ((sh - crop_height) / 2) as u32,
        crop_width: crop_width as u32,
        crop_height: crop_height as u32,
        ..whole_source
    }
}

/// `numerator / denominator` rounded half up; `denominator` is not zero.
fn rounded_quotient(numerator: u64, denominator: u64) -> u64 {
    // No overflow: numerator <= (2^32 - 1)^2 and denominator / 2 < 2^31.
    (numerator + denominator / 2) / denominator
}

/// A short sentence saying what `plan` does to a `src_width` x `src_height` image, in `lang`,
/// e.g. "Cropped 1920x1088 to 1920x1080 (4 px off top and bottom)."
pub fn describe(plan: &FitPlan, src_width: u32, src_height: u32, lang: Lang) -> String {
    let FitPlan {
        crop_width: cw,
        crop_height: ch,
        width: w,
        height: h,
        ..
    } = *plan;
    let cropped = (cw, ch) != (src_width, src_height);
    match (cropped, plan.is_resize()) {
        (false, false) => tr!(lang, images::FIT_ALREADY, width = w, height = h),
        (false, true) => tr!(
            lang,
            images::FIT_RESIZED,
            src_width = src_width,
            src_height = src_height,
            width = w,
            height = h
        ),
        (true, resized) => {
            let margins = [
                margins_phrase(
                    plan.crop_x,
                    cw,
                    src_width,
                    [images::SIDE_LEFT, images::SIDE_RIGHT],
                    lang,
                ),
                margins_phrase(
                    plan.crop_y,
                    ch,
                    src_height,
                    [images::SIDE_TOP, images::SIDE_BOTTOM],
                    lang,
                ),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(images::MARGIN_SEPARATOR.get(lang));
            let resize = if resized {
                tr!(lang, images::FIT_AND_RESIZED, width = w, height = h)
            } else {
                String::new()
            };
            tr!(
                lang,
                images::FIT_CROPPED,
                src_width = src_width,
                src_height = src_height,
                crop_width = cw,
                crop_height = ch,
                margins = margins,
                resize = resize
            )
        }
    }
}

/// `describe`'s sentence for a result encoded as `encoded_mime` when `mime` was wanted, plus a
/// second sentence when they differ, e.g. "... Saved as image/png: this browser cannot encode
/// image/webp."
pub fn describe_encoded(
    plan: &FitPlan,
    src_width: u32,
    src_height: u32,
    mime: &str,
    encoded_mime: &str,
    lang: Lang,
) -> String {
    let mut note = describe(plan, src_width, src_height, lang);
    if encoded_mime != mime {
        // Canvases encode PNG always, JPEG and WebP mostly (Safari has no WebP encoder).
        note.push_str(&tr!(
            lang,
            images::FIT_SAVED_AS,
            encoded_mime = encoded_mime,
            mime = mime
        ));
    }
    note
}

/// "4 px off top and bottom", "1 px off the right", ... or `None` when nothing was cut.
fn margins_phrase(
    crop_start: u32,
    crop_edge: u32,
    src_edge: u32,
    [before, after_side]: [Text; 2],
    lang: Lang,
) -> Option<String> {
    let (before_name, after_name) = (before.get(lang), after_side.get(lang));
    let after = src_edge.saturating_sub(crop_start.saturating_add(crop_edge));
    match (crop_start, after) {
        (0, 0) => None,
        (b, a) if b == a => Some(tr!(
            lang,
            images::MARGIN_BOTH_EQUAL,
            px = b,
            before = before_name,
            after = after_name
        )),
        (0, a) => Some(tr!(lang, images::MARGIN_AFTER, px = a, after = after_name)),
        (b, 0) => Some(tr!(
            lang,
            images::MARGIN_BEFORE,
            px = b,
            before = before_name
        )),
        (b, a) => Some(tr!(
            lang,
            images::MARGIN_BOTH,
            before_px = b,
            before = before_name,
            after_px = a,
            after = after_name
        )),
    }
}

/// Why pixels could not be fitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FitError {
    /// A `width` x `height` image would not fit in memory addresses.
    TooLarge { width: u32, height: u32 },
    /// The pixels are not `width` x `height` RGBA8.
    WrongLength {
        len: usize,
        width: u32,
        height: u32,
        needed: usize,
    },
    /// A size of the source, the crop or the target is zero.
    ZeroSize {
        src_width: u32,
        src_height: u32,
        width: u32,
        height: u32,
    },
    /// The crop leaves the source.
    CropOutside {
        plan: FitPlan,
        src_width: u32,
        src_height: u32,
    },
    /// The resizer failed, in its own words.
    Resize { plan: FitPlan, detail: String },
}

impl FitError {
    /// The sentence for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FitError::TooLarge { width, height } => {
                tr!(lang, images::FIT_TOO_LARGE, width = width, height = height)
            }
            FitError::WrongLength {
                len,
                width,
                height,
                needed,
            } => tr!(
                lang,
                images::FIT_WRONG_LENGTH,
                len = len,
                width = width,
                height = height,
                needed = needed
            ),
            FitError::ZeroSize {
                src_width,
                src_height,
                width,
                height,
            } => tr!(
                lang,
                images::FIT_ZERO_SIZE,
                src_width = src_width,
                src_height = src_height,
                width = width,
                height = height
            ),
            FitError::CropOutside {
                plan,
                src_width,
                src_height,
            } => tr!(
                lang,
                images::FIT_CROP_OUTSIDE,
                crop_width = plan.crop_width,
                crop_height = plan.crop_height,
                x = plan.crop_x,
                y = plan.crop_y,
                src_width = src_width,
                src_height = src_height
            ),
            FitError::Resize { plan, detail } => tr!(
                lang,
                images::FIT_RESIZE_FAILED,
                crop_width = plan.crop_width,
                crop_height = plan.crop_height,
                width = plan.width,
                height = plan.height,
                e = detail
            ),
        }
    }
}

/// The English sentence.
impl std::fmt::Display for FitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Applies `plan` to RGBA8 pixels of a `src_width` x `src_height` image, giving RGBA8 pixels of
/// exactly `plan.width` x `plan.height`.
///
/// A crop alone copies rows, so every kept pixel is unchanged. A resize crops and resamples in
/// one pass; pixels just outside the crop still feed the filter at its edges, as they would in
/// the uncropped picture. Transparency is resampled premultiplied, so invisible pixels do not
/// bleed their hidden colour.
pub fn apply_fit(
    rgba: &[u8],
    src_width: u32,
    src_height: u32,
    plan: &FitPlan,
) -> Result<Vec<u8>, FitError> {
    check_plan(rgba, src_width, src_height, plan)?;
    if plan.is_resize() {
        resample(rgba, src_width, src_height, plan).map_err(|detail| FitError::Resize {
            plan: *plan,
            detail,
        })
    } else {
        Ok(copy_crop(rgba, src_width, plan))
    }
}

/// Crops and resamples with Lanczos3: the sharpest of the usual filters, and its ringing is
/// slight at the small scale changes fitting makes.
fn resample(
    rgba: &[u8],
    src_width: u32,
    src_height: u32,
    plan: &FitPlan,
) -> Result<Vec<u8>, String> {
    let mut fitted = Image::new(plan.width, plan.height, PixelType::U8x4);
    let lanczos = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .use_alpha(false);
    let mut resizer = Resizer::new();
    if crop_is_opaque(rgba, src_width, plan) {
        // Opaque (every JPEG, most PNGs): no alpha to weigh, so crop and resample in one pass.
        let source = ImageRef::new(src_width, src_height, rgba, PixelType::U8x4)
            .map_err(|e| e.to_string())?;
        let cropped = lanczos.crop(
            f64::from(plan.crop_x),
            f64::from(plan.crop_y),
            f64::from(plan.crop_width),
            f64::from(plan.crop_height),
        );
        resizer
            .resize(&source, &mut fitted, &cropped)
            .map_err(|e| e.to_string())?;
    } else {
        // Premultiplied here rather than by the resizer, whose division would use SIMD (see
        // `alpha_divider`).
        let mut crop = Image::from_vec_u8(
            plan.crop_width,
            plan.crop_height,
            copy_crop(rgba, src_width, plan),
            PixelType::U8x4,
        )
        .map_err(|e| e.to_string())?;
        MulDiv::new()
            .multiply_alpha_inplace(&mut crop)
            .map_err(|e| e.to_string())?;
        resizer
            .resize(&crop, &mut fitted, &lanczos)
            .map_err(|e| e.to_string())?;
        alpha_divider()
            .divide_alpha_inplace(&mut fitted)
            .map_err(|e| e.to_string())?;
    }
    Ok(fitted.into_vec())
}

/// Refuses pixels that are not `src_width` x `src_height` RGBA8 and plans that leave the source
/// or produce nothing.
fn check_plan(
    rgba: &[u8],
    src_width: u32,
    src_height: u32,
    plan: &FitPlan,
) -> Result<(), FitError> {
    let too_large = |width: u32, height: u32| FitError::TooLarge { width, height };
    let needed = rgba_len(src_width, src_height).ok_or_else(|| too_large(src_width, src_height))?;
    rgba_len(plan.width, plan.height).ok_or_else(|| too_large(plan.width, plan.height))?;
    if rgba.len() != needed {
        return Err(FitError::WrongLength {
            len: rgba.len(),
            width: src_width,
            height: src_height,
            needed,
        });
    }
    let sizes = [src_width, src_height, plan.crop_width, plan.crop_height];
    if sizes.contains(&0) || plan.width == 0 || plan.height == 0 {
        return Err(FitError::ZeroSize {
            src_width,
            src_height,
            width: plan.width,
            height: plan.height,
        });
    }
    let inside = u64::from(plan.crop_x) + u64::from(plan.crop_width) <= u64::from(src_width)
        && u64::from(plan.crop_y) + u64::from(plan.crop_height) <= u64::from(src_height);
    if !inside {
        return Err(FitError::CropOutside {
            plan: *plan,
            src_width,
            src_height,
        });
    }
    Ok(())
}

/// Bytes of a `width` x `height` RGBA8 image, or `None` if that overflows memory addresses.
fn rgba_len(width: u32, height: u32) -> Option<usize> {
    usize::try_from(u64::from(width) * u64::from(height) * 4).ok()
}

/// The rows of the crop (checked to lie inside the source).
fn crop_rows<'a>(rgba: &'a [u8], src_width: u32, plan: &FitPlan) -> impl Iterator<Item = &'a [u8]> {
    let start = plan.crop_x as usize * 4;
    let end = start + plan.crop_width as usize * 4;
    rgba.chunks_exact(src_width as usize * 4)
        .skip(plan.crop_y as usize)
        .take(plan.crop_height as usize)
        .map(move |row| &row[start..end])
}

/// The crop's pixels, copied unchanged.
fn copy_crop(rgba: &[u8], src_width: u32, plan: &FitPlan) -> Vec<u8> {
    let mut crop = Vec::with_capacity(plan.crop_width as usize * plan.crop_height as usize * 4);
    for row in crop_rows(rgba, src_width, plan) {
        crop.extend_from_slice(row);
    }
    crop
}

/// Whether every pixel the crop keeps is fully opaque.
fn crop_is_opaque(rgba: &[u8], src_width: u32, plan: &FitPlan) -> bool {
    crop_rows(rgba, src_width, plan).all(|row| row.chunks_exact(4).all(|p| p[3] == u8::MAX))
}

/// Divides colours by alpha after resampling. Without SIMD on wasm32: in optimised builds
/// rustc 1.95+ miscompiles fast_image_resize's SIMD128 division (rust-lang/rust#157456), so a
/// premultiplied [1, 128, 255, 1] comes out [255, 255, 0, 1], not white. Its SIMD multiply and
/// resampling are unaffected. Drop this once the toolchain is fixed.
#[cfg(target_arch = "wasm32")]
pub(crate) fn alpha_divider() -> MulDiv {
    let mut divider = MulDiv::new();
    // SAFETY: `None` selects plain Rust code, which every CPU runs.
    unsafe { divider.set_cpu_extensions(fast_image_resize::CpuExtensions::None) };
    divider
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn alpha_divider() -> MulDiv {
    MulDiv::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(crop: (u32, u32, u32, u32), size: (u32, u32)) -> FitPlan {
        FitPlan {
            crop_x: crop.0,
            crop_y: crop.1,
            crop_width: crop.2,
            crop_height: crop.3,
            width: size.0,
            height: size.1,
        }
    }

    /// An opaque image whose every pixel differs from its neighbours.
    fn pattern(width: u32, height: u32) -> Vec<u8> {
        (0..height)
            .flat_map(|y| (0..width).map(move |x| (x, y)))
            .flat_map(|(x, y)| [(x * 7) as u8, (y * 13) as u8, (x ^ y) as u8, 255])
            .collect()
    }

    fn flat(width: u32, height: u32, pixel: [u8; 4]) -> Vec<u8> {
        pixel.repeat((width * height) as usize)
    }

    #[test]
    fn slide_height_is_cropped_evenly() {
        let p = plan_fit(1920, 1088, 1920, 1080);
        assert_eq!(p, plan((0, 4, 1920, 1080), (1920, 1080)));
        assert_eq!(
            describe(&p, 1920, 1088, Lang::En),
            "Cropped 1920x1088 to 1920x1080 (4 px off top and bottom)."
        );
    }

    #[test]
    fn a5_at_300_dpi_is_cropped_by_a_pixel_then_resized() {
        // 2496 * 1748 / 2480 = 1759.35: the source is a shade wider than A5.
        let p = plan_fit(1760, 2496, 1748, 2480);
        assert_eq!(p, plan((0, 0, 1759, 2496), (1748, 2480)));
        assert_eq!(
            describe(&p, 1760, 2496, Lang::En),
            "Cropped 1760x2496 to 1759x2496 (1 px off the right) and resized to 1748x2480."
        );
    }

    #[test]
    fn exact_size_is_the_identity() {
        let p = plan_fit(1024, 1024, 1024, 1024);
        assert_eq!(p, plan((0, 0, 1024, 1024), (1024, 1024)));
        assert_eq!(
            describe(&p, 1024, 1024, Lang::En),
            "Already 1024x1024; nothing changed."
        );
    }

    #[test]
    fn an_encoder_fallback_is_named() {
        let p = plan_fit(1920, 1088, 1920, 1080);
        assert_eq!(
            describe_encoded(&p, 1920, 1088, "image/webp", "image/png", Lang::En),
            "Cropped 1920x1088 to 1920x1080 (4 px off top and bottom). Saved as image/png: this browser cannot encode image/webp."
        );
        assert_eq!(
            describe_encoded(&p, 1920, 1088, "image/jpeg", "image/jpeg", Lang::En),
            describe(&p, 1920, 1088, Lang::En)
        );
    }

    #[test]
    fn the_notes_come_in_chinese_too() {
        let p = plan_fit(1920, 1088, 1920, 1080);
        assert_eq!(
            describe_encoded(&p, 1920, 1088, "image/webp", "image/png", Lang::ZhCn),
            "已将 1920x1088 裁剪为 1920x1080（顶部和底部各裁去 4 px）。已保存为 image/png：此浏览器无法编码 image/webp。"
        );
        let p = plan_fit(1024, 1031, 1024, 1024);
        assert_eq!(
            describe(&p, 1024, 1031, Lang::ZhCn),
            "已将 1024x1031 裁剪为 1024x1024（顶部裁去 3 px，底部裁去 4 px）。"
        );
        let p = plan_fit(1760, 2496, 1748, 2480);
        assert_eq!(
            describe(&p, 1760, 2496, Lang::ZhCn),
            "已将 1760x2496 裁剪为 1759x2496（右侧裁去 1 px），并缩放到 1748x2480。"
        );
    }

    #[test]
    fn same_aspect_is_only_resized() {
        let p = plan_fit(2048, 1152, 1920, 1080);
        assert_eq!(p, plan((0, 0, 2048, 1152), (1920, 1080)));
        assert_eq!(
            describe(&p, 2048, 1152, Lang::En),
            "Resized 2048x1152 to 1920x1080."
        );
    }

    #[test]
    fn wide_source_to_square_keeps_the_middle() {
        let p = plan_fit(3840, 1632, 1000, 1000);
        assert_eq!(p, plan((1104, 0, 1632, 1632), (1000, 1000)));
        assert_eq!(
            describe(&p, 3840, 1632, Lang::En),
            "Cropped 3840x1632 to 1632x1632 (1104 px off left and right) and resized to 1000x1000."
        );
    }

    #[test]
    fn uneven_margins_are_named_separately() {
        let p = plan_fit(1024, 1031, 1024, 1024);
        assert_eq!(p, plan((0, 3, 1024, 1024), (1024, 1024)));
        assert_eq!(
            describe(&p, 1024, 1031, Lang::En),
            "Cropped 1024x1031 to 1024x1024 (3 px off the top and 4 px off the bottom)."
        );
    }

    #[test]
    fn extreme_aspects_keep_at_least_one_pixel() {
        assert_eq!(plan_fit(4000, 1, 1, 4000), plan((1999, 0, 1, 1), (1, 4000)));
        assert_eq!(plan_fit(1, 4000, 4000, 1), plan((0, 1999, 1, 1), (4000, 1)));
        assert_eq!(plan_fit(3999, 1, 2, 1), plan((1998, 0, 2, 1), (2, 1)));
        assert_eq!(
            plan_fit(u32::MAX, 1, 1, u32::MAX),
            plan((u32::MAX / 2, 0, 1, 1), (1, u32::MAX))
        );
        assert_eq!(
            plan_fit(u32::MAX, u32::MAX, u32::MAX, u32::MAX - 1),
            plan((0, 0, u32::MAX, u32::MAX - 1), (u32::MAX, u32::MAX - 1))
        );
    }

    #[test]
    fn zero_sizes_give_a_plan_apply_fit_refuses() {
        for (sw, sh, w, h) in [(0, 10, 5, 5), (10, 0, 5, 5), (10, 10, 0, 5), (10, 10, 5, 0)] {
            let p = plan_fit(sw, sh, w, h);
            let rgba = vec![0; (sw * sh * 4) as usize];
            let err = apply_fit(&rgba, sw, sh, &p).unwrap_err();
            assert!(err.to_string().contains("zero"), "{err}");
        }
    }

    #[test]
    fn apply_fit_refuses_bad_input() {
        let rgba = flat(8, 8, [0, 0, 0, 255]);
        let short = &rgba[..rgba.len() - 4];
        let err = apply_fit(short, 8, 8, &plan_fit(8, 8, 4, 4)).unwrap_err();
        assert!(err.to_string().contains("bytes"), "{err}");
        let outside = plan((6, 0, 4, 8), (4, 8));
        let err = apply_fit(&rgba, 8, 8, &outside).unwrap_err();
        assert!(err.to_string().contains("leaves"), "{err}");
        assert_eq!(
            err.message(Lang::ZhCn),
            "在 (6, 0) 处的 4x8 裁剪区域超出了 8x8 的图片"
        );
    }

    #[test]
    fn output_has_exactly_the_target_size() {
        let rgba = pattern(176, 250);
        for (w, h) in [(174, 248), (100, 100), (300, 40), (1, 1), (176, 250)] {
            let p = plan_fit(176, 250, w, h);
            let out = apply_fit(&rgba, 176, 250, &p).unwrap();
            assert_eq!(out.len(), (w * h * 4) as usize, "{w}x{h}");
        }
    }

    #[test]
    fn a_pure_crop_keeps_the_source_pixels() {
        let (sw, sh) = (40, 28);
        let rgba = pattern(sw, sh);
        let stride = (sw * 4) as usize;
        let p = plan_fit(sw, sh, 40, 20);
        assert_eq!(p, plan((0, 4, 40, 20), (40, 20)));
        let out = apply_fit(&rgba, sw, sh, &p).unwrap();
        assert_eq!(out, rgba[4 * stride..24 * stride]);

        let p = plan_fit(sw, sh, 28, 28);
        assert_eq!(p, plan((6, 0, 28, 28), (28, 28)));
        let out = apply_fit(&rgba, sw, sh, &p).unwrap();
        for (y, row) in out.chunks_exact(28 * 4).enumerate() {
            let start = y * stride + 6 * 4;
            assert_eq!(row, &rgba[start..start + 28 * 4], "row {y}");
        }
    }

    #[test]
    fn the_identity_returns_the_source() {
        let rgba = pattern(33, 17);
        let out = apply_fit(&rgba, 33, 17, &plan_fit(33, 17, 33, 17)).unwrap();
        assert_eq!(out, rgba);
    }

    #[test]
    fn a_flat_colour_stays_that_colour() {
        for pixel in [[200, 100, 50, 255], [12, 240, 99, 128], [255, 255, 255, 1]] {
            for (sw, sh, w, h) in [(176, 250, 174, 248), (64, 48, 100, 100), (300, 17, 7, 3)] {
                let rgba = flat(sw, sh, pixel);
                let out = apply_fit(&rgba, sw, sh, &plan_fit(sw, sh, w, h)).unwrap();
                for got in out.chunks_exact(4) {
                    for (g, want) in got.iter().zip(pixel) {
                        assert!(g.abs_diff(want) <= 1, "{pixel:?} became {got:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn invisible_pixels_do_not_bleed_their_hidden_colour() {
        // Left half invisible red, right half opaque blue: no visible red may appear.
        let (sw, sh) = (64, 32);
        let rgba: Vec<u8> = (0..sh * sw)
            .flat_map(|i| {
                if i % sw < sw / 2 {
                    [255, 0, 0, 0]
                } else {
                    [0, 0, 255, 255]
                }
            })
            .collect();
        let out = apply_fit(&rgba, sw, sh, &plan_fit(sw, sh, 45, 20)).unwrap();
        for pixel in out.chunks_exact(4) {
            assert!(pixel[0] <= 1 || pixel[3] == 0, "red leaked: {pixel:?}");
        }
    }

    #[test]
    fn a_crop_and_resize_keeps_only_a_trace_of_the_bands() {
        // 8 px red bands above and below a blue middle; 2:1 keeps exactly the middle.
        let (sw, sh) = (64, 48);
        let rgba: Vec<u8> = (0..sh * sw)
            .flat_map(|i| {
                if (8..40).contains(&(i / sw)) {
                    [0, 0, 255, 255]
                } else {
                    [255, 0, 0, 255]
                }
            })
            .collect();
        let p = plan_fit(sw, sh, 32, 16);
        assert_eq!(p, plan((0, 8, 64, 32), (32, 16)));
        let out = apply_fit(&rgba, sw, sh, &p).unwrap();
        // Lanczos3 reaches 3 output pixels (6 source pixels here) past the crop, so the outer
        // rows keep a trace of the bands (at most 14 of 255); the middle rows are pure blue.
        for (y, row) in out.chunks_exact(32 * 4).enumerate() {
            let trace = if (3..13).contains(&y) { 0 } else { 20 };
            for pixel in row.chunks_exact(4) {
                assert!(
                    pixel[0] <= trace && pixel[2] >= 255 - trace,
                    "row {y}: {pixel:?}"
                );
            }
        }
    }

    /// Times the two fits the app makes most. Run with
    /// `cargo test --release --lib fit::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timing() {
        for (sw, sh, w, h) in [(3840, 2176, 3840, 2160), (1760, 2496, 1748, 2480)] {
            let rgba = pattern(sw, sh);
            let p = plan_fit(sw, sh, w, h);
            let runs = 5;
            let start = std::time::Instant::now();
            for _ in 0..runs {
                std::hint::black_box(apply_fit(&rgba, sw, sh, &p).unwrap());
            }
            println!(
                "{sw}x{sh} -> {w}x{h}: {:?} per run ({})",
                start.elapsed() / runs,
                describe(&p, sw, sh, Lang::En)
            );
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_crop_is_the_centred_cover_with_the_target_aspect(
            sw in 1u32..4000, sh in 1u32..4000, w in 1u32..4000, h in 1u32..4000,
        ) {
            let p = plan_fit(sw, sh, w, h);
            prop_assert_eq!((p.width, p.height), (w, h));
            prop_assert!(p.crop_width >= 1 && p.crop_height >= 1);
            prop_assert!(p.crop_x + p.crop_width <= sw && p.crop_y + p.crop_height <= sh);
            let (left, right) = (p.crop_x, sw - p.crop_x - p.crop_width);
            let (top, bottom) = (p.crop_y, sh - p.crop_y - p.crop_height);
            prop_assert!(left <= right && right - left <= 1, "{} vs {}", left, right);
            prop_assert!(top <= bottom && bottom - top <= 1, "{} vs {}", top, bottom);
            // Cover: one whole edge kept, the other within a pixel of the exact aspect.
            let (cw, ch) = (u64::from(p.crop_width), u64::from(p.crop_height));
            let (w, h) = (u64::from(w), u64::from(h));
            let width_cut_to_aspect = p.crop_height == sh && (cw * h).abs_diff(ch * w) < h;
            let height_cut_to_aspect = p.crop_width == sw && (ch * w).abs_diff(cw * h) < w;
            prop_assert!(width_cut_to_aspect || height_cut_to_aspect, "{:?}", p);
        }
    }
}
