//! `POST /v1/responses` with the `image_generation` tool, the way OpenAI answers it for
//! conversational editing: JSON or SSE, `resp_…` and `ig_…` ids that are remembered, and a
//! next turn (by `previous_response_id`, or by the image call's id as an input item) drawn on
//! top of the previous image so that the chain is visible in the pixels.
//!
//! `/__admin/responses` switches the endpoint off (404 or 405), like a gateway without it.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

use crate::draw::{self, Canvas};
use crate::error::ApiError;
use crate::faults::{self, Variant};
use crate::generate::unix_now;
use crate::sse::{self, EVENT_GAP};
use crate::state::{AppState, RequestRecord};
use crate::steady;
use crate::validate::{self, Endpoint, ImageInfo, ImageRequest, Raw};

/// Answers kept for chaining; older ones are forgotten (OpenAI keeps them 30 days).
const REMEMBERED: usize = 64;

/// One answered turn: its ids and the image as encoded (decoded again when continued).
struct Stored {
    response_id: String,
    call_id: String,
    image: Arc<Vec<u8>>,
}

/// The endpoint's switch and its memory of answered turns.
#[derive(Default)]
pub struct ResponsesBook {
    /// Some(404 or 405): the endpoint answers that, as if it did not exist.
    off: Option<u16>,
    stored: VecDeque<Stored>,
}

impl ResponsesBook {
    fn remember(&mut self, s: Stored) {
        self.stored.push_back(s);
        while self.stored.len() > REMEMBERED {
            self.stored.pop_front();
        }
    }
    fn by_response(&self, id: &str) -> Option<Arc<Vec<u8>>> {
        let s = self.stored.iter().find(|s| s.response_id == id)?;
        Some(s.image.clone())
    }
    fn by_call(&self, id: &str) -> Option<Arc<Vec<u8>>> {
        let s = self.stored.iter().find(|s| s.call_id == id)?;
        Some(s.image.clone())
    }
}

/// `prefix` + 48 hex digits, like OpenAI's ids.
fn new_id(state: &AppState, prefix: &str) -> String {
    let n = state.next_id();
    let seed = draw::seed(prefix, n as u32) ^ unix_now().rotate_left(17);
    format!(
        "{prefix}{:016x}{:016x}{:016x}",
        seed,
        seed.rotate_left(21) ^ n,
        seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    )
}

/// What a turn asks for, after validation.
struct Turn {
    text_model: String,
    req: ImageRequest,
    /// The tool as sent, echoed in the answer.
    tool: Option<Value>,
    action: &'static str,
    /// The image this turn continues, encoded.
    previous: Option<Arc<Vec<u8>>>,
    previous_response_id: Option<String>,
}

fn invalid(param: &str, message: String, code: &str) -> ApiError {
    ApiError {
        code: Some(code.into()),
        ..ApiError::invalid(param, message)
    }
}

/// Decodes a `data:image/…;base64,` URL into an image; `param` names it in errors.
fn data_url_image(url: &str, param: &str) -> Result<ImageInfo, ApiError> {
    let Some(rest) = url.strip_prefix("data:") else {
        return Err(invalid(
            param,
            format!("Invalid '{param}': this endpoint takes images as base64 data URLs (data:image/png;base64,...); it cannot fetch URLs."),
            "invalid_image_url",
        ));
    };
    let data = rest.split_once(";base64,").map(|(_, d)| d).ok_or_else(|| {
        invalid(
            param,
            format!("Invalid '{param}': expected a base64 data URL."),
            "invalid_base64_image",
        )
    })?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|e| {
            invalid(
                param,
                format!("Invalid base64 image in '{param}': {e}."),
                "invalid_base64_image",
            )
        })?;
    draw::describe(&bytes).map_err(|why| {
        invalid(
            param,
            format!("Invalid image in '{param}': {why}"),
            "invalid_image",
        )
    })
}

/// Text of a message's `content` (a string, or its `input_text` parts), and its images.
fn read_content(
    content: &Value,
    at: &str,
    text: &mut Vec<String>,
    images: &mut Vec<ImageInfo>,
) -> Result<(), ApiError> {
    match content {
        Value::String(s) => text.push(s.clone()),
        Value::Array(parts) => {
            for (j, part) in parts.iter().enumerate() {
                let param = format!("{at}.content[{j}]");
                match part.get("type").and_then(Value::as_str) {
                    Some("input_text") => {
                        let t = part.get("text").and_then(Value::as_str).ok_or_else(|| {
                            ApiError::invalid(&param, format!("Missing required parameter: '{param}.text'."))
                        })?;
                        text.push(t.to_string());
                    }
                    Some("input_image") => {
                        let url_param = format!("{param}.image_url");
                        let url = part.get("image_url").and_then(Value::as_str).ok_or_else(|| {
                            invalid(
                                &url_param,
                                format!("Invalid '{param}': this endpoint takes images as base64 data URLs in 'image_url' (no file ids)."),
                                "invalid_image_url",
                            )
                        })?;
                        images.push(data_url_image(url, &url_param)?);
                    }
                    other => {
                        return Err(ApiError::invalid(
                            format!("{param}.type"),
                            format!(
                                "Invalid value: '{}'. Supported values are: 'input_text' and 'input_image'.",
                                other.unwrap_or("")
                            ),
                        ))
                    }
                }
            }
        }
        _ => {
            return Err(ApiError::invalid(
                format!("{at}.content"),
                format!("Invalid type for '{at}.content': expected a string or an array."),
            ))
        }
    }
    Ok(())
}

/// Validates a body like OpenAI: the text model, the input, the chain, the image tool (its
/// parameters by the Images API rules of `crate::validate`).
fn read_turn(state: &AppState, body: &Value) -> Result<Turn, ApiError> {
    let Value::Object(root) = body else {
        return Err(ApiError::bad_request(
            "The JSON body of your request must be an object.",
        ));
    };
    let text_model = match root.get("model") {
        Some(Value::String(m)) if !m.trim().is_empty() => m.clone(),
        Some(Value::String(_)) => {
            return Err(ApiError::invalid("model", "Invalid 'model': empty string."))
        }
        Some(_) => {
            return Err(ApiError::invalid(
                "model",
                "Invalid type for 'model': expected a string.",
            ))
        }
        None => {
            return Err(ApiError::invalid(
                "model",
                "Missing required parameter: 'model'.",
            ))
        }
    };
    let stream = match root.get("stream") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(ApiError::invalid(
                "stream",
                "Invalid type for 'stream': expected a boolean.",
            ))
        }
    };
    let book = state.responses();
    let mut previous = None;
    let previous_response_id = match root.get("previous_response_id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => {
            previous = Some(book.by_response(id).ok_or_else(|| {
                invalid(
                    "previous_response_id",
                    format!("Previous response with id '{id}' not found."),
                    "previous_response_not_found",
                )
            })?);
            Some(id.clone())
        }
        Some(_) => {
            return Err(ApiError::invalid(
                "previous_response_id",
                "Invalid type for 'previous_response_id': expected a string.",
            ))
        }
    };

    let mut text = Vec::new();
    let mut images = Vec::new();
    match root.get("input") {
        Some(Value::String(s)) => text.push(s.clone()),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("input[{i}]");
                let kind = item.get("type").and_then(Value::as_str);
                match kind {
                    // An earlier image call by id: the spec's item reference, or the bare item
                    // of OpenAI's guide (accepted by OpenAI, refused by the spec's validator).
                    Some("item_reference" | "image_generation_call") | None
                        if item.get("role").is_none() =>
                    {
                        let id = item.get("id").and_then(Value::as_str).unwrap_or("");
                        previous = Some(book.by_call(id).ok_or_else(|| {
                            invalid(
                                &at,
                                format!("Item with id '{id}' not found."),
                                "item_not_found",
                            )
                        })?);
                    }
                    Some("message") | None => {
                        if item.get("role").and_then(Value::as_str) == Some("user") {
                            let content = item.get("content").unwrap_or(&Value::Null);
                            read_content(content, &at, &mut text, &mut images)?;
                        }
                    }
                    Some(other) => {
                        return Err(ApiError::invalid(
                            format!("{at}.type"),
                            format!("Invalid value: '{other}'. This endpoint takes 'message' and 'item_reference' input items."),
                        ))
                    }
                }
            }
        }
        Some(_) => {
            return Err(ApiError::invalid(
                "input",
                "Invalid type for 'input': expected a string or an array.",
            ))
        }
        None => {
            return Err(ApiError::invalid(
                "input",
                "Missing required parameter: 'input'.",
            ))
        }
    }
    drop(book);
    let prompt = text.join("\n");

    let tools = root.get("tools").and_then(Value::as_array);
    let tool_at = tools.and_then(|t| {
        t.iter()
            .position(|t| t.get("type").and_then(Value::as_str) == Some("image_generation"))
    });
    let tool = tool_at.and_then(|i| tools.map(|t| t[i].clone()));
    let mut items: Vec<(String, Raw)> = vec![
        ("prompt".into(), Raw::Json(Value::String(prompt.clone()))),
        ("stream".into(), Raw::Json(Value::Bool(stream))),
    ];
    let mut action = "auto";
    let mut mask = None;
    if let (Some(Value::Object(t)), Some(ti)) = (&tool, tool_at) {
        let at = format!("tools[{ti}]");
        for (k, v) in t {
            match k.as_str() {
                "type" => {}
                "action" => {
                    action = match v.as_str() {
                        Some("generate") => "generate",
                        Some("edit") => "edit",
                        Some("auto") => "auto",
                        _ => {
                            return Err(ApiError::invalid(
                                format!("{at}.action"),
                                format!("Invalid value for '{at}.action': {v}. Supported values are: 'generate', 'edit', and 'auto'."),
                            ))
                        }
                    }
                }
                "input_image_mask" => {
                    let param = format!("{at}.input_image_mask.image_url");
                    let url = v.get("image_url").and_then(Value::as_str).ok_or_else(|| {
                        ApiError::invalid(
                            &param,
                            "This endpoint takes the mask as a base64 data URL in 'image_url'.",
                        )
                    })?;
                    let m = data_url_image(url, &param)?;
                    if !m.has_alpha {
                        return Err(ApiError::invalid(
                            &param,
                            "Invalid mask: the mask image must have an alpha channel (for example an RGBA PNG).",
                        ));
                    }
                    mask = Some(m);
                }
                // Fields a prompt-based body would have: not the tool's.
                "prompt" | "n" | "stream" | "user" | "response_format" | "style" => {
                    return Err(ApiError::invalid(
                        format!("{at}.{k}"),
                        format!("Unknown parameter: '{at}.{k}'."),
                    ))
                }
                _ => items.push((k.clone(), Raw::Json(v.clone()))),
            }
        }
    }
    // The tool's parameters follow the Images API rules; its errors name the tool's field.
    let mut req = validate::validate(Endpoint::Generations, &items, &[]).map_err(|mut e| {
        if let (Some(p), Some(ti)) = (&e.param, tool_at) {
            if p != "prompt" {
                e.param = Some(format!("tools[{ti}].{p}"));
            }
        } else if e.param.as_deref() == Some("prompt") {
            e.param = Some("input".into());
        }
        e
    })?;
    let has_image = previous.is_some() || !images.is_empty();
    if action == "edit" && !has_image {
        return Err(ApiError::invalid(
            "tools[0].action",
            "The 'edit' action needs an input image: a reference or an earlier image generation call.",
        ));
    }
    if mask.is_some() && !has_image {
        return Err(ApiError::invalid(
            "tools[0].input_image_mask",
            "A mask needs an input image to edit.",
        ));
    }
    req.images = images;
    req.mask = mask;
    Ok(Turn {
        text_model,
        req,
        tool,
        action,
        previous,
        previous_response_id,
    })
}

fn to_canvas(img: &image::RgbaImage, channels: usize) -> Canvas {
    let data = if channels == 4 {
        img.as_raw().clone()
    } else {
        img.pixels()
            .flat_map(|p| [p.0[0], p.0[1], p.0[2]])
            .collect()
    };
    Canvas {
        width: img.width(),
        height: img.height(),
        channels,
        data,
    }
}

/// The new prompt's mark on a derived picture: a disc in the prompt's colour with a dark rim,
/// placed and sized from the prompt, so each turn adds one visible, deterministic change.
pub fn stamp(cv: &mut Canvas, prompt: &str) {
    let s = draw::seed(prompt, 7);
    let (w, h, ch) = (cv.width as f64, cv.height as f64, cv.channels);
    let unit = |shift: u32| ((s >> shift) & 0xffff) as f64 / 65_535.0;
    let r = w.min(h) * (0.08 + 0.06 * unit(0));
    let cx = r + (w - 2.0 * r) * unit(16);
    let cy = r + (h - 2.0 * r) * unit(32);
    let colour = [
        (s >> 8) as u8 | 0x40,
        (s >> 24) as u8 | 0x40,
        (s >> 40) as u8 | 0x40,
    ];
    let rim = [colour[0] / 4, colour[1] / 4, colour[2] / 4];
    let (y0, y1) = (
        (cy - r).max(0.0) as usize,
        ((cy + r).ceil() as usize).min(cv.height as usize),
    );
    let (x0, x1) = (
        (cx - r).max(0.0) as usize,
        ((cx + r).ceil() as usize).min(cv.width as usize),
    );
    for y in y0..y1 {
        for x in x0..x1 {
            let d = ((x as f64 + 0.5 - cx).powi(2) + (y as f64 + 0.5 - cy).powi(2)).sqrt();
            if d > r {
                continue;
            }
            let c = if d > r * 0.85 { rim } else { colour };
            let o = (y * cv.width as usize + x) * ch;
            cv.data[o..o + 3].copy_from_slice(&c);
            if ch == 4 {
                cv.data[o + 3] = 255;
            }
        }
    }
}

/// Draws the turn (CPU heavy). With an image to continue: that image at the output size with
/// the new prompt's mark on it, or with a mask, redrawn inside the mask. Otherwise what
/// `/images/generations` or `/images/edits` would draw.
fn render(turn: &Turn) -> Result<Canvas, String> {
    let req = &turn.req;
    let (w, h) = (req.width, req.height);
    let ch = if req.transparent { 4 } else { 3 };
    let tint = req.images.first().map(|i| i.avg_rgb);
    let fresh = || draw::draw(&req.prompt, 0, w, h, req.transparent, tint);
    let base = match (&turn.previous, turn.action) {
        (_, "generate") => None,
        (Some(bytes), _) => Some(draw::describe(bytes)?.pixels.0),
        (None, _) => req.images.first().map(|i| i.pixels.0.clone()),
    };
    let Some(base) = base else {
        return Ok(fresh());
    };
    if let Some(mask) = &req.mask {
        let mut cv = fresh();
        draw::keep_to_mask(&mut cv, &base, &mask.pixels.0);
        return Ok(cv);
    }
    if turn.previous.is_none() {
        // References only: an edit's picture, tinted by image 1.
        return Ok(fresh());
    }
    let scaled = if base.dimensions() == (w, h) {
        (*base).clone()
    } else {
        image::imageops::resize(&*base, w, h, image::imageops::FilterType::Triangle)
    };
    let mut cv = to_canvas(&scaled, ch);
    stamp(&mut cv, &req.prompt);
    Ok(cv)
}

fn revised(prompt: &str, continued: bool) -> String {
    if continued {
        format!("The previous image, changed: {}", prompt.trim())
    } else {
        format!("A picture of {}", prompt.trim())
    }
}

/// Usage of the text model's turn (tokens of the prompt and a short tool call).
fn usage(turn: &Turn) -> Value {
    let input = (turn.req.prompt.chars().count() as u64).div_ceil(4).max(1)
        + 85 * turn.req.images.len() as u64
        + if turn.previous.is_some() { 85 } else { 0 };
    let output = 40;
    json!({
        "input_tokens": input,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": output,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": input + output,
    })
}

/// An `image_generation_call` item.
fn call_item(turn: &Turn, id: &str, status: &str, result: Option<String>) -> Value {
    let req = &turn.req;
    json!({
        "type": "image_generation_call",
        "id": id,
        "status": status,
        "result": result,
        "revised_prompt": revised(&req.prompt, turn.previous.is_some()),
        "action": if turn.previous.is_some() || !req.images.is_empty() { "edit" } else { "generate" },
        "size": req.size_label(),
        "quality": req.quality,
        "background": req.background(),
        "output_format": req.format.name(),
    })
}

/// The `Response` object.
fn response_object(turn: &Turn, id: &str, created: u64, status: &str, output: Vec<Value>) -> Value {
    let done = status == "completed";
    json!({
        "id": id,
        "object": "response",
        "created_at": created,
        "status": status,
        "completed_at": if done { Some(unix_now()) } else { None },
        "error": null,
        "incomplete_details": null,
        "instructions": null,
        "max_output_tokens": null,
        "model": turn.text_model,
        "output": output,
        "parallel_tool_calls": true,
        "previous_response_id": turn.previous_response_id,
        "store": true,
        "temperature": 1.0,
        "text": {"format": {"type": "text"}},
        "tool_choice": "auto",
        "tools": turn.tool.iter().collect::<Vec<_>>(),
        "top_p": 1.0,
        "truncation": "disabled",
        "usage": if done { usage(turn) } else { Value::Null },
        "metadata": {},
    })
}

/// A turn without the image tool: the text model only talks.
fn text_answer(state: &AppState, turn: &Turn) -> Response {
    let message = json!({
        "type": "message",
        "id": new_id(state, "msg_"),
        "status": "completed",
        "role": "assistant",
        "content": [{"type": "output_text", "annotations": [],
                     "text": "I can describe a picture, but no image tool was offered, so I cannot draw one."}],
    });
    let body = response_object(
        turn,
        &new_id(state, "resp_"),
        unix_now(),
        "completed",
        vec![message],
    );
    json_answer(body)
}

fn json_answer(body: Value) -> Response {
    let mut resp = (StatusCode::OK, body.to_string()).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

fn encode_b64(turn: &Turn, cv: &Canvas) -> Result<(Vec<u8>, String), String> {
    let bytes = draw::encode(cv, turn.req.format, turn.req.compression)?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    Ok((bytes, b64))
}

fn server_error(message: String) -> Response {
    ApiError::with_status(StatusCode::INTERNAL_SERVER_ERROR, message, "server_error")
        .into_response()
}

async fn image_answer(state: &AppState, turn: Turn) -> Response {
    let turn = Arc::new(turn);
    let t = turn.clone();
    let drawn = tokio::task::spawn_blocking(move || {
        let cv = render(&t)?;
        encode_b64(&t, &cv)
    })
    .await;
    let (bytes, b64) = match drawn {
        Ok(Ok(x)) => x,
        Ok(Err(e)) => return server_error(format!("Image generation failed: {e}")),
        Err(_) => return server_error("Image generation crashed.".into()),
    };
    let (rid, cid) = (new_id(state, "resp_"), new_id(state, "ig_"));
    state.responses().remember(Stored {
        response_id: rid.clone(),
        call_id: cid.clone(),
        image: Arc::new(bytes),
    });
    let item = call_item(&turn, &cid, "completed", Some(b64));
    json_answer(response_object(
        &turn,
        &rid,
        unix_now(),
        "completed",
        vec![item],
    ))
}

type Chunk = Result<Bytes, io::Error>;

fn stream_answer(state: AppState, turn: Turn, dropping: bool) -> Response {
    let (tx, rx) = mpsc::channel::<Chunk>(4);
    tokio::spawn(produce(state, Arc::new(turn), tx, dropping));
    let mut resp = Response::new(sse::channel_body(rx));
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert("x-accel-buffering", HeaderValue::from_static("no"));
    resp
}

/// The events of OpenAI's stream for one image call, each with its sequence number.
async fn produce(state: AppState, turn: Arc<Turn>, tx: mpsc::Sender<Chunk>, dropping: bool) {
    let (rid, cid) = (new_id(&state, "resp_"), new_id(&state, "ig_"));
    let created = unix_now();
    let mut seq = 0u64;
    let send = |kind: &str, mut data: Map<String, Value>, seq: &mut u64| {
        data.insert("type".into(), json!(kind));
        data.insert("sequence_number".into(), json!(*seq));
        *seq += 1;
        sse::event(kind, &Value::Object(data))
    };
    let obj = |v: Value| match v {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    let in_progress = response_object(&turn, &rid, created, "in_progress", vec![]);
    let pending = call_item(&turn, &cid, "in_progress", None);
    let opening = [
        send(
            "response.created",
            obj(json!({"response": in_progress})),
            &mut seq,
        ),
        send(
            "response.in_progress",
            obj(json!({"response": in_progress})),
            &mut seq,
        ),
        send(
            "response.output_item.added",
            obj(json!({"output_index": 0, "item": pending})),
            &mut seq,
        ),
        send(
            "response.image_generation_call.in_progress",
            obj(json!({"output_index": 0, "item_id": cid})),
            &mut seq,
        ),
        send(
            "response.image_generation_call.generating",
            obj(json!({"output_index": 0, "item_id": cid})),
            &mut seq,
        ),
    ];
    for chunk in opening {
        if tx.send(Ok(chunk)).await.is_err() {
            return;
        }
    }
    let t = turn.clone();
    let Ok(Ok(canvas)) = tokio::task::spawn_blocking(move || render(&t)).await else {
        let _ = tx.send(Err(io::Error::other("rendering failed"))).await;
        return;
    };
    let canvas = Arc::new(canvas);
    let levels = draw::partial_levels(turn.req.partial_images);
    for (index, cells) in levels.iter().copied().enumerate() {
        let (t, c) = (turn.clone(), canvas.clone());
        let Ok(Ok((_, b64))) =
            tokio::task::spawn_blocking(move || encode_b64(&t, &draw::coarse(&c, cells))).await
        else {
            let _ = tx.send(Err(io::Error::other("encoding failed"))).await;
            return;
        };
        let data = obj(json!({
            "output_index": 0, "item_id": cid, "partial_image_index": index,
            "partial_image_b64": b64, "size": turn.req.size_label(), "quality": turn.req.quality,
            "background": turn.req.background(), "output_format": turn.req.format.name(),
        }));
        let chunk = send(
            "response.image_generation_call.partial_image",
            data,
            &mut seq,
        );
        if tx.send(Ok(chunk)).await.is_err() {
            return;
        }
        tokio::time::sleep(EVENT_GAP).await;
        if dropping {
            let _ = tx
                .send(Err(io::Error::other("injected fault: drop_stream")))
                .await;
            return;
        }
    }
    if dropping {
        let _ = tx
            .send(Err(io::Error::other("injected fault: drop_stream")))
            .await;
        return;
    }
    let (t, c) = (turn.clone(), canvas.clone());
    let Ok(Ok((bytes, b64))) = tokio::task::spawn_blocking(move || encode_b64(&t, &c)).await else {
        let _ = tx.send(Err(io::Error::other("encoding failed"))).await;
        return;
    };
    // Remembered before the last events: a client may chain as soon as it has the id.
    state.responses().remember(Stored {
        response_id: rid.clone(),
        call_id: cid.clone(),
        image: Arc::new(bytes),
    });
    let item = call_item(&turn, &cid, "completed", Some(b64));
    let done = response_object(&turn, &rid, created, "completed", vec![item.clone()]);
    let closing = [
        send(
            "response.image_generation_call.completed",
            obj(json!({"output_index": 0, "item_id": cid})),
            &mut seq,
        ),
        send(
            "response.output_item.done",
            obj(json!({"output_index": 0, "item": item})),
            &mut seq,
        ),
        send(
            "response.completed",
            obj(json!({"response": done})),
            &mut seq,
        ),
    ];
    for chunk in closing {
        if tx.send(Ok(chunk)).await.is_err() {
            return;
        }
    }
}

/// Long data URLs shortened for the request log (references would make it megabytes).
fn redacted(v: &Value) -> Value {
    match v {
        Value::String(s) if s.starts_with("data:") && s.len() > 256 => {
            let head = s.split_once(',').map_or("data:", |(h, _)| h);
            Value::String(format!("{head},…[{} chars]", s.len()))
        }
        Value::Array(a) => Value::Array(a.iter().map(redacted).collect()),
        Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), redacted(v))).collect())
        }
        other => other.clone(),
    }
}

/// The answer of an endpoint without `/responses`.
fn missing(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::NOT_FOUND);
    let mut resp = ApiError::with_status(
        status,
        "Invalid URL (POST /v1/responses)",
        if status == StatusCode::NOT_FOUND {
            "not_found"
        } else {
            "method_not_allowed"
        },
    )
    .into_response();
    if status == StatusCode::METHOD_NOT_ALLOWED {
        resp.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET"));
    }
    resp
}

/// `POST /v1/responses`.
pub async fn create(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed: Result<Value, String> = serde_json::from_slice(&body).map_err(|e| e.to_string());
    let log_id = state.record(RequestRecord {
        id: 0,
        method: method.to_string(),
        path: uri.path().to_string(),
        headers: super::images::header_map_json(&headers),
        content_type: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        json: parsed.as_ref().map_or(Value::Null, redacted),
        parts: Vec::new(),
        steady: None,
        response_status: None,
        fault_id: None,
    });
    let mut resp = answer(&state, &uri, &headers, body, parsed, log_id).await;
    let status = resp.status().as_u16();
    state.update_record(log_id, |r| r.response_status = Some(status));
    let rid = new_id(&state, "req_");
    if let Ok(v) = HeaderValue::from_str(&rid[..36]) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

async fn answer(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    body: Bytes,
    parsed: Result<Value, String>,
    log_id: u64,
) -> Response {
    let off = state.responses().off;
    if let Some(status) = off {
        return missing(status);
    }
    if let Some(refused) = steady::gate(state, uri.path(), headers, body, log_id).await {
        return refused;
    }
    let value = match parsed {
        Ok(v) => v,
        Err(e) => {
            return ApiError::bad_request(format!(
                "We could not parse the JSON body of your request ({e})."
            ))
            .into_response()
        }
    };
    let turn = match read_turn(state, &value) {
        Ok(t) => t,
        Err(e) => return e.into_response(),
    };
    let rule = faults::take(state, &turn.req.prompt, turn.req.stream);
    if let Some(r) = &rule {
        let id = r.id;
        state.update_record(log_id, |rec| rec.fault_id = Some(id));
    }
    let delay = state.config().latency_ms + rule.as_ref().map_or(0, |r| r.delay_ms);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if let Some(r) = rule.as_ref().filter(|r| r.is_status()) {
        return faults::status_response(r);
    }
    let variant = rule.as_ref().and_then(|r| r.variant);
    let mut resp = if turn.tool.is_none() {
        text_answer(state, &turn)
    } else if turn.req.stream && variant != Some(Variant::IgnoreStream) {
        stream_answer(state.clone(), turn, variant == Some(Variant::DropStream))
    } else {
        image_answer(state, turn).await
    };
    if let Some(r) = &rule {
        faults::add_headers(&mut resp, r);
    }
    resp
}

/// The body of `POST /__admin/responses`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    pub available: bool,
    /// What the endpoint answers while off: 404 (default) or 405.
    pub status: Option<u16>,
}

/// `POST /__admin/responses`: `{"available": false, "status": 405}` turns the endpoint off.
pub async fn set_switch(State(state): State<AppState>, body: Bytes) -> Response {
    let spec: Switch = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => {
            return ApiError::bad_request(format!("Invalid switch: {e}")).into_response();
        }
    };
    let status = spec.status.unwrap_or(404);
    if !matches!(status, 404 | 405) {
        return ApiError::bad_request("Invalid switch: status must be 404 or 405.").into_response();
    }
    state.responses().off = (!spec.available).then_some(status);
    get_switch(State(state)).await.into_response()
}

/// `GET /__admin/responses`: whether the endpoint is on, and how many turns it remembers.
pub async fn get_switch(State(state): State<AppState>) -> Json<Value> {
    let book = state.responses();
    Json(
        json!({"available": book.off.is_none(), "status": book.off, "remembered": book.stored.len()}),
    )
}

/// `DELETE /__admin/responses`: on again, memory kept.
pub async fn clear_switch(State(state): State<AppState>) -> Json<Value> {
    state.responses().off = None;
    Json(json!({"available": true, "status": null}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_changes_a_small_part_only() {
        let base = draw::draw("a fox", 0, 256, 128, false, None);
        let mut cv = base.clone();
        stamp(&mut cv, "make it red");
        let changed = cv
            .data
            .chunks_exact(3)
            .zip(base.data.chunks_exact(3))
            .filter(|(a, b)| a != b)
            .count();
        let total = 256 * 128;
        assert!(changed > total / 100, "{changed}");
        assert!(changed < total / 5, "{changed}");
        let mut other = base.clone();
        stamp(&mut other, "make it blue");
        assert_ne!(other.data, cv.data, "each prompt has its own mark");
    }

    #[test]
    fn redaction_keeps_the_shape() {
        let long = format!("data:image/png;base64,{}", "A".repeat(1000));
        let v = json!({"input": [{"content": [{"image_url": long, "detail": "auto"}]}]});
        let r = redacted(&v);
        assert_eq!(
            r["input"][0]["content"][0]["image_url"],
            "data:image/png;base64,…[1022 chars]"
        );
        assert_eq!(r["input"][0]["content"][0]["detail"], "auto");
    }
}
