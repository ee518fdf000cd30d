//! The domain is the pure core: it must not name any browser crate (STYLE.md).
//! This test reads every file under `src/domain/` and fails on the first mention.

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = [
    "leptos",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "crate::app",
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// True when `line` uses `name` as a path segment (`leptos::`, `use gloo_storage`),
/// ignoring comments, which may mention crates when explaining why not.
fn names_crate(line: &str, name: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let rest = &code[at + name.len()..];
        starts_word
            && (rest.starts_with("::")
                || rest.starts_with('_')
                || rest.starts_with(';')
                || rest.starts_with(' '))
    })
}

#[test]
fn the_domain_names_no_browser_crate() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain")),
        &mut files,
    );
    assert!(
        files.len() >= 3,
        "expected the domain's source files, found {files:?}"
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (number, line) in text.lines().enumerate() {
            for name in BROWSER_CRATES {
                if names_crate(line, name) {
                    offences.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the domain must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_check_recognises_crate_paths_and_ignores_comments() {
    assert!(names_crate("use leptos::prelude::*;", "leptos"));
    assert!(names_crate(
        "    let s = gloo_storage::LocalStorage::raw();",
        "gloo"
    ));
    assert!(names_crate("use web_sys;", "web_sys"));
    assert!(!names_crate("// no leptos:: here, by design", "leptos"));
    assert!(!names_crate("let not_leptos_thing = 1;", "leptos"));
}
