//! Task mode: the backend behaves like an async task gateway. `POST /v1/images/generations`
//! answers a task; `GET /v1/tasks/{id}` reports its progress over a configurable duration,
//! then `completed` with result links to real images served by this backend (optionally
//! without CORS), or `failed` with an error code and message.
//!
//! Switched per test with `POST /__admin/task_mode` (`DELETE` switches it off). A prompt containing `[task:fail]` fails and one
//! containing `[task:no-cors]` gets its results served without CORS headers.
//!
//! The mode's `dialect` picks which gateway is imitated (`crate::task_dialects`): where tasks
//! are submitted and polled, and the shape of every answer.
//!
//! The gateway's body is not OpenAI's (ratio + `resolution`, `image_urls`, `mask_url`), so
//! task requests are not sent to Steady: they are checked here.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::draw;
use crate::error::ApiError;
use crate::state::{AppState, RequestRecord, StoredFile};
use crate::task_dialects::{Dialect, PollRoute, Stage};
use crate::validate::Format;

/// How tasks behave (the body of `POST /__admin/task_mode`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TaskMode {
    /// From submission to `completed`/`failed`.
    pub duration_ms: u64,
    /// Every task fails.
    pub fail: bool,
    /// Every task's results are served without CORS headers.
    pub no_cors: bool,
    /// What `task_info.estimated_time` says, in seconds.
    pub estimated_time: u64,
    /// Which gateway's dialect is spoken.
    pub dialect: Dialect,
}

impl Default for TaskMode {
    fn default() -> Self {
        TaskMode {
            duration_ms: 3_000,
            fail: false,
            no_cors: false,
            estimated_time: 100,
            dialect: Dialect::Classic,
        }
    }
}

/// One submitted task.
#[derive(Debug, Clone)]
struct Task {
    started: Instant,
    duration: Duration,
    prompt: String,
    n: u32,
    width: u32,
    height: u32,
    format: Format,
    fail: bool,
    no_cors: bool,
    estimated_time: u64,
    dialect: Dialect,
    /// Result links, drawn and stored on the first report after completion.
    results: Option<Vec<String>>,
}

#[derive(Debug, Default)]
pub struct TaskBook {
    mode: Option<TaskMode>,
    tasks: HashMap<String, Task>,
}

/// The mode in force for `POST /v1/images/generations`, if task mode is on and its dialect
/// submits there (sub2api's and the custom one's go elsewhere: that path answers images).
pub fn mode(state: &AppState) -> Option<TaskMode> {
    current_mode(state).filter(|m| m.dialect.takes_sync_path())
}

/// The mode in force, whichever path its dialect submits to.
pub fn current_mode(state: &AppState) -> Option<TaskMode> {
    state.tasks().mode.clone()
}

/// `POST /__admin/task_mode`.
pub async fn set_mode(State(state): State<AppState>, body: Bytes) -> Response {
    let mode: TaskMode = if body.is_empty() {
        TaskMode::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(m) => m,
            Err(e) => {
                return ApiError::bad_request(format!("Invalid task mode: {e}")).into_response()
            }
        }
    };
    state.tasks().mode = Some(mode.clone());
    Json(json!({"ok": true, "mode": mode})).into_response()
}

/// `DELETE /__admin/task_mode`: back to answering images.
pub async fn clear_mode(State(state): State<AppState>) -> Json<Value> {
    state.tasks().mode = None;
    Json(json!({"ok": true}))
}

fn tier_pixels(resolution: &str) -> Option<f64> {
    match resolution {
        "1K" => Some(1_048_576.0),
        "2K" => Some(4_194_304.0),
        "4K" => Some(8_294_400.0),
        _ => None,
    }
}

fn align16(v: f64) -> u32 {
    ((v / 16.0).round() as u32).max(1) * 16
}

fn is_public_url(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://"))
}

/// The gateway's own checks. Returns (prompt, n, width, height, format).
pub(crate) fn check(body: &Value) -> Result<(String, u32, u32, u32, Format), ApiError> {
    let prompt = body
        .get("prompt")
        .and_then(Value::as_str)
        .filter(|p| !p.trim().is_empty())
        .ok_or_else(|| ApiError::invalid("prompt", "prompt is required."))?;
    let n = match body.get("n") {
        None => 1,
        Some(v) => v
            .as_u64()
            .filter(|n| (1..=10).contains(n))
            .ok_or_else(|| ApiError::invalid("n", "n must be 1..10."))? as u32,
    };
    let resolution = body.get("resolution").and_then(Value::as_str);
    let size = body.get("size").and_then(Value::as_str).unwrap_or("auto");
    let (width, height) = if size == "auto" {
        (1024, 1024)
    } else if let Some((a, b)) = size.split_once(':') {
        let (a, b): (f64, f64) = match (a.parse(), b.parse()) {
            (Ok(a), Ok(b)) if a > 0.0 && b > 0.0 => (a, b),
            _ => {
                return Err(ApiError::invalid(
                    "size",
                    format!("Invalid ratio '{size}'."),
                ))
            }
        };
        let px = resolution.and_then(tier_pixels).ok_or_else(|| {
            ApiError::invalid("resolution", "A ratio size needs resolution 1K, 2K or 4K.")
        })?;
        (align16((px * a / b).sqrt()), align16((px * b / a).sqrt()))
    } else {
        let parsed = size
            .split_once('x')
            .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)));
        match parsed {
            Some((w, h)) if (16..=3840).contains(&w) && (16..=3840).contains(&h) => (w, h),
            _ => return Err(ApiError::invalid("size", format!("Invalid size '{size}'."))),
        }
    };
    if resolution.is_some() && !size.contains(':') {
        return Err(ApiError::invalid(
            "resolution",
            "resolution goes with a ratio size such as 16:9.",
        ));
    }
    let urls = match body.get("image_urls") {
        None => 0,
        Some(Value::Array(items)) if items.len() <= 16 && items.iter().all(is_public_url) => {
            items.len()
        }
        Some(_) => {
            return Err(ApiError::invalid(
                "image_urls",
                "image_urls must be a list of up to 16 http(s) URLs.",
            ))
        }
    };
    match body.get("mask_url") {
        None => {}
        Some(v) if is_public_url(v) && urls > 0 => {}
        Some(_) => {
            return Err(ApiError::invalid(
                "mask_url",
                "mask_url must be an http(s) URL and needs image_urls.",
            ))
        }
    }
    if body.get("stream").and_then(Value::as_bool) == Some(true) {
        return Err(ApiError::invalid("stream", "This gateway does not stream."));
    }
    let format = match body.get("output_format").and_then(Value::as_str) {
        None | Some("png") => Format::Png,
        Some("jpeg") => Format::Jpeg,
        Some("webp") => Format::Webp,
        Some(other) => {
            return Err(ApiError::invalid(
                "output_format",
                format!("Invalid output_format '{other}'."),
            ))
        }
    };
    Ok((prompt.to_string(), n, width, height, format))
}

/// Answers a generation in task mode with a new task (the request is already logged).
pub fn submit(state: &AppState, mode: &TaskMode, body: &Bytes) -> Response {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v @ Value::Object(_)) => v,
        _ => return ApiError::bad_request("The body must be a JSON object.").into_response(),
    };
    match check(&value) {
        Ok(checked) => start(state, mode, checked),
        Err(e) => e.into_response(),
    }
}

/// Starts a task for a checked request and answers its submission in the mode's dialect.
pub(crate) fn start(
    state: &AppState,
    mode: &TaskMode,
    (prompt, n, width, height, format): (String, u32, u32, u32, Format),
) -> Response {
    let id = mode.dialect.task_id(state.next_id());
    let task = Task {
        started: Instant::now(),
        duration: Duration::from_millis(mode.duration_ms),
        fail: mode.fail || prompt.contains("[task:fail]"),
        no_cors: mode.no_cors || prompt.contains("[task:no-cors]"),
        prompt,
        n,
        width,
        height,
        format,
        estimated_time: mode.estimated_time,
        dialect: mode.dialect,
        results: None,
    };
    let (status, answer) = mode.dialect.submitted(&id, task.estimated_time);
    state.tasks().tasks.insert(id, task);
    (status, Json(answer)).into_response()
}

/// `GET /v1/tasks/{id}` (the classic and APIMart-style poll).
pub async fn report(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    report_at(&state, PollRoute::Tasks, &id, &uri, &headers).await
}

/// A poll on `route`: logged like image requests, so tests can count polls. A task is
/// found only where its dialect polls it.
pub(crate) async fn report_at(
    state: &AppState,
    route: PollRoute,
    id: &str,
    uri: &Uri,
    headers: &HeaderMap,
) -> Response {
    let log_id = state.record(RequestRecord {
        id: 0,
        method: "GET".into(),
        path: uri.path().to_string(),
        headers: crate::routes::images::header_map_json(headers),
        content_type: None,
        json: Value::Null,
        parts: Vec::new(),
        steady: None,
        response_status: None,
        fault_id: None,
    });
    let resp = answer_report(state, route, id, headers).await;
    let status = resp.status().as_u16();
    state.update_record(log_id, |r| r.response_status = Some(status));
    resp
}

async fn answer_report(
    state: &AppState,
    route: PollRoute,
    id: &str,
    headers: &HeaderMap,
) -> Response {
    let found = state.tasks().tasks.get(id).cloned();
    let Some(task) = found.filter(|t| t.dialect.poll_route() == route) else {
        return ApiError::with_status(
            StatusCode::NOT_FOUND,
            format!("No task {id}."),
            "task_not_found",
        )
        .into_response();
    };
    let elapsed = task.started.elapsed();
    let answer =
        |stage: Stage| Json(task.dialect.report(id, stage, task.estimated_time)).into_response();
    if elapsed < task.duration {
        let share = elapsed.as_secs_f64() / task.duration.as_secs_f64().max(0.001);
        return answer(if share < 0.15 {
            Stage::Early
        } else {
            Stage::Running(((share * 100.0) as u32).min(99))
        });
    }
    if task.fail {
        return answer(Stage::Failed {
            code: "content_policy_violation",
            message: "The gateway's safety system refused this prompt (local-backend task mode).",
        });
    }
    let results = match task.results {
        Some(r) => r,
        None => match draw_results(state, id, &task, headers).await {
            Ok(r) => r,
            Err(e) => {
                return ApiError::with_status(StatusCode::INTERNAL_SERVER_ERROR, e, "server_error")
                    .into_response()
            }
        },
    };
    answer(Stage::Done(&results))
}

/// Draws the task's images, stores them as files and returns their links.
async fn draw_results(
    state: &AppState,
    id: &str,
    task: &Task,
    headers: &HeaderMap,
) -> Result<Vec<String>, String> {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_string();
    let t = task.clone();
    let encoded = tokio::task::spawn_blocking(move || {
        (0..t.n)
            .map(|i| {
                let canvas = draw::draw(&t.prompt, i, t.width, t.height, false, None);
                draw::encode(&canvas, t.format, None)
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|_| "drawing crashed".to_string())??;
    let links: Vec<String> = encoded
        .into_iter()
        .map(|bytes| {
            let name = state.store_file(
                task.format.ext(),
                StoredFile {
                    bytes: bytes.into(),
                    content_type: task.format.mime(),
                    cors: !task.no_cors,
                },
            );
            format!("http://{host}/v1/__files/{name}")
        })
        .collect();
    if let Some(t) = state.tasks().tasks.get_mut(id) {
        t.results = Some(links.clone());
    }
    Ok(links)
}
