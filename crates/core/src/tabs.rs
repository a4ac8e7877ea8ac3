//! Several tabs of the app share one local storage. Each journal entry names the tab that owns
//! it; a tab that starts (or outlives another) takes over only the entries of tabs that are
//! gone. Which tabs live is the browser's to say (a lock per tab, held while the page lives);
//! what to take over is decided here.

use crate::history::journal::{self, JournalEntry};
use crate::tasks::journal::{self as task_journal, TaskEntry};

/// Held by each tab for its whole life: `gis.tab.<id>`.
pub const TAB_LOCK_PREFIX: &str = "gis.tab.";
/// Held while a tab reads and rewrites the journals to take over entries, so two tabs never
/// take the same entry.
pub const CLAIM_LOCK: &str = "gis.claim";

pub fn lock_name(tab: &str) -> String {
    format!("{TAB_LOCK_PREFIX}{tab}")
}

/// The tab a lock name belongs to, for the locks of tabs.
pub fn tab_of_lock(name: &str) -> Option<&str> {
    name.strip_prefix(TAB_LOCK_PREFIX).filter(|t| !t.is_empty())
}

/// A tab id from the clock and a random number in `[0, 1)`: unique across tabs and reloads.
pub fn new_tab_id(now_ms: f64, random: f64) -> String {
    let time = now_ms.max(0.0) as u64;
    let noise = (random.clamp(0.0, 1.0) * 4_294_967_295.0) as u64;
    format!("{time:x}-{noise:08x}")
}

/// An entry belongs to nobody when its tab is not among the living (entries older than
/// tabs carry none).
pub fn is_orphan(owner: &str, live: &[String]) -> bool {
    owner.is_empty() || !live.iter().any(|t| t == owner)
}

/// The stored journals after a tab took over what was orphaned, and what it took.
#[derive(Debug, Default, PartialEq)]
pub struct Claim {
    pub runs_text: String,
    pub interrupted_text: String,
    pub tasks_text: String,
    /// Tasks this tab now polls (they name it as their tab in `tasks_text`).
    pub resumed: Vec<TaskEntry>,
    /// Requests that were on the wire in a tab now gone: they may have been billed.
    pub interrupted: Vec<JournalEntry>,
}

/// Tab `me` takes over the entries of tabs not in `live`: their tasks are polled by `me`
/// from now on, and their requests move to the interrupted list, except the runs whose task
/// is resumed. Entries of living tabs are left exactly as they are.
pub fn claim(
    runs_text: &str,
    interrupted_text: &str,
    tasks_text: &str,
    live: &[String],
    me: &str,
) -> Claim {
    let mut tasks = task_journal::decode(tasks_text);
    let mut resumed = Vec::new();
    for task in tasks.iter_mut().filter(|t| t.tab != me) {
        if is_orphan(&task.tab, live) {
            task.tab = me.to_string();
            resumed.push(task.clone());
        }
    }
    let (orphans, kept): (Vec<JournalEntry>, Vec<JournalEntry>) = journal::decode(runs_text)
        .into_iter()
        .partition(|run| run.tab != me && is_orphan(&run.tab, live));
    let resumed_runs: Vec<&str> = resumed.iter().map(|t| t.run_entry.as_str()).collect();
    let newly: Vec<JournalEntry> = orphans
        .into_iter()
        .filter(|run| !resumed_runs.contains(&run.id.as_str()))
        .collect();
    let mut interrupted = journal::decode(interrupted_text);
    for run in &newly {
        interrupted.retain(|e| e.id != run.id);
    }
    interrupted.extend(newly);
    Claim {
        runs_text: journal::encode(&kept),
        interrupted_text: journal::encode(&interrupted),
        tasks_text: task_journal::encode(&tasks),
        resumed,
        interrupted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::request::ImageParams;

    fn run(id: &str, tab: &str) -> JournalEntry {
        JournalEntry {
            id: id.into(),
            started_ms: 1.0,
            params: ImageParams::default(),
            base_url: "http://127.0.0.1:8787/v1".into(),
            references: 0,
            tab: tab.into(),
        }
    }

    fn task(id: &str, run_entry: &str, tab: &str) -> TaskEntry {
        TaskEntry {
            task_id: id.into(),
            base_url: "http://127.0.0.1:8787/v1".into(),
            dialect: Default::default(),
            params: ImageParams::default(),
            run_entry: run_entry.into(),
            submitted_ms: 1.0,
            last_running_ms: 1.0,
            polls: 3,
            progress: None,
            status: "running".into(),
            estimated_secs: None,
            tab: tab.into(),
        }
    }

    fn live(tabs: &[&str]) -> Vec<String> {
        tabs.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn a_living_tabs_entries_are_left_alone() {
        let runs = journal::encode(&[run("r1", "a")]);
        let tasks = task_journal::encode(&[task("t1", "r1", "a")]);
        let claim = claim(&runs, "[]", &tasks, &live(&["a", "b"]), "b");
        assert!(claim.resumed.is_empty());
        assert!(claim.interrupted.is_empty());
        assert_eq!(journal::decode(&claim.runs_text), vec![run("r1", "a")]);
        assert_eq!(
            task_journal::decode(&claim.tasks_text),
            vec![task("t1", "r1", "a")]
        );
    }

    #[test]
    fn a_gone_tabs_tasks_are_resumed_and_its_requests_interrupted() {
        let runs = journal::encode(&[run("r1", "gone"), run("r2", "gone"), run("r3", "a")]);
        let tasks = task_journal::encode(&[task("t1", "r1", "gone"), task("t2", "r3", "a")]);
        let before = journal::encode(&[run("r0", "older")]);
        let claim = claim(&runs, &before, &tasks, &live(&["a", "b"]), "b");
        assert_eq!(claim.resumed, vec![task("t1", "r1", "b")]);
        // r1's task is resumed, so r1 is not interrupted; r2 is.
        assert_eq!(
            claim.interrupted,
            vec![run("r0", "older"), run("r2", "gone")]
        );
        assert_eq!(journal::decode(&claim.runs_text), vec![run("r3", "a")]);
        assert_eq!(
            task_journal::decode(&claim.tasks_text),
            vec![task("t1", "r1", "b"), task("t2", "r3", "a")]
        );
    }

    #[test]
    fn claiming_twice_takes_nothing_twice() {
        let runs = journal::encode(&[run("r1", "")]);
        let tasks = task_journal::encode(&[task("t1", "rx", "")]);
        let first = claim(&runs, "[]", &tasks, &live(&["b"]), "b");
        assert_eq!(first.resumed.len(), 1);
        assert_eq!(first.interrupted.len(), 1);
        // Another tab starting now sees b alive: b's task stays b's.
        let second = claim(
            &first.runs_text,
            &first.interrupted_text,
            &first.tasks_text,
            &live(&["b", "c"]),
            "c",
        );
        assert!(second.resumed.is_empty());
        assert_eq!(second.interrupted, first.interrupted);
        // Claimed again by b itself (it watched another tab go): its own are not taken again.
        let again = claim(
            &first.runs_text,
            &first.interrupted_text,
            &first.tasks_text,
            &live(&["b"]),
            "b",
        );
        assert!(again.resumed.is_empty());
    }

    #[test]
    fn tab_ids_and_lock_names() {
        let a = new_tab_id(1_700_000_000_000.0, 0.25);
        let b = new_tab_id(1_700_000_000_000.0, 0.75);
        assert_ne!(a, b);
        assert_eq!(tab_of_lock(&lock_name(&a)), Some(a.as_str()));
        assert_eq!(tab_of_lock("gis.claim"), None);
        assert_eq!(tab_of_lock("gis.tab."), None);
        assert!(is_orphan("", &live(&["a"])));
        assert!(is_orphan("x", &live(&["a"])));
        assert!(!is_orphan("a", &live(&["a"])));
    }
}
