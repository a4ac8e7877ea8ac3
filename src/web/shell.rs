//! The static shell in `index.html`, shown until the wasm has started: a prompt box and
//! Generate that work before the app does (`public/shell.js` remembers a press).

use wasm_bindgen::JsCast;

/// What the person did in the shell before the app took over.
pub struct ShellInput {
    pub prompt: String,
    /// Generate (or Ctrl/Cmd+Enter) was pressed in the shell.
    pub queued: bool,
    /// The shell's prompt had focus, with the caret at this position.
    pub caret: Option<u32>,
}

/// Reads the shell and removes it; None when the page has no shell (tests, an old cache).
pub fn take_over() -> Option<ShellInput> {
    let document = web_sys::window()?.document()?;
    let shell = document.get_element_by_id("shell")?;
    let textarea = document
        .get_element_by_id("shell-prompt")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    let queued = document
        .get_element_by_id("shell-form")
        .is_some_and(|f| f.has_attribute("data-queued"));
    let focused = match (&textarea, document.active_element()) {
        (Some(t), Some(active)) => active.is_same_node(Some(t)),
        _ => false,
    };
    let input = ShellInput {
        prompt: textarea.as_ref().map(|t| t.value()).unwrap_or_default(),
        queued,
        caret: focused
            .then(|| {
                textarea
                    .as_ref()
                    .and_then(|t| t.selection_end().ok().flatten())
            })
            .flatten(),
    };
    shell.remove();
    Some(input)
}
