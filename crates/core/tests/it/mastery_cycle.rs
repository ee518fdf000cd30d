//! The mastery cycle end to end in the core: a simulated student plans sittings,
//! answers right or wrong on purpose, and replay must move them through the cycle
//! exactly as the rules at the top of `learning/replay/mod.rs` say.

use masterly_core::content::item::ItemInstance;
use masterly_core::learning::attempt::{merge_into, merge_logs, AssessmentKind, Attempt};
use masterly_core::learning::mastery::{MasteryLevel, MIN_ANSWERS_TO_MASTER};
use masterly_core::learning::plan::{
    seen_instances, PlanError, PlanRequest, GAP_ITEMS_PER_OBJECTIVE,
};
use masterly_core::learning::replay::{replay, LevelChange, NextStep, UnitStage};
use masterly_core::time::DAY_MS;
use std::collections::HashSet;

use crate::support::student;
use masterly_test_kit::student::Student;
use student::{fixture_curriculum as curriculum, unit};

fn all(_: &str) -> bool {
    true
}

fn none(_: &str) -> bool {
    false
}

#[test]
fn a_new_student_starts_with_instruction_and_nothing_started() {
    let student = Student::new(curriculum());
    let replay = student.replay();
    assert_eq!(replay.level("u1-o1"), MasteryLevel::NotStarted);
    assert_eq!(replay.objective("u1-o1").evidence, None);
    assert_eq!(replay.stage("u1"), UnitStage::Instruction);
    assert_eq!(
        replay.stage("u2"),
        UnitStage::PreAssessment {
            prerequisites: vec![unit("u1")]
        }
    );
    let course = &student.curriculum.courses[0];
    assert_eq!(
        replay.next_step(course),
        NextStep::Continue {
            unit: unit("u1"),
            stage: UnitStage::Instruction
        }
    );
    assert_eq!(replay.course_progress(course), (0, 6));
}

#[test]
fn formative_a_at_the_bar_makes_objectives_proficient_and_opens_enrichment() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    let replay = student.replay();
    for objective in ["u1-o1", "u1-o2", "u1-o3"] {
        assert_eq!(
            replay.level(objective),
            MasteryLevel::Proficient,
            "{objective}"
        );
    }
    assert_eq!(replay.stage("u1"), UnitStage::Enrichment);
    let evidence = replay.objective("u1-o1").evidence;
    assert_eq!(
        evidence.map(|e| (e.kind, e.correct, e.total, e.change)),
        Some((AssessmentKind::FormativeA, 2, 2, LevelChange::Set))
    );
}

#[test]
fn objectives_below_the_bar_get_correctives_and_the_others_enrichment() {
    let mut student = Student::new(curriculum());
    student.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |o| o != "u1-o2",
        None,
    );
    let replay = student.replay();
    assert_eq!(replay.level("u1-o2"), MasteryLevel::Attempted);
    assert_eq!(
        replay.stage("u1"),
        UnitStage::Corrective {
            objectives: vec![unit("u1-o2")],
            enrichment: vec![unit("u1-o1"), unit("u1-o3")],
        }
    );
}

#[test]
fn formative_b_covers_only_corrected_objectives_and_never_repeats_an_instance_seen_in_a() {
    let mut student = Student::new(curriculum());
    let a = student.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |o| o != "u1-o2",
        None,
    );
    let seen_in_a = seen_instances(&student.curriculum, &student.log, "u1-o2");
    assert_eq!(
        seen_in_a.len(),
        2,
        "formative A showed two different instances"
    );
    let b = student.take(PlanRequest::FormativeB { unit: unit("u1") }, all, None);
    assert_eq!(a.sitting.kind, AssessmentKind::FormativeA);
    assert_eq!(b.sitting.kind, AssessmentKind::FormativeB);
    assert!(
        b.items
            .iter()
            .all(|p| p.objective == "u1-o2" && !p.repeated),
        "{:?}",
        b.items
    );
    for planned in &b.items {
        let (_, objective) = student.curriculum.objective("u1-o2").expect("objective");
        let instance =
            ItemInstance::generate(objective.item(&planned.item).expect("item"), planned.seed)
                .expect("instance");
        assert!(
            !seen_in_a.contains(&instance.key()),
            "B repeated {:?} from A",
            instance.key()
        );
    }
    let replay = student.replay();
    assert_eq!(replay.level("u1-o2"), MasteryLevel::Proficient);
    assert_eq!(replay.stage("u1"), UnitStage::Enrichment);
}

#[test]
fn passing_the_unit_test_masters_the_unit_and_schedules_reviews() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    let test = student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let objectives: HashSet<&str> = test.items.iter().map(|p| p.objective.as_str()).collect();
    assert_eq!(objectives.len(), 3, "the unit test mixes every objective");
    let replay = student.replay();
    assert_eq!(replay.stage("u1"), UnitStage::Mastered);
    assert_eq!(replay.level("u1-o3"), MasteryLevel::Mastered);
    // Check A and the unit test, each passed at once: a first-try success.
    assert_eq!(replay.objective("u1-o1").sittings_to_mastery, Some(2));
    assert_eq!(replay.objective("u1-o1").missed_before_mastery, 0);
    let due = replay
        .objective("u1-o1")
        .review_due
        .expect("a review is scheduled");
    assert!(
        due > student.now + DAY_MS && due <= student.now + 2 * DAY_MS,
        "first review after 2 days"
    );
    assert_eq!(
        replay.stage("u2"),
        UnitStage::Instruction,
        "u2's prerequisite is mastered"
    );
    assert_eq!(
        replay.course_progress(&student.curriculum.courses[0]),
        (3, 6)
    );
}

#[test]
fn a_unit_mastered_at_the_end_of_time_schedules_its_review_there() {
    // A progress file may give any time after 1970; found while fuzzing the
    // teacher's import: the first review, two days on, overflowed.
    let mut student = Student::new(curriculum());
    student.now = i64::MAX - 10_000_000;
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let replay = student.replay();
    assert_eq!(replay.level("u1-o1"), MasteryLevel::Mastered);
    assert_eq!(replay.objective("u1-o1").review_due, Some(i64::MAX));
}

#[test]
fn a_question_answered_twice_counts_its_first_answer() {
    // Two tabs of one learner each answered a question of the unit test before
    // hearing of the other: the later answer (wrong) changes nothing, in replay as
    // in the results (`Workbook::sitting_attempts`).
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let before = student.replay();
    assert_eq!(before.level("u1-o1"), MasteryLevel::Mastered);
    // The other tab's answer to the test's first question came before this tab
    // answered the second: the sitting is the first answer to each question.
    let first = student
        .log
        .iter()
        .find(|a| a.sitting.kind == AssessmentKind::UnitTest)
        .cloned()
        .unwrap();
    student.log.push(Attempt {
        id: format!("{}-other-tab", first.id),
        at: first.at,
        correct: false,
        ..first
    });
    let after = student.replay();
    for objective in ["u1-o1", "u1-o2"] {
        assert_eq!(
            after.level(objective),
            before.level(objective),
            "{objective}"
        );
    }
    assert_eq!(after.unit("u1"), before.unit("u1"));
}

#[test]
fn failing_the_unit_test_demotes_missed_objectives_and_returns_to_correctives() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    student.take(
        PlanRequest::UnitTest { unit: unit("u1") },
        |o| o != "u1-o1",
        None,
    );
    let replay = student.replay();
    assert_eq!(
        replay.level("u1-o1"),
        MasteryLevel::Familiar,
        "Proficient drops one level"
    );
    let evidence = replay.objective("u1-o1").evidence;
    assert_eq!(
        evidence.map(|e| (e.kind, e.change)),
        Some((
            AssessmentKind::UnitTest,
            LevelChange::Demoted(MasteryLevel::Proficient)
        ))
    );
    assert_eq!(replay.level("u1-o2"), MasteryLevel::Mastered);
    assert!(
        matches!(replay.stage("u1"), UnitStage::Corrective { ref objectives, .. } if objectives == &vec![unit("u1-o1")])
    );
    // Correctives, a parallel formative B, then a parallel retake of the test.
    student.take(PlanRequest::FormativeB { unit: unit("u1") }, all, None);
    assert_eq!(student.replay().stage("u1"), UnitStage::Enrichment);
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let replay = student.replay();
    assert_eq!(replay.stage("u1"), UnitStage::Mastered);
    assert_eq!(
        replay.unit("u1").and_then(|u| u.unit_tests_to_pass),
        Some(2)
    );
    assert_eq!(
        replay.objective("u1-o1").sittings_to_mastery,
        Some(4),
        "mastered after 4 scored sittings"
    );
    // One of them (the first unit test) was below the bar: the second try.
    assert_eq!(replay.objective("u1-o1").missed_before_mastery, 1);
    assert_eq!(replay.objective("u1-o2").missed_before_mastery, 0);
}

#[test]
fn the_unit_test_can_be_taken_directly_to_skip_ahead() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    assert_eq!(student.replay().stage("u1"), UnitStage::Mastered);
}

#[test]
fn a_unit_with_unmastered_prerequisites_opens_after_a_passed_readiness_check() {
    let mut student = Student::new(curriculum());
    let check = student.take(PlanRequest::Readiness { unit: unit("u2") }, all, None);
    assert!(
        check.items.iter().all(|p| p.unit == "u1"),
        "the check covers the prerequisite's objectives"
    );
    assert_eq!(check.items.len(), 3);
    let replay = student.replay();
    assert_eq!(replay.stage("u2"), UnitStage::Instruction);
    assert_eq!(
        replay.level("u1-o1"),
        MasteryLevel::NotStarted,
        "readiness does not grant levels"
    );
}

#[test]
fn failing_the_readiness_check_sends_the_student_back_to_the_prerequisites() {
    let mut student = Student::new(curriculum());
    // Two of the three prerequisite objectives missed: more than half.
    student.take(
        PlanRequest::Readiness { unit: unit("u2") },
        |o| o == "u1-o3",
        None,
    );
    let replay = student.replay();
    assert_eq!(
        replay.stage("u2"),
        UnitStage::Locked {
            missing: vec![unit("u1")]
        }
    );
    assert_eq!(
        replay.next_step(&student.curriculum.courses[0]),
        NextStep::Continue {
            unit: unit("u1"),
            stage: UnitStage::Instruction
        }
    );
}

#[test]
fn a_readiness_check_with_a_few_gaps_sends_the_student_to_those_objectives_only() {
    let mut student = Student::new(curriculum());
    student.take(
        PlanRequest::Readiness { unit: unit("u2") },
        |o| o != "u1-o2",
        None,
    );
    let gaps = UnitStage::Gaps {
        objectives: vec![unit("u1-o2")],
    };
    assert_eq!(student.replay().stage("u2"), gaps);
    assert_eq!(
        student.replay().stage("u1"),
        UnitStage::Instruction,
        "the earlier unit is not started for it"
    );
    // Practice on the gap belongs to the unit it is for: unfinished, that unit
    // shows it under way; finished, the gap is still there to check.
    let practice = PlanRequest::Practice {
        objective: unit("u1-o2"),
        items: 2,
        for_unit: Some(unit("u2")),
    };
    student.take(practice.clone(), all, Some(1));
    assert_eq!(
        student.replay().stage("u2"),
        UnitStage::InProgress {
            kind: AssessmentKind::Practice
        }
    );
    student.log.clear();
    student.take(
        PlanRequest::Readiness { unit: unit("u2") },
        |o| o != "u1-o2",
        None,
    );
    student.take(practice, all, None);
    assert_eq!(student.replay().stage("u2"), gaps);
    // The check again asks about the gap alone, two questions.
    let recheck = student.plan(PlanRequest::Readiness { unit: unit("u2") });
    let asked: Vec<(String, String)> = recheck
        .expect("a check of the gaps")
        .items
        .iter()
        .map(|p| (p.objective.clone(), p.item.clone()))
        .collect();
    assert_eq!(asked.len(), GAP_ITEMS_PER_OBJECTIVE as usize, "{asked:?}");
    assert!(asked
        .iter()
        .all(|(objective, _)| *objective == unit("u1-o2")));
    // Missed again, even all of it: still a gap to look at, never a lock.
    student.take(PlanRequest::Readiness { unit: unit("u2") }, none, None);
    assert_eq!(student.replay().stage("u2"), gaps);
    student.take(PlanRequest::Readiness { unit: unit("u2") }, all, None);
    assert_eq!(student.replay().stage("u2"), UnitStage::Instruction);
    assert_eq!(
        student.replay().level("u1-o2"),
        MasteryLevel::NotStarted,
        "readiness and practice grant no level"
    );
}

#[test]
fn a_passed_review_moves_to_the_next_interval_and_a_missed_one_demotes() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let course = student.curriculum.courses[0].clone();
    assert_eq!(
        student.plan(PlanRequest::Review {
            course: course.id.clone()
        }),
        Err(PlanError::NothingToAssess(AssessmentKind::Review))
    );
    student.now += 2 * DAY_MS;
    assert_eq!(
        student.replay().next_step(&course),
        NextStep::Review {
            objectives: vec![unit("u1-o1"), unit("u1-o2"), unit("u1-o3")]
        }
    );
    student.take(
        PlanRequest::Review {
            course: course.id.clone(),
        },
        |o| o != "u1-o2",
        None,
    );
    let replay = student.replay();
    assert_eq!(replay.level("u1-o1"), MasteryLevel::Mastered);
    let next = replay.objective("u1-o1").review_due.expect("scheduled");
    assert!(
        next > student.now + 6 * DAY_MS && next <= student.now + 7 * DAY_MS,
        "second interval: 7 days"
    );
    assert_eq!(
        replay.level("u1-o2"),
        MasteryLevel::Proficient,
        "a missed review demotes"
    );
    assert_eq!(
        replay.stage("u1"),
        UnitStage::Review {
            objectives: vec![unit("u1-o2")]
        }
    );
    assert_eq!(
        replay.stage("u2"),
        UnitStage::Instruction,
        "a missed review does not relock later units"
    );
}

#[test]
fn replay_is_the_same_for_any_order_of_the_same_attempts() {
    let mut student = Student::new(curriculum());
    student.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |o| o != "u1-o2",
        None,
    );
    student.take(PlanRequest::FormativeB { unit: unit("u1") }, all, None);
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let forward = student.replay();
    let mut reversed = student.log.clone();
    reversed.reverse();
    let mut doubled = student.log.clone();
    doubled.extend(student.log.iter().cloned());
    assert_eq!(replay(&student.curriculum, &reversed, student.now), forward);
    assert_eq!(replay(&student.curriculum, &doubled, student.now), forward);
}

#[test]
fn merging_two_logs_is_a_union_by_attempt_id() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    let (first, second) = student.log.split_at(4);
    let overlap: Vec<Attempt> = student.log[2..].to_vec();
    let (merged, conflicts) = merge_logs(first, &overlap);
    assert!(conflicts.is_empty());
    assert_eq!(
        merged.len(),
        student.log.len(),
        "nothing lost, nothing doubled"
    );
    let (again, _) = merge_logs(&merged, second);
    assert_eq!(again, merged, "merging is idempotent");
    let mut edited = student.log[0].clone();
    edited.correct = !edited.correct;
    let (_, conflicts) = merge_logs(&student.log, &[edited.clone()]);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].id, edited.id);

    // Merging in place, moving the attempts, gives the same log and conflicts.
    let mut in_place = first.to_vec();
    let (added, none) = merge_into(&mut in_place, overlap.clone());
    assert_eq!((added, none.len()), (student.log.len() - 4, 0));
    assert_eq!(in_place, merged);
    let (added, conflicts) = merge_into(&mut in_place, vec![edited.clone(), edited.clone()]);
    assert_eq!(added, 0);
    assert_eq!(conflicts.len(), 1, "one conflict, reported once");
    assert_eq!(in_place, merged, "the version already kept wins");
    let mut empty = Vec::new();
    let mut reversed = student.log.clone();
    reversed.reverse();
    assert_eq!(merge_into(&mut empty, reversed).0, student.log.len());
    assert_eq!(empty, merged, "any order in, canonical order out");
    // Within one file, the first of two versions of an id is kept.
    let mut fresh = Vec::new();
    let original = student.log[0].clone();
    let (added, conflicts) =
        merge_into(&mut fresh, vec![original.clone(), edited, original.clone()]);
    assert_eq!((added, conflicts.len()), (1, 1));
    assert_eq!(fresh, vec![original]);
}

#[test]
fn an_unfinished_sitting_is_resumed_not_scored() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, Some(4));
    let replay = student.replay();
    assert_eq!(
        replay.stage("u1"),
        UnitStage::InProgress {
            kind: AssessmentKind::FormativeA
        }
    );
    assert_eq!(replay.level("u1-o1"), MasteryLevel::NotStarted);
    let (sitting, answers) = replay
        .unit("u1")
        .and_then(|u| u.in_progress.clone())
        .expect("in progress");
    assert_eq!((sitting.size, answers.len()), (6, 4));
}

#[test]
fn a_course_challenge_at_the_bar_masters_every_unit() {
    let mut student = Student::new(curriculum());
    let challenge = student.take(
        PlanRequest::CourseChallenge {
            course: "c1".into(),
        },
        all,
        None,
    );
    // Enough questions of each of the six objectives to master it.
    let per_objective = student
        .curriculum
        .mastery
        .unit_test_items_per_objective
        .max(MIN_ANSWERS_TO_MASTER) as usize;
    assert_eq!(challenge.items.len(), 6 * per_objective);
    let replay = student.replay();
    assert_eq!(replay.stage("u1"), UnitStage::Mastered);
    assert_eq!(replay.stage("u2"), UnitStage::Mastered);
    assert_eq!(
        replay.next_step(&student.curriculum.courses[0]),
        NextStep::CourseMastered
    );
}

#[test]
fn a_course_challenge_does_not_undo_a_failed_readiness_check() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::Readiness { unit: unit("u2") }, none, None);
    assert!(matches!(
        student.replay().stage("u2"),
        UnitStage::Locked { .. }
    ));
    // Right on every question of u2, wrong on u1: u2 stays locked, its
    // objectives at most Proficient.
    student.take(
        PlanRequest::CourseChallenge {
            course: "c1".into(),
        },
        |objective| objective.starts_with("u2"),
        None,
    );
    let replay = student.replay();
    assert!(
        matches!(replay.stage("u2"), UnitStage::Locked { .. }),
        "{:?}",
        replay.stage("u2")
    );
    for objective in ["u2-o1", "u2-o2", "u2-o3"] {
        assert_eq!(
            replay.level(objective),
            MasteryLevel::Proficient,
            "{objective}"
        );
    }
    // Without the failed readiness check, the same challenge masters u2.
    let mut fresh = Student::new(curriculum());
    fresh.take(
        PlanRequest::CourseChallenge {
            course: "c1".into(),
        },
        |objective| objective.starts_with("u2"),
        None,
    );
    assert_eq!(fresh.replay().level("u2-o1"), MasteryLevel::Mastered);
}

#[test]
fn a_course_challenge_needs_every_answer_right() {
    let mut five = curriculum();
    five.mastery.unit_test_items_per_objective = 5;
    let mut student = Student::new(five.clone());
    student.take(
        PlanRequest::CourseChallenge {
            course: "c1".into(),
        },
        all,
        None,
    );
    // One wrong answer of five to u1-o1: 80% meets the unit's bar, not the
    // challenge's.
    let first = student
        .log
        .iter()
        .position(|a| a.objective == "u1-o1")
        .unwrap();
    student.log[first].correct = false;
    let replay = student.replay();
    assert_eq!(replay.level("u1-o1"), MasteryLevel::Proficient);
    assert_eq!(replay.level("u1-o2"), MasteryLevel::Mastered);
    assert_ne!(replay.stage("u1"), UnitStage::Mastered);
    assert_eq!(replay.stage("u2"), UnitStage::Mastered);
    // The same 4 of 5 in a unit test masters it.
    let mut tested = Student::new(five);
    tested.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    let first = tested
        .log
        .iter()
        .position(|a| a.objective == "u1-o1")
        .unwrap();
    tested.log[first].correct = false;
    assert_eq!(tested.replay().level("u1-o1"), MasteryLevel::Mastered);
}

#[test]
fn one_answer_never_masters_an_objective() {
    let mut one_item = curriculum();
    one_item.mastery.unit_test_items_per_objective = 1;
    one_item.mastery.review_items_per_objective = 1;
    let mut student = Student::new(one_item);
    // The unit test asks the minimum that can master, whatever the settings say.
    let test = student.take(PlanRequest::UnitTest { unit: unit("u1") }, all, None);
    assert_eq!(test.items.len(), 3 * MIN_ANSWERS_TO_MASTER as usize);
    assert_eq!(student.replay().level("u1-o1"), MasteryLevel::Mastered);
    // A review of one item keeps Mastered; one that fails demotes, and the next
    // review asks enough to master it again.
    student.now += 3 * DAY_MS;
    let review = student.take(
        PlanRequest::Review {
            course: "c1".into(),
        },
        all,
        None,
    );
    assert_eq!(review.items.len(), 3);
    assert_eq!(student.replay().level("u1-o1"), MasteryLevel::Mastered);
    student.now += 8 * DAY_MS;
    student.take(
        PlanRequest::Review {
            course: "c1".into(),
        },
        none,
        None,
    );
    assert_eq!(student.replay().level("u1-o1"), MasteryLevel::Proficient);
    student.now += 3 * DAY_MS;
    let again = student.take(
        PlanRequest::Review {
            course: "c1".into(),
        },
        all,
        None,
    );
    assert_eq!(again.items.len(), 3 * MIN_ANSWERS_TO_MASTER as usize);
    assert_eq!(student.replay().level("u1-o1"), MasteryLevel::Mastered);
}

#[test]
fn a_right_answer_after_the_hint_that_shows_it_does_not_count() {
    let mut hinted = curriculum();
    for unit in &mut hinted.courses[0].units {
        for objective in &mut unit.objectives {
            for item in &mut objective.items {
                item.hints = vec!["Look again.".into(), "It is the answer.".into()];
                // u1-o2's author says no hint gives the answer away.
                if objective.id == "u1-o2" {
                    item.revealing_hint = Some(0);
                }
            }
        }
    }
    let mut student = Student::new(hinted);
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    // u1-o1 answered after both hints (the last one shows the answer); u1-o2
    // too, but its hints do not; u1-o3 after the first hint only.
    let mut revealed = 0;
    for attempt in &mut student.log {
        attempt.hints_used = match attempt.objective.as_str() {
            "u1-o1" | "u1-o2" => 2,
            _ => 1,
        };
        if attempt.objective == "u1-o1" {
            revealed += 1;
        }
    }
    let replay = student.replay();
    let progress = replay.objective("u1-o1");
    assert_eq!(progress.level, MasteryLevel::Attempted);
    let evidence = progress.evidence.unwrap();
    assert_eq!(
        (evidence.correct, evidence.revealed, evidence.hinted),
        (0, revealed, revealed)
    );

    // Hints that do not show the answer are reported, and the answers count.
    assert_eq!(replay.level("u1-o2"), MasteryLevel::Proficient);
    assert_eq!(replay.level("u1-o3"), MasteryLevel::Proficient);
    let evidence = replay.objective("u1-o2").evidence;
    assert!(
        evidence.is_some_and(|e| e.hinted > 1 && e.revealed == 0),
        "{evidence:?}"
    );
}

#[test]
fn attempts_naming_unknown_items_are_ignored_and_reported() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, all, None);
    let mut stray = student.log[0].clone();
    stray.id = "stray".into();
    stray.item = "no-such-item".into();
    student.log.push(stray);
    let replay = student.replay();
    assert_eq!(replay.ignored.len(), 1);
    assert_eq!(replay.ignored[0].id, "stray");
    assert_eq!(replay.level("u1-o1"), MasteryLevel::Proficient);
}

#[test]
fn planning_spreads_across_the_pool_and_repeats_only_when_it_is_exhausted() {
    let mut student = Student::new(curriculum());
    // u1-o1 has one fixed item and one template; formative A takes one of each.
    let a = student.take(PlanRequest::FormativeA { unit: unit("u1") }, none, None);
    let items: HashSet<&str> = a
        .items
        .iter()
        .filter(|p| p.objective == "u1-o1")
        .map(|p| p.item.as_str())
        .collect();
    assert_eq!(items.len(), 2, "{:?}", a.items);
    // The fixed item is now seen; further sittings use only template instances.
    for _ in 0..3 {
        let b = student.take(PlanRequest::FormativeB { unit: unit("u1") }, none, None);
        assert!(
            b.items
                .iter()
                .all(|p| p.item.ends_with("-t") && !p.repeated),
            "{:?}",
            b.items
        );
    }
}

/// A template whose picture cannot be drawn for most of its seeds (the tick labels
/// of many parts per whole would overlap): the loader, had it sampled one of those
/// seeds, would refuse the file, but its sample is small; the planner passes over
/// every such seed, so each question a check asks can be shown.
#[test]
fn seeds_whose_picture_cannot_be_drawn_are_never_planned() {
    use masterly_core::content::curriculum::Curriculum;
    use masterly_core::learning::plan::plan_sitting;
    let text = r#"{
      "format": "masterly-curriculum", "format_version": 1, "id": "crowded",
      "title": "Crowded", "version": "1", "license": "CC0-1.0", "authors": ["A"],
      "courses": [{"id": "c", "title": "C", "units": [{"id": "u", "title": "U",
        "objectives": [{"id": "o", "target": "I can place a point.",
          "lesson": {"body": "Count the gaps.", "mastery_looks_like": "Points placed."},
          "correctives": [{"modality": "visual", "body": "Count again."}],
          "enrichment": [{"kind": "explain", "body": "Why?"}],
          "items": [{"id": "place", "kind": "place_point",
            "prompt": "Move the point to {k}/{p}.", "answer": "k / p",
            "diagram": "::: number-line; from: 0; to: 3; parts: {p}; labels: fractions :::",
            "solution": "Count {k} gaps.",
            "template": {"variables": [{"name": "p", "from": 1, "to": 24},
                                       {"name": "k", "from": 1, "to": 60}],
                         "constraints": ["k < 3 * p"]}}]}]}]}]
    }"#;
    // Read without the loader's checks, as a file that slipped past them.
    let curriculum: Curriculum = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    let item = curriculum.item("place").expect("the item");
    let failing = (0..200)
        .filter(|seed| ItemInstance::generate(item, *seed).is_err())
        .count();
    assert!(
        failing > 100,
        "only {failing} of 200 seeds fail: the test tests little"
    );
    let fresh = replay(&curriculum, &[], 0);
    for entropy in 0..50 {
        let request = PlanRequest::FormativeA { unit: "u".into() };
        let plan = plan_sitting(&curriculum, &fresh, &[], &request, "s".into(), entropy)
            .unwrap_or_else(|e| panic!("{e:?}"));
        for question in &plan.items {
            assert!(
                ItemInstance::generate(item, question.seed).is_ok(),
                "seed {} was planned but cannot be shown",
                question.seed
            );
        }
    }
}
