//! Every bad fixture of `crates/core/tests/fixtures/` (curricula, class and progress
//! files) is refused with exactly the messages of its `.expected` file, one per
//! line; every good curriculum and progress file loads with exactly the warnings of
//! its `.expected` file.
//!
//! To write the `.expected` files after changing a message on purpose, run
//! `MASTERLY_BLESS=1 cargo test -p masterly-text` and review the diff.

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::format::class_file::load_class_file;
use masterly_core::format::progress::{check_against, load_progress, ProgressError};
use masterly_text::Say;
use std::fs;
use std::path::{Path, PathBuf};

/// The `.json` files of the core's `tests/fixtures/<folder>`, sorted.
fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures")
        .join(folder);
    masterly_test_kit::fixtures::json_files(&dir)
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

fn said(values: &[impl Say]) -> Vec<String> {
    values.iter().map(Say::say).collect()
}

/// Reads every fixture of `folder` with `read` (whether the file can be used,
/// and every problem said) and checks each is used or refused as `usable` says,
/// with exactly the lines of its `.expected` file.
fn check_folder(folder: &str, usable: bool, read: impl Fn(&str) -> (bool, Vec<String>)) {
    let mut failures = Vec::new();
    for fixture in fixtures(folder) {
        let (used, lines) = read(&fs::read_to_string(&fixture).unwrap_or_default());
        if used != usable {
            failures.push(format!("{}: used {used}, {lines:?}", fixture.display()));
        } else if let Err(failure) = check_expected(&fixture, &lines) {
            failures.push(failure);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn curriculum_messages(text: &str) -> (bool, Vec<String>) {
    match load_curriculum(text) {
        Ok(loaded) => (true, said(&loaded.warnings)),
        Err(errors) => (false, said(&errors.0)),
    }
}

#[test]
fn every_bad_curriculum_is_refused_with_its_exact_messages() {
    check_folder("curricula/bad", false, curriculum_messages);
}

#[test]
fn every_good_curriculum_loads_with_its_exact_warnings() {
    check_folder("curricula/good", true, curriculum_messages);
}

#[test]
fn every_bad_class_file_is_refused_with_its_exact_messages() {
    check_folder("class/bad", false, |text| match load_class_file(text) {
        Ok(_) => (true, Vec::new()),
        Err(problems) => (false, said(&problems)),
    });
}

fn fixture_curriculum() -> Curriculum {
    let text = include_str!("../../../core/tests/fixtures/curricula/good/minimal.json");
    load_curriculum(text)
        .unwrap_or_else(|errors| panic!("fixture curriculum: {}", errors.say()))
        .curriculum
}

/// Whether the file can be used, and every problem said: loading's, or else the
/// check's against the fixture curriculum.
fn progress_messages(text: &str, curriculum: &Curriculum) -> (bool, Vec<String>) {
    match load_progress(text) {
        Err(errors) => (false, said(&errors)),
        Ok(bundle) => {
            let problems: Vec<ProgressError> = check_against(&bundle, curriculum);
            let usable = problems.iter().all(|p| p.kind.is_warning());
            (usable, said(&problems))
        }
    }
}

#[test]
fn every_bad_progress_file_is_refused_with_its_exact_messages() {
    let curriculum = fixture_curriculum();
    check_folder("progress/bad", false, |text| {
        progress_messages(text, &curriculum)
    });
}

#[test]
fn every_good_progress_file_loads_with_its_exact_warnings() {
    let curriculum = fixture_curriculum();
    check_folder("progress/good", true, |text| {
        progress_messages(text, &curriculum)
    });
}
