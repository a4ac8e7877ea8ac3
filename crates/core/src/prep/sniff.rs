//! What a file is, from its magic bytes (never from its name or declared type, which lie).

use super::error::{PrepError, PrepErrorKind};

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
        return Err(PrepError::new(
            PrepErrorKind::Empty,
            "The file is empty (0 bytes): pick the image again.",
        ));
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
            b"avif" | b"avis" => ("AVIF", "AVIF: export as JPEG or PNG first."),
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => (
                "HEIC",
                "HEIC: export as JPEG first (on an iPhone: Settings > Camera > Formats > Most Compatible).",
            ),
            _ => ("a video or ISO media file", "This is a video or ISO media file, not a still image: export a frame as JPEG or PNG."),
        }
    } else if bytes.starts_with(b"%PDF") {
        (
            "PDF",
            "PDF: a document, not an image. Export the page as PNG or JPEG first.",
        )
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        (
            "TIFF",
            "TIFF: not supported here. Export as JPEG or PNG first.",
        )
    } else if looks_like_svg(bytes) {
        ("SVG", "SVG: a vector drawing. Export it as PNG first.")
    } else if bytes.starts_with(&[0xff, 0x0a]) || bytes.starts_with(b"\0\0\0\x0cJXL ") {
        (
            "JPEG XL",
            "JPEG XL: not supported here. Export as JPEG or PNG first.",
        )
    } else if bytes.starts_with(b"8BPS") {
        (
            "PSD",
            "PSD: a Photoshop document. Export it as PNG or JPEG first.",
        )
    } else {
        (
            "unknown",
            "Not an image this tool can read: use JPEG, PNG, WebP, GIF or BMP.",
        )
    };
    if name == "unknown" {
        PrepError::new(PrepErrorKind::Unknown, advice)
    } else {
        PrepError::new(PrepErrorKind::Unsupported(name), advice)
    }
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
            .message
            .starts_with("HEIC: export as JPEG first"));
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
        assert!(sniff(svg).unwrap_err().message.contains("PNG"));
        assert_eq!(kind(b"hello world"), PrepErrorKind::Unknown);
    }
}
