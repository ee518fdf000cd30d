//! The curricula shipped in `curricula/` must load with no problem at all, and the
//! catalog the app fetches must list exactly the curriculum files that are there.

use masterly::domain::catalog::parse_catalog;
use masterly::domain::curriculum::load_curriculum;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn curricula_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/curricula"))
}

#[test]
fn the_catalog_lists_exactly_the_bundled_curriculum_files() {
    let text = fs::read_to_string(curricula_dir().join("index.json")).unwrap_or_default();
    let catalog = parse_catalog(&text).unwrap_or_else(|error| panic!("index.json: {error}"));
    let listed: BTreeSet<String> = catalog
        .curricula
        .into_iter()
        .map(|entry| entry.file)
        .collect();
    let present: BTreeSet<String> = fs::read_dir(curricula_dir())
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter(|name| name.ends_with(".json") && name != "index.json")
                .collect()
        })
        .unwrap_or_default();
    assert!(!present.is_empty());
    assert_eq!(listed, present);
}

#[test]
fn every_bundled_curriculum_loads_without_errors_or_warnings() {
    let mut checked = 0;
    for entry in fs::read_dir(curricula_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name == "index.json" {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap_or_default();
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
        checked += 1;
    }
    assert!(checked > 0, "no curricula were checked");
}
