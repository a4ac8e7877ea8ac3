//! The page's side of the prep worker, shaped like leptos-use's `use_web_worker`: a queue of
//! jobs fed one at a time to a classic worker started on demand and terminated once the queue
//! is empty (memory is bounded: one image at a time, all freed after a batch).

use std::collections::VecDeque;

use js_sys::{Array, Object, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use studio_core::prep::protocol::{JobKind, JobRequest, WorkerMessage, BUFFERS_FIELD, JSON_FIELD};
use studio_core::prep::PrepSettings;

/// Trunk's loader for the `prep_worker` bin (classic worker: importScripts, then wasm).
pub const WORKER_URL: &str = "./prep_worker_loader.js";

/// What came back for one job: the message and its byte buffers.
pub struct JobResult {
    pub message: WorkerMessage,
    pub buffers: Vec<Uint8Array>,
}

struct Job {
    request: JobRequest,
    buffers: Vec<Uint8Array>,
}

struct Inner {
    queue: VecDeque<Job>,
    /// The running worker and its listeners (kept alive with it).
    worker: Option<(Worker, Listeners)>,
    ready: bool,
    busy: Option<u64>,
    next_id: u64,
}

/// Handle to the queue; cheap to copy.
#[derive(Clone, Copy)]
pub struct PrepWorker {
    inner: StoredValue<Inner, LocalStorage>,
    on_result: StoredValue<Box<dyn Fn(u64, JobResult)>, LocalStorage>,
}

/// A prep queue whose results go to `on_result(job id, result)`. A crashed worker fails only
/// the job it was on; the next job starts a fresh worker.
pub fn use_prep_worker(on_result: impl Fn(u64, JobResult) + 'static) -> PrepWorker {
    PrepWorker {
        inner: StoredValue::new_local(Inner {
            queue: VecDeque::new(),
            worker: None,
            ready: false,
            busy: None,
            next_id: 1,
        }),
        on_result: StoredValue::new_local(Box::new(on_result)),
    }
}

impl PrepWorker {
    /// Queues a job; `buffers` are transferred to the worker (they are empty afterwards). The
    /// queue moves on only after this returns, so even a job that fails at once (no worker)
    /// reaches `on_result` after the caller has noted its id.
    pub fn submit(&self, kind: JobKind, settings: PrepSettings, buffers: Vec<Uint8Array>) -> u64 {
        let id = self.inner.try_update_value(|inner| {
            let id = inner.next_id;
            inner.next_id += 1;
            inner.queue.push_back(Job {
                request: JobRequest { id, kind, settings },
                buffers,
            });
            id
        });
        let this = *self;
        wasm_bindgen_futures::spawn_local(async move { this.pump() });
        id.unwrap_or(0)
    }

    /// Drops a queued job (one already in the worker finishes and is ignored by the caller).
    pub fn forget(&self, id: u64) {
        self.inner
            .update_value(|inner| inner.queue.retain(|job| job.request.id != id));
    }

    fn pump(&self) {
        let this = *self;
        let needs_worker = self
            .inner
            .with_value(|inner| inner.worker.is_none() && !inner.queue.is_empty());
        if needs_worker {
            match start_worker(this) {
                Ok(started) => self.inner.update_value(|inner| {
                    inner.worker = Some(started);
                    inner.ready = false;
                }),
                Err(message) => {
                    // Without a worker nothing can be prepared: fail every queued job.
                    let jobs: Vec<Job> = self
                        .inner
                        .try_update_value(|inner| inner.queue.drain(..).collect())
                        .unwrap_or_default();
                    for job in jobs {
                        self.deliver(job.request.id, failure(job.request.id, &message));
                    }
                    return;
                }
            }
        }
        let next = self.inner.try_update_value(|inner| {
            if !inner.ready || inner.busy.is_some() {
                return None;
            }
            let job = inner.queue.pop_front()?;
            inner.busy = Some(job.request.id);
            Some((inner.worker.as_ref().map(|(w, _)| w.clone()), job))
        });
        if let Some(Some((Some(worker), job))) = next {
            if let Err(e) = post_job(&worker, &job) {
                self.inner.update_value(|inner| inner.busy = None);
                self.deliver(job.request.id, failure(job.request.id, &e));
                self.pump();
            }
        }
    }

    fn deliver(&self, id: u64, result: JobResult) {
        self.on_result.with_value(|f| f(id, result));
    }

    fn on_message(&self, data: JsValue) {
        let json = Reflect::get(&data, &JSON_FIELD.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let message = match serde_json::from_str::<WorkerMessage>(&json) {
            Ok(message) => message,
            // An answer this page cannot read still ends the job it answers: the queue goes on.
            Err(e) => WorkerMessage::Failed {
                id: 0,
                message: format!("The prep worker's answer could not be read ({e})."),
            },
        };
        if let WorkerMessage::Ready { .. } = message {
            self.inner.update_value(|inner| inner.ready = true);
            self.pump();
            return;
        }
        let buffers = Reflect::get(&data, &BUFFERS_FIELD.into())
            .map(|b| Array::from(&b).iter().map(|a| a.unchecked_into()).collect())
            .unwrap_or_default();
        let id = self
            .inner
            .try_update_value(|inner| inner.busy.take())
            .flatten()
            .unwrap_or(0);
        self.deliver(id, JobResult { message, buffers });
        self.finish_or_continue();
    }

    /// The worker died (a panic aborts it): fail its job, start over for the rest.
    fn on_crash(&self) {
        let busy = self.inner.try_update_value(|inner| {
            if let Some((worker, _)) = inner.worker.take() {
                worker.terminate();
            }
            inner.ready = false;
            inner.busy.take()
        });
        if let Some(Some(id)) = busy {
            self.deliver(
                id,
                failure(
                    id,
                    "The image crashed the prep worker (the file is probably corrupt or too large for memory).",
                ),
            );
        }
        self.pump();
    }

    /// Terminates the worker after a batch, freeing all of its memory.
    fn finish_or_continue(&self) {
        let idle = self.inner.try_update_value(|inner| {
            if inner.queue.is_empty() {
                if let Some((worker, _)) = inner.worker.take() {
                    worker.terminate();
                }
                inner.ready = false;
                true
            } else {
                false
            }
        });
        if idle == Some(false) {
            self.pump();
        }
    }
}

fn failure(id: u64, message: &str) -> JobResult {
    JobResult {
        message: WorkerMessage::Failed {
            id,
            message: message.to_string(),
        },
        buffers: Vec::new(),
    }
}

type Listeners = Vec<Closure<dyn FnMut(JsValue)>>;

fn start_worker(handle: PrepWorker) -> Result<(Worker, Listeners), String> {
    let worker = Worker::new(WORKER_URL)
        .map_err(|e| format!("The image prep worker could not start: {e:?}"))?;
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let event: MessageEvent = event.unchecked_into();
        handle.on_message(event.data());
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| handle.on_crash());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok((worker, vec![on_message, on_error]))
}

fn post_job(worker: &Worker, job: &Job) -> Result<(), String> {
    let json = serde_json::to_string(&job.request).map_err(|e| e.to_string())?;
    let object = Object::new();
    let arrays = Array::new();
    let transfer = Array::new();
    for array in &job.buffers {
        arrays.push(array);
        transfer.push(&array.buffer());
    }
    let _ = Reflect::set(&object, &JSON_FIELD.into(), &json.into());
    let _ = Reflect::set(&object, &BUFFERS_FIELD.into(), &arrays);
    worker
        .post_message_with_transfer(&object, &transfer)
        .map_err(|e| format!("Could not send the file to the prep worker: {e:?}"))
}
