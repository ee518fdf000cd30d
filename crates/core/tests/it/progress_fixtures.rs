//! Every file in `tests/fixtures/progress/bad/` must be refused, on loading or when
//! checked against the fixture curriculum, with exactly the messages in its
//! `.expected` file; every file in `good/` must load and check with exactly the
//! warnings in its `.expected` file. (`MASTERLY_BLESS=1` rewrites them.)

use crate::support;

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::progress::{
    check_against, load_progress, load_progress_quickly, ProgressError,
};
use std::fs;
use support::{check_expected, fixtures};

fn messages(text: &str) -> (bool, Vec<String>) {
    let curriculum = load_curriculum(include_str!("../fixtures/curricula/good/minimal.json"))
        .unwrap_or_else(|e| panic!("fixture curriculum: {e}"))
        .curriculum;
    let lines = |errors: &[ProgressError]| errors.iter().map(ToString::to_string).collect();
    match load_progress(text) {
        Err(errors) => (false, lines(&errors)),
        Ok(bundle) => {
            let problems = check_against(&bundle, &curriculum);
            let usable = problems.iter().all(|p| p.kind.is_warning());
            (usable, lines(&problems))
        }
    }
}

#[test]
fn every_bad_progress_file_is_refused_with_its_exact_messages() {
    let mut failures = Vec::new();
    for fixture in fixtures("progress/bad") {
        let (usable, lines) = messages(&fs::read_to_string(&fixture).unwrap_or_default());
        if usable {
            failures.push(format!(
                "{} was accepted, but must be refused",
                fixture.display()
            ));
        } else if let Err(failure) = check_expected(&fixture, &lines) {
            failures.push(failure);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_good_progress_file_loads_with_its_exact_warnings() {
    let mut failures = Vec::new();
    for fixture in fixtures("progress/good") {
        let (usable, lines) = messages(&fs::read_to_string(&fixture).unwrap_or_default());
        if !usable {
            failures.push(format!("{}: {lines:?}", fixture.display()));
        } else if let Err(failure) = check_expected(&fixture, &lines) {
            failures.push(failure);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The teacher's quicker loading gives the same bundle or the same messages for
/// every fixture, good or bad, and for a file at the size limit.
#[test]
fn quick_loading_gives_what_loading_gives_for_every_fixture() {
    let mut texts: Vec<String> = ["progress/bad", "progress/good"]
        .into_iter()
        .flat_map(fixtures)
        .map(|fixture| fs::read_to_string(&fixture).unwrap_or_default())
        .collect();
    texts.push(format!(
        "{{\"format\":\"masterly-progress\",\"pad\":\"{}\"}}",
        "x".repeat(33 * 1024 * 1024)
    ));
    assert!(texts.len() > 15, "only {} fixtures", texts.len());
    for text in &texts {
        assert_eq!(
            load_progress_quickly(text),
            load_progress(text),
            "{}",
            text.chars().take(300).collect::<String>()
        );
    }
}

#[test]
fn an_absurdly_large_progress_file_is_refused_before_parsing() {
    let text = format!(
        "{{\"format\":\"masterly-progress\",\"pad\":\"{}\"}}",
        "x".repeat(33 * 1024 * 1024)
    );
    let errors = load_progress(&text).err().unwrap_or_default();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().starts_with("the file is "),
        "{}",
        errors[0]
    );
}

#[test]
fn a_loaded_bundle_written_back_loads_as_the_same_bundle() {
    let text = include_str!("../fixtures/progress/good/from-a-class.json");
    let bundle = load_progress(text).unwrap_or_else(|e| panic!("{e:?}"));
    let written = serde_json::to_string_pretty(&bundle).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(load_progress(&written), Ok(bundle));
}
