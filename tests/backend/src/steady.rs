//! Validation against a Steady mock server (`--validate-with URL`): every image request is
//! forwarded byte for byte; Steady's 400 answers are passed back unchanged.

use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::{AppState, SteadyRecord};

/// What Steady said about a request.
pub enum Verdict {
    /// Steady accepted it (any status but 400): go on.
    Accepted(u16),
    /// Steady answered 400: return this response.
    Rejected(u16, Response),
    /// Steady could not be reached.
    Unreachable(Response),
}

/// Forwards `body` to `base` + `path` without its `/v1` prefix.
/// With `--validate-with`: checks the request with Steady and records its status on log entry
/// `log_id`; returns the answer to send instead when Steady refused the request or could not
/// be reached. Without it: `None`.
pub async fn gate(
    state: &AppState,
    path: &str,
    headers: &HeaderMap,
    body: Bytes,
    log_id: u64,
) -> Option<Response> {
    let base = state.config().validate_with.clone()?;
    match check(state, &base, path, headers, body).await {
        Verdict::Accepted(status) => {
            state.update_record(log_id, |r| r.steady = Some(SteadyRecord { status }));
            None
        }
        Verdict::Rejected(status, resp) => {
            state.update_record(log_id, |r| r.steady = Some(SteadyRecord { status }));
            Some(resp)
        }
        Verdict::Unreachable(resp) => Some(resp),
    }
}

pub async fn check(
    state: &AppState,
    base: &str,
    path: &str,
    headers: &HeaderMap,
    body: Bytes,
) -> Verdict {
    let target = format!(
        "{}{}",
        base.trim_end_matches('/'),
        path.strip_prefix("/v1").unwrap_or(path)
    );
    let mut rb = state.http().post(&target).body(body);
    for name in [header::CONTENT_TYPE, header::AUTHORIZATION] {
        if let Some(v) = headers.get(&name) {
            rb = rb.header(name.as_str(), v.as_bytes());
        }
    }
    let resp = match rb.send().await {
        Ok(r) => r,
        Err(e) => {
            return Verdict::Unreachable(
                ApiError::with_status(
                    StatusCode::BAD_GATEWAY,
                    format!("Steady validator at {base} could not be reached: {e}"),
                    "validator_unreachable",
                )
                .into_response(),
            )
        }
    };
    let status = resp.status().as_u16();
    if status != 400 {
        return Verdict::Accepted(status);
    }
    let mut keep = HeaderMap::new();
    for (k, v) in resp.headers() {
        if k.as_str().starts_with("x-steady-") || k == header::CONTENT_TYPE {
            keep.append(k.clone(), v.clone());
        }
    }
    let body = match resp.bytes().await {
        Ok(b) => b,
        Err(e) => {
            return Verdict::Unreachable(
                ApiError::with_status(
                    StatusCode::BAD_GATEWAY,
                    format!("Steady validator at {base} broke off its answer: {e}"),
                    "validator_unreachable",
                )
                .into_response(),
            )
        }
    };
    let mut out = (StatusCode::BAD_REQUEST, body).into_response();
    out.headers_mut().remove(header::CONTENT_TYPE);
    for (k, v) in keep.iter() {
        out.headers_mut().append(k.clone(), v.clone());
    }
    Verdict::Rejected(status, out)
}
