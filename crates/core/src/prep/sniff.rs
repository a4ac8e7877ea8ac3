//! What a file is, from its magic bytes (never from its name or declared type, which lie).

use super::error::{PrepError, PrepErrorKind};
use crate::i18n::text::prep;

/// A format the decoder reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    Jpeg,
    Png,
    Webp,
    Gif,
    Bmp,
}

impl SourceFormat {
    pub fn mime(self) -> &'static str {
        match self {
            SourceFormat::Jpeg => "image/jpeg",
            SourceFormat::Png => "image/png",
            SourceFormat::Webp => "image/webp",
            SourceFormat::Gif => "image/gif",
            SourceFormat::Bmp => "image/bmp",
        }
    }

    /// The API takes png, jpeg and webp as they are; the others are always re-encoded.
    pub fn uploadable(self) -> bool {
        matches!(
            self,
            SourceFormat::Jpeg | SourceFormat::Png | SourceFormat::Webp
        )
    }

    pub fn image_format(self) -> image::ImageFormat {
        match self {
            SourceFormat::Jpeg => image::ImageFormat::Jpeg,
            SourceFormat::Png => image::ImageFormat::Png,
            SourceFormat::Webp => image::ImageFormat::WebP,
            SourceFormat::Gif => image::ImageFormat::Gif,
            SourceFormat::Bmp => image::ImageFormat::Bmp,
        }
    }
}

/// The readable format of `bytes`, or why not: empty, a known unsupported format with what to
/// do about it, or unknown.
pub fn sniff(bytes: &[u8]) -> Result<SourceFormat, PrepError> {
    if bytes.is_empty() {
        return Err(PrepError::sentence(PrepErrorKind::Empty, prep::EMPTY_FILE));
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Ok(SourceFormat::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(SourceFormat::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(SourceFormat::Webp);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(SourceFormat::Gif);
    }
    if bytes.starts_with(b"BM") && bytes.len() >= 26 {
        return Ok(SourceFormat::Bmp);
    }
    Err(unsupported(bytes))
}

fn unsupported(bytes: &[u8]) -> PrepError {
    let (name, advice) = if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        match &bytes[8..12] {
            b"avif" | b"avis" => ("AVIF", prep::AVIF),
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                ("HEIC", prep::HEIC)
            }
            // i18n: not shown (the kind's name, compared, never displayed)
            _ => ("a video or ISO media file", prep::ISO_MEDIA),
        }
    } else if bytes.starts_with(b"%PDF") {
        ("PDF", prep::PDF)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        ("TIFF", prep::TIFF)
    } else if looks_like_svg(bytes) {
        ("SVG", prep::SVG)
    } else if bytes.starts_with(&[0xff, 0x0a]) || bytes.starts_with(b"\0\0\0\x0cJXL ") {
        ("JPEG XL", prep::JPEG_XL)
    } else if bytes.starts_with(b"8BPS") {
        ("PSD", prep::PSD)
    } else {
        return PrepError::sentence(PrepErrorKind::Unknown, prep::UNKNOWN_FORMAT);
    };
    PrepError::sentence(PrepErrorKind::Unsupported(name), advice)
}

/// SVG is text: an `<svg` element near the start, possibly after an XML prolog or BOM.
fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    trimmed.starts_with('<') && text.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn kind(bytes: &[u8]) -> PrepErrorKind {
        sniff(bytes).unwrap_err().kind
    }

    #[test]
    fn readable_formats_by_magic() {
        assert_eq!(sniff(b"\xff\xd8\xff\xe0rest").unwrap(), SourceFormat::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest").unwrap(), SourceFormat::Png);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").unwrap(), SourceFormat::Webp);
        assert_eq!(sniff(b"GIF89a....").unwrap(), SourceFormat::Gif);
        assert_eq!(
            sniff(&[b"BM".as_slice(), &[0; 40]].concat()).unwrap(),
            SourceFormat::Bmp
        );
    }

    #[test]
    fn each_unsupported_format_is_named_with_advice() {
        assert_eq!(kind(b""), PrepErrorKind::Empty);
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(kind(heic), PrepErrorKind::Unsupported("HEIC"));
        assert!(sniff(heic)
            .unwrap_err()
            .message(Lang::En)
            .starts_with("HEIC: export as JPEG first"));
        assert!(sniff(heic)
            .unwrap_err()
            .message(Lang::ZhCn)
            .starts_with("HEIC：请先导出为 JPEG"));
        assert_eq!(
            kind(b"\0\0\0\x18ftypmif1"),
            PrepErrorKind::Unsupported("HEIC")
        );
        assert_eq!(
            kind(b"\0\0\0\x1cftypavif"),
            PrepErrorKind::Unsupported("AVIF")
        );
        assert_eq!(kind(b"%PDF-1.7\n"), PrepErrorKind::Unsupported("PDF"));
        assert_eq!(kind(b"II*\0\x08\0\0\0"), PrepErrorKind::Unsupported("TIFF"));
        assert_eq!(kind(b"MM\0*\0\0\0\x08"), PrepErrorKind::Unsupported("TIFF"));
        let svg = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert_eq!(kind(svg), PrepErrorKind::Unsupported("SVG"));
        assert!(sniff(svg).unwrap_err().message(Lang::En).contains("PNG"));
        assert_eq!(kind(b"hello world"), PrepErrorKind::Unknown);
    }
}
