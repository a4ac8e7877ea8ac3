//! Reading a Responses API answer for an image turn: the `image_generation_call` output item
//! (id, status, base64 result, revised prompt), the response id the next turn chains to, usage,
//! and why there is no image (`error`, `incomplete_details`, a text-only answer). Streams are
//! framed by `api::sse::SseParser`; [`ResponsesStream`] folds their events into the same
//! answer.

use serde_json::Value;

use crate::api::mime;
use crate::api::response::{image_from_item, snippet, ImageOut, Usage};
use crate::api::sse::SseEvent;
use crate::i18n::{text::conversation, Lang};
use crate::tr;

/// The image call of an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageCall {
    /// `ig_…`: what [`super::responses_request::Chain::ImageCall`] continues from.
    pub id: String,
    /// `completed`, `in_progress`, `generating` or `failed`.
    pub status: String,
    /// None while the call has no result.
    pub image: Option<ImageOut>,
    pub revised_prompt: Option<String>,
    /// What the call says it made, where it says (OpenAI echoes them on the item).
    pub size: Option<String>,
    pub output_format: Option<String>,
}

/// A turn's answer that holds an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponsesAnswer {
    /// `resp_…`: what `previous_response_id` continues from.
    pub response_id: String,
    pub call: ImageCall,
    /// The finished image (the call's).
    pub image: ImageOut,
    pub usage: Option<Usage>,
    /// Words the model said beside the image, if any.
    pub text: Option<String>,
}

/// Why an answer holds no image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    NotJson {
        snippet: String,
    },
    /// `error` set, or `status: failed` (`code` as the endpoint gave it).
    Failed {
        code: Option<String>,
        message: Option<String>,
    },
    /// `status: incomplete` (`incomplete_details.reason`: max_output_tokens, content_filter).
    Incomplete {
        reason: Option<String>,
    },
    /// No image call, but a message: the text model answered instead of drawing.
    TextOnly {
        text: String,
    },
    /// Neither an image call nor a message.
    NoImage,
    /// An image call without a result (status `failed`, or cut short).
    CallFailed {
        id: String,
        status: String,
    },
    /// The answer carried no response id, so no next turn could chain to it.
    NoResponseId,
    /// A stream's `error` event or `response.failed` without a response.
    StreamError {
        message: String,
    },
    /// The stream ended before the image; `partials` previews had arrived.
    StreamCut {
        partials: u32,
    },
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AnswerError {}

impl AnswerError {
    /// What happened, in `lang` (the endpoint's own words as it sent them).
    pub fn message(&self, lang: Lang) -> String {
        let no_message = || tr!(lang, conversation::NO_MESSAGE).to_string();
        match self {
            AnswerError::NotJson { snippet } => {
                tr!(lang, conversation::NOT_JSON, snippet = snippet)
            }
            AnswerError::Failed { code, message } => {
                let message = message.clone().unwrap_or_else(no_message);
                match code {
                    Some(code) => tr!(
                        lang,
                        conversation::FAILED_CODE,
                        code = code,
                        message = message
                    ),
                    None => tr!(lang, conversation::FAILED, message = message),
                }
            }
            AnswerError::Incomplete { reason } => match reason.as_deref() {
                Some("content_filter") => tr!(lang, conversation::INCOMPLETE_FILTER).to_string(),
                Some(reason) => tr!(lang, conversation::INCOMPLETE, reason = reason),
                None => tr!(lang, conversation::INCOMPLETE, reason = no_message()),
            },
            AnswerError::TextOnly { text } => tr!(lang, conversation::TEXT_ONLY, text = text),
            AnswerError::NoImage => tr!(lang, conversation::NO_IMAGE).to_string(),
            AnswerError::CallFailed { id, status } => {
                tr!(lang, conversation::CALL_FAILED, id = id, status = status)
            }
            AnswerError::NoResponseId => tr!(lang, conversation::NO_RESPONSE_ID).to_string(),
            AnswerError::StreamError { message } => {
                tr!(lang, conversation::STREAM_ERROR, message = message)
            }
            AnswerError::StreamCut { partials } => {
                tr!(lang, conversation::STREAM_CUT, partials = partials)
            }
        }
    }
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// An `image_generation_call` item as an [`ImageCall`].
pub fn image_call(item: &Value, requested_mime: &str) -> ImageCall {
    let output_format = str_field(item, "output_format");
    let declared = output_format.as_deref().and_then(mime::from_output_format);
    let revised_prompt = str_field(item, "revised_prompt").filter(|p| !p.trim().is_empty());
    // The Images API's reader, fed the call's result as a `b64_json` item: the same data: URL
    // and MIME rules (prefixed or raw base64, declared format, sniffed bytes).
    let image = str_field(item, "result").and_then(|result| {
        let as_item = serde_json::json!({"b64_json": result, "revised_prompt": revised_prompt});
        image_from_item(&as_item, declared, requested_mime)
    });
    ImageCall {
        id: str_field(item, "id").unwrap_or_default(),
        status: str_field(item, "status").unwrap_or_default(),
        image,
        revised_prompt,
        size: str_field(item, "size"),
        output_format,
    }
}

fn is_image_call(item: &Value) -> bool {
    item.get("type").and_then(Value::as_str) == Some("image_generation_call")
}

/// The words of the answer's messages (`output_text` and `refusal` parts), if any.
fn message_text(output: &[Value]) -> Option<String> {
    let mut words = Vec::new();
    for item in output {
        if item.get("type").and_then(Value::as_str) != Some("message") {
            continue;
        }
        let parts = item.get("content").and_then(Value::as_array);
        for part in parts.into_iter().flatten() {
            if let Some(t) = part
                .get("text")
                .or_else(|| part.get("refusal"))
                .and_then(Value::as_str)
                .filter(|t| !t.trim().is_empty())
            {
                words.push(t.trim().to_string());
            }
        }
    }
    (!words.is_empty()).then(|| words.join("\n"))
}

fn error_of(err: &Value) -> AnswerError {
    AnswerError::Failed {
        code: err.get("code").and_then(Value::as_str).map(str::to_string),
        message: err
            .get("message")
            .and_then(Value::as_str)
            .or_else(|| err.as_str())
            .map(str::to_string),
    }
}

/// Reads a non-streamed answer (the `Response` object).
pub fn parse_response(body: &str, requested_mime: &str) -> Result<ResponsesAnswer, AnswerError> {
    let root: Value = serde_json::from_str(body).map_err(|_| AnswerError::NotJson {
        snippet: snippet(body, 60),
    })?;
    parse_response_value(&root, requested_mime)
}

/// Reads a `Response` object (a whole answer, or the `response` of `response.completed`).
pub fn parse_response_value(
    root: &Value,
    requested_mime: &str,
) -> Result<ResponsesAnswer, AnswerError> {
    if let Some(err) = root.get("error").filter(|e| !e.is_null()) {
        return Err(error_of(err));
    }
    let status = root.get("status").and_then(Value::as_str);
    if status == Some("failed") {
        return Err(AnswerError::Failed {
            code: None,
            message: None,
        });
    }
    let output: &[Value] = root
        .get("output")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let text = message_text(output);
    // The last call wins: a model that drew twice shows its final picture.
    let call = output
        .iter()
        .filter(|i| is_image_call(i))
        .map(|i| image_call(i, requested_mime))
        .next_back();
    match call {
        Some(call) => {
            let Some(image) = call.image.clone() else {
                return Err(AnswerError::CallFailed {
                    id: call.id,
                    status: call.status,
                });
            };
            let response_id = str_field(root, "id").ok_or(AnswerError::NoResponseId)?;
            Ok(ResponsesAnswer {
                response_id,
                call,
                image,
                usage: root
                    .get("usage")
                    .and_then(|u| serde_json::from_value(u.clone()).ok()),
                text,
            })
        }
        None => {
            let details = root.get("incomplete_details").filter(|d| !d.is_null());
            if status == Some("incomplete") || details.is_some() {
                return Err(AnswerError::Incomplete {
                    reason: details.and_then(|d| str_field(d, "reason")),
                });
            }
            match text {
                Some(text) => Err(AnswerError::TextOnly {
                    text: snippet(&text, 300),
                }),
                None => Err(AnswerError::NoImage),
            }
        }
    }
}

/// What one stream event means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponsesEvent {
    /// `response.created` / `response.in_progress` / `response.queued`: the id is known early.
    Started { response_id: String },
    /// A preview of the call `item_id`; `index` counts from 0.
    Partial {
        item_id: String,
        index: u32,
        image: ImageOut,
    },
    /// `response.image_generation_call.completed`: the call is done, its result follows.
    CallCompleted { item_id: String },
    /// `response.output_item.done` with the image call (and its result).
    CallDone(ImageCall),
    /// `response.completed` with the whole response, read as a non-streamed answer.
    Completed(Box<Result<ResponsesAnswer, AnswerError>>),
    /// `error`, `response.failed`, `response.incomplete`.
    Failed(AnswerError),
    /// Other events (`in_progress`, `generating`, text deltas), `[DONE]`, keep-alives.
    Ignored,
}

/// Interprets one event of a Responses stream.
pub fn responses_event(event: &SseEvent, requested_mime: &str, lang: Lang) -> ResponsesEvent {
    let data = event.data.trim();
    let value = match serde_json::from_str::<Value>(data) {
        Ok(v) if v.is_object() => v,
        _ if event.event == "error" => {
            let message = if data.is_empty() {
                tr!(lang, conversation::NO_MESSAGE).to_string()
            } else {
                snippet(data, 200)
            };
            return ResponsesEvent::Failed(AnswerError::StreamError { message });
        }
        _ => return ResponsesEvent::Ignored,
    };
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or(&event.event);
    let response = value.get("response");
    let item_id = || str_field(&value, "item_id").unwrap_or_default();
    match kind {
        "response.created" | "response.in_progress" | "response.queued" => {
            match response.and_then(|r| str_field(r, "id")) {
                Some(response_id) => ResponsesEvent::Started { response_id },
                None => ResponsesEvent::Ignored,
            }
        }
        "response.image_generation_call.partial_image" => {
            let declared = value
                .get("output_format")
                .and_then(Value::as_str)
                .and_then(mime::from_output_format);
            let b64 = value.get("partial_image_b64").cloned().unwrap_or_default();
            match image_from_item(
                &serde_json::json!({ "b64_json": b64 }),
                declared,
                requested_mime,
            ) {
                Some(image) => ResponsesEvent::Partial {
                    item_id: item_id(),
                    index: value
                        .get("partial_image_index")
                        .and_then(Value::as_u64)
                        .unwrap_or(0) as u32,
                    image,
                },
                None => ResponsesEvent::Ignored,
            }
        }
        "response.image_generation_call.completed" => {
            ResponsesEvent::CallCompleted { item_id: item_id() }
        }
        "response.output_item.done" => match value.get("item").filter(|i| is_image_call(i)) {
            Some(item) => ResponsesEvent::CallDone(image_call(item, requested_mime)),
            None => ResponsesEvent::Ignored,
        },
        "response.completed" => match response {
            Some(r) => ResponsesEvent::Completed(Box::new(parse_response_value(r, requested_mime))),
            None => ResponsesEvent::Ignored,
        },
        "response.failed" | "response.incomplete" => {
            let err = match response.map(|r| parse_response_value(r, requested_mime)) {
                Some(Err(e)) => e,
                _ if kind == "response.incomplete" => AnswerError::Incomplete { reason: None },
                _ => AnswerError::Failed {
                    code: None,
                    message: None,
                },
            };
            ResponsesEvent::Failed(err)
        }
        _ if kind == "error" || event.event == "error" => {
            let err = value
                .get("error")
                .filter(|e| e.is_object())
                .unwrap_or(&value);
            ResponsesEvent::Failed(AnswerError::StreamError {
                message: str_field(err, "message")
                    .unwrap_or_else(|| tr!(lang, conversation::NO_MESSAGE).to_string()),
            })
        }
        _ => ResponsesEvent::Ignored,
    }
}

/// Folds a Responses stream into its answer: feed every event with [`ResponsesStream::push`]
/// (it returns what the event means, e.g. a preview to show), then [`ResponsesStream::finish`].
#[derive(Debug)]
pub struct ResponsesStream {
    requested_mime: String,
    lang: Lang,
    response_id: Option<String>,
    partials: u32,
    call: Option<ImageCall>,
    completed: Option<Result<ResponsesAnswer, AnswerError>>,
    failed: Option<AnswerError>,
}

impl ResponsesStream {
    pub fn new(requested_mime: &str, lang: Lang) -> Self {
        ResponsesStream {
            requested_mime: requested_mime.to_string(),
            lang,
            response_id: None,
            partials: 0,
            call: None,
            completed: None,
            failed: None,
        }
    }

    /// The response id, as soon as the stream named it (a cut stream may still be chained).
    pub fn response_id(&self) -> Option<&str> {
        self.response_id.as_deref()
    }

    pub fn partials(&self) -> u32 {
        self.partials
    }

    pub fn push(&mut self, event: &SseEvent) -> ResponsesEvent {
        let meaning = responses_event(event, &self.requested_mime, self.lang);
        match &meaning {
            ResponsesEvent::Started { response_id } => {
                self.response_id = Some(response_id.clone());
            }
            ResponsesEvent::Partial { .. } => self.partials += 1,
            ResponsesEvent::CallDone(call) => self.call = Some(call.clone()),
            ResponsesEvent::Completed(answer) => self.completed = Some((**answer).clone()),
            ResponsesEvent::Failed(e) => {
                self.failed.get_or_insert_with(|| e.clone());
            }
            ResponsesEvent::CallCompleted { .. } | ResponsesEvent::Ignored => {}
        }
        meaning
    }

    /// The answer once the stream has ended.
    pub fn finish(self) -> Result<ResponsesAnswer, AnswerError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        match (self.completed, self.call) {
            (Some(Ok(answer)), _) => Ok(answer),
            // `response.completed` may leave results out to save bytes: the item's own result
            // (from `output_item.done`) stands in.
            (Some(Err(AnswerError::CallFailed { .. })), Some(call))
            | (Some(Err(AnswerError::NoImage)), Some(call)) => {
                answer_from_call(self.response_id, call)
            }
            (Some(Err(e)), _) => Err(e),
            // Cut after the image but before `response.completed`: the picture is whole.
            (None, Some(call)) if call.image.is_some() => answer_from_call(self.response_id, call),
            (None, _) => Err(AnswerError::StreamCut {
                partials: self.partials,
            }),
        }
    }
}

fn answer_from_call(
    response_id: Option<String>,
    call: ImageCall,
) -> Result<ResponsesAnswer, AnswerError> {
    let Some(image) = call.image.clone() else {
        return Err(AnswerError::CallFailed {
            id: call.id,
            status: call.status,
        });
    };
    Ok(ResponsesAnswer {
        response_id: response_id.ok_or(AnswerError::NoResponseId)?,
        call,
        image,
        usage: None,
        text: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::mime::{JPEG, PNG};
    use crate::api::response::ImageSource;
    use crate::api::sse::SseParser;
    use serde_json::json;

    const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";
    const JPEG_B64: &str = "/9j/4AAQSkZJRgABAQAAAQABAAD";

    fn answer(output: Value) -> Value {
        json!({"id": "resp_1", "object": "response", "status": "completed", "error": null,
               "incomplete_details": null, "output": output,
               "usage": {"input_tokens": 10, "output_tokens": 20, "total_tokens": 30,
                         "input_tokens_details": {"cached_tokens": 0},
                         "output_tokens_details": {"reasoning_tokens": 0}}})
    }

    fn call(result: Value) -> Value {
        json!({"type": "image_generation_call", "id": "ig_1", "status": "completed",
               "result": result, "revised_prompt": "A fox, revised", "output_format": "jpeg",
               "size": "1024x1536"})
    }

    #[test]
    fn an_image_answer() {
        let body = answer(json!([
            {"type": "reasoning", "id": "rs_1", "summary": []},
            call(json!(JPEG_B64)),
            {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
             "content": [{"type": "output_text", "text": "Here it is.", "annotations": []}]},
        ]));
        let a = parse_response(&body.to_string(), PNG).unwrap();
        assert_eq!(a.response_id, "resp_1");
        assert_eq!(a.call.id, "ig_1");
        assert_eq!(a.call.status, "completed");
        assert_eq!(a.call.size.as_deref(), Some("1024x1536"));
        assert_eq!(
            a.image.mime, JPEG,
            "the declared format wins over the asked"
        );
        assert_eq!(a.image.revised_prompt.as_deref(), Some("A fox, revised"));
        assert_eq!(
            a.image.source,
            ImageSource::DataUrl(format!("data:image/jpeg;base64,{JPEG_B64}").into())
        );
        assert_eq!(a.usage.unwrap().total_tokens, Some(30));
        assert_eq!(a.text.as_deref(), Some("Here it is."));
    }

    #[test]
    fn no_image_is_explained() {
        let text = answer(json!([{"type": "message", "role": "assistant",
            "content": [{"type": "output_text", "text": "I can't draw that, but here is a poem."}]}]));
        let err = parse_response(&text.to_string(), PNG).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "The model answered in text: I can't draw that, but here is a poem."
        );
        assert!(err.message(Lang::ZhCn).starts_with("模型以文字作答："));
        let refusal = answer(json!([{"type": "message", "role": "assistant",
            "content": [{"type": "refusal", "refusal": "No."}]}]));
        assert_eq!(
            parse_response(&refusal.to_string(), PNG),
            Err(AnswerError::TextOnly { text: "No.".into() })
        );
        assert_eq!(
            parse_response(&answer(json!([])).to_string(), PNG),
            Err(AnswerError::NoImage)
        );
        let failed_call = answer(json!([{"type": "image_generation_call", "id": "ig_9",
                                         "status": "failed", "result": null}]));
        assert_eq!(
            parse_response(&failed_call.to_string(), PNG),
            Err(AnswerError::CallFailed {
                id: "ig_9".into(),
                status: "failed".into()
            })
        );
        let mut failed = answer(json!([]));
        failed["status"] = json!("failed");
        failed["error"] = json!({"code": "image_content_policy_violation", "message": "Blocked."});
        let err = parse_response(&failed.to_string(), PNG).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The response failed (image_content_policy_violation): Blocked."
        );
        let mut incomplete = answer(json!([]));
        incomplete["status"] = json!("incomplete");
        incomplete["incomplete_details"] = json!({"reason": "content_filter"});
        assert_eq!(
            parse_response(&incomplete.to_string(), PNG),
            Err(AnswerError::Incomplete {
                reason: Some("content_filter".into())
            })
        );
        assert!(matches!(
            parse_response("<html>502</html>", PNG),
            Err(AnswerError::NotJson { .. })
        ));
        let mut no_id = answer(json!([call(json!(PNG_B64))]));
        no_id.as_object_mut().unwrap().remove("id");
        assert_eq!(
            parse_response(&no_id.to_string(), PNG),
            Err(AnswerError::NoResponseId)
        );
        // A 2xx body that is an OpenAI error object.
        let err = parse_response(r#"{"error":{"message":"Nope","type":"x"}}"#, PNG).unwrap_err();
        assert_eq!(err.message(Lang::En), "The response failed: Nope");
    }

    fn sse(kind: &str, data: Value) -> String {
        format!("event: {kind}\ndata: {data}\n\n")
    }

    fn stream_text(partials: u32, complete: bool) -> String {
        let created = json!({"id": "resp_s", "object": "response", "status": "in_progress",
                             "output": [], "error": null});
        let mut s = sse(
            "response.created",
            json!({"type": "response.created", "sequence_number": 0, "response": created}),
        );
        s += &sse(
            "response.in_progress",
            json!({"type": "response.in_progress", "sequence_number": 1, "response": created}),
        );
        for i in 0..partials {
            s += &sse(
                "response.image_generation_call.partial_image",
                json!({"type": "response.image_generation_call.partial_image",
                       "output_index": 0, "item_id": "ig_s", "sequence_number": 2 + i,
                       "partial_image_index": i, "partial_image_b64": PNG_B64}),
            );
        }
        if complete {
            s += &sse(
                "response.image_generation_call.completed",
                json!({"type": "response.image_generation_call.completed", "output_index": 0,
                       "item_id": "ig_s", "sequence_number": 10}),
            );
            let item = json!({"type": "image_generation_call", "id": "ig_s",
                              "status": "completed", "result": PNG_B64});
            s += &sse(
                "response.output_item.done",
                json!({"type": "response.output_item.done", "output_index": 0,
                       "sequence_number": 11, "item": item}),
            );
            let mut done = answer(json!([item]));
            done["id"] = json!("resp_s");
            s += &sse(
                "response.completed",
                json!({"type": "response.completed", "sequence_number": 12, "response": done}),
            );
        }
        s
    }

    /// Feeds `text` in chunks of `chunk` bytes.
    fn run(
        text: &str,
        chunk: usize,
    ) -> (Vec<ResponsesEvent>, Result<ResponsesAnswer, AnswerError>) {
        let mut parser = SseParser::new();
        let mut stream = ResponsesStream::new(PNG, Lang::En);
        let mut seen = Vec::new();
        for piece in text.as_bytes().chunks(chunk) {
            for e in parser.push(piece) {
                seen.push(stream.push(&e));
            }
        }
        for e in parser.finish() {
            seen.push(stream.push(&e));
        }
        (seen, stream.finish())
    }

    #[test]
    fn a_whole_stream_in_any_chunking() {
        for chunk in [1, 7, 64, 100_000] {
            let (seen, answer) = run(&stream_text(2, true), chunk);
            let partials: Vec<u32> = seen
                .iter()
                .filter_map(|e| match e {
                    ResponsesEvent::Partial { index, item_id, .. } => {
                        assert_eq!(item_id, "ig_s");
                        Some(*index)
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(partials, vec![0, 1], "chunk {chunk}");
            assert_eq!(
                seen.first(),
                Some(&ResponsesEvent::Started {
                    response_id: "resp_s".into()
                })
            );
            assert!(seen.contains(&ResponsesEvent::CallCompleted {
                item_id: "ig_s".into()
            }));
            let answer = answer.unwrap();
            assert_eq!(
                (answer.response_id.as_str(), answer.call.id.as_str()),
                ("resp_s", "ig_s")
            );
            assert_eq!(answer.usage.unwrap().total_tokens, Some(30));
        }
    }

    #[test]
    fn a_cut_stream_and_a_completed_event_without_results() {
        let (_, answer) = run(&stream_text(1, false), 13);
        assert_eq!(answer, Err(AnswerError::StreamCut { partials: 1 }));
        assert_eq!(
            AnswerError::StreamCut { partials: 1 }.message(Lang::En),
            "The stream ended before the image (1 previews arrived); the endpoint may still bill it."
        );
        // response.completed whose output omits the result: the done item's result is used.
        let text = stream_text(0, true).replace(
            &format!(
                r#""output":[{{"id":"ig_s","result":"{PNG_B64}","status":"completed","type":"image_generation_call"}}]"#
            ),
            r#""output":[]"#,
        );
        assert_ne!(text, stream_text(0, true), "the replacement happened");
        let (_, answer) = run(&text, 50);
        assert_eq!(answer.unwrap().call.id, "ig_s");
    }

    #[test]
    fn stream_errors() {
        let cases = [
            sse(
                "error",
                json!({"type": "error", "code": "server_error", "message": "Boom", "param": null,
                       "sequence_number": 3}),
            ),
            "event: error\ndata: Boom\n\n".to_string(),
            sse("", json!({"type": "error", "error": {"message": "Boom"}})),
        ];
        for case in cases {
            let text = stream_text(1, false) + &case;
            let (_, answer) = run(&text, 9);
            assert_eq!(
                answer,
                Err(AnswerError::StreamError {
                    message: "Boom".into()
                }),
                "{case}"
            );
        }
        let failed = json!({"type": "response.failed", "sequence_number": 4, "response": {
            "id": "resp_s", "status": "failed", "output": [],
            "error": {"code": "server_error", "message": "The model failed."}}});
        let (_, answer) = run(
            &(stream_text(0, false) + &sse("response.failed", failed)),
            40,
        );
        assert_eq!(
            answer,
            Err(AnswerError::Failed {
                code: Some("server_error".into()),
                message: Some("The model failed.".into())
            })
        );
        assert_eq!(
            AnswerError::StreamError {
                message: "Boom".into()
            }
            .message(Lang::ZhCn),
            "流报告了错误：Boom"
        );
    }

    #[test]
    fn other_events_are_ignored() {
        for e in [
            SseEvent {
                event: String::new(),
                data: "[DONE]".into(),
            },
            SseEvent {
                event: "response.output_text.delta".into(),
                data: r#"{"type":"response.output_text.delta","delta":"hi"}"#.into(),
            },
            SseEvent {
                event: String::new(),
                data: r#"{"type":"response.image_generation_call.generating","item_id":"ig"}"#
                    .into(),
            },
            SseEvent {
                event: String::new(),
                data: r#"{"type":"response.output_item.done","item":{"type":"message"}}"#.into(),
            },
        ] {
            assert_eq!(responses_event(&e, PNG, Lang::En), ResponsesEvent::Ignored);
        }
    }
}
