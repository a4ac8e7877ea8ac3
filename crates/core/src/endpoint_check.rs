//! "Test this endpoint": which verdict each answer stands for, the paid test's request and
//! price, and what the findings change on the profile. Pure; the fetches are the web layer's.
//!
//! Free checks first: a CORS preflight of both image endpoints (nothing generated) and the key
//! against `GET {base}/models` (a 404 there proves nothing). Then, only on an explicit
//! confirm, one cheap image whose decoded pixels say what the endpoint really honours.

use serde::{Deserialize, Serialize};

use crate::api::attempt::{after_stream_failure, may_have_billed, AfterStream};
use crate::api::error::ApiError;
use crate::api::request::{ImageParams, OutputFormat, Quality};
use crate::api::retry::RetryPolicy;
use crate::endpoint_options::{EndpointOptions, StreamSupport};
use crate::estimate::{cost_for, format_cost_in};
use crate::i18n::{text::checks, Lang};
use crate::models::registry::{self, ModelInfo};
use crate::sizes::SizeSpec;
use crate::tr;

/// One thing the test looks at (`data-check` in the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    CorsGenerations,
    CorsEdits,
    Auth,
    Size,
    Format,
    N,
    Stream,
    Probe,
}

impl Check {
    pub fn key(self) -> &'static str {
        match self {
            Check::CorsGenerations => "cors-generations",
            Check::CorsEdits => "cors-edits",
            Check::Auth => "auth",
            Check::Size => "size",
            Check::Format => "format",
            Check::N => "n",
            Check::Stream => "stream",
            Check::Probe => "probe",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Check::CorsGenerations => checks::CHECK_CORS_GENERATIONS.get(lang),
            Check::CorsEdits => checks::CHECK_CORS_EDITS.get(lang),
            Check::Auth => checks::CHECK_AUTH.get(lang),
            Check::Size => checks::CHECK_SIZE.get(lang),
            Check::Format => checks::CHECK_FORMAT.get(lang),
            Check::N => checks::CHECK_N.get(lang),
            Check::Stream => checks::CHECK_STREAM.get(lang),
            Check::Probe => checks::CHECK_PROBE.get(lang),
        }
    }

    /// Checks that the paid request answers (the others are free).
    pub fn paid(self) -> bool {
        matches!(
            self,
            Check::Size | Check::Format | Check::N | Check::Stream | Check::Probe
        )
    }
}

/// What one check found. The endpoint's own words are kept as it sent them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    CorsOpen {
        url: String,
        status: u16,
    },
    CorsBlocked {
        url: String,
    },
    Unreachable {
        url: String,
        detail: String,
    },
    CorsUnclear {
        url: String,
        detail: String,
    },
    /// `models`: how many `/models` lists, when it is a list; `listed`: the profile's model
    /// among them.
    KeyAccepted {
        url: String,
        models: Option<usize>,
        model: String,
        listed: bool,
    },
    KeyRefused {
        status: u16,
        message: String,
    },
    KeyMissing {
        status: u16,
        message: String,
    },
    NoModelsRoute {
        url: String,
        status: u16,
    },
    AuthUnclear {
        url: String,
        status: u16,
        message: String,
    },
    AuthNotReached {
        url: String,
        detail: String,
    },
    SizeKept {
        width: u32,
        height: u32,
    },
    SizeChanged {
        asked: (u32, u32),
        got: (u32, u32),
    },
    SizeUnread,
    FormatKept {
        mime: String,
    },
    FormatChanged {
        asked: String,
        got: String,
    },
    FormatUnread,
    NKept {
        n: u8,
    },
    NIgnored {
        asked: u8,
        got: usize,
    },
    NRefused {
        asked: u8,
        message: String,
    },
    StreamWorks,
    StreamIgnored,
    StreamFailed {
        message: String,
    },
    ProbeAnswered {
        secs: f64,
    },
    ProbeFailed {
        message: String,
        billed: bool,
    },
}

impl Verdict {
    /// Passed, failed, or `None` where the answer does not tell.
    pub fn ok(&self) -> Option<bool> {
        match self {
            Verdict::CorsOpen { .. }
            | Verdict::KeyAccepted { .. }
            | Verdict::SizeKept { .. }
            | Verdict::FormatKept { .. }
            | Verdict::NKept { .. }
            | Verdict::StreamWorks
            | Verdict::ProbeAnswered { .. } => Some(true),
            Verdict::CorsBlocked { .. }
            | Verdict::Unreachable { .. }
            | Verdict::KeyRefused { .. }
            | Verdict::KeyMissing { .. }
            | Verdict::SizeChanged { .. }
            | Verdict::FormatChanged { .. }
            | Verdict::NIgnored { .. }
            | Verdict::NRefused { .. }
            | Verdict::StreamIgnored
            | Verdict::StreamFailed { .. }
            | Verdict::ProbeFailed { .. } => Some(false),
            Verdict::CorsUnclear { .. }
            | Verdict::NoModelsRoute { .. }
            | Verdict::AuthUnclear { .. }
            | Verdict::AuthNotReached { .. }
            | Verdict::SizeUnread
            | Verdict::FormatUnread => None,
        }
    }

    /// The `data-ok` value: `true`, `false` or `unknown`.
    pub fn ok_key(&self) -> &'static str {
        match self.ok() {
            Some(true) => "true",
            Some(false) => "false",
            None => "unknown",
        }
    }

    /// What was found, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let label = |mime: &str| crate::api::mime::label(mime);
        match self {
            Verdict::CorsOpen { url, status } => {
                tr!(lang, checks::CORS_OPEN, url = url, status = status)
            }
            Verdict::CorsBlocked { url } => tr!(lang, checks::CORS_BLOCKED, url = url),
            Verdict::Unreachable { url, detail } => {
                tr!(lang, checks::CORS_UNREACHABLE, url = url, detail = detail)
            }
            Verdict::CorsUnclear { url, detail } => {
                tr!(lang, checks::CORS_UNCLEAR, url = url, detail = detail)
            }
            Verdict::KeyAccepted {
                url,
                models: Some(count),
                model,
                listed,
            } => {
                let text = if *listed {
                    checks::KEY_LISTED
                } else {
                    checks::KEY_UNLISTED
                };
                tr!(lang, text, url = url, count = count, model = model)
            }
            Verdict::KeyAccepted {
                url, models: None, ..
            } => tr!(lang, checks::KEY_ANSWERED, url = url),
            Verdict::KeyRefused { status, message } => tr!(
                lang,
                checks::KEY_REFUSED,
                status = status,
                message = message
            ),
            Verdict::KeyMissing { status, message } => tr!(
                lang,
                checks::KEY_MISSING,
                status = status,
                message = message
            ),
            Verdict::NoModelsRoute { url, status } => {
                tr!(lang, checks::NO_MODELS, url = url, status = status)
            }
            Verdict::AuthUnclear {
                url,
                status,
                message,
            } => tr!(
                lang,
                checks::AUTH_UNCLEAR,
                url = url,
                status = status,
                message = message
            ),
            Verdict::AuthNotReached { url, detail } => {
                tr!(lang, checks::AUTH_NOT_REACHED, url = url, detail = detail)
            }
            Verdict::SizeKept { width, height } => {
                tr!(lang, checks::SIZE_KEPT, width = width, height = height)
            }
            Verdict::SizeChanged { asked, got } => tr!(
                lang,
                checks::SIZE_CHANGED,
                width = asked.0,
                height = asked.1,
                w = got.0,
                h = got.1
            ),
            Verdict::SizeUnread => checks::SIZE_UNREAD.get(lang).to_string(),
            Verdict::FormatKept { mime } => tr!(lang, checks::FORMAT_KEPT, got = label(mime)),
            Verdict::FormatChanged { asked, got } => tr!(
                lang,
                checks::FORMAT_CHANGED,
                asked = label(asked),
                got = label(got)
            ),
            Verdict::FormatUnread => checks::FORMAT_UNREAD.get(lang).to_string(),
            Verdict::NKept { n } => tr!(lang, checks::N_KEPT, n = n),
            Verdict::NIgnored { asked, got } => {
                tr!(lang, checks::N_IGNORED, asked = asked, got = got)
            }
            Verdict::NRefused { asked, message } => {
                tr!(lang, checks::N_REFUSED, asked = asked, message = message)
            }
            Verdict::StreamWorks => checks::STREAM_WORKS.get(lang).to_string(),
            Verdict::StreamIgnored => checks::STREAM_IGNORED.get(lang).to_string(),
            Verdict::StreamFailed { message } => {
                tr!(lang, checks::STREAM_FAILED, message = message)
            }
            Verdict::ProbeAnswered { secs } => {
                tr!(lang, checks::PROBE_ANSWERED, secs = format!("{secs:.1}"))
            }
            Verdict::ProbeFailed { message, billed } => {
                let text = if *billed {
                    checks::PROBE_FAILED_BILLED
                } else {
                    checks::PROBE_FAILED
                };
                tr!(lang, text, message = message)
            }
        }
    }
}

/// Base URLs that differ only by a trailing slash or spaces are the same endpoint (the rule
/// of `profiles::same_endpoint`; that module stores these findings, so it is not imported).
fn same_endpoint(base_url: &str) -> &str {
    base_url.trim().trim_end_matches('/')
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub check: Check,
    pub verdict: Verdict,
}

impl Finding {
    pub fn new(check: Check, verdict: Verdict) -> Self {
        Finding { check, verdict }
    }
}

/// The findings of the last test of a profile, for the base URL they were made at.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EndpointFindings {
    pub base_url: String,
    pub findings: Vec<Finding>,
}

impl EndpointFindings {
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// The findings for `base_url`; none when they were made at another one.
    pub fn for_base(&self, base_url: &str) -> &[Finding] {
        if same_endpoint(&self.base_url) == same_endpoint(base_url) {
            &self.findings
        } else {
            &[]
        }
    }

    /// Adds what one run found at `base_url`: the free checks replace the earlier free
    /// ones, a paid test the earlier paid ones (a test without `n` forgets an older `n`
    /// finding too); findings for another base URL are dropped.
    pub fn record(&mut self, base_url: &str, found: Vec<Finding>) {
        if same_endpoint(&self.base_url) != same_endpoint(base_url) {
            self.findings.clear();
            self.base_url = base_url.trim().to_string();
        }
        let Some(first) = found.first() else {
            return;
        };
        let paid = first.check.paid();
        self.findings.retain(|f| f.check.paid() != paid);
        self.findings.extend(found);
        // The usual order, whichever part ran first.
        self.findings.sort_by_key(|f| f.check as u8);
    }
}

/// A CORS check of `url` (a request that makes the browser preflight the image endpoint):
/// any answer means the preflight passed; a refusal tells only with the probe's reason.
pub fn cors_verdict(url: &str, outcome: &Result<u16, ApiError>, lang: Lang) -> Verdict {
    let url = url.to_string();
    match outcome {
        Ok(status) => Verdict::CorsOpen {
            url,
            status: *status,
        },
        Err(ApiError::CorsBlocked { .. }) => Verdict::CorsBlocked { url },
        Err(e @ (ApiError::Unreachable { .. } | ApiError::Offline)) => Verdict::Unreachable {
            url,
            detail: e.message(lang),
        },
        Err(e) => Verdict::CorsUnclear {
            url,
            detail: e.message(lang),
        },
    }
}

/// The key check: `outcome` is the body of a 2xx answer of `GET {base}/models` (at `url`),
/// or its error; `model` the profile's model, `key_entered` whether a key was sent.
pub fn auth_verdict(
    url: &str,
    outcome: &Result<String, ApiError>,
    model: &str,
    key_entered: bool,
    lang: Lang,
) -> Verdict {
    let url = url.to_string();
    let body = match outcome {
        Ok(body) => body,
        Err(e @ (ApiError::Unauthorized { message } | ApiError::Forbidden { message })) => {
            let status = crate::api::attempt::status_of(e).unwrap_or_default();
            let message = message.clone();
            return if key_entered {
                Verdict::KeyRefused { status, message }
            } else {
                Verdict::KeyMissing { status, message }
            };
        }
        Err(ApiError::Http { status, .. } | ApiError::HtmlPage { status, .. })
            if matches!(status, 404 | 405) =>
        {
            return Verdict::NoModelsRoute {
                url,
                status: *status,
            }
        }
        Err(e) => {
            return match crate::api::attempt::status_of(e) {
                Some(status) => Verdict::AuthUnclear {
                    url,
                    status,
                    message: e.message(lang),
                },
                None => Verdict::AuthNotReached {
                    url,
                    detail: e.message(lang),
                },
            }
        }
    };
    let ids: Option<Vec<String>> = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            let list = v.get("data")?.as_array()?.clone();
            Some(
                list.iter()
                    .filter_map(|m| m.get("id")?.as_str().map(str::to_string))
                    .collect(),
            )
        });
    // A snapshot or another spelling of the same model counts as listed.
    let wanted = registry::lookup(model).map(|e| e.id);
    let listed = ids.as_ref().is_some_and(|ids| {
        ids.iter().any(|id| {
            id.trim().eq_ignore_ascii_case(model.trim())
                || (wanted.is_some() && registry::lookup(id).map(|e| e.id) == wanted)
        })
    });
    Verdict::KeyAccepted {
        url,
        models: ids.map(|ids| ids.len()),
        model: model.trim().to_string(),
        listed,
    }
}

/// The paid test: one low-quality 1024x1024 image, asked as JPEG (PNG is the default, so a
/// gateway that drops `output_format` shows), optionally two of them and streamed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeAsk {
    pub model: String,
    /// 1 or 2: two checks `n` at twice the price.
    pub n: u8,
    pub stream: bool,
}

impl ProbeAsk {
    pub const SIZE: (u32, u32) = (1024, 1024);
    pub const FORMAT: OutputFormat = OutputFormat::Jpeg;

    pub fn params(&self) -> ImageParams {
        ImageParams {
            model: self.model.trim().to_string(),
            // i18n: not shown (sent to the model only)
            prompt: "A red apple on a plain white table, studio light.".into(),
            size: format!("{}x{}", Self::SIZE.0, Self::SIZE.1),
            quality: Quality::Low,
            output_format: Self::FORMAT,
            n: self.n.clamp(1, 2),
            // No previews: each would cost extra output tokens.
            stream: self.stream,
            partial_images: 0,
            ..ImageParams::default()
        }
    }

    /// What the test costs, written for `lang` ("$0.006", "~$0.012").
    pub fn price(&self, info: &ModelInfo, lang: Lang) -> String {
        let size = SizeSpec::Exact {
            width: Self::SIZE.0,
            height: Self::SIZE.1,
        };
        format_cost_in(cost_for(info, Quality::Low, size), self.n.clamp(1, 2), lang)
    }
}

/// One image of the paid test's answer, as decoded: its pixel size and sniffed type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeenImage {
    pub size: Option<(u32, u32)>,
    pub mime: Option<String>,
}

/// The paid test's answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProbeSeen {
    pub images: Vec<SeenImage>,
    /// Answered as a stream of events.
    pub streamed: bool,
    pub elapsed_ms: f64,
}

/// What the paid test found, from its answer or failure.
pub fn probe_findings(
    ask: &ProbeAsk,
    outcome: &Result<ProbeSeen, ApiError>,
    lang: Lang,
) -> Vec<Finding> {
    let n = ask.n.clamp(1, 2);
    let seen = match outcome {
        Ok(seen) => seen,
        Err(e) => {
            let message = e.message(lang);
            let mut out = Vec::new();
            let stream_refused = ask.stream
                && after_stream_failure(e, 0, &RetryPolicy::default(), 0.0)
                    == AfterStream::WithoutStream;
            if stream_refused {
                out.push(Finding::new(
                    Check::Stream,
                    Verdict::StreamFailed {
                        message: message.clone(),
                    },
                ));
            } else if let ApiError::BadRequest { param: Some(p), .. } = e {
                if n > 1 && p == "n" {
                    out.push(Finding::new(
                        Check::N,
                        Verdict::NRefused {
                            asked: n,
                            message: message.clone(),
                        },
                    ));
                }
            }
            out.push(Finding::new(
                Check::Probe,
                Verdict::ProbeFailed {
                    billed: may_have_billed(e),
                    message,
                },
            ));
            return out;
        }
    };
    let first = seen.images.first().cloned().unwrap_or_default();
    let size = match first.size {
        Some(got) if got == ProbeAsk::SIZE => Verdict::SizeKept {
            width: got.0,
            height: got.1,
        },
        Some(got) => Verdict::SizeChanged {
            asked: ProbeAsk::SIZE,
            got,
        },
        None => Verdict::SizeUnread,
    };
    let asked_mime = ProbeAsk::FORMAT.mime();
    let format = match first.mime {
        Some(m) if m == asked_mime => Verdict::FormatKept { mime: m },
        Some(got) => Verdict::FormatChanged {
            asked: asked_mime.to_string(),
            got,
        },
        None => Verdict::FormatUnread,
    };
    let mut out = vec![
        Finding::new(
            Check::Probe,
            Verdict::ProbeAnswered {
                secs: seen.elapsed_ms / 1000.0,
            },
        ),
        Finding::new(Check::Size, size),
        Finding::new(Check::Format, format),
    ];
    if n > 1 {
        let got = seen.images.len();
        out.push(Finding::new(
            Check::N,
            if got >= usize::from(n) {
                Verdict::NKept { n }
            } else {
                Verdict::NIgnored { asked: n, got }
            },
        ));
    }
    if ask.stream {
        out.push(Finding::new(
            Check::Stream,
            if seen.streamed {
                Verdict::StreamWorks
            } else {
                Verdict::StreamIgnored
            },
        ));
    }
    out
}

/// What findings change in the profile's options: streaming as seen, and n split into single
/// requests where the endpoint ignores or refuses it (the verdicts' texts say so).
pub fn apply(findings: &[Finding], options: &mut EndpointOptions) {
    for f in findings {
        match f.verdict {
            Verdict::StreamWorks => options.streaming = StreamSupport::Works,
            Verdict::StreamIgnored | Verdict::StreamFailed { .. } => {
                options.streaming = StreamSupport::Refused
            }
            Verdict::NIgnored { .. } | Verdict::NRefused { .. } => options.max_per_request = 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://gw.example/v1/images/generations";

    #[test]
    fn any_answer_to_the_preflight_passes_cors() {
        for status in [200, 204, 404, 405] {
            let v = cors_verdict(URL, &Ok(status), Lang::En);
            assert_eq!(v.ok(), Some(true), "{status}");
        }
        let blocked = Err(ApiError::CorsBlocked {
            base_url: "http://gw.example/v1".into(),
        });
        let v = cors_verdict(URL, &blocked, Lang::En);
        assert_eq!(v, Verdict::CorsBlocked { url: URL.into() });
        assert!(v.message(Lang::En).contains("CORS preflight"));
        let gone = Err(ApiError::Unreachable {
            base_url: "http://gw.example/v1".into(),
            detail: "Failed to fetch".into(),
        });
        assert!(matches!(
            cors_verdict(URL, &gone, Lang::En),
            Verdict::Unreachable { .. }
        ));
        let unclear = Err(ApiError::Network {
            base_url: "x".into(),
            detail: "Failed to fetch".into(),
        });
        let v = cors_verdict(URL, &unclear, Lang::ZhCn);
        assert_eq!((v.ok(), v.ok_key()), (None, "unknown"));
    }

    fn models(ids: &[&str]) -> Result<String, ApiError> {
        let data: Vec<_> = ids
            .iter()
            .map(|id| serde_json::json!({"id": id, "object": "model", "created": 1, "owned_by": "x"}))
            .collect();
        Ok(serde_json::json!({"object": "list", "data": data}).to_string())
    }

    #[test]
    fn the_key_is_judged_from_models_and_a_404_proves_nothing() {
        let url = "http://gw.example/v1/models";
        let v = auth_verdict(
            url,
            &models(&["gpt-image-2-2026-04-21", "x"]),
            "gpt-image-2",
            true,
            Lang::En,
        );
        assert_eq!(
            v,
            Verdict::KeyAccepted {
                url: url.into(),
                models: Some(2),
                model: "gpt-image-2".into(),
                listed: true,
            },
            "a snapshot of the model counts"
        );
        let v = auth_verdict(
            url,
            &models(&["gpt-4o"]),
            "gpt-image-2.5-flare",
            true,
            Lang::En,
        );
        assert_eq!(v.ok(), Some(true));
        assert!(
            v.message(Lang::En).contains("says nothing"),
            "{}",
            v.message(Lang::En)
        );
        let v = auth_verdict(url, &Ok("not json".into()), "m", true, Lang::En);
        assert!(matches!(v, Verdict::KeyAccepted { models: None, .. }));

        let refused = Err(ApiError::Unauthorized {
            message: "Incorrect API key provided".into(),
        });
        let v = auth_verdict(url, &refused, "m", true, Lang::En);
        assert_eq!(
            v,
            Verdict::KeyRefused {
                status: 401,
                message: "Incorrect API key provided".into()
            }
        );
        assert_eq!(v.ok_key(), "false");
        assert!(matches!(
            auth_verdict(url, &refused, "m", false, Lang::En),
            Verdict::KeyMissing { status: 401, .. }
        ));
        let forbidden = Err(ApiError::Forbidden {
            message: "no access".into(),
        });
        assert!(matches!(
            auth_verdict(url, &forbidden, "m", true, Lang::En),
            Verdict::KeyRefused { status: 403, .. }
        ));

        let missing = Err(ApiError::Http {
            status: 404,
            message: "Not Found".into(),
        });
        let v = auth_verdict(url, &missing, "m", true, Lang::En);
        assert_eq!(v.ok(), None);
        assert!(v.message(Lang::En).contains("proves nothing"));
        let html = Err(ApiError::HtmlPage {
            status: 404,
            title: "404".into(),
        });
        assert!(matches!(
            auth_verdict(url, &html, "m", true, Lang::En),
            Verdict::NoModelsRoute { status: 404, .. }
        ));
        let busy = Err(ApiError::RateLimited {
            message: "slow down".into(),
            retry_after_secs: None,
        });
        assert!(matches!(
            auth_verdict(url, &busy, "m", true, Lang::En),
            Verdict::AuthUnclear { status: 429, .. }
        ));
        let cors = Err(ApiError::CorsBlocked {
            base_url: "b".into(),
        });
        let v = auth_verdict(url, &cors, "m", true, Lang::En);
        assert!(matches!(v, Verdict::AuthNotReached { .. }));
        assert_eq!(v.ok(), None);
    }

    #[test]
    fn the_paid_request_is_one_cheap_image_and_its_price_is_known() {
        let ask = ProbeAsk {
            model: "gpt-image-2".into(),
            n: 1,
            stream: false,
        };
        let info = registry::resolve("gpt-image-2", &[]);
        let body = crate::api::request::generation_body_for(&ask.params(), &info).unwrap();
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["size"], "1024x1024");
        assert_eq!(json["quality"], "low");
        assert_eq!(json["output_format"], "jpeg");
        assert_eq!(json.get("n"), None, "n=1 is the default and not sent");
        assert_eq!(json.get("stream"), None);
        assert_eq!(ask.price(&info, Lang::En), "$0.006");
        let two = ProbeAsk {
            n: 2,
            stream: true,
            ..ask.clone()
        };
        assert_eq!(
            two.price(&info, Lang::En),
            "$0.012",
            "two images, twice the price"
        );
        assert_eq!(two.price(&info, Lang::ZhCn), "US$0.012");
        let json = serde_json::to_value(
            crate::api::request::generation_body_for(&two.params(), &info).unwrap(),
        )
        .unwrap();
        assert_eq!(
            (json["n"].clone(), json["stream"].clone()),
            (2.into(), true.into())
        );
        assert_eq!(
            json.get("partial_images"),
            None,
            "previews would cost extra"
        );
        let ten = ProbeAsk { n: 10, ..ask };
        assert_eq!(ten.params().n, 2, "never more than two images");
    }

    fn seen(images: &[((u32, u32), &str)], streamed: bool) -> Result<ProbeSeen, ApiError> {
        Ok(ProbeSeen {
            images: images
                .iter()
                .map(|(size, mime)| SeenImage {
                    size: Some(*size),
                    mime: Some(mime.to_string()),
                })
                .collect(),
            streamed,
            elapsed_ms: 4200.0,
        })
    }

    fn verdict(found: &[Finding], check: Check) -> Option<&Verdict> {
        found.iter().find(|f| f.check == check).map(|f| &f.verdict)
    }

    #[test]
    fn the_pixels_say_what_the_endpoint_honours() {
        let ask = ProbeAsk {
            model: "gpt-image-2".into(),
            n: 2,
            stream: true,
        };
        let all_kept = probe_findings(
            &ask,
            &seen(
                &[((1024, 1024), "image/jpeg"), ((1024, 1024), "image/jpeg")],
                true,
            ),
            Lang::En,
        );
        assert!(
            all_kept.iter().all(|f| f.verdict.ok() == Some(true)),
            "{all_kept:?}"
        );
        assert_eq!(all_kept.len(), 5);
        assert_eq!(
            verdict(&all_kept, Check::Probe).unwrap().message(Lang::En),
            "Answered in 4.2 s."
        );

        let changed = probe_findings(&ask, &seen(&[((768, 768), "image/png")], false), Lang::En);
        assert_eq!(
            verdict(&changed, Check::Size),
            Some(&Verdict::SizeChanged {
                asked: (1024, 1024),
                got: (768, 768)
            })
        );
        assert!(verdict(&changed, Check::Format)
            .unwrap()
            .message(Lang::En)
            .contains("output_format"));
        assert_eq!(
            verdict(&changed, Check::N),
            Some(&Verdict::NIgnored { asked: 2, got: 1 })
        );
        assert_eq!(
            verdict(&changed, Check::Stream),
            Some(&Verdict::StreamIgnored)
        );
        let mut options = EndpointOptions::default();
        apply(&changed, &mut options);
        assert_eq!(options.max_per_request, 1);
        assert_eq!(options.streaming, StreamSupport::Refused);

        // Not asked: not judged.
        let plain = ProbeAsk {
            n: 1,
            stream: false,
            ..ask.clone()
        };
        let found = probe_findings(
            &plain,
            &seen(&[((1024, 1024), "image/jpeg")], false),
            Lang::En,
        );
        assert_eq!(verdict(&found, Check::N), None);
        assert_eq!(verdict(&found, Check::Stream), None);
        let unread = Ok(ProbeSeen {
            images: vec![SeenImage::default()],
            ..ProbeSeen::default()
        });
        let found = probe_findings(&plain, &unread, Lang::En);
        assert_eq!(verdict(&found, Check::Size), Some(&Verdict::SizeUnread));
        assert_eq!(verdict(&found, Check::Format), Some(&Verdict::FormatUnread));
    }

    #[test]
    fn a_failed_stream_turns_streaming_off_and_other_failures_say_only_that() {
        let ask = ProbeAsk {
            model: "gpt-image-2".into(),
            n: 1,
            stream: true,
        };
        let server = Err(ApiError::Server {
            status: 500,
            message: "litellm.APIConnectionError".into(),
        });
        let found = probe_findings(&ask, &server, Lang::En);
        assert!(matches!(
            verdict(&found, Check::Stream),
            Some(Verdict::StreamFailed { .. })
        ));
        assert_eq!(
            verdict(&found, Check::Probe),
            Some(&Verdict::ProbeFailed {
                message: server.as_ref().unwrap_err().message(Lang::En),
                billed: true
            })
        );
        let mut options = EndpointOptions::default();
        apply(&found, &mut options);
        assert_eq!(options.streaming, StreamSupport::Refused);

        // A refused key says nothing about streaming, and bills nothing.
        let key = Err(ApiError::Unauthorized {
            message: "bad key".into(),
        });
        let found = probe_findings(&ask, &key, Lang::En);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].verdict.ok(), Some(false));
        assert!(!found[0].verdict.message(Lang::En).contains("billed"));

        let n_refused = Err(ApiError::BadRequest {
            message: "n must be 1".into(),
            param: Some("n".into()),
        });
        let two = ProbeAsk {
            n: 2,
            stream: false,
            ..ask
        };
        let found = probe_findings(&two, &n_refused, Lang::En);
        assert!(matches!(
            verdict(&found, Check::N),
            Some(Verdict::NRefused { asked: 2, .. })
        ));
        let mut options = EndpointOptions::default();
        apply(&found, &mut options);
        assert_eq!(options.max_per_request, 1);
    }

    #[test]
    fn findings_are_kept_per_base_url_and_replaced_by_kind() {
        let mut book = EndpointFindings::default();
        let base = "http://gw.example/v1";
        let free = vec![
            Finding::new(
                Check::CorsGenerations,
                Verdict::CorsOpen {
                    url: "a".into(),
                    status: 204,
                },
            ),
            Finding::new(
                Check::Auth,
                Verdict::NoModelsRoute {
                    url: "b".into(),
                    status: 404,
                },
            ),
        ];
        book.record(base, free.clone());
        book.record(base, vec![Finding::new(Check::Size, Verdict::SizeUnread)]);
        assert_eq!(book.for_base("http://gw.example/v1/").len(), 3);
        // Free checks again: the paid finding stays, the free ones are replaced.
        book.record(base, free[..1].to_vec());
        assert_eq!(
            book.for_base(base)
                .iter()
                .map(|f| f.check)
                .collect::<Vec<_>>(),
            vec![Check::CorsGenerations, Check::Size]
        );
        assert!(book.for_base("http://other.example/v1").is_empty());
        book.record("http://other.example/v1", free);
        assert!(
            book.for_base(base).is_empty(),
            "another endpoint starts afresh"
        );
        let json = serde_json::to_string(&book).unwrap();
        assert!(json.contains(r#""check":"cors-generations""#), "{json}");
        let back: EndpointFindings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, book);
    }
}
