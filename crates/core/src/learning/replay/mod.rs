//! Replay: the attempt log, read against a curriculum, gives every objective's
//! mastery level (with the evidence behind it), every unit's stage in the mastery
//! cycle, when mastered objectives are due for review, and what to do next.
//! Nothing here is stored; it is recomputed from the log, so two devices or a
//! teacher's import always agree. Replay is pure and depends only on the *set* of
//! attempts: the log is put in canonical order first.
//!
//! The rules, from Bloom's Learning for Mastery:
//! - A formative (A or B) at or above the bar makes an objective Proficient; below
//!   it, the objective is Familiar (≥ familiar threshold) or Attempted.
//! - A mixed assessment (unit test, course challenge, review) at or above the bar
//!   makes it Mastered. Passing the unit test directly is acceleration, so it counts
//!   even without a formative first. Below the bar, Mastered drops to Proficient and
//!   Proficient to Familiar (one level, as in spaced-repetition demotion); lower
//!   levels follow the score. It takes at least two answers to the objective in
//!   that assessment to make it Mastered (`MIN_ANSWERS_TO_MASTER`). A course
//!   challenge needs every answer right (`CHALLENGE_BAR_PERCENT`) and cannot master
//!   a unit a failed readiness check has locked.
//! - A right answer given after a hint that shows the answer counts as not right
//!   (it is not the student's own evidence); the evidence says how many there were.
//! - A unit is mastered when its part of a unit test or course challenge meets the
//!   bar and every objective is Mastered. Later units need their prerequisite units
//!   mastered once; a failed review afterwards calls for a review, not a relock.
//! - A readiness check asks about the objectives of the prerequisite units not yet
//!   mastered. None missed: the student is ready. At most half missed: those
//!   objectives are the gaps, looked at again (their correctives and practice) and
//!   checked again, two questions each; that check narrows the gaps to those
//!   missed again and never locks. More than half missed on a first check: the
//!   unit stays locked until its prerequisite units are mastered.
//! - Mastered objectives are reviewed after the curriculum's intervals (2, 7, 21, 60
//!   days by default); each passed review moves to the next interval, a failed one
//!   demotes and brings the review back after the first interval.

use crate::content::curriculum::{Course, Curriculum, Unit};
use crate::content::rng::{FastMap as HashMap, FastSet as HashSet};
use crate::learning::attempt::{AssessmentKind, Attempt, Sitting};
use crate::learning::mastery::MasteryLevel;
use crate::learning::shared_id::SharedIdMemo;
use crate::order;
use crate::time::{Millis, DAY_MS};
use rules::{score_sitting, unit_progress, unit_stage};
use std::collections::BTreeMap;

/// How a level came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelChange {
    /// Set from the score of this assessment.
    Set,
    /// Moved down one level by a missed mixed assessment.
    Demoted(MasteryLevel),
}

/// The assessment that last set an objective's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    pub kind: AssessmentKind,
    pub at: Millis,
    pub correct: u32,
    pub total: u32,
    /// Right answers given after a hint that showed the answer: counted in
    /// `total`, not in `correct`.
    pub revealed: u32,
    /// Answers given after at least one hint.
    pub hinted: u32,
    pub change: LevelChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectiveProgress {
    pub level: MasteryLevel,
    pub evidence: Option<Evidence>,
    /// When a review is due; set once the objective has been mastered.
    pub review_due: Option<Millis>,
    review_step: usize,
    /// Scored assessments (formative or mixed) of this objective so far.
    pub scored_sittings: u32,
    /// How many scored assessments it took to first reach Mastered.
    pub sittings_to_mastery: Option<u32>,
    /// Scored assessments below the bar before it was first Mastered: 0 is a
    /// success at the first try of every check, the student's "first try".
    pub missed_before_mastery: u32,
    pub attempts: u32,
    pub hints_used: u32,
}

/// Where a unit is in the mastery cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitStage {
    /// Prerequisite units are not mastered and the readiness check was not passed.
    Locked {
        missing: Vec<String>,
    },
    /// Prerequisites are not mastered yet; a readiness check can show they are known.
    PreAssessment {
        prerequisites: Vec<String>,
    },
    /// The readiness check showed most of the prerequisites known and a few gaps:
    /// these objectives of earlier units, to look at again (their correctives and
    /// practice) before checking them again.
    Gaps {
        objectives: Vec<String>,
    },
    /// Lessons, then formative A (or the unit test directly, to skip ahead).
    Instruction,
    /// A sitting of this kind is under way.
    InProgress {
        kind: AssessmentKind,
    },
    /// Correctives for the objectives below the bar, enrichment for the others,
    /// then formative B for the corrected objectives.
    Corrective {
        objectives: Vec<String>,
        enrichment: Vec<String>,
    },
    /// Every objective is at least Proficient: enrichment, then the unit test.
    Enrichment,
    /// Mastered once, but a missed review demoted these objectives.
    Review {
        objectives: Vec<String>,
    },
    Mastered,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitProgress {
    /// First time the unit was mastered.
    pub mastered_at: Option<Millis>,
    pub summative_passed_at: Option<Millis>,
    /// What the latest readiness check showed, and when.
    pub readiness: Option<(Readiness, Millis)>,
    /// The sitting under way, if any, and the answers given in it so far.
    pub in_progress: Option<(Sitting, Vec<Attempt>)>,
    /// Scored sittings of the unit's assessments.
    pub sittings: u32,
    /// Unit tests taken, and how many until the first pass.
    pub unit_tests: u32,
    pub unit_tests_to_pass: Option<u32>,
    /// Check B sittings below the bar on some objective since the unit last moved
    /// on (a check B or unit test at the bar), and unit tests below the bar since
    /// the last one at it: two or more in a row is a student stuck.
    pub check_b_misses: u32,
    pub unit_test_misses: u32,
    /// The latest scored sitting of the unit.
    pub last_scored_at: Option<Millis>,
}

/// What a readiness check showed about the prerequisites of the unit it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// Every objective asked about is known.
    Ready,
    /// These objectives (at most half of those asked) are not known yet.
    Gaps(Vec<String>),
    /// More than half were not known: the prerequisite units come first.
    NotReady,
}

/// What the student should do next in a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Reviews of these objectives are due.
    Review {
        objectives: Vec<String>,
    },
    Continue {
        unit: String,
        stage: UnitStage,
    },
    CourseMastered,
}

/// An attempt replay could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredAttempt {
    pub id: String,
    pub why: Ignored,
}

/// Why replay left an attempt out: the curriculum it is replayed against does not
/// have what the attempt names (a file from another version of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// The objective exists, but the item is not one of its items.
    ItemNotInObjective { item: String, objective: String },
    /// The curriculum has no objective of that id.
    UnknownObjective { objective: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Replay {
    objectives: HashMap<String, ObjectiveProgress>,
    units: HashMap<String, UnitProgress>,
    stages: HashMap<String, UnitStage>,
    pub ignored: Vec<IgnoredAttempt>,
    pub now: Millis,
}

const NOT_STARTED: ObjectiveProgress = ObjectiveProgress {
    level: MasteryLevel::NotStarted,
    evidence: None,
    review_due: None,
    review_step: 0,
    scored_sittings: 0,
    sittings_to_mastery: None,
    missed_before_mastery: 0,
    attempts: 0,
    hints_used: 0,
};

impl Replay {
    pub fn objective(&self, objective_id: &str) -> &ObjectiveProgress {
        self.objectives.get(objective_id).unwrap_or(&NOT_STARTED)
    }

    pub fn level(&self, objective_id: &str) -> MasteryLevel {
        self.objective(objective_id).level
    }

    /// Every objective with some evidence and its level, as a progress file
    /// states them.
    pub fn stated_levels(&self) -> BTreeMap<String, MasteryLevel> {
        // Inserted one by one: collecting into a map would compile the standard
        // library's stable sort into the student's download for this one map.
        let mut levels = BTreeMap::new();
        for (id, progress) in &self.objectives {
            if progress.level != MasteryLevel::NotStarted {
                levels.insert(id.clone(), progress.level);
            }
        }
        levels
    }

    pub fn unit(&self, unit_id: &str) -> Option<&UnitProgress> {
        self.units.get(unit_id)
    }

    pub fn stage(&self, unit_id: &str) -> UnitStage {
        self.stages
            .get(unit_id)
            .cloned()
            .unwrap_or(UnitStage::Instruction)
    }

    pub fn unit_mastered(&self, unit: &Unit) -> bool {
        self.stage(&unit.id) == UnitStage::Mastered
    }

    /// Objectives mastered and objectives in all, for a course.
    pub fn course_progress(&self, course: &Course) -> (usize, usize) {
        let objectives = course.units.iter().flat_map(|unit| &unit.objectives);
        let (mut mastered, mut total) = (0, 0);
        for objective in objectives {
            total += 1;
            if self.level(&objective.id) == MasteryLevel::Mastered {
                mastered += 1;
            }
        }
        (mastered, total)
    }

    /// Objectives of a course whose review is due now, in course order.
    pub fn due_reviews(&self, course: &Course) -> Vec<String> {
        course
            .units
            .iter()
            .flat_map(|unit| &unit.objectives)
            .filter(|objective| {
                self.objective(&objective.id)
                    .review_due
                    .is_some_and(|due| due <= self.now)
            })
            .map(|objective| objective.id.clone())
            .collect()
    }

    pub fn next_step(&self, course: &Course) -> NextStep {
        let due = self.due_reviews(course);
        if !due.is_empty() {
            return NextStep::Review { objectives: due };
        }
        let mut first_locked = None;
        for unit in &course.units {
            match self.stage(&unit.id) {
                UnitStage::Mastered => {}
                stage @ UnitStage::Locked { .. } => {
                    first_locked.get_or_insert((unit.id.clone(), stage));
                }
                stage => {
                    return NextStep::Continue {
                        unit: unit.id.clone(),
                        stage,
                    }
                }
            }
        }
        match first_locked {
            Some((unit, stage)) => NextStep::Continue { unit, stage },
            None => NextStep::CourseMastered,
        }
    }
}

/// Scores of one objective in one sitting.
#[derive(Default, Clone, Copy)]
struct Tally {
    correct: u32,
    total: u32,
    /// Right answers after a revealing hint, not counted in `correct`.
    revealed: u32,
    /// Answers after at least one hint.
    hinted: u32,
}

impl Tally {
    fn meets(self, percent: u32) -> bool {
        self.total > 0
            && u64::from(self.correct) * 100 >= u64::from(percent) * u64::from(self.total)
    }
}

struct SittingRecord<'a> {
    sitting: &'a Sitting,
    /// The counted answers, with their objective's index.
    answers: Vec<(u32, &'a Attempt)>,
}

/// The curriculum's objectives numbered in document order, so that replay works on
/// dense indices; a unit's objectives have consecutive numbers.
struct ObjectiveIndex<'c> {
    ids: Vec<&'c str>,
    units: Vec<&'c Unit>,
    by_item: HashMap<&'c str, u32>,
    by_id: HashMap<&'c str, u32>,
    /// Items with a hint that shows the answer, and how many hints that takes.
    revealing_hints: HashMap<&'c str, u32>,
}

impl<'c> ObjectiveIndex<'c> {
    fn new(curriculum: &'c Curriculum) -> ObjectiveIndex<'c> {
        let mut index = ObjectiveIndex {
            ids: Vec::new(),
            units: Vec::new(),
            by_item: HashMap::default(),
            by_id: HashMap::default(),
            revealing_hints: HashMap::default(),
        };
        for (_, unit) in curriculum.units() {
            for objective in &unit.objectives {
                let number = index.ids.len() as u32;
                index.ids.push(&objective.id);
                index.units.push(unit);
                index.by_id.insert(&objective.id, number);
                for item in &objective.items {
                    index.by_item.insert(&item.id, number);
                    if let Some(hints) = item.hints_that_reveal() {
                        index.revealing_hints.insert(&item.id, hints);
                    }
                }
            }
        }
        index
    }
}

pub fn replay(curriculum: &Curriculum, log: &[Attempt], now: Millis) -> Replay {
    replay_counting_repeats(curriculum, log, now).0
}

/// [`replay`], and how many attempts it skipped as repeats of an id already
/// replayed: none for a log whose ids are all different.
pub(crate) fn replay_counting_repeats(
    curriculum: &Curriculum,
    log: &[Attempt],
    now: Millis,
) -> (Replay, usize) {
    let mut repeats = 0;
    let mut replay = Replay {
        now,
        ..Replay::default()
    };
    let index = ObjectiveIndex::new(curriculum);
    let mut progress: Vec<ObjectiveProgress> = vec![ObjectiveProgress::default(); index.ids.len()];
    let mut touched: Vec<bool> = vec![false; index.ids.len()];

    // Canonical order and one copy per id make replay depend on the set alone.
    let mut ordered: Vec<&Attempt> = log.iter().collect();
    order::sort_by(&mut ordered, |a, b| {
        (a.at, &a.id, &a.item, a.seed, a.correct).cmp(&(b.at, &b.id, &b.item, b.seed, b.correct))
    });
    let mut seen_ids: HashSet<&str> = HashSet::default();
    seen_ids.reserve(ordered.len());
    let mut sittings: Vec<SittingRecord> = Vec::new();
    let mut sitting_index: HashMap<&str, usize> = HashMap::default();
    let mut last_sitting: Option<(&str, usize)> = None;
    let mut objective_of_item = SharedIdMemo::default();
    for attempt in ordered {
        if !seen_ids.insert(&attempt.id) {
            repeats += 1;
            continue;
        }
        // One lookup finds the item's objective; it must be the objective named.
        let number =
            objective_of_item.get_or(&attempt.item, |item| index.by_item.get(item).copied());
        let objective = match number {
            Some(number) if index.ids[number as usize] == attempt.objective => number,
            _ => {
                let objective = attempt.objective.to_string();
                let why = if index.by_id.contains_key(attempt.objective.as_str()) {
                    Ignored::ItemNotInObjective {
                        item: attempt.item.to_string(),
                        objective,
                    }
                } else {
                    Ignored::UnknownObjective { objective }
                };
                replay.ignored.push(IgnoredAttempt {
                    id: attempt.id.clone(),
                    why,
                });
                continue;
            }
        };
        let entry = &mut progress[objective as usize];
        entry.attempts += 1;
        entry.hints_used += attempt.hints_used;
        touched[objective as usize] = true;
        // Answers of one sitting are usually consecutive: try the last sitting first.
        let record_index = match last_sitting {
            Some((id, record_index)) if id == attempt.sitting.id => record_index,
            _ => *sitting_index
                .entry(attempt.sitting.id.as_str())
                .or_insert_with(|| {
                    sittings.push(SittingRecord {
                        sitting: &attempt.sitting,
                        answers: Vec::new(),
                    });
                    sittings.len() - 1
                }),
        };
        last_sitting = Some((attempt.sitting.id.as_str(), record_index));
        let record = &mut sittings[record_index];
        // Only the first answer to each question in a sitting counts.
        let repeated = record
            .answers
            .iter()
            .any(|(_, earlier)| earlier.answers_same_question(attempt));
        if !repeated {
            record.answers.push((objective, attempt));
        }
    }

    // Complete sittings are scored in the order they were completed; unfinished
    // ones only mark where the student is.
    let mut complete: Vec<(Millis, &SittingRecord)> = Vec::new();
    let mut unfinished: Vec<&SittingRecord> = Vec::new();
    for record in &sittings {
        let size = record.sitting.size.max(1) as usize;
        if record.answers.len() >= size {
            complete.push((record.answers[size - 1].1.at, record));
        } else {
            unfinished.push(record);
        }
    }
    order::sort_by(&mut complete, |a, b| {
        (a.0, &a.1.sitting.id).cmp(&(b.0, &b.1.sitting.id))
    });

    let mut last_complete_for_unit: HashMap<&str, Millis> = HashMap::default();
    for (finished_at, record) in &complete {
        let size = record.sitting.size.max(1) as usize;
        score_sitting(
            &mut replay,
            &mut progress,
            curriculum,
            &index,
            record.sitting,
            &record.answers[..size],
            *finished_at,
        );
        for unit in sitting_units(record, &index) {
            let entry = last_complete_for_unit.entry(unit).or_insert(*finished_at);
            *entry = (*entry).max(*finished_at);
        }
    }
    for (number, entry) in progress.into_iter().enumerate() {
        if touched[number] {
            replay
                .objectives
                .insert(index.ids[number].to_string(), entry);
        }
    }
    for record in unfinished {
        let Some(unit_id) = record.sitting.unit.as_deref() else {
            continue;
        };
        let started = record.answers.first().map_or(0, |(_, a)| a.at);
        if last_complete_for_unit
            .get(unit_id)
            .is_some_and(|&done| done >= started)
        {
            continue; // abandoned before a later sitting was completed
        }
        let unit = unit_progress(&mut replay, unit_id);
        let newer = unit
            .in_progress
            .as_ref()
            .is_none_or(|(_, answers)| answers.first().map_or(0, |a| a.at) <= started);
        if newer {
            unit.in_progress = Some((
                record.sitting.clone(),
                record.answers.iter().map(|(_, a)| (*a).clone()).collect(),
            ));
        }
    }

    for (_, unit) in curriculum.units() {
        let stage = unit_stage(&replay, curriculum, unit);
        replay.stages.insert(unit.id.clone(), stage);
    }
    (replay, repeats)
}

fn sitting_units<'a>(record: &SittingRecord<'a>, index: &ObjectiveIndex<'a>) -> Vec<&'a str> {
    let mut units: Vec<&'a str> = Vec::new();
    if let Some(unit) = record.sitting.unit.as_deref() {
        units.push(unit);
    }
    for (objective, _) in &record.answers {
        let unit = index.units[*objective as usize].id.as_str();
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    units
}

mod rules;
