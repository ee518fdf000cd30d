//! The curricula shipped in `curricula/` must load with no problem at all, and the
//! catalog the app fetches must list exactly the curriculum files that are there.

use masterly::domain::catalog::parse_catalog;
use masterly::domain::curriculum::load_curriculum;
use std::collections::BTreeSet;
use std::fs;

#[path = "support/bundled.rs"]
mod bundled;
use bundled::{bundled_files, curricula_dir};

#[test]
fn the_catalog_lists_exactly_the_bundled_curriculum_files() {
    let text = fs::read_to_string(curricula_dir().join("index.json")).unwrap_or_default();
    let catalog = parse_catalog(&text).unwrap_or_else(|error| panic!("index.json: {error}"));
    let listed: BTreeSet<String> = catalog
        .curricula
        .into_iter()
        .map(|entry| entry.file)
        .collect();
    let present: BTreeSet<String> = bundled_files().into_iter().map(|(name, _)| name).collect();
    assert!(!present.is_empty());
    assert_eq!(listed, present);
}

#[test]
fn every_bundled_curriculum_loads_without_errors_or_warnings() {
    // `bundled_files` fails when there are none to check.
    for (name, text) in bundled_files() {
        match load_curriculum(&text) {
            Ok(loaded) => assert!(
                loaded.warnings.is_empty(),
                "{name}: {:?}",
                loaded
                    .warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            ),
            Err(errors) => panic!(
                "{name}: {:#?}",
                errors.0.iter().map(ToString::to_string).collect::<Vec<_>>()
            ),
        }
    }
}
