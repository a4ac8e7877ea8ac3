//! Why a file could not be prepared: one class per decision, each with a sentence that says
//! what to do, in either language (`PrepError::message`).

use std::fmt;

use crate::i18n::text::prep;
use crate::i18n::{Lang, Text};
use crate::tr;

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

/// What went wrong inside a "corrupt" or "could not encode" sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// A codec's or the browser's own words, as they came (not ours to translate).
    Raw(String),
    /// One of ours.
    Text(Text),
    /// Nothing fits the byte budget, even at the smallest size tried.
    OverBudget {
        budget: u64,
        width: u32,
        height: u32,
    },
}

impl Detail {
    fn message(&self, lang: Lang) -> String {
        match self {
            Detail::Raw(text) => text.clone(),
            Detail::Text(text) => text.get(lang).to_string(),
            Detail::OverBudget {
                budget,
                width,
                height,
            } => tr!(
                lang,
                prep::OVER_BUDGET,
                budget = budget,
                width = width,
                height = height
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Reason {
    /// A whole sentence of the table (the sniffer's advice, the decoder's memory limit).
    Sentence(Text),
    /// Above the pixel cap, from the header's size.
    PixelCap {
        width: u32,
        height: u32,
    },
    Corrupt(Detail),
    Encode(Detail),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrepError {
    pub kind: PrepErrorKind,
    reason: Reason,
}

impl PrepError {
    /// An error said by one sentence of the table.
    pub fn sentence(kind: PrepErrorKind, text: Text) -> Self {
        PrepError {
            kind,
            reason: Reason::Sentence(text),
        }
    }

    /// A `width` x `height` image above [`super::MAX_PIXELS`].
    pub fn pixel_cap(width: u32, height: u32) -> Self {
        PrepError {
            kind: PrepErrorKind::TooManyPixels,
            reason: Reason::PixelCap { width, height },
        }
    }

    /// Corrupt, in a decoder's own words.
    pub fn corrupt(detail: impl fmt::Display) -> Self {
        PrepError::corrupt_with(Detail::Raw(detail.to_string()))
    }

    pub fn corrupt_with(detail: Detail) -> Self {
        PrepError {
            kind: PrepErrorKind::Corrupt,
            reason: Reason::Corrupt(detail),
        }
    }

    /// Encoding failed, in an encoder's own words.
    pub fn encode(detail: impl fmt::Display) -> Self {
        PrepError::encode_with(Detail::Raw(detail.to_string()))
    }

    pub fn encode_with(detail: Detail) -> Self {
        PrepError {
            kind: PrepErrorKind::Encode,
            reason: Reason::Encode(detail),
        }
    }

    /// The sentence for the user, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match &self.reason {
            Reason::Sentence(text) => text.get(lang).to_string(),
            Reason::PixelCap { width, height } => {
                let pixels = u64::from(*width) * u64::from(*height);
                tr!(
                    lang,
                    prep::PIXEL_CAP,
                    width = width,
                    height = height,
                    megapixels = format!("{:.0}", pixels as f64 / 1e6),
                    limit = super::MAX_PIXELS / 1_000_000
                )
            }
            Reason::Corrupt(detail) => {
                tr!(lang, prep::CORRUPT, detail = detail.message(lang))
            }
            Reason::Encode(detail) => {
                tr!(lang, prep::ENCODE_FAILED, detail = detail.message(lang))
            }
        }
    }
}

/// The English sentence (see [`PrepError::message`] for either language).
impl fmt::Display for PrepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PrepError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentences_come_in_both_languages() {
        let cap = PrepError::pixel_cap(20_000, 20_000);
        assert_eq!(
            cap.message(Lang::En),
            "20000x20000 is 400 megapixels, above the 100 MP limit (a decompression bomb, or simply too large): downscale it first."
        );
        assert!(cap.message(Lang::ZhCn).contains("400"));
        let cut = PrepError::corrupt_with(Detail::Text(prep::ENDS_EARLY));
        assert_eq!(
            cut.to_string(),
            "The file is truncated or corrupt and cannot be read (it ends before the image data does). Re-export or re-download it."
        );
        assert_eq!(
            cut.message(Lang::ZhCn),
            "文件不完整或已损坏，无法读取（文件在图像数据结束前就截断了）。请重新导出或重新下载。"
        );
        let budget = PrepError::encode_with(Detail::OverBudget {
            budget: 50_000,
            width: 64,
            height: 48,
        });
        assert_eq!(
            budget.to_string(),
            "Could not encode the image: it does not fit 50000 bytes even at 64x48; raise the byte budget."
        );
    }
}
