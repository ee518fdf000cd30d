//! The curricula shipped in `curricula/` must load with no problem at all, and the
//! catalog the app fetches must list exactly the curriculum files that are there,
//! each with the id and courses its file holds.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::catalog::{listing_of, parse_catalog};
use std::collections::BTreeSet;
use std::fs;

use crate::support::bundled;
use bundled::{bundled_files, curricula_dir};

#[test]
fn the_catalog_lists_exactly_the_bundled_curriculum_files() {
    let text = fs::read_to_string(curricula_dir().join("index.json")).unwrap_or_default();
    let catalog = parse_catalog(&text).unwrap_or_else(|error| panic!("index.json: {error:?}"));
    let listed: BTreeSet<String> = catalog
        .curricula
        .into_iter()
        .map(|entry| entry.file)
        .collect();
    let present: BTreeSet<String> = bundled_files().into_iter().map(|(name, _)| name).collect();
    assert!(!present.is_empty());
    assert_eq!(listed, present);
}

/// The student's page lists a bundled course from the catalog and fetches its file
/// only when it is opened, so what the catalog says must be what the file holds.
#[test]
fn the_catalog_lists_each_curriculum_with_its_id_and_courses() {
    let text = fs::read_to_string(curricula_dir().join("index.json")).unwrap_or_default();
    let catalog = parse_catalog(&text).unwrap_or_else(|error| panic!("index.json: {error:?}"));
    let files: std::collections::BTreeMap<String, String> = bundled_files().into_iter().collect();
    for entry in catalog.curricula {
        let file_text = files
            .get(&entry.file)
            .unwrap_or_else(|| panic!("index.json lists {}, which is not there", entry.file));
        let curriculum = load_curriculum(file_text)
            .unwrap_or_else(|errors| panic!("{}: {errors:?}", entry.file))
            .curriculum;
        let expected = listing_of(&entry.file, &curriculum);
        assert_eq!(
            entry,
            expected,
            "index.json's entry for {} should be:\n{}",
            entry.file,
            serde_json::to_string_pretty(&expected).unwrap_or_default()
        );
    }
}

#[test]
fn every_bundled_curriculum_loads_without_errors_or_warnings() {
    // `bundled_files` fails when there are none to check.
    for (name, text) in bundled_files() {
        match load_curriculum(&text) {
            Ok(loaded) => assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings),
            Err(errors) => panic!("{name}: {:#?}", errors.0),
        }
    }
}
