//! The simulated learners that measure the mastery rules (docs/mastery.md): the
//! same seed gives the same figures, a student who always answers right masters
//! in the fewest items the rules allow, and a guesser never reaches Mastered where
//! answers must be written.

use crate::support::student::fixture_curriculum;
use masterly_core::content::curriculum::{validate, Curriculum, CurriculumErrorKind};
use masterly_core::content::item::ItemKind;
use masterly_core::learning::mastery::MIN_ANSWERS_TO_MASTER;
use masterly_core::learning::simulate::{simulate, LearnerModel, Path, Simulation};

/// Knows everything from the start and never slips or forgets.
fn always_right() -> LearnerModel {
    LearnerModel {
        already_known: 1.0,
        slip: 0.0,
        forget_per_day: 0.0,
        ..LearnerModel::default()
    }
}

/// Knows nothing, learns nothing: every right answer is a guess.
fn guesser() -> LearnerModel {
    LearnerModel {
        already_known: 0.0,
        learn_from_lesson: 0.0,
        learn_from_corrective: 0.0,
        learn_from_practice: 0.0,
        learn_from_assessment: 0.0,
        ..LearnerModel::default()
    }
}

/// The fixture with only its items of one kind left in every objective.
fn only(kind: ItemKind) -> Curriculum {
    let mut curriculum = fixture_curriculum();
    for course in &mut curriculum.courses {
        for unit in &mut course.units {
            for objective in &mut unit.objectives {
                objective.items.retain(|item| item.kind == kind);
                assert!(
                    !objective.items.is_empty(),
                    "{} keeps an item",
                    objective.id
                );
            }
        }
    }
    curriculum
}

/// The fixture's single-choice items, each cut to its right choice and one other.
fn two_choices() -> Curriculum {
    let mut curriculum = only(ItemKind::SingleChoice);
    for course in &mut curriculum.courses {
        for unit in &mut course.units {
            for objective in &mut unit.objectives {
                for item in &mut objective.items {
                    let choices = item.choices.as_mut().unwrap();
                    let right = choices.iter().position(|choice| choice.correct).unwrap();
                    let wrong = usize::from(right == 0);
                    *choices = vec![
                        choices[right.min(wrong)].clone(),
                        choices[right.max(wrong)].clone(),
                    ];
                }
            }
        }
    }
    curriculum
}

#[test]
fn the_same_seed_gives_the_same_figures_and_another_seed_other_ones() {
    let curriculum = fixture_curriculum();
    let run = |seed| {
        let simulation = Simulation::new(LearnerModel::default(), Path::FullCycle, 20, seed);
        simulate(&curriculum, "c1", &simulation).unwrap()
    };
    let first = run(7);
    assert_eq!(first, run(7));
    assert_eq!(first.students, 20);
    assert!(first.precision.of > 0, "{first:?}");
    assert_ne!(first, run(8));
}

#[test]
fn a_student_who_always_answers_right_masters_everything_in_the_fewest_items() {
    let curriculum = fixture_curriculum();
    let settings = &curriculum.mastery;
    let objectives = curriculum.courses[0].objective_count() as u64;
    let unit_test = u64::from(
        settings
            .unit_test_items_per_objective
            .max(MIN_ANSWERS_TO_MASTER),
    );
    let formative = u64::from(settings.formative_items_per_objective);
    // The full cycle: check A, then the unit test. Skipping ahead or the course
    // challenge: one mixed assessment.
    for (path, items, checks) in [
        (Path::FullCycle, formative + unit_test, 2),
        (Path::SkipAhead, unit_test, 1),
        (Path::CourseChallenge, unit_test, 1),
    ] {
        let simulation = Simulation::new(always_right(), path, 5, 1);
        let measures = simulate(&curriculum, "c1", &simulation).unwrap();
        assert_eq!(measures.unfinished, 0, "{path:?}");
        assert_eq!(measures.precision.of, 5 * objectives, "{path:?}");
        assert_eq!(measures.precision.hits, measures.precision.of, "{path:?}");
        assert_eq!(
            measures.items_to_mastery.value(),
            Some(items as f64),
            "{path:?}"
        );
        assert_eq!(
            measures.checks_to_mastery.value(),
            Some(checks as f64),
            "{path:?}"
        );
        assert_eq!(measures.false_correctives.hits, 0, "{path:?}");
    }
}

#[test]
fn a_guesser_never_reaches_mastered_on_written_answers_but_does_on_two_choices() {
    let numeric = only(ItemKind::Numeric);
    // Forty students, each taking 100 sittings of checks, correctives and tests.
    let guessers = |path| Simulation {
        max_sittings: 100,
        ..Simulation::new(guesser(), path, 40, 3)
    };
    for path in Path::ALL {
        let measures = simulate(&numeric, "c1", &guessers(path)).unwrap();
        assert_eq!(measures.precision.of, 0, "{path:?}: {measures:?}");
        assert_eq!(measures.unfinished, 40, "{path:?}");
        assert!(measures.scored_answers > 40 * 100, "{path:?}: {measures:?}");
    }
    // The same guessers where every item has two choices: the simulation sees
    // the false verdicts, so the check above could fail.
    let two_choices = two_choices();
    let measures = simulate(&two_choices, "c1", &guessers(Path::FullCycle)).unwrap();
    assert!(measures.precision.of > 0, "{measures:?}");
    assert_eq!(
        measures.precision.hits, 0,
        "a guesser never knows: {measures:?}"
    );
}

#[test]
fn the_validator_warns_with_the_figure_when_an_objective_has_only_two_choice_items() {
    let weak = |curriculum: &Curriculum| -> Vec<(String, CurriculumErrorKind)> {
        validate(curriculum)
            .into_iter()
            .filter(|problem| matches!(problem.kind, CurriculumErrorKind::WeakEvidence { .. }))
            .map(|problem| (problem.path, problem.kind))
            .collect()
    };
    assert_eq!(weak(&fixture_curriculum()), Vec::new());
    let warnings = weak(&two_choices());
    let Some((
        path,
        CurriculumErrorKind::WeakEvidence {
            objective,
            precision,
            ..
        },
    )) = warnings.first()
    else {
        panic!("no weak-evidence warning: {warnings:?}");
    };
    assert_eq!(path, "$.courses[0].units[0].objectives[0].items");
    assert_eq!(objective, "u1-o1");
    assert!(
        *precision < 900,
        "precision {precision} tenths of a percent"
    );
}
