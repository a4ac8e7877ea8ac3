//! What the studio's "Test this endpoint" relies on: preflights of both image endpoints, the
//! `OPTIONS` request that follows them, `GET /v1/models` in OpenAI's shape, and key mode.

use local_backend::{spawn_api, Config};
use serde_json::{json, Value};

async fn start() -> String {
    let addr = spawn_api(Config::default()).await.expect("bind");
    format!("http://{addr}")
}

async fn body_json(resp: reqwest::Response) -> Value {
    serde_json::from_slice(&resp.bytes().await.unwrap()).expect("JSON")
}

fn spec() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/spec/openai-openapi.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the spec")).expect("JSON")
}

/// Checks `value` against the spec's schema `name`: required fields, their JSON types, and
/// enums (enough for the flat schemas of the model list).
fn check_schema(spec: &Value, name: &str, value: &Value) -> Vec<String> {
    let schema = &spec["components"]["schemas"][name];
    let mut problems = Vec::new();
    for field in schema["required"].as_array().expect("required") {
        let field = field.as_str().unwrap();
        if value.get(field).is_none() {
            problems.push(format!("{name}.{field} missing"));
        }
    }
    for (field, rule) in schema["properties"].as_object().expect("properties") {
        let Some(v) = value.get(field) else { continue };
        if let Some(target) = rule["items"]["$ref"].as_str() {
            let item = target.rsplit('/').next().unwrap();
            for element in v.as_array().expect("an array") {
                problems.extend(check_schema(spec, item, element));
            }
            continue;
        }
        let ok = match rule["type"].as_str() {
            Some("string") => v.is_string(),
            Some("integer") => v.is_i64() || v.is_u64(),
            Some("array") => v.is_array(),
            _ => true,
        };
        if !ok {
            problems.push(format!("{name}.{field} has the wrong type: {v}"));
        }
        if let Some(allowed) = rule["enum"].as_array() {
            if !allowed.contains(v) {
                problems.push(format!("{name}.{field} = {v} is not one of {allowed:?}"));
            }
        }
    }
    problems
}

#[tokio::test]
async fn the_model_list_has_openais_shape() {
    let base = start().await;
    let resp = reqwest::Client::new()
        .get(format!("{base}/v1/models"))
        .header("authorization", "Bearer sk-any")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["access-control-allow-origin"]
            .to_str()
            .unwrap(),
        "*"
    );
    let list = body_json(resp).await;
    let problems = check_schema(&spec(), "ListModelsResponse", &list);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(!list["data"].as_array().unwrap().is_empty());
    // The checker itself sees a wrong shape.
    let wrong = json!({"object": "models", "data": [{"id": 1, "object": "model"}]});
    // The list's object, the id's type, and two missing fields.
    assert_eq!(check_schema(&spec(), "ListModelsResponse", &wrong).len(), 4);
}

#[tokio::test]
async fn both_image_endpoints_pass_the_preflight_and_its_options_request() {
    let base = start().await;
    let client = reqwest::Client::new();
    for path in ["images/generations", "images/edits"] {
        let pre = client
            .request(reqwest::Method::OPTIONS, format!("{base}/v1/{path}"))
            .header("origin", "http://127.0.0.1:8788")
            .header("access-control-request-method", "OPTIONS")
            .header(
                "access-control-request-headers",
                "authorization,content-type",
            )
            .send()
            .await
            .unwrap();
        assert_eq!(pre.status(), 204, "{path}");
        let h = pre.headers();
        assert_eq!(h["access-control-allow-origin"], "*");
        assert!(h["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("OPTIONS"));
        // The request the preflight let through: answered, readable, and nothing generated.
        let after = client
            .request(reqwest::Method::OPTIONS, format!("{base}/v1/{path}"))
            .header("origin", "http://127.0.0.1:8788")
            .header("authorization", "Bearer sk-any")
            .header("content-type", "application/json")
            .send()
            .await
            .unwrap();
        assert!(after.status().is_success(), "{path}: {}", after.status());
        assert_eq!(after.headers()["access-control-allow-origin"], "*");
    }
    let log = body_json(
        client
            .get(format!("{base}/__admin/requests"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(log, json!([]), "no image request was made");
}

#[tokio::test]
async fn key_mode_refuses_other_keys_as_openai_does() {
    let base = start().await;
    let client = reqwest::Client::new();
    let models = |key: Option<&str>| {
        let mut rb = client
            .get(format!("{base}/v1/models"))
            .header("origin", "http://127.0.0.1:8788");
        if let Some(k) = key {
            rb = rb.header("authorization", format!("Bearer {k}"));
        }
        rb.send()
    };
    assert_eq!(models(Some("sk-whatever")).await.unwrap().status(), 200);
    let set = client
        .post(format!("{base}/__admin/keys"))
        .header("content-type", "application/json")
        .body(json!({"accept": ["sk-good-123456"]}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), 200);
    assert_eq!(models(Some("sk-good-123456")).await.unwrap().status(), 200);

    let bad = models(Some("sk-bad-987654")).await.unwrap();
    assert_eq!(bad.status(), 401);
    assert_eq!(bad.headers()["access-control-allow-origin"], "*");
    let e = body_json(bad).await;
    assert_eq!(e["error"]["code"], "invalid_api_key");
    assert_eq!(e["error"]["type"], "invalid_request_error");
    let message = e["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("Incorrect API key provided: sk-***7654"),
        "{message}"
    );
    assert!(!message.contains("bad-98"), "the key is not echoed whole");

    let none = models(None).await.unwrap();
    assert_eq!(none.status(), 401);
    let e = body_json(none).await;
    assert_eq!(e["error"]["code"], Value::Null);

    // Image requests too; preflights and served files never carry a key.
    let gen = client
        .post(format!("{base}/v1/images/generations"))
        .header("authorization", "Bearer sk-bad-987654")
        .header("content-type", "application/json")
        .body(json!({"model": "gpt-image-2", "prompt": "x"}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(gen.status(), 401);
    let pre = client
        .request(
            reqwest::Method::OPTIONS,
            format!("{base}/v1/images/generations"),
        )
        .header("origin", "http://127.0.0.1:8788")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(pre.status(), 204);
    let file = client
        .get(format!("{base}/v1/__files/none.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 404, "not 401: links carry no key");

    let clear = client
        .delete(format!("{base}/__admin/keys"))
        .send()
        .await
        .unwrap();
    assert_eq!(clear.status(), 200);
    assert_eq!(models(None).await.unwrap().status(), 200);
}
