//! The full-screen viewer's state: which list of images is open (this session's results, or
//! the history), which one is shown, and what to give focus back to when it closes.

use std::sync::Arc;

use leptos::prelude::*;

use crate::web::blob::LocalBlob;
use studio_core::api::request::ImageParams;
use studio_core::api::upload::Upload;
use studio_core::history::record::ImageRecord;

/// The key of image `index` of request `request` of run `run` among the session's results.
pub fn result_key(run: u64, request: usize, index: usize) -> String {
    format!("run-{run}-{request}-{index}")
}

/// Where an image's pixels come from.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewImage {
    /// A `data:` URL or an https link of a result of this session.
    Shown(Arc<str>),
    /// A stored history item, read from IndexedDB when shown.
    Stored(Box<ImageRecord>),
}

/// One image the viewer can show, with what its facts and actions need.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewEntry {
    /// Stable across rebuilds of the list: the run, request and index, or the record id.
    pub key: String,
    pub image: ViewImage,
    /// A fresh result's bytes, for download and "Edit this".
    pub blob: Option<LocalBlob>,
    pub params: ImageParams,
    pub mime: String,
    pub file_name: String,
    /// One line each: what was asked, what it cost and took, the revised prompt.
    pub facts: Vec<String>,
    /// Image 1 of an edit as it was sent, for the before/after view.
    pub before: Option<Upload>,
}

#[derive(Clone, Copy)]
pub struct Viewer {
    pub entries: RwSignal<Vec<ViewEntry>>,
    /// The shown entry; None while closed.
    pub index: RwSignal<Option<usize>>,
    /// The element that had focus when the viewer opened: it gets it back on close.
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Viewer {
    pub fn new() -> Self {
        Viewer {
            entries: RwSignal::new(Vec::new()),
            index: RwSignal::new(None),
            opener: StoredValue::new_local(None),
        }
    }

    /// Opens `entries` at the one whose key is `key` (the first when none is).
    pub fn open(&self, entries: Vec<ViewEntry>, key: &str) {
        use wasm_bindgen::JsCast;
        let at = entries.iter().position(|e| e.key == key).unwrap_or(0);
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        self.opener.set_value(focused);
        self.entries.set(entries);
        self.index.set(Some(at));
    }

    pub fn close(&self) {
        self.index.set(None);
        if let Some(opener) = self.opener.get_value() {
            let _ = opener.focus();
        }
        self.opener.set_value(None);
    }

    /// Shows the next (`+1`) or previous (`-1`) image, wrapping around.
    pub fn step(&self, by: isize) {
        let count = self.entries.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        self.index.update(|i| {
            if let Some(i) = i {
                *i = (*i as isize + by).rem_euclid(count as isize) as usize;
            }
        });
    }

    /// The shown entry (reactive).
    pub fn current(&self) -> Option<ViewEntry> {
        let index = self.index.get()?;
        self.entries.with(|e| e.get(index).cloned())
    }
}

impl Default for Viewer {
    fn default() -> Self {
        Self::new()
    }
}
