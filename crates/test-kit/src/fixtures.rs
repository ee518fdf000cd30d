//! Fixture files on disk, for the native tests of the core and of masterly-text.

use std::fs;
use std::path::{Path, PathBuf};

/// The `.json` files of `dir`, sorted; fails when there are none, so that a test
/// over them cannot pass by checking nothing.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}
