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

async fn send(base: &str, path: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(format!("{base}{path}"))
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

async fn get(base: &str, path: &str) -> (u16, Value) {
    let r = reqwest::get(format!("{base}{path}")).await.unwrap();
    (
        r.status().as_u16(),
        serde_json::from_slice(&r.bytes().await.unwrap()).unwrap(),
    )
}

async fn fetch_image(url: &str) -> image::DynamicImage {
    let bytes = reqwest::get(url).await.unwrap().bytes().await.unwrap();
    image::load_from_memory(&bytes).unwrap()
}

#[tokio::test]
async fn sub2api_submits_at_async_paths_and_polls_images_tasks() {
    let base = start_in_task_mode(json!({"duration_ms": 300, "dialect": "sub2api"})).await;
    // Its synchronous path answers images, as a real sub2api does.
    let (status, sync) = post(
        &base,
        json!({"model": "gpt-image-2", "prompt": "x", "quality": "low"}),
    )
    .await;
    assert_eq!(status, 200);
    assert!(sync["data"].is_array(), "{sync}");
    let (status, task) = send(
        &base,
        "/v1/images/generations/async",
        json!({"model": "gpt-image-2", "prompt": "a fox", "size": "1024x1536"}),
    )
    .await;
    assert_eq!(status, 202);
    let id = task["task_id"].as_str().unwrap().to_string();
    assert!(id.starts_with("imgtask_"), "{id}");
    assert_eq!(
        (task["id"].as_str(), task["status"].as_str()),
        (Some(id.as_str()), Some("processing"))
    );
    let (_, mid) = get(&base, &format!("/v1/images/tasks/{id}")).await;
    assert_eq!(mid["status"], "processing");
    // Polled only where the dialect polls.
    assert_eq!(get(&base, &format!("/v1/tasks/{id}")).await.0, 404);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let (_, done) = get(&base, &format!("/v1/images/tasks/{id}")).await;
    assert_eq!(done["status"], "completed");
    let url = done["result"]["data"][0]["url"].as_str().unwrap();
    assert_eq!(done["image_url"], url);
    let img = fetch_image(url).await;
    assert_eq!((img.width(), img.height()), (1024, 1536));

    // Edits: multipart at /images/edits/async, with at least one image.
    let png = {
        let mut out = std::io::Cursor::new(Vec::new());
        image::RgbaImage::new(8, 8)
            .write_to(&mut out, image::ImageFormat::Png)
            .unwrap();
        out.into_inner()
    };
    let edit = |with_image: bool| {
        let boundary = "----tasksdialecttestboundary";
        let mut body = Vec::new();
        for (name, value) in [
            ("model", "gpt-image-2"),
            ("prompt", "edit it [task:fail]"),
            ("n", "1"),
        ] {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        }
        if with_image {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"image[]\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(&png);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        reqwest::Client::new()
            .post(format!("{base}/v1/images/edits/async"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
    };
    assert_eq!(edit(false).await.unwrap().status(), 400);
    let r = edit(true).await.unwrap();
    assert_eq!(r.status(), 202);
    let task: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    tokio::time::sleep(Duration::from_millis(350)).await;
    let (_, failed) = get(
        &base,
        &format!("/v1/images/tasks/{}", task["task_id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["error"]["code"], "content_policy_violation");
    assert!(failed["error"]["message"]
        .as_str()
        .unwrap()
        .contains("refused"));
}

#[tokio::test]
async fn apimart_answers_a_task_list_and_result_images() {
    let base = start_in_task_mode(json!({"duration_ms": 300, "dialect": "apimart"})).await;
    let (status, sub) = post(
        &base,
        json!({"model": "gpt-image-2", "prompt": "a fox", "size": "16:9", "resolution": "1K"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(sub["code"], 200);
    assert_eq!(sub["data"][0]["status"], "submitted");
    let id = sub["data"][0]["task_id"].as_str().unwrap().to_string();
    let (_, early) = get(&base, &format!("/v1/tasks/{id}")).await;
    assert_eq!(
        (early["code"].as_u64(), early["data"]["id"].as_str()),
        (Some(200), Some(id.as_str()))
    );
    assert_eq!(early["data"]["status"], "submitted");
    tokio::time::sleep(Duration::from_millis(350)).await;
    let (_, done) = get(&base, &format!("/v1/tasks/{id}")).await;
    assert_eq!(done["data"]["status"], "completed");
    let url = done["data"]["result"]["images"][0]["url"][0]
        .as_str()
        .unwrap();
    assert_eq!(fetch_image(url).await.width(), 1360);
    // The async path is not this dialect's.
    assert_eq!(
        send(
            &base,
            "/v1/images/generations/async",
            json!({"prompt": "x"})
        )
        .await
        .0,
        404
    );
}

#[tokio::test]
async fn toapis_polls_at_images_generations_with_result_data() {
    let base = start_in_task_mode(json!({"duration_ms": 600, "dialect": "toapis"})).await;
    let (status, sub) = post(&base, json!({"model": "gpt-image-2", "prompt": "a fox"})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (sub["object"].as_str(), sub["status"].as_str()),
        (Some("generation.task"), Some("queued"))
    );
    let id = sub["id"].as_str().unwrap().to_string();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, mid) = get(&base, &format!("/v1/images/generations/{id}")).await;
    assert_eq!(mid["status"], "in_progress");
    assert_eq!(get(&base, &format!("/v1/tasks/{id}")).await.0, 404);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let (_, done) = get(&base, &format!("/v1/images/generations/{id}")).await;
    assert_eq!(done["status"], "completed");
    let url = done["result"]["data"][0]["url"].as_str().unwrap();
    assert_eq!(fetch_image(url).await.width(), 1024);
}

#[tokio::test]
async fn the_custom_gateway_speaks_a_dialect_of_its_own() {
    let base = start_in_task_mode(json!({"duration_ms": 300, "dialect": "custom"})).await;
    let (status, sync) = post(
        &base,
        json!({"model": "gpt-image-2", "prompt": "x", "quality": "low"}),
    )
    .await;
    assert_eq!((status, sync["data"].is_array()), (200, true));
    let (status, sub) = send(
        &base,
        "/v1/custom/images",
        json!({"model": "m", "prompt": "x", "size": "1024x1024"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(sub["job"]["state"], "QUEUED");
    let id = sub["job"]["ref"].as_str().unwrap().to_string();
    tokio::time::sleep(Duration::from_millis(350)).await;
    let (_, done) = get(&base, &format!("/v1/custom/jobs/{id}")).await;
    assert_eq!(
        (done["job"]["state"].as_str(), done["job"]["pct"].as_u64()),
        (Some("SHIPPED"), Some(100))
    );
    assert!(done["job"]["outputs"][0]["href"]
        .as_str()
        .unwrap()
        .contains("/v1/__files/"));
    let (status, answer) = send(
        &base,
        "/v1/custom/images",
        json!({"model": "m", "prompt": ""}),
    )
    .await;
    assert_eq!(
        (status, answer["error"]["param"].as_str()),
        (400, Some("prompt"))
    );
    // An unknown dialect is refused with what is wrong.
    let r = reqwest::Client::new()
        .post(format!("{base}/__admin/task_mode"))
        .body(json!({"dialect": "klingon"}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}
