//! Server-sent events for `stream: true`: k partial images, then the completed one,
//! per image, each flushed as soon as it is produced and spaced ~150 ms apart.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::draw;
use crate::faults::Variant;
use crate::generate::Job;
use crate::state::AppState;

/// Pause between two events, so that a browser sees them arrive one by one.
pub const EVENT_GAP: Duration = Duration::from_millis(150);

type Chunk = Result<Bytes, io::Error>;

/// Formats one SSE event (`event:` line, `data:` line, blank line).
pub fn event(kind: &str, data: &Value) -> Bytes {
    Bytes::from(format!("event: {kind}\ndata: {data}\n\n"))
}

/// A body fed by a channel: every message becomes one chunk, an `Err` aborts the
/// connection.
pub fn channel_body(rx: mpsc::Receiver<Chunk>) -> Body {
    Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    }))
}

/// Starts producing events in the background and answers with the streaming body.
pub fn stream_response(state: AppState, job: Job) -> Response {
    let (tx, rx) = mpsc::channel::<Chunk>(4);
    tokio::spawn(produce(state, job, tx));
    let mut resp = Response::new(channel_body(rx));
    *resp.status_mut() = StatusCode::OK;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert("x-accel-buffering", HeaderValue::from_static("no"));
    resp
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

async fn produce(state: AppState, job: Job, tx: mpsc::Sender<Chunk>) {
    let job = Arc::new(job);
    let prefix = job.req.endpoint.event_prefix();
    if job.variant == Some(Variant::EmptyData) {
        let _ = tx.send(Ok(Bytes::from_static(b": no images\n\n"))).await;
        return;
    }
    let dropping = job.variant == Some(Variant::DropStream);
    let mut levels = draw::partial_levels(job.req.partial_images).to_vec();
    if dropping && levels.is_empty() {
        levels.push(24);
    }
    let n = if job.variant == Some(Variant::OneImage) {
        job.req.n.min(1)
    } else {
        job.req.n
    };
    for index in 0..n {
        let j = job.clone();
        let Some(canvas) = blocking(move || Arc::new(j.render(index))).await else {
            return;
        };
        for (pi, cells) in levels.iter().copied().enumerate() {
            let (j, c) = (job.clone(), canvas.clone());
            let encoded = blocking(move || j.encode(&draw::coarse(&c, cells))).await;
            let Some(Ok(bytes)) = encoded else {
                let _ = tx.send(Err(io::Error::other("encoding failed"))).await;
                return;
            };
            let data = json!({
                "type": format!("{prefix}.partial_image"),
                "b64_json": job.b64(&bytes),
                "partial_image_index": pi,
                "created_at": job.created,
                "size": job.size_label(),
                "quality": job.req.quality,
                "background": job.req.background(),
                "output_format": job.req.format.name(),
            });
            if tx
                .send(Ok(event(&format!("{prefix}.partial_image"), &data)))
                .await
                .is_err()
            {
                return;
            }
            tokio::time::sleep(EVENT_GAP).await;
            if dropping {
                let _ = tx
                    .send(Err(io::Error::other("injected fault: drop_stream")))
                    .await;
                return;
            }
        }
        let (j, c) = (job.clone(), canvas.clone());
        let Some(Ok(bytes)) = blocking(move || j.encode(&c)).await else {
            let _ = tx.send(Err(io::Error::other("encoding failed"))).await;
            return;
        };
        let mut data = serde_json::Map::new();
        data.insert("type".into(), json!(format!("{prefix}.completed")));
        data.extend(job.payload(&state, bytes));
        data.insert("created_at".into(), json!(job.created));
        data.insert("size".into(), json!(job.size_label()));
        data.insert("quality".into(), json!(job.req.quality));
        data.insert("background".into(), json!(job.req.background()));
        data.insert("output_format".into(), json!(job.req.format.name()));
        data.insert("usage".into(), job.usage(1, levels.len() as u32));
        if tx
            .send(Ok(event(
                &format!("{prefix}.completed"),
                &Value::Object(data),
            )))
            .await
            .is_err()
        {
            return;
        }
        if index + 1 < n {
            tokio::time::sleep(EVENT_GAP).await;
        }
    }
}
