//! Understanding a task gateway's answers: the task a `POST /images/generations` may return
//! instead of images, and each `GET /tasks/{id}` report. Gateways vary (status words, result
//! shapes, an envelope around the task), so anything close enough is accepted, and anything
//! else gets a message that says what was missing.

use serde_json::Value;

use crate::api::response::snippet;
use crate::i18n::{text::tasks, Lang};
use crate::tr;
// Defined beside `ApiError`, which carries it; the API layer does not import task code.
pub use crate::api::error::TaskAnswerError;

use super::dialect::TaskDialect;

/// Where a task stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskState {
    /// Anything that is neither completed nor failed: pending, queued, processing, running…
    /// The gateway's own word is kept for display.
    InProgress { status: String },
    /// Finished; links to the images (valid 24 hours).
    Completed { results: Vec<String> },
    Failed {
        code: Option<String>,
        message: String,
    },
}

/// One report on a task: the answer to the submission, or to a poll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskReport {
    pub id: String,
    pub state: TaskState,
    /// 0..=100 when the gateway says.
    pub progress: Option<u8>,
    /// The gateway's estimate of the whole task, in seconds.
    pub estimated_secs: Option<u64>,
    pub can_cancel: Option<bool>,
    /// The dialect it was read in: where the task is polled from here on.
    pub dialect: TaskDialect,
}

/// The task object itself: some gateways wrap it as `{"code":..,"data":{task}}`.
fn task_object(root: &Value) -> &Value {
    match root.get("data") {
        Some(inner @ Value::Object(_)) if root.get("status").is_none() => inner,
        _ => root,
    }
}

pub(super) fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whether an answer to `POST /images/generations` is a task rather than images: an
/// `object` ending in `.task`, or an id and a status without a `data` list.
pub fn is_task_answer(root: &Value) -> bool {
    let task = task_object(root);
    let object_says_task = task
        .get("object")
        .and_then(Value::as_str)
        .is_some_and(|o| o.ends_with(".task"));
    let looks_like_task = task.get("id").is_some()
        && task.get("status").is_some_and(Value::is_string)
        && !root.get("data").is_some_and(Value::is_array);
    object_says_task || looks_like_task
}

/// Reads a submission answer: `None` when it is not a task (then it is an images answer).
/// A failure the gateway gives no words for is said in `lang`.
pub fn parse_submission(body: &str, lang: Lang) -> Option<Result<TaskReport, TaskAnswerError>> {
    let root: Value = serde_json::from_str(body).ok()?;
    is_task_answer(&root).then(|| report_from(&root, lang))
}

/// Reads the answer to `GET /tasks/{id}` (a failure without words is said in `lang`).
pub fn parse_report(body: &str, lang: Lang) -> Result<TaskReport, TaskAnswerError> {
    let root: Value = serde_json::from_str(body).map_err(|_| TaskAnswerError::NotJson {
        snippet: snippet(body, 60),
    })?;
    report_from(&root, lang)
}

pub(super) fn report_from(root: &Value, lang: Lang) -> Result<TaskReport, TaskAnswerError> {
    let task = task_object(root);
    let status = text(task, "status").ok_or_else(|| TaskAnswerError::NoStatus {
        snippet: snippet(&task.to_string(), 120),
    })?;
    let id = text(task, "id")
        .or_else(|| text(task, "task_id"))
        .ok_or(TaskAnswerError::NoId)?;
    let info = task.get("task_info");
    let from_info_or_root = |key: &str| {
        info.and_then(|i| i.get(key))
            .or_else(|| task.get(key))
            .cloned()
    };
    let state = match status.to_ascii_lowercase().as_str() {
        "completed" | "complete" | "succeeded" | "success" | "done" | "finished" => {
            let results = result_links(task);
            if results.is_empty() {
                return Err(TaskAnswerError::CompletedWithoutResults);
            }
            TaskState::Completed { results }
        }
        "failed" | "failure" | "error" | "cancelled" | "canceled" | "expired" => {
            let (code, message) = failure(task, &status, lang);
            TaskState::Failed { code, message }
        }
        _ => TaskState::InProgress { status },
    };
    Ok(TaskReport {
        id,
        state,
        progress: task.get("progress").and_then(percent),
        estimated_secs: from_info_or_root("estimated_time")
            .as_ref()
            .and_then(seconds),
        can_cancel: from_info_or_root("can_cancel").and_then(|v| v.as_bool()),
        dialect: TaskDialect::Classic,
    })
}

/// `results` as strings or objects with a `url` (a lone string too); `data[].url` as well.
fn result_links(task: &Value) -> Vec<String> {
    let link = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(_) => v
            .get("url")
            .or_else(|| v.get("image_url"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    let list = task.get("results").or_else(|| task.get("data"));
    let links: Vec<String> = match list {
        Some(Value::Array(items)) => items.iter().filter_map(link).collect(),
        Some(single) => link(single).into_iter().collect(),
        None => Vec::new(),
    };
    links.into_iter().filter(|l| !l.is_empty()).collect()
}

fn failure(task: &Value, status: &str, lang: Lang) -> (Option<String>, String) {
    let without_message = || tr!(lang, tasks::FAILED_WITHOUT_MESSAGE, status = status);
    match task.get("error") {
        Some(Value::String(message)) if !message.trim().is_empty() => {
            (None, message.trim().to_string())
        }
        Some(err @ Value::Object(_)) => (
            text(err, "code").or_else(|| text(err, "type")),
            text(err, "message").unwrap_or_else(without_message),
        ),
        _ => (
            None,
            text(task, "fail_reason")
                .or_else(|| text(task, "message"))
                .unwrap_or_else(without_message),
        ),
    }
}

/// `45`, `45.6`, `"45"` or `"45%"` as a percentage, clamped to 0..=100.
pub(super) fn percent(v: &Value) -> Option<u8> {
    let number = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('%').trim().parse::<f64>().ok(),
        _ => None,
    }?;
    number
        .is_finite()
        .then(|| number.clamp(0.0, 100.0).round() as u8)
}

pub(super) fn seconds(v: &Value) -> Option<u64> {
    let number = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('s').parse::<f64>().ok(),
        _ => None,
    }?;
    (number.is_finite() && number >= 0.0).then(|| number.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Read in English, as most tests do.
    fn parse_submission(body: &str) -> Option<Result<TaskReport, TaskAnswerError>> {
        super::parse_submission(body, Lang::En)
    }

    fn parse_report(body: &str) -> Result<TaskReport, TaskAnswerError> {
        super::parse_report(body, Lang::En)
    }

    const SUBMITTED: &str = r#"{"id":"task-unified-1757000000-abc","object":"image.generation.task","status":"pending","progress":0,"task_info":{"can_cancel":true,"estimated_time":100},"type":"image"}"#;

    #[test]
    fn the_contract_example_is_a_task() {
        let report = parse_submission(SUBMITTED).unwrap().unwrap();
        assert_eq!(report.id, "task-unified-1757000000-abc");
        assert_eq!(
            report.state,
            TaskState::InProgress {
                status: "pending".into()
            }
        );
        assert_eq!(report.progress, Some(0));
        assert_eq!(report.estimated_secs, Some(100));
        assert_eq!(report.can_cancel, Some(true));
    }

    #[test]
    fn an_images_answer_is_not_a_task() {
        assert_eq!(
            parse_submission(r#"{"created":1,"data":[{"b64_json":"AAAA"}]}"#),
            None
        );
        assert_eq!(parse_submission("not json"), None);
        // An id beside the images (some gateways echo one) does not make it a task.
        assert_eq!(
            parse_submission(r#"{"id":"x","status":"ok","data":[{"url":"u"}]}"#),
            None
        );
    }

    #[test]
    fn in_between_statuses_are_in_progress_with_their_word() {
        for word in [
            "queued",
            "processing",
            "running",
            "IN_PROGRESS",
            "submitted",
        ] {
            let body = format!(r#"{{"id":"t","status":"{word}","progress":"42%"}}"#);
            let r = parse_report(&body).unwrap();
            assert_eq!(
                r.state,
                TaskState::InProgress {
                    status: word.into()
                }
            );
            assert_eq!(r.progress, Some(42));
        }
    }

    #[test]
    fn completed_results_as_strings_or_objects() {
        let r = parse_report(r#"{"id":"t","status":"completed","progress":100,"results":["https://a/1.png",{"url":"https://a/2.png"},7]}"#).unwrap();
        assert_eq!(
            r.state,
            TaskState::Completed {
                results: vec!["https://a/1.png".into(), "https://a/2.png".into()]
            }
        );
        let r =
            parse_report(r#"{"id":"t","status":"SUCCEEDED","results":"https://a/1.png"}"#).unwrap();
        assert!(matches!(r.state, TaskState::Completed { results } if results.len() == 1));
        assert_eq!(
            parse_report(r#"{"id":"t","status":"completed","results":[]}"#),
            Err(TaskAnswerError::CompletedWithoutResults)
        );
    }

    #[test]
    fn failures_keep_code_and_message() {
        let r = parse_report(r#"{"id":"t","status":"failed","error":{"code":"content_policy_violation","message":"Blocked by moderation."}}"#).unwrap();
        assert_eq!(
            r.state,
            TaskState::Failed {
                code: Some("content_policy_violation".into()),
                message: "Blocked by moderation.".into()
            }
        );
        let r = parse_report(r#"{"id":"t","status":"failed","error":"quota"}"#).unwrap();
        assert_eq!(
            r.state,
            TaskState::Failed {
                code: None,
                message: "quota".into()
            }
        );
        let r = parse_report(r#"{"id":"t","status":"cancelled"}"#).unwrap();
        assert!(
            matches!(r.state, TaskState::Failed { message, .. } if message == "the task cancelled without a message")
        );
        let r = super::parse_report(r#"{"id":"t","status":"expired"}"#, Lang::ZhCn).unwrap();
        assert!(
            matches!(&r.state, TaskState::Failed { message, .. } if message == "任务状态为 expired，未附说明"),
            "{:?}",
            r.state
        );
    }

    #[test]
    fn failures_read_as_messages_a_user_can_act_on() {
        use crate::api::error::ApiError;
        let e = ApiError::TaskFailed {
            task_id: "t1".into(),
            code: Some("content_policy_violation".into()),
            message: "Blocked.".into(),
        };
        assert_eq!(
            e.to_string(),
            "The gateway's task failed (content_policy_violation): Blocked. (task t1)"
        );
        let e = ApiError::LinkUnreadable {
            url: "https://cdn.example/1.png".into(),
            detail: "Failed to fetch".into(),
        };
        assert!(e.to_string().contains("CORS") && e.to_string().contains("link is kept"));
        let e = ApiError::BadTask(parse_report("{}").unwrap_err());
        assert!(e.to_string().contains("status"), "{e}");
    }

    #[test]
    fn an_envelope_around_the_task_is_opened() {
        let r = parse_report(
            r#"{"code":200,"data":{"task_id":"t9","status":"running","progress":12.6}}"#,
        )
        .unwrap();
        assert_eq!((r.id.as_str(), r.progress), ("t9", Some(13)));
    }

    #[test]
    fn unparseable_reports_say_what_is_missing() {
        let e = parse_report("<html>502</html>").unwrap_err();
        assert!(e.to_string().contains("not JSON"), "{e}");
        let e = parse_report(r#"{"id":"t","progress":5}"#).unwrap_err();
        assert!(e.to_string().contains("no \"status\""), "{e}");
        assert_eq!(
            parse_report(r#"{"status":"pending"}"#),
            Err(TaskAnswerError::NoId)
        );
        assert_eq!(
            parse_report(r#"{"id":"t","status":"running","progress":250}"#)
                .unwrap()
                .progress,
            Some(100)
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a gateway sends, reading it never panics.
        #[test]
        fn any_text_reads_without_panicking(body in ".{0,200}") {
            let _ = parse_report(&body, Lang::En);
            let _ = parse_submission(&body, Lang::En);
        }

        #[test]
        fn progress_is_always_a_percentage(p in proptest::num::f64::ANY) {
            let body = serde_json::json!({"id": "t", "status": "running", "progress": p}).to_string();
            if let Ok(r) = parse_report(&body, Lang::En) {
                prop_assert!(r.progress.is_none_or(|v| v <= 100));
            }
        }
    }
}
