//! The page's side of the prep workers, shaped like leptos-use's `use_web_worker`: a queue of
//! jobs spread over a pool of classic workers, each preparing one image at a time. Workers start
//! on demand (or ahead of time with `warm_up`) and are terminated as soon as the queue has
//! nothing left for them, so a batch's memory is all freed when it ends.

use std::collections::VecDeque;

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::storage::{read, StorageKind};
use studio_core::i18n::text::prep;
use studio_core::i18n::Lang;
use studio_core::prep::pool::pool_size;
use studio_core::prep::protocol::{JobKind, JobRequest, WorkerMessage, BUFFERS_FIELD, JSON_FIELD};
use studio_core::prep::PrepSettings;
use studio_core::tr;

/// Trunk's loader for the `prep_worker` bin (classic worker: importScripts, then wasm).
pub const WORKER_URL: &str = "./prep_worker_loader.js";

/// The local setting that overrides the pool size (1 to 4), e.g. to benchmark one worker.
pub const POOL_SIZE_KEY: &str = "gis.prep.workers";

/// What came back for one job: the message and its byte buffers.
pub struct JobResult {
    pub message: WorkerMessage,
    pub buffers: Vec<Uint8Array>,
}

struct Job {
    request: JobRequest,
    buffers: Vec<Uint8Array>,
}

/// One running worker and its listeners (kept alive with it).
struct Slot {
    /// Names this worker in its listeners' calls (slots come and go; indices shift).
    id: u64,
    worker: Worker,
    _listeners: Listeners,
    /// It has loaded its wasm and said so.
    ready: bool,
    /// The job in it and the language that job is answered in.
    busy: Option<(u64, Lang)>,
}

impl Slot {
    /// Terminates the worker. Its handlers are detached first: a message it posted before
    /// (a `Ready` still queued on the page) must not reach listeners dropped with the slot.
    fn stop(&self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

struct Inner {
    queue: VecDeque<Job>,
    slots: Vec<Slot>,
    max_workers: usize,
    /// Start a worker again when idle after a batch (`warm_up_when_idle` was called).
    keep_warm: bool,
    next_id: u64,
    next_slot: u64,
}

/// Handle to the queue; cheap to copy.
#[derive(Clone, Copy)]
pub struct PrepWorker {
    inner: StoredValue<Inner, LocalStorage>,
    on_result: StoredValue<Box<dyn Fn(u64, JobResult)>, LocalStorage>,
}

/// The pool size for reference prep on this device: one worker per spare core, 2 to 4, or the
/// local override [`POOL_SIZE_KEY`].
pub fn device_pool_size() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .filter(|c| c.is_finite() && *c >= 1.0)
        .map(|c| c as u32);
    let chosen = read(StorageKind::Local, POOL_SIZE_KEY);
    pool_size(cores, chosen.as_deref())
}

/// A prep queue of up to `max_workers` workers whose results go to `on_result(job id,
/// result)`, each as soon as it is ready (callers match them by id). A crashed worker fails
/// only the job it was on; the queue goes on in the others or in a fresh one.
pub fn use_prep_worker(
    max_workers: usize,
    on_result: impl Fn(u64, JobResult) + 'static,
) -> PrepWorker {
    PrepWorker {
        inner: StoredValue::new_local(Inner {
            queue: VecDeque::new(),
            slots: Vec::new(),
            max_workers: max_workers.max(1),
            keep_warm: false,
            next_id: 1,
            next_slot: 1,
        }),
        on_result: StoredValue::new_local(Box::new(on_result)),
    }
}

impl PrepWorker {
    /// Queues a job; `buffers` are transferred to the worker (they are empty afterwards). The
    /// queue moves on only after this returns, so even a job that fails at once (no worker)
    /// reaches `on_result` after the caller has noted its id. Its sentences (refusals, notes)
    /// come back in `lang`.
    pub fn submit(
        &self,
        kind: JobKind,
        settings: PrepSettings,
        buffers: Vec<Uint8Array>,
        lang: Lang,
    ) -> u64 {
        let id = self.inner.try_update_value(|inner| {
            let id = inner.next_id;
            inner.next_id += 1;
            inner.queue.push_back(Job {
                request: JobRequest {
                    id,
                    kind,
                    settings,
                    lang,
                },
                buffers,
            });
            id
        });
        let this = *self;
        wasm_bindgen_futures::spawn_local(async move { this.pump() });
        id.unwrap_or(0)
    }

    /// Drops a queued job (one already in a worker finishes and is ignored by the caller).
    pub fn forget(&self, id: u64) {
        self.inner
            .update_value(|inner| inner.queue.retain(|job| job.request.id != id));
    }

    /// Starts one worker now, if none is running, so that the first file does not wait for a
    /// worker to load its wasm. It stays until the next batch ends.
    pub fn warm_up(&self) {
        if self.inner.with_value(|inner| inner.slots.is_empty()) {
            let _ = self.start_slot();
        }
    }

    /// Starts a worker when the page is next idle (at most a few seconds from now), and again
    /// after each batch: a fresh worker holds only its code, not the last batch's pixels.
    pub fn warm_up_when_idle(&self) {
        self.inner.update_value(|inner| inner.keep_warm = true);
        let this = *self;
        when_idle(move || this.warm_up());
    }

    fn start_slot(&self) -> Result<(), String> {
        let id = self
            .inner
            .try_update_value(|inner| {
                inner.next_slot += 1;
                inner.next_slot
            })
            .unwrap_or(0);
        let (worker, listeners) = start_worker(*self, id)?;
        self.inner.update_value(|inner| {
            inner.slots.push(Slot {
                id,
                worker,
                _listeners: listeners,
                ready: false,
                busy: None,
            })
        });
        Ok(())
    }

    fn pump(&self) {
        // More workers while queued jobs outnumber the workers that could take them.
        loop {
            let wanted = self.inner.with_value(|inner| {
                let free = inner.slots.iter().filter(|s| s.busy.is_none()).count();
                inner.queue.len() > free && inner.slots.len() < inner.max_workers
            });
            if !wanted {
                break;
            }
            if let Err(message) = self.start_slot() {
                if self.inner.with_value(|inner| inner.slots.is_empty()) {
                    // Without any worker nothing can be prepared: fail every queued job.
                    let jobs: Vec<Job> = self
                        .inner
                        .try_update_value(|inner| inner.queue.drain(..).collect())
                        .unwrap_or_default();
                    for job in jobs {
                        let message = tr!(job.request.lang, prep::WORKER_NO_START, e = message);
                        self.deliver(job.request.id, failure(job.request.id, &message));
                    }
                    return;
                }
                // The workers already running take the queue on.
                break;
            }
        }
        // Each ready, idle worker takes the next job.
        while let Some(Some((worker, slot, job))) = self.inner.try_update_value(|inner| {
            let slot = inner
                .slots
                .iter_mut()
                .find(|s| s.ready && s.busy.is_none())?;
            let job = inner.queue.pop_front()?;
            slot.busy = Some((job.request.id, job.request.lang));
            Some((slot.worker.clone(), slot.id, job))
        }) {
            if let Err(e) = post_job(&worker, &job) {
                self.inner.update_value(|inner| {
                    if let Some(s) = inner.slots.iter_mut().find(|s| s.id == slot) {
                        s.busy = None;
                    }
                });
                let message = tr!(job.request.lang, prep::WORKER_NO_SEND, e = e);
                self.deliver(job.request.id, failure(job.request.id, &message));
            }
        }
    }

    fn deliver(&self, id: u64, result: JobResult) {
        self.on_result.with_value(|f| f(id, result));
    }

    fn on_message(&self, slot: u64, data: JsValue) {
        let json = Reflect::get(&data, &JSON_FIELD.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let busy = self
            .inner
            .with_value(|inner| inner.slots.iter().find(|s| s.id == slot).map(|s| s.busy))
            .flatten();
        let lang = busy.map(|(_, lang)| lang).unwrap_or_default();
        let message = match serde_json::from_str::<WorkerMessage>(&json) {
            Ok(message) => message,
            // An answer this page cannot read still ends the job it answers: the queue goes on.
            Err(e) => WorkerMessage::Failed {
                id: 0,
                message: tr!(lang, prep::WORKER_ANSWER_UNREADABLE, e = e),
            },
        };
        if let WorkerMessage::Ready { .. } = message {
            self.inner.update_value(|inner| {
                if let Some(s) = inner.slots.iter_mut().find(|s| s.id == slot) {
                    s.ready = true;
                }
            });
            self.pump();
            return;
        }
        let buffers = Reflect::get(&data, &BUFFERS_FIELD.into())
            .map(|b| Array::from(&b).iter().map(|a| a.unchecked_into()).collect())
            .unwrap_or_default();
        self.inner.update_value(|inner| {
            if let Some(s) = inner.slots.iter_mut().find(|s| s.id == slot) {
                s.busy = None;
            }
        });
        self.deliver(busy.map_or(0, |(id, _)| id), JobResult { message, buffers });
        self.finish_or_continue();
    }

    /// A worker died (a panic aborts it): fail its job, go on with the rest.
    fn on_crash(&self, slot: u64) {
        let busy = self.inner.try_update_value(|inner| {
            let at = inner.slots.iter().position(|s| s.id == slot)?;
            let gone = inner.slots.remove(at);
            gone.stop();
            gone.busy
        });
        if let Some(Some((id, lang))) = busy {
            self.deliver(id, failure(id, prep::WORKER_CRASHED.get(lang)));
        }
        self.pump();
    }

    /// Once nothing is queued, terminates every idle worker, freeing its memory.
    fn finish_or_continue(&self) {
        let drained = self.inner.try_update_value(|inner| {
            if !inner.queue.is_empty() {
                return false;
            }
            inner.slots.retain(|s| {
                let idle = s.busy.is_none();
                if idle {
                    s.stop();
                }
                !idle
            });
            true
        });
        match drained {
            Some(false) => self.pump(),
            Some(true)
                if self
                    .inner
                    .with_value(|inner| inner.keep_warm && inner.slots.is_empty()) =>
            {
                self.warm_up_when_idle()
            }
            _ => {}
        }
    }
}

/// Runs `f` when the browser is idle (`requestIdleCallback`, within 3 s), or after a second
/// where it has none.
fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(f);
    let idle = Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    match idle {
        Some(request) => {
            let options = Object::new();
            let _ = Reflect::set(&options, &"timeout".into(), &3000.into());
            let _ = request.call2(&window, &callback, &options);
        }
        None => {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                1000,
            );
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

fn start_worker(handle: PrepWorker, slot: u64) -> Result<(Worker, Listeners), String> {
    // The browser's own words, put in a sentence of the job's language by `pump`.
    let worker = Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let event: MessageEvent = event.unchecked_into();
        handle.on_message(slot, event.data());
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| handle.on_crash(slot));
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
    // The browser's own words, put in a sentence of the job's language by `pump`.
    worker
        .post_message_with_transfer(&object, &transfer)
        .map_err(|e| format!("{e:?}"))
}
