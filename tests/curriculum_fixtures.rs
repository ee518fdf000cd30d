//! Every file in `tests/fixtures/curricula/bad/` must be refused with exactly the
//! messages in its `.expected` file (one per line), and every file in `good/` must
//! load with exactly the warnings in its `.expected` file.
//!
//! To write the `.expected` files after changing a message on purpose, run
//! `MASTERLY_BLESS=1 cargo test --test curriculum_fixtures` and review the diff.

use masterly::domain::curriculum::load_curriculum;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/curricula")
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
fn check_expected(fixture: &Path, produced: &[String]) -> Result<(), String> {
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

#[test]
fn every_bad_curriculum_is_refused_with_its_exact_messages() {
    let mut failures = Vec::new();
    for fixture in fixtures("bad") {
        let text = fs::read_to_string(&fixture).unwrap_or_default();
        match load_curriculum(&text) {
            Ok(_) => failures.push(format!("{} loaded, but must be refused", fixture.display())),
            Err(errors) => {
                let lines: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
                if let Err(failure) = check_expected(&fixture, &lines) {
                    failures.push(failure);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_good_curriculum_loads_with_its_exact_warnings() {
    let mut failures = Vec::new();
    for fixture in fixtures("good") {
        let text = fs::read_to_string(&fixture).unwrap_or_default();
        match load_curriculum(&text) {
            Err(errors) => failures.push(format!("{}: {errors}", fixture.display())),
            Ok(loaded) => {
                let lines: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
                if let Err(failure) = check_expected(&fixture, &lines) {
                    failures.push(failure);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
