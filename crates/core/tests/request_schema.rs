//! Every request body the app can build is valid against OpenAI's own `CreateImageRequest`
//! schema (../shared/spec/openai-openapi.json), with unknown fields rejected.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Value};
use studio_core::api::multipart::{edit_parts, encode};
use studio_core::api::request::{
    generation_body, Background, ImageParams, Moderation, OutputFormat, Quality,
};
use studio_core::api::upload::{EditUploads, Upload};
use studio_core::sizes::STABLE_PRESETS;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/spec/openai-openapi.json"
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

fn edit_validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        jsonschema::validator_for(&strict_schema("CreateImageEditRequest"))
            .expect("schema compiles")
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
    // The spec takes the 2.5 tiers (the models themselves decide who may use them).
    for quality in ["xhigh", "max"] {
        let body = json!({"model": "gpt-image-2.5-flare", "prompt": "x", "quality": quality,
                          "background": "transparent", "output_format": "webp"});
        assert!(errors(&body).is_empty(), "{body}");
    }
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
        "gpt-image-2.5-flare",
        "gpt-image-2.5-sunburst",
        "gpt-image-2.5-flare-2026-09-08",
        "gpt-image-2.5-sunburst-2026-09-08",
        "vendor/custom-model",
    ];
    let mut built = 0;
    let mut built_25 = 0;
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
                                        stream: n == 4,
                                        partial_images: (output_compression / 30).min(3),
                                        deliver_exact: None,
                                        backdrop: Default::default(),
                                    };
                                    let Ok(body) = generation_body(&params) else {
                                        // Only the documented refusals: transparent on gpt-image-2,
                                        // xhigh/max beyond the 2.5 models, and sizes beyond the
                                        // stable three on gpt-image-1.x.
                                        let gpt2 = model.starts_with("gpt-image-2")
                                            && !model.starts_with("gpt-image-2.5");
                                        let transparent =
                                            background == Background::Transparent && gpt2;
                                        let no_tier =
                                            matches!(quality, Quality::Xhigh | Quality::Max)
                                                && (gpt2 || model.contains("gpt-image-1"));
                                        let fixed_size =
                                            model.contains("gpt-image-1") && size.contains("2048");
                                        let jpeg_alpha = background == Background::Transparent
                                            && output_format == OutputFormat::Jpeg;
                                        assert!(
                                            transparent || fixed_size || jpeg_alpha || no_tier,
                                            "{params:?}"
                                        );
                                        continue;
                                    };
                                    let value = serde_json::to_value(&body).unwrap();
                                    let errs = errors(&value);
                                    assert!(errs.is_empty(), "{value}: {errs:?}");
                                    built += 1;
                                    built_25 += usize::from(model.starts_with("gpt-image-2.5"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(built > 12_000, "only {built} bodies were built");
    // Every 2.5 shape: xhigh and max, transparent with png and webp.
    assert!(
        built_25 > 8_000,
        "only {built_25} gpt-image-2.5 bodies were built"
    );
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

/// Reads a multipart body back the way a server does: `image[]` parts become one array,
/// text parts are typed by the schema (form values are strings on the wire), files become
/// strings (the spec's `format: binary`). Also returns each file part's filename and type.
fn parse_multipart(body: &[u8], boundary: &str) -> (Value, Vec<(String, String, String)>) {
    let text = String::from_utf8_lossy(body).into_owned();
    let mut object = serde_json::Map::new();
    let mut files = Vec::new();
    let delimiter = format!("--{boundary}");
    let sections: Vec<&str> = text.split(&delimiter).collect();
    assert_eq!(
        sections.first(),
        Some(&""),
        "the body starts with the boundary"
    );
    assert_eq!(
        sections.last(),
        Some(&"--\r\n"),
        "the body ends with the close delimiter"
    );
    for section in &sections[1..sections.len() - 1] {
        let section = section
            .strip_prefix("\r\n")
            .expect("CRLF after the boundary");
        let section = section
            .strip_suffix("\r\n")
            .expect("CRLF before the next boundary");
        let (head, value) = section.split_once("\r\n\r\n").expect("headers end");
        let name = head
            .split("name=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap();
        let filename = head
            .split("filename=\"")
            .nth(1)
            .and_then(|r| r.split('"').next());
        let value = match filename {
            Some(file) => {
                let content_type = head
                    .split("Content-Type: ")
                    .nth(1)
                    .unwrap_or("")
                    .to_string();
                files.push((name.to_string(), file.to_string(), content_type));
                Value::String("<binary>".into())
            }
            None => match name {
                "n" | "output_compression" | "partial_images" => {
                    json!(value.parse::<i64>().unwrap())
                }
                "stream" => json!(value.parse::<bool>().unwrap()),
                _ => Value::String(value.to_string()),
            },
        };
        if let Some(array_name) = name.strip_suffix("[]") {
            object
                .entry(array_name)
                .or_insert_with(|| json!([]))
                .as_array_mut()
                .unwrap()
                .push(value);
        } else {
            assert!(!object.contains_key(name), "{name} sent twice");
            object.insert(name.to_string(), value);
        }
    }
    (Value::Object(object), files)
}

fn upload(name: &str, mime: &str, width: u32, height: u32) -> Upload {
    Upload {
        file_name: name.into(),
        content_type: mime.into(),
        bytes: b"\x89PNG fake bytes \r\n--not-a-boundary".to_vec().into(),
        width,
        height,
    }
}

#[test]
fn every_edit_body_is_valid_multipart_for_the_edit_schema() {
    let mut checked = 0;
    for model in [
        "gpt-image-2",
        "gpt-image-2.5-flare",
        "gpt-image-2.5-sunburst-2026-09-08",
    ] {
        let native_alpha = model.starts_with("gpt-image-2.5");
        for references in [1usize, 3, 16] {
            for with_mask in [false, true] {
                for &quality in Quality::ALL {
                    for &output_format in OutputFormat::ALL {
                        for (stream, partial_images) in [(false, 0), (true, 0), (true, 3)] {
                            let transparent = native_alpha && output_format != OutputFormat::Jpeg;
                            let params = ImageParams {
                                model: model.into(),
                                prompt: "Put image 2's hat on the fox of image 1".into(),
                                size: "1536x1024".into(),
                                quality,
                                output_format,
                                output_compression: 70,
                                background: if transparent {
                                    Background::Transparent
                                } else {
                                    Background::Auto
                                },
                                moderation: Moderation::Low,
                                n: 2,
                                stream,
                                partial_images,
                                ..ImageParams::default()
                            };
                            let types = ["image/png", "image/jpeg", "image/webp"];
                            let uploads = EditUploads {
                                images: (0..references)
                                    .map(|i| {
                                        let t = types[i % 3];
                                        upload(&format!("ref-{}.{}", i + 1, &t[6..]), t, 1024, 768)
                                    })
                                    .collect(),
                                mask: with_mask.then(|| upload("mask.png", "image/png", 1024, 768)),
                            };
                            let parts = match edit_parts(&params, &uploads) {
                                Ok(parts) => parts,
                                Err(e) => {
                                    // gpt-image-2 takes no xhigh or max.
                                    assert!(
                                        !native_alpha
                                            && matches!(quality, Quality::Xhigh | Quality::Max),
                                        "{e}"
                                    );
                                    continue;
                                }
                            };
                            let (value, files) = parse_multipart(
                                &encode(&parts, "----gis7MA4YWxk"),
                                "----gis7MA4YWxk",
                            );
                            let errs: Vec<String> = edit_validator()
                                .iter_errors(&value)
                                .map(|e| format!("{} at {}", e, e.instance_path()))
                                .collect();
                            assert!(errs.is_empty(), "{value}: {errs:?}");
                            assert_eq!(value["image"].as_array().unwrap().len(), references);
                            assert_eq!(value.get("mask").is_some(), with_mask);
                            assert!(value.get("moderation").is_none());
                            assert_eq!(value.get("background").is_some(), transparent);
                            for (name, file, content_type) in &files {
                                let ext = file.rsplit('.').next().unwrap();
                                assert_eq!(
                                    &content_type[6..],
                                    ext,
                                    "{name}: {file} is {content_type}"
                                );
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    // gpt-image-2 with its 4 qualities, each 2.5 model with all 6.
    assert_eq!(checked, 3 * 2 * (4 + 6 + 6) * 3 * 3);
}

#[test]
fn the_edit_validator_really_rejects_bad_bodies() {
    let ok = json!({"prompt": "x", "image": ["<binary>"], "model": "gpt-image-2"});
    assert!(edit_validator().iter_errors(&ok).next().is_none());
    for bad in [
        json!({"prompt": "x", "image": ["<binary>"], "moderation": "low"}),
        json!({"prompt": "x", "image": ["<binary>"], "input_fidelity": null, "bogus": 1}),
        json!({"prompt": "x"}),
        json!({"prompt": "x", "image": vec!["<binary>"; 17]}),
    ] {
        assert!(
            edit_validator().iter_errors(&bad).next().is_some(),
            "should be rejected: {bad}"
        );
    }
}

proptest! {
    #[test]
    fn form_fields_are_the_json_body_as_text(
        n in 1u8..=10, stream in any::<bool>(), partial in 0u8..=3, compression in 0u8..=100,
        q in 0usize..4, f in 0usize..3,
    ) {
        let params = ImageParams {
            prompt: "a fox".into(), n, stream, partial_images: partial,
            output_compression: compression, quality: Quality::ALL[q],
            output_format: OutputFormat::ALL[f], ..ImageParams::default()
        };
        let body = generation_body(&params).unwrap();
        let json = serde_json::to_value(&body).unwrap();
        let fields = body.text_fields();
        prop_assert_eq!(fields.len(), json.as_object().unwrap().len());
        for (name, text) in fields {
            let expected = match &json[name] { Value::String(s) => s.clone(), v => v.to_string() };
            prop_assert_eq!(text, expected);
        }
    }
}
