//! Key mode (`POST /__admin/keys {"accept": ["sk-…"]}`, `DELETE` to leave it): only the
//! listed keys are taken on `/v1/*`, any other answers 401 as api.openai.com does, so the
//! app's key check can be tested. Off by default: any key, or none, is taken.
//! Preflights never carry a key and are answered before this (`cors`).

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeySpec {
    pub accept: Vec<String>,
}

/// `POST /__admin/keys`: from now on only these keys are taken.
pub async fn set_keys(State(state): State<AppState>, body: Bytes) -> Response {
    match serde_json::from_slice::<KeySpec>(&body) {
        Ok(spec) => {
            *state.accepted_keys() = Some(spec.accept);
            Json(json!({"ok": true})).into_response()
        }
        Err(e) => ApiError::bad_request(format!("Invalid key list: {e}")).into_response(),
    }
}

/// `DELETE /__admin/keys`: any key is taken again.
pub async fn clear_keys(State(state): State<AppState>) -> Json<Value> {
    *state.accepted_keys() = None;
    Json(json!({"ok": true}))
}

/// OpenAI's 401 for a wrong key: the key shown only by its first and last characters.
fn refused(key: Option<&str>) -> Response {
    let message = match key {
        None | Some("") => "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).".to_string(),
        Some(k) => {
            let head: String = k.chars().take(3).collect();
            let tail: String = k.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
            format!("Incorrect API key provided: {head}***{tail}. You can find your API key at https://platform.openai.com/account/api-keys.")
        }
    };
    let mut e = ApiError::with_status(StatusCode::UNAUTHORIZED, message, "invalid_api_key");
    if key.is_none_or(str::is_empty) {
        e.code = None;
    }
    e.into_response()
}

/// Middleware on `/v1/*` (served files excepted: links carry no key).
pub async fn require_key(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let guarded = path.starts_with("/v1/") && !path.starts_with("/v1/__files/");
    let accepted = state.accepted_keys().clone();
    if let (true, Some(accepted)) = (guarded, accepted) {
        let key = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if !key.is_some_and(|k| accepted.iter().any(|a| a == k)) {
            return refused(key);
        }
    }
    next.run(req).await
}
