//! Async task gateways speak different dialects: where a task is submitted, where it is
//! polled, and where the id, status and result links sit in their answers. Each dialect is
//! data (paths and words), the built-in ones and one a user writes on the profile; reading
//! answers with them is `super::read`.

use serde::{Deserialize, Serialize};

use super::json_path::{JsonPath, PathError};
use crate::i18n::{text::tasks, Lang};
use crate::tr;

/// The dialect a task is followed in; journaled with the task, so that a reload polls the
/// same place and reads the same fields even if the profile changed meanwhile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TaskDialect {
    /// `POST /images/generations` answering `{"id","object":"image.generation.task"}`,
    /// polled at `GET /tasks/{id}` (facts sheet); read by `super::answer`.
    #[default]
    Classic,
    /// `POST /images/generations/async` (and `/images/edits/async`) with OpenAI's body,
    /// polled at `GET /images/tasks/{task_id}`; results as an images answer in `result`.
    Sub2api,
    /// `{"code":200,"data":[{"task_id","status":"submitted"}]}`, polled at `GET /tasks/{id}`.
    Apimart,
    /// `{"object":"generation.task"}`, polled at `GET /images/generations/{id}`.
    Toapis,
    /// Boxed: it is much larger than the others.
    Custom(Box<CustomDialect>),
}

/// What the profile says (stored): recognise the dialect from the submission's answer, or
/// one chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DialectChoice {
    #[default]
    Auto,
    Sub2api,
    Apimart,
    Toapis,
    Custom,
}

impl DialectChoice {
    pub const ALL: [DialectChoice; 5] = [
        DialectChoice::Auto,
        DialectChoice::Sub2api,
        DialectChoice::Apimart,
        DialectChoice::Toapis,
        DialectChoice::Custom,
    ];

    /// The select's value.
    pub fn key(self) -> &'static str {
        match self {
            DialectChoice::Auto => "auto",
            DialectChoice::Sub2api => "sub2api",
            DialectChoice::Apimart => "apimart",
            DialectChoice::Toapis => "toapis",
            DialectChoice::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<DialectChoice> {
        DialectChoice::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DialectChoice::Auto => tasks::DIALECT_AUTO.get(lang),
            DialectChoice::Sub2api => tasks::DIALECT_SUB2API.get(lang),
            DialectChoice::Apimart => tasks::DIALECT_APIMART.get(lang),
            DialectChoice::Toapis => tasks::DIALECT_TOAPIS.get(lang),
            DialectChoice::Custom => tasks::DIALECT_CUSTOM.get(lang),
        }
    }
}

/// The profile's task dialect: the choice, and the custom dialect, kept while another is
/// chosen so that switching back loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskDialectSetting {
    pub choice: DialectChoice,
    pub custom: CustomDialect,
}

impl TaskDialectSetting {
    /// The dialect requests go out in: `None` for auto (submitted the classic way and read
    /// in whichever dialect the answer is), or why the custom dialect cannot be used.
    pub fn chosen(&self, lang: Lang) -> Result<Option<TaskDialect>, String> {
        Ok(match self.choice {
            DialectChoice::Auto => None,
            DialectChoice::Sub2api => Some(TaskDialect::Sub2api),
            DialectChoice::Apimart => Some(TaskDialect::Apimart),
            DialectChoice::Toapis => Some(TaskDialect::Toapis),
            DialectChoice::Custom => {
                self.custom.compile(lang)?;
                Some(TaskDialect::Custom(Box::new(self.custom.clone())))
            }
        })
    }

    /// Whether requests carry the task gateway's body (ratio + resolution, references as
    /// links) rather than OpenAI's.
    pub fn takes_links(&self) -> bool {
        match self.choice {
            DialectChoice::Sub2api => false,
            DialectChoice::Custom => !self.custom.openai_body,
            _ => true,
        }
    }
}

/// A dialect as the user writes it: paths relative to the base URL, JSON paths into the
/// answers, and status words beyond the usual ones (comma separated).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomDialect {
    pub submit_path: String,
    /// Where edits with files from this device go (multipart); empty: no edits.
    pub edit_path: String,
    /// Send OpenAI's body (`WxH`, multipart edits) instead of the task gateway's.
    pub openai_body: bool,
    pub task_id_path: String,
    /// With `{id}` where the task id goes.
    pub poll_path: String,
    pub status_path: String,
    pub waiting_words: String,
    pub done_words: String,
    pub failed_words: String,
    /// One or more paths to result links (or base64), comma separated.
    pub result_paths: String,
    pub progress_path: String,
    pub error_path: String,
}

impl Default for CustomDialect {
    fn default() -> Self {
        CustomDialect {
            submit_path: "images/generations".into(),
            edit_path: String::new(),
            openai_body: false,
            task_id_path: "id".into(),
            poll_path: "tasks/{id}".into(),
            status_path: "status".into(),
            waiting_words: String::new(),
            done_words: String::new(),
            failed_words: String::new(),
            result_paths: "results[]".into(),
            progress_path: String::new(),
            error_path: String::new(),
        }
    }
}

/// How a status word reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Waiting,
    Done,
    Failed,
}

impl Phase {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Phase::Waiting => tasks::PHASE_WAITING.get(lang),
            Phase::Done => tasks::PHASE_DONE.get(lang),
            Phase::Failed => tasks::PHASE_FAILED.get(lang),
        }
    }
}

const WAITING: &[&str] = &[
    "pending",
    "submitted",
    "queued",
    "queueing",
    "processing",
    "running",
    "in_progress",
    "preparing",
    "started",
];
const DONE: &[&str] = &[
    "completed",
    "complete",
    "succeeded",
    "success",
    "succeed",
    "done",
    "finished",
];
const FAILED: &[&str] = &[
    "failed",
    "failure",
    "error",
    "cancelled",
    "canceled",
    "expired",
];

/// A dialect's own status words, lower case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub waiting: Vec<String>,
    pub done: Vec<String>,
    pub failed: Vec<String>,
}

impl Words {
    /// The phase of `word` (any case), or `None` for a word neither list knows.
    pub fn phase(&self, word: &str) -> Option<Phase> {
        let w = word.trim().to_lowercase();
        // The dialect's own words first: a gateway may use "error" for something else.
        if self.done.contains(&w) {
            Some(Phase::Done)
        } else if self.failed.contains(&w) {
            Some(Phase::Failed)
        } else if self.waiting.contains(&w) {
            Some(Phase::Waiting)
        } else if DONE.contains(&w.as_str()) {
            Some(Phase::Done)
        } else if FAILED.contains(&w.as_str()) {
            Some(Phase::Failed)
        } else if WAITING.contains(&w.as_str()) {
            Some(Phase::Waiting)
        } else {
            None
        }
    }
}

/// A dialect ready to read answers: every path parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    pub submit: String,
    pub edit: Option<String>,
    pub poll: String,
    /// Tried in order; the first that reaches a value is used.
    pub id: Vec<JsonPath>,
    pub status: Vec<JsonPath>,
    /// All are read; links, objects with a `url`, or base64.
    pub results: Vec<JsonPath>,
    pub progress: Vec<JsonPath>,
    pub estimated: Vec<JsonPath>,
    pub error_code: Vec<JsonPath>,
    pub error_message: Vec<JsonPath>,
    pub words: Words,
}

fn paths(list: &[&str]) -> Vec<JsonPath> {
    list.iter().map(|p| JsonPath::known(p)).collect()
}

impl TaskDialect {
    /// The rules of a built-in or custom dialect; `None` for the classic one, which
    /// `super::answer` reads with its own, looser rules. A custom dialect that does not
    /// compile (only possible for a hand-edited journal) reads as nothing.
    pub fn spec(&self) -> Option<Spec> {
        match self {
            TaskDialect::Classic => None,
            TaskDialect::Sub2api => Some(Spec {
                submit: "images/generations/async".into(),
                edit: Some("images/edits/async".into()),
                poll: "images/tasks/{id}".into(),
                id: paths(&["task_id", "id"]),
                status: paths(&["status"]),
                results: paths(&["result.data[].url", "result.data[].b64_json"]),
                progress: paths(&["progress"]),
                estimated: Vec::new(),
                error_code: paths(&["error.code", "error.type"]),
                error_message: paths(&["error.message", "error"]),
                words: Words::default(),
            }),
            TaskDialect::Apimart => Some(Spec {
                submit: "images/generations".into(),
                edit: None,
                poll: "tasks/{id}".into(),
                id: paths(&["data.0.task_id", "data.task_id", "data.id", "task_id", "id"]),
                status: paths(&["data.0.status", "data.status", "status"]),
                results: paths(&[
                    "data.result.images[].url[]",
                    "data.output.image_urls[]",
                    "output.image_urls[]",
                    "data.result.image_urls[]",
                ]),
                progress: paths(&["data.progress", "progress"]),
                estimated: paths(&["data.estimated_time"]),
                error_code: paths(&["data.error.code", "error.code"]),
                error_message: paths(&[
                    "data.error.message",
                    "data.error",
                    "data.fail_reason",
                    "error.message",
                ]),
                words: Words::default(),
            }),
            TaskDialect::Toapis => Some(Spec {
                submit: "images/generations".into(),
                edit: None,
                poll: "images/generations/{id}".into(),
                id: paths(&["id", "task_id"]),
                status: paths(&["status"]),
                results: paths(&[
                    "result.data[].url",
                    "images[].url",
                    "result.data[].b64_json",
                ]),
                progress: paths(&["progress"]),
                estimated: Vec::new(),
                error_code: paths(&["error.code"]),
                error_message: paths(&["error.message", "error", "fail_reason"]),
                words: Words::default(),
            }),
            TaskDialect::Custom(custom) => custom.compile(Lang::En).ok(),
        }
    }

    /// The path (below the base URL) a request is submitted to; `None` when the dialect
    /// takes no edits with files.
    pub fn submit_path(&self, edit: bool) -> Option<String> {
        let spec = self.spec();
        match (edit, spec) {
            (false, None) => Some("images/generations".into()),
            (true, None) => Some("images/edits".into()),
            (false, Some(s)) => Some(s.submit),
            (true, Some(s)) => s.edit,
        }
    }

    /// The poll path below the base URL, with `{id}` where the task id goes.
    pub fn poll_template(&self) -> String {
        self.spec()
            .map_or_else(|| "tasks/{id}".to_string(), |s| s.poll)
    }

    /// Where task `id` is polled, below the base URL (the id percent-encoded).
    pub fn poll_path(&self, id: &str) -> String {
        self.poll_template().replace("{id}", &encode_id(id))
    }
}

/// Everything but unreserved characters percent-encoded, as `encodeURIComponent` does.
fn encode_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// An endpoint path as typed: no scheme, no spaces, no query; the leading slash dropped.
fn endpoint_path(text: &str, what: &str, lang: Lang) -> Result<String, String> {
    let t = text.trim().trim_start_matches('/');
    if t.is_empty() {
        return Err(tr!(lang, tasks::CUSTOM_PATH_EMPTY, what = what));
    }
    if t.contains("://") || t.contains(char::is_whitespace) || t.contains('?') {
        return Err(tr!(lang, tasks::CUSTOM_PATH_BAD, what = what, path = t));
    }
    Ok(t.to_string())
}

fn json_path(text: &str, what: &str, lang: Lang) -> Result<JsonPath, String> {
    JsonPath::parse(text).map_err(|e| {
        let why = match e {
            PathError::Empty => tasks::JSON_PATH_EMPTY.get(lang),
            PathError::EmptySegment => tasks::JSON_PATH_EMPTY_SEGMENT.get(lang),
            PathError::BadBracket => tasks::JSON_PATH_BRACKET.get(lang),
            PathError::Spaces => tasks::JSON_PATH_SPACES.get(lang),
        };
        tr!(
            lang,
            tasks::JSON_PATH_BAD,
            what = what,
            path = text.trim(),
            why = why
        )
    })
}

fn optional_path(text: &str, what: &str, lang: Lang) -> Result<Vec<JsonPath>, String> {
    if text.trim().is_empty() {
        Ok(Vec::new())
    } else {
        Ok(vec![json_path(text, what, lang)?])
    }
}

impl CustomDialect {
    /// Checks every field and parses its paths; the first problem is said in `lang`, naming
    /// the field.
    pub fn compile(&self, lang: Lang) -> Result<Spec, String> {
        let submit = endpoint_path(&self.submit_path, tasks::SUBMIT_PATH.get(lang), lang)?;
        let edit = match self.edit_path.trim() {
            "" => None,
            text => Some(endpoint_path(text, tasks::EDIT_PATH.get(lang), lang)?),
        };
        let poll = endpoint_path(&self.poll_path, tasks::POLL_PATH.get(lang), lang)?;
        if poll.matches("{id}").count() != 1 {
            return Err(tr!(lang, tasks::POLL_NEEDS_ID, path = poll));
        }
        let id = vec![json_path(
            &self.task_id_path,
            tasks::TASK_ID_PATH.get(lang),
            lang,
        )?];
        let status = vec![json_path(
            &self.status_path,
            tasks::STATUS_PATH.get(lang),
            lang,
        )?];
        let results = self
            .result_paths
            .split([',', '\n'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| json_path(p, tasks::RESULT_PATHS.get(lang), lang))
            .collect::<Result<Vec<_>, _>>()?;
        if results.is_empty() {
            return Err(tr!(lang, tasks::RESULT_PATHS_NONE).into());
        }
        let words = Words {
            waiting: words(&self.waiting_words),
            done: words(&self.done_words),
            failed: words(&self.failed_words),
        };
        let lists = [
            (&words.waiting, Phase::Waiting),
            (&words.done, Phase::Done),
            (&words.failed, Phase::Failed),
        ];
        for (i, (list, phase)) in lists.iter().enumerate() {
            for (other, other_phase) in &lists[i + 1..] {
                if let Some(w) = list.iter().find(|w| other.contains(w)) {
                    return Err(tr!(
                        lang,
                        tasks::WORD_TWICE,
                        word = w,
                        a = phase.label(lang),
                        b = other_phase.label(lang)
                    ));
                }
            }
        }
        Ok(Spec {
            submit,
            edit,
            poll,
            id,
            status,
            results,
            progress: optional_path(&self.progress_path, tasks::PROGRESS_PATH.get(lang), lang)?,
            estimated: Vec::new(),
            error_code: Vec::new(),
            error_message: optional_path(&self.error_path, tasks::ERROR_PATH.get(lang), lang)?,
            words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom() -> CustomDialect {
        CustomDialect {
            submit_path: "/custom/images".into(),
            edit_path: String::new(),
            openai_body: false,
            task_id_path: "job.ref".into(),
            poll_path: "custom/jobs/{id}".into(),
            status_path: "job.state".into(),
            waiting_words: "QUEUED, warming".into(),
            done_words: "FINISHED".into(),
            failed_words: "broken".into(),
            result_paths: "job.outputs[].href, job.extra[]".into(),
            progress_path: "job.pct".into(),
            error_path: "job.problem.text".into(),
        }
    }

    #[test]
    fn status_words_map_case_insensitively() {
        let w = Words::default();
        for word in [
            "pending",
            "Submitted",
            "QUEUED",
            "processing",
            "running",
            "in_progress",
        ] {
            assert_eq!(w.phase(word), Some(Phase::Waiting), "{word}");
        }
        for word in ["completed", "SUCCEEDED", "success", "Done"] {
            assert_eq!(w.phase(word), Some(Phase::Done), "{word}");
        }
        for word in ["failed", "ERROR", "cancelled", "canceled"] {
            assert_eq!(w.phase(word), Some(Phase::Failed), "{word}");
        }
        assert_eq!(w.phase("warming"), None);
        // A dialect's own words, and they win over the usual ones.
        let own = custom().compile(Lang::En).unwrap().words;
        assert_eq!(own.phase("finished"), Some(Phase::Done));
        assert_eq!(own.phase("Warming"), Some(Phase::Waiting));
        assert_eq!(own.phase("BROKEN"), Some(Phase::Failed));
        let odd = Words {
            waiting: vec!["error".into()],
            ..Words::default()
        };
        assert_eq!(odd.phase("error"), Some(Phase::Waiting));
    }

    #[test]
    fn where_each_dialect_submits_and_polls() {
        let cases = [
            (
                TaskDialect::Classic,
                "images/generations",
                Some("images/edits"),
                "tasks/t-1",
            ),
            (
                TaskDialect::Sub2api,
                "images/generations/async",
                Some("images/edits/async"),
                "images/tasks/t-1",
            ),
            (
                TaskDialect::Apimart,
                "images/generations",
                None,
                "tasks/t-1",
            ),
            (
                TaskDialect::Toapis,
                "images/generations",
                None,
                "images/generations/t-1",
            ),
            (
                TaskDialect::Custom(Box::new(custom())),
                "custom/images",
                None,
                "custom/jobs/t-1",
            ),
        ];
        for (d, submit, edit, poll) in cases {
            assert_eq!(d.submit_path(false).as_deref(), Some(submit), "{d:?}");
            assert_eq!(d.submit_path(true).as_deref(), edit, "{d:?}");
            assert_eq!(d.poll_path("t-1"), poll, "{d:?}");
        }
        assert_eq!(
            TaskDialect::Toapis.poll_path("a/b c?"),
            "images/generations/a%2Fb%20c%3F"
        );
    }

    #[test]
    fn the_setting_chooses_and_old_stores_read_as_auto() {
        let s: TaskDialectSetting = serde_json::from_str("{}").unwrap();
        assert_eq!(s.choice, DialectChoice::Auto);
        assert_eq!(s.chosen(Lang::En), Ok(None));
        assert!(s.takes_links());
        let sub = TaskDialectSetting {
            choice: DialectChoice::Sub2api,
            ..s.clone()
        };
        assert_eq!(sub.chosen(Lang::En), Ok(Some(TaskDialect::Sub2api)));
        assert!(!sub.takes_links(), "sub2api takes OpenAI's body");
        let bad = TaskDialectSetting {
            choice: DialectChoice::Custom,
            custom: CustomDialect {
                poll_path: "tasks/".into(),
                ..custom()
            },
        };
        let e = bad.chosen(Lang::En).unwrap_err();
        assert!(e.contains("{id}"), "{e}");
        for c in DialectChoice::ALL {
            assert_eq!(DialectChoice::from_key(c.key()), Some(c));
        }
        // The journal keeps a custom dialect whole.
        let d = TaskDialect::Custom(Box::new(custom()));
        let text = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<TaskDialect>(&text).unwrap(), d);
        assert_eq!(
            serde_json::from_str::<TaskDialect>(r#"{"kind":"toapis"}"#).unwrap(),
            TaskDialect::Toapis
        );
    }

    #[test]
    fn bad_custom_definitions_say_which_field_and_why() {
        let e = |c: CustomDialect| c.compile(Lang::En).unwrap_err();
        let m = e(CustomDialect {
            submit_path: " ".into(),
            ..custom()
        });
        assert!(m.starts_with("Submit path is empty"), "{m}");
        let m = e(CustomDialect {
            submit_path: "https://x.example/v1/images".into(),
            ..custom()
        });
        assert!(m.contains("below the base URL"), "{m}");
        let m = e(CustomDialect {
            poll_path: "jobs/{id}/{id}".into(),
            ..custom()
        });
        assert!(m.contains("exactly once"), "{m}");
        let m = e(CustomDialect {
            task_id_path: "data[x].id".into(),
            ..custom()
        });
        assert!(
            m.contains("Task id path") && m.contains("data[x].id") && m.contains("["),
            "{m}"
        );
        let m = e(CustomDialect {
            status_path: "".into(),
            ..custom()
        });
        assert!(m.contains("Status path") && m.contains("empty"), "{m}");
        let m = e(CustomDialect {
            result_paths: " , ".into(),
            ..custom()
        });
        assert!(m.contains("result"), "{m}");
        let m = e(CustomDialect {
            result_paths: "a..b".into(),
            ..custom()
        });
        assert!(m.contains("a..b"), "{m}");
        let m = e(CustomDialect {
            done_words: "finished, broken".into(),
            ..custom()
        });
        assert!(
            m.contains("\"broken\"") && m.contains("done") && m.contains("failed"),
            "{m}"
        );
        let m = custom()
            .compile(Lang::ZhCn)
            .map(|_| ())
            .and(
                CustomDialect {
                    poll_path: "jobs".into(),
                    ..custom()
                }
                .compile(Lang::ZhCn)
                .map(|_| ()),
            )
            .unwrap_err();
        assert!(m.contains("{id}") && m.contains("轮询"), "{m}");
        let spec = custom().compile(Lang::En).unwrap();
        assert_eq!(
            (spec.submit.as_str(), spec.results.len()),
            ("custom/images", 2)
        );
    }
}
