//! `POST /v1/images/generations` (JSON) and `POST /v1/images/edits` (multipart).

use base64::Engine;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use crate::draw;
use crate::error::ApiError;
use crate::faults::{self, Variant};
use crate::generate::Job;
use crate::sse;
use crate::state::{AppState, PartRecord, RequestRecord};
use crate::steady;
use crate::validate::{self, Endpoint, FileField, Raw};

pub async fn generations(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    handle(state, Endpoint::Generations, method, uri, headers, body).await
}

pub async fn edits(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    handle(state, Endpoint::Edits, method, uri, headers, body).await
}

/// `req_` + 32 hex digits.
fn request_id() -> String {
    let mut s = String::from("req_");
    for i in 0..2u64 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(i);
        s.push_str(&format!("{:016x}", h.finish()));
    }
    s
}

/// A body that could not even be parsed, with what the log should still show.
struct Unparsed {
    err: ApiError,
    json: Value,
    parts: Vec<PartRecord>,
}

type ParseResult = Result<Parsed, Box<Unparsed>>;

fn unparsed(err: ApiError, json: Value, parts: Vec<PartRecord>) -> Box<Unparsed> {
    Box::new(Unparsed { err, json, parts })
}

/// What came in, before validation.
struct Parsed {
    items: Vec<(String, Raw)>,
    files: Vec<FileField>,
    json: Value,
    parts: Vec<PartRecord>,
}

fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn parse_json(body: &Bytes) -> ParseResult {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        unparsed(
            ApiError::bad_request(format!(
                "We could not parse the JSON body of your request ({e}). (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)"
            )),
            Value::Null,
            Vec::new(),
        )
    })?;
    let Value::Object(map) = &value else {
        return Err(unparsed(
            ApiError::bad_request("The JSON body of your request must be an object."),
            value,
            Vec::new(),
        ));
    };
    let items = map
        .iter()
        .map(|(k, v)| (k.clone(), Raw::Json(v.clone())))
        .collect();
    Ok(Parsed {
        items,
        files: Vec::new(),
        json: value,
        parts: Vec::new(),
    })
}

const FILE_FIELDS: &[&str] = &["image", "image[]", "mask"];

fn bad_multipart(detail: String, parts: Vec<PartRecord>) -> Box<Unparsed> {
    unparsed(
        ApiError::bad_request(format!("Invalid multipart/form-data body: {detail}")),
        Value::Null,
        parts,
    )
}

async fn parse_multipart(headers: &HeaderMap, body: Bytes) -> ParseResult {
    let mut req = Request::new(Body::from(body));
    if let Some(ct) = headers.get(header::CONTENT_TYPE) {
        req.headers_mut().insert(header::CONTENT_TYPE, ct.clone());
    }
    // A request built here has none of the router's layers: without this, multer would stop at
    // axum's default 2 MB and refuse the uploads the API takes (up to 50 MB per image).
    DefaultBodyLimit::max(super::BODY_LIMIT).apply(&mut req);
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|e| bad_multipart(e.body_text(), Vec::new()))?;
    let mut items = Vec::new();
    let mut files = Vec::new();
    let mut parts = Vec::new();
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(bad_multipart(e.body_text(), parts)),
        };
        let name = field.name().unwrap_or("").to_string();
        let filename = field.file_name().map(str::to_string);
        let ctype = field.content_type().map(str::to_string);
        let data = match field.bytes().await {
            Ok(d) => d,
            Err(e) => return Err(bad_multipart(e.body_text(), parts)),
        };
        let mut rec = PartRecord {
            name: name.clone(),
            filename: filename.clone(),
            content_type: ctype.clone(),
            bytes: data.len(),
            width: None,
            height: None,
            format: None,
            has_alpha: None,
            text: None,
            data_base64: (name == "mask")
                .then(|| base64::engine::general_purpose::STANDARD.encode(&data)),
        };
        if FILE_FIELDS.contains(&name.as_str()) && (filename.is_some() || ctype.is_some()) {
            let bytes = data.clone();
            let image = tokio::task::spawn_blocking(move || draw::describe(&bytes))
                .await
                .unwrap_or_else(|_| Err("decoding failed".into()));
            if let Ok(info) = &image {
                rec.width = Some(info.width);
                rec.height = Some(info.height);
                rec.format = Some(info.format);
                rec.has_alpha = Some(info.has_alpha);
            }
            files.push(FileField {
                name,
                filename,
                content_type: ctype,
                image,
            });
        } else {
            match String::from_utf8(data.to_vec()) {
                Ok(text) => {
                    rec.text = Some(text.clone());
                    items.push((name, Raw::Text(text)));
                }
                Err(_) => {
                    let err = ApiError::invalid(
                        name.clone(),
                        format!("Invalid '{name}': expected a text value (UTF-8)."),
                    );
                    parts.push(rec);
                    return Err(unparsed(err, Value::Null, parts));
                }
            }
        }
        parts.push(rec);
    }
    Ok(Parsed {
        items,
        files,
        json: Value::Null,
        parts,
    })
}

pub fn header_map_json(headers: &HeaderMap) -> Map<String, Value> {
    let mut m = Map::new();
    for (k, v) in headers {
        let v = String::from_utf8_lossy(v.as_bytes()).into_owned();
        match m.get_mut(k.as_str()) {
            Some(Value::String(prev)) => {
                prev.push_str(", ");
                prev.push_str(&v);
            }
            _ => {
                m.insert(k.as_str().to_string(), Value::String(v));
            }
        }
    }
    m
}

async fn handle(
    state: AppState,
    endpoint: Endpoint,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let rid = request_id();
    let ctype = content_type(&headers);
    let is_multipart = ctype
        .as_deref()
        .is_some_and(|c| c.to_ascii_lowercase().starts_with("multipart/form-data"));

    let parsed = match endpoint {
        Endpoint::Generations => parse_json(&body),
        Endpoint::Edits if is_multipart => parse_multipart(&headers, body.clone()).await,
        Endpoint::Edits => Err(unparsed(
            ApiError::bad_request(format!(
                "Invalid Content-Type header ({}): /v1/images/edits expects multipart/form-data.",
                ctype.as_deref().unwrap_or("none")
            )),
            serde_json::from_slice(&body).unwrap_or(Value::Null),
            Vec::new(),
        )),
    };
    let (json_log, parts_log) = match &parsed {
        Ok(p) => (p.json.clone(), p.parts.clone()),
        Err(u) => (u.json.clone(), u.parts.clone()),
    };
    let log_id = state.record(RequestRecord {
        id: 0,
        method: method.to_string(),
        path: uri.path().to_string(),
        headers: header_map_json(&headers),
        content_type: ctype.clone(),
        json: json_log,
        parts: parts_log,
        steady: None,
        response_status: None,
        fault_id: None,
    });

    // Task mode: a task gateway's body is not OpenAI's, so it skips Steady (crate::tasks).
    if let (Endpoint::Generations, Some(mode)) = (endpoint, crate::tasks::mode(&state)) {
        let resp = crate::tasks::submit(&state, &mode, &body);
        return finish(&state, log_id, resp, &rid);
    }
    let resp = answer(&state, endpoint, &uri, &headers, body, parsed, log_id).await;
    finish(&state, log_id, resp, &rid)
}

fn finish(state: &AppState, log_id: u64, mut resp: Response, rid: &str) -> Response {
    let status = resp.status().as_u16();
    state.update_record(log_id, |r| r.response_status = Some(status));
    if let Ok(v) = HeaderValue::from_str(rid) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

async fn answer(
    state: &AppState,
    endpoint: Endpoint,
    uri: &Uri,
    headers: &HeaderMap,
    body: Bytes,
    parsed: ParseResult,
    log_id: u64,
) -> Response {
    if let Some(refused) = steady::gate(state, uri.path(), headers, body, log_id).await {
        return refused;
    }
    let parsed = match parsed {
        Ok(p) => p,
        Err(u) => return u.err.into_response(),
    };
    let req = match validate::validate(endpoint, &parsed.items, &parsed.files) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };

    let rule = faults::take(state, &req.prompt, req.stream);
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
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_string();
    let mut job = Job::new(req, variant, format!("http://{host}"));
    if variant == Some(Variant::IgnoreStream) {
        job.req.stream = false;
    }
    let mut resp = if variant == Some(Variant::Garbage) {
        garbage()
    } else if job.req.stream {
        sse::stream_response(state.clone(), job)
    } else {
        json_response(state, job).await
    };
    if let Some(r) = &rule {
        faults::add_headers(&mut resp, r);
    }
    resp
}

fn garbage() -> Response {
    let mut resp = (
        StatusCode::OK,
        "upstream said: <<this is not JSON>> {\"created\": 17",
    )
        .into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

async fn json_response(state: &AppState, job: Job) -> Response {
    let n = match job.variant {
        Some(Variant::EmptyData) => 0,
        Some(Variant::OneImage) => job.req.n.min(1),
        _ => job.req.n,
    };
    let j = job.clone();
    let encoded = tokio::task::spawn_blocking(move || {
        (0..n)
            .map(|i| j.encode(&j.render(i)))
            .collect::<Result<Vec<_>, _>>()
    })
    .await;
    let images = match encoded {
        Ok(Ok(images)) => images,
        Ok(Err(e)) => {
            return ApiError::with_status(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("Image encoding failed: {e}"),
                "server_error",
            )
            .into_response()
        }
        Err(_) => {
            return ApiError::with_status(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Image generation crashed.",
                "server_error",
            )
            .into_response()
        }
    };
    let revised = job.revised_prompt();
    let data: Vec<Value> = images
        .into_iter()
        .map(|bytes| {
            let mut item = job.payload(state, bytes);
            item.insert("revised_prompt".into(), Value::String(revised.clone()));
            Value::Object(item)
        })
        .collect();
    let body = json!({
        "created": job.created,
        "data": data,
        "size": job.size_label(),
        "quality": job.req.quality,
        "output_format": job.req.format.name(),
        "background": job.req.background(),
        "usage": job.usage(n, 0),
    })
    .to_string();
    if job.variant == Some(Variant::DropStream) {
        return truncated(body);
    }
    let mut resp = (StatusCode::OK, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// Announces the full length, sends half of the body, then aborts the connection.
fn truncated(body: String) -> Response {
    let full = body.len();
    let half = Bytes::from(body).slice(..full / 2);
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    tokio::spawn(async move {
        if tx.send(Ok(half)).await.is_ok() {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let _ = tx
                .send(Err(io::Error::other("injected fault: drop_stream")))
                .await;
        }
    });
    let mut resp = Response::new(sse::channel_body(rx));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(full));
    resp
}
