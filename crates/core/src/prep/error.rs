//! Why a file could not be prepared: one class per decision, each with a sentence that says
//! what to do.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepErrorKind {
    /// Zero bytes.
    Empty,
    /// A format we recognise but cannot read (HEIC, SVG, PDF, TIFF, ...).
    Unsupported(&'static str),
    /// Not an image format we know.
    Unknown,
    /// Truncated or corrupt data.
    Corrupt,
    /// Above the pixel cap (a decompression bomb or simply too large).
    TooManyPixels,
    /// Encoding failed or could not reach the budget.
    Encode,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrepError {
    pub kind: PrepErrorKind,
    pub message: String,
}

impl PrepError {
    pub fn new(kind: PrepErrorKind, message: impl Into<String>) -> Self {
        PrepError {
            kind,
            message: message.into(),
        }
    }

    pub fn corrupt(detail: impl fmt::Display) -> Self {
        PrepError::new(
            PrepErrorKind::Corrupt,
            format!("The file is truncated or corrupt and cannot be read ({detail}). Re-export or re-download it."),
        )
    }

    pub fn encode(detail: impl fmt::Display) -> Self {
        PrepError::new(
            PrepErrorKind::Encode,
            format!("Could not encode the image: {detail}."),
        )
    }
}

impl fmt::Display for PrepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PrepError {}
