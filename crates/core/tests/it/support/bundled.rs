//! The curriculum files shipped in `curricula/`, for the tests that check them.
// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use std::fs;
use std::path::Path;

pub fn curricula_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../curricula"))
}

/// (file name, text) of every curriculum file beside `index.json`, sorted by name.
pub fn bundled_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(curricula_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let curriculum = name.ends_with(".json") && name != "index.json";
            curriculum.then(|| (name, fs::read_to_string(entry.path()).unwrap_or_default()))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no bundled curricula");
    files
}

/// A curriculum that must load; a test about it cannot go on otherwise.
pub fn loaded(name: &str, text: &str) -> Curriculum {
    load_curriculum(text)
        .map(|loaded| loaded.curriculum)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
}
