//! Reference prep end to end in native code, on generated files of every kind: what is sent,
//! at which size, in which format, and why a file is refused.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Cursor;

use image::{ExtendedColorType, ImageEncoder};
use studio_core::i18n::Lang;
use studio_core::prep::decode::read_header;
use studio_core::prep::encode::Codec;
use studio_core::prep::encode::RustEncoder;
use studio_core::prep::error::PrepErrorKind;
use studio_core::prep::mask::{
    prepare_image_as_png, prepare_mask, prepare_with_mask, MaskTarget, PairError,
    IMAGE_LIMIT_BYTES, MASK_LIMIT_BYTES,
};
use studio_core::prep::pipeline::{block_on, codec_plans, prepare, prepare_as, Output, Prepared};
use studio_core::prep::zip::crc32;
use studio_core::prep::PrepSettings;

fn clock() -> f64 {
    0.0
}

fn run(
    bytes: &[u8],
    settings: &PrepSettings,
) -> Result<Prepared, studio_core::prep::error::PrepError> {
    block_on(prepare(
        bytes,
        settings,
        false,
        &mut RustEncoder,
        &clock,
        Lang::En,
    ))
}

/// A photo-like RGB gradient with some texture, so JPEG sizes behave like photos.
fn photo_rgb(w: u32, h: u32) -> Vec<u8> {
    let mut v = Vec::with_capacity((w * h * 3) as usize);
    let mut seed = 12345u32;
    for y in 0..h {
        for x in 0..w {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let noise = (seed >> 24) as u8 / 8;
            v.push(((x * 255 / w) as u8).wrapping_add(noise));
            v.push(((y * 255 / h) as u8).wrapping_add(noise));
            v.push((((x + y) * 255 / (w + h)) as u8).wrapping_add(noise));
        }
    }
    v
}

/// A JPEG (w x h as stored) carrying an EXIF orientation tag when `orientation` is given.
fn jpeg(w: u32, h: u32, orientation: Option<u16>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, 90);
    if let Some(o) = orientation {
        let mut exif = b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
        exif.extend_from_slice(&o.to_be_bytes());
        exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        enc.add_exif_metadata(&exif).unwrap();
    }
    enc.encode(
        &photo_rgb(w, h),
        w as u16,
        h as u16,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    out
}

fn png_rgba(w: u32, h: u32, alpha: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    let rgb = photo_rgb(w, h);
    let mut rgba = Vec::new();
    for (i, p) in rgb.chunks_exact(3).enumerate() {
        let (x, y) = (i as u32 % w, i as u32 / w);
        rgba.extend_from_slice(&[p[0], p[1], p[2], alpha(x, y)]);
    }
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&rgba, w, h, ExtendedColorType::Rgba8)
        .unwrap();
    out
}

fn png_with(
    w: u32,
    h: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    data: &[u8],
    palette: Option<Vec<u8>>,
) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(depth);
        if let Some(p) = palette {
            enc.set_palette(p);
        }
        enc.write_header().unwrap().write_image_data(data).unwrap();
    }
    out
}

fn small() -> PrepSettings {
    PrepSettings {
        max_edge: 256,
        budget_bytes: 1_500_000,
        text_mode: false,
    }
}

#[test]
fn exif_orientation_6_turns_the_image_upright() {
    let file = jpeg(400, 300, Some(6));
    let header = read_header(&file).unwrap();
    assert_eq!(header.oriented_size(), (300, 400));
    let out = run(&file, &small()).unwrap();
    assert!(!out.report.passed_through, "a rotated file is re-encoded");
    assert_eq!((out.report.width, out.report.height), (192, 256));
    assert_eq!(
        (out.report.source_width, out.report.source_height),
        (300, 400)
    );
    let decoded = image::load_from_memory(&out.bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (192, 256));
    assert_eq!(out.report.mime, "image/jpeg");
}

#[test]
fn orientation_content_is_rotated_clockwise() {
    // Left column red, rest black, stored 40x20; orientation 6 = rotate 90 cw: red on top.
    let (w, h) = (40u32, 20u32);
    let mut rgb = Vec::new();
    for _ in 0..h {
        for x in 0..w {
            rgb.extend_from_slice(if x < 10 { &[255, 0, 0] } else { &[0, 0, 0] });
        }
    }
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, 95);
    enc.add_exif_metadata(b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0")
        .unwrap();
    enc.encode(&rgb, w as u16, h as u16, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    let prepared = run(&out, &small()).unwrap();
    let img = image::load_from_memory(&prepared.bytes)
        .unwrap()
        .into_rgb8();
    assert_eq!(img.dimensions(), (20, 40));
    assert!(img.get_pixel(10, 2)[0] > 200, "top is red");
    assert!(img.get_pixel(10, 37)[0] < 60, "bottom is black");
}

#[test]
fn a_small_upright_file_passes_through_unchanged() {
    let file = jpeg(200, 100, None);
    let out = run(&file, &small()).unwrap();
    assert!(out.report.passed_through);
    assert_eq!(out.bytes, file);
    assert_eq!(out.report.encodes, 0);
    // Orientation 1 written explicitly is upright too.
    let file = jpeg(200, 100, Some(1));
    assert!(run(&file, &small()).unwrap().report.passed_through);
}

#[test]
fn too_wide_too_heavy_or_foreign_formats_are_re_encoded() {
    let wide = jpeg(600, 100, None);
    let out = run(&wide, &small()).unwrap();
    assert!(!out.report.passed_through);
    assert_eq!((out.report.width, out.report.height), (256, 43));

    let file = jpeg(200, 200, None);
    let tight = PrepSettings {
        budget_bytes: file.len() as u64 - 1,
        ..small()
    };
    let out = run(&file, &tight).unwrap();
    assert!(!out.report.passed_through);
    assert!(out.bytes.len() < file.len());

    let mut bmp = Vec::new();
    image::codecs::bmp::BmpEncoder::new(&mut bmp)
        .write_image(&photo_rgb(64, 48), 64, 48, ExtendedColorType::Rgb8)
        .unwrap();
    let out = run(&bmp, &small()).unwrap();
    assert_eq!(
        (
            out.report.mime.as_str(),
            out.report.width,
            out.report.source_mime.as_str()
        ),
        ("image/jpeg", 64, "image/bmp")
    );
}

#[test]
fn never_upscales() {
    let file = jpeg(100, 50, Some(3));
    let out = run(&file, &small()).unwrap();
    assert_eq!((out.report.width, out.report.height), (100, 50));
}

#[test]
fn budget_is_met_with_few_encodes_then_by_downscaling() {
    let file = jpeg(1600, 1200, None);
    let settings = PrepSettings {
        max_edge: 1600,
        budget_bytes: 120_000,
        text_mode: false,
    };
    let out = run(&file, &settings).unwrap();
    assert!(
        out.bytes.len() as u64 <= 120_000,
        "{} bytes",
        out.bytes.len()
    );
    assert!(out.report.encodes <= 4, "{} encodes", out.report.encodes);

    let tiny = PrepSettings {
        max_edge: 1600,
        budget_bytes: 20_000,
        text_mode: false,
    };
    let out = run(&file, &tiny).unwrap();
    assert!(out.bytes.len() as u64 <= 20_000);
    assert!(
        out.report.width < 1600,
        "downscaled to {}",
        out.report.width
    );
    assert_eq!(
        out.report.width * 3,
        out.report.height * 4 + (out.report.width * 3) % 4,
        "aspect kept"
    );
}

#[test]
fn transparency_is_kept_only_when_real() {
    let see_through = png_rgba(300, 200, |x, _| if x < 50 { 0 } else { 255 });
    let out = run(&see_through, &small()).unwrap();
    assert_eq!(out.report.mime, "image/png");
    let img = image::load_from_memory(&out.bytes).unwrap();
    assert!(img.color().has_alpha());

    let opaque_rgba = png_rgba(300, 200, |_, _| 255);
    let out = run(&opaque_rgba, &small()).unwrap();
    assert_eq!(
        out.report.mime, "image/jpeg",
        "an all-opaque alpha channel is dropped"
    );
}

#[test]
fn codec_choice() {
    let first = |t, text, webp| codec_plans(t, text, webp)[0];
    assert_eq!(
        (
            first(false, false, true).codec,
            first(false, false, true).start
        ),
        (Codec::Webp, 85)
    );
    assert_eq!(
        (
            first(false, false, false).codec,
            first(false, false, false).start
        ),
        (Codec::Jpeg, 90)
    );
    assert_eq!(first(true, false, true).codec, Codec::Webp);
    assert_eq!(first(true, false, false).codec, Codec::Png);
    let text = codec_plans(false, true, false);
    assert_eq!(text[0].codec, Codec::Png);
    assert_eq!((text[1].codec, text[1].start), (Codec::Jpeg, 94));
}

#[test]
fn text_mode_keeps_png_when_it_fits() {
    let bmp_like = png_rgba(300, 200, |_, _| 255);
    let settings = PrepSettings {
        text_mode: true,
        ..small()
    };
    let out = run(&bmp_like, &settings).unwrap();
    assert_eq!(out.report.mime, "image/png");
}

#[test]
fn sixteen_bit_grayscale_and_palette_pngs_decode() {
    let (w, h) = (300u32, 20u32);
    let sixteen: Vec<u8> = (0..w * h * 3)
        .flat_map(|i| ((i * 97) as u16).to_be_bytes())
        .collect();
    let file = png_with(
        w,
        h,
        png::ColorType::Rgb,
        png::BitDepth::Sixteen,
        &sixteen,
        None,
    );
    assert_eq!(run(&file, &small()).unwrap().report.width, 256);

    let gray: Vec<u8> = (0..w * h).map(|i| (i % 251) as u8).collect();
    let file = png_with(
        w,
        h,
        png::ColorType::Grayscale,
        png::BitDepth::Eight,
        &gray,
        None,
    );
    assert_eq!(run(&file, &small()).unwrap().report.width, 256);

    let palette: Vec<u8> = (0..16u8)
        .flat_map(|i| [i * 16, 255 - i * 16, 128])
        .collect();
    let indices: Vec<u8> = (0..w * h).map(|i| (i % 16) as u8).collect();
    let file = png_with(
        w,
        h,
        png::ColorType::Indexed,
        png::BitDepth::Eight,
        &indices,
        Some(palette),
    );
    let out = run(&file, &small()).unwrap();
    assert_eq!((out.report.width, out.report.height), (256, 17));
}

#[test]
fn cmyk_jpeg_decodes() {
    let (w, h) = (300u32, 40u32);
    let cmyk: Vec<u8> = (0..w * h)
        .flat_map(|i| [(i % 200) as u8, 30, 60, 10])
        .collect();
    let mut file = Vec::new();
    jpeg_encoder::Encoder::new(&mut file, 90)
        .encode(&cmyk, w as u16, h as u16, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    let out = run(&file, &small()).unwrap();
    assert_eq!((out.report.width, out.report.height), (256, 34));
    assert_eq!(out.report.mime, "image/jpeg");
    let header = read_header(&file).unwrap();
    assert!(header.cmyk);
    assert_eq!(
        studio_core::prep::decode::jpeg_component_count(&file),
        Some(4)
    );
    // Small and within every limit, yet re-encoded: a CMYK JPEG is not sent as it is.
    let roomy = PrepSettings {
        max_edge: 2048,
        ..small()
    };
    let kept = run(&file, &roomy).unwrap();
    assert!(!kept.report.passed_through);
    let rgb = jpeg(300, 40, None);
    assert!(!read_header(&rgb).unwrap().cmyk);
    assert_eq!(
        studio_core::prep::decode::jpeg_component_count(&rgb),
        Some(3)
    );
    assert!(run(&rgb, &roomy).unwrap().report.passed_through);
}

#[test]
fn gif_first_frame_and_webp_decode() {
    let mut gif = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
        let frame = image::RgbaImage::from_pixel(40, 30, image::Rgba([10, 200, 30, 255]));
        enc.encode_frame(image::Frame::new(frame.clone())).unwrap();
        enc.encode_frame(image::Frame::new(frame)).unwrap();
    }
    let out = run(&gif, &small()).unwrap();
    assert_eq!(
        (
            out.report.width,
            out.report.height,
            out.report.mime.as_str()
        ),
        (40, 30, "image/jpeg")
    );

    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .write_image(&photo_rgb(64, 32), 64, 32, ExtendedColorType::Rgb8)
        .unwrap();
    let out = run(&webp, &small()).unwrap();
    assert!(
        out.report.passed_through,
        "a small upright WebP is sent as it is"
    );
}

#[test]
fn bad_files_each_get_their_class() {
    let kind = |bytes: &[u8]| run(bytes, &small()).err().unwrap().kind;
    assert_eq!(kind(b""), PrepErrorKind::Empty);
    assert_eq!(
        kind(b"\0\0\0\x18ftypheic\0\0\0\0"),
        PrepErrorKind::Unsupported("HEIC")
    );
    assert_eq!(
        kind(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
        PrepErrorKind::Unsupported("SVG")
    );
    assert_eq!(kind(b"%PDF-1.4 ..."), PrepErrorKind::Unsupported("PDF"));
    assert_eq!(kind(b"II*\0\x08\0\0\0"), PrepErrorKind::Unsupported("TIFF"));
    let png = png_rgba(300, 200, |_, _| 255);
    assert_eq!(kind(&png[..png.len() / 2]), PrepErrorKind::Corrupt);
    let jpg = jpeg(300, 200, None);
    assert_eq!(kind(&jpg[..40]), PrepErrorKind::Corrupt);
    // Small enough to pass through, but broken: still refused.
    let small_png = png_rgba(100, 80, |_, _| 255);
    assert_eq!(
        kind(&small_png[..small_png.len() / 2]),
        PrepErrorKind::Corrupt
    );
}

/// A PNG whose header claims `w` x `h` over a tiny body: a decompression bomb's shape.
fn claimed_png(w: u32, h: u32) -> Vec<u8> {
    let mut file = png_rgba(2, 2, |_, _| 255);
    file[16..20].copy_from_slice(&w.to_be_bytes());
    file[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&file[12..29]);
    file[29..33].copy_from_slice(&crc.to_be_bytes());
    file
}

#[test]
fn pixel_bombs_are_refused_from_the_header() {
    let err = run(&claimed_png(20_000, 20_000), &small()).err().unwrap();
    assert_eq!(err.kind, PrepErrorKind::TooManyPixels);
    assert!(err.message(Lang::En).contains("400 megapixels"), "{err}");
    // Just under the cap is not refused for its size (it fails later as corrupt instead).
    assert_eq!(
        run(&claimed_png(10_000, 10_000), &small())
            .err()
            .unwrap()
            .kind,
        PrepErrorKind::Corrupt
    );
}

/// A mask PNG (RGBA, black) whose alpha is `alpha(x, y)`: cheap to make and to encode even
/// at photo sizes.
fn mask_png(w: u32, h: u32, mut alpha: impl FnMut(u32, u32) -> u8) -> Vec<u8> {
    let mut rgba = vec![0u8; (w * h * 4) as usize];
    for (i, p) in rgba.chunks_exact_mut(4).enumerate() {
        p[3] = alpha(i as u32 % w, i as u32 / w);
    }
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&rgba, w, h, ExtendedColorType::Rgba8)
        .unwrap();
    out
}

fn with_mask(
    image: &[u8],
    mask: &[u8],
    settings: &PrepSettings,
    image_png: bool,
) -> Result<(Prepared, Prepared), PairError> {
    block_on(prepare_with_mask(
        image,
        mask,
        settings,
        image_png,
        false,
        &mut RustEncoder,
        &clock,
        Lang::En,
    ))
}

fn assert_is_mask_of(mask: &Prepared, image: &Prepared) {
    assert_eq!(mask.report.mime, "image/png");
    assert!((mask.bytes.len() as u64) < MASK_LIMIT_BYTES);
    assert_eq!(mask.report.bytes, mask.bytes.len() as u64);
    let decoded = image::load_from_memory(&mask.bytes).unwrap();
    assert!(decoded.color().has_alpha(), "the mask keeps its alpha");
    assert_eq!(
        (decoded.width(), decoded.height()),
        (image.report.width, image.report.height),
        "the mask has image 1's prepared size"
    );
    assert_eq!(
        (mask.report.width, mask.report.height),
        (image.report.width, image.report.height)
    );
}

/// The defect report's case: a 6000x4000 JPEG and a same-size mask used to go as an 882x588
/// PNG (forced to PNG, then shrunk to the 1.5 MB budget) while the card said 2048x1365.
#[test]
fn a_mask_leaves_image_1_exactly_as_without_one() {
    let image = jpeg(6000, 4000, None);
    let mask = mask_png(
        6000,
        4000,
        |x, y| if x > 2000 && y < 1500 { 0 } else { 255 },
    );
    let settings = PrepSettings::default();
    let alone = run(&image, &settings).unwrap();
    let (img, m) = with_mask(&image, &mask, &settings, false).unwrap();
    assert_eq!(
        (
            img.report.width,
            img.report.height,
            img.report.mime.as_str()
        ),
        (2048, 1365, "image/jpeg")
    );
    assert!(img.bytes.len() as u64 <= settings.budget_bytes);
    assert_eq!(img.bytes, alone.bytes, "the same bytes as without a mask");
    assert_eq!(img.report.note, None);
    assert_is_mask_of(&m, &img);
    // Alpha 0 stays where it was painted, scaled to the prepared size.
    let alpha = image::load_from_memory(&m.bytes).unwrap().to_rgba8();
    assert_eq!(alpha.get_pixel(1500, 100)[3], 0);
    assert_eq!(alpha.get_pixel(100, 1300)[3], 255);
    println!(
        "6000x4000 JPEG + mask: image 1 {}x{} {} {} bytes, mask {}x{} {} bytes",
        img.report.width,
        img.report.height,
        img.report.mime,
        img.bytes.len(),
        m.report.width,
        m.report.height,
        m.bytes.len()
    );

    // The profile option for gateways that want the same format: PNG at the same long edge,
    // far over the 1.5 MB budget but within the spec's 50 MB per image.
    let (png, m) = with_mask(&image, &mask, &settings, true).unwrap();
    assert_eq!(
        (
            png.report.width,
            png.report.height,
            png.report.mime.as_str()
        ),
        (2048, 1365, "image/png")
    );
    assert_eq!(read_header(&png.bytes).unwrap().format.mime(), "image/png");
    assert!(
        png.bytes.len() as u64 > settings.budget_bytes,
        "{} bytes: not shrunk to the budget",
        png.bytes.len()
    );
    assert!((png.bytes.len() as u64) < IMAGE_LIMIT_BYTES);
    assert_eq!(png.report.note, None);
    assert_is_mask_of(&m, &png);
    println!(
        "with the PNG option: image 1 {}x{} {} {} bytes, mask {} bytes",
        png.report.width,
        png.report.height,
        png.report.mime,
        png.bytes.len(),
        m.bytes.len()
    );
}

#[test]
fn mask_is_oriented_and_sized_like_image_1() {
    let image = jpeg(400, 300, Some(6)); // displayed 300x400, prepared 192x256
    let mask = png_rgba(300, 400, |x, _| if x < 150 { 0 } else { 255 });
    let (img, m) = with_mask(&image, &mask, &small(), false).unwrap();
    assert_eq!((img.report.width, img.report.height), (192, 256));
    assert_eq!(
        img.report.mime, "image/jpeg",
        "image 1 keeps its usual format"
    );
    assert_is_mask_of(&m, &img);
    assert_eq!((m.report.source_width, m.report.source_height), (300, 400));

    // Already at the prepared size is accepted too.
    let mask = png_rgba(192, 256, |_, y| if y < 10 { 0 } else { 255 });
    assert!(with_mask(&image, &mask, &small(), false).is_ok());
}

#[test]
fn a_budget_that_shrinks_image_1_shrinks_the_mask_with_it_and_says_so() {
    let image = jpeg(400, 300, None);
    let mask = png_rgba(400, 300, |_, _| 0);
    let settings = PrepSettings {
        max_edge: 400,
        budget_bytes: 12_000,
        text_mode: false,
    };
    let (img, m) = with_mask(&image, &mask, &settings, false).unwrap();
    assert!(img.bytes.len() <= 12_000);
    assert!(img.report.width < 400);
    let note = img.report.note.clone().expect("the shrink is told");
    assert!(note.contains("shrunk from 400x300"), "{note}");
    assert_is_mask_of(&m, &img);
    // The mask may also come at the size image 1 is sent at.
    let sent = mask_png(img.report.width, img.report.height, |_, _| 0);
    assert!(with_mask(&image, &sent, &settings, false).is_ok());
}

#[test]
fn image_1_as_png_keeps_the_long_edge_and_shrinks_only_past_its_allowance() {
    let image = jpeg(400, 300, Some(6));
    let settings = PrepSettings {
        max_edge: 256,
        budget_bytes: 60_000,
        text_mode: false,
    };
    let usual = run(&image, &settings).unwrap();
    let png = block_on(prepare_image_as_png(
        &image,
        &settings,
        &mut RustEncoder,
        &clock,
        Lang::En,
    ))
    .unwrap();
    assert_eq!(
        (
            png.report.width,
            png.report.height,
            png.report.mime.as_str()
        ),
        (192, 256, "image/png")
    );
    assert_eq!(
        (usual.report.width, usual.report.height),
        (png.report.width, png.report.height)
    );
    assert!(png.bytes.len() > 60_000, "{} bytes", png.bytes.len());
    assert_eq!(png.report.note, None);

    // An allowance PNG cannot meet at the long edge: shrunk, and said so.
    let tight = block_on(prepare_as(
        &image,
        &settings,
        Output::Png { allowance: 40_000 },
        &mut RustEncoder,
        &clock,
        Lang::En,
    ))
    .unwrap();
    assert!(tight.bytes.len() <= 40_000);
    assert!(tight.report.width < 192 && tight.report.mime == "image/png");
    assert!(tight.report.note.unwrap().contains("shrunk from 192x256"));

    // A PNG that already qualifies is sent as it is.
    let small_png = png_rgba(200, 100, |_, _| 255);
    let out = block_on(prepare_image_as_png(
        &small_png,
        &settings,
        &mut RustEncoder,
        &clock,
        Lang::En,
    ))
    .unwrap();
    assert!(out.report.passed_through);
    assert_eq!(out.bytes, small_png);
}

#[test]
fn a_mask_over_4_mb_drops_its_colours_or_is_refused() {
    // A mask made from a noisy picture with a transparent hole: as RGBA far over 4 MB.
    let (w, h) = (2048, 1365);
    let target = MaskTarget {
        oriented: (w, h),
        fitted: (w, h),
        sent: (w, h),
    };
    let mut seed = 7u32;
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for i in 0..w * h {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let [a, b, c, _] = seed.to_le_bytes();
        let (x, y) = (i % w, i / w);
        rgba.extend_from_slice(&[
            a ^ c,
            b,
            c ^ a.rotate_left(3),
            if x < 500 && y < 500 { 0 } else { 255 },
        ]);
    }
    let mut photo = Vec::new();
    image::codecs::png::PngEncoder::new(&mut photo)
        .write_image(&rgba, w, h, ExtendedColorType::Rgba8)
        .unwrap();
    assert!(
        photo.len() as u64 > MASK_LIMIT_BYTES,
        "{} bytes",
        photo.len()
    );
    let m = prepare_mask(&photo, &target, &clock, Lang::En).unwrap();
    assert!((m.bytes.len() as u64) < MASK_LIMIT_BYTES);
    assert!(m.report.note.unwrap().contains("colours were dropped"));
    let alpha = image::load_from_memory(&m.bytes).unwrap().to_rgba8();
    assert_eq!(
        (alpha.get_pixel(10, 10)[3], alpha.get_pixel(1000, 1000)[3]),
        (0, 255)
    );

    // Noise in the alpha channel itself cannot be made smaller without changing the mask.
    let mut seed = 99u32;
    let noise = mask_png(2400, 2400, |_, _| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (seed >> 24) as u8
    });
    let target = MaskTarget {
        oriented: (2400, 2400),
        fitted: (2400, 2400),
        sent: (2400, 2400),
    };
    let Err(why) = prepare_mask(&noise, &target, &clock, Lang::En) else {
        panic!("a noisy 2400x2400 mask fits 4 MB");
    };
    assert!(
        why.contains("under 4 MB") && why.contains("long edge"),
        "{why}"
    );
}

#[test]
fn wrong_masks_are_refused_with_a_reason() {
    let image = jpeg(400, 300, None);
    let refused = |mask: &[u8]| match with_mask(&image, mask, &small(), false) {
        Err(PairError::Mask(m)) => m,
        Err(PairError::Image(e)) => panic!("image refused: {e}"),
        Ok(_) => panic!("mask accepted"),
    };
    let m = refused(&png_rgba(100, 100, |_, _| 0));
    assert!(
        m.contains("100x100") && m.contains("400x300") && m.contains("256x192"),
        "{m}"
    );
    let no_alpha = png_with(
        400,
        300,
        png::ColorType::Rgb,
        png::BitDepth::Eight,
        &photo_rgb(400, 300),
        None,
    );
    assert!(refused(&no_alpha).contains("no alpha channel"));
    assert!(refused(&jpeg(400, 300, None)).contains("must be a PNG"));
    let _ = Cursor::new(());
}

/// The CMYK JPEG the e2e suite uploads (browsers cannot make one): regenerated here, and
/// written when missing, so the committed file always matches its recipe.
#[test]
fn cmyk_fixture_for_e2e_is_current() {
    let (w, h) = (2400u32, 300u32);
    let cmyk: Vec<u8> = (0..w * h)
        .flat_map(|i| [((i % w) * 255 / w) as u8, ((i / w) * 255 / h) as u8, 40, 20])
        .collect();
    let mut file = Vec::new();
    jpeg_encoder::Encoder::new(&mut file, 80)
        .encode(&cmyk, w as u16, h as u16, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/fixtures/cmyk.jpg");
    match std::fs::read(&path) {
        Ok(existing) => assert_eq!(
            existing,
            file,
            "{} is stale: delete it and rerun",
            path.display()
        ),
        Err(_) => std::fs::write(&path, &file).unwrap(),
    }
}

#[test]
fn big_jpegs_are_decoded_reduced_in_the_idct_with_the_same_picture() {
    use studio_core::prep::decode::{decode, decode_jpeg_reduced, jpeg_reduction};
    use studio_core::prep::resize::Pixels;
    // The largest reduction that still covers the target, never one below it.
    assert_eq!(jpeg_reduction(6000, 4000, 2048, 1365), Some(2));
    assert_eq!(jpeg_reduction(6000, 4000, 1024, 683), Some(4));
    assert_eq!(jpeg_reduction(6000, 4000, 256, 171), Some(8));
    assert_eq!(jpeg_reduction(3000, 2000, 2048, 1365), None);
    for (w, h, mw, mh) in [(1201, 801, 300, 200), (999, 7, 124, 1), (17, 4000, 3, 999)] {
        let d = jpeg_reduction(w, h, mw, mh).unwrap();
        assert!(w.div_ceil(d) >= mw && h.div_ceil(d) >= mh);
        assert!(d == 8 || w.div_ceil(d * 2) < mw || h.div_ceil(d * 2) < mh);
    }

    let file = jpeg(1200, 800, None);
    let header = read_header(&file).unwrap();
    let reduced = decode_jpeg_reduced(&file, &header, 256, 171).unwrap();
    assert_eq!(
        (reduced.width, reduced.height),
        (300, 200),
        "1/4 in the IDCT"
    );
    let full = Pixels::from_image(decode(&file).unwrap().image);
    let (a, b) = (
        reduced.resize(256, 171).unwrap(),
        full.resize(256, 171).unwrap(),
    );
    let diff: u64 = a
        .rgba
        .iter()
        .zip(&b.rgba)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    let mean = diff as f64 / a.rgba.len() as f64;
    assert!(mean < 3.0, "mean difference {mean:.2} per channel");

    // Progressive JPEGs are reduced the same way.
    let mut progressive = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut progressive, 90);
    enc.set_progressive(true);
    enc.encode(
        &photo_rgb(1200, 800),
        1200,
        800,
        jpeg_encoder::ColorType::Rgb,
    )
    .unwrap();
    let header = read_header(&progressive).unwrap();
    let reduced = decode_jpeg_reduced(&progressive, &header, 256, 171).unwrap();
    assert_eq!((reduced.width, reduced.height), (300, 200));
    assert_eq!(run(&progressive, &small()).unwrap().report.width, 256);
    let header = read_header(&file).unwrap();

    // Small targets only: a JPEG near the target size is decoded in full.
    assert!(decode_jpeg_reduced(&file, &header, 700, 467).is_none());
    // Through the pipeline: dimensions as before, EXIF orientation still applied.
    let turned = jpeg(1200, 800, Some(6));
    let out = run(&turned, &small()).unwrap();
    assert_eq!((out.report.width, out.report.height), (171, 256));
}

#[test]
fn a_truncated_big_jpeg_is_refused_not_half_grey() {
    let file = jpeg(1200, 800, None);
    for cut in [file.len() / 3, file.len() * 2 / 3, file.len() - 10] {
        let err = run(&file[..cut], &small()).err();
        assert_eq!(
            err.map(|e| e.kind),
            Some(PrepErrorKind::Corrupt),
            "cut at {cut} of {}",
            file.len()
        );
    }
    // An embedded thumbnail's own end marker (inside APP1, before the scan) does not count.
    let mut with_thumb = file[..2].to_vec();
    let thumb = b"Exif\0\0\xFF\xD8 tiny thumbnail \xFF\xD9";
    with_thumb.extend_from_slice(&[0xFF, 0xE1]);
    with_thumb.extend_from_slice(&(thumb.len() as u16 + 2).to_be_bytes());
    with_thumb.extend_from_slice(thumb);
    with_thumb.extend_from_slice(&file[2..]);
    assert!(studio_core::prep::decode::jpeg_reaches_eoi(&with_thumb));
    let cut = &with_thumb[..with_thumb.len() / 2];
    assert_eq!(
        run(cut, &small()).err().map(|e| e.kind),
        Some(PrepErrorKind::Corrupt)
    );
    // Data appended after the end marker (a motion photo's video) is fine.
    let mut appended = file.clone();
    appended.extend_from_slice(b"\0\0\0\x18ftypmp42 appended video");
    assert_eq!(run(&appended, &small()).unwrap().report.width, 256);
}

/// The Rust encoders beside a stand-in for the browser's decoder: it records what it was
/// asked and answers with a flat, half-transparent colour (so the result is a lossless PNG)
/// at the size asked, or at `wrong_size` when set.
struct WithDecoder {
    asked: Vec<(u32, u32)>,
    wrong_size: Option<(u32, u32)>,
}

impl studio_core::prep::encode::Encoder for WithDecoder {
    async fn encode(
        &mut self,
        pixels: &studio_core::prep::resize::Pixels,
        codec: Codec,
        quality: u8,
    ) -> Result<Vec<u8>, studio_core::prep::error::PrepError> {
        RustEncoder.encode(pixels, codec, quality).await
    }

    async fn decode_to(
        &mut self,
        _bytes: &[u8],
        _format: studio_core::prep::sniff::SourceFormat,
        width: u32,
        height: u32,
    ) -> Option<studio_core::prep::resize::Pixels> {
        self.asked.push((width, height));
        let (width, height) = self.wrong_size.unwrap_or((width, height));
        Some(studio_core::prep::resize::Pixels {
            rgba: [10, 200, 30, 128].repeat((width * height) as usize),
            width,
            height,
        })
    }
}

fn run_with(bytes: &[u8], decoder: &mut WithDecoder) -> Prepared {
    block_on(prepare(bytes, &small(), false, decoder, &clock, Lang::En)).unwrap()
}

#[test]
fn a_large_png_goes_to_the_browser_decoder_at_the_target_size() {
    let mut decoder = WithDecoder {
        asked: Vec::new(),
        wrong_size: None,
    };
    let p = run_with(&png_rgba(1024, 512, |_, _| 255), &mut decoder);
    assert_eq!(decoder.asked, vec![(256, 128)]);
    assert_eq!((p.report.width, p.report.height), (256, 128));
    assert_eq!(p.report.times.resize_ms, 0.0);
    // Its pixels are what was sent (a flat colour here, not the gradient of the file).
    let sent = image::load_from_memory(&p.bytes).unwrap().to_rgba8();
    assert_eq!(p.report.mime, "image/png");
    assert_eq!(sent.get_pixel(100, 60).0, [10, 200, 30, 128]);
}

#[test]
fn jpeg_truncated_png_and_a_wrong_sized_answer_stay_with_the_rust_decoders() {
    let mut decoder = WithDecoder {
        asked: Vec::new(),
        wrong_size: None,
    };
    // JPEG (orientation 6 included) is never offered.
    let p = run_with(&jpeg(1024, 512, Some(6)), &mut decoder);
    assert!(decoder.asked.is_empty());
    assert_eq!((p.report.width, p.report.height), (128, 256));

    // A PNG without its IEND chunk is refused by the Rust decoder, with its reason.
    let png = png_rgba(1024, 512, |_, _| 255);
    let cut = &png[..png.len() - 12];
    let Err(e) = block_on(prepare(
        cut,
        &small(),
        false,
        &mut decoder,
        &clock,
        Lang::En,
    )) else {
        panic!("a truncated PNG was prepared");
    };
    assert!(decoder.asked.is_empty());
    assert!(
        e.message(Lang::En).contains("truncated or corrupt"),
        "{}",
        e.message(Lang::En)
    );

    // An answer of another size is not trusted: the Rust decoders make the image.
    let mut odd = WithDecoder {
        asked: Vec::new(),
        wrong_size: Some((100, 100)),
    };
    let p = run_with(&png, &mut odd);
    assert_eq!(odd.asked, vec![(256, 128)]);
    assert_eq!((p.report.width, p.report.height), (256, 128));
    let sent = image::load_from_memory(&p.bytes).unwrap().to_rgba8();
    assert_ne!(sent.get_pixel(100, 60).0, [10, 200, 30, 128]);
}

/// `png` with an eXIf chunk carrying `orientation` after its IHDR.
fn with_exif_chunk(png: &[u8], orientation: u16) -> Vec<u8> {
    let mut typed = b"eXIfMM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    typed.extend_from_slice(&orientation.to_be_bytes());
    typed.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut out = png[..33].to_vec();
    out.extend_from_slice(&((typed.len() - 4) as u32).to_be_bytes());
    out.extend_from_slice(&typed);
    out.extend_from_slice(&crc32(&typed).to_be_bytes());
    out.extend_from_slice(&png[33..]);
    out
}

#[test]
fn a_png_or_webp_with_exif_stays_with_the_rust_decoders_so_it_is_turned_once() {
    use studio_core::prep::decode::try_browser_decoder;
    use studio_core::prep::sniff::SourceFormat;
    let plain = png_rgba(1024, 512, |_, _| 255);
    assert!(try_browser_decoder(&plain, SourceFormat::Png));
    let turned = with_exif_chunk(&plain, 6);
    assert!(!try_browser_decoder(&turned, SourceFormat::Png));
    let mut decoder = WithDecoder {
        asked: Vec::new(),
        wrong_size: None,
    };
    let p = run_with(&turned, &mut decoder);
    assert!(decoder.asked.is_empty());
    // Upright whichever orientation the header reads, never the browser's turn on top of ours.
    let h = read_header(&turned).unwrap();
    let (w, hgt) = h.oriented_size();
    assert_eq!((p.report.source_width, p.report.source_height), (w, hgt));

    // WebP: a simple (lossy or lossless) file has no EXIF; VP8X says so in its flags.
    let riff = |chunk: &[u8], extra: &[u8]| {
        let mut v = b"RIFF".to_vec();
        v.extend_from_slice(&((4 + chunk.len() + extra.len()) as u32).to_le_bytes());
        v.extend_from_slice(b"WEBP");
        v.extend_from_slice(chunk);
        v.extend_from_slice(extra);
        v
    };
    assert!(try_browser_decoder(
        &riff(b"VP8L", &[0; 8]),
        SourceFormat::Webp
    ));
    assert!(try_browser_decoder(
        &riff(b"VP8X", &[10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        SourceFormat::Webp
    ));
    assert!(!try_browser_decoder(
        &riff(b"VP8X", &[10, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        SourceFormat::Webp
    ));
    // Shorter than its header says: truncated.
    let mut cut = riff(b"VP8L", &[0; 8]);
    cut.truncate(cut.len() - 2);
    assert!(!try_browser_decoder(&cut, SourceFormat::Webp));
}

/// Our JPEGs read the same with both Rust decoders (zune-jpeg through the image crate, and
/// jpeg-decoder): with optimised Huffman tables, zune-jpeg misread them by up to 255 levels.
#[test]
fn sent_jpegs_decode_alike_in_both_rust_decoders() {
    use studio_core::prep::encode::encode_jpeg;
    use studio_core::prep::resize::Pixels;
    let (w, h) = (256u32, 192u32);
    let mut gray = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let v = ((x + 2 * y) % 256) as u8;
            gray.extend_from_slice(&[v, v, v, 255]);
        }
    }
    let photo: Vec<u8> = photo_rgb(w, h)
        .chunks_exact(3)
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    for (name, rgba) in [("grey", gray), ("photo", photo)] {
        let jpeg = encode_jpeg(
            &Pixels {
                rgba,
                width: w,
                height: h,
            },
            85,
        )
        .unwrap();
        let zune = image::load_from_memory(&jpeg).unwrap().to_rgb8().into_raw();
        let other = jpeg_decoder::Decoder::new(Cursor::new(&jpeg))
            .decode()
            .unwrap();
        let worst = zune
            .iter()
            .zip(&other)
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap();
        assert!(worst <= 8, "{name}: the decoders differ by up to {worst}");
    }
}
