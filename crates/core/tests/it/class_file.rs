//! Class files: a good one loads and round-trips (the bad ones are refused with the
//! messages of their `.expected` files in masterly-text's tests); and the
//! course goal recommended from a benchmark percentile follows the bands of
//! docs/teacher-view.md.

use crate::support;

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::class_file::{
    load_class_file, recommend_course, ClassFile, ClassInfo, RosterEntry,
};
use masterly_core::format::progress::Goals;
use std::fs;
use support::fixtures;

#[test]
fn a_good_class_file_loads_and_what_is_written_loads_back_the_same() {
    for fixture in fixtures("class/good") {
        let file = load_class_file(&fs::read_to_string(&fixture).unwrap_or_default())
            .unwrap_or_else(|problems| panic!("{}: {problems:?}", fixture.display()));
        assert_eq!(file.students.len(), 3);
        assert_eq!(file.students[2].goals, Goals::default(), "goals default");
        let again = load_class_file(&file.to_json()).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(again, file);
    }
    let curriculum = load_curriculum(include_str!("../../../../curricula/demo.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum;
    let made = ClassFile::new(
        ClassInfo {
            id: "c1".into(),
            name: "Room 12".into(),
        },
        vec![RosterEntry {
            id: "s1".into(),
            nickname: "Dee".into(),
            goals: Goals::default(),
        }],
        curriculum,
        1_767_225_600_000,
    );
    assert_eq!(load_class_file(&made.to_json()), Ok(made));
}

#[test]
fn the_recommended_goal_course_follows_the_percentile_bands() {
    let fractions = load_curriculum(include_str!("../../../../curricula/fractions.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum;
    let grade_of = |grade_taught, percentile| {
        recommend_course(&fractions, grade_taught, percentile).and_then(|course| course.grade)
    };
    // Grade 5 taught: bottom quarter two to three below (grade 3 is the nearest the
    // pathway has), 25–50% one to two below, 50–75% one below, top and unknown at
    // grade level.
    assert_eq!(grade_of(5, Some(10)), Some(3));
    assert_eq!(grade_of(5, Some(30)), Some(4));
    assert_eq!(grade_of(5, Some(60)), Some(4));
    assert_eq!(grade_of(5, Some(90)), Some(5));
    assert_eq!(grade_of(5, None), Some(5));
    // Grade 4 taught: the bottom band (grades 1–2) is below the pathway, so its
    // lowest course; grade 6 taught, top band: the highest course there is.
    assert_eq!(grade_of(4, Some(5)), Some(3));
    assert_eq!(grade_of(6, Some(80)), Some(5));
    // Grade 3 taught, 50–75%: grade 2 is not there, grade 3 is nearest.
    assert_eq!(grade_of(3, Some(60)), Some(3));
}
