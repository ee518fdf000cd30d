//! The teacher's action summary: each rule that calls a student stuck, who is
//! ready for enrichment, whose persistence paid off this week, and the corrective
//! groups with their peer tutors — over a class whose paths are known.

use masterly_core::format::progress::Goals;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::learning::plan::PlanRequest;
use masterly_core::teacher::reports::{mastery_grid, ClassRecord, ReadinessMark};
use masterly_core::teacher::summary::{action_summary, ActionSummary, StuckReason};
use masterly_core::time::{Millis, DAY_MS};

use crate::support::student::{fixture_curriculum as curriculum, unit};
use masterly_test_kit::student::{bundle, mixed_class, Student, START};

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
fn class() -> ClassRecord {
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
    record
}

fn summary() -> ActionSummary {
    let record = class();
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

/// The grid shows what a readiness check decided, where a level alone would say
/// "not started": Ann's locked unit, Ivy's gap. Jo, whose goal is another course,
/// says so; the class's goal course is the one most of it aims at.
#[test]
fn the_grid_marks_locked_units_gaps_and_goals_elsewhere() {
    let mut curriculum = curriculum();
    let mut other = curriculum.courses[0].clone();
    other.id = "c2".into();
    other.units.clear();
    curriculum.courses.push(other);
    let mut record = class();
    let mut jo = today();
    jo.take(check_a(), all, None);
    let elsewhere = Goals {
        course: Some("c2".into()),
        ..Goals::default()
    };
    record.add(bundle("Jo", &jo, elsewhere));
    assert_eq!(
        record.goal_course(),
        Some("c1"),
        "Hal's goal; Jo's is one of one too, and later"
    );

    let replays = record.replay(&curriculum, TODAY + 3_600_000);
    let grid = mastery_grid(&curriculum, &curriculum.courses[0], &replays);
    let row = |nickname: &str| {
        grid.rows
            .iter()
            .find(|row| row.learner.nickname == nickname)
            .unwrap_or_else(|| panic!("{nickname} has a row"))
    };
    let marks = |nickname: &str| -> Vec<Option<ReadinessMark>> {
        row(nickname)
            .cells
            .iter()
            .map(|cell| cell.readiness)
            .collect()
    };
    let (locked, gap) = (Some(ReadinessMark::Locked), Some(ReadinessMark::Gap));
    assert_eq!(
        marks("Ann"),
        [None, None, None, locked, locked, locked],
        "u2 is locked for Ann"
    );
    assert_eq!(
        row("Ann").cells[3].level,
        MasteryLevel::NotStarted,
        "the level stays as replay gives it"
    );
    assert_eq!(
        marks("Ivy"),
        [None, gap, None, gap, gap, gap],
        "u1-o2 is Ivy's gap, looked back at before u2"
    );
    assert_eq!(marks("Fay"), [None; 6], "no readiness check, no mark");
    assert_eq!(row("Jo").goal_elsewhere.as_deref(), Some("c2"));
    assert_eq!(row("Hal").goal_elsewhere, None, "Hal's goal is this course");
    assert_eq!(row("Ann").goal_elsewhere, None, "no goal");
}

#[test]
fn the_class_goal_course_is_the_one_most_students_aim_at() {
    let mut record = ClassRecord::default();
    assert_eq!(record.goal_course(), None, "no students, no goal");
    let goal = |course: &str| Goals {
        course: Some(course.into()),
        ..Goals::default()
    };
    record.add(bundle("Ann", &today(), goal("c2")));
    record.add(bundle("Ben", &today(), goal("c1")));
    record.add(bundle("Cat", &today(), Goals::default()));
    assert_eq!(record.goal_course(), Some("c2"), "a tie: Ann comes first");
    record.add(bundle("Dee", &today(), goal("c1")));
    assert_eq!(record.goal_course(), Some("c1"), "two of three goals");
}

/// A class of thirty on the Grade 5 course, each student on a known path
/// (`masterly_test_kit::student::mixed_class`): the summary names each stuck
/// student for the right reason, the corrective group, who is ready for
/// enrichment and whose persistence paid off; the grid marks the locked and the
/// gaps and says whose goal is another course.
#[test]
fn a_class_of_thirty_on_known_paths_gets_the_summary_its_paths_call_for() {
    let (name, text) = crate::support::bundled::bundled_files()
        .into_iter()
        .find(|(name, _)| name == "fractions.json")
        .expect("the fractions curriculum");
    let curriculum = crate::support::bundled::loaded(&name, &text);
    let now = START + 30 * DAY_MS;
    let class = mixed_class(&curriculum, "g5-fractions", "g4-fractions", now);
    assert_eq!(class.files.len(), 30);
    let mut record = ClassRecord::default();
    for file in class.files.clone() {
        record.add(file);
    }
    assert_eq!(record.goal_course(), Some("g5-fractions"));
    let course = curriculum.course("g5-fractions").expect("course");
    let replays = record.replay(&curriculum, now);
    let summary = action_summary(&curriculum, course, &replays, now, 0);

    let stuck_for = |pick: fn(&StuckReason) -> bool| -> Vec<String> {
        summary
            .stuck
            .iter()
            .filter(|s| s.reasons.iter().any(pick))
            .map(|s| s.learner.nickname.clone())
            .collect()
    };
    let sorted = |names: &[&str]| {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(
        stuck_for(|r| matches!(r, StuckReason::LockedByReadiness { .. })),
        sorted(&class.locked)
    );
    assert_eq!(
        stuck_for(|r| matches!(r, StuckReason::FillingGaps { .. })),
        sorted(&class.filling_gaps)
    );
    assert_eq!(
        stuck_for(|r| matches!(r, StuckReason::Inactive { days: 10 })),
        sorted(&class.away)
    );
    assert_eq!(
        stuck_for(|r| matches!(r, StuckReason::MissedCheckB { times: 2, .. })),
        sorted(&class.missed_check_b)
    );
    assert_eq!(
        stuck_for(|r| matches!(r, StuckReason::NotStarted)),
        [class.not_started]
    );
    assert_eq!(
        stuck_for(|r| matches!(r, StuckReason::BehindGoal { .. })),
        [class.behind]
    );
    assert_eq!(summary.stuck.len(), 12, "no one else is stuck");

    let first_unit = course.units[0].id.as_str();
    let group = summary
        .groups
        .iter()
        .find(|g| g.unit == first_unit)
        .expect("a corrective group in the first unit");
    let in_group: Vec<String> = group.learners.iter().map(|l| l.nickname.clone()).collect();
    let mut expected: Vec<&str> = class.correctives.clone();
    expected.extend(&class.missed_check_b);
    assert_eq!(in_group, sorted(&expected));
    assert!(
        !group.tutors.is_empty(),
        "classmates who mastered it could help"
    );
    let ready: Vec<String> = summary
        .enrichment
        .iter()
        .filter(|e| e.unit == first_unit)
        .flat_map(|e| e.learners.iter().map(|l| l.nickname.clone()))
        .collect();
    for name in &class.enrichment {
        assert!(ready.contains(&name.to_string()), "{name} in {ready:?}");
    }
    let persistent: Vec<&str> = summary
        .persistence
        .iter()
        .map(|p| p.learner.nickname.as_str())
        .collect();
    assert_eq!(persistent, [class.persistent]);

    let grid = mastery_grid(&curriculum, course, &replays);
    assert_eq!(
        (grid.rows.len(), grid.columns.len()),
        (30, course.objective_count())
    );
    let marked = |mark: ReadinessMark| -> Vec<String> {
        grid.rows
            .iter()
            .filter(|row| row.cells.iter().any(|cell| cell.readiness == Some(mark)))
            .map(|row| row.learner.nickname.clone())
            .collect()
    };
    assert_eq!(marked(ReadinessMark::Locked), sorted(&class.locked));
    assert_eq!(marked(ReadinessMark::Gap), sorted(&class.filling_gaps));
    let elsewhere: Vec<String> = grid
        .rows
        .iter()
        .filter(|row| row.goal_elsewhere.as_deref() == Some("g4-fractions"))
        .map(|row| row.learner.nickname.clone())
        .collect();
    assert_eq!(elsewhere, sorted(&class.goal_elsewhere));
}
