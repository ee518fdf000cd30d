//! The teacher's import of progress files into a class, and every report with its
//! CSV, over a class of 30 generated students and over files that must be refused.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::progress::{load_progress_quickly, CurriculumCheck};
use masterly_core::teacher::class::{Cell, ClassReports, Column, Report, REPORT_WEEKS};
use masterly_core::teacher::import::{
    import_files, import_progress_file, FileOutcome, IncomingProgress,
};
use masterly_core::teacher::reports::{ClassRecord, LevelCheck};
use masterly_test_kit::synthetic::synthetic_progress_files;

#[allow(dead_code)] // this test reads fixtures but compares no messages
use crate::support;
use support::fixtures;

fn curriculum() -> masterly_core::content::curriculum::Curriculum {
    load_curriculum(include_str!("../fixtures/curricula/good/minimal.json"))
        .unwrap_or_else(|e| panic!("fixture curriculum: {e:?}"))
        .curriculum
}

fn added(outcome: &FileOutcome) -> usize {
    match outcome {
        FileOutcome::Added { added, .. } => added.new_attempts,
        FileOutcome::Refused { problems } => panic!("refused: {problems:?}"),
    }
}

#[test]
fn a_class_of_thirty_students_is_imported_and_every_report_covers_each_of_them() {
    let curriculum = curriculum();
    let files = synthetic_progress_files(&curriculum, 30, 120, 11);
    let mut class = ClassRecord::default();
    let check = CurriculumCheck::new(&curriculum);
    for file in &files {
        assert_eq!(added(&import_progress_file(&mut class, &check, file)), 120);
    }
    assert_eq!(class.students.len(), 30);
    // The same files again add nothing: merged by attempt id, nothing doubled.
    for file in &files {
        assert_eq!(added(&import_progress_file(&mut class, &check, file)), 0);
    }
    assert!(class.students.iter().all(|s| s.attempts().len() == 120));

    let course = &curriculum.courses[0];
    let now = class.latest_export();
    let reports = ClassReports::build(&curriculum, course, &class, now, 0);
    let objectives: usize = course.units.iter().map(|u| u.objectives.len()).sum();
    assert_eq!(reports.grid.rows.len(), 30);
    assert_eq!(reports.grid.columns.len(), objectives);
    assert_eq!(reports.activity.len(), 30);
    assert!(reports
        .activity
        .iter()
        .all(|row| row.weeks.len() == REPORT_WEEKS));
    assert_eq!(reports.goals.len(), 30);
    assert!(!reports.items.is_empty());

    let grid = reports.table(Report::Grid);
    assert_eq!(grid.rows.len(), 30, "one row per student");
    assert_eq!(
        grid.columns[..3],
        [Column::Student, Column::Mastered, Column::FileCheck]
    );
    assert_eq!(
        grid.columns.len(),
        3 + objectives,
        "every objective has a column"
    );
    assert!(grid.rows.iter().all(
        |row| matches!(&row[0], Cell::Learner { nickname, .. } if nickname.starts_with("Student "))
    ));
    // Each file states the levels its own device replayed: the same here.
    assert!(grid
        .rows
        .iter()
        .all(|row| row[2] == Cell::FileCheck(LevelCheck::Agrees)));
    for report in Report::ALL {
        let table = reports.table(report);
        assert!(table
            .rows
            .iter()
            .all(|row| row.len() == table.columns.len()));
    }
    assert_eq!(reports.table(Report::Activity).rows.len(), 30);
    assert_eq!(reports.table(Report::Goals).rows.len(), 30);
    // In this class, each student falls in one group of each unit.
    let groups = reports.table(Report::Groups);
    for unit in &course.units {
        let in_unit = groups
            .rows
            .iter()
            .filter(|row| {
                row[0] == Cell::Text(unit.title.clone()) && row[5] == Cell::Text(unit.id.clone())
            })
            .count();
        assert_eq!(in_unit, 30, "{}", unit.id);
    }
    // Names where a teacher looks; ids only in the columns for tools, which the
    // page leaves out and the CSV file keeps.
    for report in Report::ALL {
        let table = reports.table(report);
        for (index, column) in table.columns.iter().enumerate() {
            let texts: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|row| match &row[index] {
                    Cell::Text(text) => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            let is_id = |token: &str| {
                course.id == token
                    || course.units.iter().any(|unit| {
                        unit.id == token
                            || unit.objectives.iter().any(|objective| {
                                objective.id == token
                                    || objective.items.iter().any(|item| item.id == token)
                            })
                    })
            };
            let ids = |text: &str| text.split(' ').all(is_id);
            if column.for_tools() {
                assert!(
                    texts.iter().all(|text| ids(text)),
                    "{report:?}: {column:?} holds {texts:?}"
                );
            } else {
                let named_by_id: Vec<&&str> = texts.iter().filter(|text| ids(text)).collect();
                assert!(
                    named_by_id.is_empty(),
                    "{report:?}: {column:?} shows ids {named_by_id:?}"
                );
            }
        }
    }
}

/// The teacher's page checks each file as it arrives against the course chosen
/// then; when a class file brings another course, the same loaded file is checked
/// again against that one.
#[test]
fn a_file_checked_against_another_course_is_judged_by_the_course_checked_last() {
    let minimal = curriculum();
    let demo = demo();
    let file = &synthetic_progress_files(&demo, 1, 50, 2)[0];
    let early = IncomingProgress::read(file, Some(&CurriculumCheck::new(&minimal)));
    let mut class = ClassRecord::default();
    let outcomes = import_files(
        &mut class,
        &CurriculumCheck::new(&minimal),
        vec![("ada.json".to_string(), early.clone())],
    );
    assert!(matches!(outcomes[0].1, FileOutcome::Refused { .. }));
    assert!(class.students.is_empty());
    let outcomes = import_files(
        &mut class,
        &CurriculumCheck::new(&demo),
        vec![("ada.json".to_string(), early)],
    );
    assert_eq!(outcomes[0].0, "ada.json");
    assert_eq!(added(&outcomes[0].1), 50);
    assert_eq!(class.students.len(), 1);
}

/// A check is kept only for the very version it was made against: a curriculum
/// with the same id but other content (a class file's newer copy) checks again.
#[test]
fn a_check_against_another_version_of_the_curriculum_is_made_again() {
    let demo = demo();
    let mut edited = demo.clone();
    edited.title.push_str(" (edited)");
    let file = &synthetic_progress_files(&demo, 1, 20, 7)[0];
    let warnings = |outcome: &FileOutcome| match outcome {
        FileOutcome::Added { warnings, .. } => warnings.len(),
        FileOutcome::Refused { problems } => panic!("refused: {problems:?}"),
    };
    let early = IncomingProgress::read(file, Some(&CurriculumCheck::new(&edited)));
    let as_checked = import_files(
        &mut ClassRecord::default(),
        &CurriculumCheck::new(&edited),
        vec![("a.json".to_string(), early.clone())],
    );
    assert_eq!(
        warnings(&as_checked[0].1),
        1,
        "another version is a warning"
    );
    let rechecked = import_files(
        &mut ClassRecord::default(),
        &CurriculumCheck::new(&demo),
        vec![("a.json".to_string(), early)],
    );
    assert_eq!(
        warnings(&rechecked[0].1),
        0,
        "checked again against its own version"
    );
}

fn demo() -> masterly_core::content::curriculum::Curriculum {
    load_curriculum(include_str!("../../../../curricula/demo.json"))
        .unwrap_or_else(|e| panic!("demo curriculum: {e:?}"))
        .curriculum
}

#[test]
fn a_refused_file_changes_nothing_in_the_class() {
    let curriculum = curriculum();
    let files = synthetic_progress_files(&curriculum, 2, 40, 3);
    let mut class = ClassRecord::default();
    let check = CurriculumCheck::new(&curriculum);
    added(&import_progress_file(&mut class, &check, &files[0]));
    let before = class.clone();
    let bad = fixtures("progress/bad");
    assert!(!bad.is_empty());
    for fixture in bad {
        let text = std::fs::read_to_string(&fixture).unwrap_or_default();
        match import_progress_file(&mut class, &check, &text) {
            FileOutcome::Refused { problems } => {
                assert!(!problems.is_empty(), "{}", fixture.display())
            }
            FileOutcome::Added { .. } => panic!("{} was added", fixture.display()),
        }
        assert_eq!(class, before, "{} changed the class", fixture.display());
    }
    // A truncated copy of a good file is refused too.
    let cut = &files[1][..files[1].len() / 2];
    assert!(matches!(
        import_progress_file(&mut class, &check, cut),
        FileOutcome::Refused { .. }
    ));
    assert_eq!(class, before);
}

#[test]
fn a_nickname_that_looks_like_a_formula_stays_as_it_is_in_its_cell() {
    let curriculum = curriculum();
    let mut text = synthetic_progress_files(&curriculum, 1, 10, 5).remove(0);
    text = text.replace("\"Student 1\"", "\"=cmd|x, \\\"y\\\"\"");
    let mut class = ClassRecord::default();
    let check = CurriculumCheck::new(&curriculum);
    added(&import_progress_file(&mut class, &check, &text));
    let reports = ClassReports::build(&curriculum, &curriculum.courses[0], &class, 0, 0);
    // The cell holds the nickname as it is; the CSV file keeps it text
    // (masterly-text's tests of the CSV, `to_csv`'s unit test).
    let grid = reports.table(Report::Grid);
    assert_eq!(
        grid.rows[0][0],
        Cell::Learner {
            nickname: "=cmd|x, \"y\"".into(),
            goal_elsewhere: None
        }
    );
}

#[test]
fn files_are_matched_to_students_by_class_student_id_not_by_name() {
    let curriculum = curriculum();
    let check = CurriculumCheck::new(&curriculum);
    let files = synthetic_progress_files(&curriculum, 3, 30, 8);
    let with_class = |text: &str, learner: &str, student: &str| {
        let mut bundle: serde_json::Value =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        bundle["learner"]["id"] = learner.into();
        bundle["learner"]["nickname"] = "Sam".into();
        bundle["class"] = serde_json::json!({"class_id": "4b", "student_id": student});
        // Each device numbers its own attempts.
        if let Some(attempts) = bundle["attempts"].as_array_mut() {
            for attempt in attempts {
                attempt["id"] =
                    format!("{learner}-{}", attempt["id"].as_str().unwrap_or("")).into();
            }
        }
        bundle.to_string()
    };
    let mut class = ClassRecord::default();
    // One student on two devices (two learner ids), the same class student id.
    added(&import_progress_file(
        &mut class,
        &check,
        &with_class(&files[0], "tablet", "st-1"),
    ));
    added(&import_progress_file(
        &mut class,
        &check,
        &with_class(&files[1], "laptop", "st-1"),
    ));
    // Another student who also calls themself Sam.
    added(&import_progress_file(
        &mut class,
        &check,
        &with_class(&files[2], "phone", "st-2"),
    ));
    assert_eq!(class.students.len(), 2);
    let st1 = class
        .students
        .iter()
        .find(|s| s.class.as_ref().is_some_and(|c| c.student_id == "st-1"))
        .unwrap_or_else(|| panic!("no st-1"));
    assert_eq!(st1.attempts().len(), 60, "both devices' answers are kept");

    // Without class ids, two files of the same nickname are two students.
    let mut by_name = ClassRecord::default();
    for (i, file) in files.iter().take(2).enumerate() {
        let mut bundle: serde_json::Value =
            serde_json::from_str(file).unwrap_or_else(|e| panic!("{e}"));
        bundle["learner"]["id"] = format!("device-{i}").into();
        bundle["learner"]["nickname"] = "Sam".into();
        added(&import_progress_file(
            &mut by_name,
            &check,
            &bundle.to_string(),
        ));
    }
    assert_eq!(by_name.students.len(), 2);
}

/// Each file is replayed when it is checked, while the page reads the next; the
/// reports use that replay only while it is the student's whole log and the
/// curriculum is the one it was made against. Every way of going wrong shows as a
/// replay unlike the one made from the student's merged log.
#[test]
fn replays_made_while_reading_are_the_replays_of_the_merged_logs() {
    let curriculum = curriculum();
    let files = synthetic_progress_files(&curriculum, 4, 150, 21);
    let bundle = |file: &str| load_progress_quickly(file).unwrap_or_else(|e| panic!("{e:?}"));
    // Student 0 sends part of their log first, then all of it: the second file adds
    // answers, so the replay of the first no longer holds.
    let mut part = bundle(&files[0]);
    part.attempts.truncate(60);
    part.levels = None;
    // Student 1's file lists the log newest first: not canonical, replayed later.
    let mut reversed = bundle(&files[1]);
    reversed.attempts.reverse();
    let text = |bundle: &masterly_core::format::progress::ProgressBundle| {
        serde_json::to_string(bundle).unwrap_or_else(|e| panic!("{e}"))
    };
    let read_in = [
        text(&part),
        files[0].clone(),
        text(&reversed),
        files[2].clone(),
        files[3].clone(),
        files[3].clone(),
    ];
    let mut class = ClassRecord::default();
    let check = CurriculumCheck::new(&curriculum);
    let mut new_attempts = Vec::new();
    for file in &read_in {
        new_attempts.push(added(&import_progress_file(&mut class, &check, file)));
    }
    assert_eq!(new_attempts, [60, 90, 150, 150, 150, 0]);
    assert_eq!(class.students.len(), 4);
    for student in &class.students {
        let log = student.attempts();
        assert!(
            log.windows(2)
                .all(|p| (p[0].at, &p[0].id) < (p[1].at, &p[1].id)),
            "{}'s log is in canonical order",
            student.learner.nickname
        );
    }

    // Against another version of the curriculum (one item renamed) nothing made
    // ahead may be used.
    let mut edited = curriculum.clone();
    edited.courses[0].units[0].objectives[0].items[0].id = "renamed".into();
    let now = class.latest_export();
    for against in [&curriculum, &edited] {
        let replays = class.replay(against, now);
        assert_eq!(replays.len(), 4);
        for student in &replays {
            let fresh =
                masterly_core::learning::replay::replay(against, student.student.attempts(), now);
            assert_eq!(
                student.replay, fresh,
                "{}",
                student.student.learner.nickname
            );
        }
    }
    // The renamed item's answers are ignored, so a wrongly kept replay would show.
    let ignored = |against| -> usize {
        let replays = class.replay(against, now);
        replays.iter().map(|s| s.replay.ignored.len()).sum()
    };
    assert_eq!(ignored(&curriculum), 0);
    assert!(ignored(&edited) > 0);
}
