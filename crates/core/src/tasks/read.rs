//! Reading task answers in a dialect (`super::dialect`): which dialect a submission's answer
//! is in when the profile leaves it to the answer, the task it describes, each poll's report,
//! and, for the profile's test box, what a pasted answer gives and what it lacks.

use serde_json::Value;

use super::answer::{self, percent, seconds, text, TaskReport, TaskState};
use super::dialect::{Phase, Spec, TaskDialect};
use super::json_path::JsonPath;
use crate::api::error::{TaskAnswerError, TaskPart};
use crate::api::response::snippet;
use crate::i18n::{text::tasks, Lang};
use crate::tr;

/// The dialect a submission's answer is in, where the answer says: APIMart's task list,
/// ToAPIs' `generation.task`, sub2api's `imgtask_` ids, or the classic task object.
pub fn recognise(root: &Value) -> Option<TaskDialect> {
    let apimart = root
        .get("data")
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .is_some_and(|item| item.get("task_id").is_some() && item.get("status").is_some());
    if apimart {
        return Some(TaskDialect::Apimart);
    }
    if root.get("object").and_then(Value::as_str) == Some("generation.task") {
        return Some(TaskDialect::Toapis);
    }
    let sub2api = ["task_id", "id"].iter().any(|k| {
        root.get(k)
            .and_then(Value::as_str)
            .is_some_and(|id| id.starts_with("imgtask_"))
    });
    if sub2api && root.get("status").is_some_and(Value::is_string) {
        return Some(TaskDialect::Sub2api);
    }
    answer::is_task_answer(root).then_some(TaskDialect::Classic)
}

/// An images answer (a `data` list of images), which no dialect reads as a task.
fn is_images_answer(root: &Value) -> bool {
    root.get("data")
        .and_then(Value::as_array)
        .is_some_and(|items| {
            items
                .iter()
                .any(|i| i.get("b64_json").is_some() || i.get("url").is_some())
        })
}

/// Reads a submission's answer: `None` when it is images, not a task. `chosen` is the
/// profile's dialect; without one the answer says which (`recognise`).
pub fn read_submission(
    body: &str,
    chosen: Option<&TaskDialect>,
    lang: Lang,
) -> Option<Result<TaskReport, TaskAnswerError>> {
    let root: Value = serde_json::from_str(body).ok()?;
    let dialect = match chosen {
        None => recognise(&root)?,
        Some(TaskDialect::Classic) if !answer::is_task_answer(&root) => return None,
        Some(_) if is_images_answer(&root) => return None,
        Some(d) => d.clone(),
    };
    Some(read_value(&root, &dialect, None, lang))
}

/// Reads the answer to a poll of task `polled_id` (the id it keeps when the answer does not
/// repeat it).
pub fn read_report(
    body: &str,
    dialect: &TaskDialect,
    polled_id: &str,
    lang: Lang,
) -> Result<TaskReport, TaskAnswerError> {
    let root: Value = serde_json::from_str(body).map_err(|_| TaskAnswerError::NotJson {
        snippet: snippet(body, 60),
    })?;
    read_value(&root, dialect, Some(polled_id), lang)
}

fn read_value(
    root: &Value,
    dialect: &TaskDialect,
    polled_id: Option<&str>,
    lang: Lang,
) -> Result<TaskReport, TaskAnswerError> {
    match dialect.spec() {
        None => answer::report_from(root, lang),
        Some(spec) => {
            let reading = read_spec(root, &spec, lang);
            let missing = |part: TaskPart, paths: &[JsonPath]| TaskAnswerError::NotAt {
                part,
                paths: listed(paths),
                snippet: snippet(&root.to_string(), 120),
            };
            let status = reading
                .status
                .clone()
                .ok_or_else(|| missing(TaskPart::Status, &spec.status))?;
            let id = reading
                .task_id
                .clone()
                .or_else(|| polled_id.map(str::to_string))
                .ok_or_else(|| missing(TaskPart::Id, &spec.id))?;
            let state = match reading.phase {
                Some(Phase::Done) if reading.results.is_empty() => {
                    return Err(missing(TaskPart::Results, &spec.results))
                }
                Some(Phase::Done) => TaskState::Completed {
                    results: reading.results,
                },
                Some(Phase::Failed) => TaskState::Failed {
                    code: reading.error_code,
                    message: reading.error.unwrap_or_else(|| {
                        tr!(lang, tasks::FAILED_WITHOUT_MESSAGE, status = status)
                    }),
                },
                // An unknown word is read as still running, as the classic dialect does.
                _ => TaskState::InProgress { status },
            };
            Ok(TaskReport {
                id,
                state,
                progress: reading.progress,
                estimated_secs: spec
                    .estimated
                    .iter()
                    .find_map(|p| p.first(root).and_then(seconds)),
                can_cancel: None,
                dialect: dialect.clone(),
            })
        }
    }
}

fn listed(paths: &[JsonPath]) -> String {
    paths
        .iter()
        .map(JsonPath::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first path that reaches text (or a number).
fn first_text(root: &Value, paths: &[JsonPath]) -> Option<String> {
    paths.iter().find_map(|p| {
        p.values(root).into_iter().find_map(|v| match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    })
}

/// Result links from every path: links, objects with a link, lists of them, or raw base64
/// (made a `data:` URL, which the page fetches like a link).
fn result_links(root: &Value, paths: &[JsonPath]) -> Vec<String> {
    fn push(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                let s = s.trim();
                if s.starts_with("http://") || s.starts_with("https://") || s.starts_with("data:") {
                    out.push(s.to_string());
                } else if s.len() > 16
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
                {
                    out.push(format!("data:{};base64,{s}", sniff_base64(s)));
                }
            }
            Value::Array(items) => items.iter().for_each(|i| push(i, out)),
            Value::Object(_) => {
                for key in ["url", "image_url", "b64_json"] {
                    if let Some(inner) = v.get(key) {
                        push(inner, out);
                        return;
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for p in paths {
        for v in p.values(root) {
            push(v, &mut out);
        }
    }
    out.dedup();
    out
}

/// The image type base64 starts with (PNG unless it says JPEG or WebP).
fn sniff_base64(b64: &str) -> &'static str {
    if b64.starts_with("/9j/") {
        "image/jpeg"
    } else if b64.starts_with("UklGR") {
        "image/webp"
    } else {
        "image/png"
    }
}

/// What a pasted answer gives in a dialect, field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trial {
    /// The dialect it was read in (recognised, when none was chosen).
    pub dialect: Option<TaskDialect>,
    pub task_id: Option<String>,
    /// The gateway's word, and how it reads (`None`: a word no list knows, read as waiting).
    pub status: Option<String>,
    pub phase: Option<Phase>,
    pub progress: Option<u8>,
    pub results: Vec<String>,
    pub error: Option<String>,
    /// What could not be found, each naming where it was looked for.
    pub missing: Vec<String>,
}

struct Reading {
    task_id: Option<String>,
    status: Option<String>,
    phase: Option<Phase>,
    progress: Option<u8>,
    results: Vec<String>,
    error_code: Option<String>,
    error: Option<String>,
}

fn read_spec(root: &Value, spec: &Spec, _lang: Lang) -> Reading {
    let status = first_text(root, &spec.status);
    Reading {
        task_id: first_text(root, &spec.id),
        phase: status.as_deref().and_then(|s| spec.words.phase(s)),
        status,
        progress: spec
            .progress
            .iter()
            .find_map(|p| p.first(root).and_then(percent)),
        results: result_links(root, &spec.results),
        error_code: first_text(root, &spec.error_code),
        error: first_text(root, &spec.error_message),
    }
}

/// Reads a pasted submission or poll answer in `chosen` (or the dialect it is recognised
/// as), for the profile's test box; `Err` when it is not JSON or no dialect reads it.
pub fn trial(body: &str, chosen: Option<&TaskDialect>, lang: Lang) -> Result<Trial, String> {
    let root: Value = serde_json::from_str(body)
        .map_err(|_| tr!(lang, tasks::TRIAL_NOT_JSON, snippet = snippet(body, 60)))?;
    let dialect = match chosen {
        Some(d) => d.clone(),
        None => recognise(&root).ok_or_else(|| tr!(lang, tasks::TRIAL_UNRECOGNISED))?,
    };
    let Some(spec) = dialect.spec() else {
        // The classic dialect's looser rules: what it reads, or what it lacks.
        return Ok(match answer::report_from(&root, lang) {
            Ok(r) => Trial {
                dialect: Some(dialect),
                task_id: Some(r.id),
                progress: r.progress,
                ..classic_state(r.state)
            },
            Err(e) => Trial {
                dialect: Some(dialect),
                task_id: text(&root, "id"),
                missing: vec![e.message(lang)],
                ..Trial::default()
            },
        });
    };
    let r = read_spec(&root, &spec, lang);
    let mut missing = Vec::new();
    let mut lacks = |part: TaskPart, paths: &[JsonPath]| {
        missing.push(tr!(
            lang,
            tasks::TRIAL_MISSING,
            part = part.label(lang),
            paths = listed(paths)
        ));
    };
    if r.task_id.is_none() {
        lacks(TaskPart::Id, &spec.id);
    }
    if r.status.is_none() {
        lacks(TaskPart::Status, &spec.status);
    }
    // Links are looked for only once the task says it is done.
    if r.phase == Some(Phase::Done) && r.results.is_empty() {
        lacks(TaskPart::Results, &spec.results);
    }
    Ok(Trial {
        dialect: Some(dialect),
        task_id: r.task_id,
        status: r.status,
        phase: r.phase,
        progress: r.progress,
        results: r.results,
        error: r.error.filter(|_| r.phase == Some(Phase::Failed)),
        missing,
    })
}

fn classic_state(state: TaskState) -> Trial {
    match state {
        TaskState::InProgress { status } => Trial {
            phase: Some(Phase::Waiting),
            status: Some(status),
            ..Trial::default()
        },
        TaskState::Completed { results } => Trial {
            phase: Some(Phase::Done),
            results,
            ..Trial::default()
        },
        TaskState::Failed { message, .. } => Trial {
            phase: Some(Phase::Failed),
            error: Some(message),
            ..Trial::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tasks::dialect::CustomDialect;

    fn sub(body: &str, d: Option<&TaskDialect>) -> TaskReport {
        read_submission(body, d, Lang::En).unwrap().unwrap()
    }

    fn poll(body: &str, d: &TaskDialect) -> TaskReport {
        read_report(body, d, "polled", Lang::En).unwrap()
    }

    #[test]
    fn sub2api_submission_and_polls() {
        let submitted = r#"{"id":"imgtask_abc","task_id":"imgtask_abc","object":"image.generation.task","status":"processing","created_at":1}"#;
        for chosen in [None, Some(&TaskDialect::Sub2api)] {
            let r = sub(submitted, chosen);
            assert_eq!(
                (r.id.as_str(), &r.dialect),
                ("imgtask_abc", &TaskDialect::Sub2api)
            );
            assert_eq!(
                r.state,
                TaskState::InProgress {
                    status: "processing".into()
                }
            );
        }
        let d = TaskDialect::Sub2api;
        let done = poll(
            r#"{"task_id":"imgtask_abc","status":"completed","image_url":"https://cdn/1.png","result":{"created":1,"data":[{"url":"https://cdn/1.png"},{"url":"https://cdn/2.png"}]}}"#,
            &d,
        );
        assert_eq!(
            done.state,
            TaskState::Completed {
                results: vec!["https://cdn/1.png".into(), "https://cdn/2.png".into()]
            }
        );
        let b64 = poll(
            r#"{"task_id":"imgtask_abc","status":"completed","result":{"data":[{"b64_json":"iVBORw0KGgoAAAANSUhEUgAA"}]}}"#,
            &d,
        );
        assert_eq!(
            b64.state,
            TaskState::Completed {
                results: vec!["data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA".into()]
            }
        );
        let failed = poll(
            r#"{"task_id":"imgtask_abc","status":"failed","error":{"type":"api_error","message":"Upstream request failed"}}"#,
            &d,
        );
        assert_eq!(
            failed.state,
            TaskState::Failed {
                code: Some("api_error".into()),
                message: "Upstream request failed".into()
            }
        );
        // An images answer from the async path is images, not a task.
        assert_eq!(
            read_submission(
                r#"{"created":1,"data":[{"b64_json":"AAAA"}]}"#,
                Some(&d),
                Lang::En
            ),
            None
        );
    }

    #[test]
    fn apimart_submission_and_polls() {
        let submitted = r#"{"code":200,"data":[{"status":"submitted","task_id":"task_01KPQ7"}]}"#;
        for chosen in [None, Some(&TaskDialect::Apimart)] {
            let r = sub(submitted, chosen);
            assert_eq!(
                (r.id.as_str(), &r.dialect),
                ("task_01KPQ7", &TaskDialect::Apimart)
            );
            assert_eq!(
                r.state,
                TaskState::InProgress {
                    status: "submitted".into()
                }
            );
        }
        let d = TaskDialect::Apimart;
        let running = poll(
            r#"{"code":200,"data":{"id":"task_01KPQ7","status":"processing","progress":40,"estimated_time":60}}"#,
            &d,
        );
        assert_eq!(
            (running.progress, running.estimated_secs),
            (Some(40), Some(60))
        );
        let done = poll(
            r#"{"code":200,"data":{"id":"task_01KPQ7","status":"completed","progress":100,"result":{"images":[{"url":["https://cdn/a.png"],"expires_at":1}]}}}"#,
            &d,
        );
        assert_eq!(
            done.state,
            TaskState::Completed {
                results: vec!["https://cdn/a.png".into()]
            }
        );
        let output = poll(
            r#"{"code":200,"data":{"status":"SUCCESS","output":{"image_urls":["https://cdn/b.png"]}}}"#,
            &d,
        );
        assert_eq!(
            (output.id.as_str(), output.state),
            (
                "polled",
                TaskState::Completed {
                    results: vec!["https://cdn/b.png".into()]
                }
            )
        );
        let failed = poll(
            r#"{"code":200,"data":{"id":"t","status":"failed","error":{"code":"moderation","message":"Refused."}}}"#,
            &d,
        );
        assert_eq!(
            failed.state,
            TaskState::Failed {
                code: Some("moderation".into()),
                message: "Refused.".into()
            }
        );
    }

    #[test]
    fn toapis_submission_and_polls() {
        let submitted = r#"{"id":"task_img_abc","object":"generation.task","model":"gpt-image-2","status":"queued","progress":0,"created_at":1}"#;
        for chosen in [None, Some(&TaskDialect::Toapis)] {
            let r = sub(submitted, chosen);
            assert_eq!(
                (r.id.as_str(), &r.dialect),
                ("task_img_abc", &TaskDialect::Toapis)
            );
        }
        let d = TaskDialect::Toapis;
        let p = poll(
            r#"{"id":"task_img_abc","object":"generation.task","status":"in_progress","progress":"55%"}"#,
            &d,
        );
        assert_eq!(
            (p.state, p.progress),
            (
                TaskState::InProgress {
                    status: "in_progress".into()
                },
                Some(55)
            )
        );
        let done = poll(
            r#"{"id":"task_img_abc","status":"completed","result":{"type":"image","data":[{"url":"https://files/1.png"}]}}"#,
            &d,
        );
        assert_eq!(
            done.state,
            TaskState::Completed {
                results: vec!["https://files/1.png".into()]
            }
        );
        let cancelled = poll(r#"{"id":"task_img_abc","status":"cancelled"}"#, &d);
        assert!(
            matches!(cancelled.state, TaskState::Failed { message, .. } if message == "the task cancelled without a message")
        );
        let e = read_report(
            r#"{"id":"x","status":"completed","result":{}}"#,
            &d,
            "x",
            Lang::En,
        )
        .unwrap_err();
        assert!(e.message(Lang::En).contains("result.data[].url"), "{e}");
    }

    #[test]
    fn classic_answers_are_recognised_as_before() {
        let submitted = r#"{"id":"task-unified-1","object":"image.generation.task","status":"pending","progress":0}"#;
        let r = sub(submitted, None);
        assert_eq!(
            (r.id.as_str(), &r.dialect),
            ("task-unified-1", &TaskDialect::Classic)
        );
        assert_eq!(r.dialect.poll_path(&r.id), "tasks/task-unified-1");
        assert_eq!(
            read_submission(
                r#"{"created":1,"data":[{"b64_json":"AAAA"}]}"#,
                None,
                Lang::En
            ),
            None
        );
        let done = poll(
            r#"{"id":"t","status":"completed","results":["https://a/1.png"]}"#,
            &TaskDialect::Classic,
        );
        assert!(matches!(done.state, TaskState::Completed { .. }));
    }

    fn custom() -> TaskDialect {
        TaskDialect::Custom(Box::new(CustomDialect {
            submit_path: "custom/images".into(),
            task_id_path: "job.ref".into(),
            poll_path: "custom/jobs/{id}".into(),
            status_path: "job.state".into(),
            done_words: "SHIPPED".into(),
            failed_words: "BROKEN".into(),
            result_paths: "job.outputs[].href".into(),
            progress_path: "job.pct".into(),
            error_path: "job.problem.text".into(),
            ..CustomDialect::default()
        }))
    }

    #[test]
    fn a_custom_dialect_reads_by_its_own_paths_and_words() {
        let d = custom();
        let r = sub(r#"{"job":{"ref":"job-7","state":"QUEUED"}}"#, Some(&d));
        assert_eq!(
            (r.id.as_str(), r.state),
            (
                "job-7",
                TaskState::InProgress {
                    status: "QUEUED".into()
                }
            )
        );
        let p = poll(r#"{"job":{"ref":"job-7","state":"WARMING","pct":12}}"#, &d);
        assert_eq!(
            (p.state, p.progress),
            (
                TaskState::InProgress {
                    status: "WARMING".into()
                },
                Some(12)
            )
        );
        let done = poll(
            r#"{"job":{"ref":"job-7","state":"SHIPPED","outputs":[{"href":"https://x/1.png"},{"href":"https://x/2.png"}]}}"#,
            &d,
        );
        assert_eq!(
            done.state,
            TaskState::Completed {
                results: vec!["https://x/1.png".into(), "https://x/2.png".into()]
            }
        );
        let failed = poll(
            r#"{"job":{"ref":"job-7","state":"broken","problem":{"text":"GPU fell over"}}}"#,
            &d,
        );
        assert_eq!(
            failed.state,
            TaskState::Failed {
                code: None,
                message: "GPU fell over".into()
            }
        );
        let e = read_submission(r#"{"job":{"state":"QUEUED"}}"#, Some(&d), Lang::En)
            .unwrap()
            .unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            r#"The task answer has no task id at job.ref: {"job":{"state":"QUEUED"}}"#
        );
        // Without the custom words, SHIPPED would be polled forever: it is not a usual word.
        assert!(matches!(
            poll(
                r#"{"job":{"ref":"j","state":"SHIPPED"}}"#,
                &TaskDialect::Custom(Box::new(CustomDialect {
                    status_path: "job.state".into(),
                    ..CustomDialect::default()
                }))
            )
            .state,
            TaskState::InProgress { .. }
        ));
    }

    #[test]
    fn the_test_box_says_what_was_read_and_what_is_missing() {
        let t = trial(
            r#"{"job":{"ref":"job-7","state":"SHIPPED","outputs":[]}}"#,
            Some(&custom()),
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            (t.task_id.as_deref(), t.phase),
            (Some("job-7"), Some(Phase::Done))
        );
        assert_eq!(
            t.missing,
            vec!["No result URLs at job.outputs[].href".to_string()]
        );
        let t = trial(r#"{"job":{"state":"QUEUED"}}"#, Some(&custom()), Lang::En).unwrap();
        assert_eq!(t.missing, vec!["No task id at job.ref".to_string()]);
        assert_eq!(t.status.as_deref(), Some("QUEUED"));
        let t = trial(
            r#"{"code":200,"data":[{"status":"submitted","task_id":"t1"}]}"#,
            None,
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            (t.dialect, t.task_id.as_deref()),
            (Some(TaskDialect::Apimart), Some("t1"))
        );
        let t = trial(
            r#"{"id":"t","status":"failed","error":{"message":"No."}}"#,
            None,
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            (t.phase, t.error.as_deref()),
            (Some(Phase::Failed), Some("No."))
        );
        assert!(trial("<html>", None, Lang::En)
            .unwrap_err()
            .contains("not JSON"));
        assert!(trial(r#"{"hello":1}"#, None, Lang::En)
            .unwrap_err()
            .contains("no dialect"));
        let t = trial(r#"{"job":{}}"#, Some(&custom()), Lang::ZhCn).unwrap();
        assert_eq!(t.missing.len(), 2);
        assert!(
            t.missing[0].contains("job.ref") && t.missing[0].contains("任务 id"),
            "{:?}",
            t.missing
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a gateway sends, no dialect panics reading it.
        #[test]
        fn any_text_reads_without_panicking(body in ".{0,200}") {
            for d in [TaskDialect::Classic, TaskDialect::Sub2api, TaskDialect::Apimart, TaskDialect::Toapis] {
                let _ = read_report(&body, &d, "t", Lang::En);
                let _ = read_submission(&body, Some(&d), Lang::En);
            }
            let _ = read_submission(&body, None, Lang::En);
            let _ = trial(&body, None, Lang::En);
        }
    }
}
