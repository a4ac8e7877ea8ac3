//! The one HTTP client. All requests to the user's endpoint go through here, and every
//! failure comes back as an [`ApiError`] a user can act on.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use web_sys::AbortController;

use base64::Engine;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, ReadableStreamDefaultReader};

use crate::api::error::{self, ApiError};
use crate::api::multipart::{Part, PartValue};
use crate::api::request::{check_base_url, endpoint_url, GenerationBody};
use crate::api::response::{parse_images, ImageOut, ImageSource, ImagesAnswer, Usage};
use crate::api::sse::{stream_item, SseParser, StreamItem};

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

/// What to send: a JSON generation or a multipart edit.
#[derive(Clone, Debug)]
pub enum Payload {
    Generation(GenerationBody),
    Edit(Vec<Part>),
}

/// One request ready to go.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub payload: Payload,
    /// The format that was asked for; used when neither the answer nor the bytes say.
    pub requested_mime: &'static str,
}

impl Outgoing {
    fn path(&self) -> &'static str {
        match self.payload {
            Payload::Generation(_) => "images/generations",
            Payload::Edit(_) => "images/edits",
        }
    }
}

impl ImagesClient {
    pub fn new(base_url: impl Into<String>, api_key: impl Into<String>) -> Self {
        ImagesClient {
            base_url: base_url.into().trim().to_string(),
            api_key: api_key.into().trim().to_string(),
        }
    }

    /// `POST {base}/images/generations`, kept for callers that send a plain body.
    pub async fn generate(
        &self,
        body: &GenerationBody,
        requested_mime: &'static str,
        timeout_secs: u64,
        controller: &AbortController,
    ) -> Result<Generated, ApiError> {
        let outgoing = Outgoing {
            payload: Payload::Generation(body.clone()),
            requested_mime,
        };
        self.send(&outgoing, timeout_secs, controller, &|_, _| {})
            .await
    }

    /// Sends one request and reads its answer, streamed or not. Partial images are handed to
    /// `on_partial` as they arrive. Only `Authorization` and `Content-Type` are sent (many
    /// gateways' CORS preflight refuses anything else); for edits the browser sets the
    /// multipart Content-Type with its boundary.
    pub async fn send(
        &self,
        outgoing: &Outgoing,
        timeout_secs: u64,
        controller: &AbortController,
        on_partial: &dyn Fn(u32, ImageOut),
    ) -> Result<Generated, ApiError> {
        check_base_url(&self.base_url).map_err(ApiError::Invalid)?;
        let url = endpoint_url(&self.base_url, outgoing.path());
        let mut builder = Request::post(&url).abort_signal(Some(&controller.signal()));
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let request = match &outgoing.payload {
            Payload::Generation(body) => builder.json(body),
            Payload::Edit(parts) => builder.body(form_data(parts)?),
        }
        .map_err(|e| ApiError::Invalid(format!("Could not build the request: {e}")))?;

        let started = now_ms();
        let deadline = Deadline::start(controller, timeout_secs);
        let outcome = self
            .exchange(request, outgoing.requested_mime, on_partial)
            .await;
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
        on_partial: &dyn Fn(u32, ImageOut),
    ) -> Result<(ImagesAnswer, Option<String>), ApiError> {
        let response = request.send().await.map_err(|e| self.network_error(e))?;
        let request_id = response.headers().get("x-request-id");
        let content_type = response.headers().get("content-type").unwrap_or_default();
        if response.ok() && content_type.contains("text/event-stream") {
            let answer = read_stream(&response, requested_mime, on_partial).await?;
            return Ok((answer, request_id));
        }
        let body = response.text().await.map_err(|e| self.network_error(e))?;
        if !response.ok() {
            let retry_after = response.headers().get("retry-after");
            return Err(error::from_status(
                response.status(),
                &content_type,
                &body,
                retry_after.as_deref(),
            ));
        }
        // A gateway may accept `stream` and answer plain JSON: that is handled here too.
        let mut answer = parse_images(&body, requested_mime)?;
        fetch_linked_images(&mut answer).await;
        Ok((answer, request_id))
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

/// The parts as `FormData`: text fields as strings, files as Blobs with their names and types.
fn form_data(parts: &[Part]) -> Result<FormData, ApiError> {
    let fail = |e: JsValue| ApiError::Invalid(format!("Could not build the upload: {e:?}"));
    let form = FormData::new().map_err(fail)?;
    for part in parts {
        match &part.value {
            PartValue::Text(text) => form.append_with_str(&part.name, text).map_err(fail)?,
            PartValue::File(file) => {
                let blob = crate::browser::download::bytes_blob(&file.bytes, &file.content_type)
                    .map_err(ApiError::Invalid)?;
                form.append_with_blob_and_filename(&part.name, &blob, &file.file_name)
                    .map_err(fail)?
            }
        }
    }
    Ok(form)
}

/// Reads an SSE answer as it arrives: previews go to `on_partial`, completed images are
/// collected. Any error event, or an end before the first final image, is an error.
async fn read_stream(
    response: &gloo_net::http::Response,
    requested_mime: &str,
    on_partial: &dyn Fn(u32, ImageOut),
) -> Result<ImagesAnswer, ApiError> {
    let mut answer = ImagesAnswer {
        images: Vec::new(),
        created: None,
        size: None,
        quality: None,
        output_format: None,
        background: None,
        usage: None,
    };
    let mut partials = 0u32;
    let cut = |partials| ApiError::StreamCut { partials };
    let stream = response.body().ok_or(cut(0))?;
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut parser = SseParser::new();
    loop {
        let result = JsFuture::from(reader.read())
            .await
            .map_err(|_| cut(partials))?;
        let done = js_sys::Reflect::get(&result, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        let events = if done {
            parser.finish()
        } else {
            let value = js_sys::Reflect::get(&result, &"value".into()).unwrap_or_default();
            parser.push(&js_sys::Uint8Array::new(&value).to_vec())
        };
        for event in events {
            match stream_item(&event, requested_mime) {
                StreamItem::Partial { index, image } => {
                    partials += 1;
                    on_partial(index, image);
                }
                StreamItem::Completed {
                    image,
                    usage,
                    size,
                    output_format,
                } => {
                    answer.images.push(image);
                    answer.size = answer.size.or(size);
                    answer.output_format = answer.output_format.or(output_format);
                    answer.usage = merge_usage(answer.usage, usage);
                }
                StreamItem::Error { message } => {
                    let _ = reader.cancel();
                    return Err(ApiError::StreamError { message });
                }
                StreamItem::Ignored => {}
            }
        }
        if done {
            break;
        }
    }
    if answer.images.is_empty() {
        return Err(cut(partials));
    }
    Ok(answer)
}

/// Usage of several completed events adds up.
fn merge_usage(a: Option<Usage>, b: Option<Usage>) -> Option<Usage> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let add = |x: Option<u64>, y: Option<u64>| match (x, y) {
                (None, None) => None,
                (x, y) => Some(x.unwrap_or(0) + y.unwrap_or(0)),
            };
            Some(Usage {
                input_tokens: add(a.input_tokens, b.input_tokens),
                output_tokens: add(a.output_tokens, b.output_tokens),
                total_tokens: add(a.total_tokens, b.total_tokens),
                input_tokens_details: a.input_tokens_details.or(b.input_tokens_details),
            })
        }
        (a, b) => a.or(b),
    }
}

/// URL-only answers: the images are fetched at once (links expire, and only bytes can be
/// downloaded, fitted and kept). No key is sent. Where the browser may not read them (CORS),
/// the link stays and the result card says so.
async fn fetch_linked_images(answer: &mut ImagesAnswer) {
    for image in &mut answer.images {
        let ImageSource::Url(url) = &image.source else {
            continue;
        };
        if let Ok((bytes, mime)) = fetch_bytes(url).await {
            let mime = crate::api::mime::sniff(&bytes)
                .map(str::to_string)
                .or(mime.filter(|m| m.starts_with("image/")))
                .unwrap_or_else(|| image.mime.clone());
            let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
            image.source = ImageSource::DataUrl(format!("data:{mime};base64,{b64}"));
            image.mime = mime;
        }
    }
}

async fn fetch_bytes(url: &str) -> Result<(Vec<u8>, Option<String>), gloo_net::Error> {
    let response = Request::get(url).send().await?;
    if !response.ok() {
        return Err(gloo_net::Error::GlooError(format!(
            "HTTP {}",
            response.status()
        )));
    }
    let mime = response.headers().get("content-type");
    Ok((response.binary().await?, mime))
}
