//! Server-sent events for `stream: true`, parsed incrementally as bytes arrive.
//!
//! The parser works on bytes, not text, so an event (or a UTF-8 character) split across any
//! chunk boundary is reassembled before it is decoded. Lines end in LF, CRLF or CR; `:` lines
//! are comments; `data:` lines of one event are joined with `\n` (the SSE standard).

use serde_json::Value;

use super::mime;
use super::response::{image_from_item, snippet, ImageOut, Usage};
use crate::i18n::{text::requests, Lang};

/// One dispatched event: its `event:` name (empty when none was given) and joined data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SseEvent {
    pub event: String,
    pub data: String,
}

/// Turns a byte stream into events. Feed chunks with [`SseParser::push`], then call
/// [`SseParser::finish`] when the stream ends.
#[derive(Debug, Default)]
pub struct SseParser {
    line: Vec<u8>,
    /// The previous chunk ended in CR: a LF at the start of the next one belongs to it.
    after_cr: bool,
    event: String,
    data: Vec<String>,
    has_data: bool,
}

impl SseParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Consumes a chunk and returns the events it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut out = Vec::new();
        for &byte in chunk {
            if std::mem::take(&mut self.after_cr) && byte == b'\n' {
                continue;
            }
            match byte {
                b'\n' => self.end_line(&mut out),
                b'\r' => {
                    self.after_cr = true;
                    self.end_line(&mut out);
                }
                _ => self.line.push(byte),
            }
        }
        out
    }

    /// The stream ended: an event not yet closed by a blank line is dispatched anyway, since
    /// some servers omit the final blank line.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        if !self.line.is_empty() {
            self.end_line(&mut out);
        }
        self.dispatch(&mut out);
        out
    }

    fn end_line(&mut self, out: &mut Vec<SseEvent>) {
        let line = String::from_utf8_lossy(&std::mem::take(&mut self.line)).into_owned();
        if line.is_empty() {
            self.dispatch(out);
            return;
        }
        if line.starts_with(':') {
            return;
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line.as_str(), ""),
        };
        match field {
            "event" => self.event = value.to_string(),
            "data" => {
                self.data.push(value.to_string());
                self.has_data = true;
            }
            _ => {}
        }
    }

    fn dispatch(&mut self, out: &mut Vec<SseEvent>) {
        let event = std::mem::take(&mut self.event);
        if std::mem::take(&mut self.has_data) {
            out.push(SseEvent {
                event,
                data: std::mem::take(&mut self.data).join("\n"),
            });
        }
    }
}

/// What an images stream event means.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamItem {
    /// A preview; `index` counts from 0.
    Partial { index: u32, image: ImageOut },
    /// A finished image with whatever the event said about it.
    Completed {
        image: ImageOut,
        usage: Option<Usage>,
        size: Option<String>,
        output_format: Option<String>,
    },
    /// `event: error` or a payload with an `error` key.
    Error { message: String },
    /// `[DONE]`, keep-alives and events this app does not use.
    Ignored,
}

/// Interprets one event of `image_generation.*` / `image_edit.*` streams (an error without
/// words of its own is said in `lang`).
pub fn stream_item(event: &SseEvent, requested_mime: &str, lang: Lang) -> StreamItem {
    let data = event.data.trim();
    if data.is_empty() || data == "[DONE]" {
        return if event.event == "error" {
            StreamItem::Error {
                message: requests::STREAM_NO_DETAILS.get(lang).into(),
            }
        } else {
            StreamItem::Ignored
        };
    }
    let Ok(value) = serde_json::from_str::<Value>(data) else {
        return if event.event == "error" {
            StreamItem::Error {
                message: snippet(data, 200),
            }
        } else {
            StreamItem::Ignored
        };
    };
    if let Some(err) = value.get("error").filter(|e| !e.is_null()) {
        return StreamItem::Error {
            message: error_message(err),
        };
    }
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or(&event.event);
    if event.event == "error" || kind == "error" || kind.ends_with(".failed") {
        return StreamItem::Error {
            message: error_message(&value),
        };
    }
    let output_format = value
        .get("output_format")
        .and_then(Value::as_str)
        .map(str::to_string);
    let declared = output_format.as_deref().and_then(mime::from_output_format);
    let Some(image) = image_from_item(&value, declared, requested_mime) else {
        return StreamItem::Ignored;
    };
    if kind.ends_with(".partial_image") {
        let index = value
            .get("partial_image_index")
            .and_then(Value::as_u64)
            .unwrap_or(0) as u32;
        StreamItem::Partial { index, image }
    } else if kind.ends_with(".completed") {
        StreamItem::Completed {
            image,
            usage: value
                .get("usage")
                .and_then(|u| serde_json::from_value(u.clone()).ok()),
            size: value
                .get("size")
                .and_then(Value::as_str)
                .map(str::to_string),
            output_format,
        }
    } else {
        StreamItem::Ignored
    }
}

fn error_message(err: &Value) -> String {
    err.get("message")
        .and_then(Value::as_str)
        .or_else(|| err.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| snippet(&err.to_string(), 200))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::mime::{JPEG, PNG};
    use crate::api::response::ImageSource;

    fn events(chunks: &[&[u8]]) -> Vec<SseEvent> {
        let mut p = SseParser::new();
        let mut out: Vec<SseEvent> = chunks.iter().flat_map(|c| p.push(c)).collect();
        out.extend(p.finish());
        out
    }

    fn ev(event: &str, data: &str) -> SseEvent {
        SseEvent {
            event: event.into(),
            data: data.into(),
        }
    }

    #[test]
    fn events_comments_crlf_and_multiline_data() {
        let got = events(&[
            b": keep-alive\r\nevent: a\r\ndata: {\"x\":1}\r\n\r\n",
            b"data: line1\ndata:line2\n\n",
            b"event: b\rdata: cr\r\r",
            b"id: 7\nretry: 10\ndata: [DONE]\n\n",
        ]);
        assert_eq!(
            got,
            vec![
                ev("a", "{\"x\":1}"),
                ev("", "line1\nline2"),
                ev("b", "cr"),
                ev("", "[DONE]")
            ]
        );
    }

    #[test]
    fn crlf_split_between_chunks_is_one_line_end() {
        assert_eq!(
            events(&[b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n"]),
            vec![ev("", "a"), ev("", "b")]
        );
    }

    #[test]
    fn an_unterminated_last_event_is_still_delivered() {
        assert_eq!(events(&[b"event: x\ndata: tail"]), vec![ev("x", "tail")]);
        assert_eq!(events(&[b"event: only-name\n\n"]), vec![]);
    }

    #[test]
    fn multibyte_characters_split_across_chunks() {
        let text = "data: {\"message\":\"caf\u{e9} \u{1F98A}\"}\n\n".as_bytes();
        let got = events(&[&text[..18], &text[18..25], &text[25..]]);
        assert_eq!(got, vec![ev("", "{\"message\":\"caf\u{e9} \u{1F98A}\"}")]);
    }

    const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";

    #[test]
    fn partial_and_completed_events() {
        let partial = ev(
            "image_generation.partial_image",
            &format!(
                r#"{{"type":"image_generation.partial_image","b64_json":"{PNG_B64}","partial_image_index":1}}"#
            ),
        );
        match stream_item(&partial, JPEG, Lang::En) {
            StreamItem::Partial { index, image } => {
                assert_eq!(index, 1);
                assert_eq!(image.mime, PNG);
                assert!(matches!(image.source, ImageSource::DataUrl(_)));
            }
            other => panic!("{other:?}"),
        }
        let done = ev(
            "",
            &format!(
                r#"{{"type":"image_edit.completed","b64_json":"{PNG_B64}","size":"1024x1536","output_format":"png","usage":{{"input_tokens":3,"output_tokens":9,"total_tokens":12}}}}"#
            ),
        );
        match stream_item(&done, JPEG, Lang::En) {
            StreamItem::Completed {
                usage,
                size,
                output_format,
                ..
            } => {
                assert_eq!(usage.unwrap().total_tokens, Some(12));
                assert_eq!(size.as_deref(), Some("1024x1536"));
                assert_eq!(output_format.as_deref(), Some("png"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_in_every_shape() {
        let cases = [
            ev("error", r#"{"error":{"message":"moderation blocked"}}"#),
            ev("", r#"{"error":{"message":"moderation blocked"}}"#),
            ev(
                "",
                r#"{"type":"error","message":"moderation blocked","code":"x"}"#,
            ),
            ev("error", "moderation blocked"),
        ];
        for case in cases {
            assert_eq!(
                stream_item(&case, PNG, Lang::En),
                StreamItem::Error {
                    message: "moderation blocked".into()
                },
                "{case:?}"
            );
        }
        assert!(matches!(
            stream_item(&ev("error", ""), PNG, Lang::En),
            StreamItem::Error { .. }
        ));
        assert_eq!(
            stream_item(&ev("error", ""), PNG, Lang::ZhCn),
            StreamItem::Error {
                message: "流报告了错误，但未提供详情".into()
            }
        );
    }

    #[test]
    fn done_keepalive_and_unknown_events_are_ignored() {
        for case in [
            ev("", "[DONE]"),
            ev("", "not json"),
            ev("", r#"{"type":"image_generation.progress"}"#),
            ev("", r#"{"type":"image_generation.completed"}"#),
        ] {
            assert_eq!(
                stream_item(&case, PNG, Lang::En),
                StreamItem::Ignored,
                "{case:?}"
            );
        }
    }
}
