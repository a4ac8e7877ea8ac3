//! The second listener: a built single-page app served from a directory under a prefix
//! (e.g. `/tools/studio/`), so that the app is cross-origin to the API.

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// `/`, `/tools/studio/`: leading and trailing slash.
pub fn normalize_prefix(p: &str) -> String {
    let t = p.trim_matches('/');
    if t.is_empty() {
        "/".into()
    } else {
        format!("/{t}/")
    }
}

#[derive(Clone)]
struct Site {
    dir: PathBuf,
    prefix: String,
}

/// Router serving `dir` under `prefix`.
pub fn static_router(dir: PathBuf, prefix: &str) -> Router {
    Router::new().fallback(serve).with_state(Site {
        dir,
        prefix: normalize_prefix(prefix),
    })
}

async fn serve(State(site): State<Site>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let query = req
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let bare = site.prefix.trim_end_matches('/');
    if !bare.is_empty() && path == bare {
        return Redirect::permanent(&format!("{}{query}", site.prefix)).into_response();
    }
    let Some(rest) = path.strip_prefix(bare) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    if !rest.starts_with('/') {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Ok(inner_uri) = format!("{rest}{query}").parse::<Uri>() else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    let (mut parts, body) = req.into_parts();
    parts.uri = inner_uri;
    let inner = Request::from_parts(parts, body);
    let served = ServeDir::new(&site.dir).oneshot(inner).await;
    let mut resp = match served {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    // ServeDir redirects `dir` to `dir/` relative to the rewritten path: put the prefix back.
    if resp.status().is_redirection() {
        if let Some(loc) = resp
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .filter(|l| l.starts_with('/'))
        {
            if let Ok(v) = HeaderValue::from_str(&format!("{bare}{loc}")) {
                resp.headers_mut().insert(header::LOCATION, v);
            }
        }
    }
    if resp.status() == StatusCode::NOT_FOUND && resp.headers().get(header::CONTENT_TYPE).is_none()
    {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}
