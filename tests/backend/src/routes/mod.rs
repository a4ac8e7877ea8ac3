//! The API router: image endpoints, served files, admin endpoints, all behind CORS.

pub mod admin;
pub mod files;
pub mod images;
pub mod responses;

use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::cors;
use crate::error::ApiError;
use crate::state::AppState;

/// Largest request body accepted (16 references of up to 50 MB each, and then some).
pub const BODY_LIMIT: usize = 1024 * 1024 * 1024;

async fn not_found(uri: Uri) -> Response {
    ApiError::with_status(
        StatusCode::NOT_FOUND,
        format!("Invalid URL (no route for {})", uri.path()),
        "not_found",
    )
    .into_response()
}

/// Builds the API router around `state`.
pub fn api_router(state: AppState) -> Router {
    Router::new()
        .route("/v1/images/generations", post(images::generations))
        .route("/v1/images/edits", post(images::edits))
        .route("/v1/responses", post(responses::create))
        .route(
            "/__admin/responses",
            post(responses::set_switch)
                .get(responses::get_switch)
                .delete(responses::clear_switch),
        )
        .route("/v1/__files/{name}", get(files::get_file))
        .route("/v1/models", get(files::models))
        .route("/v1/tasks/{id}", get(crate::tasks::report))
        // The other task dialects' paths (crate::task_dialects).
        .route(
            "/v1/images/generations/async",
            post(crate::task_dialects::sub2api_generations),
        )
        .route(
            "/v1/images/edits/async",
            post(crate::task_dialects::sub2api_edits),
        )
        .route(
            "/v1/images/tasks/{id}",
            get(crate::task_dialects::report_images_tasks),
        )
        .route(
            "/v1/images/generations/{id}",
            get(crate::task_dialects::report_images_generations),
        )
        .route(
            "/v1/custom/images",
            post(crate::task_dialects::custom_submit),
        )
        .route(
            "/v1/custom/jobs/{id}",
            get(crate::task_dialects::report_custom_jobs),
        )
        .route(
            "/__admin/task_mode",
            post(crate::tasks::set_mode).delete(crate::tasks::clear_mode),
        )
        .route(
            "/__admin/faults",
            post(admin::add_fault)
                .get(admin::list_faults)
                .delete(admin::clear_faults),
        )
        .route(
            "/__admin/requests",
            get(admin::list_requests).delete(admin::clear_requests),
        )
        .route("/__admin/health", get(admin::health))
        .route(
            "/__admin/keys",
            post(crate::keys::set_keys).delete(crate::keys::clear_keys),
        )
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // Inside CORS: preflights carry no key, and a 401 still reaches the page.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::keys::require_key,
        ))
        .layer(middleware::from_fn(cors::cors))
        .with_state(state)
}
