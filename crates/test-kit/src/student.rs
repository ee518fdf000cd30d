//! A simulated student: plans sittings as the app does, answers each objective
//! right or wrong on purpose, and keeps the attempt log replay reads; and the
//! progress file such a student hands in. For tests of the learning cycle and of
//! the teacher's reports, where each student's path must be known.

use masterly_core::content::curriculum::Curriculum;
use masterly_core::content::item::{judge, model_answer, wrong_answer, ItemInstance};
use masterly_core::format::progress::{CurriculumRef, Goals, Learner, ProgressBundle};
use masterly_core::learning::attempt::Attempt;
use masterly_core::learning::plan::{plan_sitting, PlanError, PlanRequest, SittingPlan};
use masterly_core::learning::replay::{replay, Replay};
use masterly_core::time::Millis;

pub const START: Millis = 1_767_225_600_000; // 1 Jan 2026, 00:00 UTC

#[derive(Clone)]
pub struct Student {
    pub curriculum: Curriculum,
    pub log: Vec<Attempt>,
    pub now: Millis,
    pub sittings: u32,
}

impl Student {
    pub fn new(curriculum: Curriculum) -> Student {
        Student {
            curriculum,
            log: Vec::new(),
            now: START,
            sittings: 0,
        }
    }

    pub fn replay(&self) -> Replay {
        replay(&self.curriculum, &self.log, self.now)
    }

    pub fn plan(&mut self, request: PlanRequest) -> Result<SittingPlan, PlanError> {
        self.sittings += 1;
        let replay = self.replay();
        plan_sitting(
            &self.curriculum,
            &replay,
            &self.log,
            &request,
            format!("sitting-{}", self.sittings),
            u64::from(self.sittings) * 7919,
        )
    }

    /// Takes a sitting, answering each objective right or wrong as `right` says,
    /// and stops after `answer_only` items when given (to leave it unfinished).
    pub fn take(
        &mut self,
        request: PlanRequest,
        right: impl Fn(&str) -> bool,
        answer_only: Option<usize>,
    ) -> SittingPlan {
        self.try_take(request.clone(), right, answer_only)
            .unwrap_or_else(|e| panic!("{request:?}: {e:?}"))
    }

    /// [`Student::take`], or why the sitting cannot be planned (nothing is answered).
    pub fn try_take(
        &mut self,
        request: PlanRequest,
        right: impl Fn(&str) -> bool,
        answer_only: Option<usize>,
    ) -> Result<SittingPlan, PlanError> {
        let plan = self.plan(request)?;
        for (n, planned) in plan.items.iter().enumerate() {
            if answer_only.is_some_and(|limit| n >= limit) {
                break;
            }
            let (_, objective) = self
                .curriculum
                .objective(&planned.objective)
                .expect("planned objective exists");
            let item = objective.item(&planned.item).expect("planned item exists");
            let instance = ItemInstance::generate(item, planned.seed).expect("instance");
            let response = if right(&planned.objective) {
                model_answer(&instance)
            } else {
                wrong_answer(&instance)
            };
            let judgement =
                judge(&instance, &response).unwrap_or_else(|e| panic!("{}: {e:?}", item.id));
            assert_eq!(
                judgement.correct,
                right(&planned.objective),
                "{}: {response:?}",
                item.id
            );
            self.now += 30_000;
            self.log.push(Attempt {
                id: format!("{}-{n}", plan.sitting.id),
                at: self.now,
                sitting: plan.sitting.clone(),
                unit: planned.unit.as_str().into(),
                objective: planned.objective.as_str().into(),
                item: planned.item.as_str().into(),
                seed: planned.seed,
                response,
                correct: judgement.correct,
                misconception: judgement.misconception,
                hints_used: 0,
                active_seconds: 25,
            });
        }
        Ok(plan)
    }
}

/// The progress file this student would export, as `nickname`, with these goals.
pub fn bundle(nickname: &str, student: &Student, goals: Goals) -> ProgressBundle {
    ProgressBundle {
        format: "masterly-progress".into(),
        format_version: 1,
        learner: Learner {
            id: format!("id-{nickname}"),
            nickname: nickname.into(),
        },
        curriculum: CurriculumRef {
            id: student.curriculum.id.clone(),
            hash: student.curriculum.content_hash(),
        },
        class: None,
        attempts: student.log.clone(),
        goals,
        exported_at: student.now,
        levels: None,
        activity: Vec::new(),
    }
}

/// The students of [`mixed_class`] whose paths make a line of the teacher's
/// summary, by nickname.
pub struct MixedClass {
    pub files: Vec<ProgressBundle>,
    /// Locked out of the course's first unit by its readiness check.
    pub locked: Vec<&'static str>,
    /// Let into the first unit by its readiness check with one gap.
    pub filling_gaps: Vec<&'static str>,
    /// Last answered ten days ago.
    pub away: Vec<&'static str>,
    /// Check B of the first unit below the bar twice.
    pub missed_check_b: Vec<&'static str>,
    /// Check A of the first unit below the bar on one objective, today.
    pub correctives: Vec<&'static str>,
    /// Check A of the first unit at the bar on every objective, today.
    pub enrichment: Vec<&'static str>,
    /// The first unit mastered after three scored tries this week.
    pub persistent: &'static str,
    /// No answer at all.
    pub not_started: &'static str,
    /// Far behind the pace their goal's date needs.
    pub behind: &'static str,
    /// Working on another course, their goal.
    pub goal_elsewhere: Vec<&'static str>,
}

/// Thirty students of `course` at `now`, each on a known path: locked out by a
/// readiness check, filling gaps, away for ten days, stuck on check B, in a
/// corrective group, ready for enrichment, mastering the first unit and moving
/// on, persistent, not started, far behind their goal, or working on `other`
/// course. Every file has a goal: `course` in four months (the one who is behind:
/// in six days), or `other`.
pub fn mixed_class(curriculum: &Curriculum, course: &str, other: &str, now: Millis) -> MixedClass {
    const DAY: Millis = masterly_core::time::DAY_MS;
    let course_units = |id: &str| -> Vec<String> {
        curriculum
            .course(id)
            .map(|course| course.units.iter().map(|unit| unit.id.clone()).collect())
            .unwrap_or_default()
    };
    let units = course_units(course);
    let (first, second) = (units[0].clone(), units[1].clone());
    let objectives: Vec<String> = curriculum
        .unit(&first)
        .map(|unit| unit.objectives.iter().map(|o| o.id.clone()).collect())
        .unwrap_or_default();
    // The first objective the first unit's readiness check asks about.
    let needed = curriculum
        .unit(&first)
        .and_then(|unit| unit.prerequisites.first())
        .and_then(|id| curriculum.unit(id))
        .and_then(|unit| unit.objectives.first())
        .map(|objective| objective.id.clone())
        .unwrap_or_default();
    let today = now.div_euclid(DAY);
    let goal = |course: &str, days: i64| Goals {
        course: Some(course.to_string()),
        target_date: Some(masterly_core::time::iso_date(today + days)),
        weekly_minutes: 30,
    };
    let all = |_: &str| true;
    let none = |_: &str| false;
    let readiness = |unit: &str| PlanRequest::Readiness {
        unit: unit.to_string(),
    };
    let check_a = PlanRequest::FormativeA {
        unit: first.clone(),
    };
    let check_b = PlanRequest::FormativeB {
        unit: first.clone(),
    };
    let unit_test = PlanRequest::UnitTest {
        unit: first.clone(),
    };
    let started = |days_ago: i64| {
        let mut student = Student::new(curriculum.clone());
        student.now = now - days_ago * DAY;
        student
    };
    let class = MixedClass {
        files: Vec::new(),
        locked: vec!["Amara", "Bilal", "Chloe"],
        filling_gaps: vec!["Dmitri", "Elena"],
        away: vec!["Farah", "Gabriel", "Hana"],
        missed_check_b: vec!["Ivan", "Jada"],
        correctives: vec!["Kofi", "Lena", "Mateo", "Nia"],
        enrichment: vec!["Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tomas"],
        persistent: "Uma",
        not_started: "Victor",
        behind: "Wen",
        goal_elsewhere: vec!["Xavier", "Yusuf"],
    };
    let mut files = Vec::new();
    let mut hand_in = |nickname: &str, student: &Student, goals: Goals| {
        files.push(bundle(nickname, student, goals));
    };
    for nickname in &class.locked {
        let mut student = started(1);
        student.take(readiness(&first), none, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    for nickname in &class.filling_gaps {
        let mut student = started(1);
        student.take(readiness(&first), |o| o != needed, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    for nickname in &class.away {
        let mut student = started(10);
        student.take(readiness(&first), all, None);
        student.take(check_a.clone(), all, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    for nickname in &class.missed_check_b {
        let mut student = started(2);
        student.take(readiness(&first), all, None);
        student.take(check_a.clone(), |o| o != objectives[0], None);
        student.take(check_b.clone(), none, None);
        student.take(check_b.clone(), none, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    for (n, nickname) in class.correctives.iter().enumerate() {
        let mut student = started(1);
        student.take(readiness(&first), all, None);
        let missed = &objectives[n % objectives.len()];
        student.take(check_a.clone(), |o| o != missed, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    for nickname in &class.enrichment {
        let mut student = started(1);
        student.take(readiness(&first), all, None);
        student.take(check_a.clone(), all, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    for nickname in ["Zara", "Ali", "Bea", "Cole", "Dana"] {
        let mut student = started(3);
        student.take(readiness(&first), all, None);
        student.take(check_a.clone(), all, None);
        student.take(unit_test.clone(), all, None);
        student.take(readiness(&second), all, None);
        hand_in(nickname, &student, goal(course, 120));
    }
    let mut uma = started(2);
    uma.take(readiness(&first), all, None);
    uma.take(check_a.clone(), none, None);
    uma.take(check_b.clone(), none, None);
    uma.take(check_b.clone(), all, None);
    uma.take(unit_test, all, None);
    hand_in(class.persistent, &uma, goal(course, 120));
    hand_in(class.not_started, &started(0), goal(course, 120));
    let mut wen = started(6);
    wen.take(readiness(&first), all, None);
    hand_in(class.behind, &wen, goal(course, 6));
    let other_first = course_units(other)[0].clone();
    for nickname in &class.goal_elsewhere {
        let mut student = started(1);
        student.take(readiness(&other_first), all, None);
        student.take(
            PlanRequest::FormativeA {
                unit: other_first.clone(),
            },
            all,
            None,
        );
        hand_in(nickname, &student, goal(other, 120));
    }
    MixedClass { files, ..class }
}
