//! `/__admin/*`: fault rules, the request log, health.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::faults::{FaultRule, FaultSpec};
use crate::state::AppState;

fn bad(msg: String) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": {"message": msg, "type": "invalid_request_error", "param": null, "code": null}})),
    )
        .into_response()
}

/// `POST /__admin/faults` → `{"id": N}`.
pub async fn add_fault(State(state): State<AppState>, body: Bytes) -> Response {
    let spec: FaultSpec = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => return bad(format!("Invalid fault rule: {e}")),
    };
    let id = state.next_id();
    match FaultRule::from_spec(id, spec) {
        Ok(rule) => {
            state.faults().push(rule);
            Json(json!({"id": id})).into_response()
        }
        Err(e) => bad(format!("Invalid fault rule: {e}")),
    }
}

/// `GET /__admin/faults`: the rules with their remaining uses and hits.
pub async fn list_faults(State(state): State<AppState>) -> Json<Value> {
    Json(serde_json::to_value(&*state.faults()).unwrap_or(Value::Null))
}

/// `DELETE /__admin/faults`.
pub async fn clear_faults(State(state): State<AppState>) -> Json<Value> {
    let mut f = state.faults();
    let n = f.len();
    f.clear();
    Json(json!({"ok": true, "cleared": n}))
}

/// `GET /__admin/requests`: oldest first.
pub async fn list_requests(State(state): State<AppState>) -> Json<Value> {
    Json(serde_json::to_value(&*state.requests()).unwrap_or(Value::Null))
}

/// `DELETE /__admin/requests`.
pub async fn clear_requests(State(state): State<AppState>) -> Json<Value> {
    let mut r = state.requests();
    let n = r.len();
    r.clear();
    Json(json!({"ok": true, "cleared": n}))
}

/// `GET /__admin/health`.
pub async fn health() -> Json<Value> {
    Json(json!({"ok": true}))
}
