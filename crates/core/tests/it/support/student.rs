//! A simulated student for the core's tests: plans sittings as the app does, answers
//! each objective right or wrong on purpose, and keeps the attempt log replay reads.

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::content::item::{judge, model_answer, wrong_answer, ItemInstance};
use masterly_core::learning::attempt::Attempt;
use masterly_core::learning::plan::{plan_sitting, PlanError, PlanRequest, SittingPlan};
use masterly_core::learning::replay::{replay, Replay};
use masterly_core::time::Millis;

pub const START: Millis = 1_767_225_600_000; // 1 Jan 2026, 00:00 UTC

/// The small fixture curriculum: course `c1`, unit `u1` (objectives `u1-o1` to
/// `u1-o3`) and unit `u2` after it.
#[allow(dead_code)] // not every test that plays a student uses the fixture
pub fn fixture_curriculum() -> Curriculum {
    let text = include_str!("../../fixtures/curricula/good/minimal.json");
    load_curriculum(text)
        .map(|loaded| loaded.curriculum)
        .unwrap_or_else(|e| panic!("{e:?}"))
}

#[allow(dead_code)]
pub fn unit(id: &str) -> String {
    id.to_string()
}

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
        let plan = self
            .plan(request.clone())
            .unwrap_or_else(|e| panic!("{request:?}: {e:?}"));
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
        plan
    }
}
