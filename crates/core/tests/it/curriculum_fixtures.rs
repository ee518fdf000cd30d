//! Every file in `tests/fixtures/curricula/bad/` must be refused with exactly the
//! messages in its `.expected` file (one per line), and every file in `good/` must
//! load with exactly the warnings in its `.expected` file.
//!
//! To write the `.expected` files after changing a message on purpose, run
//! `MASTERLY_BLESS=1 cargo test --test curriculum_fixtures` and review the diff.

use crate::support;

use masterly_core::content::curriculum::load_curriculum;
use std::fs;
use support::{check_expected, fixtures};

#[test]
fn every_bad_curriculum_is_refused_with_its_exact_messages() {
    let mut failures = Vec::new();
    for fixture in fixtures("curricula/bad") {
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
    for fixture in fixtures("curricula/good") {
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
