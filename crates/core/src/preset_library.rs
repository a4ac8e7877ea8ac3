//! Named presets kept on this device, and their JSON export/import. A preset is stored as its
//! link fragment (versioned, never a key, never an endpoint), so it is readable in the file.

use serde::{Deserialize, Serialize};

use crate::i18n::{text::presets, Lang};
use crate::preset::decode_in;
use crate::tr;

pub const FILE_FORMAT: &str = "gpt-image-studio-presets";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPreset {
    pub name: String,
    /// The preset as a link fragment, e.g. `v1&prompt=...`.
    pub link: String,
}

#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    version: u32,
    presets: Vec<SavedPreset>,
}

fn clean_name(name: &str, lang: Lang) -> Result<String, String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(presets::NAME_MISSING.get(lang).into());
    }
    if name.chars().count() > 80 {
        return Err(presets::NAME_TOO_LONG.get(lang).into());
    }
    Ok(name)
}

/// Saves under `name`, replacing a preset of the same name; keeps the list sorted by name.
/// Why a name cannot be used is said in `lang`.
pub fn save(list: &mut Vec<SavedPreset>, name: &str, link: &str, lang: Lang) -> Result<(), String> {
    let name = clean_name(name, lang)?;
    list.retain(|p| p.name != name);
    list.push(SavedPreset {
        name,
        link: link.trim_start_matches('#').to_string(),
    });
    list.sort_by_key(|p| p.name.to_lowercase());
    Ok(())
}

/// The cleaned name when saving `link` under `name` would replace a different preset of that
/// name (then the user is asked first); None when the name is free or holds the same settings.
pub fn clash(list: &[SavedPreset], name: &str, link: &str) -> Option<String> {
    let name = clean_name(name, Lang::En).ok()?;
    let link = link.trim_start_matches('#');
    list.iter()
        .any(|p| p.name == name && p.link != link)
        .then_some(name)
}

/// `name` if no preset has it, else the first of "name (2)", "name (3)", ... that is free.
pub fn free_name(list: &[SavedPreset], name: &str) -> String {
    let name = clean_name(name, Lang::En).unwrap_or_else(|_| name.to_string());
    let taken = |n: &str| list.iter().any(|p| p.name == n);
    if !taken(&name) {
        return name;
    }
    (2..)
        .map(|i| format!("{name} ({i})"))
        .find(|n| !taken(n))
        .unwrap_or(name)
}

/// Renames a preset, or says in `lang` why it cannot be.
pub fn rename(list: &mut [SavedPreset], old: &str, new: &str, lang: Lang) -> Result<(), String> {
    let new = clean_name(new, lang)?;
    if new != old && list.iter().any(|p| p.name == new) {
        return Err(tr!(lang, presets::NAME_TAKEN, name = new));
    }
    let item = list
        .iter_mut()
        .find(|p| p.name == old)
        .ok_or_else(|| tr!(lang, presets::NOT_FOUND, name = old))?;
    item.name = new;
    list.sort_by_key(|p| p.name.to_lowercase());
    Ok(())
}

pub fn delete(list: &mut Vec<SavedPreset>, name: &str) {
    list.retain(|p| p.name != name);
}

pub fn to_json(list: &[SavedPreset]) -> String {
    serde_json::to_string_pretty(&ExportFile {
        format: FILE_FORMAT.into(),
        version: 1,
        presets: list.to_vec(),
    })
    .unwrap_or_default()
}

/// Reads a stored list (local storage); anything unreadable gives an empty list.
pub fn from_storage(text: &str) -> Vec<SavedPreset> {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn to_storage(list: &[SavedPreset]) -> String {
    serde_json::to_string(list).unwrap_or_default()
}

/// Merges an exported file into `list`. Returns what it says about the import (in `lang`); an
/// unreadable file is an error and changes nothing.
pub fn import(list: &mut Vec<SavedPreset>, text: &str, lang: Lang) -> Result<String, String> {
    let file: ExportFile =
        serde_json::from_str(text).map_err(|e| tr!(lang, presets::NOT_A_PRESETS_FILE, e = e))?;
    if file.format != FILE_FORMAT {
        return Err(tr!(
            lang,
            presets::WRONG_FORMAT,
            format = file.format,
            expected = FILE_FORMAT
        ));
    }
    let (mut added, mut problems) = (0, Vec::new());
    for p in file.presets {
        let decoded = decode_in(&p.link, lang);
        if decoded.preset.base_url.is_some() {
            problems.push(tr!(lang, presets::BASE_DROPPED, name = p.name));
        }
        let mut preset = decoded.preset;
        preset.base_url = None;
        match save(list, &p.name, &crate::preset::encode(&preset), lang) {
            Ok(()) => added += 1,
            Err(why) => problems.push(tr!(lang, presets::SKIPPED, why = why)),
        }
        problems.extend(
            decoded
                .notices
                .into_iter()
                .map(|n| tr!(lang, presets::ABOUT_PRESET, name = p.name, notice = n)),
        );
    }
    let imported = if added == 1 {
        presets::IMPORTED_ONE
    } else {
        presets::IMPORTED_MANY
    };
    let said = tr!(lang, imported, n = added);
    if problems.is_empty() {
        return Ok(said);
    }
    let problems = problems.join(presets::PROBLEMS_SEPARATOR.get(lang));
    Ok(tr!(
        lang,
        presets::IMPORT_PROBLEMS,
        imported = said,
        problems = problems
    ))
}

#[cfg(test)]
mod clash_tests {
    use super::*;

    #[test]
    fn saving_over_a_different_preset_is_a_clash() {
        let mut list = Vec::new();
        save(&mut list, "Fox", "v1&prompt=fox", Lang::En).unwrap();
        assert_eq!(
            clash(&list, " Fox ", "v1&prompt=wolf").as_deref(),
            Some("Fox")
        );
        assert_eq!(clash(&list, "Fox", "#v1&prompt=fox"), None, "same settings");
        assert_eq!(clash(&list, "Wolf", "v1&prompt=wolf"), None, "free name");
        assert_eq!(free_name(&list, "Fox"), "Fox (2)");
        save(&mut list, "Fox (2)", "v1&prompt=x", Lang::En).unwrap();
        assert_eq!(free_name(&list, "Fox"), "Fox (3)");
        assert_eq!(free_name(&list, "Wolf"), "Wolf");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_rename_delete() {
        let mut list = Vec::new();
        save(&mut list, "  Slides  16:9 ", "#v1&size=1920x1088", Lang::En).unwrap();
        save(&mut list, "avatar", "v1&size=1024x1024", Lang::En).unwrap();
        assert_eq!(
            list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["avatar", "Slides 16:9"]
        );
        assert_eq!(list[1].link, "v1&size=1920x1088");
        save(&mut list, "avatar", "v1&size=1536x1024", Lang::En).unwrap();
        assert_eq!(list.len(), 2);
        assert!(save(&mut list, "  ", "v1", Lang::En)
            .unwrap_err()
            .contains("name"));
        assert!(rename(&mut list, "avatar", "Slides 16:9", Lang::En)
            .unwrap_err()
            .contains("already exists"));
        rename(&mut list, "avatar", "Portrait", Lang::En).unwrap();
        assert_eq!(list[0].name, "Portrait");
        delete(&mut list, "Portrait");
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn export_import_round_trip_and_bad_files() {
        let mut list = Vec::new();
        save(&mut list, "a", "v1&prompt=hello&quality=high", Lang::En).unwrap();
        let file = to_json(&list);
        let mut other = Vec::new();
        assert_eq!(
            import(&mut other, &file, Lang::En).unwrap(),
            "Imported 1 preset."
        );
        assert_eq!(other, list);
        assert!(import(&mut other, "not json", Lang::En)
            .unwrap_err()
            .contains("not a presets file"));
        assert!(import(
            &mut other,
            r#"{"format":"x","version":1,"presets":[]}"#,
            Lang::En
        )
        .unwrap_err()
        .contains("\"x\""));
        let risky = r#"{"format":"gpt-image-studio-presets","version":1,"presets":[{"name":"evil","link":"v1&prompt=x&base=https://evil.example/v1&key=sk-1"},{"name":"","link":"v1"}]}"#;
        let said = import(&mut other, risky, Lang::En).unwrap();
        assert!(said.starts_with("Imported 1 preset."), "{said}");
        assert!(
            said.contains("base URL was dropped")
                && said.contains("skipped")
                && said.contains("API key"),
            "{said}"
        );
        let evil = other.iter().find(|p| p.name == "evil").unwrap();
        assert!(!evil.link.contains("base=") && !evil.link.contains("sk-1"));
        let said = import(&mut Vec::new(), risky, Lang::ZhCn).unwrap();
        assert_eq!(
            said,
            "已导入 1 个预设。注意：“evil”：其 Base URL 已移除（预设从不携带接口地址）；“evil”：链接中带有 API 密钥，已忽略。密钥从不通过链接传递。；跳过了一个预设：请为预设命名。"
        );
        assert_eq!(from_storage(&to_storage(&other)), other);
        assert!(from_storage("garbage").is_empty());
    }
}
