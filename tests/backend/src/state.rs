//! Shared state: configuration, fault rules, the request log and served files.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::faults::FaultRule;

/// How the API behaves (from the command line).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Base URL of a Steady mock server to validate every image request against.
    pub validate_with: Option<String>,
    /// Extra delay before every image answer.
    pub latency_ms: u64,
}

/// One multipart part as recorded in the request log.
#[derive(Debug, Clone, Serialize)]
pub struct PartRecord {
    pub name: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub bytes: usize,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub format: Option<&'static str>,
    pub has_alpha: Option<bool>,
    /// The value of a text part.
    pub text: Option<String>,
    /// A `mask` part's bytes (base64), so tests can check its pixels; masks are small.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_base64: Option<String>,
}

/// Steady's verdict on a forwarded request.
#[derive(Debug, Clone, Serialize)]
pub struct SteadyRecord {
    pub status: u16,
}

/// One request to `/v1/images/*`.
#[derive(Debug, Clone, Serialize)]
pub struct RequestRecord {
    pub id: u64,
    pub method: String,
    pub path: String,
    pub headers: serde_json::Map<String, Value>,
    pub content_type: Option<String>,
    pub json: Value,
    pub parts: Vec<PartRecord>,
    pub steady: Option<SteadyRecord>,
    /// `null` while the request is still being answered.
    pub response_status: Option<u16>,
    /// Fault rule applied, if any.
    pub fault_id: Option<u64>,
}

/// A file served under `/v1/__files/` (for the `url_only` variants).
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub bytes: bytes::Bytes,
    pub content_type: &'static str,
    pub cors: bool,
}

#[derive(Default)]
pub struct Inner {
    pub config: Config,
    pub faults: Mutex<Vec<FaultRule>>,
    pub requests: Mutex<Vec<RequestRecord>>,
    pub files: Mutex<HashMap<String, StoredFile>>,
    pub file_order: Mutex<Vec<String>>,
    pub next_id: AtomicU64,
    pub http: reqwest::Client,
    /// Task mode and its tasks (`crate::tasks`).
    pub tasks: Mutex<crate::tasks::TaskBook>,
    /// Key mode (`crate::keys`): the keys taken; `None` takes any.
    pub accepted_keys: Mutex<Option<Vec<String>>>,
    /// `/v1/responses`: its switch and remembered turns (`crate::routes::responses`).
    pub responses: Mutex<crate::routes::responses::ResponsesBook>,
}

/// Cheaply clonable handle to the state.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

const MAX_FILES: usize = 256;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl AppState {
    pub fn new(config: Config) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .build()
            .expect("http client");
        AppState(Arc::new(Inner {
            config,
            http,
            next_id: AtomicU64::new(1),
            ..Inner::default()
        }))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.0.http
    }

    /// A fresh id for fault rules, log entries and files.
    pub fn next_id(&self) -> u64 {
        self.0.next_id.fetch_add(1, Ordering::Relaxed)
    }

    pub fn faults(&self) -> MutexGuard<'_, Vec<FaultRule>> {
        lock(&self.0.faults)
    }

    pub fn requests(&self) -> MutexGuard<'_, Vec<RequestRecord>> {
        lock(&self.0.requests)
    }

    /// Appends a log entry and returns its id.
    pub fn record(&self, mut rec: RequestRecord) -> u64 {
        let id = self.next_id();
        rec.id = id;
        self.requests().push(rec);
        id
    }

    /// Updates the log entry `id` if it is still there.
    pub fn update_record(&self, id: u64, f: impl FnOnce(&mut RequestRecord)) {
        if let Some(r) = self.requests().iter_mut().find(|r| r.id == id) {
            f(r);
        }
    }

    /// Stores a file and returns its name (`<id>.<ext>`).
    pub fn store_file(&self, ext: &str, file: StoredFile) -> String {
        let name = format!("{}.{ext}", self.next_id());
        let mut files = lock(&self.0.files);
        let mut order = lock(&self.0.file_order);
        files.insert(name.clone(), file);
        order.push(name.clone());
        while order.len() > MAX_FILES {
            let old = order.remove(0);
            files.remove(&old);
        }
        name
    }

    pub fn tasks(&self) -> MutexGuard<'_, crate::tasks::TaskBook> {
        lock(&self.0.tasks)
    }

    pub fn accepted_keys(&self) -> MutexGuard<'_, Option<Vec<String>>> {
        lock(&self.0.accepted_keys)
    }

    pub fn responses(&self) -> MutexGuard<'_, crate::routes::responses::ResponsesBook> {
        lock(&self.0.responses)
    }

    pub fn file(&self, name: &str) -> Option<StoredFile> {
        lock(&self.0.files).get(name).cloned()
    }
}
