//! The edit request (`POST {base}/images/edits`) as multipart parts: the same scalar fields as
//! a generation, as text, then one `image[]` part per reference in upload order (or `image`,
//! for gateways whose form parser wants that), then `mask`.
//!
//! The browser turns these parts into `FormData` and sets the boundary itself; [`encode`] is
//! the same body as bytes, used to check it against the spec in tests.

use super::request::{generation_body_for, ImageParams, ParamError};
use super::upload::{EditUploads, Upload};
use crate::i18n::{text::requests, Lang};
use crate::tr;

pub use super::wire::MAX_REFERENCES;

#[derive(Clone, Debug, PartialEq)]
pub enum PartValue {
    Text(String),
    File(Upload),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub name: String,
    pub value: PartValue,
}

/// Whether these edit parts ask for a stream of events.
pub fn streams(parts: &[Part]) -> bool {
    parts
        .iter()
        .any(|p| p.name == "stream" && p.value == PartValue::Text("true".into()))
}

/// The same edit, answered in one piece: without `stream` and `partial_images`.
pub fn without_stream(parts: &[Part]) -> Vec<Part> {
    parts
        .iter()
        .filter(|p| p.name != "stream" && p.name != "partial_images")
        .cloned()
        .collect()
}

/// Why an edit cannot be sent as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    Params(ParamError),
    NoReferences,
    TooManyReferences(usize),
    /// More references than this (known) model takes: dall-e-2 one, dall-e-3 none.
    TooManyForModel {
        model: String,
        count: usize,
        max: usize,
    },
    MaskNotPng,
    MaskSize {
        mask: (u32, u32),
        image: (u32, u32),
    },
}

impl From<ParamError> for EditError {
    fn from(e: ParamError) -> Self {
        EditError::Params(e)
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl EditError {
    /// What to change, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EditError::Params(e) => e.message(lang),
            EditError::NoReferences => tr!(lang, requests::NO_REFERENCES).to_string(),
            EditError::TooManyReferences(n) => tr!(
                lang,
                requests::TOO_MANY_REFERENCES,
                n = n,
                max = MAX_REFERENCES,
                over = n - MAX_REFERENCES
            ),
            EditError::TooManyForModel { model, count, max } => match max {
                0 => tr!(lang, requests::MODEL_TAKES_NO_REFERENCES, model = model),
                _ => tr!(
                    lang,
                    requests::TOO_MANY_REFERENCES_FOR_MODEL,
                    count = count,
                    model = model,
                    max = max,
                    over = count - max
                ),
            },
            EditError::MaskNotPng => tr!(lang, requests::MASK_NOT_PNG).to_string(),
            EditError::MaskSize { mask, image } => tr!(
                lang,
                requests::MASK_SIZE,
                mask_w = mask.0,
                mask_h = mask.1,
                image_w = image.0,
                image_h = image.1
            ),
        }
    }
}

/// Edits take no `moderation` field (it exists for generations only).
const NOT_FOR_EDITS: &[&str] = &["moderation"];

/// OpenAI's name of the reference image parts (its SDKs and curl examples).
pub const IMAGE_FIELD: &str = "image[]";

/// The parts of an edit request, in the order they are sent (the model looked up without a
/// profile's aliases, images named [`IMAGE_FIELD`]; see [`edit_parts_for`]).
pub fn edit_parts(params: &ImageParams, uploads: &EditUploads) -> Result<Vec<Part>, EditError> {
    edit_parts_for(
        params,
        &crate::models::registry::resolve(&params.model, &[]),
        uploads,
        IMAGE_FIELD,
    )
}

/// The parts of an edit request for a model as resolved (a profile's alias follows its
/// known model's rules), each reference image in a part named `image_field` (the profile's
/// `EditImageField`).
pub fn edit_parts_for(
    params: &ImageParams,
    info: &crate::models::registry::ModelInfo,
    uploads: &EditUploads,
    image_field: &str,
) -> Result<Vec<Part>, EditError> {
    let body = generation_body_for(params, info)?;
    let first = uploads.images.first().ok_or(EditError::NoReferences)?;
    if uploads.images.len() > MAX_REFERENCES {
        return Err(EditError::TooManyReferences(uploads.images.len()));
    }
    let max = usize::from(info.max_references());
    if uploads.images.len() > max {
        return Err(EditError::TooManyForModel {
            model: params.model.trim().to_string(),
            count: uploads.images.len(),
            max,
        });
    }
    if let Some(mask) = &uploads.mask {
        if mask.content_type != super::mime::PNG {
            return Err(EditError::MaskNotPng);
        }
        if (mask.width, mask.height) != (first.width, first.height) {
            return Err(EditError::MaskSize {
                mask: (mask.width, mask.height),
                image: (first.width, first.height),
            });
        }
    }
    let mut parts: Vec<Part> = body
        .text_fields()
        .into_iter()
        .filter(|(name, _)| !NOT_FOR_EDITS.contains(name))
        .map(|(name, text)| Part {
            name: name.into(),
            value: PartValue::Text(text),
        })
        .collect();
    parts.extend(uploads.images.iter().map(|u| Part {
        name: image_field.into(),
        value: PartValue::File(u.clone()),
    }));
    parts.extend(uploads.mask.iter().map(|m| Part {
        name: "mask".into(),
        value: PartValue::File(m.clone()),
    }));
    Ok(parts)
}

/// The `multipart/form-data` body for `parts` with `boundary`, as a browser would send it.
pub fn encode(parts: &[Part], boundary: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match &part.value {
            PartValue::Text(text) => {
                out.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{}\"\r\n\r\n{text}\r\n",
                        part.name
                    )
                    .as_bytes(),
                );
            }
            PartValue::File(file) => {
                out.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                        part.name,
                        file.file_name.replace('"', "%22"),
                        file.content_type
                    )
                    .as_bytes(),
                );
                out.extend_from_slice(&file.bytes);
                out.extend_from_slice(b"\r\n");
            }
        }
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::request::{Moderation, Quality};

    pub fn upload(name: &str, mime: &str, w: u32, h: u32) -> Upload {
        Upload {
            file_name: name.into(),
            content_type: mime.into(),
            bytes: vec![1, 2, 3].into(),
            width: w,
            height: h,
        }
    }

    fn params() -> ImageParams {
        ImageParams {
            prompt: "make it blue".into(),
            quality: Quality::Low,
            moderation: Moderation::Low,
            n: 2,
            stream: true,
            partial_images: 2,
            ..ImageParams::default()
        }
    }

    fn names(parts: &[Part]) -> Vec<&str> {
        parts.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn an_edit_without_stream_keeps_everything_else_in_order() {
        let uploads = EditUploads {
            images: vec![upload("ref-1.png", "image/png", 1024, 1024)],
            mask: None,
        };
        let parts = edit_parts(&params(), &uploads).unwrap();
        assert!(streams(&parts));
        let plain = without_stream(&parts);
        assert!(!streams(&plain));
        assert_eq!(
            names(&plain),
            ["model", "prompt", "n", "quality", "image[]"]
        );
        let off = edit_parts(
            &ImageParams {
                stream: false,
                ..params()
            },
            &uploads,
        )
        .unwrap();
        assert!(!streams(&off));
    }

    #[test]
    fn scalars_as_text_then_images_in_order_then_mask() {
        let uploads = EditUploads {
            images: vec![
                upload("ref-1.png", "image/png", 1024, 1024),
                upload("ref-2.webp", "image/webp", 800, 600),
            ],
            mask: Some(upload("mask.png", "image/png", 1024, 1024)),
        };
        let parts = edit_parts(&params(), &uploads).unwrap();
        assert_eq!(
            names(&parts),
            [
                "model",
                "prompt",
                "n",
                "quality",
                "stream",
                "partial_images",
                "image[]",
                "image[]",
                "mask"
            ]
        );
        assert_eq!(parts[2].value, PartValue::Text("2".into()));
        assert_eq!(parts[4].value, PartValue::Text("true".into()));
        assert!(
            matches!(&parts[7].value, PartValue::File(u) if u.file_name == "ref-2.webp"),
            "order kept"
        );
    }

    #[test]
    fn the_image_field_is_the_profiles() {
        let uploads = EditUploads {
            images: vec![
                upload("ref-1.png", "image/png", 1024, 1024),
                upload("ref-2.png", "image/png", 1024, 1024),
            ],
            mask: Some(upload("mask.png", "image/png", 1024, 1024)),
        };
        let info = crate::models::registry::resolve("gpt-image-2", &[]);
        let parts = edit_parts_for(&params(), &info, &uploads, "image").unwrap();
        let files: Vec<&str> = parts
            .iter()
            .filter(|p| matches!(p.value, PartValue::File(_)))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(files, ["image", "image", "mask"]);
        let body = String::from_utf8_lossy(&encode(&parts, "b")).into_owned();
        assert!(
            body.contains(r#"name="image"; filename="ref-2.png""#),
            "{body}"
        );
        assert!(!body.contains("image[]"));
    }

    #[test]
    fn moderation_and_input_fidelity_are_never_sent_to_edits() {
        let uploads = EditUploads {
            images: vec![upload("a.png", "image/png", 16, 16)],
            mask: None,
        };
        let parts = edit_parts(&params(), &uploads).unwrap();
        for name in ["moderation", "input_fidelity", "response_format", "style"] {
            assert!(!names(&parts).contains(&name), "{name}");
        }
    }

    #[test]
    fn refusals() {
        let one = |mask| EditUploads {
            images: vec![upload("a.png", "image/png", 1024, 1024)],
            mask,
        };
        assert_eq!(
            edit_parts(&params(), &EditUploads::default()),
            Err(EditError::NoReferences)
        );
        let many = EditUploads {
            images: vec![upload("a.png", "image/png", 16, 16); 17],
            mask: None,
        };
        assert_eq!(
            edit_parts(&params(), &many),
            Err(EditError::TooManyReferences(17))
        );
        // The model's own limit: dall-e-2 edited one image.
        let two = EditUploads {
            images: vec![upload("a.png", "image/png", 16, 16); 2],
            mask: None,
        };
        let p = ImageParams {
            model: "dall-e-2".into(),
            quality: Quality::Auto,
            stream: false,
            ..params()
        };
        assert_eq!(
            edit_parts(&p, &two).unwrap_err().to_string(),
            "2 references: dall-e-2 takes at most 1. Remove 1."
        );
        let err = edit_parts(
            &params(),
            &one(Some(upload("m.png", "image/png", 512, 512))),
        )
        .unwrap_err();
        assert!(err.to_string().contains("512x512 but image 1 is 1024x1024"));
        assert_eq!(
            err.message(Lang::ZhCn),
            "蒙版为 512x512，而图片 1 为 1024x1024：两者尺寸必须相同。"
        );
        assert_eq!(
            edit_parts(
                &params(),
                &one(Some(upload("m.webp", "image/webp", 1024, 1024)))
            ),
            Err(EditError::MaskNotPng)
        );
        let empty_prompt = ImageParams {
            prompt: " ".into(),
            ..params()
        };
        assert!(matches!(
            edit_parts(&empty_prompt, &one(None)),
            Err(EditError::Params(ParamError::EmptyPrompt))
        ));
    }

    #[test]
    fn encoded_body_has_each_part_with_filename_and_type() {
        let parts = vec![
            Part {
                name: "prompt".into(),
                value: PartValue::Text("x".into()),
            },
            Part {
                name: "image[]".into(),
                value: PartValue::File(upload("a.png", "image/png", 1, 1)),
            },
        ];
        let body = encode(&parts, "BOUND");
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with(
            "--BOUND\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx\r\n"
        ));
        assert!(text
            .contains("name=\"image[]\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"));
        assert!(text.ends_with("\r\n--BOUND--\r\n"));
    }
}
