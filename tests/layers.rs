//! The house rules, checked on the source text: imports point one way only
//! (`ui` → `app` → `web` → `studio_core`), the core names no browser crate, and no two modules
//! import each other, directly or around a circle. A failure names the files.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's modules as `(module path, source)`, e.g. `("app::gallery", "...")`.
type Sources = Vec<(String, String)>;

fn read_crate(src: &Path) -> Sources {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            // Binaries are entry points outside the module tree.
            if rel == "main.rs" || rel.starts_with("bin/") {
                return None;
            }
            let module = rel
                .trim_end_matches(".rs")
                .trim_end_matches("/mod")
                .replace('/', "::");
            let module = if module == "lib" {
                String::new()
            } else {
                module
            };
            Some((module, std::fs::read_to_string(&path).unwrap()))
        })
        .collect()
}

/// The source without comments (doc comments name modules in prose).
fn code_only(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            // Keep `//` inside a string such as "http://".
            Some(i) if line[..i].matches('"').count() % 2 == 0 => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules each module takes names from: `crate::a::b` and `super::x` paths, resolved to
/// the longest module that exists.
fn edges(sources: &Sources) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<&str> = sources.iter().map(|(m, _)| m.as_str()).collect();
    let resolve = |segments: &[&str]| -> Option<String> {
        (0..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|m| known.contains(m.as_str()))
    };
    let mut out = BTreeMap::new();
    for (module, source) in sources {
        let code = code_only(source);
        let mut targets = BTreeSet::new();
        let bytes = code.as_bytes();
        for (start, _) in code
            .match_indices("crate::")
            .chain(code.match_indices("super::"))
        {
            if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                continue;
            }
            let path: String = code[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let base: Vec<&str> = match segments.first() {
                Some(&"crate") => Vec::new(),
                Some(&"super") => {
                    let mut parts: Vec<&str> = module.split("::").collect();
                    parts.pop();
                    parts
                }
                _ => continue,
            };
            segments.remove(0);
            let full: Vec<&str> = base.into_iter().chain(segments).collect();
            if let Some(target) = resolve(&full) {
                if target != *module && !target.is_empty() {
                    targets.insert(target);
                }
            }
        }
        out.insert(module.clone(), targets);
    }
    out
}

/// 3 for `ui`, 2 for `app`, 1 for `web`; the crate root may import any layer, so it has none.
fn layer(module: &str) -> Option<u8> {
    match module.split("::").next() {
        Some("ui") => Some(3),
        Some("app") => Some(2),
        Some("web") => Some(1),
        _ => None,
    }
}

fn layering_violations(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for (from, targets) in edges {
        for to in targets {
            if let (Some(a), Some(b)) = (layer(from), layer(to)) {
                if b > a {
                    out.push(format!("{from} imports {to}, a layer above it"));
                }
            }
        }
    }
    out
}

/// Groups of modules that import each other around a circle (Tarjan's strongly connected
/// components with more than one member).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    group.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn app_imports_point_one_way_and_have_no_cycles() {
    let sources = read_crate(&root().join("src"));
    assert!(sources.len() > 50, "the app's modules were not found");
    let edges = edges(&sources);
    let wrong = layering_violations(&edges);
    assert!(
        wrong.is_empty(),
        "imports against ui → app → web:\n{}",
        wrong.join("\n")
    );
    let circles = cycles(&edges);
    assert!(circles.is_empty(), "modules in a cycle: {circles:?}");
}

#[test]
fn core_has_no_cycles_and_no_browser_code() {
    let sources = read_crate(&root().join("crates/core/src"));
    assert!(sources.len() > 30, "the core's modules were not found");
    let circles = cycles(&edges(&sources));
    assert!(circles.is_empty(), "core modules in a cycle: {circles:?}");
    for (module, source) in &sources {
        let code = code_only(source);
        for banned in [
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
            "leptos",
            "gpt_image_studio",
        ] {
            assert!(
                !code.contains(banned),
                "core module {module} names {banned}"
            );
        }
    }
    let manifest = std::fs::read_to_string(root().join("crates/core/Cargo.toml")).unwrap();
    let deps = manifest.split("[dependencies]").nth(1).unwrap_or_default();
    for banned in ["web-sys", "js-sys", "wasm-bindgen", "gloo", "leptos"] {
        let listed = deps
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .any(|l| l.trim_start().starts_with(banned));
        assert!(!listed, "the core's Cargo.toml depends on {banned}");
    }
}

fn fake(files: &[(&str, &str)]) -> Sources {
    files
        .iter()
        .map(|(m, s)| (m.to_string(), s.to_string()))
        .collect()
}

#[test]
fn the_checker_sees_a_cycle_and_an_upward_import() {
    let sources = fake(&[
        ("", "pub mod app; pub mod ui; pub mod web;"),
        ("app", "pub mod a; pub mod b;"),
        ("app::a", "use super::b::Thing;"),
        (
            "app::b",
            "use crate::app::a::Other; // crate::web::x in a comment",
        ),
        ("web", "pub mod x;"),
        (
            "web::x",
            "use crate::ui::Button; const U: &str = \"http://x\";",
        ),
        ("ui", "use crate::app::a::Other;"),
    ]);
    let edges = edges(&sources);
    assert_eq!(edges["app::b"], BTreeSet::from(["app::a".to_string()]));
    assert_eq!(
        cycles(&edges),
        vec![vec!["app::a".to_string(), "app::b".to_string()]]
    );
    assert_eq!(
        layering_violations(&edges),
        vec!["web::x imports ui, a layer above it".to_string()]
    );
}
