//! Tasks being followed, written down so that a reload resumes polling them: the task id and
//! where it lives, what was asked, and how far polling got. Never the key (it stays in the
//! tab's session storage and is looked up again by base URL).

use serde::{Deserialize, Serialize};

use super::dialect::TaskDialect;
use crate::api::request::ImageParams;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskEntry {
    pub task_id: String,
    pub base_url: String,
    /// Where it is polled and how its reports read (entries from before dialects: classic).
    #[serde(default)]
    pub dialect: TaskDialect,
    /// The request that made the task (its `n` is that request's).
    pub params: ImageParams,
    /// The run journal entry this task came from (`history::journal`): it is not
    /// "interrupted" by a reload, since the task is resumed.
    #[serde(default)]
    pub run_entry: String,
    pub submitted_ms: f64,
    /// The last time the task was seen still running (links expire 24 h after completion).
    #[serde(default)]
    pub last_running_ms: f64,
    #[serde(default)]
    pub polls: u32,
    #[serde(default)]
    pub progress: Option<u8>,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub estimated_secs: Option<u64>,
    /// The tab polling it (`crate::tabs`): exactly one tab polls a task.
    #[serde(default)]
    pub tab: String,
}

impl TaskEntry {
    fn same_task(&self, other: &TaskEntry) -> bool {
        self.task_id == other.task_id && self.base_url == other.base_url
    }
}

/// The stored list; damaged text or entries read as absent rather than failing.
pub fn decode(text: &str) -> Vec<TaskEntry> {
    serde_json::from_str::<Vec<serde_json::Value>>(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
}

pub fn encode(entries: &[TaskEntry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".into())
}

/// Adds `entry`, or replaces the entry of the same task.
pub fn upsert(text: &str, entry: TaskEntry) -> String {
    let mut entries = decode(text);
    match entries.iter_mut().find(|e| e.same_task(&entry)) {
        Some(e) => *e = entry,
        None => entries.push(entry),
    }
    encode(&entries)
}

pub fn remove(text: &str, base_url: &str, task_id: &str) -> String {
    let mut entries = decode(text);
    entries.retain(|e| !(e.task_id == task_id && e.base_url == base_url));
    encode(&entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str) -> TaskEntry {
        TaskEntry {
            task_id: id.into(),
            base_url: "http://127.0.0.1:8787/v1".into(),
            dialect: TaskDialect::Sub2api,
            params: ImageParams {
                prompt: "a fox".into(),
                ..ImageParams::default()
            },
            run_entry: format!("run-{id}"),
            submitted_ms: 1.0,
            last_running_ms: 1.0,
            polls: 0,
            progress: Some(0),
            status: "pending".into(),
            estimated_secs: Some(100),
            tab: String::new(),
        }
    }

    #[test]
    fn upsert_updates_in_place_and_remove_forgets() {
        let text = upsert("", task("a"));
        let text = upsert(&text, task("b"));
        let moved = TaskEntry {
            polls: 7,
            progress: Some(60),
            ..task("a")
        };
        let text = upsert(&text, moved.clone());
        assert_eq!(decode(&text), vec![moved, task("b")]);
        assert!(text.contains(r#""dialect":{"kind":"sub2api"}"#), "{text}");
        let text = remove(&text, "http://127.0.0.1:8787/v1", "a");
        assert_eq!(decode(&text), vec![task("b")]);
        // Another endpoint's task of the same id is another task.
        assert_eq!(decode(&remove(&text, "https://x/v1", "b")).len(), 1);
    }

    #[test]
    fn damage_reads_as_absent_and_old_entries_read_with_defaults() {
        assert_eq!(decode("garbage"), vec![]);
        let text =
            r#"[{"task_id":"t","base_url":"b","params":{"prompt":"p"},"submitted_ms":5},{"x":1}]"#;
        let entries = decode(text);
        assert_eq!(entries.len(), 1);
        assert_eq!((entries[0].polls, entries[0].progress), (0, None));
        assert_eq!(entries[0].dialect, TaskDialect::Classic);
    }

    #[test]
    fn no_key_is_journaled() {
        let text = encode(&[task("a")]).to_ascii_lowercase();
        for word in ["key", "authorization", "bearer"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
    }
}
