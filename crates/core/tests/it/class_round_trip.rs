//! The whole loop of files between teacher and students: the teacher's roster and
//! goals become a class file; a student joins as their name; their progress files
//! carry the class, state their levels, and come back to the teacher matched to
//! the right student, from any device; a file whose stated levels disagree with
//! the replay is flagged; a student's own file merges in with nothing doubled.

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::device::workbook::Workbook;
use masterly_core::format::class_file::load_class_file;
use masterly_core::format::files::{read_masterly_file, MasterlyFile};
use masterly_core::format::progress::{CurriculumCheck, CurriculumRef, Learner, ProgressBundle};
use masterly_core::learning::attempt::Attempt;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::learning::replay::replay;
use masterly_core::teacher::class::{Cell, ClassReports, Column, Report};
use masterly_core::teacher::import::{import_progress_file, FileOutcome};
use masterly_core::teacher::reports::{ClassRecord, LevelCheck};
use masterly_core::teacher::roster::{student_id, Roster};
use masterly_test_kit::synthetic::synthetic_log;

const NOW: i64 = 1_800_000_000_000;

fn demo() -> Curriculum {
    load_curriculum(include_str!("../../../../curricula/demo.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum
}

fn ids() -> impl FnMut() -> String {
    let mut next = 0;
    move || {
        next += 1;
        student_id(next)
    }
}

/// The teacher's class file for Ana and Ben, with Ana's goals set.
fn class_file_text(curriculum: &Curriculum) -> String {
    let mut roster = Roster::default();
    roster.class.id = "c-4b".into();
    roster.class.name = " 4B maths ".into();
    assert_eq!(roster.add_nicknames("Ana\nBen\n", ids()), Ok(2));
    let ana = roster.students[0].entry.id.clone();
    let course = &curriculum.courses[0].id;
    roster.set_goal_course(&ana, course);
    assert_eq!(roster.set_target_date(&ana, "2027-06-30"), Ok(()));
    assert_eq!(roster.set_weekly_minutes(&ana, "60"), Ok(()));
    assert!(roster.set_weekly_minutes(&ana, "6000").is_err());
    assert!(roster.set_target_date(&ana, "30/06/2027").is_err());
    let file = roster
        .class_file(curriculum, NOW)
        .unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(file.class.name, "4B maths");
    file.to_json()
}

/// A student's device: a learner who joined the class as `name` and answered
/// `answers` items.
fn student_device(
    curriculum: &Curriculum,
    class_text: &str,
    learner_id: &str,
    name: &str,
    answers: usize,
    seed: u64,
) -> Workbook {
    let class = match read_masterly_file(class_text) {
        Ok(MasterlyFile::Class(class)) => class,
        other => panic!("not read as a class file: {other:?}"),
    };
    let entry = class
        .students
        .iter()
        .find(|s| s.nickname == name)
        .unwrap_or_else(|| panic!("{name} not on the roster"));
    let mut workbook = Workbook::new(
        Learner {
            id: learner_id.into(),
            nickname: name.into(),
        },
        CurriculumRef {
            id: curriculum.id.clone(),
            hash: curriculum.content_hash(),
        },
    );
    workbook.join_class(&class.class.id, entry);
    workbook.attempts = device_log(curriculum, learner_id, answers, seed);
    workbook
}

/// Generated answers, with attempt ids made unique to the device as the app's are.
fn device_log(
    curriculum: &Curriculum,
    learner_id: &str,
    answers: usize,
    seed: u64,
) -> Vec<Attempt> {
    let mut log = synthetic_log(curriculum, answers, seed);
    for attempt in &mut log {
        attempt.id = format!("{learner_id}-{}", attempt.id);
    }
    log
}

fn export(curriculum: &Curriculum, workbook: &Workbook) -> ProgressBundle {
    workbook.export(&replay(curriculum, &workbook.attempts, NOW), NOW)
}

fn import(
    class: &mut ClassRecord,
    curriculum: &Curriculum,
    bundle: &ProgressBundle,
) -> FileOutcome {
    let text = serde_json::to_string(bundle).unwrap_or_default();
    import_progress_file(class, &CurriculumCheck::new(curriculum), &text)
}

#[test]
fn a_class_file_round_trips_from_roster_to_student_and_back_to_the_teacher() {
    let curriculum = demo();
    let class_text = class_file_text(&curriculum);
    let class = load_class_file(&class_text).unwrap_or_else(|p| panic!("{p:?}"));
    let ana_id = class.students[0].id.clone();

    // Ana joins on two devices; each file carries the class and her roster id.
    let school = student_device(&curriculum, &class_text, "l-school", "Ana", 40, 1);
    assert_eq!(school.goals.weekly_minutes, 60);
    assert_eq!(school.goals.target_date.as_deref(), Some("2027-06-30"));
    assert_eq!(
        school.course.as_deref(),
        Some(curriculum.courses[0].id.as_str())
    );
    let home = student_device(&curriculum, &class_text, "l-home", "Ana", 25, 2);
    let from_school = export(&curriculum, &school);
    let class_ref = from_school
        .class
        .clone()
        .unwrap_or_else(|| panic!("no class"));
    assert_eq!(
        (class_ref.class_id.as_str(), class_ref.student_id.as_str()),
        ("c-4b", ana_id.as_str())
    );
    assert!(from_school.levels.as_ref().is_some_and(|l| !l.is_empty()));

    let mut record = ClassRecord::default();
    assert!(matches!(
        import(&mut record, &curriculum, &from_school),
        FileOutcome::Added { .. }
    ));
    assert!(matches!(
        import(&mut record, &curriculum, &export(&curriculum, &home)),
        FileOutcome::Added { .. }
    ));
    assert_eq!(record.students.len(), 1, "both devices' files are Ana's");
    assert_eq!(record.students[0].attempts().len(), 65);

    // Opening the class file again in the teacher view and adding the students
    // read adds nobody twice.
    let mut roster = Roster::from_file(&class);
    assert_eq!(roster.add_from_class(&mut record, ids()), 0);
    assert_eq!(roster.students.len(), 2);
}

#[test]
fn a_file_whose_stated_levels_disagree_with_the_replay_is_flagged_in_the_grid() {
    let curriculum = demo();
    let class_text = class_file_text(&curriculum);
    let ana = student_device(&curriculum, &class_text, "l-ana", "Ana", 60, 3);
    let ben = student_device(&curriculum, &class_text, "l-ben", "Ben", 60, 4);
    let honest = export(&curriculum, &ana);
    let mut tampered = export(&curriculum, &ben);
    let objective = curriculum.courses[0].units[0].objectives[0].id.clone();
    let levels = tampered.levels.get_or_insert_with(Default::default);
    let claimed = match levels.get(&objective) {
        Some(MasteryLevel::Mastered) => MasteryLevel::Attempted,
        _ => MasteryLevel::Mastered,
    };
    levels.insert(objective.clone(), claimed);

    let mut record = ClassRecord::default();
    import(&mut record, &curriculum, &honest);
    import(&mut record, &curriculum, &tampered);
    let course = &curriculum.courses[0];
    let reports = ClassReports::build(&curriculum, course, &record, NOW, 0);
    let table = reports.table(Report::Grid);
    assert_eq!(table.columns[2], Column::FileCheck);
    let check_of = |name: &str| {
        let row = table
            .rows
            .iter()
            .position(|r| matches!(&r[0], Cell::Learner { nickname, .. } if nickname == name))
            .unwrap_or_else(|| panic!("{name}"));
        table.rows[row][2].clone()
    };
    assert_eq!(check_of("Ana"), Cell::FileCheck(LevelCheck::Agrees));
    let Cell::FileCheck(LevelCheck::Disagrees(differences)) = check_of("Ben") else {
        panic!("Ben's levels are not flagged");
    };
    assert_eq!(differences.len(), 1);
    assert_eq!((&differences[0].0, differences[0].1), (&objective, claimed));

    // Ana's summary for her family: every objective of the course, unit by unit,
    // with the level the grid shows, and her weeks against her goal of 60 minutes.
    let summary = reports
        .family_summary(course, "l-ana")
        .unwrap_or_else(|| panic!("no summary"));
    let objectives: usize = course.units.iter().map(|u| u.objectives.len()).sum();
    let listed: Vec<MasteryLevel> = summary
        .units
        .iter()
        .flat_map(|(_, o)| o.iter().map(|(_, l)| *l))
        .collect();
    assert_eq!((summary.objectives, listed.len()), (objectives, objectives));
    let ana_row = table
        .rows
        .iter()
        .find(|r| matches!(&r[0], Cell::Learner { nickname, .. } if nickname == "Ana"))
        .unwrap_or_else(|| panic!("Ana"));
    // The grid's cells are the levels themselves, not words to read back.
    let shown: Vec<MasteryLevel> = ana_row[3..]
        .iter()
        .filter_map(|cell| match cell {
            Cell::Level { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(shown, listed);
    assert_eq!(summary.weekly_goal, 60);
    assert_eq!(
        summary.weeks.len(),
        masterly_core::teacher::class::REPORT_WEEKS
    );
    assert!(reports.family_summary(course, "nobody").is_none());
}

#[test]
fn a_students_own_file_merges_in_with_nothing_lost_or_doubled() {
    let curriculum = demo();
    let class_text = class_file_text(&curriculum);
    let mut device = student_device(&curriculum, &class_text, "l-ana", "Ana", 30, 5);
    let mut other = student_device(&curriculum, &class_text, "l-ana", "Ana", 0, 6);
    other.attempts = device_log(&curriculum, "l-ana", 50, 5); // the first 30 are the same answers
    let file = export(&curriculum, &other);
    let added = device.merge_bundle(file.clone());
    assert_eq!(device.attempts.len(), 50, "30 known + 20 new");
    assert_eq!(added, 20);
    assert_eq!(
        device.merge_bundle(file),
        0,
        "the same file again adds nothing"
    );
    assert_eq!(device.attempts.len(), 50);
    // Levels are the replay of the merged log.
    let merged = replay(&curriculum, &device.attempts, NOW);
    let alone = replay(&curriculum, &other.attempts, NOW);
    assert_eq!(merged.stated_levels(), alone.stated_levels());
}

/// The minutes a student's course map shows for this week are the minutes the
/// teacher's report shows for them, reading lessons included, seconds kept until
/// they add up; two files of one device do not count a day twice.
#[test]
fn the_teachers_weekly_minutes_are_the_students_own() {
    use masterly_core::device::workbook::{local_day, week_start};
    use masterly_core::teacher::reports::weekly_activity;
    let curriculum = demo();
    let class_text = class_file_text(&curriculum);
    let mut ana = student_device(&curriculum, &class_text, "dev-a", "Ana", 12, 3);
    let today = local_day(NOW, 0);
    // Reading a lesson (no answer), and short spells that add up: 3 × 25 s.
    ana.add_active_seconds(today, 400);
    for _ in 0..3 {
        ana.add_active_seconds(today - 1, 25);
    }
    ana.add_active_seconds(today - 9, 600);
    let this_week = week_start(today);
    let on_screen = ana.active_minutes(this_week);
    let mut class = ClassRecord::default();
    let first = export(&curriculum, &ana);
    assert!(matches!(
        import(&mut class, &curriculum, &first),
        FileOutcome::Added { .. }
    ));
    // A later file of the same device holds the same days again, and more today.
    ana.add_active_seconds(today, 90);
    let later = export(&curriculum, &ana);
    assert!(matches!(
        import(&mut class, &curriculum, &later),
        FileOutcome::Added { .. }
    ));
    let rows = weekly_activity(&class, NOW, 0, 2);
    let minutes = |week: i64| {
        rows[0]
            .weeks
            .iter()
            .find(|(start, _)| *start == week)
            .map(|(_, minutes)| *minutes)
    };
    assert_eq!(minutes(this_week), Some(ana.active_minutes(this_week)));
    assert_eq!(
        minutes(this_week - 7),
        Some(ana.active_minutes(this_week - 7))
    );
    assert!(
        ana.active_minutes(this_week) > on_screen,
        "the later file counted"
    );
    // The fast reader and serde read the days alike.
    let text = serde_json::to_string(&later).unwrap_or_default();
    assert!(text.contains("\"activity\":[{\"day\":"), "{text:.300}");
    let quick = masterly_core::format::progress_reader::read_progress_as_written(&text);
    assert_eq!(
        quick,
        Some(later.clone()),
        "the one-pass reader reads it all"
    );
}
