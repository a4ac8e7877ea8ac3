//! Every conversation turn body the core builds is valid against OpenAI's own `CreateResponse`
//! schema (../shared/spec/openai-openapi.json), with the image tool (`ImageGenTool`) and the
//! `input_image_mask` closed to unknown fields.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Value};
use studio_core::api::request::{Background, ImageParams, Moderation, OutputFormat, Quality};
use studio_core::conversation::responses_request::{responses_body, Action, Chain, TurnRequest};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/spec/openai-openapi.json"
);

const PNG_URL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = std::fs::read_to_string(SPEC)
            .unwrap_or_else(|e| panic!("the OpenAPI spec must be at {SPEC}: {e}"));
        let mut spec: Value = serde_json::from_str(&text).expect("spec is JSON");
        let schemas = spec["components"]["schemas"]
            .as_object_mut()
            .expect("components.schemas");
        // A tagged union whose variants overlap (a user `message` is both an EasyInputMessage
        // and an InputMessage) can never pass a strict `oneOf`; the spec means "one of these
        // shapes" (Steady reads it so), hence `anyOf` for every union with a discriminator.
        for schema in schemas.values_mut() {
            if schema.get("discriminator").is_some() {
                if let Some(variants) = schema.as_object_mut().and_then(|o| o.remove("oneOf")) {
                    schema["anyOf"] = variants;
                }
            }
        }
        // CreateResponse is an allOf (closing it would refuse its own parts); the tool is a
        // plain object and is closed, so a misspelt tool field fails here.
        schemas.get_mut("ImageGenTool").expect("ImageGenTool")["additionalProperties"] =
            json!(false);
        let schema = json!({
            "$ref": "#/components/schemas/CreateResponse",
            "components": { "schemas": spec["components"]["schemas"].clone() },
        });
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

fn errors(body: &Value) -> Vec<String> {
    validator()
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn tool_body(tool: Value) -> Value {
    json!({"model": "gpt-5.4", "input": "x", "tools": [tool]})
}

#[test]
fn the_validator_really_rejects_bad_bodies() {
    assert!(errors(&tool_body(json!({"type": "image_generation"}))).is_empty());
    for bad in [
        json!({"type": "image_generation", "quality": "ultra"}),
        json!({"type": "image_generation", "action": "paint"}),
        json!({"type": "image_generation", "partial_images": 4}),
        json!({"type": "image_generation", "n": 2}),
        json!({"type": "image_generation", "input_image_mask": {"url": "x"}}),
    ] {
        assert!(!errors(&tool_body(bad.clone())).is_empty(), "{bad}");
    }
    // The guide's bare image call item lacks the spec's required status and result.
    let bare = json!({"model": "gpt-5.4", "tools": [{"type": "image_generation"}],
        "input": [{"type": "image_generation_call", "id": "ig_1"}]});
    assert!(!errors(&bare).is_empty());
}

#[test]
fn every_turn_shape_builds_a_valid_body() {
    let mut built = 0;
    for model in [
        "gpt-image-2",
        "gpt-image-2.5-flare",
        "gpt-image-2.5-sunburst-2026-09-08",
    ] {
        for &quality in Quality::ALL {
            for &output_format in OutputFormat::ALL {
                for &background in Background::ALL {
                    for chain in [
                        None,
                        Some(Chain::PreviousResponse("resp_1".into())),
                        Some(Chain::ImageCall("ig_1".into())),
                    ] {
                        for (refs, mask, action) in [
                            (0, false, Action::Generate),
                            (1, false, Action::Auto),
                            (2, true, Action::Edit),
                        ] {
                            let turn = TurnRequest {
                                references: vec![PNG_URL.to_string(); refs],
                                mask: mask.then(|| PNG_URL.to_string()),
                                action,
                                chain: chain.clone(),
                                force_tool: refs != 1,
                                ..TurnRequest::new(ImageParams {
                                    model: model.into(),
                                    prompt: "A red fox".into(),
                                    size: "1536x864".into(),
                                    quality,
                                    output_format,
                                    output_compression: 70,
                                    background,
                                    moderation: Moderation::Low,
                                    stream: refs == 2,
                                    partial_images: 2,
                                    ..ImageParams::default()
                                })
                            };
                            let Ok(body) = responses_body(&turn) else {
                                continue;
                            };
                            let value = serde_json::to_value(&body).unwrap();
                            let errs = errors(&value);
                            assert!(errs.is_empty(), "{value}: {errs:?}");
                            built += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(built > 300, "only {built} bodies were built");
}

proptest! {
    #[test]
    fn any_prompt_and_size_that_builds_is_valid(
        prompt in "\\PC{1,200}",
        w in 1u32..=240,
        h in 1u32..=240,
        compression in 0u8..=100,
        partials in 0u8..=3,
    ) {
        let turn = TurnRequest::new(ImageParams {
            prompt,
            size: format!("{}x{}", w * 16, h * 16),
            output_format: OutputFormat::Jpeg,
            output_compression: compression,
            stream: true,
            partial_images: partials,
            ..ImageParams::default()
        });
        if let Ok(body) = responses_body(&turn) {
            let value = serde_json::to_value(&body).unwrap();
            let errs = errors(&value);
            prop_assert!(errs.is_empty(), "{}: {:?}", value, errs);
        }
    }
}
