//! Freeing space on a shared computer (`device/free_space.rs`): a learner can be
//! removed only when the progress files saved here hold every answer stored here,
//! as each workbook says its whole log holds, archive chunks included.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::content::rng::FastSet;
use masterly_core::device::free_space::{stored_learners, StoredLearner, StoredValue};
use masterly_core::device::profiles::Profiles;
use masterly_core::device::workbook::{
    archive_key, archive_to_stored, chunk_key, workbook_key, Exported, Workbook,
};
use masterly_core::format::progress::{CurriculumRef, Learner};
use masterly_test_kit::synthetic::app_like_log;

fn value(key: &str, payload: &str) -> StoredValue {
    StoredValue {
        key: key.to_string(),
        payload: Some(payload.to_string()),
        characters: (key.len() + payload.len()) as u64,
    }
}

/// Two learners, one of whose ids begins the other's (ids from progress files may
/// hold dots); the first has 250 answers, 201 of them in a chunk.
fn setup(exported_at: Option<i64>) -> (Profiles, Vec<StoredValue>) {
    let curriculum = load_curriculum(include_str!("../../../../curricula/fractions.json"))
        .expect("bundled curriculum")
        .curriculum;
    let mut profiles = Profiles::default();
    let ana = Learner {
        id: "l-ana".into(),
        nickname: "Ana".into(),
    };
    let other = Learner {
        id: "l-ana.2".into(),
        nickname: "Ana two".into(),
    };
    profiles.add_existing(&ana).expect("added");
    profiles.add_existing(&other).expect("added");
    let log = app_like_log(&curriculum, 250, 3);
    let newest = log.iter().map(|attempt| attempt.at).max().expect("answers");
    let mut workbook = Workbook::new(
        ana.clone(),
        CurriculumRef {
            id: curriculum.id.clone(),
            hash: "h".into(),
        },
    );
    workbook.attempts = log.clone();
    workbook.exported = exported_at.map(|offset| Exported {
        answers: 250,
        at: newest + offset - 1,
    });
    let key = workbook_key(&ana.id, &curriculum.id);
    let archived: FastSet<String> = log[..201].iter().map(|a| a.id.clone()).collect();
    let mut other_workbook = Workbook::new(
        other.clone(),
        CurriculumRef {
            id: curriculum.id.clone(),
            hash: "h".into(),
        },
    );
    other_workbook.attempts = log[..5].to_vec();
    let values = vec![
        value(&key, &workbook.to_stored_beside(&archived)),
        value(&chunk_key(&key, "p-1"), &archive_to_stored(&log[..201])),
        // The single archive kept before chunks, still beside them: its answers are
        // also in the chunk and count once.
        value(&archive_key(&key), &archive_to_stored(&log[..10])),
        value(
            &workbook_key(&other.id, &curriculum.id),
            &other_workbook.to_stored_beside(&FastSet::default()),
        ),
    ];
    (profiles, values)
}

/// Rewrites Ana's stored workbook (the first value) after `change`, keeping what
/// it says its log holds.
fn change_anas_workbook(values: &mut [StoredValue], change: impl FnOnce(&mut Workbook)) {
    let mut workbook = Workbook::from_stored(
        values[0].payload.as_deref().expect("a payload"),
        "l-ana",
        "masterly-fractions",
    )
    .expect("Ana's workbook reads");
    change(&mut workbook);
    values[0].payload = Some(workbook.to_stored());
}

fn ana(learners: &[StoredLearner]) -> &StoredLearner {
    &learners[0]
}

#[test]
fn a_learner_whose_saved_file_holds_every_answer_can_be_removed() {
    let (profiles, values) = setup(Some(1));
    let learners = stored_learners(&profiles, &values);
    assert_eq!(learners.len(), 2);
    let ana = ana(&learners);
    assert_eq!(ana.learner.nickname, "Ana");
    assert_eq!(ana.answers, 250);
    assert_eq!(ana.keys.len(), 3, "{:?}", ana.keys);
    assert!(ana.files_hold_everything);
    assert!(ana.can_be_removed());
    assert_eq!(
        ana.characters,
        values[..3].iter().map(|v| v.characters).sum::<u64>()
    );
    // The other learner's key is theirs, though Ana's id begins it.
    assert_eq!(learners[1].answers, 5);
    assert_eq!(learners[1].keys, vec![values[3].key.clone()]);
    assert!(!learners[1].can_be_removed(), "no file saved");
    assert_eq!(learners[1].file_saved, None);
}

#[test]
fn an_answer_after_the_file_was_saved_keeps_the_learner() {
    let (profiles, values) = setup(Some(0));
    let learners = stored_learners(&profiles, &values);
    assert!(ana(&learners).file_saved.is_some());
    assert!(!ana(&learners).files_hold_everything);
    assert!(!ana(&learners).can_be_removed());
}

#[test]
fn an_answer_the_saved_file_did_not_count_keeps_the_learner_whatever_its_time() {
    // Another tab's answer stored with the same time as the file (or a clock set
    // back): the file counted fewer answers than are stored.
    let (profiles, mut values) = setup(Some(1));
    change_anas_workbook(&mut values, |workbook| {
        assert_eq!(workbook.holds.map(|holds| holds.answers), Some(250));
        workbook.exported = workbook.exported.map(|file| Exported {
            answers: 249,
            at: file.at,
        });
    });
    assert!(!ana(&stored_learners(&profiles, &values)).can_be_removed());
}

#[test]
fn work_that_cannot_be_checked_is_never_offered_for_removal() {
    // A chunk whose envelope does not open.
    let (profiles, mut values) = setup(Some(1));
    values[1].payload = None;
    let learners = stored_learners(&profiles, &values);
    assert!(ana(&learners).unread);
    assert!(!ana(&learners).can_be_removed());
    // A chunk without its workbook.
    let (profiles, mut values) = setup(Some(1));
    values.remove(0);
    assert!(!ana(&stored_learners(&profiles, &values)).can_be_removed());
    // A workbook last saved by a Masterly that did not write what its log holds.
    let (profiles, mut values) = setup(Some(1));
    change_anas_workbook(&mut values, |workbook| {
        assert!(workbook.holds.is_some());
        workbook.holds = None;
    });
    let learners = stored_learners(&profiles, &values);
    assert!(ana(&learners).unread && !ana(&learners).can_be_removed());
}

#[test]
fn a_learner_with_nothing_stored_can_be_removed_and_removal_signs_them_out() {
    let (mut profiles, _) = setup(None);
    let learners = stored_learners(&profiles, &[]);
    assert!(learners
        .iter()
        .all(|l| l.answers == 0 && l.can_be_removed()));
    assert!(profiles.select("l-ana"));
    assert!(profiles.remove("l-ana"));
    assert_eq!(profiles.current(), None);
    assert!(!profiles.remove("l-ana"));
    assert_eq!(profiles.profiles.len(), 1);
}

#[test]
fn a_learner_removed_in_one_tab_is_not_brought_back_by_another() {
    let (mut teacher_tab, _) = setup(None);
    let mut student_tab = teacher_tab.clone();
    assert!(teacher_tab.remove("l-ana"));
    // The student's tab still lists Ana, saves, and merges what the teacher's saved.
    student_tab.merge_from(&teacher_tab);
    assert!(student_tab.get("l-ana").is_none());
    // The student's tab saves its list (merged with the stored one, as every save
    // is); the teacher's tab merging it does not bring Ana back.
    teacher_tab.merge_from(&student_tab);
    assert!(teacher_tab.get("l-ana").is_none());
    assert_eq!(teacher_tab.profiles.len(), 1);
    // Ana comes back when her progress file is added.
    let ana = Learner {
        id: "l-ana".into(),
        nickname: "Ana".into(),
    };
    teacher_tab.add_existing(&ana).expect("added back");
    assert!(teacher_tab.get("l-ana").is_some());
    student_tab.merge_from(&teacher_tab);
    assert!(student_tab.get("l-ana").is_some());
}
