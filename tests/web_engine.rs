//! The request engine's browser glue against the local backend (which validates through
//! Steady when the test command starts it so): multipart edits built as `FormData`, and
//! streamed answers read chunk by chunk. `LOCAL_BACKEND_URL` is set at compile time.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gpt_image_studio::web::download::data_url_bytes;
use gpt_image_studio::web::http::{ImagesClient, Outgoing, Payload};
use serde_json::Value;
use studio_core::api::multipart::edit_parts;
use studio_core::api::request::{generation_body, ImageParams, Quality};
use studio_core::api::upload::{EditUploads, Upload};
use studio_core::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

fn backend() -> &'static str {
    match option_env!("LOCAL_BACKEND_URL") {
        Some(url) => url,
        None => panic!("set LOCAL_BACKEND_URL to the local backend's API URL"),
    }
}

async fn logged_request(prompt: &str) -> Value {
    let url = format!("{}/__admin/requests", backend().trim_end_matches("/v1"));
    let log: Value = gloo_net::http::Request::get(&url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    log.as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|r| r.to_string().contains(prompt))
        .cloned()
        .unwrap_or_else(|| panic!("no request with {prompt} in {log}"))
}

/// A real PNG drawn on a canvas; `hole` clears a square to alpha 0 (a mask).
fn png(width: u32, height: u32, hole: bool) -> Upload {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.set_fill_style_str("#3a7");
    ctx.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    if hole {
        ctx.clear_rect(8.0, 8.0, 16.0, 16.0);
    }
    let bytes = data_url_bytes(&canvas.to_data_url_with_type("image/png").unwrap()).unwrap();
    Upload {
        file_name: if hole { "mask.png" } else { "ref.png" }.into(),
        content_type: "image/png".into(),
        bytes: bytes.into(),
        width,
        height,
    }
}

#[wasm_bindgen_test]
async fn an_edit_goes_as_multipart_with_every_reference_and_the_mask() {
    let prompt = "engine glue: edit three references";
    let params = ImageParams {
        prompt: prompt.into(),
        quality: Quality::Low,
        n: 2,
        ..ImageParams::default()
    };
    let uploads = EditUploads {
        images: vec![png(64, 64, false), png(48, 32, false), png(32, 48, false)],
        mask: Some(png(64, 64, true)),
    };
    let outgoing = Outgoing {
        payload: Payload::Edit(edit_parts(&params, &uploads).unwrap()),
        requested_mime: "image/png",
    };
    let controller = AbortController::new().unwrap();
    let generated = ImagesClient::new(backend(), "sk-test")
        .send(&outgoing, 60, &controller, &|_, _| {}, Lang::En)
        .await
        .expect("the edit succeeds");
    assert_eq!(generated.answer.images.len(), 2);

    let logged = logged_request(prompt).await;
    assert!(logged["path"].as_str().unwrap().ends_with("/images/edits"));
    assert!(logged["content_type"]
        .as_str()
        .unwrap()
        .starts_with("multipart/form-data; boundary="));
    // The test command starts the backend with Steady validating (OpenAI's spec).
    assert_eq!(
        logged["steady"]["status"], 200,
        "Steady accepts the edit: {logged}"
    );
    let parts = logged["parts"].as_array().unwrap();
    let names: Vec<&str> = parts.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["model", "prompt", "n", "quality", "image[]", "image[]", "image[]", "mask"]
    );
    let widths: Vec<u64> = parts[4..7]
        .iter()
        .map(|p| p["width"].as_u64().unwrap())
        .collect();
    assert_eq!(widths, [64, 48, 32], "references keep their order");
    assert_eq!(parts[7]["has_alpha"], true);
    assert_eq!(parts[4]["filename"], "ref.png");
    assert_eq!(parts[4]["content_type"], "image/png");
}

#[wasm_bindgen_test]
async fn a_stream_delivers_partials_then_the_final_image() {
    let params = ImageParams {
        prompt: "engine glue: streamed".into(),
        quality: Quality::Low,
        stream: true,
        partial_images: 2,
        ..ImageParams::default()
    };
    let outgoing = Outgoing {
        payload: Payload::Generation(generation_body(&params).unwrap()),
        requested_mime: "image/png",
    };
    let seen = Rc::new(RefCell::new(Vec::new()));
    let record = seen.clone();
    let controller = AbortController::new().unwrap();
    let generated = ImagesClient::new(backend(), "")
        .send(
            &outgoing,
            60,
            &controller,
            &move |index, _| record.borrow_mut().push(index),
            Lang::En,
        )
        .await
        .expect("the stream completes");
    assert_eq!(*seen.borrow(), vec![0, 1]);
    assert_eq!(generated.answer.images.len(), 1);
    assert!(generated
        .answer
        .usage
        .as_ref()
        .and_then(|u| u.total_tokens)
        .is_some());
}

/// Every gpt-image-2.5 request shape the form can produce (each quality tier, background
/// incl. the browser cut-out, format; generations and edits) is built by the app's own body
/// builders, sent, and accepted by Steady (OpenAI's spec).
#[wasm_bindgen_test]
async fn every_gpt_image_25_shape_passes_the_spec() {
    use studio_core::api::request::{Background, OutputFormat};
    let client = ImagesClient::new(backend(), "sk-test");
    let reference = png(32, 32, false);
    let mut sent = 0;
    for (i, (model, edit)) in [
        ("gpt-image-2.5-flare", false),
        ("gpt-image-2.5-sunburst-2026-09-08", true),
    ]
    .into_iter()
    .enumerate()
    {
        for &quality in Quality::ALL {
            for &background in Background::ALL {
                for &output_format in OutputFormat::ALL {
                    let prompt = format!("shape {i} {quality:?} {background:?} {output_format:?}");
                    let params = ImageParams {
                        model: model.into(),
                        prompt: prompt.clone(),
                        quality,
                        background,
                        output_format,
                        output_compression: 80,
                        ..ImageParams::default()
                    };
                    let payload = if edit {
                        let uploads = EditUploads {
                            images: vec![reference.clone()],
                            mask: None,
                        };
                        match edit_parts(&params, &uploads) {
                            Ok(parts) => Payload::Edit(parts),
                            Err(_) => continue,
                        }
                    } else {
                        match generation_body(&params) {
                            Ok(body) => Payload::Generation(body),
                            // Transparent with JPEG: the form never offers it.
                            Err(_) => continue,
                        }
                    };
                    let outgoing = Outgoing {
                        payload,
                        requested_mime: params.format_sent().mime(),
                    };
                    let controller = AbortController::new().unwrap();
                    client
                        .send(&outgoing, 60, &controller, &|_, _| {}, Lang::En)
                        .await
                        .unwrap_or_else(|e| panic!("{prompt}: {e}"));
                    let logged = logged_request(&prompt).await;
                    assert_eq!(
                        logged["steady"]["status"], 200,
                        "Steady accepts {prompt}: {logged}"
                    );
                    sent += 1;
                }
            }
        }
    }
    // 6 qualities x (3 formats x 3 backgrounds + 2 transparent with PNG/WebP), twice.
    assert_eq!(sent, 2 * 6 * (3 * 3 + 2));
}
