//! The language tables are complete and used, and no English sentence hides in a literal
//! outside them. A failure names the entry or the file and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use studio_core::i18n::{placeholders, text::TABLES};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Rust source of the app and the core, with the tables themselves left out.
fn sources() -> Vec<(PathBuf, String)> {
    let root = repo_root();
    let tables = root.join("crates/core/src/i18n/text");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates/core/src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| !p.starts_with(&tables))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}'))
}

#[test]
fn every_entry_has_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for (table, entries) in TABLES {
        let mut names = BTreeSet::new();
        for (name, text) in *entries {
            let at = format!("{table}::{name}");
            if !names.insert(*name) {
                problems.push(format!("{at}: twice in the table"));
            }
            if text.en.trim().is_empty() || text.zh.trim().is_empty() {
                problems.push(format!("{at}: empty text"));
            }
            let en: BTreeSet<_> = placeholders(text.en).into_iter().collect();
            let zh: BTreeSet<_> = placeholders(text.zh).into_iter().collect();
            if en != zh {
                problems.push(format!("{at}: placeholders differ, en {en:?} zh {zh:?}"));
            }
            // Chinese unless it is a name or a symbol both languages write alike.
            if !has_cjk(text.zh) && text.zh != text.en {
                problems.push(format!(
                    "{at}: the Chinese text has no Chinese: {:?}",
                    text.zh
                ));
            }
            if has_cjk(text.en) {
                problems.push(format!("{at}: Chinese in the English text"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_entry_is_used() {
    let sources = sources();
    let mut unused = Vec::new();
    for (table, entries) in TABLES {
        for (name, _) in *entries {
            let needle = format!("{table}::{name}");
            let used = sources.iter().any(|(_, text)| {
                text.match_indices(&needle).any(|(i, _)| {
                    let before = text[..i].chars().next_back();
                    let after = text[i + needle.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            });
            if !used {
                unused.push(needle);
            }
        }
    }
    assert!(
        unused.is_empty(),
        "entries nothing refers to (as `table::NAME`):\n{}",
        unused.join("\n")
    );
}

/// A string literal of the source with the line it starts on.
struct Literal {
    line: usize,
    text: String,
}

/// Records a literal that starts on `line`; returns the line it ends on.
fn push_literal(out: &mut Vec<Literal>, line: usize, bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let end = line + text.matches('\n').count();
    out.push(Literal { line, text });
    end
}

/// The string literals of Rust source, comments skipped (char literals and lifetimes too).
fn literals(source: &str) -> Vec<Literal> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    line += usize::from(bytes[i] == b'\n');
                    i += 1;
                }
                i += 2;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'#' | b'"'))
                && !(i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while bytes.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if bytes.get(j) != Some(&b'"') {
                    i = j;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let start = j + 1;
                let mut k = start;
                while k + close.len() <= bytes.len() && bytes[k..k + close.len()] != close[..] {
                    k += 1;
                }
                line = push_literal(&mut out, line, &bytes[start..k.min(bytes.len())]);
                i = k + close.len();
            }
            b'"' => {
                let start = i + 1;
                let mut k = start;
                while k < bytes.len() && bytes[k] != b'"' {
                    if bytes[k] == b'\\' {
                        k += 1;
                    }
                    k += 1;
                }
                line = push_literal(&mut out, line, &bytes[start..k.min(bytes.len())]);
                i = k + 1;
            }
            b'\'' => {
                // 'x', '\n', '\u{..}' are chars; 'a (a lifetime or label) is not.
                if bytes.get(i + 1) == Some(&b'\\') {
                    let mut k = i + 2;
                    while k < bytes.len() && bytes[k] != b'\'' {
                        k += 1;
                    }
                    i = k + 1;
                } else {
                    let width = source[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if bytes.get(i + 1 + width) == Some(&b'\'') {
                        i += 2 + width;
                    } else {
                        i += 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Two English words in a row ("Choose files", "could not save"): prose, not an identifier,
/// a MIME type, a CSS class list or a format string's field.
fn looks_like_prose(text: &str) -> bool {
    let mut previous_word = false;
    for token in text.split(' ') {
        let word = token.trim_matches(|c: char| ",.:;!?()\"'…".contains(c));
        let is_word = word.len() >= 2
            && word.chars().all(|c| c.is_ascii_alphabetic())
            && word.chars().skip(1).all(|c| c.is_ascii_lowercase());
        if is_word && previous_word {
            return true;
        }
        previous_word = is_word;
    }
    false
}

/// Lines whose literals are not shown to a person: diagnostics, styling, test hooks, wire
/// formats. A literal that is not shown but looks like prose says so with `// i18n: not shown`
/// on its line or the line above.
const NOT_SHOWN: &[&str] = &[
    "expect(",
    "panic!(",
    "unreachable!(",
    "assert",
    "warn!(",
    "log!(",
    "error!(",
    "debug!(",
    "println!(",
    "eprintln!(",
    "class=",
    "class:",
    "style=",
    "style:",
    "#[",
    "data-testid=",
    "i18n: not shown",
    "unimplemented!(",
    "todo!(",
    "rel=",
];

#[test]
fn no_english_prose_outside_the_tables() {
    let root = repo_root();
    let mut found = Vec::new();
    for (path, source) in sources() {
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        // Code a person copies (curl, Python, JS) is code, not prose.
        if rel.ends_with("code_export.rs") {
            continue;
        }
        // Tests below `#[cfg(test)]` speak to developers.
        let shown = source
            .find("#[cfg(test)]")
            .map_or(&source[..], |end| &source[..end]);
        let lines: Vec<&str> = shown.lines().collect();
        for literal in literals(shown) {
            if !looks_like_prose(&literal.text) {
                continue;
            }
            let here = lines.get(literal.line - 1).copied().unwrap_or("");
            let above = if literal.line >= 2 {
                lines[literal.line - 2]
            } else {
                ""
            };
            if NOT_SHOWN.iter().any(|m| here.contains(m)) || above.contains("i18n: not shown") {
                continue;
            }
            found.push((literal.line, format!("{rel}: {:?}", literal.text)));
        }
    }
    // Text not yet in the tables, listed one per line (file and literal, no line number): the
    // list only shrinks. A new English literal fails, and so does a listed one that is gone.
    let listed_path = root.join("crates/core/tests/i18n_untranslated.txt");
    // `I18N_WRITE_LIST=1 cargo test -p studio-core --test i18n_tables` rewrites the list.
    if std::env::var_os("I18N_WRITE_LIST").is_some() {
        let mut entries: Vec<&str> = found.iter().map(|(_, e)| e.as_str()).collect();
        entries.sort();
        entries.dedup();
        let header = "# English literals not yet in the tables (file: literal). Only ever shrinks:\n# crates/core/tests/i18n_tables.rs fails on one missing here and on one listed but gone.\n";
        std::fs::write(&listed_path, format!("{header}{}\n", entries.join("\n"))).unwrap();
    }
    let listed_text = std::fs::read_to_string(&listed_path).unwrap_or_default();
    let listed: BTreeSet<&str> = listed_text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let seen: BTreeSet<&str> = found.iter().map(|(_, entry)| entry.as_str()).collect();
    let new: Vec<String> = found
        .iter()
        .filter(|(_, entry)| !listed.contains(entry.as_str()))
        .map(|(line, entry)| format!("{entry} (line {line})"))
        .collect();
    let gone: Vec<&str> = listed
        .iter()
        .filter(|entry| !seen.contains(*entry))
        .copied()
        .collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "English literal(s) outside the tables (move them to crates/core/src/i18n/text, or mark `// i18n: not shown`):\n{}\n\nlisted in {} but no longer found (remove them):\n{}",
        new.join("\n"),
        listed_path.display(),
        gone.join("\n")
    );
}

#[test]
fn the_prose_check_tells_prose_from_code() {
    assert!(looks_like_prose("Choose files"));
    assert!(looks_like_prose("could not save {key}: {e:?}"));
    assert!(!looks_like_prose("image/png"));
    assert!(!looks_like_prose("gpt-image-2"));
    assert!(!looks_like_prose("Bearer {key}"));
    assert!(!looks_like_prose("WebP"));
    let found = literals("let a = \"one two\"; // \"not this\"\nlet b: &'static str = r#\"x \"y\" z\"#; let c = '\"';");
    let texts: Vec<_> = found.iter().map(|l| (l.line, l.text.as_str())).collect();
    assert_eq!(texts, vec![(1, "one two"), (2, "x \"y\" z")]);
}
