//! A level's reason: the level, the assessment and date that set it, the score,
//! and the answers given after hints.

use masterly_core::learning::attempt::AssessmentKind;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::learning::replay::{Evidence, LevelChange};
use masterly_text::learning::reason;

/// 2026-01-01T00:00:00Z.
const NEW_YEAR: i64 = 1_767_225_600_000;

fn evidence(kind: AssessmentKind, correct: u32, total: u32) -> Evidence {
    Evidence {
        kind,
        at: NEW_YEAR,
        correct,
        total,
        revealed: 0,
        hinted: 0,
        change: LevelChange::Set,
    }
}

#[test]
fn a_level_without_evidence_has_no_answers_yet() {
    assert_eq!(
        reason(MasteryLevel::NotStarted, None),
        "Not started: no answers yet."
    );
}

#[test]
fn a_level_names_the_assessment_its_date_and_score() {
    let check_a = evidence(AssessmentKind::FormativeA, 2, 2);
    assert_eq!(
        reason(MasteryLevel::Proficient, Some(&check_a)),
        "Proficient because check A on 1 Jan 2026: 2/2"
    );
}

#[test]
fn a_demotion_says_the_level_it_came_down_from() {
    let test = Evidence {
        change: LevelChange::Demoted(MasteryLevel::Proficient),
        ..evidence(AssessmentKind::UnitTest, 1, 3)
    };
    assert!(reason(MasteryLevel::Familiar, Some(&test))
        .starts_with("Familiar, down from Proficient, because unit test"));
}

#[test]
fn answers_after_hints_are_counted_and_revealed_ones_said_not_to_count() {
    let hinted = Evidence {
        hinted: 2,
        ..evidence(AssessmentKind::FormativeA, 2, 2)
    };
    let said = reason(MasteryLevel::Proficient, Some(&hinted));
    assert!(said.ends_with("answers after hints"), "{said}");
    assert!(!said.contains("does not count"), "{said}");
    let revealed = Evidence {
        hinted: 3,
        revealed: 3,
        ..evidence(AssessmentKind::FormativeA, 0, 3)
    };
    let said = reason(MasteryLevel::Attempted, Some(&revealed));
    assert!(
        said.contains("3 answers came after a hint that showed the answer, so they do not count"),
        "{said}"
    );
}
