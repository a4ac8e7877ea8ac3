//! Files from pickers, drops and pastes.

use web_sys::{File, FileList};

/// The files of a `FileList` in order (none for no list).
pub fn file_list(list: Option<FileList>) -> Vec<File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}
