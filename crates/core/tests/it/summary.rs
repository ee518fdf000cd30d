//! The teacher's action summary: each rule that calls a student stuck, who is
//! ready for enrichment, whose persistence paid off this week, and the corrective
//! groups with their peer tutors — over a class whose paths are known.

use masterly_core::format::progress::Goals;
use masterly_core::learning::plan::PlanRequest;
use masterly_core::teacher::reports::ClassRecord;
use masterly_core::teacher::summary::{action_summary, ActionSummary, StuckReason};
use masterly_core::time::{Millis, DAY_MS};

use crate::reports::bundle;
use crate::support::student::{fixture_curriculum as curriculum, unit, Student, START};

/// Ten days after the start: every student but Dan and Hal works today.
const TODAY: Millis = START + 10 * DAY_MS;

fn all(_: &str) -> bool {
    true
}

fn none(_: &str) -> bool {
    false
}

fn today() -> Student {
    let mut student = Student::new(curriculum());
    student.now = TODAY;
    student
}

fn check_a() -> PlanRequest {
    PlanRequest::FormativeA { unit: unit("u1") }
}

fn check_b() -> PlanRequest {
    PlanRequest::FormativeB { unit: unit("u1") }
}

fn unit_test() -> PlanRequest {
    PlanRequest::UnitTest { unit: unit("u1") }
}

/// Ann: locked out of u2 by a readiness check. Ben: check B missed twice. Cat: the
/// unit test missed twice. Dan: worked only ten days ago. Eli: no answer at all.
/// Fay: ready for enrichment. Gus: mastered u1 this week on the fourth try. Hal:
/// a goal of course c1 by 21 January, 10 of its 20 days gone, nothing mastered.
/// Ivy: a readiness check for u2 that found one gap.
fn summary() -> ActionSummary {
    let mut record = ClassRecord::default();
    let mut ann = today();
    ann.take(PlanRequest::Readiness { unit: unit("u2") }, none, None);
    record.add(bundle("Ann", &ann, Goals::default()));

    let mut ben = today();
    ben.take(check_a(), |o| o != "u1-o2", None);
    ben.take(check_b(), none, None);
    ben.take(check_b(), none, None);
    record.add(bundle("Ben", &ben, Goals::default()));

    let mut cat = today();
    cat.take(unit_test(), none, None);
    cat.take(unit_test(), none, None);
    record.add(bundle("Cat", &cat, Goals::default()));

    let mut dan = Student::new(curriculum());
    dan.take(check_a(), all, None);
    record.add(bundle("Dan", &dan, Goals::default()));

    record.add(bundle("Eli", &Student::new(curriculum()), Goals::default()));

    let mut fay = today();
    fay.take(check_a(), all, None);
    record.add(bundle("Fay", &fay, Goals::default()));

    let mut gus = today();
    gus.take(check_a(), none, None);
    gus.take(check_b(), none, None);
    gus.take(check_b(), all, None);
    gus.take(unit_test(), all, None);
    record.add(bundle("Gus", &gus, Goals::default()));

    let mut hal = Student::new(curriculum());
    hal.take(check_a(), none, None);
    hal.now = TODAY;
    hal.take(check_b(), |o| o == "u1-o1", None);
    let goal = Goals {
        course: Some("c1".into()),
        target_date: Some("2026-01-21".into()),
        weekly_minutes: 30,
    };
    record.add(bundle("Hal", &hal, goal));

    let mut ivy = today();
    ivy.take(
        PlanRequest::Readiness { unit: unit("u2") },
        |o| o != "u1-o2",
        None,
    );
    record.add(bundle("Ivy", &ivy, Goals::default()));

    let curriculum = curriculum();
    let replays = record.replay(&curriculum, TODAY + 3_600_000);
    action_summary(
        &curriculum,
        &curriculum.courses[0],
        &replays,
        TODAY + 3_600_000,
        0,
    )
}

fn reasons_of(summary: &ActionSummary, nickname: &str) -> Vec<StuckReason> {
    summary
        .stuck
        .iter()
        .find(|s| s.learner.nickname == nickname)
        .map(|s| s.reasons.clone())
        .unwrap_or_default()
}

#[test]
fn each_rule_names_the_stuck_student_and_why() {
    let summary = summary();
    assert_eq!(
        reasons_of(&summary, "Ann"),
        vec![StuckReason::LockedByReadiness {
            unit: "u2".into(),
            missing: vec!["u1".into()]
        }]
    );
    assert_eq!(
        reasons_of(&summary, "Ben"),
        vec![StuckReason::MissedCheckB {
            unit: "u1".into(),
            times: 2
        }]
    );
    assert_eq!(
        reasons_of(&summary, "Cat"),
        vec![StuckReason::MissedUnitTest {
            unit: "u1".into(),
            times: 2
        }]
    );
    assert_eq!(
        reasons_of(&summary, "Dan"),
        vec![StuckReason::Inactive { days: 10 }]
    );
    assert_eq!(reasons_of(&summary, "Eli"), vec![StuckReason::NotStarted]);
    assert_eq!(
        reasons_of(&summary, "Hal"),
        vec![StuckReason::BehindGoal {
            course: "c1".into(),
            mastered: 0,
            expected: 3,
            total: 6
        }]
    );
    assert_eq!(
        reasons_of(&summary, "Ivy"),
        vec![StuckReason::FillingGaps {
            unit: "u2".into(),
            objectives: vec!["u1-o2".into()]
        }]
    );
    // Nobody else is stuck: Fay and Gus are on their way.
    let stuck: Vec<&str> = summary
        .stuck
        .iter()
        .map(|s| s.learner.nickname.as_str())
        .collect();
    assert_eq!(stuck, ["Ann", "Ben", "Cat", "Dan", "Eli", "Hal", "Ivy"]);
}

#[test]
fn a_pass_resets_the_count_of_misses() {
    // Gus missed check B once and then passed it: not stuck.
    assert_eq!(reasons_of(&summary(), "Gus"), Vec::new());
}

#[test]
fn enrichment_persistence_and_corrective_groups_come_with_names() {
    let summary = summary();
    let enrichment: Vec<(&str, Vec<&str>)> = summary
        .enrichment
        .iter()
        .map(|g| {
            (
                g.unit.as_str(),
                g.learners.iter().map(|l| l.nickname.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(enrichment, vec![("u1", vec!["Dan", "Fay"])]);

    assert_eq!(summary.persistence.len(), 1);
    let note = &summary.persistence[0];
    assert_eq!(
        (
            note.learner.nickname.as_str(),
            note.unit.as_str(),
            note.tries
        ),
        ("Gus", "u1", 4)
    );

    assert_eq!(summary.groups.len(), 1);
    let group = &summary.groups[0];
    assert_eq!(group.unit, "u1");
    let learners: Vec<&str> = group.learners.iter().map(|l| l.nickname.as_str()).collect();
    assert_eq!(learners, ["Ben", "Cat", "Hal"]);
    assert_eq!(group.objectives, ["u1-o1", "u1-o2", "u1-o3"]);
    let tutors: Vec<&str> = group.tutors.iter().map(|l| l.nickname.as_str()).collect();
    assert_eq!(tutors, ["Gus"]);
}
