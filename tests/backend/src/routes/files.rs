//! `GET /v1/__files/<id>.<ext>`: images of the `url_only` variants, and `GET /v1/models`.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::cors::NoCors;
use crate::error::ApiError;
use crate::generate::unix_now;
use crate::state::AppState;

pub async fn get_file(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let Some(file) = state.file(&name) else {
        return ApiError::with_status(
            StatusCode::NOT_FOUND,
            format!("No such file: {name}"),
            "not_found",
        )
        .into_response();
    };
    let mut resp = (StatusCode::OK, file.bytes).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.content_type),
    );
    if !file.cors {
        resp.extensions_mut().insert(NoCors);
    }
    resp
}

/// A model list like OpenAI's: retired models are gone, and the 2.5 models are not listed
/// (`/models` may not know them while generation works).
pub async fn models() -> Json<Value> {
    let created = unix_now();
    let data: Vec<Value> = ["gpt-image-2", "gpt-image-2-2026-04-21"]
    .iter()
    .map(|id| json!({"id": id, "object": "model", "created": created, "owned_by": "local-backend"}))
    .collect();
    Json(json!({"object": "list", "data": data}))
}
