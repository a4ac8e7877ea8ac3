//! The language the page is shown in: from the browser unless the user chose one, remembered in
//! local storage (and followed across tabs), mirrored into `<html lang>`.
//!
//! One signal for the page, reachable without context so that use cases running after an
//! `await` (outside any component) write their messages in the current language too.

use leptos::prelude::*;
use studio_core::i18n::{Lang, Text};

use crate::web::storage::{use_stored_string, StorageKind};

/// Where the user's choice is kept; nothing there means "as the browser says".
pub const STORAGE_KEY: &str = "gis.lang";

thread_local! {
    static CURRENT: std::cell::OnceCell<Language> = const { std::cell::OnceCell::new() };
}

#[derive(Clone, Copy)]
pub struct Language {
    /// The stored choice ("" for none).
    chosen: RwSignal<String>,
    /// The browser's own preference, read once.
    from_browser: Lang,
}

impl Language {
    fn get() -> Language {
        CURRENT.with(|cell| {
            *cell.get_or_init(|| {
                // Created outside any owner: it lives as long as the page.
                let language = Language {
                    chosen: use_stored_string(StorageKind::Local, STORAGE_KEY, ""),
                    from_browser: Lang::from_browser(crate::web::locale::browser_languages()),
                };
                Effect::new(move |_| crate::web::locale::set_document_lang(language.lang().tag()));
                language
            })
        })
    }

    fn lang(self) -> Lang {
        Lang::from_tag(&self.chosen.get()).unwrap_or(self.from_browser)
    }
}

/// The current language; inside a reactive scope (a view closure, a memo, an effect) reading it
/// subscribes, so the text follows a switch.
pub fn lang() -> Lang {
    Language::get().lang()
}

/// Chooses the language for this browser (kept in local storage).
pub fn set_lang(lang: Lang) {
    Language::get().chosen.set(lang.tag().to_string());
}

/// Starts following the language (sets `<html lang>`); called once by the app.
pub fn start() {
    let _ = Language::get();
}

/// A table entry as a view child or attribute value that follows the language:
/// `<button>{t(form::GENERATE)}</button>`, `aria-label=t(runs::CLOSE)`.
pub fn t(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || text.get(lang())
}
