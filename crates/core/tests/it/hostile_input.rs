//! Hostile and broken curriculum files: every one is refused with a located,
//! typed error, and none makes the loader panic.

use masterly_core::content::curriculum::{load_curriculum, Count, CurriculumErrorKind, MAX_ITEMS};
use masterly_core::content::rng::SplitMix64;
use masterly_core::format::json::FileProblem;
use masterly_core::format::limits::LimitError;

const EXAMPLE: &str = include_str!("../../../../docs/examples/curriculum.json");

#[test]
fn a_curriculum_with_too_many_items_is_refused_with_the_limit_named() {
    let item = r#"{"id":"i{n}","kind":"short_text","prompt":"x","accepted":["y"],"solution":"y"}"#;
    let items: Vec<String> = (0..=MAX_ITEMS)
        .map(|n| item.replace("{n}", &n.to_string()))
        .collect();
    let text = format!(
        r#"{{"format":"masterly-curriculum","format_version":1,"id":"big","title":"Big","version":"1","license":"CC0-1.0","authors":["A"],
        "courses":[{{"id":"c","title":"C","units":[{{"id":"u","title":"U","objectives":[{{"id":"o","target":"t",
        "lesson":{{"body":"b","mastery_looks_like":"m"}},"correctives":[{{"modality":"visual","body":"c"}}],"items":[{}]}}]}}]}}]}}"#,
        items.join(",")
    );
    let errors = load_curriculum(&text)
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "$.courses");
    assert_eq!(
        errors[0].kind,
        CurriculumErrorKind::CountOutOfRange {
            what: Count::Items,
            found: MAX_ITEMS + 1,
        }
    );
}

#[test]
fn a_flood_of_empty_lists_is_refused_before_parsing() {
    let text = format!("[{}]", vec!["[]"; 1_000_001].join(","));
    let errors = load_curriculum(&text)
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(
        matches!(
            errors.first().map(|e| &e.kind),
            Some(CurriculumErrorKind::File(FileProblem::Limit(
                LimitError::TooManyValues {
                    limit: 1_000_000,
                    ..
                }
            )))
        ),
        "{errors:?}"
    );
}

#[test]
fn no_truncation_or_corruption_of_a_valid_file_makes_the_loader_panic() {
    // Every prefix at a stride, and random byte edits: each must give Ok or typed
    // errors (masterly-text says each), never a panic (a panic fails this test).
    let bytes = EXAMPLE.as_bytes();
    let mut checked = 0;
    for end in (0..bytes.len()).step_by(13) {
        let prefix = String::from_utf8_lossy(&bytes[..end]);
        if let Err(errors) = load_curriculum(&prefix) {
            assert!(!errors.0.is_empty());
        }
        checked += 1;
    }
    let mut rng = SplitMix64::new(99);
    const EDITS: &[u8] = b"{}[]\":,0123456789-.aZ \\/";
    for _ in 0..2_000 {
        let mut edited = bytes.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(edited.len() as u64) as usize;
            edited[at] = EDITS[rng.below(EDITS.len() as u64) as usize];
        }
        let text = String::from_utf8_lossy(&edited);
        if let Err(errors) = load_curriculum(&text) {
            assert!(!errors.0.is_empty());
        }
        checked += 1;
    }
    assert!(checked > 2_500);
}
