//! The journals, and the only code that touches their local-storage keys: requests on the wire
//! (`gis.journal`), requests a gone tab left (`gis.interrupted`) and tasks being polled
//! (`gis.tasks`). Every entry names the tab that wrote it. A tab holds a lock of its own for
//! its life; at start, and whenever a tab it knows of goes, it takes over the entries of tabs
//! that are gone (`studio_core::tabs::claim`), so a second tab never interrupts the first's
//! requests or polls its tasks too.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::locks;
use crate::web::storage::{read, write, StorageKind};
use studio_core::history::journal::{self, JournalEntry};
use studio_core::tabs::{self, Claim};
use studio_core::tasks::journal::{self as task_journal, TaskEntry};

const RUNS_KEY: &str = "gis.journal";
const INTERRUPTED_KEY: &str = "gis.interrupted";
const TASKS_KEY: &str = "gis.tasks";

thread_local! {
    static THIS_TAB: String = tabs::new_tab_id(js_sys::Date::now(), js_sys::Math::random());
}

/// This tab's id (new with every page load).
pub fn this_tab() -> String {
    THIS_TAB.with(Clone::clone)
}

/// Edits a journal synchronously (local storage): it is on disk before the request leaves.
fn edit(key: &str, change: impl FnOnce(&str) -> String) {
    let text = read(StorageKind::Local, key).unwrap_or_else(|| "[]".into());
    if let Err(e) = write(StorageKind::Local, key, &change(&text)) {
        leptos::logging::warn!("{e}");
    }
}

/// Written before a request is sent: a reload or crash from here on leaves it interrupted.
pub fn run_started(mut entry: JournalEntry) {
    entry.tab = this_tab();
    edit(RUNS_KEY, |text| journal::add(text, entry));
}

pub fn run_finished(id: &str) {
    edit(RUNS_KEY, |text| journal::remove(text, id));
}

/// Where a task stands, written before the next poll: a reload resumes it.
pub fn task_progressed(mut entry: TaskEntry) {
    entry.tab = this_tab();
    edit(TASKS_KEY, |text| task_journal::upsert(text, entry));
}

pub fn task_ended(base_url: &str, task_id: &str) {
    edit(TASKS_KEY, |text| {
        task_journal::remove(text, base_url, task_id)
    });
}

fn stored_interrupted() -> Vec<JournalEntry> {
    journal::decode(&read(StorageKind::Local, INTERRUPTED_KEY).unwrap_or_default())
}

/// Forgets an interrupted entry (retried or dismissed), in every tab.
pub fn dismiss_interrupted(id: &str) {
    edit(INTERRUPTED_KEY, |text| journal::remove(text, id));
}

/// What a claim found for this tab to do: tasks to poll, and the interrupted list as it now is.
pub type OnClaim = Rc<dyn Fn(Claim)>;

/// Takes this tab's lock, then takes over what gone tabs left, and again whenever a tab that
/// is open now goes. The interrupted list (`interrupted`) follows the stored one, whichever
/// tab changes it.
pub fn start(interrupted: RwSignal<Vec<JournalEntry>>, on_claim: OnClaim) {
    interrupted.set(stored_interrupted());
    let watched = Rc::new(RefCell::new(HashSet::new()));
    let handle = window_event_listener(leptos::ev::storage, {
        let (watched, on_claim) = (watched.clone(), on_claim.clone());
        move |ev| match ev.key().as_deref() {
            Some(INTERRUPTED_KEY) | None => interrupted.set(stored_interrupted()),
            // Another tab sent something: it is watched, so its leftovers are taken if it goes.
            Some(RUNS_KEY | TASKS_KEY) => {
                let (watched, on_claim) = (watched.clone(), on_claim.clone());
                spawn_local(watch_other_tabs(watched, on_claim));
            }
            _ => {}
        }
    });
    // Lives as long as the page: the root component is never unmounted.
    std::mem::forget(handle);
    spawn_local(async move {
        if !locks::hold_for_page(&tabs::lock_name(&this_tab())).await {
            // No Web Locks (an old browser, or a page not served securely): no other tab can
            // be told apart, so everything journaled is taken, as one tab would.
            on_claim(claim_now(&[this_tab()]));
            return;
        }
        claim_orphans(None, on_claim.clone()).await;
        watch_other_tabs(watched, on_claim).await;
    });
}

/// Reads and rewrites the journals for a claim with the given living tabs.
fn claim_now(live: &[String]) -> Claim {
    let text = |key| read(StorageKind::Local, key).unwrap_or_default();
    let claim = tabs::claim(
        &text(RUNS_KEY),
        &text(INTERRUPTED_KEY),
        &text(TASKS_KEY),
        live,
        &this_tab(),
    );
    for (key, value) in [
        (RUNS_KEY, &claim.runs_text),
        (INTERRUPTED_KEY, &claim.interrupted_text),
        (TASKS_KEY, &claim.tasks_text),
    ] {
        if let Err(e) = write(StorageKind::Local, key, value) {
            leptos::logging::warn!("{e}");
        }
    }
    claim
}

/// A claim under the claim lock, so two tabs never take the same entry. `gone` is a tab known
/// to be gone although its lock may still show (this tab holds it for a moment).
async fn claim_orphans(gone: Option<String>, on_claim: OnClaim) {
    let claim = locks::with_lock(tabs::CLAIM_LOCK, move || async move {
        let names = locks::held_names().await.unwrap_or_default();
        let live: Vec<String> = names
            .iter()
            .filter_map(|n| tabs::tab_of_lock(n))
            .filter(|t| gone.as_deref() != Some(*t))
            .map(str::to_string)
            .collect();
        claim_now(&live)
    })
    .await;
    if let Some(claim) = claim {
        on_claim(claim);
    }
}

/// Waits on the lock of every other open tab: when one goes, its leftovers are claimed.
async fn watch_other_tabs(watched: Rc<RefCell<HashSet<String>>>, on_claim: OnClaim) {
    let me = this_tab();
    for name in locks::held_names().await.unwrap_or_default() {
        let Some(tab) = tabs::tab_of_lock(&name).map(str::to_string) else {
            continue;
        };
        if tab == me || !watched.borrow_mut().insert(tab.clone()) {
            continue;
        }
        let (watched, on_claim) = (watched.clone(), on_claim.clone());
        locks::when_free(&name, move || {
            watched.borrow_mut().remove(&tab);
            spawn_local(claim_orphans(Some(tab), on_claim));
        });
    }
}
