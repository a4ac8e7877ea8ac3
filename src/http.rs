//! The one HTTP client. All requests to the user's endpoint go through here, and every
//! failure comes back as an [`ApiError`] a user can act on.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use web_sys::AbortController;

use crate::api::error::{self, ApiError};
use crate::api::request::{check_base_url, endpoint_url, GenerationBody};
use crate::api::response::{parse_images, ImagesAnswer};

/// A finished request: the images and what the endpoint said about them.
#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    pub answer: ImagesAnswer,
    /// `x-request-id`, when the endpoint exposes it to the browser.
    pub request_id: Option<String>,
    pub elapsed_ms: f64,
}

/// Where to send, and with which key.
#[derive(Clone, Debug)]
pub struct ImagesClient {
    pub base_url: String,
    pub api_key: String,
}

/// Aborts the request when dropped unless it finished first, and marks timeouts.
struct Deadline {
    timed_out: Rc<Cell<bool>>,
    handle: Option<leptos::prelude::TimeoutHandle>,
}

impl Deadline {
    fn start(controller: &AbortController, secs: u64) -> Self {
        let timed_out = Rc::new(Cell::new(false));
        let flag = timed_out.clone();
        let controller = controller.clone();
        let handle = set_timeout_with_handle(
            move || {
                flag.set(true);
                controller.abort();
            },
            Duration::from_secs(secs),
        )
        .ok();
        Deadline { timed_out, handle }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.clear();
        }
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl ImagesClient {
    pub fn new(base_url: impl Into<String>, api_key: impl Into<String>) -> Self {
        ImagesClient {
            base_url: base_url.into().trim().to_string(),
            api_key: api_key.into().trim().to_string(),
        }
    }

    /// `POST {base}/images/generations`. Only `Authorization` and `Content-Type` are sent:
    /// many gateways' CORS preflight refuses anything else.
    pub async fn generate(
        &self,
        body: &GenerationBody,
        requested_mime: &str,
        timeout_secs: u64,
        controller: &AbortController,
    ) -> Result<Generated, ApiError> {
        check_base_url(&self.base_url).map_err(ApiError::Invalid)?;
        let url = endpoint_url(&self.base_url, "images/generations");
        let mut builder = Request::post(&url).abort_signal(Some(&controller.signal()));
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let request = builder
            .json(body)
            .map_err(|e| ApiError::Invalid(format!("Could not encode the request: {e}")))?;

        let started = now_ms();
        let deadline = Deadline::start(controller, timeout_secs);
        let outcome = self.exchange(request, requested_mime).await;
        let timed_out = deadline.timed_out.get();
        drop(deadline);
        match outcome {
            Ok((answer, request_id)) => Ok(Generated {
                answer,
                request_id,
                elapsed_ms: now_ms() - started,
            }),
            Err(_) if timed_out => Err(ApiError::Timeout { secs: timeout_secs }),
            Err(_) if controller.signal().aborted() => Err(ApiError::Cancelled),
            Err(e) => Err(e),
        }
    }

    async fn exchange(
        &self,
        request: Request,
        requested_mime: &str,
    ) -> Result<(ImagesAnswer, Option<String>), ApiError> {
        let response = request.send().await.map_err(|e| self.network_error(e))?;
        let request_id = response.headers().get("x-request-id");
        let body = response.text().await.map_err(|e| self.network_error(e))?;
        if !response.ok() {
            let content_type = response.headers().get("content-type").unwrap_or_default();
            let retry_after = response.headers().get("retry-after");
            return Err(error::from_status(
                response.status(),
                &content_type,
                &body,
                retry_after.as_deref(),
            ));
        }
        Ok((parse_images(&body, requested_mime)?, request_id))
    }

    fn network_error(&self, e: gloo_net::Error) -> ApiError {
        if !crate::browser::offline::is_online() {
            return ApiError::Offline;
        }
        let mut detail = match e {
            gloo_net::Error::JsError(js) => js.message,
            other => other.to_string(),
        };
        let page_is_https = web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p == "https:");
        if page_is_https && self.base_url.starts_with("http://") {
            detail.push_str("; this page is https and the base URL is http, which browsers block as mixed content");
        }
        ApiError::Network {
            base_url: self.base_url.clone(),
            detail,
        }
    }
}
