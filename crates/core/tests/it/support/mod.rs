//! Helpers shared by the fixture tests: listing fixture files. (The `.expected`
//! messages beside them are checked by masterly-text's tests.)

pub mod bundled;
pub mod student;

use std::fs;
use std::path::{Path, PathBuf};

/// The `.json` files of `tests/fixtures/<folder>`, sorted.
pub fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}
