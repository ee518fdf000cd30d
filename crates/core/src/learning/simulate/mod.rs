//! Simulated learners that measure the mastery rules. Each simulated student has a
//! true state per objective (knows it or not) that changes as they read lessons,
//! work correctives, practise and forget, and answers items with slip and guess
//! rates that depend on the item kind. They follow the real cycle: every sitting is
//! planned by [`plan_sitting`] and every level comes from [`replay`] of the log they
//! build, so what is measured is Masterly's rules, not a model of them. Comparing
//! each "Mastered" with the student's true state at that moment gives the rules'
//! precision; `make validity` prints the table (docs/mastery.md).
//!
//! Deterministic: the same curriculum, settings and seed give the same figures.

mod learner;
mod measures;

pub use learner::LearnerModel;
pub use measures::{Measures, Observer, ObserverMeasures, Rate};

use crate::content::curriculum::{Course, Curriculum};
use crate::content::rng::{FastMap, SplitMix64};
use crate::learning::attempt::{AssessmentKind, Attempt, Sitting};
use crate::learning::mastery::MasteryLevel;
use crate::learning::plan::{plan_sitting, PlanError, PlanRequest};
use crate::learning::replay::{replay, NextStep, Replay, UnitStage};
use crate::time::{Millis, DAY_MS, MINUTE_MS};
use learner::Learner;
use measures::{Recorder, Verdict};

/// How a simulated student moves through a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// Lessons, check A, correctives or enrichment, check B, the unit test.
    FullCycle,
    /// The unit test first, without the lessons; the cycle after a miss.
    SkipAhead,
    /// The course challenge first; the full cycle for what it did not master.
    CourseChallenge,
}

impl Path {
    pub const ALL: [Path; 3] = [Path::FullCycle, Path::SkipAhead, Path::CourseChallenge];
}

/// One simulation: who the students are, how they move, and for how long.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub model: LearnerModel,
    pub path: Path,
    pub students: u32,
    pub seed: u64,
    /// Days from the first sitting to the end of the simulation; reviews continue
    /// after the course is mastered until then.
    pub days: u32,
    /// Sittings a student takes at most before the simulation gives up on them.
    pub max_sittings: u32,
    /// Sittings a student takes in one day before the next day begins.
    pub sittings_per_day: u32,
}

impl Simulation {
    pub fn new(model: LearnerModel, path: Path, students: u32, seed: u64) -> Simulation {
        Simulation {
            model,
            path,
            students,
            seed,
            days: 120,
            max_sittings: 200,
            sittings_per_day: 3,
        }
    }
}

/// The first moment of the simulated school year (1 Sep 2027, 09:00 UTC).
const START: Millis = 1_819_789_200_000;
/// Practice sittings after each corrective, as the unit page offers them.
const PRACTICE_ITEMS: u32 = 3;
/// Seconds a simulated student spends on one item.
const SECONDS_PER_ITEM: Millis = 40;

/// Runs the students through one course and measures every verdict the rules gave.
pub fn simulate(
    curriculum: &Curriculum,
    course_id: &str,
    simulation: &Simulation,
) -> Result<Measures, PlanError> {
    let course = curriculum
        .course(course_id)
        .ok_or_else(|| PlanError::UnknownCourse(course_id.to_string()))?;
    let world = World::new(curriculum, &simulation.model);
    let mut recorder = Recorder::new(world.objectives.len());
    for student in 0..simulation.students {
        let seed = simulation
            .seed
            .wrapping_add(u64::from(student).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut run = Run::new(&world, course, simulation, seed);
        recorder.start_student();
        let finished = run.work(&mut recorder)?;
        recorder.end_student(finished);
    }
    Ok(recorder.finish())
}

/// What every student shares: the curriculum's objectives numbered, and each
/// item's objective and chance of a blind guess.
struct World<'c> {
    curriculum: &'c Curriculum,
    model: &'c LearnerModel,
    objectives: Vec<&'c str>,
    objective_of: FastMap<&'c str, usize>,
    guess_of_item: FastMap<&'c str, f64>,
}

impl<'c> World<'c> {
    fn new(curriculum: &'c Curriculum, model: &'c LearnerModel) -> World<'c> {
        let mut world = World {
            curriculum,
            model,
            objectives: Vec::new(),
            objective_of: FastMap::default(),
            guess_of_item: FastMap::default(),
        };
        for (_, unit) in curriculum.units() {
            for objective in &unit.objectives {
                world
                    .objective_of
                    .insert(&objective.id, world.objectives.len());
                world.objectives.push(&objective.id);
                for item in &objective.items {
                    world.guess_of_item.insert(&item.id, model.guess(item));
                }
            }
        }
        world
    }
}

/// One student's run through the course.
struct Run<'w, 'c> {
    world: &'w World<'c>,
    course: &'c Course,
    simulation: &'w Simulation,
    learner: Learner,
    rng: SplitMix64,
    log: Vec<Attempt>,
    replay: Replay,
    now: Millis,
    sittings: u32,
    sittings_today: u32,
    end: Millis,
}

impl<'w, 'c> Run<'w, 'c> {
    fn new(
        world: &'w World<'c>,
        course: &'c Course,
        simulation: &'w Simulation,
        seed: u64,
    ) -> Run<'w, 'c> {
        let mut rng = SplitMix64::new(seed);
        let learner = Learner::new(world.objectives.len(), world.model, &mut rng);
        Run {
            world,
            course,
            simulation,
            learner,
            rng,
            log: Vec::new(),
            replay: Replay::default(),
            now: START,
            sittings: 0,
            sittings_today: 0,
            end: START + Millis::from(simulation.days) * DAY_MS,
        }
    }

    /// Works until the end of the simulated time; false if the student gave up
    /// (the sitting limit) before mastering the course.
    fn work(&mut self, recorder: &mut Recorder) -> Result<bool, PlanError> {
        self.replay = replay(self.world.curriculum, &self.log, self.now);
        if self.simulation.path == Path::CourseChallenge {
            self.take(
                PlanRequest::CourseChallenge {
                    course: self.course.id.clone(),
                },
                recorder,
            )?;
        }
        let mut mastered = false;
        while self.now < self.end {
            if self.sittings >= self.simulation.max_sittings {
                return Ok(mastered);
            }
            match self.replay.next_step(self.course) {
                NextStep::Review { .. } => self.take(
                    PlanRequest::Review {
                        course: self.course.id.clone(),
                    },
                    recorder,
                )?,
                NextStep::CourseMastered => {
                    mastered = true;
                    self.next_day();
                }
                NextStep::Continue { unit, stage } => {
                    if !self.step(&unit, stage, 0, recorder)? {
                        // Nothing this student can do today (a review not yet due).
                        self.next_day();
                    }
                }
            }
        }
        Ok(mastered || self.replay.next_step(self.course) == NextStep::CourseMastered)
    }

    /// Does what the unit page offers at this stage; false when it offers nothing
    /// to do now.
    fn step(
        &mut self,
        unit_id: &str,
        stage: UnitStage,
        depth: u32,
        recorder: &mut Recorder,
    ) -> Result<bool, PlanError> {
        let unit = unit_id.to_string();
        match stage {
            UnitStage::Locked { missing } => {
                // The student is sent to the first unit still missing.
                let Some(first) = missing.first() else {
                    return Ok(false);
                };
                if depth > 8 {
                    return Ok(false);
                }
                let stage = self.replay.stage(first);
                self.step(&first.clone(), stage, depth + 1, recorder)
            }
            UnitStage::PreAssessment { .. } => {
                self.take(PlanRequest::Readiness { unit }, recorder)?;
                Ok(true)
            }
            UnitStage::Gaps { objectives } => {
                self.correct(&objectives, Some(&unit), recorder)?;
                self.take(PlanRequest::Readiness { unit }, recorder)?;
                Ok(true)
            }
            UnitStage::Instruction => {
                if self.simulation.path == Path::SkipAhead {
                    self.take(PlanRequest::UnitTest { unit }, recorder)?;
                } else {
                    self.read_lessons(&unit);
                    self.take(PlanRequest::FormativeA { unit }, recorder)?;
                }
                Ok(true)
            }
            UnitStage::Corrective { objectives, .. } => {
                self.correct(&objectives, None, recorder)?;
                self.take(PlanRequest::FormativeB { unit }, recorder)?;
                Ok(true)
            }
            UnitStage::Enrichment => {
                self.take(PlanRequest::UnitTest { unit }, recorder)?;
                Ok(true)
            }
            UnitStage::Review { objectives } => {
                self.correct(&objectives, None, recorder)?;
                self.take(PlanRequest::UnitTest { unit }, recorder)?;
                Ok(true)
            }
            UnitStage::InProgress { .. } | UnitStage::Mastered => Ok(false),
        }
    }

    fn read_lessons(&mut self, unit_id: &str) {
        let Some(unit) = self.world.curriculum.unit(unit_id) else {
            return;
        };
        for objective in &unit.objectives {
            if let Some(&number) = self.world.objective_of.get(objective.id.as_str()) {
                let chance = self.world.model.learn_from_lesson;
                self.learner.learn(number, chance, &mut self.rng);
            }
        }
    }

    /// A corrective for each objective, then its practice.
    /// Corrective practice on `objectives`; `for_unit` when they are gaps found
    /// before that unit.
    fn correct(
        &mut self,
        objectives: &[String],
        for_unit: Option<&str>,
        recorder: &mut Recorder,
    ) -> Result<(), PlanError> {
        for objective in objectives {
            if let Some(&number) = self.world.objective_of.get(objective.as_str()) {
                let chance = self.world.model.learn_from_corrective;
                self.learner.learn(number, chance, &mut self.rng);
            }
            self.take(
                PlanRequest::Practice {
                    objective: objective.clone(),
                    items: PRACTICE_ITEMS,
                    for_unit: for_unit.map(str::to_string),
                },
                recorder,
            )?;
        }
        Ok(())
    }

    /// Plans a sitting as the app would, answers every item, and replays the log.
    fn take(&mut self, request: PlanRequest, recorder: &mut Recorder) -> Result<(), PlanError> {
        if self.sittings_today >= self.simulation.sittings_per_day {
            self.next_day();
        }
        let entropy = self.rng.next_u64();
        let plan = match plan_sitting(
            self.world.curriculum,
            &self.replay,
            &self.log,
            &request,
            format!("s{}", self.sittings),
            entropy,
        ) {
            Ok(plan) => plan,
            // Nothing to assess is the app's answer too: the student moves on.
            Err(PlanError::NothingToAssess(_)) => return Ok(()),
            Err(error) => return Err(error),
        };
        self.sittings += 1;
        self.sittings_today += 1;
        let kind = plan.sitting.kind;
        let scored = !matches!(kind, AssessmentKind::Practice | AssessmentKind::Readiness);
        let mut touched: Vec<usize> = Vec::new();
        let sitting: Sitting = plan.sitting.clone();
        for planned in &plan.items {
            let Some(&number) = self.world.objective_of.get(planned.objective.as_str()) else {
                continue;
            };
            let guess = self
                .world
                .guess_of_item
                .get(planned.item.as_str())
                .copied()
                .unwrap_or(0.0);
            let correct = self.learner.answer(number, guess, &mut self.rng);
            if scored {
                recorder.answer(number, correct, guess, self.learner.knows(number));
            }
            let learn = if kind == AssessmentKind::Practice {
                self.world.model.learn_from_practice
            } else {
                self.world.model.learn_from_assessment
            };
            self.learner.learn(number, learn, &mut self.rng);
            if kind.is_mixed() && correct {
                self.learner.retrieved(number);
            }
            self.now += SECONDS_PER_ITEM * 1000;
            self.log.push(Attempt {
                id: format!("a{}", self.log.len()),
                at: self.now,
                sitting: sitting.clone(),
                unit: planned.unit.as_str().into(),
                objective: planned.objective.as_str().into(),
                item: planned.item.as_str().into(),
                seed: planned.seed,
                // Replay reads whether an answer was right, not the answer itself.
                response: crate::content::item::Response::Choice { index: 0 },
                correct,
                misconception: None,
                hints_used: 0,
                active_seconds: SECONDS_PER_ITEM as u32,
            });
            if !touched.contains(&number) {
                touched.push(number);
            }
        }
        let before: Vec<MasteryLevel> = touched
            .iter()
            .map(|&number| self.replay.level(self.world.objectives[number]))
            .collect();
        self.now += 5 * MINUTE_MS;
        self.replay = replay(self.world.curriculum, &self.log, self.now);
        if !scored {
            return Ok(());
        }
        for (&number, before) in touched.iter().zip(before) {
            let after = self.replay.level(self.world.objectives[number]);
            recorder.verdict(Verdict {
                objective: number,
                kind,
                before,
                after,
                knows: self.learner.knows(number),
            });
        }
        Ok(())
    }

    /// The next school day: the student may have forgotten some of what they knew.
    fn next_day(&mut self) {
        let day_start = (self.now - START).div_euclid(DAY_MS) + 1;
        self.now = START + day_start * DAY_MS;
        self.sittings_today = 0;
        self.learner
            .forget_overnight(self.world.model.forget_per_day, &mut self.rng);
        // Reviews fall due as days pass; only `now` tells replay which are due.
        self.replay.now = self.now;
    }
}
