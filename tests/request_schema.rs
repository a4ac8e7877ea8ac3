//! Every request body the app can build is valid against OpenAI's own `CreateImageRequest`
//! schema (../shared/spec/openai-openapi.json), with unknown fields rejected.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use gpt_image_studio::api::request::{
    generation_body, Background, ImageParams, Moderation, OutputFormat, Quality,
};
use gpt_image_studio::sizes::STABLE_PRESETS;
use proptest::prelude::*;
use serde_json::{json, Value};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/spec/openai-openapi.json"
);

/// The schema of `name` with every component it references, closed to unknown fields.
fn strict_schema(name: &str) -> Value {
    let text = std::fs::read_to_string(SPEC).unwrap_or_else(|e| {
        panic!("the OpenAPI spec must be at {SPEC} (../shared beside the repo): {e}")
    });
    let mut spec: Value = serde_json::from_str(&text).expect("spec is JSON");
    let schemas = spec["components"]["schemas"]
        .as_object_mut()
        .expect("components.schemas");
    let target = schemas
        .get_mut(name)
        .unwrap_or_else(|| panic!("{name} in the spec"));
    target["additionalProperties"] = json!(false);
    json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": { "schemas": spec["components"]["schemas"].clone() },
    })
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        jsonschema::validator_for(&strict_schema("CreateImageRequest")).expect("schema compiles")
    })
}

fn errors(body: &Value) -> Vec<String> {
    validator()
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_validator_really_rejects_bad_bodies() {
    assert!(errors(&json!({"model": "gpt-image-2", "prompt": "x"})).is_empty());
    for bad in [
        json!({"model": "gpt-image-2", "prompt": "x", "n": null}),
        json!({"model": "gpt-image-2", "prompt": "x", "bogus": 1}),
        json!({"model": "gpt-image-2", "prompt": "x", "quality": "ultra"}),
        json!({"model": "gpt-image-2", "prompt": "x", "n": "2"}),
        json!({"model": "gpt-image-2"}),
    ] {
        assert!(!errors(&bad).is_empty(), "should be rejected: {bad}");
    }
}

#[test]
fn every_form_combination_builds_a_valid_body() {
    let models = [
        "gpt-image-2",
        "gpt-image-2-2026-04-21",
        "gpt-image-1.5",
        "gpt-image-1",
        "gpt-image-1-mini",
        "vendor/custom-model",
    ];
    let mut built = 0;
    for model in models {
        for size in STABLE_PRESETS
            .iter()
            .map(|p| p.value)
            .chain(["2048x1152", " 1536 × 1024 "])
        {
            for &quality in Quality::ALL {
                for &output_format in OutputFormat::ALL {
                    for output_compression in [0, 55, 100] {
                        for &background in Background::ALL {
                            for &moderation in Moderation::ALL {
                                for n in [1, 4, 10] {
                                    let params = ImageParams {
                                        model: model.into(),
                                        prompt: "A red fox in the snow".into(),
                                        size: size.into(),
                                        quality,
                                        output_format,
                                        output_compression,
                                        background,
                                        moderation,
                                        n,
                                        deliver_exact: None,
                                    };
                                    let Ok(body) = generation_body(&params) else {
                                        // Only the documented refusals: transparent on gpt-image-2,
                                        // and sizes beyond the stable three on gpt-image-1.x.
                                        let transparent = background == Background::Transparent
                                            && !model.contains("gpt-image-1");
                                        let fixed_size =
                                            model.contains("gpt-image-1") && size.contains("2048");
                                        assert!(transparent || fixed_size, "{params:?}");
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
        }
    }
    assert!(built > 12_000, "only {built} bodies were built");
}

proptest! {
    #[test]
    fn any_prompt_and_numbers_give_a_valid_body_or_a_reason(
        prompt in "\\PC{0,300}",
        n in 0u8..=12,
        compression in 0u8..=120,
        width in 1u32..5000,
        height in 1u32..5000,
        format in 0usize..3,
    ) {
        let params = ImageParams {
            prompt,
            n,
            output_compression: compression,
            size: format!("{width}x{height}"),
            output_format: OutputFormat::ALL[format],
            ..ImageParams::default()
        };
        match generation_body(&params) {
            Ok(body) => {
                let value = serde_json::to_value(&body).unwrap();
                let errs = errors(&value);
                prop_assert!(errs.is_empty(), "{}: {:?}", value, errs);
                prop_assert!(!value.to_string().contains("null"));
            }
            Err(why) => prop_assert!(!why.to_string().is_empty()),
        }
    }
}
