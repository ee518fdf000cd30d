//! The reports in words: headings, cells, notes and the CSV files, over a class of
//! generated students and over hand-made tables.

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::format::progress::CurriculumCheck;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::teacher::class::{Cell, ClassReports, Column, Report, Table};
use masterly_core::teacher::import::{import_progress_file, FileOutcome};
use masterly_core::teacher::reports::{ClassRecord, LevelCheck, ReadinessMark};
use masterly_test_kit::synthetic::synthetic_progress_files;
use masterly_text::teacher::{cell_note, column_note, csv, short_label};
use masterly_text::Say;

fn curriculum() -> Curriculum {
    load_curriculum(include_str!(
        "../../../core/tests/fixtures/curricula/good/minimal.json"
    ))
    .unwrap_or_else(|errors| panic!("{}", errors.say()))
    .curriculum
}

fn class_of(curriculum: &Curriculum, files: &[String]) -> ClassRecord {
    let mut class = ClassRecord::default();
    let check = CurriculumCheck::new(curriculum);
    for file in files {
        let outcome = import_progress_file(&mut class, &check, file);
        assert!(matches!(outcome, FileOutcome::Added { .. }), "{outcome:?}");
    }
    class
}

#[test]
fn the_grid_of_a_class_is_written_as_csv_with_a_row_per_student() {
    let curriculum = curriculum();
    let class = class_of(
        &curriculum,
        &synthetic_progress_files(&curriculum, 30, 120, 11),
    );
    let course = &curriculum.courses[0];
    let reports = ClassReports::build(&curriculum, course, &class, class.latest_export(), 0);
    let objectives: usize = course.units.iter().map(|u| u.objectives.len()).sum();
    let grid = csv(&reports.table(Report::Grid));
    let lines: Vec<&str> = grid.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 31, "a header and one row per student");
    assert!(lines[0].starts_with("student,mastered,file check,"));
    assert!(lines.iter().skip(1).all(|l| l.starts_with("Student ")));
    // Each file states the levels its own device replayed: the same here.
    assert!(
        lines
            .iter()
            .skip(1)
            .all(|l| l.split(',').nth(2) == Some("levels match")),
        "{grid}"
    );
    assert_eq!(lines[1].split(',').count(), 3 + objectives);
    for report in Report::ALL {
        assert!(csv(&reports.table(report)).ends_with("\r\n"), "{report:?}");
    }
}

#[test]
fn csv_cells_from_students_files_stay_text() {
    let curriculum = curriculum();
    let mut text = synthetic_progress_files(&curriculum, 1, 10, 5).remove(0);
    text = text.replace("\"Student 1\"", "\"=cmd|x, \\\"y\\\"\"");
    let class = class_of(&curriculum, &[text]);
    let reports = ClassReports::build(&curriculum, &curriculum.courses[0], &class, 0, 0);
    let grid = csv(&reports.table(Report::Grid));
    assert!(grid.contains("\"'=cmd|x, \"\"y\"\"\""), "{grid}");
}

#[test]
fn an_objective_column_is_headed_by_its_short_target_and_its_id_in_the_csv() {
    let target = "I can do skill 1.".to_string();
    let column = Column::Objective {
        id: "u1-o1".into(),
        target: target.clone(),
    };
    // On the page: the target without "I can", the full target as the note.
    assert_eq!(column.say(), "Do skill 1");
    assert_eq!(column_note(&column), Some(target));
    let table = Table {
        columns: vec![Column::Student, Column::Mastered, Column::FileCheck, column],
        rows: vec![vec![
            Cell::Text("Ana".into()),
            Cell::OutOf { count: 1, total: 1 },
            Cell::FileCheck(LevelCheck::NotStated),
            Cell::Level {
                level: MasteryLevel::Mastered,
                evidence: None,
                readiness: None,
            },
        ]],
    };
    assert_eq!(
        csv(&table),
        "student,mastered,file check,Do skill 1 [u1-o1]\r\nAna,1/1,not stated,Mastered\r\n"
    );
    // What a readiness check decided shows in place of the level, and the goal
    // of a student aiming at another course shows on hover.
    let locked = Cell::Level {
        level: MasteryLevel::NotStarted,
        evidence: None,
        readiness: Some(ReadinessMark::Locked),
    };
    assert_eq!(locked.say(), "locked");
    assert!(cell_note(&locked)
        .is_some_and(|note| note.starts_with("Locked: the unit's readiness check")));
    let gap = Cell::Level {
        level: MasteryLevel::NotStarted,
        evidence: None,
        readiness: Some(ReadinessMark::Gap),
    };
    assert_eq!(gap.say(), "gap");
    assert_eq!(
        cell_note(&gap).as_deref(),
        Some("Gap: a readiness check found a gap, in this objective or in an earlier unit this one needs, and the student is looking back at it. Before: Not started: no answers yet.")
    );
    let jo = Cell::Learner {
        nickname: "Jo".into(),
        goal_elsewhere: Some("Grade 3".into()),
    };
    assert_eq!(
        (jo.say(), cell_note(&jo)),
        ("Jo".into(), Some("goal: Grade 3".into()))
    );
    // Long targets are cut at a word, short ones kept whole.
    assert_eq!(
        short_label("I can tell whether a shape is cut into equal parts."),
        "Tell whether a shape is cut into…"
    );
    assert_eq!(short_label("Compare fractions"), "Compare fractions");
    assert_eq!(short_label(""), "");
}

#[test]
fn a_file_check_that_disagrees_names_each_objective_in_its_note() {
    let check = Cell::FileCheck(LevelCheck::Disagrees(vec![(
        "u1-o1".into(),
        MasteryLevel::Mastered,
        MasteryLevel::Attempted,
    )]));
    assert_eq!(check.say(), "⚠ levels differ (1)");
    assert_eq!(
        cell_note(&check),
        Some("u1-o1: file says Mastered, replay gives Attempted".into())
    );
    assert_eq!(cell_note(&Cell::FileCheck(LevelCheck::Agrees)), None);
    assert!(
        column_note(&Column::FileCheck).is_some_and(|note| note.starts_with("Whether the levels"))
    );
}

/// A question in the most-missed items reads as a child saw it, pictures said in
/// words: one in the prompt where it stands, the one answered on in brackets.
#[test]
fn a_question_on_a_picture_is_said_with_its_picture_described() {
    use masterly_core::content::picture::parse_diagram;
    use masterly_core::teacher::reports::Question;
    let line = parse_diagram("::: number-line; from: 0; to: 1; parts: 8 :::").expect("a picture");
    let question = Cell::Question(Question {
        prompt: "Move the point to **3/8**.".into(),
        picture: Some(line),
    });
    assert_eq!(
        question.say(),
        "Move the point to 3/8. [A number line from 0 to 1, each whole split into eighths.]"
    );
    let in_prompt = Cell::Question(Question {
        prompt: "Which is more?\n\n::: strip; bar: 2/4; bar: 3/4 :::".into(),
        picture: None,
    });
    assert_eq!(
        in_prompt.say(),
        "Which is more?\nA fraction strip of 2 bars, one whole each. Bar 1: split into 4 equal parts, 2 shaded. Bar 2: split into 4 equal parts, 3 shaded."
    );
}

#[test]
fn wrong_answers_that_are_pictures_are_said_in_words() {
    let answers = Cell::Answers(vec![
        ("::: circle; parts: 4; shaded: 3 :::".to_string(), 5),
        ("1/2".to_string(), 2),
    ]);
    assert_eq!(
        answers.say(),
        "[A circle split into 4 equal parts, 3 shaded.] (5); 1/2 (2)"
    );
}
