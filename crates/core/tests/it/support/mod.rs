//! Helpers shared by the fixture tests: listing fixture files. (The `.expected`
//! messages beside them are checked by masterly-text's tests.)

pub mod bundled;
pub mod student;

use std::path::{Path, PathBuf};

/// The `.json` files of `tests/fixtures/<folder>`, sorted.
pub fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    masterly_test_kit::fixtures::json_files(&dir)
}
