//! The bundled demo course, played by a simulated student from start to mastery:
//! every stage of the mastery cycle comes up, and every kind of question.

use masterly_core::content::curriculum::Curriculum;
use masterly_core::content::item::{ItemInstance, ItemKind};
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::learning::plan::{PlanRequest, SittingPlan};
use masterly_core::learning::replay::{NextStep, UnitStage};
use masterly_core::time::DAY_MS;
use std::collections::{BTreeSet, HashSet};

use masterly_test_kit::student::Student;

use crate::support::bundled;
use bundled::loaded;

fn demo() -> Curriculum {
    loaded("demo.json", include_str!("../../../../curricula/demo.json"))
}

fn kinds_in(curriculum: &Curriculum, plan: &SittingPlan) -> BTreeSet<&'static str> {
    plan.items
        .iter()
        .filter_map(|planned| curriculum.item(&planned.item))
        .map(|item| item.kind.name())
        .collect()
}

fn instances(curriculum: &Curriculum, plan: &SittingPlan) -> HashSet<(String, u64)> {
    plan.items
        .iter()
        .filter_map(|planned| {
            let item = curriculum.item(&planned.item)?;
            let instance = ItemInstance::generate(item, planned.seed).ok()?;
            Some((planned.objective.clone(), instance.key().0))
        })
        .collect()
}

#[test]
fn a_student_plays_the_demo_course_from_start_to_mastery_through_every_stage() {
    let mut student = Student::new(demo());
    let course = student.curriculum.courses[0].clone();
    let warm_up = course.units[0].id.clone();
    let main = course.units[1].id.clone();
    let objectives: Vec<String> = course.units[1]
        .objectives
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let stuck = objectives[0].clone();
    let mut kinds = BTreeSet::new();
    let mut answered_in_main = 0;

    // 1. Readiness check on the warm-up unit, passed: the demo unit opens.
    assert_eq!(
        student.replay().stage(&main),
        UnitStage::PreAssessment {
            prerequisites: vec![warm_up.clone()]
        }
    );
    let check = student.take(
        PlanRequest::Readiness { unit: main.clone() },
        |_| true,
        None,
    );
    assert!(check.items.iter().all(|p| p.unit == warm_up));
    answered_in_main += check.items.len();
    // 2. Instruction: the lessons, before check A.
    assert_eq!(student.replay().stage(&main), UnitStage::Instruction);

    // 3. Check A, with the first objective answered wrongly on purpose.
    let a = student.take(
        PlanRequest::FormativeA { unit: main.clone() },
        |objective| objective != stuck,
        None,
    );
    kinds.extend(kinds_in(&student.curriculum, &a));
    answered_in_main += a.items.len();
    // 4. Correctives for that objective, enrichment for the others.
    assert_eq!(
        student.replay().stage(&main),
        UnitStage::Corrective {
            objectives: vec![stuck.clone()],
            enrichment: objectives[1..].to_vec(),
        }
    );
    assert!(student.replay().level(&stuck) < MasteryLevel::Familiar);
    let practice = student.take(
        PlanRequest::Practice {
            objective: stuck.clone(),
            items: 2,
            for_unit: None,
        },
        |_| true,
        None,
    );
    kinds.extend(kinds_in(&student.curriculum, &practice));
    answered_in_main += practice.items.len();

    // 5. Check B: only the corrected objective, with instances A did not show.
    let b = student.take(
        PlanRequest::FormativeB { unit: main.clone() },
        |_| true,
        None,
    );
    kinds.extend(kinds_in(&student.curriculum, &b));
    answered_in_main += b.items.len();
    assert!(b.items.iter().all(|p| p.objective == stuck));
    assert!(instances(&student.curriculum, &a).is_disjoint(&instances(&student.curriculum, &b)));
    assert_eq!(student.replay().level(&stuck), MasteryLevel::Proficient);
    assert_eq!(student.replay().stage(&main), UnitStage::Enrichment);

    // 6. The unit test, passed: the unit is mastered.
    let test = student.take(PlanRequest::UnitTest { unit: main.clone() }, |_| true, None);
    kinds.extend(kinds_in(&student.curriculum, &test));
    answered_in_main += test.items.len();
    assert_eq!(student.replay().stage(&main), UnitStage::Mastered);
    let every_kind: BTreeSet<&str> = [
        ItemKind::SingleChoice,
        ItemKind::MultipleSelect,
        ItemKind::Numeric,
        ItemKind::ShortText,
        ItemKind::Ordering,
    ]
    .iter()
    .map(|kind| kind.name())
    .collect();
    assert_eq!(kinds, every_kind, "every kind of question comes up");
    assert!(
        (15..=30).contains(&answered_in_main),
        "about ten minutes of questions, not {answered_in_main}"
    );
    assert!(
        [&a, &b, &test]
            .iter()
            .flat_map(|plan| &plan.items)
            .all(|p| !p.repeated),
        "no question repeats"
    );

    // 7. Skip ahead: the warm-up unit is mastered by taking its test directly.
    student.take(
        PlanRequest::UnitTest {
            unit: warm_up.clone(),
        },
        |_| true,
        None,
    );
    let replay = student.replay();
    assert_eq!(replay.stage(&warm_up), UnitStage::Mastered);
    assert_eq!(replay.course_progress(&course), (6, 6));
    assert_eq!(replay.next_step(&course), NextStep::CourseMastered);

    // 8. Two days later the first spaced review is due, and passing it keeps mastery.
    student.now += 2 * DAY_MS + 1;
    assert!(!student.replay().due_reviews(&course).is_empty());
    student.take(
        PlanRequest::Review {
            course: course.id.clone(),
        },
        |_| true,
        None,
    );
    let replay = student.replay();
    assert!(replay.due_reviews(&course).is_empty());
    assert!(objectives
        .iter()
        .all(|o| replay.level(o) == MasteryLevel::Mastered));
}
