//! "Copy as code": the exact request the form would send, as curl, Python (openai SDK) and
//! JavaScript fetch. The key is always the environment's `$OPENAI_API_KEY`, never the real one.
//!
//! A generation is JSON to `{base}/images/generations` ([`snippet`]); with reference images it
//! is the multipart edit Generate sends to `{base}/images/edits` ([`edit_snippet`]): the same
//! parts from [`edit_parts_for`], in the same order, with the files read from disk under the names
//! their [`Upload`]s carry (the prepared files, offered for download beside the snippet).

use serde_json::Value;

use crate::api::mime;
use crate::api::multipart::{edit_parts_for, EditError, PartValue};
use crate::api::request::{endpoint_url, generation_body, GenerationBody, ImageParams};
use crate::api::upload::{EditUploads, Upload};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Curl,
    Python,
    JavaScript,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Curl, Language::Python, Language::JavaScript];
    pub fn label(self) -> &'static str {
        match self {
            Language::Curl => "curl",
            Language::Python => "Python",
            Language::JavaScript => "JavaScript",
        }
    }
}

/// Single-quotes text for a POSIX shell.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// A JSON value as a Python literal (JSON strings and numbers are valid Python).
fn python_literal(v: &Value) -> String {
    match v {
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        other => other.to_string(),
    }
}

pub fn snippet(language: Language, base_url: &str, body: &GenerationBody) -> String {
    let url = endpoint_url(base_url, "images/generations");
    let json = serde_json::to_value(body).unwrap_or(Value::Null);
    let ext = mime::extension(body.output_format.map_or(mime::PNG, |f| f.mime()));
    match language {
        Language::Curl => format!(
            "curl {} \\\n  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n  -H \"Content-Type: application/json\" \\\n  -d {} \\\n  | jq -r '.data[0].b64_json' | base64 --decode > image.{ext}",
            shell_quote(&url),
            shell_quote(&serde_json::to_string_pretty(&json).unwrap_or_default()),
        ),
        Language::Python => {
            let args = json
                .as_object()
                .map(|o| o.iter().map(|(k, v)| format!("    {k}={},", python_literal(v))).collect::<Vec<_>>().join("\n"))
                .unwrap_or_default();
            format!(
                "import base64\nfrom openai import OpenAI\n\nclient = OpenAI(base_url={})  # reads OPENAI_API_KEY\nresult = client.images.generate(\n{args}\n)\nwith open(\"image.{ext}\", \"wb\") as f:\n    f.write(base64.b64decode(result.data[0].b64_json))\n",
                Value::String(base_url.trim().to_string())
            )
        }
        Language::JavaScript => format!(
            "const response = await fetch({}, {{\n  method: \"POST\",\n  headers: {{\n    Authorization: `Bearer ${{process.env.OPENAI_API_KEY}}`,\n    \"Content-Type\": \"application/json\",\n  }},\n  body: JSON.stringify({}),\n}});\nconst result = await response.json();\nconst b64 = result.data[0].b64_json;\n",
            Value::String(url),
            serde_json::to_string_pretty(&json).unwrap_or_default().replace('\n', "\n  ")
        ),
    }
}

/// A file name inside curl's `-F name=@file`: double-quoted (with `\` escapes) unless it holds
/// only letters, digits and `._-+`, since curl reads `;` and `,` there as separators.
fn curl_file_word(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
    {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// A string as a JSON string literal, which Python and JavaScript read the same way.
fn string_literal(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

/// One part of an edit as the snippet writes it.
enum EditPart<'a> {
    /// A scalar field: its text on the wire and its JSON value (for Python's typed argument).
    Field {
        name: &'a str,
        text: &'a str,
        value: Option<&'a Value>,
    },
    File {
        name: &'a str,
        upload: &'a Upload,
    },
}

/// The edit Generate sends for `params` with `uploads`: multipart to `{base}/images/edits`,
/// its text fields as [`edit_parts_for`] makes them (so never `moderation`), then one
/// `image_field` part (`image[]`, or the profile's own name) per reference in order and the
/// `mask`, each read from the file its upload is named after. Refused for the same reasons
/// Generate would refuse it.
pub fn edit_snippet(
    language: Language,
    base_url: &str,
    params: &ImageParams,
    uploads: &EditUploads,
    image_field: &str,
) -> Result<String, EditError> {
    let info = crate::models::registry::resolve(&params.model, &[]);
    let parts = edit_parts_for(params, &info, uploads, image_field)?;
    let body = serde_json::to_value(generation_body(params)?).unwrap_or(Value::Null);
    let parts: Vec<EditPart> = parts
        .iter()
        .map(|part| match &part.value {
            PartValue::Text(text) => EditPart::Field {
                name: &part.name,
                text,
                value: body.get(&part.name),
            },
            PartValue::File(upload) => EditPart::File {
                name: &part.name,
                upload,
            },
        })
        .collect();
    let url = endpoint_url(base_url, "images/edits");
    let ext = mime::extension(params.output_format.mime());
    Ok(match language {
        Language::Curl => {
            let lines: Vec<String> = parts
                .iter()
                .map(|part| match part {
                    // Taken literally: a prompt starting with @ or < or holding ";type=" stays text.
                    EditPart::Field { name, text, .. } => {
                        format!("--form-string {}", shell_quote(&format!("{name}={text}")))
                    }
                    EditPart::File { name, upload } => format!(
                        "-F {}",
                        shell_quote(&format!(
                            "{name}=@{};type={}",
                            curl_file_word(&upload.file_name),
                            upload.content_type
                        ))
                    ),
                })
                .collect();
            format!(
                "curl {} \\\n  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n  {} \\\n  | jq -r '.data[0].b64_json' | base64 --decode > image.{ext}",
                shell_quote(&url),
                lines.join(" \\\n  "),
            )
        }
        Language::Python => {
            let open =
                |upload: &Upload| format!("open({}, \"rb\")", string_literal(&upload.file_name));
            let mut args: Vec<String> = parts
                .iter()
                .filter_map(|part| match part {
                    EditPart::Field { name, text, value } => Some(format!(
                        "    {name}={},",
                        value.map_or_else(|| string_literal(text), python_literal)
                    )),
                    EditPart::File { .. } => None,
                })
                .collect();
            let images: Vec<String> = uploads
                .images
                .iter()
                .map(|u| format!("        {},", open(u)))
                .collect();
            args.push(format!("    image=[\n{}\n    ],", images.join("\n")));
            if let Some(mask) = &uploads.mask {
                args.push(format!("    mask={},", open(mask)));
            }
            format!(
                "import base64\nfrom openai import OpenAI\n\nclient = OpenAI(base_url={})  # reads OPENAI_API_KEY\nresult = client.images.edit(\n{}\n)\nwith open(\"image.{ext}\", \"wb\") as f:\n    f.write(base64.b64decode(result.data[0].b64_json))\n",
                string_literal(base_url.trim()),
                args.join("\n"),
            )
        }
        Language::JavaScript => {
            let appends: Vec<String> = parts
                .iter()
                .map(|part| match part {
                    EditPart::Field { name, text, .. } => format!(
                        "form.append({}, {});",
                        string_literal(name),
                        string_literal(text)
                    ),
                    EditPart::File { name, upload } => {
                        let file = string_literal(&upload.file_name);
                        format!(
                            "form.append({}, new Blob([await readFile({file})], {{ type: {} }}), {file});",
                            string_literal(name),
                            string_literal(&upload.content_type),
                        )
                    }
                })
                .collect();
            format!(
                "import {{ readFile }} from \"node:fs/promises\";\n\nconst form = new FormData();\n{}\n\nconst response = await fetch({}, {{\n  method: \"POST\",\n  headers: {{\n    Authorization: `Bearer ${{process.env.OPENAI_API_KEY}}`,\n  }},\n  body: form,\n}});\nconst result = await response.json();\nconst b64 = result.data[0].b64_json;\n",
                appends.join("\n"),
                string_literal(&url),
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::request::{generation_body, ImageParams, OutputFormat, Quality};

    fn body() -> GenerationBody {
        generation_body(&ImageParams {
            prompt: "It's a \"fox\" $HOME".into(),
            quality: Quality::Low,
            output_format: OutputFormat::Jpeg,
            n: 2,
            ..ImageParams::default()
        })
        .unwrap()
    }

    #[test]
    fn curl_is_safely_quoted_and_keyless() {
        let s = snippet(Language::Curl, "https://api.openai.com/v1/", &body());
        assert!(s.starts_with("curl 'https://api.openai.com/v1/images/generations'"));
        assert!(s.contains("$OPENAI_API_KEY"));
        assert!(s.contains(r#""prompt": "It'\''s a \"fox\" $HOME""#), "{s}");
        assert!(s.ends_with("> image.jpg"));
    }

    #[test]
    fn python_and_javascript_carry_the_exact_body() {
        let py = snippet(Language::Python, "https://gw.example/v1", &body());
        assert!(py.contains("client = OpenAI(base_url=\"https://gw.example/v1\")"));
        assert!(
            py.contains("    n=2,")
                && py.contains("    quality=\"low\",")
                && py.contains("    prompt=\"It's a \\\"fox\\\" $HOME\","),
            "{py}"
        );
        let js = snippet(Language::JavaScript, "https://gw.example/v1", &body());
        assert!(js.contains("fetch(\"https://gw.example/v1/images/generations\""));
        assert!(js.contains("process.env.OPENAI_API_KEY"));
        let json_part = js
            .split("JSON.stringify(")
            .nth(1)
            .unwrap()
            .split("),\n});")
            .next()
            .unwrap();
        let parsed: Value = serde_json::from_str(json_part).unwrap();
        assert_eq!(parsed, serde_json::to_value(body()).unwrap());
    }

    use crate::api::request::Moderation;

    fn upload(name: &str, mime_type: &str) -> Upload {
        Upload {
            file_name: name.into(),
            content_type: mime_type.into(),
            bytes: vec![1, 2, 3].into(),
            width: 64,
            height: 48,
        }
    }

    fn edit_params() -> ImageParams {
        ImageParams {
            prompt: "Put the fox from image 1 on the sofa of image 2".into(),
            quality: Quality::Low,
            moderation: Moderation::Low,
            n: 2,
            ..ImageParams::default()
        }
    }

    fn two_refs() -> EditUploads {
        EditUploads {
            images: vec![
                upload("fox.jpg", mime::JPEG),
                upload("sofa.webp", mime::WEBP),
            ],
            mask: None,
        }
    }

    fn with_mask() -> EditUploads {
        EditUploads {
            images: vec![
                upload("fox.png", mime::PNG),
                upload("sofa.webp", mime::WEBP),
            ],
            mask: Some(upload("mask.png", mime::PNG)),
        }
    }

    fn edit(language: Language, uploads: &EditUploads) -> String {
        edit_snippet(
            language,
            "https://gw.example/v1/",
            &edit_params(),
            uploads,
            "image[]",
        )
        .unwrap()
    }

    /// The generation call is what it was before edits were exported, in every language.
    #[test]
    fn without_references_the_generation_call_is_unchanged() {
        let body = generation_body(&ImageParams {
            prompt: "A fox, \"red\"\nit's 狐狸".into(),
            quality: Quality::High,
            output_format: OutputFormat::Webp,
            output_compression: 80,
            n: 3,
            size: "1536x1024".into(),
            ..ImageParams::default()
        })
        .unwrap();
        let base = "https://gw.example/v1/";
        assert_eq!(
            snippet(Language::Curl, base, &body),
            r#"curl 'https://gw.example/v1/images/generations' \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
  "model": "gpt-image-2",
  "n": 3,
  "output_compression": 80,
  "output_format": "webp",
  "prompt": "A fox, \"red\"\nit'\''s 狐狸",
  "quality": "high",
  "size": "1536x1024"
}' \
  | jq -r '.data[0].b64_json' | base64 --decode > image.webp"#
        );
        assert_eq!(
            snippet(Language::Python, base, &body),
            r#"import base64
from openai import OpenAI

client = OpenAI(base_url="https://gw.example/v1/")  # reads OPENAI_API_KEY
result = client.images.generate(
    model="gpt-image-2",
    n=3,
    output_compression=80,
    output_format="webp",
    prompt="A fox, \"red\"\nit's 狐狸",
    quality="high",
    size="1536x1024",
)
with open("image.webp", "wb") as f:
    f.write(base64.b64decode(result.data[0].b64_json))
"#
        );
        assert_eq!(
            snippet(Language::JavaScript, base, &body),
            r#"const response = await fetch("https://gw.example/v1/images/generations", {
  method: "POST",
  headers: {
    Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    "model": "gpt-image-2",
    "n": 3,
    "output_compression": 80,
    "output_format": "webp",
    "prompt": "A fox, \"red\"\nit's 狐狸",
    "quality": "high",
    "size": "1536x1024"
  }),
});
const result = await response.json();
const b64 = result.data[0].b64_json;
"#
        );
    }

    #[test]
    fn curl_edit_with_two_references() {
        let s = edit(Language::Curl, &two_refs());
        assert_eq!(
            s,
            r#"curl 'https://gw.example/v1/images/edits' \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  --form-string 'model=gpt-image-2' \
  --form-string 'prompt=Put the fox from image 1 on the sofa of image 2' \
  --form-string 'n=2' \
  --form-string 'quality=low' \
  -F 'image[]=@fox.jpg;type=image/jpeg' \
  -F 'image[]=@sofa.webp;type=image/webp' \
  | jq -r '.data[0].b64_json' | base64 --decode > image.png"#
        );
        assert!(
            !s.contains("moderation") && !s.contains("application/json") && !s.contains("mask")
        );
    }

    #[test]
    fn python_edit_with_two_references() {
        assert_eq!(
            edit(Language::Python, &two_refs()),
            r#"import base64
from openai import OpenAI

client = OpenAI(base_url="https://gw.example/v1/")  # reads OPENAI_API_KEY
result = client.images.edit(
    model="gpt-image-2",
    prompt="Put the fox from image 1 on the sofa of image 2",
    n=2,
    quality="low",
    image=[
        open("fox.jpg", "rb"),
        open("sofa.webp", "rb"),
    ],
)
with open("image.png", "wb") as f:
    f.write(base64.b64decode(result.data[0].b64_json))
"#
        );
    }

    #[test]
    fn javascript_edit_with_two_references() {
        assert_eq!(
            edit(Language::JavaScript, &two_refs()),
            r#"import { readFile } from "node:fs/promises";

const form = new FormData();
form.append("model", "gpt-image-2");
form.append("prompt", "Put the fox from image 1 on the sofa of image 2");
form.append("n", "2");
form.append("quality", "low");
form.append("image[]", new Blob([await readFile("fox.jpg")], { type: "image/jpeg" }), "fox.jpg");
form.append("image[]", new Blob([await readFile("sofa.webp")], { type: "image/webp" }), "sofa.webp");

const response = await fetch("https://gw.example/v1/images/edits", {
  method: "POST",
  headers: {
    Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,
  },
  body: form,
});
const result = await response.json();
const b64 = result.data[0].b64_json;
"#
        );
    }

    #[test]
    fn references_and_mask_in_every_language() {
        let curl = edit(Language::Curl, &with_mask());
        assert!(
            curl.contains(
                "  -F 'image[]=@fox.png;type=image/png' \\\n  -F 'image[]=@sofa.webp;type=image/webp' \\\n  -F 'mask=@mask.png;type=image/png' \\\n  | jq"
            ),
            "{curl}"
        );
        let py = edit(Language::Python, &with_mask());
        assert!(
            py.contains(
                "    image=[\n        open(\"fox.png\", \"rb\"),\n        open(\"sofa.webp\", \"rb\"),\n    ],\n    mask=open(\"mask.png\", \"rb\"),\n)"
            ),
            "{py}"
        );
        let js = edit(Language::JavaScript, &with_mask());
        assert!(
            js.contains(
                "form.append(\"image[]\", new Blob([await readFile(\"sofa.webp\")], { type: \"image/webp\" }), \"sofa.webp\");\nform.append(\"mask\", new Blob([await readFile(\"mask.png\")], { type: \"image/png\" }), \"mask.png\");\n"
            ),
            "{js}"
        );
        for s in [&curl, &py, &js] {
            assert!(
                s.contains("OPENAI_API_KEY") && !s.contains("moderation"),
                "{s}"
            );
            assert!(
                !s.contains("images/generations") && !s.contains("images.generate"),
                "{s}"
            );
        }
    }

    /// The fields, in order, as Generate's parts carry them; Python gets them typed.
    #[test]
    fn edit_fields_follow_the_parts_generate_sends() {
        let params = ImageParams {
            output_format: OutputFormat::Webp,
            output_compression: 70,
            stream: true,
            partial_images: 2,
            size: "1024x1536".into(),
            ..edit_params()
        };
        let uploads = with_mask();
        let want: Vec<(String, String)> = crate::api::multipart::edit_parts(&params, &uploads)
            .unwrap()
            .into_iter()
            .filter_map(|p| match p.value {
                PartValue::Text(t) => Some((p.name, t)),
                PartValue::File(_) => None,
            })
            .collect();
        let base = "https://gw.example/v1";
        let js = edit_snippet(Language::JavaScript, base, &params, &uploads, "image[]").unwrap();
        let got: Vec<(String, String)> = js
            .lines()
            .filter_map(|l| l.strip_prefix("form.append(")?.strip_suffix(");"))
            .filter(|l| !l.contains("new Blob"))
            .map(|l| serde_json::from_str::<(String, String)>(&format!("[{l}]")).unwrap())
            .collect();
        assert_eq!(got, want);
        let curl = edit_snippet(Language::Curl, base, &params, &uploads, "image[]").unwrap();
        for (name, text) in &want {
            assert!(
                curl.contains(&format!("--form-string '{name}={text}'")),
                "{curl}"
            );
        }
        let py = edit_snippet(Language::Python, base, &params, &uploads, "image[]").unwrap();
        for arg in [
            "n=2,",
            "stream=True,",
            "partial_images=2,",
            "output_compression=70,",
            "output_format=\"webp\",",
        ] {
            assert!(py.contains(&format!("\n    {arg}\n")), "{arg}: {py}");
        }
        assert!(py.contains("with open(\"image.webp\", \"wb\")") && curl.ends_with("> image.webp"));
    }

    #[test]
    fn edits_are_refused_where_generate_refuses_them() {
        let bad_mask = EditUploads {
            images: vec![upload("fox.png", mime::PNG)],
            mask: Some(upload("mask.webp", mime::WEBP)),
        };
        for language in Language::ALL {
            assert_eq!(
                edit_snippet(
                    language,
                    "https://x/v1",
                    &edit_params(),
                    &bad_mask,
                    "image[]"
                ),
                Err(EditError::MaskNotPng)
            );
            assert_eq!(
                edit_snippet(
                    language,
                    "https://x/v1",
                    &edit_params(),
                    &EditUploads::default(),
                    "image[]"
                ),
                Err(EditError::NoReferences)
            );
        }
    }

    #[test]
    fn the_edit_images_go_under_the_profiles_field_name() {
        let uploads = with_mask();
        let curl = edit_snippet(
            Language::Curl,
            "https://gw.example/v1",
            &edit_params(),
            &uploads,
            "image",
        )
        .unwrap();
        assert!(
            curl.contains("-F 'image=@fox.png;type=image/png'"),
            "{curl}"
        );
        assert!(!curl.contains("image[]"), "{curl}");
        let js = edit_snippet(
            Language::JavaScript,
            "https://gw.example/v1",
            &edit_params(),
            &uploads,
            "image",
        )
        .unwrap();
        assert!(js.contains("form.append(\"image\", "), "{js}");
    }

    fn awkward() -> (ImageParams, EditUploads) {
        let params = ImageParams {
            prompt: "把 \"图 1\" 里的狐狸放进 it's $HOME `x` \\ @<;type=text/plain\n第二行".into(),
            ..ImageParams::default()
        };
        let uploads = EditUploads {
            images: vec![
                upload("my fox's photo.jpg", mime::JPEG),
                upload("狐狸 照片;v2,final.webp", mime::WEBP),
                upload("back\\slash \"quoted\".png", mime::PNG),
            ],
            mask: Some(upload("$(rm -rf ~) mask.png", mime::PNG)),
        };
        (params, uploads)
    }

    /// Runs the curl line through a real shell with `curl` replaced by `printf`: each argument
    /// the shell hands over, one per line (NUL-separated to keep the prompt's newline).
    #[cfg(unix)]
    fn shell_words(snippet: &str) -> Vec<String> {
        let command =
            snippet
                .split(" \\\n  | jq")
                .next()
                .unwrap()
                .replacen("curl ", "printf '%s\\0' ", 1);
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .env("OPENAI_API_KEY", "KEY")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .split_terminator('\0')
            .map(String::from)
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn curl_quotes_awkward_names_and_prompts_for_the_shell_and_for_curl() {
        let (params, uploads) = awkward();
        let s = edit_snippet(
            Language::Curl,
            "https://gw.example/v1",
            &params,
            &uploads,
            "image[]",
        )
        .unwrap();
        let words = shell_words(&s);
        assert_eq!(
            words,
            [
                "https://gw.example/v1/images/edits",
                "-H",
                "Authorization: Bearer KEY",
                "--form-string",
                "model=gpt-image-2",
                "--form-string",
                &format!("prompt={}", params.prompt),
                "-F",
                "image[]=@\"my fox's photo.jpg\";type=image/jpeg",
                "-F",
                "image[]=@\"狐狸 照片;v2,final.webp\";type=image/webp",
                "-F",
                "image[]=@\"back\\\\slash \\\"quoted\\\".png\";type=image/png",
                "-F",
                "mask=@\"$(rm -rf ~) mask.png\";type=image/png",
            ]
        );
        assert!(
            curl_file_word("fox-1_a+b.PNG") == "fox-1_a+b.PNG"
                && curl_file_word("狐狸.png") == "狐狸.png"
        );
    }

    /// Every string literal in Python and JavaScript reads back as the exact text.
    #[test]
    fn python_and_javascript_escape_awkward_names_and_prompts() {
        let (params, uploads) = awkward();
        let literal = |text: &str| serde_json::to_string(text).unwrap();
        let py = edit_snippet(
            Language::Python,
            "https://gw.example/v1",
            &params,
            &uploads,
            "image[]",
        )
        .unwrap();
        assert!(
            py.contains(&format!("    prompt={},\n", literal(&params.prompt))),
            "{py}"
        );
        for u in &uploads.images {
            assert!(
                py.contains(&format!(
                    "        open({}, \"rb\"),\n",
                    literal(&u.file_name)
                )),
                "{py}"
            );
        }
        assert!(
            py.contains("    mask=open(\"$(rm -rf ~) mask.png\", \"rb\"),\n"),
            "{py}"
        );
        assert!(
            py.contains(r#"open("back\\slash \"quoted\".png", "rb")"#),
            "{py}"
        );
        let js = edit_snippet(
            Language::JavaScript,
            "https://gw.example/v1",
            &params,
            &uploads,
            "image[]",
        )
        .unwrap();
        let appended: Vec<Vec<String>> = js
            .lines()
            .filter_map(|l| l.strip_prefix("form.append(")?.strip_suffix(");"))
            .map(|l| {
                // `new Blob([await readFile(NAME)], { type: TYPE })` holds two more literals.
                let l = l
                    .replace("new Blob([await readFile(", "")
                    .replace(")], { type: ", ", ")
                    .replace(" }), ", ", ");
                serde_json::from_str(&format!("[{l}]")).unwrap()
            })
            .collect();
        let file = |field: &str, u: &Upload| {
            vec![
                field.to_string(),
                u.file_name.clone(),
                u.content_type.clone(),
                u.file_name.clone(),
            ]
        };
        let mut want = vec![
            vec!["model".to_string(), "gpt-image-2".to_string()],
            vec!["prompt".to_string(), params.prompt.clone()],
        ];
        want.extend(uploads.images.iter().map(|u| file("image[]", u)));
        want.push(file("mask", uploads.mask.as_ref().unwrap()));
        assert_eq!(appended, want);
        assert!(
            js.contains("狐狸 照片;v2,final.webp") && js.contains("第二行"),
            "non-ASCII kept as it is"
        );
    }
}
