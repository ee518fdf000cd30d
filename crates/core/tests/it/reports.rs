//! The teacher's reports over a small class of simulated students, each with a
//! known path through the cycle, built from their progress files.

use masterly_core::content::curriculum::Curriculum;
use masterly_core::content::item::Response;
use masterly_core::format::progress::{Goals, Learner};
use masterly_core::learning::attempt::{AssessmentKind, Attempt};
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::learning::plan::PlanRequest;
use masterly_core::teacher::class::{natural_order, Cell, Column, Table};
use masterly_core::teacher::reports::{
    goal_progress, item_analysis, mastery_grid, persistence, unit_groups, weekly_activity,
    ClassRecord, ReadinessMark,
};
use masterly_core::time::{days_from_date, DAY_MS};

use crate::support::student;
use masterly_test_kit::student::{bundle, Student, START};
use student::{fixture_curriculum as curriculum, unit};

/// Ana masters unit 1; Ben misses objective u1-o2 in check A; Cy passes check A;
/// Dee has not started; Eve fails check A, then passes B and the unit test.
fn class() -> (Curriculum, ClassRecord, i64) {
    let mut record = ClassRecord::default();
    let mut now = START;
    let goals = Goals {
        course: Some("c1".into()),
        target_date: Some("2026-01-31".into()),
        weekly_minutes: 30,
    };

    let mut ana = Student::new(curriculum());
    ana.take(PlanRequest::FormativeA { unit: unit("u1") }, |_| true, None);
    ana.take(PlanRequest::UnitTest { unit: unit("u1") }, |_| true, None);
    record.add(bundle("Ana", &ana, goals.clone()));

    let mut ben = Student::new(curriculum());
    ben.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |o| o != "u1-o2",
        None,
    );
    record.add(bundle("Ben", &ben, Goals::default()));

    let mut cy = Student::new(curriculum());
    cy.take(PlanRequest::FormativeA { unit: unit("u1") }, |_| true, None);
    record.add(bundle("cy", &cy, Goals::default()));

    let dee = Student::new(curriculum());
    record.add(bundle("Dee", &dee, Goals::default()));

    let mut eve = Student::new(curriculum());
    eve.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |_| false,
        None,
    );
    eve.take(PlanRequest::FormativeB { unit: unit("u1") }, |_| true, None);
    eve.take(PlanRequest::UnitTest { unit: unit("u1") }, |_| true, None);
    record.add(bundle("Eve", &eve, Goals::default()));

    for student in [&ana, &ben, &cy, &eve] {
        now = now.max(student.now);
    }
    (curriculum(), record, now)
}

fn names(learners: &[Learner]) -> Vec<&str> {
    learners.iter().map(|l| l.nickname.as_str()).collect()
}

#[test]
fn a_second_file_of_the_same_learner_merges_without_losing_or_doubling() {
    let mut student = Student::new(curriculum());
    student.take(PlanRequest::FormativeA { unit: unit("u1") }, |_| true, None);
    let early = bundle("Ana", &student, Goals::default());
    student.take(PlanRequest::UnitTest { unit: unit("u1") }, |_| true, None);
    let late = bundle("Ana", &student, Goals::default());

    let mut record = ClassRecord::default();
    let first = record.add(late.clone());
    assert!(first.new_student);
    assert_eq!(first.new_attempts, late.attempts.len());
    let again = record.add(early.clone());
    assert_eq!((again.new_student, again.new_attempts), (false, 0));
    assert_eq!(record.students.len(), 1);
    assert_eq!(record.students[0].attempts().len(), late.attempts.len());

    let mut other_order = ClassRecord::default();
    other_order.add(early);
    let grown = other_order.add(late.clone());
    assert_eq!(grown.new_attempts, late.attempts.len() - 6);
    assert_eq!(
        other_order, record,
        "the same class whatever order the files come in"
    );
}

#[test]
fn the_mastery_grid_shows_every_student_and_objective_with_reasons() {
    let (curriculum, record, now) = class();
    let replays = record.replay(&curriculum, now);
    let grid = mastery_grid(&curriculum, &curriculum.courses[0], &replays);
    assert_eq!(grid.columns.len(), 6);
    let rows: Vec<(&str, usize)> = grid
        .rows
        .iter()
        .map(|row| (row.learner.nickname.as_str(), row.mastered))
        .collect();
    assert_eq!(
        rows,
        vec![("Ana", 3), ("Ben", 0), ("cy", 0), ("Dee", 0), ("Eve", 3)],
        "nickname order, ignoring case"
    );
    let ben = &grid.rows[1];
    assert_eq!(ben.cells[1].level, MasteryLevel::Attempted);
    assert_eq!(
        ben.cells[1].evidence.map(|e| e.kind),
        Some(AssessmentKind::FormativeA),
        "the evidence of Ben's level"
    );
    assert_eq!(grid.rows[3].cells[0].level, MasteryLevel::NotStarted);
}

#[test]
fn unit_groups_name_who_needs_correctives_who_is_ready_and_who_can_help() {
    let (curriculum, record, now) = class();
    let replays = record.replay(&curriculum, now);
    let groups = unit_groups(&curriculum.courses[0], &replays);
    let u1 = &groups[0];
    assert_eq!(u1.needs_correctives.len(), 1);
    assert_eq!(u1.needs_correctives[0].learner.nickname, "Ben");
    assert_eq!(
        u1.needs_correctives[0].objectives,
        vec!["u1-o2".to_string()]
    );
    assert_eq!(names(&u1.ready_for_enrichment), vec!["Ana", "cy", "Eve"]);
    assert_eq!(names(&u1.not_started), vec!["Dee"]);
    assert_eq!(u1.tutors.len(), 1);
    assert_eq!(u1.tutors[0].stuck.nickname, "Ben");
    assert_eq!(names(&u1.tutors[0].tutors), vec!["Ana", "Eve"]);
    let u2 = &groups[1];
    assert_eq!(u2.not_started.len(), 5);
}

#[test]
fn persistence_highlights_success_after_many_tries() {
    let (curriculum, record, now) = class();
    let replays = record.replay(&curriculum, now);
    let rows = persistence(&curriculum.courses[0], &replays);
    let summary: Vec<(&str, &str, u32, Option<u32>, bool)> = rows
        .iter()
        .map(|r| {
            (
                r.learner.nickname.as_str(),
                r.unit.as_str(),
                r.sittings,
                r.mastered_after,
                r.highlight,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("Ana", "u1", 2, Some(2), false),
            ("Ben", "u1", 1, None, false),
            ("cy", "u1", 1, None, false),
            ("Eve", "u1", 3, Some(3), true),
        ]
    );
}

#[test]
fn weekly_activity_adds_the_active_seconds_of_each_week() {
    let (_, record, now) = class();
    let rows = weekly_activity(&record, now, 0, 2);
    let ana = &rows[0];
    assert_eq!(ana.goal_minutes, 30);
    assert_eq!(ana.weeks.len(), 2);
    // 12 answers of 25 active seconds each, all in the current week.
    assert_eq!(ana.weeks[1].1, 12 * 25 / 60);
    assert_eq!(ana.weeks[0].1, 0);
    assert!(ana.weeks[0].0 + 7 == ana.weeks[1].0);
    let dee = &rows[3];
    assert_eq!(dee.weeks, vec![(ana.weeks[0].0, 0), (ana.weeks[1].0, 0)]);
    // A week later, this week's answers move to the older column.
    let later = weekly_activity(&record, now + 7 * DAY_MS, 0, 2);
    assert_eq!(later[0].weeks[0].1, 12 * 25 / 60);
}

#[test]
fn item_analysis_puts_the_most_missed_items_first_with_their_wrong_answers() {
    let (curriculum, record, _) = class();
    let course = curriculum.courses[0].clone();
    let stats = item_analysis(&curriculum, &course, &record, 10);
    assert!(!stats.is_empty());
    let first = &stats[0];
    assert!(first.wrong > 0);
    for pair in stats.windows(2) {
        assert!(
            u64::from(pair[0].wrong) * u64::from(pair[1].attempts)
                >= u64::from(pair[1].wrong) * u64::from(pair[0].attempts),
            "{} before {}",
            pair[0].item,
            pair[1].item
        );
    }
    let total_wrong: u32 = stats.iter().map(|s| s.wrong).sum();
    // Ben missed the 2 items of u1-o2 in check A; Eve all 6 of her check A.
    assert_eq!(total_wrong, 8);
    assert!(stats
        .iter()
        .all(|s| s.wrong_answers.iter().map(|(_, n)| n).sum::<u32>() <= s.wrong));
}

#[test]
fn item_analysis_counts_answers_that_read_the_same_as_one_and_skips_unknown_items() {
    let mut ben = Student::new(curriculum());
    ben.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |o| o != "u1-o2",
        None,
    );
    // Three students answered the same questions; Ben also typed three answers more.
    let mut record = ClassRecord::default();
    record.add(bundle("Bea", &ben, Goals::default()));
    record.add(bundle("Bo", &ben, Goals::default()));
    let mut file = bundle("Ben", &ben, Goals::default());
    let missed = file
        .attempts
        .iter()
        .find(|a| !a.correct)
        .cloned()
        .unwrap_or_else(|| panic!("Ben missed an item"));
    let typed = |id: &str, text: &str, item: &str| Attempt {
        id: id.into(),
        item: item.into(),
        response: Response::Number { text: text.into() },
        ..missed.clone()
    };
    file.attempts.extend([
        typed("x1", " 3/4", &missed.item),
        typed("x2", "3/4 ", &missed.item),
        typed("x3", "1/2", &missed.item),
        typed("x4", "3/4", "no-such-item"),
    ]);
    record.add(file);
    let curriculum = curriculum();
    let stats = item_analysis(&curriculum, &curriculum.courses[0], &record, 10);
    assert!(stats.iter().all(|s| s.item != "no-such-item"));
    let item = stats
        .iter()
        .find(|s| s.item == missed.item)
        .unwrap_or_else(|| panic!("{} is analysed", missed.item));
    assert_eq!((item.students, item.wrong), (3, 6));
    assert!(
        item.wrong_answers.contains(&("3/4".to_string(), 2)),
        "{:?}",
        item.wrong_answers
    );
    assert!(item.wrong_answers.contains(&("1/2".to_string(), 1)));
    assert_eq!(
        item.wrong_answers.iter().map(|(_, n)| n).sum::<u32>(),
        item.wrong
    );
}

#[test]
fn most_missed_items_need_three_students_and_show_the_question_a_child_saw() {
    let mut ben = Student::new(curriculum());
    ben.take(
        PlanRequest::FormativeA { unit: unit("u1") },
        |_| false,
        None,
    );
    let curriculum = curriculum();
    let course = &curriculum.courses[0];
    let mut record = ClassRecord::default();
    record.add(bundle("Ben", &ben, Goals::default()));
    record.add(bundle("Bea", &ben, Goals::default()));
    assert_eq!(
        item_analysis(&curriculum, course, &record, 10),
        Vec::new(),
        "two students are not a class's difficulty"
    );
    record.add(bundle("Bo", &ben, Goals::default()));
    let stats = item_analysis(&curriculum, course, &record, 2);
    assert_eq!(stats.len(), 2, "the top two only");
    for stat in &stats {
        assert_eq!((stat.students, stat.wrong), (3, stat.attempts));
        assert!(
            !stat.question.prompt.is_empty() && !stat.question.prompt.contains('{'),
            "{}: {:?}",
            stat.item,
            stat.question
        );
        let (_, objective) = curriculum
            .objective(&stat.objective)
            .expect("its objective");
        assert_eq!(stat.target, objective.target);
    }
}

#[test]
fn goal_progress_counts_mastered_objectives_of_the_goal_course() {
    let (curriculum, record, now) = class();
    let replays = record.replay(&curriculum, now);
    let rows = goal_progress(&curriculum, &replays);
    let ana = &rows[0];
    assert_eq!(ana.course.as_deref(), Some("c1"));
    assert_eq!((ana.mastered, ana.total), (3, 6));
    let target = days_from_date("2026-01-31").unwrap_or_default();
    assert_eq!(ana.days_left, Some(target - now.div_euclid(DAY_MS)));
    assert_eq!(rows[1].course, None);
    assert_eq!((rows[1].mastered, rows[1].total), (0, 0));
}

#[test]
fn the_grid_names_objectives_by_their_targets_and_keeps_ids_for_tools() {
    use masterly_core::teacher::class::{ClassReports, Column, Report};
    let (curriculum, record, now) = class();
    let reports = ClassReports::build(&curriculum, &curriculum.courses[0], &record, now, 0);
    let table = reports.table(Report::Grid);
    // The heading's words (the target, shortened) and the CSV's "title [id]" are
    // masterly-text's; the column holds both the id and the whole target.
    assert_eq!(
        table.columns[..5],
        [
            Column::Student,
            Column::Mastered,
            Column::FileCheck,
            Column::Objective {
                id: "u1-o1".into(),
                target: "I can do skill 1.".into()
            },
            Column::Objective {
                id: "u1-o2".into(),
                target: "I can do skill 2.".into()
            },
        ]
    );
}

#[test]
fn a_report_sorts_by_any_column_names_by_value_and_empty_cells_last() {
    let text = |name: &str| Cell::Text(name.to_string());
    let level = |level: MasteryLevel| Cell::Level {
        level,
        evidence: None,
        readiness: None,
    };
    let marked = |level: MasteryLevel, mark: ReadinessMark| Cell::Level {
        level,
        evidence: None,
        readiness: Some(mark),
    };
    let mut table = Table {
        columns: vec![
            Column::Student,
            Column::Objective {
                id: "o1".into(),
                target: "I can.".into(),
            },
        ],
        rows: vec![
            vec![text("Student 10"), level(MasteryLevel::Mastered)],
            vec![text("student 2"), Cell::Empty],
            vec![text("Ann"), level(MasteryLevel::Attempted)],
            vec![text("Student 1"), level(MasteryLevel::Mastered)],
            vec![
                text("Bo"),
                marked(MasteryLevel::Mastered, ReadinessMark::Gap),
            ],
            vec![
                text("Cy"),
                marked(MasteryLevel::NotStarted, ReadinessMark::Locked),
            ],
        ],
    };
    let first_column = |table: &Table| -> Vec<String> {
        table
            .rows
            .iter()
            .map(|row| match &row[0] {
                Cell::Text(name) => name.clone(),
                other => format!("{other:?}"),
            })
            .collect()
    };
    table.sort_rows(0, false);
    assert_eq!(
        first_column(&table),
        ["Ann", "Bo", "Cy", "Student 1", "student 2", "Student 10"]
    );
    // By the objective: who needs help first (locked out, then a gap, then by
    // level); ties keep their order.
    table.sort_rows(1, false);
    assert_eq!(
        first_column(&table),
        ["Cy", "Bo", "Ann", "Student 1", "Student 10", "student 2"]
    );
    table.sort_rows(1, true);
    assert_eq!(
        first_column(&table),
        ["Student 1", "Student 10", "Ann", "Bo", "Cy", "student 2"],
        "descending, the empty cell stays last"
    );
    let before = table.clone();
    table.sort_rows(7, false);
    assert_eq!(table, before, "a column the table does not have");
    assert_eq!(natural_order("a9", "a10"), std::cmp::Ordering::Less);
    assert_eq!(
        natural_order("a010", "a10"),
        std::cmp::Ordering::Less,
        "equal values: as written"
    );
    assert_eq!(natural_order("Émile", "émile"), std::cmp::Ordering::Less);
}
