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

use studio_core::api::error::{self, ApiError};
use studio_core::api::multipart::{Part, PartValue};
use studio_core::api::request::{check_base_url, endpoint_url, GenerationBody};
use studio_core::api::response::{parse_images, ImageOut, ImageSource, ImagesAnswer, Usage};
use studio_core::api::sse::{stream_item, SseParser, StreamItem};
use studio_core::endpoint_check::{ProbeSeen, SeenImage};
use studio_core::i18n::text::work;
use studio_core::i18n::Lang;
use studio_core::tasks::answer::TaskReport;
use studio_core::tasks::dialect::TaskDialect;
use studio_core::tasks::read::{read_report, read_submission};
use studio_core::tasks::request::TaskGenerationBody;

use super::blob::LocalBlob;
use super::download::bytes_blob;

/// A finished request: the images and what the endpoint said about them.
#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    pub answer: ImagesAnswer,
    /// `x-request-id`, when the endpoint exposes it to the browser.
    pub request_id: Option<String>,
    pub elapsed_ms: f64,
    /// When kept result links (a task gateway's, not fetched) expire.
    pub link_expires_ms: Option<f64>,
    /// Each image's bytes, decoded once from its base64 (`None` for a link): what the
    /// history, downloads and compositing use.
    pub blobs: Vec<Option<LocalBlob>>,
}

impl Generated {
    pub fn new(
        answer: ImagesAnswer,
        request_id: Option<String>,
        elapsed_ms: f64,
        link_expires_ms: Option<f64>,
    ) -> Self {
        Self::with_fetched(answer, Vec::new(), request_id, elapsed_ms, link_expires_ms)
    }

    /// The same, with the bytes of images already held (`fetched[i]`), which are not decoded
    /// again.
    fn with_fetched(
        answer: ImagesAnswer,
        fetched: Vec<Option<LocalBlob>>,
        request_id: Option<String>,
        elapsed_ms: f64,
        link_expires_ms: Option<f64>,
    ) -> Self {
        let mut fetched = fetched.into_iter();
        let blobs = answer
            .images
            .iter()
            .map(|image| {
                fetched
                    .next()
                    .flatten()
                    .or_else(|| LocalBlob::of_image(image))
            })
            .collect();
        Generated {
            answer,
            request_id,
            elapsed_ms,
            link_expires_ms,
            blobs,
        }
    }

    /// The bytes of image `index`, when they are held.
    pub fn blob(&self, index: usize) -> Option<&LocalBlob> {
        self.blobs.get(index).and_then(Option::as_ref)
    }
}

/// What a submission came back with: images, or a task to follow (async task gateways).
#[derive(Clone, Debug, PartialEq)]
pub enum Submitted {
    Images(Generated),
    Task(TaskReport),
}

/// A 2xx answer as read: images, or a task.
enum Answered {
    /// The answer, with the bytes of images fetched from links (`None` where they came as
    /// base64, or could not be fetched).
    Images(ImagesAnswer, Vec<Option<LocalBlob>>),
    Task(TaskReport),
}

/// Where to send, and with which key.
#[derive(Clone)]
pub struct ImagesClient {
    pub base_url: String,
    pub api_key: String,
    /// The task dialect the profile chose: where requests go and how a task answer reads.
    /// `None`: the usual paths, and a task answer says its dialect (`tasks::read`).
    pub dialect: Option<TaskDialect>,
}

// Never print the key: a debug print or a panic message must not carry it.
impl std::fmt::Debug for ImagesClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImagesClient")
            .field("base_url", &self.base_url)
            .field(
                "api_key",
                &if self.api_key.is_empty() {
                    ""
                } else {
                    "<hidden>"
                },
            )
            .finish()
    }
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
    /// A task gateway's generation body (ratio + resolution, image URLs).
    TaskGeneration(TaskGenerationBody),
}

/// One request ready to go.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub payload: Payload,
    /// The format that was asked for; used when neither the answer nor the bytes say.
    pub requested_mime: &'static str,
}

impl Outgoing {
    /// Whether this request asks for a stream of events.
    pub fn streams(&self) -> bool {
        match &self.payload {
            Payload::Generation(body) => body.streams(),
            Payload::Edit(parts) => studio_core::api::multipart::streams(parts),
            Payload::TaskGeneration(_) => false,
        }
    }

    /// The same request, answered in one piece.
    pub fn without_stream(&self) -> Outgoing {
        let payload = match &self.payload {
            Payload::Generation(body) => Payload::Generation(body.without_stream()),
            Payload::Edit(parts) => {
                Payload::Edit(studio_core::api::multipart::without_stream(parts))
            }
            Payload::TaskGeneration(body) => Payload::TaskGeneration(body.clone()),
        };
        Outgoing {
            payload,
            requested_mime: self.requested_mime,
        }
    }

    fn path(&self) -> &'static str {
        match self.payload {
            Payload::Generation(_) | Payload::TaskGeneration(_) => "images/generations",
            Payload::Edit(_) => "images/edits",
        }
    }
}

impl ImagesClient {
    pub fn new(base_url: impl Into<String>, api_key: impl Into<String>) -> Self {
        ImagesClient {
            base_url: base_url.into().trim().to_string(),
            api_key: api_key.into().trim().to_string(),
            dialect: None,
        }
    }

    pub fn with_dialect(self, dialect: Option<TaskDialect>) -> Self {
        ImagesClient { dialect, ..self }
    }

    /// `POST {base}/images/generations`, kept for callers that send a plain body.
    pub async fn generate(
        &self,
        body: &GenerationBody,
        requested_mime: &'static str,
        timeout_secs: u64,
        controller: &AbortController,
        lang: Lang,
    ) -> Result<Generated, ApiError> {
        let outgoing = Outgoing {
            payload: Payload::Generation(body.clone()),
            requested_mime,
        };
        self.send(&outgoing, timeout_secs, controller, &|_, _| {}, lang)
            .await
    }

    /// Like [`ImagesClient::submit`], for callers that take only images: a task answer is an
    /// error here.
    pub async fn send(
        &self,
        outgoing: &Outgoing,
        timeout_secs: u64,
        controller: &AbortController,
        on_partial: &dyn Fn(u32, ImageOut),
        lang: Lang,
    ) -> Result<Generated, ApiError> {
        match self
            .submit(outgoing, timeout_secs, controller, on_partial, lang)
            .await?
        {
            Submitted::Images(generated) => Ok(generated),
            Submitted::Task(task) => Err(ApiError::Invalid(studio_core::tr!(
                lang,
                work::TASK_NOT_IMAGES,
                id = task.id
            ))),
        }
    }

    /// Sends one request and reads its answer, streamed or not: images, or a task to follow.
    /// Partial images are handed to `on_partial` as they arrive. Only `Authorization` and
    /// `Content-Type` are sent (many gateways' CORS preflight refuses anything else); for
    /// edits the browser sets the multipart Content-Type with its boundary. What this page
    /// itself says about a failure is in `lang`.
    pub async fn submit(
        &self,
        outgoing: &Outgoing,
        timeout_secs: u64,
        controller: &AbortController,
        on_partial: &dyn Fn(u32, ImageOut),
        lang: Lang,
    ) -> Result<Submitted, ApiError> {
        check_base_url(&self.base_url).map_err(|e| ApiError::Invalid(e.message(lang)))?;
        // A task dialect has its own paths, and a task is polled, never streamed.
        let unstreamed;
        let (outgoing, url) = match &self.dialect {
            Some(d) => {
                unstreamed = outgoing.without_stream();
                let edit = matches!(outgoing.payload, Payload::Edit(_));
                let path = d
                    .submit_path(edit)
                    .unwrap_or_else(|| outgoing.path().into());
                (&unstreamed, endpoint_url(&self.base_url, &path))
            }
            None => (outgoing, endpoint_url(&self.base_url, outgoing.path())),
        };
        let mut builder = Request::post(&url).abort_signal(Some(&controller.signal()));
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let request = match &outgoing.payload {
            Payload::Generation(body) => builder.json(body),
            Payload::TaskGeneration(body) => builder.json(body),
            Payload::Edit(parts) => builder.body(form_data(parts, lang)?),
        }
        .map_err(|e| {
            ApiError::Invalid(studio_core::tr!(lang, work::BUILD_REQUEST_FAILED, e = e))
        })?;

        let started = now_ms();
        let deadline = Deadline::start(controller, timeout_secs);
        let outcome = self
            .exchange(
                request,
                outgoing.requested_mime,
                on_partial,
                controller,
                lang,
            )
            .await;
        let timed_out = deadline.timed_out.get();
        drop(deadline);
        match outcome {
            Ok((Answered::Images(answer, fetched), request_id)) => Ok(Submitted::Images(
                Generated::with_fetched(answer, fetched, request_id, now_ms() - started, None),
            )),
            Ok((Answered::Task(task), _)) => Ok(Submitted::Task(task)),
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
        controller: &AbortController,
        lang: Lang,
    ) -> Result<(Answered, Option<String>), ApiError> {
        let sent_ms = now_ms();
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => return Err(self.send_failure(e, sent_ms, controller, lang).await),
        };
        let request_id = response.headers().get("x-request-id");
        let content_type = response.headers().get("content-type").unwrap_or_default();
        if response.ok() && content_type.contains("text/event-stream") {
            let answer = read_stream(&response, requested_mime, on_partial, lang).await?;
            return Ok((Answered::Images(answer, Vec::new()), request_id));
        }
        let body = response
            .text()
            .await
            .map_err(|e| self.network_error(e, lang))?;
        if !response.ok() {
            return Err(status_error(&response, &content_type, &body, lang));
        }
        // An async task gateway answers a task to poll instead of images.
        if let Some(task) = read_submission(&body, self.dialect.as_ref(), lang) {
            return Ok((Answered::Task(task.map_err(ApiError::BadTask)?), request_id));
        }
        // A gateway may accept `stream` and answer plain JSON: that is handled here too.
        let mut answer = parse_images(&body, requested_mime)?;
        let fetched = fetch_linked_images(&mut answer, controller, lang).await;
        Ok((Answered::Images(answer, fetched), request_id))
    }

    /// `GET {base}/tasks/{id}` (or where `dialect` polls): where a task stands. Cancelling
    /// `controller` stops it; a poll that hangs is given up after 30 s without cancelling the
    /// rest of the run. What this page itself says about a failure is in `lang`.
    pub async fn task_report(
        &self,
        task_id: &str,
        dialect: &TaskDialect,
        controller: &AbortController,
        lang: Lang,
    ) -> Result<TaskReport, ApiError> {
        const POLL_TIMEOUT_SECS: u64 = 30;
        let url = endpoint_url(&self.base_url, &dialect.poll_path(task_id));
        let poll = SubRequest::start(controller, POLL_TIMEOUT_SECS)
            .ok_or_else(|| ApiError::Invalid(work::REQUEST_REFUSED.get(lang).into()))?;
        let mut builder = Request::get(&url).abort_signal(Some(&poll.signal()));
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let outcome = async {
            let response = builder
                .send()
                .await
                .map_err(|e| self.network_error(e, lang))?;
            let content_type = response.headers().get("content-type").unwrap_or_default();
            let body = response
                .text()
                .await
                .map_err(|e| self.network_error(e, lang))?;
            if !response.ok() {
                return Err(status_error(&response, &content_type, &body, lang));
            }
            read_report(&body, dialect, task_id, lang).map_err(ApiError::BadTask)
        }
        .await;
        let timed_out = poll.timed_out();
        drop(poll);
        match outcome {
            Err(_) if controller.signal().aborted() => Err(ApiError::Cancelled),
            Err(_) if timed_out => Err(ApiError::Timeout {
                secs: POLL_TIMEOUT_SECS,
            }),
            other => other,
        }
    }

    /// Fetches a result link as a `data:` URL and its MIME type. Links are on other hosts:
    /// no key is sent. Fails (CORS, network, HTTP) with the link in the error, what this page
    /// itself says in `lang`.
    pub async fn fetch_result_image(
        &self,
        url: &str,
        fallback_mime: &str,
        controller: &AbortController,
        lang: Lang,
    ) -> Result<(String, String), ApiError> {
        let unreadable = |detail: String| ApiError::LinkUnreadable {
            url: url.to_string(),
            detail,
        };
        let (bytes, mime) = fetch_bytes(url, controller, lang).await.map_err(|e| {
            if controller.signal().aborted() {
                return ApiError::Cancelled;
            }
            unreadable(match e {
                gloo_net::Error::JsError(js) => js.message,
                other => other.to_string(),
            })
        })?;
        Ok(data_url_of(&bytes, mime, fallback_mime))
    }

    fn network_error(&self, e: gloo_net::Error, lang: Lang) -> ApiError {
        if !crate::web::offline::is_online() {
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
            detail.push_str(work::MIXED_CONTENT.get(lang));
        }
        ApiError::Network {
            base_url: self.base_url.clone(),
            detail,
        }
    }

    /// Why `fetch` of a generation failed without an answer. The browser says only "failed";
    /// whether the request can have reached the model decides whether it may be sent again
    /// by itself, so the endpoint is probed with requests that bill nothing: a failure that
    /// came at once, with the endpoint unreachable or refusing CORS, sent nothing.
    async fn send_failure(
        &self,
        e: gloo_net::Error,
        sent_ms: f64,
        controller: &AbortController,
        lang: Lang,
    ) -> ApiError {
        if controller.signal().aborted() || now_ms() - sent_ms > QUICK_FAILURE_MS {
            return self.network_error(e, lang);
        }
        self.check_failure(e, controller, lang).await
    }
}

/// Aborts `poll` when `run` aborts (Cancel), until dropped.
struct CancelLink {
    run: AbortController,
    listener: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl CancelLink {
    fn new(run: &AbortController, poll: &AbortController) -> Self {
        let poll = poll.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || poll.abort());
        let _ = run
            .signal()
            .add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        CancelLink {
            run: run.clone(),
            listener,
        }
    }
}

impl Drop for CancelLink {
    fn drop(&mut self) {
        let _ = self
            .run
            .signal()
            .remove_event_listener_with_callback("abort", self.listener.as_ref().unchecked_ref());
    }
}

/// A request of its own inside a run: Cancel of the run stops it, and its own deadline gives
/// it up without cancelling the rest of the run. Both are taken back when it is dropped.
struct SubRequest {
    controller: AbortController,
    _follow_cancel: CancelLink,
    deadline: Deadline,
}

impl SubRequest {
    fn start(run: &AbortController, secs: u64) -> Option<Self> {
        let controller = AbortController::new().ok()?;
        Some(SubRequest {
            _follow_cancel: CancelLink::new(run, &controller),
            deadline: Deadline::start(&controller, secs),
            controller,
        })
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    fn timed_out(&self) -> bool {
        self.deadline.timed_out.get()
    }
}

/// The error a non-2xx answer stands for.
fn status_error(
    response: &gloo_net::http::Response,
    content_type: &str,
    body: &str,
    lang: Lang,
) -> ApiError {
    let retry_after = response.headers().get("retry-after");
    error::from_status(
        response.status(),
        content_type,
        body,
        retry_after.as_deref(),
        lang,
    )
}

/// Bytes as a `data:` URL, typed by what they are, else what the server said, else `fallback`.
fn data_url_of(bytes: &[u8], served_mime: Option<String>, fallback: &str) -> (String, String) {
    let mime = studio_core::api::mime::sniff(bytes)
        .map(str::to_string)
        .or(served_mime.filter(|m| m.starts_with("image/")))
        .unwrap_or_else(|| fallback.to_string());
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    (format!("data:{mime};base64,{b64}"), mime)
}

/// The parts as `FormData`: text fields as strings, files as Blobs with their names and types.
fn form_data(parts: &[Part], lang: Lang) -> Result<FormData, ApiError> {
    let fail = |e: JsValue| {
        ApiError::Invalid(studio_core::tr!(
            lang,
            work::BUILD_UPLOAD_FAILED,
            e = format!("{e:?}")
        ))
    };
    let form = FormData::new().map_err(fail)?;
    for part in parts {
        match &part.value {
            PartValue::Text(text) => form.append_with_str(&part.name, text).map_err(fail)?,
            PartValue::File(file) => {
                let blob = crate::web::download::bytes_blob(&file.bytes, &file.content_type)
                    .map_err(|e| ApiError::Invalid(e.message(lang)))?;
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
    lang: Lang,
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
            match stream_item(&event, requested_mime, lang) {
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
/// Fetches the images an answer gave as links; each fetched one is shown from a `data:` URL
/// and its bytes held as a Blob from the bytes themselves (not decoded back from base64).
async fn fetch_linked_images(
    answer: &mut ImagesAnswer,
    controller: &AbortController,
    lang: Lang,
) -> Vec<Option<LocalBlob>> {
    let mut fetched = Vec::with_capacity(answer.images.len());
    for image in &mut answer.images {
        let ImageSource::Url(url) = &image.source else {
            fetched.push(None);
            continue;
        };
        match fetch_bytes(url, controller, lang).await {
            Ok((bytes, mime)) => {
                let (data_url, mime) = data_url_of(&bytes, mime, &image.mime);
                fetched.push(bytes_blob(&bytes, &mime).ok().map(LocalBlob::new));
                image.source = ImageSource::DataUrl(data_url.into());
                image.mime = mime;
            }
            Err(_) => fetched.push(None),
        }
    }
    fetched
}

/// Fetches a result link. Cancel of the run stops it, and a link that does not answer within
/// [`LINK_TIMEOUT_SECS`] is given up (without cancelling the run). This page's own reasons
/// are in `lang`.
async fn fetch_bytes(
    url: &str,
    run: &AbortController,
    lang: Lang,
) -> Result<(Vec<u8>, Option<String>), gloo_net::Error> {
    let fetch = SubRequest::start(run, LINK_TIMEOUT_SECS)
        .ok_or_else(|| gloo_net::Error::GlooError(work::REQUEST_REFUSED_LOWER.get(lang).into()))?;
    let outcome = async {
        let response = Request::get(url)
            .abort_signal(Some(&fetch.signal()))
            .send()
            .await?;
        if !response.ok() {
            return Err(gloo_net::Error::GlooError(format!(
                "HTTP {}",
                response.status()
            )));
        }
        let mime = response.headers().get("content-type");
        Ok((response.binary().await?, mime))
    }
    .await;
    if fetch.timed_out() {
        return Err(gloo_net::Error::GlooError(studio_core::tr!(
            lang,
            work::LINK_NO_ANSWER,
            secs = LINK_TIMEOUT_SECS
        )));
    }
    outcome
}

/// A result link that does not answer within this is given up.
const LINK_TIMEOUT_SECS: u64 = 120;

/// A `fetch` that failed sooner than this after it started cannot have carried a request to
/// a model and back; later failures may have.
const QUICK_FAILURE_MS: f64 = 3_000.0;

/// What probing an endpoint found.
enum Reach {
    /// No connection at all: refused, DNS, mixed content, offline.
    Unreachable,
    /// Reachable, but the browser's CORS check refuses it.
    CorsRefused,
    /// Reachable and open to this page.
    Open,
}

/// Probes `{base}/models` (nothing billed, no key sent): an opaque `no-cors` GET tells whether
/// a connection can be made at all; a GET with a JSON content type, which needs a CORS
/// preflight as a generation does, tells whether CORS lets this page through.
/// Cancel of the run stops the probes too.
async fn probe(base_url: &str, run: &AbortController) -> Reach {
    const PROBE_TIMEOUT_SECS: u64 = 5;
    let url = endpoint_url(base_url, "models");
    let attempt = |cors: bool| {
        let url = url.clone();
        async move {
            let probe = SubRequest::start(run, PROBE_TIMEOUT_SECS)?;
            let builder = Request::get(&url)
                .abort_signal(Some(&probe.signal()))
                .cache(web_sys::RequestCache::NoStore);
            let builder = if cors {
                builder.header("Content-Type", "application/json")
            } else {
                builder.mode(web_sys::RequestMode::NoCors)
            };
            builder.send().await.ok().map(|_| ())
        }
    };
    if attempt(false).await.is_none() {
        Reach::Unreachable
    } else if attempt(true).await.is_none() {
        Reach::CorsRefused
    } else {
        Reach::Open
    }
}

// "Test this endpoint" (`studio_core::endpoint_check` judges what these fetches see).

/// A free check that does not answer within this is given up.
const CHECK_TIMEOUT_SECS: u64 = 15;

impl ImagesClient {
    fn check_controller(lang: Lang) -> Result<AbortController, ApiError> {
        AbortController::new()
            .map_err(|_| ApiError::Invalid(work::REQUEST_REFUSED.get(lang).into()))
    }

    /// Why a check's `fetch` failed without an answer: no connection, CORS, or neither.
    async fn check_failure(
        &self,
        e: gloo_net::Error,
        controller: &AbortController,
        lang: Lang,
    ) -> ApiError {
        let broke = self.network_error(e, lang);
        let ApiError::Network { base_url, detail } = &broke else {
            return broke;
        };
        match probe(&self.base_url, controller).await {
            Reach::Unreachable => ApiError::Unreachable {
                base_url: base_url.clone(),
                detail: detail.clone(),
            },
            Reach::CorsRefused => ApiError::CorsBlocked {
                base_url: base_url.clone(),
            },
            Reach::Open => broke,
        }
    }

    /// Makes the browser preflight `{base}/{path}` as a request from this page would be
    /// (with its `Authorization`, and `Content-Type` as `content_type`), without anything
    /// billable: the request itself is an `OPTIONS`, which is preflighted too. Any answer is
    /// its status (CORS let it through); no answer is told apart by probing `{base}/models`.
    pub async fn preflight(
        &self,
        path: &str,
        content_type: &str,
        lang: Lang,
    ) -> Result<u16, ApiError> {
        check_base_url(&self.base_url).map_err(|e| ApiError::Invalid(e.message(lang)))?;
        let controller = Self::check_controller(lang)?;
        let deadline = Deadline::start(&controller, CHECK_TIMEOUT_SECS);
        let mut builder = Request::get(&endpoint_url(&self.base_url, path))
            .method(gloo_net::http::Method::OPTIONS)
            .abort_signal(Some(&controller.signal()))
            .cache(web_sys::RequestCache::NoStore)
            .header("Content-Type", content_type);
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let outcome = builder.send().await;
        let timed_out = deadline.timed_out.get();
        drop(deadline);
        match outcome {
            Ok(response) => Ok(response.status()),
            Err(_) if timed_out => Err(ApiError::Timeout {
                secs: CHECK_TIMEOUT_SECS,
            }),
            Err(e) => Err(self.check_failure(e, &controller, lang).await),
        }
    }

    /// `GET {base}/models` with the key: the body of a 2xx answer, or the error it stands for.
    pub async fn list_models(&self, lang: Lang) -> Result<String, ApiError> {
        check_base_url(&self.base_url).map_err(|e| ApiError::Invalid(e.message(lang)))?;
        let controller = Self::check_controller(lang)?;
        let deadline = Deadline::start(&controller, CHECK_TIMEOUT_SECS);
        let mut builder = Request::get(&endpoint_url(&self.base_url, "models"))
            .abort_signal(Some(&controller.signal()))
            .cache(web_sys::RequestCache::NoStore);
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let outcome = async {
            let response = builder.send().await?;
            let content_type = response.headers().get("content-type").unwrap_or_default();
            let body = response.text().await?;
            Ok::<_, gloo_net::Error>((response, content_type, body))
        }
        .await;
        let timed_out = deadline.timed_out.get();
        drop(deadline);
        match outcome {
            Ok((response, _, body)) if response.ok() => Ok(body),
            Ok((response, content_type, body)) => {
                Err(status_error(&response, &content_type, &body, lang))
            }
            Err(_) if timed_out => Err(ApiError::Timeout {
                secs: CHECK_TIMEOUT_SECS,
            }),
            Err(e) => Err(self.check_failure(e, &controller, lang).await),
        }
    }

    /// The paid test: sends `body` to `{base}/images/generations` and reports what came back
    /// as the bytes show it (decoded pixel size, sniffed type) and whether it came as a
    /// stream. Only `Authorization` and `Content-Type` are sent, as for any request.
    pub async fn probe_generation(
        &self,
        body: &GenerationBody,
        requested_mime: &'static str,
        timeout_secs: u64,
        lang: Lang,
    ) -> Result<(ProbeSeen, Generated), ApiError> {
        check_base_url(&self.base_url).map_err(|e| ApiError::Invalid(e.message(lang)))?;
        let controller = Self::check_controller(lang)?;
        let mut builder = Request::post(&endpoint_url(&self.base_url, "images/generations"))
            .abort_signal(Some(&controller.signal()));
        if !self.api_key.is_empty() {
            builder = builder.header("Authorization", &format!("Bearer {}", self.api_key));
        }
        let request = builder.json(body).map_err(|e| {
            ApiError::Invalid(studio_core::tr!(lang, work::BUILD_REQUEST_FAILED, e = e))
        })?;
        let started = now_ms();
        let deadline = Deadline::start(&controller, timeout_secs);
        let outcome = async {
            let response = request
                .send()
                .await
                .map_err(|e| self.network_error(e, lang))?;
            let content_type = response.headers().get("content-type").unwrap_or_default();
            if response.ok() && content_type.contains("text/event-stream") {
                let answer = read_stream(&response, requested_mime, &|_, _| {}, lang).await?;
                return Ok((Generated::new(answer, None, 0.0, None), true));
            }
            let text = response
                .text()
                .await
                .map_err(|e| self.network_error(e, lang))?;
            if !response.ok() {
                return Err(status_error(&response, &content_type, &text, lang));
            }
            let mut answer = parse_images(&text, requested_mime)?;
            let fetched = fetch_linked_images(&mut answer, &controller, lang).await;
            Ok((
                Generated::with_fetched(answer, fetched, None, 0.0, None),
                false,
            ))
        }
        .await;
        let timed_out = deadline.timed_out.get();
        drop(deadline);
        let (mut generated, streamed) = match outcome {
            Ok(answered) => answered,
            Err(_) if timed_out => return Err(ApiError::Timeout { secs: timeout_secs }),
            Err(e) => return Err(e),
        };
        let elapsed_ms = now_ms() - started;
        let mut images = Vec::with_capacity(generated.answer.images.len());
        for (i, image) in generated.answer.images.iter().enumerate() {
            let mime = match &image.source {
                ImageSource::DataUrl(url) => url
                    .split_once(";base64,")
                    .and_then(|(_, b64)| studio_core::api::mime::sniff_base64(b64))
                    .map(str::to_string),
                ImageSource::Url(_) => None,
            };
            let size = match generated.blob(i) {
                Some(blob) => decoded_size(blob.blob()).await,
                None => None,
            };
            images.push(SeenImage { size, mime });
        }
        generated.elapsed_ms = elapsed_ms;
        Ok((
            ProbeSeen {
                images,
                streamed,
                elapsed_ms,
            },
            generated,
        ))
    }
}

/// The pixel size of an image as the browser decodes it.
async fn decoded_size(blob: &web_sys::Blob) -> Option<(u32, u32)> {
    let promise = web_sys::window()?
        .create_image_bitmap_with_blob(blob)
        .ok()?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let size = (bitmap.width(), bitmap.height());
    bitmap.close();
    Some(size)
}
