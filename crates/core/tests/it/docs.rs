//! The documentation names only files the repository has: every path in backticks
//! in `README.md` and `docs/*.md` that starts at one of the repository's folders
//! must exist, unless `.gitignore` says it is made by a build or a tool.

use std::fs;
use std::path::Path;

const FOLDERS: [&str; 9] = [
    "crates/",
    "docs/",
    "scripts/",
    "curricula/",
    "public/",
    "fuzz/",
    "style/",
    "js/",
    ".cargo/",
];

/// The paths in backticks in `text` that start at one of [`FOLDERS`], without
/// placeholders (`<target>`), wildcards or an ellipsis, and without a trailing
/// fragment (`#…`).
fn cited_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| FOLDERS.iter().any(|folder| span.starts_with(folder)))
        .filter(|span| !span.contains(['<', '*', '…', ' ']))
        .map(|span| span.split('#').next().unwrap_or(span).to_string())
        .collect()
}

#[test]
fn every_file_the_docs_cite_exists() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut documents = vec![root.join("README.md")];
    for entry in fs::read_dir(root.join("docs")).unwrap().flatten() {
        if entry.path().extension().is_some_and(|ext| ext == "md") {
            documents.push(entry.path());
        }
    }
    let made: Vec<String> = fs::read_to_string(root.join(".gitignore"))
        .unwrap()
        .lines()
        .filter_map(|line| line.strip_prefix('/'))
        .map(str::to_string)
        .collect();
    let mut missing = Vec::new();
    let mut checked = 0;
    for document in &documents {
        let text = fs::read_to_string(document).unwrap();
        for path in cited_paths(&text) {
            checked += 1;
            let built = made.iter().any(|made| path.starts_with(made.as_str()));
            if !built && !root.join(&path).exists() {
                missing.push(format!("{}: {path}", document.display()));
            }
        }
    }
    assert!(checked > 50, "only {checked} paths found in {documents:?}");
    assert!(
        missing.is_empty(),
        "cited but not in the repository:\n{}",
        missing.join("\n")
    );
}

#[test]
fn paths_are_found_in_backticks_only_and_without_placeholders() {
    let text = "see `crates/core/src/lib.rs`, `docs/size.md#rules`, crates/not-quoted.rs, \
                `fuzz/corpus/<target>/`, `curricula/*.json`, `cargo test` and `docs/a b.md`";
    assert_eq!(
        cited_paths(text),
        vec!["crates/core/src/lib.rs", "docs/size.md"]
    );
}
