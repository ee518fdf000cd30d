//! The saved fuzz corpus (`fuzz/corpus/<target>/`), replayed on the stable compiler:
//! every file goes through the same entry point as its fuzz target
//! (`tests/it/fuzz_entry/mod.rs`, shared with `fuzz/fuzz_targets/`), which must not
//! panic, and whose checks — the two progress readers agree, a loaded curriculum's
//! model answers are right, what is written back reads the same — must hold.
//! `docs/fuzzing.md` says how the corpus is made.

use crate::fuzz_entry;

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    masterly_core::order::sort(&mut files);
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
}

fn replay(target: &str) {
    let (_, run) = fuzz_entry::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .unwrap_or_else(|| panic!("no fuzz target {target}"));
    let mut failures = Vec::new();
    for file in corpus(target) {
        let data = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&data))) {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            failures.push(format!("{}: {message}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

macro_rules! replay_tests {
    ($($target:ident),* $(,)?) => {
        $(
            #[test]
            fn $target() {
                replay(stringify!($target));
            }
        )*

        /// Every target of the entry module has its replay above.
        #[test]
        fn every_target_is_replayed() {
            let replayed = [$(stringify!($target)),*];
            let targets: Vec<&str> = fuzz_entry::TARGETS.iter().map(|(name, _)| *name).collect();
            assert_eq!(targets, replayed);
        }
    };
}

replay_tests!(curriculum, progress, class_file, catalog, expr, markdown, responses, stored);
