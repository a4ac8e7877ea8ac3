//! "Copy as code": the exact request the form would send, as curl, Python (openai SDK) and
//! JavaScript fetch. The key is always the environment's `$OPENAI_API_KEY`, never the real one.

use serde_json::Value;

use crate::api::mime;
use crate::api::request::{endpoint_url, GenerationBody};

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
}
