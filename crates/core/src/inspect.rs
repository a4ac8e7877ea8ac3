//! What a result's decoded pixels say, whatever its answer claims: whether it holds any
//! transparency (a PNG can carry an alpha channel and still be opaque in every pixel), and for
//! a masked edit how much changed inside the mask against outside it (`mask::drift`). The
//! prep worker reads the pixels (the `Inspect` job of `prep::protocol`); this module only
//! counts and words them.

use serde::{Deserialize, Serialize};

use crate::api::mime;
use crate::i18n::text::requests;
use crate::i18n::Lang;
use crate::mask::drift::DriftReport;
use crate::tr;

/// The drift part of an `Inspect` job (`prep::protocol::JobKind::Inspect`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DriftJob {
    /// Image 1 as sent: its type and size (checked against the result's aspect before it is
    /// scaled to the result).
    pub image_mime: String,
    pub image_size: (u32, u32),
    /// When the heatmap is made and sent back.
    pub heatmap: HeatmapWhen,
}

/// When a drift heatmap is made: it costs an encode, and is shown only on request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeatmapWhen {
    Never,
    /// Only when the mask may have been ignored (the only time the page offers it).
    IfIgnored,
    Always,
}

impl HeatmapWhen {
    pub fn wanted(self, report: &DriftReport) -> bool {
        match self {
            HeatmapWhen::Never => false,
            HeatmapWhen::IfIgnored => report.warns(),
            HeatmapWhen::Always => true,
        }
    }
}

/// The alpha of a decoded image.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlphaFacts {
    /// Share of pixels that are not fully opaque (alpha below 255).
    pub translucent_share: f64,
    /// Share of fully transparent pixels (alpha 0).
    pub clear_share: f64,
}

impl AlphaFacts {
    /// Whether any pixel lets the background through.
    pub fn any_transparent(&self) -> bool {
        self.translucent_share > 0.0
    }
}

/// Counts the alpha of RGBA8 pixels as decoded: the values themselves, not whether the file
/// declares an alpha channel.
pub fn alpha_facts(rgba: &[u8]) -> AlphaFacts {
    let (mut translucent, mut clear) = (0u64, 0u64);
    for p in rgba.chunks_exact(4) {
        translucent += u64::from(p[3] < 255);
        clear += u64::from(p[3] == 0);
    }
    let n = (rgba.len() / 4).max(1) as f64;
    AlphaFacts {
        translucent_share: translucent as f64 / n,
        clear_share: clear as f64 / n,
    }
}

/// Formats that cannot hold transparency at all.
pub fn carries_alpha(mime: &str) -> bool {
    mime != mime::JPEG
}

/// What to say when a transparent background was asked for: that the format cannot carry it
/// (`decoded_mime`, the sniffed type), or that no pixel is transparent (`alpha`, once the
/// pixels are read). `None` when nothing is wrong or nothing is known yet.
pub fn transparency_warning(
    asked_transparent: bool,
    decoded_mime: Option<&str>,
    alpha: Option<&AlphaFacts>,
    lang: Lang,
) -> Option<String> {
    if !asked_transparent {
        return None;
    }
    if let Some(m) = decoded_mime.filter(|m| !carries_alpha(m)) {
        return Some(tr!(
            lang,
            requests::NO_ALPHA_FORMAT,
            format = mime::label(m)
        ));
    }
    alpha
        .filter(|a| !a.any_transparent())
        .map(|_| requests::NOT_TRANSPARENT.get(lang).to_string())
}

/// Percent with no decimals, but never "0%" for a share above zero nor "100%" below one.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 1.0 {
        "<1".into()
    } else if p < 100.0 && p > 99.0 {
        ">99".into()
    } else {
        format!("{p:.0}")
    }
}

/// The warning of a masked edit whose inside changed no more than its outside.
pub fn drift_warning(report: &DriftReport, lang: Lang) -> Option<String> {
    report.warns().then(|| {
        tr!(
            lang,
            requests::MASK_MAY_BE_IGNORED,
            inside = percent(report.inside_changed),
            outside = percent(report.outside_changed)
        )
    })
}

/// The measurement in a line, for every measured masked edit.
pub fn drift_figures(report: &DriftReport, lang: Lang) -> String {
    tr!(
        lang,
        requests::MASK_DRIFT_FIGURES,
        inside = percent(report.inside_changed),
        outside = percent(report.outside_changed),
        inside_mean = format!("{:.1}", report.inside_mean * 100.0),
        outside_mean = format!("{:.1}", report.outside_mean * 100.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mask::drift::DriftVerdict;

    #[test]
    fn an_alpha_channel_of_opaque_pixels_is_not_transparency() {
        let opaque = [10, 20, 30, 255].repeat(100);
        let facts = alpha_facts(&opaque);
        assert!(!facts.any_transparent());
        assert_eq!(facts.clear_share, 0.0);
        let mut one = opaque.clone();
        one[3] = 254;
        let facts = alpha_facts(&one);
        assert!(facts.any_transparent());
        assert!((facts.translucent_share - 0.01).abs() < 1e-12);
        let mut clear = opaque;
        clear[7] = 0;
        assert!((alpha_facts(&clear).clear_share - 0.01).abs() < 1e-12);
    }

    #[test]
    fn transparency_asked_and_not_delivered_is_named() {
        let opaque = alpha_facts(&[0, 0, 0, 255]);
        let clear = alpha_facts(&[0, 0, 0, 0]);
        let w = |asked, m, a| transparency_warning(asked, m, a, Lang::En);
        assert_eq!(w(false, Some(mime::JPEG), Some(&opaque)), None);
        assert_eq!(w(true, Some(mime::PNG), Some(&clear)), None);
        assert_eq!(w(true, Some(mime::PNG), None), None, "not read yet");
        let said = w(true, Some(mime::PNG), Some(&opaque)).unwrap();
        assert!(said.contains("no pixel is transparent"), "{said}");
        let said = w(true, Some(mime::JPEG), None).unwrap();
        assert!(
            said.contains("JPEG, which cannot carry transparency"),
            "{said}"
        );
        let zh = transparency_warning(true, Some(mime::WEBP), Some(&opaque), Lang::ZhCn).unwrap();
        assert!(zh.contains("透明"), "{zh}");
    }

    fn report(inside_changed: f64, outside_changed: f64, verdict: DriftVerdict) -> DriftReport {
        DriftReport {
            inside_mean: inside_changed / 2.0,
            outside_mean: outside_changed / 2.0,
            inside_changed,
            outside_changed,
            painted_share: 0.3,
            inside_pixels: 100,
            outside_pixels: 200,
            verdict,
        }
    }

    #[test]
    fn drift_is_worded_only_when_the_mask_may_be_ignored() {
        let followed = report(0.9, 0.004, DriftVerdict::Followed);
        assert_eq!(drift_warning(&followed, Lang::En), None);
        assert_eq!(
            drift_figures(&followed, Lang::En),
            "Mask check: 90% of the pixels inside the mask changed, <1% outside (mean change 45.0% inside, 0.2% outside)."
        );
        let ignored = report(0.8, 0.795, DriftVerdict::MayHaveIgnored);
        assert_eq!(
            drift_warning(&ignored, Lang::En).unwrap(),
            "80% of the pixels inside the mask changed and 80% outside it: the gateway may have ignored the mask."
        );
        assert!(drift_warning(&ignored, Lang::ZhCn)
            .unwrap()
            .contains("网关可能忽略了蒙版"));
        assert_eq!(
            drift_warning(&report(0.0, 0.0, DriftVerdict::Unmeasurable), Lang::En),
            None
        );
        assert_eq!(percent(0.995), ">99");
        assert_eq!(percent(1.0), "100");
        assert_eq!(percent(0.0), "0");
    }
}
