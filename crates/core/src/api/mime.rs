//! Image MIME types: from an output format, from a `data:` URL, or sniffed from magic bytes.

use base64::Engine;

pub const PNG: &str = "image/png";
pub const JPEG: &str = "image/jpeg";
pub const WEBP: &str = "image/webp";
pub const GIF: &str = "image/gif";

/// The MIME type of an `output_format` value as the API spells it (`png`, `jpeg`, `webp`).
pub fn from_output_format(format: &str) -> Option<&'static str> {
    match format.trim().to_ascii_lowercase().as_str() {
        "png" => Some(PNG),
        "jpeg" | "jpg" => Some(JPEG),
        "webp" => Some(WEBP),
        "gif" => Some(GIF),
        _ => None,
    }
}

/// The MIME type named by the magic number at the start of an image file.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n']) {
        Some(PNG)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(JPEG)
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(WEBP)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(GIF)
    } else {
        None
    }
}

/// Sniffs the MIME type of base64 text by decoding only its first few bytes: results are
/// megabytes long and the magic number sits in the first 12 bytes.
pub fn sniff_base64(b64: &str) -> Option<&'static str> {
    let head: String = b64
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .take(24)
        .collect();
    let usable = head.len() - head.len() % 4;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&head[..usable])
        .ok()?;
    sniff(&bytes)
}

/// The MIME type declared by a `data:` URL (`data:image/png;base64,...`).
pub fn from_data_url(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("data:")?;
    let end = rest.find([';', ','])?;
    let mime = &rest[..end];
    (!mime.is_empty()).then_some(mime)
}

/// The file extension to save an image of this MIME type under.
/// "PNG", "JPEG", "WebP" for messages; other types as they are.
pub fn label(mime: &str) -> String {
    match mime {
        PNG => "PNG".into(),
        JPEG => "JPEG".into(),
        WEBP => "WebP".into(),
        GIF => "GIF".into(),
        other => other.to_string(),
    }
}

pub fn extension(mime: &str) -> &'static str {
    match mime {
        JPEG => "jpg",
        WEBP => "webp",
        GIF => "gif",
        _ => "png",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";
    const JPEG_B64: &str = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDA";
    const WEBP_B64: &str = "UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=";

    #[test]
    fn sniffs_each_format_from_base64_prefix() {
        assert_eq!(sniff_base64(PNG_B64), Some(PNG));
        assert_eq!(sniff_base64(JPEG_B64), Some(JPEG));
        assert_eq!(sniff_base64(WEBP_B64), Some(WEBP));
        assert_eq!(
            sniff_base64("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="),
            Some(GIF)
        );
    }

    #[test]
    fn unknown_or_broken_base64_sniffs_to_none() {
        assert_eq!(sniff_base64(""), None);
        assert_eq!(sniff_base64("aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ="), None);
        assert_eq!(sniff_base64("!!!!not base64 at all!!!!"), None);
        assert_eq!(sniff(&[0x89, b'P']), None);
    }

    #[test]
    fn base64_with_line_breaks_still_sniffs() {
        let wrapped = format!("{}\n{}", &PNG_B64[..10], &PNG_B64[10..]);
        assert_eq!(sniff_base64(&wrapped), Some(PNG));
    }

    #[test]
    fn data_url_mime_and_extensions() {
        assert_eq!(
            from_data_url("data:image/webp;base64,AAAA"),
            Some("image/webp")
        );
        assert_eq!(from_data_url("data:,hello"), None);
        assert_eq!(from_data_url("https://x/y.png"), None);
        assert_eq!(from_output_format("JPEG"), Some(JPEG));
        assert_eq!(from_output_format("tiff"), None);
        assert_eq!(extension(JPEG), "jpg");
        assert_eq!(extension(PNG), "png");
        assert_eq!(extension(WEBP), "webp");
    }
}
