//! What the page shows about a task while it is followed, and after.

use super::schedule::remaining_secs;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskProgress {
    pub task_id: String,
    /// The gateway's word: pending, processing, completed…
    pub status: String,
    pub progress: Option<u8>,
    pub estimated_secs: Option<u64>,
    pub submitted_ms: f64,
    pub can_cancel: Option<bool>,
    pub polls: u32,
    /// Picked up again after a reload.
    pub resumed: bool,
    /// Why the last poll failed, while polling goes on.
    pub note: Option<String>,
    /// Result links that could not be fetched (CORS): kept, to be opened before they expire.
    pub kept_links: Vec<String>,
    pub links_expire_ms: Option<f64>,
}

impl TaskProgress {
    /// "processing · 45 % · about 30 s left · 6 polls".
    pub fn summary(&self, now_ms: f64) -> String {
        let mut parts = vec![self.status.clone()];
        if let Some(p) = self.progress {
            parts.push(format!("{p} %"));
        }
        let in_progress = !matches!(self.status.as_str(), "completed" | "failed");
        if in_progress {
            if let Some(left) = remaining_secs(
                now_ms - self.submitted_ms,
                self.progress,
                self.estimated_secs,
            ) {
                parts.push(format!("about {left} s left"));
            }
        }
        parts.push(match self.polls {
            1 => "1 poll".to_string(),
            n => format!("{n} polls"),
        });
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_says_status_progress_and_time_left() {
        let p = TaskProgress {
            status: "processing".into(),
            progress: Some(20),
            estimated_secs: Some(100),
            submitted_ms: 0.0,
            polls: 4,
            ..TaskProgress::default()
        };
        assert_eq!(
            p.summary(10_000.0),
            "processing · 20 % · about 40 s left · 4 polls"
        );
        let done = TaskProgress {
            status: "completed".into(),
            progress: Some(100),
            polls: 1,
            ..p
        };
        assert_eq!(done.summary(10_000.0), "completed · 100 % · 1 poll");
    }
}
