//! The small JSON paths a task dialect is written in: dotted keys with indexes, and `[]` for
//! every item of a list: `data.0.task_id`, `data[0].status`, `result.data[].url`.

use serde_json::Value;

/// One step down a JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    /// A list's item; on an object, the key spelled as this number.
    Index(usize),
    /// Every item of a list (`[]` or `*`); a single value counts as a list of one.
    Each,
}

/// A parsed path, with the text it was written as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonPath {
    text: String,
    steps: Vec<Step>,
}

/// What is wrong with a written path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathError {
    Empty,
    /// `a..b`, a leading or trailing dot.
    EmptySegment,
    /// `a[x]`, `a[`, `a]b`.
    BadBracket,
    Spaces,
}

impl JsonPath {
    pub fn parse(text: &str) -> Result<JsonPath, PathError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(PathError::Empty);
        }
        if text.contains(char::is_whitespace) {
            return Err(PathError::Spaces);
        }
        let mut steps = Vec::new();
        for segment in text.split('.') {
            let (name, mut rest) = segment
                .find('[')
                .map_or((segment, ""), |i| (&segment[..i], &segment[i..]));
            if name.is_empty() && rest.is_empty() {
                return Err(PathError::EmptySegment);
            }
            if name.contains(']') {
                return Err(PathError::BadBracket);
            }
            match name {
                "" => {}
                "*" => steps.push(Step::Each),
                _ => steps.push(match name.parse::<usize>() {
                    Ok(i) => Step::Index(i),
                    Err(_) => Step::Key(name.to_string()),
                }),
            }
            while !rest.is_empty() {
                let close = rest.find(']').ok_or(PathError::BadBracket)?;
                let inner = &rest[1..close];
                steps.push(match inner {
                    "" | "*" => Step::Each,
                    _ => Step::Index(inner.parse().map_err(|_| PathError::BadBracket)?),
                });
                rest = &rest[close + 1..];
                if !rest.is_empty() && !rest.starts_with('[') {
                    return Err(PathError::BadBracket);
                }
            }
        }
        Ok(JsonPath {
            text: text.to_string(),
            steps,
        })
    }

    /// For paths written in code (the built-in dialects), which the tests parse.
    pub(crate) fn known(text: &str) -> JsonPath {
        JsonPath::parse(text).expect("a built-in path parses")
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Every value the path reaches in `root` (several through `[]`), nulls left out.
    pub fn values<'a>(&self, root: &'a Value) -> Vec<&'a Value> {
        let mut here = vec![root];
        for step in &self.steps {
            here = here
                .into_iter()
                .flat_map(|v| -> Vec<&'a Value> {
                    match (step, v) {
                        (Step::Key(k), Value::Object(m)) => m.get(k).into_iter().collect(),
                        (Step::Index(i), Value::Array(items)) => {
                            items.get(*i).into_iter().collect()
                        }
                        (Step::Index(i), Value::Object(m)) => {
                            m.get(&i.to_string()).into_iter().collect()
                        }
                        (Step::Each, Value::Array(items)) => items.iter().collect(),
                        (Step::Each, Value::Null) => Vec::new(),
                        (Step::Each, single) => vec![single],
                        _ => Vec::new(),
                    }
                })
                .collect();
        }
        here.retain(|v| !v.is_null());
        here
    }

    /// The first value the path reaches.
    pub fn first<'a>(&self, root: &'a Value) -> Option<&'a Value> {
        self.values(root).into_iter().next()
    }
}

impl std::fmt::Display for JsonPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(path: &str, v: &Value) -> Vec<Value> {
        JsonPath::parse(path)
            .unwrap()
            .values(v)
            .into_iter()
            .cloned()
            .collect()
    }

    #[test]
    fn dotted_indexed_and_every_item() {
        let v = json!({"code": 200, "data": [{"task_id": "t1", "status": "submitted"}],
            "result": {"data": [{"url": "https://a/1"}, {"url": "https://a/2"}, {"b64_json": "x"}]},
            "images": [{"url": ["https://b/1", "https://b/2"]}, {"url": "https://b/3"}]});
        assert_eq!(read("data.0.task_id", &v), vec![json!("t1")]);
        assert_eq!(read("data[0].status", &v), vec![json!("submitted")]);
        assert_eq!(read("data.1.task_id", &v), Vec::<Value>::new());
        assert_eq!(
            read("result.data[].url", &v),
            vec![json!("https://a/1"), json!("https://a/2")]
        );
        assert_eq!(read("result.data.*.url", &v), read("result.data[].url", &v));
        // `[]` on a single value reads it as a list of one.
        assert_eq!(
            read("images[].url[]", &v),
            vec![
                json!("https://b/1"),
                json!("https://b/2"),
                json!("https://b/3")
            ]
        );
        assert_eq!(read("code", &v), vec![json!(200)]);
        assert_eq!(read("nothing.here", &v), Vec::<Value>::new());
        // A number on an object is its key.
        assert_eq!(
            read("m.0", &json!({"m": {"0": "zero"}})),
            vec![json!("zero")]
        );
        assert_eq!(
            read("a[1][0]", &json!({"a": [[1], [2, 3]]})),
            vec![json!(2)]
        );
    }

    #[test]
    fn bad_paths_say_why() {
        assert_eq!(JsonPath::parse("  "), Err(PathError::Empty));
        assert_eq!(JsonPath::parse("a..b"), Err(PathError::EmptySegment));
        assert_eq!(JsonPath::parse(".a"), Err(PathError::EmptySegment));
        assert_eq!(JsonPath::parse("a[x]"), Err(PathError::BadBracket));
        assert_eq!(JsonPath::parse("a[0"), Err(PathError::BadBracket));
        assert_eq!(JsonPath::parse("a[0]b"), Err(PathError::BadBracket));
        assert_eq!(JsonPath::parse("a]"), Err(PathError::BadBracket));
        assert_eq!(JsonPath::parse("a b"), Err(PathError::Spaces));
        assert_eq!(JsonPath::parse(" data.0 ").unwrap().as_str(), "data.0");
    }
}
