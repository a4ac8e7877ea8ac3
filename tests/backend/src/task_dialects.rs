//! The async task dialects task mode imitates (`crate::tasks`): where each gateway takes
//! submissions and is polled, and the shape of its answers.
//!
//! | dialect | submit | poll |
//! |---|---|---|
//! | classic | `POST /v1/images/generations` → `{"id","object":"image.generation.task"}` | `GET /v1/tasks/{id}` (`results`) |
//! | sub2api | `POST /v1/images/generations/async`, `/v1/images/edits/async` (OpenAI's bodies) → 202 `{"task_id":"imgtask_…"}` | `GET /v1/images/tasks/{id}` (`result.data[].url`) |
//! | apimart | `POST /v1/images/generations` → `{"code":200,"data":[{"task_id","status":"submitted"}]}` | `GET /v1/tasks/{id}` (`data.result.images[].url[]`) |
//! | toapis | `POST /v1/images/generations` → `{"object":"generation.task"}` | `GET /v1/images/generations/{id}` (`result.data[].url`) |
//! | custom | `POST /v1/custom/images` → `{"job":{"ref","state":"QUEUED"}}` | `GET /v1/custom/jobs/{id}` (`job.outputs[].href`, done is `SHIPPED`, failed `BROKEN`) |
//!
//! The custom one is a gateway no built-in dialect reads: the studio needs a custom dialect
//! for it (its done word is no usual status word).

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::error::ApiError;
use crate::state::{AppState, PartRecord, RequestRecord};
use crate::tasks::{check, current_mode, report_at, start};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    #[default]
    Classic,
    Sub2api,
    Apimart,
    Toapis,
    Custom,
}

/// The poll routes; a task answers only on its dialect's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollRoute {
    Tasks,
    ImagesTasks,
    ImagesGenerations,
    CustomJobs,
}

/// Where a task stands when polled.
pub enum Stage<'a> {
    Early,
    Running(u32),
    Failed {
        code: &'static str,
        message: &'static str,
    },
    Done(&'a [String]),
}

impl Dialect {
    pub fn poll_route(self) -> PollRoute {
        match self {
            Dialect::Classic | Dialect::Apimart => PollRoute::Tasks,
            Dialect::Sub2api => PollRoute::ImagesTasks,
            Dialect::Toapis => PollRoute::ImagesGenerations,
            Dialect::Custom => PollRoute::CustomJobs,
        }
    }

    /// Whether `POST /v1/images/generations` answers with a task.
    pub fn takes_sync_path(self) -> bool {
        !matches!(self, Dialect::Sub2api | Dialect::Custom)
    }

    /// Ids as each gateway spells them.
    pub fn task_id(self, n: u64) -> String {
        let now = crate::generate::unix_now();
        match self {
            Dialect::Classic => format!("task-unified-{now}-{n}"),
            Dialect::Sub2api => format!("imgtask_{now:x}{n:08x}"),
            Dialect::Apimart => format!("task_01K{now}{n}"),
            Dialect::Toapis => format!("task_img_{now}_{n}"),
            Dialect::Custom => format!("job-{now}-{n}"),
        }
    }

    /// The answer to the submission.
    pub fn submitted(self, id: &str, estimated: u64) -> (StatusCode, Value) {
        let now = crate::generate::unix_now();
        match self {
            Dialect::Classic => (
                StatusCode::OK,
                json!({
                    "id": id, "object": "image.generation.task", "status": "pending", "progress": 0,
                    "task_info": {"can_cancel": true, "estimated_time": estimated}, "type": "image",
                }),
            ),
            Dialect::Sub2api => (
                StatusCode::ACCEPTED,
                json!({"id": id, "task_id": id, "object": "image.generation.task",
                       "status": "processing", "created_at": now}),
            ),
            Dialect::Apimart => (
                StatusCode::OK,
                json!({"code": 200, "data": [{"status": "submitted", "task_id": id}]}),
            ),
            Dialect::Toapis => (
                StatusCode::OK,
                json!({"id": id, "object": "generation.task", "model": "gpt-image-2",
                       "status": "queued", "progress": 0, "created_at": now, "metadata": {}}),
            ),
            Dialect::Custom => (
                StatusCode::OK,
                json!({"job": {"ref": id, "state": "QUEUED"}}),
            ),
        }
    }

    /// The answer to a poll.
    pub fn report(self, id: &str, stage: Stage, estimated: u64) -> Value {
        let now = crate::generate::unix_now();
        let progress = match stage {
            Stage::Early => 0,
            Stage::Running(p) => p,
            _ => 100,
        };
        match self {
            Dialect::Classic => {
                let mut v = json!({
                    "id": id, "object": "image.generation.task", "type": "image",
                    "task_info": {"can_cancel": true, "estimated_time": estimated},
                    "progress": progress,
                });
                let extra = match stage {
                    Stage::Early => json!({"status": "pending"}),
                    Stage::Running(_) => json!({"status": "processing"}),
                    Stage::Failed { code, message } => {
                        json!({"status": "failed", "error": {"code": code, "message": message}})
                    }
                    Stage::Done(links) => json!({"status": "completed", "results": links}),
                };
                merge(&mut v, extra);
                v
            }
            Dialect::Sub2api => {
                let mut v = json!({"id": id, "task_id": id, "object": "image.generation.task",
                                   "created_at": now, "expires_at": now + 86_400});
                let extra = match stage {
                    Stage::Early | Stage::Running(_) => json!({"status": "processing"}),
                    Stage::Failed { code, message } => {
                        json!({"status": "failed", "http_status": 400,
                        "error": {"code": code, "type": "api_error", "message": message}})
                    }
                    Stage::Done(links) => json!({
                        "status": "completed", "http_status": 200, "image_url": links.first(),
                        "result": {"created": now, "data": links.iter().map(|l| json!({"url": l})).collect::<Vec<_>>()},
                    }),
                };
                merge(&mut v, extra);
                v
            }
            Dialect::Apimart => {
                let mut data = json!({"id": id, "progress": progress, "created": now,
                                      "estimated_time": estimated});
                let extra = match stage {
                    Stage::Early => json!({"status": "submitted"}),
                    Stage::Running(_) => json!({"status": "processing"}),
                    Stage::Failed { code, message } => {
                        json!({"status": "failed", "error": {"code": code, "message": message}})
                    }
                    Stage::Done(links) => json!({"status": "completed", "result": {"images":
                        links.iter().map(|l| json!({"url": [l], "expires_at": now + 86_400})).collect::<Vec<_>>()}}),
                };
                merge(&mut data, extra);
                json!({"code": 200, "data": data})
            }
            Dialect::Toapis => {
                let mut v = json!({"id": id, "object": "generation.task", "model": "gpt-image-2",
                                   "progress": progress, "created_at": now});
                let extra = match stage {
                    Stage::Early => json!({"status": "queued"}),
                    Stage::Running(_) => json!({"status": "in_progress"}),
                    Stage::Failed { code, message } => {
                        json!({"status": "failed", "error": {"code": code, "message": message}})
                    }
                    Stage::Done(links) => json!({"status": "completed", "expires_at": now + 86_400,
                        "result": {"type": "image", "data": links.iter().map(|l| json!({"url": l})).collect::<Vec<_>>()}}),
                };
                merge(&mut v, extra);
                v
            }
            Dialect::Custom => {
                let mut job = json!({"ref": id, "pct": progress});
                let extra = match stage {
                    Stage::Early => json!({"state": "QUEUED"}),
                    Stage::Running(_) => json!({"state": "RUNNING"}),
                    Stage::Failed { message, .. } => {
                        json!({"state": "BROKEN", "problem": {"text": message}})
                    }
                    Stage::Done(links) => json!({"state": "SHIPPED",
                        "outputs": links.iter().map(|l| json!({"href": l})).collect::<Vec<_>>()}),
                };
                merge(&mut job, extra);
                json!({"job": job})
            }
        }
    }
}

fn merge(v: &mut Value, extra: Value) {
    if let (Value::Object(m), Value::Object(e)) = (v, extra) {
        m.extend(e);
    }
}

fn log(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    json: Value,
    parts: Vec<PartRecord>,
) -> u64 {
    state.record(RequestRecord {
        id: 0,
        method: "POST".into(),
        path: uri.path().to_string(),
        headers: crate::routes::images::header_map_json(headers),
        content_type: headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        json,
        parts,
        steady: None,
        response_status: None,
        fault_id: None,
    })
}

fn finish(state: &AppState, log_id: u64, resp: Response) -> Response {
    let status = resp.status().as_u16();
    state.update_record(log_id, |r| r.response_status = Some(status));
    resp
}

fn not_here(uri: &Uri) -> Response {
    ApiError::with_status(
        StatusCode::NOT_FOUND,
        format!(
            "Invalid URL (no route for {}): async tasks are off.",
            uri.path()
        ),
        "not_found",
    )
    .into_response()
}

/// Logs a JSON submission and starts a task if the mode's dialect submits at this path.
fn submit_json(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
    dialect: Dialect,
) -> Response {
    let value: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let log_id = log(state, uri, headers, value.clone(), Vec::new());
    let resp = match current_mode(state).filter(|m| m.dialect == dialect) {
        None => not_here(uri),
        Some(_) if !value.is_object() => {
            ApiError::bad_request("The body must be a JSON object.").into_response()
        }
        Some(mode) => match check(&value) {
            Ok(checked) => start(state, &mode, checked),
            Err(e) => e.into_response(),
        },
    };
    finish(state, log_id, resp)
}

/// `POST /v1/images/generations/async` (sub2api): OpenAI's JSON body.
pub async fn sub2api_generations(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    submit_json(&state, &uri, &headers, &body, Dialect::Sub2api)
}

/// `POST /v1/custom/images` (the custom dialect): the task gateway's JSON body.
pub async fn custom_submit(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    submit_json(&state, &uri, &headers, &body, Dialect::Custom)
}

/// `POST /v1/images/edits/async` (sub2api): OpenAI's multipart edit, at least one image.
pub async fn sub2api_edits(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    req: Request,
) -> Response {
    let mut fields = Map::new();
    let mut parts = Vec::new();
    let read = async {
        let mut mp = Multipart::from_request(req, &state).await.map_err(|e| {
            ApiError::bad_request(format!(
                "Invalid multipart/form-data body: {}",
                e.body_text()
            ))
        })?;
        while let Some(field) = mp.next_field().await.map_err(|e| {
            ApiError::bad_request(format!(
                "Invalid multipart/form-data body: {}",
                e.body_text()
            ))
        })? {
            let name = field.name().unwrap_or("").to_string();
            let filename = field.file_name().map(str::to_string);
            let content_type = field.content_type().map(str::to_string);
            let data = field
                .bytes()
                .await
                .map_err(|e| ApiError::bad_request(e.body_text()))?;
            let text = filename
                .is_none()
                .then(|| String::from_utf8_lossy(&data).into_owned());
            if let Some(t) = &text {
                // Numbers as numbers, so the JSON body's checks apply.
                let v = t
                    .parse::<u64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::from(t.as_str()));
                fields.insert(name.clone(), v);
            }
            parts.push(PartRecord {
                name,
                filename,
                content_type,
                bytes: data.len(),
                width: None,
                height: None,
                format: None,
                has_alpha: None,
                text,
                data_base64: None,
            });
        }
        Ok::<(), ApiError>(())
    }
    .await;
    let images = parts
        .iter()
        .filter(|p| p.name.starts_with("image") && p.filename.is_some())
        .count();
    let value = Value::Object(fields);
    let log_id = log(&state, &uri, &headers, value.clone(), parts);
    let resp = match (
        read,
        current_mode(&state).filter(|m| m.dialect == Dialect::Sub2api),
    ) {
        (_, None) => not_here(&uri),
        (Err(e), _) => e.into_response(),
        (Ok(()), _) if images == 0 => {
            ApiError::invalid("image", "An edit needs at least one image.").into_response()
        }
        (Ok(()), Some(mode)) => match check(&value) {
            Ok(checked) => start(&state, &mode, checked),
            Err(e) => e.into_response(),
        },
    };
    finish(&state, log_id, resp)
}

/// `GET /v1/images/tasks/{id}` (sub2api).
pub async fn report_images_tasks(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    report_at(&state, PollRoute::ImagesTasks, &id, &uri, &headers).await
}

/// `GET /v1/images/generations/{id}` (ToAPIs).
pub async fn report_images_generations(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    report_at(&state, PollRoute::ImagesGenerations, &id, &uri, &headers).await
}

/// `GET /v1/custom/jobs/{id}`.
pub async fn report_custom_jobs(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    report_at(&state, PollRoute::CustomJobs, &id, &uri, &headers).await
}
