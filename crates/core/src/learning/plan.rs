//! Planning a sitting: which objectives an assessment covers and which item
//! instances it shows. Formative B, the unit test and reviews are parallel forms:
//! they never show an instance the student already saw for that objective while
//! the pool has unseen ones, and items are spread across the pool before any item
//! is used twice. Planning is pure: the shell supplies the sitting id and the
//! randomness (`entropy`), so a plan can be reproduced in a test.

use crate::content::curriculum::{Curriculum, Objective};
use crate::content::item::{CompiledItem, InstanceError, InstanceKey};
use crate::content::rng::FastSet as HashSet;
use crate::content::rng::SplitMix64;
use crate::learning::attempt::{AssessmentKind, Attempt, Sitting};
use crate::learning::mastery::{MasteryLevel, MIN_ANSWERS_TO_MASTER};
use crate::learning::replay::{Replay, UnitStage};
use crate::learning::shared_id::SharedId;
use serde::{Deserialize, Serialize};

/// Questions per gap when a readiness check asks again about the gaps it found.
pub const GAP_ITEMS_PER_OBJECTIVE: u32 = 2;

/// What to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRequest {
    /// The prerequisite objectives of a unit whose prerequisites are not mastered.
    Readiness {
        unit: String,
    },
    FormativeA {
        unit: String,
    },
    /// The unit's objectives still below Proficient.
    FormativeB {
        unit: String,
    },
    UnitTest {
        unit: String,
    },
    CourseChallenge {
        course: String,
    },
    /// The course's objectives whose review is due.
    Review {
        course: String,
    },
    /// Corrective practice on one objective.
    Practice {
        objective: String,
        items: u32,
        /// The unit the practice is for when it is not the objective's own: a gap
        /// a readiness check found before that unit. The sitting belongs to it, so
        /// its page is where the student goes back to.
        for_unit: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedItem {
    pub unit: String,
    pub objective: String,
    pub item: String,
    pub seed: u64,
    /// The pool had no unseen instance left, so this one was seen before.
    pub repeated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SittingPlan {
    pub sitting: Sitting,
    pub items: Vec<PlannedItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The request names a unit, course or objective the curriculum does not have
    /// (a stale place from another version of it).
    UnknownUnit(String),
    UnknownCourse(String),
    UnknownObjective(String),
    /// This kind of sitting has nothing to ask now (no review due, every
    /// objective already at the bar…).
    NothingToAssess(AssessmentKind),
    /// An objective to assess has no items at all.
    NoItems(String),
    /// An item planned could not be made for its seed.
    Instance(InstanceError),
}

/// A planned item that cannot be instantiated fails the plan (`?` in planning).
impl From<InstanceError> for PlanError {
    fn from(error: InstanceError) -> Self {
        PlanError::Instance(error)
    }
}

/// Seeds are drawn below 2^24: far more questions than any template has, in four
/// digits of the compact stored log (`device/compact.rs`), and safe in JavaScript
/// tools, which read numbers only up to 2^53 exactly.
pub const SEED_MASK: u64 = (1 << 24) - 1;
/// Tries per item to find an unseen instance of a template before moving on.
const TRIES_PER_ITEM: u32 = 24;

pub fn plan_sitting(
    curriculum: &Curriculum,
    replay: &Replay,
    log: &[Attempt],
    request: &PlanRequest,
    sitting_id: String,
    entropy: u64,
) -> Result<SittingPlan, PlanError> {
    let settings = &curriculum.mastery;
    // A unit test or a course challenge can make an objective Mastered, so it asks
    // enough questions of each to do so; a review asks that many of an objective
    // it would master again.
    let mastering_items = settings
        .unit_test_items_per_objective
        .max(MIN_ANSWERS_TO_MASTER);
    let mut unit_of_sitting = None;
    let mut course_of_sitting = None;
    let (kind, wanted): (AssessmentKind, Vec<(&Objective, u32)>) = match request {
        PlanRequest::Readiness { unit } => {
            let target = curriculum
                .unit(unit)
                .ok_or_else(|| PlanError::UnknownUnit(unit.clone()))?;
            unit_of_sitting = Some(unit.clone());
            let mut wanted = Vec::new();
            // Checked again after a look back: only the gaps, with a second
            // question each, as a check B asks again after correctives.
            if let UnitStage::Gaps { objectives } = replay.stage(unit) {
                wanted.extend(
                    objectives
                        .iter()
                        .filter_map(|id| curriculum.objective(id))
                        .map(|(_, objective)| (objective, GAP_ITEMS_PER_OBJECTIVE)),
                );
            } else {
                for prerequisite in &target.prerequisites {
                    let Some(prerequisite_unit) = curriculum.unit(prerequisite) else {
                        continue;
                    };
                    if replay
                        .unit(prerequisite)
                        .is_some_and(|p| p.mastered_at.is_some())
                    {
                        continue;
                    }
                    wanted.extend(prerequisite_unit.objectives.iter().map(|o| (o, 1)));
                }
            }
            (AssessmentKind::Readiness, wanted)
        }
        PlanRequest::FormativeA { unit }
        | PlanRequest::UnitTest { unit }
        | PlanRequest::FormativeB { unit } => {
            let target = curriculum
                .unit(unit)
                .ok_or_else(|| PlanError::UnknownUnit(unit.clone()))?;
            unit_of_sitting = Some(unit.clone());
            match request {
                PlanRequest::FormativeA { .. } => (
                    AssessmentKind::FormativeA,
                    target
                        .objectives
                        .iter()
                        .map(|o| (o, settings.formative_items_per_objective))
                        .collect(),
                ),
                PlanRequest::FormativeB { .. } => (
                    AssessmentKind::FormativeB,
                    target
                        .objectives
                        .iter()
                        .filter(|o| replay.level(&o.id) < MasteryLevel::Proficient)
                        .map(|o| (o, settings.formative_items_per_objective))
                        .collect(),
                ),
                _ => (
                    AssessmentKind::UnitTest,
                    target
                        .objectives
                        .iter()
                        .map(|o| (o, mastering_items))
                        .collect(),
                ),
            }
        }
        PlanRequest::CourseChallenge { course } => {
            let course_found = curriculum
                .course(course)
                .ok_or_else(|| PlanError::UnknownCourse(course.clone()))?;
            course_of_sitting = Some(course.clone());
            (
                AssessmentKind::CourseChallenge,
                course_found
                    .units
                    .iter()
                    .flat_map(|u| &u.objectives)
                    .map(|o| (o, mastering_items))
                    .collect(),
            )
        }
        PlanRequest::Review { course } => {
            let course_found = curriculum
                .course(course)
                .ok_or_else(|| PlanError::UnknownCourse(course.clone()))?;
            course_of_sitting = Some(course.clone());
            let due = replay.due_reviews(course_found);
            (
                AssessmentKind::Review,
                due.iter()
                    .filter_map(|id| {
                        let items = if replay.level(id) == MasteryLevel::Mastered {
                            settings.review_items_per_objective
                        } else {
                            settings
                                .review_items_per_objective
                                .max(MIN_ANSWERS_TO_MASTER)
                        };
                        curriculum.objective(id).map(|(_, o)| (o, items))
                    })
                    .collect(),
            )
        }
        PlanRequest::Practice {
            objective,
            items,
            for_unit,
        } => {
            let (unit, found) = curriculum
                .objective(objective)
                .ok_or_else(|| PlanError::UnknownObjective(objective.clone()))?;
            unit_of_sitting = Some(for_unit.clone().unwrap_or_else(|| unit.id.clone()));
            (AssessmentKind::Practice, vec![(found, (*items).max(1))])
        }
    };
    if wanted.is_empty() {
        return Err(PlanError::NothingToAssess(kind));
    }

    let mut rng = SplitMix64::new(entropy);
    let mut items = Vec::new();
    for (objective, count) in wanted {
        let unit = curriculum
            .objective(&objective.id)
            .map(|(unit, _)| unit.id.clone())
            .unwrap_or_default();
        let seen = seen_instances(curriculum, log, &objective.id);
        items.extend(draw_for_objective(
            &unit, objective, count, &seen, &mut rng,
        )?);
    }
    // Mixed assessments interleave objectives, so no objective can be recognised
    // from its neighbours.
    if kind.is_mixed() {
        rng.shuffle(&mut items);
    }
    Ok(SittingPlan {
        sitting: Sitting {
            id: sitting_id.into(),
            kind,
            size: items.len() as u32,
            unit: unit_of_sitting.map(SharedId::from),
            course: course_of_sitting,
        },
        items,
    })
}

/// Keys of the instances already shown for an objective, in any sitting.
pub fn seen_instances(
    curriculum: &Curriculum,
    log: &[Attempt],
    objective_id: &str,
) -> HashSet<InstanceKey> {
    let Some((_, objective)) = curriculum.objective(objective_id) else {
        return HashSet::default();
    };
    let compiled: Vec<Option<CompiledItem>> = objective
        .items
        .iter()
        .map(|item| CompiledItem::compile(item).ok())
        .collect();
    log.iter()
        .filter(|attempt| attempt.objective == objective_id)
        .filter_map(|attempt| {
            let index = objective
                .items
                .iter()
                .position(|item| item.id == attempt.item)?;
            compiled[index].as_ref()?.key(attempt.seed).ok()
        })
        .collect()
}

fn draw_for_objective(
    unit: &str,
    objective: &Objective,
    count: u32,
    seen: &HashSet<InstanceKey>,
    rng: &mut SplitMix64,
) -> Result<Vec<PlannedItem>, PlanError> {
    if objective.items.is_empty() {
        return Err(PlanError::NoItems(objective.id.clone()));
    }
    let compiled = objective
        .items
        .iter()
        .map(CompiledItem::compile)
        .collect::<Result<Vec<_>, _>>()?;
    let mut order: Vec<usize> = (0..objective.items.len()).collect();
    rng.shuffle(&mut order);
    let mut planned_keys: HashSet<InstanceKey> = HashSet::default();
    let mut picked: Vec<PlannedItem> = Vec::new();
    let planned = |item: &str, seed: u64, repeated: bool| PlannedItem {
        unit: unit.to_string(),
        objective: objective.id.clone(),
        item: item.to_string(),
        seed,
        repeated,
    };
    // Round-robin over the shuffled pool: one new instance per item per round.
    let mut progress = true;
    while picked.len() < count as usize && progress {
        progress = false;
        for &index in &order {
            if picked.len() >= count as usize {
                break;
            }
            let item = &objective.items[index];
            let tries = if item.template.is_some() {
                TRIES_PER_ITEM
            } else {
                1
            };
            for _ in 0..tries {
                let seed = rng.next_u64() & SEED_MASK;
                // Only a seed that makes a whole version is planned: one whose
                // constraints are never met, or whose picture cannot be drawn, is
                // passed over (the content linter reports such seeds to authors).
                let Ok(key) = compiled[index].check(seed).map(|check| check.key) else {
                    continue;
                };
                if !seen.contains(&key) && planned_keys.insert(key) {
                    picked.push(planned(&item.id, seed, false));
                    progress = true;
                    break;
                }
            }
        }
    }
    // The pool is exhausted: repeat instances rather than leave the student stuck,
    // and say so (validation warns authors about pools this small).
    // Each repeat is still a version that can be shown; an item that makes none in
    // its tries is left out of this round.
    let mut cycle = order.iter().cycle();
    let mut misses = 0;
    while picked.len() < count as usize && misses < order.len() {
        let Some(&index) = cycle.next() else { break };
        let item = &objective.items[index];
        let seed = (0..TRIES_PER_ITEM)
            .map(|_| rng.next_u64() & SEED_MASK)
            .find(|seed| compiled[index].check(*seed).is_ok());
        match seed {
            Some(seed) => {
                picked.push(planned(&item.id, seed, true));
                misses = 0;
            }
            None => misses += 1,
        }
    }
    Ok(picked)
}
