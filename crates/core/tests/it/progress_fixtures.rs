//! Progress files: both readers agree on every fixture in `tests/fixtures/progress/`,
//! a huge file is refused before parsing, and a bundle written back loads the same.
//! (That each bad fixture is refused with the messages of its `.expected` file is
//! checked in masterly-text's tests.)

use crate::support;

use masterly_core::format::json::FileProblem;
use masterly_core::format::limits::LimitError;
use masterly_core::format::progress::{load_progress, load_progress_quickly, ProgressErrorKind};
use std::fs;
use support::fixtures;

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
        matches!(
            errors[0].kind,
            ProgressErrorKind::File(FileProblem::Limit(LimitError::TooLarge { .. }))
        ),
        "{:?}",
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
