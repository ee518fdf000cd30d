//! Helpers shared by the fixture tests: listing fixture files and comparing the
//! messages a file produces with the `.expected` file beside it.
//!
//! To rewrite `.expected` files after changing a message on purpose, run the test
//! with `MASTERLY_BLESS=1` and review the diff.

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

/// Compares the produced lines with the `.expected` file beside `fixture`.
pub fn check_expected(fixture: &Path, produced: &[String]) -> Result<(), String> {
    let expected_path = fixture.with_extension("expected");
    let produced_text: String = produced.iter().map(|line| format!("{line}\n")).collect();
    if std::env::var_os("MASTERLY_BLESS").is_some() {
        fs::write(&expected_path, &produced_text).map_err(|error| error.to_string())?;
        return Ok(());
    }
    let expected = fs::read_to_string(&expected_path)
        .map_err(|error| format!("{}: {error}", expected_path.display()))?;
    if expected == produced_text {
        Ok(())
    } else {
        Err(format!(
            "{}\n--- expected\n{expected}--- produced\n{produced_text}",
            fixture.display()
        ))
    }
}
