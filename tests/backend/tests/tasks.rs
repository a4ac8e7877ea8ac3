//! Task mode: submission answers a task, polls advance to completed (real images served) or
//! failed, the gateway body is checked by its own rules.

use std::time::Duration;

use local_backend::{spawn_api, Config};
use serde_json::{json, Value};

async fn start_in_task_mode(mode: Value) -> String {
    let addr = spawn_api(Config::default()).await.expect("bind");
    let base = format!("http://{addr}");
    let r = reqwest::Client::new()
        .post(format!("{base}/__admin/task_mode"))
        .header("content-type", "application/json")
        .body(mode.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    base
}

async fn post(base: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(format!("{base}/v1/images/generations"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    (
        r.status().as_u16(),
        serde_json::from_slice(&r.bytes().await.unwrap()).unwrap(),
    )
}

async fn poll(base: &str, id: &str) -> Value {
    let r = reqwest::Client::new()
        .get(format!("{base}/v1/tasks/{id}"))
        .send()
        .await
        .unwrap();
    serde_json::from_slice(&r.bytes().await.unwrap()).unwrap()
}

#[tokio::test]
async fn a_task_progresses_then_completes_with_real_images() {
    let base = start_in_task_mode(json!({"duration_ms": 600})).await;
    let (status, task) = post(
        &base,
        json!({"model": "gpt-image-2", "prompt": "a fox", "size": "16:9", "resolution": "1K"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(task["object"], "image.generation.task");
    assert_eq!(task["status"], "pending");
    assert_eq!(task["task_info"]["can_cancel"], true);
    let id = task["id"].as_str().unwrap().to_string();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mid = poll(&base, &id).await;
    assert_eq!(mid["status"], "processing");
    let p = mid["progress"].as_u64().unwrap();
    assert!((1..100).contains(&p), "{p}");
    tokio::time::sleep(Duration::from_millis(400)).await;
    let done = poll(&base, &id).await;
    assert_eq!(done["status"], "completed");
    let url = done["results"][0].as_str().unwrap();
    let r = reqwest::get(url).await.unwrap();
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let bytes = r.bytes().await.unwrap();
    let img = image::load_from_memory(&bytes).unwrap();
    // 16:9 at 1K.
    assert_eq!((img.width(), img.height()), (1360, 768));
    // The same links on every later poll.
    assert_eq!(poll(&base, &id).await["results"], done["results"]);
}

#[tokio::test]
async fn failures_and_non_cors_results_on_request() {
    let base = start_in_task_mode(json!({"duration_ms": 0})).await;
    let (_, task) = post(&base, json!({"model": "m", "prompt": "x [task:fail]"})).await;
    let failed = poll(&base, task["id"].as_str().unwrap()).await;
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["error"]["code"], "content_policy_violation");
    assert!(failed["error"]["message"]
        .as_str()
        .unwrap()
        .contains("refused"));

    let (_, task) = post(
        &base,
        json!({"model": "m", "prompt": "x [task:no-cors]", "size": "1024x1024"}),
    )
    .await;
    let done = poll(&base, task["id"].as_str().unwrap()).await;
    let r = reqwest::get(done["results"][0].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("access-control-allow-origin").is_none());

    let unknown = poll(&base, "task-nope").await;
    assert!(unknown["error"]["message"]
        .as_str()
        .unwrap()
        .contains("No task"));
}

#[tokio::test]
async fn the_gateway_body_is_checked_by_its_own_rules() {
    let base = start_in_task_mode(json!({})).await;
    let cases = [
        (json!({"model": "m", "prompt": ""}), "prompt"),
        (
            json!({"model": "m", "prompt": "x", "size": "16:9"}),
            "resolution",
        ),
        (
            json!({"model": "m", "prompt": "x", "size": "1024x1024", "resolution": "2K"}),
            "resolution",
        ),
        (
            json!({"model": "m", "prompt": "x", "image_urls": ["file:///a.png"]}),
            "image_urls",
        ),
        (
            json!({"model": "m", "prompt": "x", "mask_url": "https://a/m.png"}),
            "mask_url",
        ),
        (
            json!({"model": "m", "prompt": "x", "stream": true}),
            "stream",
        ),
    ];
    for (body, param) in cases {
        let (status, answer) = post(&base, body.clone()).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(answer["error"]["param"], param, "{body}");
    }
    let (status, _) = post(
        &base,
        json!({"model": "m", "prompt": "x", "image_urls": ["https://a/1.png"], "mask_url": "https://a/m.png"}),
    )
    .await;
    assert_eq!(status, 200);
    // Off again: images as usual.
    reqwest::Client::new()
        .delete(format!("{base}/__admin/task_mode"))
        .send()
        .await
        .unwrap();
    let (status, answer) = post(
        &base,
        json!({"model": "gpt-image-2", "prompt": "x", "quality": "low"}),
    )
    .await;
    assert_eq!(status, 200);
    assert!(answer["data"].is_array());
}
