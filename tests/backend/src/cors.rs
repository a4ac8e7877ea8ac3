//! CORS like api.openai.com behind a strict gateway: any origin, methods GET, POST,
//! DELETE, OPTIONS, and only the request headers `authorization` and `content-type`.
//! A preflight asking for any other header (or method) is refused with 403 and no
//! CORS headers, so the browser fails it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const ALLOWED_METHODS: &str = "GET, POST, DELETE, OPTIONS";
pub const ALLOWED_HEADERS: &[&str] = &["authorization", "content-type"];
pub const EXPOSED_HEADERS: &str = "x-request-id, retry-after";

/// Marks a response that must go out without CORS headers.
#[derive(Debug, Clone, Copy)]
pub struct NoCors;

fn add_cors(headers: &mut HeaderMap) {
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED_HEADERS),
    );
}

fn refuse(why: String) -> Response {
    (StatusCode::FORBIDDEN, why).into_response()
}

/// Answers a preflight: 204 with the CORS headers, or 403 without any.
pub fn preflight(headers: &HeaderMap) -> Response {
    if let Some(m) = headers.get(header::ACCESS_CONTROL_REQUEST_METHOD) {
        let m = m.to_str().unwrap_or("").trim().to_ascii_uppercase();
        if !["GET", "POST", "DELETE", "OPTIONS", "HEAD"].contains(&m.as_str()) {
            return refuse(format!("CORS preflight refused: method {m} is not allowed"));
        }
    }
    if let Some(h) = headers.get(header::ACCESS_CONTROL_REQUEST_HEADERS) {
        let list = h.to_str().unwrap_or("");
        for name in list.split(',').map(|s| s.trim().to_ascii_lowercase()) {
            if !name.is_empty() && !ALLOWED_HEADERS.contains(&name.as_str()) {
                return refuse(format!(
                    "CORS preflight refused: request header '{name}' is not allowed (only authorization, content-type)"
                ));
            }
        }
    }
    let mut resp = Response::new(Body::empty());
    *resp.status_mut() = StatusCode::NO_CONTENT;
    let h = resp.headers_mut();
    add_cors(h);
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(ALLOWED_METHODS),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("authorization, content-type"),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    resp
}

/// Middleware: answers preflights, adds CORS headers to every other answer.
pub async fn cors(req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return preflight(req.headers());
    }
    let mut resp = next.run(req).await;
    if resp.extensions().get::<NoCors>().is_none() {
        add_cors(resp.headers_mut());
    }
    resp
}
