//! Browser glue in headless Chromium (wasm-bindgen-test). The HTTP client runs against the
//! local backend, whose API URL the test command passes at compile time in
//! `LOCAL_BACKEND_URL` (e.g. `http://127.0.0.1:8787/v1`).
#![cfg(target_arch = "wasm32")]

use gpt_image_studio::web::download::data_url_bytes;
use gpt_image_studio::web::http::ImagesClient;
use gpt_image_studio::web::storage::{read, write, StorageKind};
use studio_core::api::error::ApiError;
use studio_core::api::request::{generation_body, ImageParams, OutputFormat, Quality};
use studio_core::api::response::ImageSource;
use studio_core::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

fn backend() -> &'static str {
    // Read at compile time: a test in the browser has no environment. The test command sets it.
    match option_env!("LOCAL_BACKEND_URL") {
        Some(url) => url,
        None => {
            panic!("set LOCAL_BACKEND_URL to the local backend's API URL when building these tests")
        }
    }
}

fn admin(path: &str) -> String {
    format!("{}/__admin/{path}", backend().trim_end_matches("/v1"))
}

async fn post_admin(path: &str, json: &str) {
    let resp = gloo_net::http::Request::post(&admin(path))
        .header("Content-Type", "application/json")
        .body(json.to_string())
        .unwrap()
        .send()
        .await
        .expect("admin API reachable");
    assert!(resp.ok(), "admin {path} answered {}", resp.status());
}

fn params(prompt: &str) -> ImageParams {
    ImageParams {
        prompt: prompt.into(),
        quality: Quality::Low,
        ..ImageParams::default()
    }
}

async fn generate(
    base: &str,
    p: &ImageParams,
    timeout_secs: u64,
) -> Result<gpt_image_studio::web::http::Generated, ApiError> {
    let body = generation_body(p).unwrap();
    let controller = AbortController::new().unwrap();
    ImagesClient::new(base, "sk-test")
        .generate(
            &body,
            p.output_format.mime(),
            timeout_secs,
            &controller,
            Lang::En,
        )
        .await
}

/// Lets effects and the renderer run: Leptos applies signal changes asynchronously.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Loads a data: URL into an <img> and returns its natural size.
async fn decoded_size(src: &str) -> (u32, u32) {
    let img = web_sys::HtmlImageElement::new().unwrap();
    img.set_src(src);
    JsFuture::from(img.decode())
        .await
        .expect("the browser decodes the image");
    (img.natural_width(), img.natural_height())
}

#[wasm_bindgen_test]
async fn generates_a_real_image_of_the_requested_size_and_format() {
    let p = ImageParams {
        size: "1536x1024".into(),
        output_format: OutputFormat::Jpeg,
        output_compression: 70,
        ..params("glue: a lighthouse")
    };
    let g = generate(backend(), &p, 60)
        .await
        .expect("generation succeeds");
    assert_eq!(g.answer.images.len(), 1);
    let image = &g.answer.images[0];
    assert_eq!(image.mime, "image/jpeg");
    let ImageSource::DataUrl(url) = &image.source else {
        panic!("expected base64")
    };
    assert!(url.starts_with("data:image/jpeg;base64,"));
    assert_eq!(decoded_size(url).await, (1536, 1024));
    assert!(
        g.request_id
            .as_deref()
            .is_some_and(|id| id.starts_with("req_")),
        "x-request-id is exposed: {:?}",
        g.request_id
    );
    assert!(data_url_bytes(url)
        .unwrap()
        .starts_with(&[0xff, 0xd8, 0xff]));
}

#[wasm_bindgen_test]
async fn server_errors_become_actionable_variants() {
    post_admin("faults", r#"{"match":"glue-400","status":400,"body":"{\"error\":{\"message\":\"Invalid size\",\"type\":\"invalid_request_error\",\"param\":\"size\",\"code\":\"invalid_value\"}}"}"#).await;
    let e = generate(backend(), &params("glue-400"), 30)
        .await
        .unwrap_err();
    assert_eq!(
        e,
        ApiError::BadRequest {
            message: "Invalid size".into(),
            param: Some("size".into())
        }
    );

    post_admin("faults", r#"{"match":"glue-html","variant":"html_502"}"#).await;
    let e = generate(backend(), &params("glue-html"), 30)
        .await
        .unwrap_err();
    assert_eq!(
        e,
        ApiError::HtmlPage {
            status: 502,
            title: "502 Bad Gateway".into()
        }
    );

    post_admin(
        "faults",
        r#"{"match":"glue-429","status":429,"headers":{"retry-after":"3"}}"#,
    )
    .await;
    let e = generate(backend(), &params("glue-429"), 30)
        .await
        .unwrap_err();
    assert!(matches!(e, ApiError::RateLimited { .. }), "{e:?}");
}

#[wasm_bindgen_test]
async fn an_unreachable_endpoint_is_told_apart_from_a_broken_connection() {
    // Port 9 (discard) on loopback: nothing listens there, so nothing can have been sent.
    let e = generate("http://127.0.0.1:9/v1", &params("glue: nowhere"), 30)
        .await
        .unwrap_err();
    assert!(
        matches!(&e, ApiError::Unreachable { base_url, .. } if base_url == "http://127.0.0.1:9/v1"),
        "{e:?}"
    );
    assert!(e.to_string().contains("nothing was sent or billed"), "{e}");
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out_and_says_it_may_bill() {
    post_admin("faults", r#"{"match":"glue-slow","delay_ms":5000}"#).await;
    let e = generate(backend(), &params("glue-slow"), 1)
        .await
        .unwrap_err();
    assert_eq!(e, ApiError::Timeout { secs: 1 });
}

#[wasm_bindgen_test]
async fn cancelling_aborts_the_request() {
    post_admin("faults", r#"{"match":"glue-cancel","delay_ms":5000}"#).await;
    let body = generation_body(&params("glue-cancel")).unwrap();
    let controller = AbortController::new().unwrap();
    let abort = controller.clone();
    leptos::prelude::set_timeout(move || abort.abort(), std::time::Duration::from_millis(200));
    let e = ImagesClient::new(backend(), "")
        .generate(&body, "image/png", 30, &controller, Lang::En)
        .await
        .unwrap_err();
    assert_eq!(e, ApiError::Cancelled);
}

#[wasm_bindgen_test]
fn storage_round_trips_and_empty_removes() {
    write(StorageKind::Session, "gis.test", "value").unwrap();
    assert_eq!(
        read(StorageKind::Session, "gis.test").as_deref(),
        Some("value")
    );
    write(StorageKind::Session, "gis.test", "").unwrap();
    assert_eq!(read(StorageKind::Session, "gis.test"), None);
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_its_test_hooks() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), gpt_image_studio::App);
    for id in [
        "base-url",
        "api-key",
        "model",
        "prompt",
        "quality",
        "output-format",
        "background",
        "moderation",
        "n",
        "generate",
        "size-resolved",
    ] {
        assert!(
            host.query_selector(&format!("[data-testid='{id}']"))
                .unwrap()
                .is_some(),
            "missing {id}"
        );
    }
    // Compression is offered only for lossy formats.
    assert!(host
        .query_selector("[data-testid='output-compression']")
        .unwrap()
        .is_none());
    let select: web_sys::HtmlSelectElement = host
        .query_selector("[data-testid='output-format']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("jpeg");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    next_tick().await;
    assert!(host
        .query_selector("[data-testid='output-compression']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn a_bad_data_url_is_said_in_both_languages() {
    let e = data_url_bytes("data:image/png;base64,@@@").unwrap_err();
    assert!(e
        .message(Lang::En)
        .starts_with("the image data is not valid base64: "));
    assert!(e
        .message(Lang::ZhCn)
        .starts_with("图片数据不是有效的 base64："));
    let e = data_url_bytes("https://example.com/a.png").unwrap_err();
    assert_eq!(e.message(Lang::ZhCn), "不是 base64 data: URL");
}
