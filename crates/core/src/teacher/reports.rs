//! The teacher's reports (docs/teacher-view.md), computed from the
//! students' progress files: each student's attempt log is replayed against the
//! curriculum, so every level shown is recomputed from evidence, never trusted from
//! a file. Everything here is pure; the shell renders the rows and exports them as
//! CSV with [`to_csv`].

use crate::content::case::lowercase;
use crate::content::curriculum::{Course, Curriculum};
use crate::content::item::{Item, ItemInstance, Response};
use crate::content::picture::Diagram;
use crate::content::rng::FastMap as HashMap;
use crate::device::workbook::{local_day, week_start};
use crate::format::progress::{
    merge_days, ClassRef, CurriculumCheck, DayActivity, Goals, Learner, ProgressBundle,
};
use crate::learning::attempt::{in_canonical_order, merge_into, Attempt};
use crate::learning::mastery::MasteryLevel;
use crate::learning::replay::{replay, replay_counting_repeats, Evidence, Replay, UnitStage};
use crate::learning::shared_id::SharedIdMemo;
use crate::order;
use crate::time::{days_from_date, Millis, DAY_MS};
use std::collections::BTreeMap;

/// Success after this many scored tries is highlighted: persistence worth noticing.
pub const MANY_TRIES: u32 = 3;
/// At most this many peer tutors are suggested for one stuck student and objective.
pub const TUTORS_PER_NEED: usize = 3;

/// One student as the teacher's files show them, merged across every file of theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassStudent {
    pub learner: Learner,
    pub goals: Goals,
    /// Every attempt of every file, each id once, in canonical order.
    attempts: Vec<Attempt>,
    /// When the newest file of this student was exported; its nickname and goals win.
    pub exported_at: Millis,
    /// The class and student id, once a file of this student carried them.
    pub class: Option<ClassRef>,
    /// The levels the newest file stated, when it stated any.
    pub stated: Option<StatedLevels>,
    /// The replay of `attempts` made before they joined the class, while no other
    /// file has added to them.
    replayed: Option<ReplayedLog>,
    /// Active seconds per day as the student's device counted them, the larger
    /// figure of any two files for a day; empty when no file said (older files).
    activity: Vec<DayActivity>,
}

/// A file's log replayed before it joins the class: the teacher's page replays
/// each file while the browser reads the next, so that the reports need not wait
/// for it. Kept with the curriculum it was made against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayedLog {
    curriculum_hash: String,
    replay: Replay,
}

impl ReplayedLog {
    /// The replay of `log` against the curriculum of `check`, for a log already in
    /// canonical order with every id once (as Masterly writes files); None for any
    /// other, which is left to be replayed with the rest of the class.
    pub(crate) fn of(check: &CurriculumCheck, log: &[Attempt]) -> Option<ReplayedLog> {
        if !in_canonical_order(log) {
            return None;
        }
        let (replay, repeats) = replay_counting_repeats(check.curriculum, log, 0);
        (repeats == 0).then(|| ReplayedLog {
            curriculum_hash: check.hash().to_string(),
            replay,
        })
    }
}

/// The levels a progress file stated, and how many attempts that file held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedLevels {
    pub levels: BTreeMap<String, MasteryLevel>,
    pub attempts: usize,
}

/// Whether a student's newest file states the levels the replay gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelCheck {
    /// The file stated no levels (made by an older Masterly).
    NotStated,
    /// Other files added answers the newest file does not hold, so its levels
    /// cannot be compared.
    NotComparable,
    Agrees,
    /// Each objective where they differ: what the file said and the replay gives.
    Disagrees(Vec<(String, MasteryLevel, MasteryLevel)>),
}

impl ClassStudent {
    /// Every attempt of the student's files, each id once, in canonical order.
    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }

    /// Whether a file is this student's: the same class student id (from the
    /// teacher's class file, the same on every device of theirs) or the same
    /// learner id (one device).
    pub fn owns(&self, bundle: &ProgressBundle) -> bool {
        let same_class_student = matches!(
            (&self.class, &bundle.class),
            (Some(mine), Some(theirs)) if mine == theirs
        );
        same_class_student || self.learner.id == bundle.learner.id
    }

    /// Compares the levels the newest file stated with `replayed`, the replay of
    /// this student's log.
    pub fn level_check(&self, replayed: &Replay) -> LevelCheck {
        let Some(stated) = &self.stated else {
            return LevelCheck::NotStated;
        };
        if stated.attempts != self.attempts.len() {
            return LevelCheck::NotComparable;
        }
        let recomputed = replayed.stated_levels();
        let mut objectives: Vec<&String> = stated.levels.keys().chain(recomputed.keys()).collect();
        order::sort_dedup(&mut objectives);
        let level = |levels: &BTreeMap<String, MasteryLevel>, id: &String| {
            levels.get(id).copied().unwrap_or_default()
        };
        let differences: Vec<(String, MasteryLevel, MasteryLevel)> = objectives
            .into_iter()
            .map(|id| {
                (
                    id.clone(),
                    level(&stated.levels, id),
                    level(&recomputed, id),
                )
            })
            .filter(|(_, said, replay)| said != replay)
            .collect();
        if differences.is_empty() {
            LevelCheck::Agrees
        } else {
            LevelCheck::Disagrees(differences)
        }
    }
}

/// What adding one progress file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Added {
    /// Attempts not already known.
    pub new_attempts: usize,
    /// True when the learner was not in the class before.
    pub new_student: bool,
    /// Attempts whose id was known with different content; the first copy is kept.
    pub conflicts: usize,
}

/// The students of a class, each once, in nickname order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassRecord {
    pub students: Vec<ClassStudent>,
}

impl ClassRecord {
    /// The goal course most of the class has (on a tie, the one whose first
    /// student comes first), if any student has one: the course the teacher's
    /// page shows a class by default.
    pub fn goal_course(&self) -> Option<&str> {
        let goals: Vec<&str> = self
            .students
            .iter()
            .filter_map(|student| student.goals.course.as_deref())
            .collect();
        let mut best: Option<(&str, usize)> = None;
        for goal in &goals {
            let count = goals.iter().filter(|other| *other == goal).count();
            if best.is_none_or(|(_, most)| count > most) {
                best = Some((goal, count));
            }
        }
        best.map(|(goal, _)| goal)
    }

    /// Adds a progress file that has been loaded and checked against the curriculum.
    /// A learner already here gets the union of both logs by attempt id: nothing
    /// lost, nothing doubled, whatever order the files come in.
    pub fn add(&mut self, bundle: ProgressBundle) -> Added {
        self.add_replayed(bundle, None)
    }

    /// [`ClassRecord::add`] for a file whose log was replayed already: `replayed`
    /// must be [`ReplayedLog::of`] the bundle's attempts. A student new to the class
    /// then takes the log as it is, with its replay.
    pub(crate) fn add_replayed(
        &mut self,
        mut bundle: ProgressBundle,
        replayed: Option<ReplayedLog>,
    ) -> Added {
        let stated = bundle.levels.take().map(|levels| StatedLevels {
            levels,
            attempts: bundle.attempts.len(),
        });
        let existing = self
            .students
            .iter_mut()
            .find(|student| student.owns(&bundle));
        let added = match existing {
            None => {
                // A replayed log is canonical with every id once: what merging it
                // into an empty log would give.
                let (attempts, new_attempts, conflicts) = if replayed.is_some() {
                    let count = bundle.attempts.len();
                    (bundle.attempts, count, Vec::new())
                } else {
                    let mut attempts = Vec::new();
                    let (new_attempts, conflicts) = merge_into(&mut attempts, bundle.attempts);
                    (attempts, new_attempts, conflicts)
                };
                let mut activity = Vec::new();
                merge_days(&mut activity, &bundle.activity);
                self.students.push(ClassStudent {
                    learner: bundle.learner,
                    goals: bundle.goals,
                    attempts,
                    exported_at: bundle.exported_at,
                    class: bundle.class,
                    stated,
                    replayed,
                    activity,
                });
                Added {
                    new_attempts,
                    new_student: true,
                    conflicts: conflicts.len(),
                }
            }
            Some(student) => {
                merge_days(&mut student.activity, &bundle.activity);
                let (new_attempts, conflicts) = merge_into(&mut student.attempts, bundle.attempts);
                if new_attempts > 0 {
                    student.replayed = None;
                }
                if student.class.is_none() {
                    student.class = bundle.class.clone();
                }
                if bundle.exported_at >= student.exported_at {
                    student.stated = stated;
                }
                if bundle.exported_at > student.exported_at {
                    student.learner = bundle.learner;
                    student.goals = bundle.goals;
                    student.exported_at = bundle.exported_at;
                }
                Added {
                    new_attempts,
                    new_student: false,
                    conflicts: conflicts.len(),
                }
            }
        };
        order::sort_by_cached_key(&mut self.students, |student| {
            (
                lowercase(&student.learner.nickname),
                student.learner.id.clone(),
            )
        });
        added
    }

    /// When the newest file of the class was exported (0 for an empty class).
    pub fn latest_export(&self) -> Millis {
        self.students
            .iter()
            .map(|student| student.exported_at)
            .max()
            .unwrap_or(0)
    }

    /// Every student's log replayed against the curriculum at `now`; a replay made
    /// ahead against this same curriculum is used instead of replaying again.
    pub fn replay(&self, curriculum: &Curriculum, now: Millis) -> Vec<StudentReplay<'_>> {
        let mut hash = None;
        self.students
            .iter()
            .map(|student| {
                let ahead = student.replayed.as_ref().filter(|ahead| {
                    ahead.curriculum_hash == *hash.get_or_insert_with(|| curriculum.content_hash())
                });
                let replay = match ahead {
                    Some(ahead) => {
                        let mut replay = ahead.replay.clone();
                        replay.now = now;
                        replay
                    }
                    None => replay(curriculum, &student.attempts, now),
                };
                StudentReplay { student, replay }
            })
            .collect()
    }
}

pub struct StudentReplay<'a> {
    pub student: &'a ClassStudent,
    pub replay: Replay,
}

// ------------------------------------------------------------------ mastery grid

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridColumn {
    pub unit: String,
    pub objective: String,
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    pub level: MasteryLevel,
    /// The assessment that set the level, if any: the reason shown with it.
    pub evidence: Option<Evidence>,
    /// Where a readiness check left the objective, when it did: a level alone
    /// would say "not started" of a student who is locked out or looking back.
    pub readiness: Option<ReadinessMark>,
}

/// What a readiness check decided about an objective, for one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReadinessMark {
    /// Its unit is locked: the readiness check sent the student back to the
    /// units it needs.
    Locked,
    /// A readiness check found it a gap, or found gaps from earlier units before
    /// its unit: the student is looking back at them first.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub learner: Learner,
    /// The student's goal course, when it is another course than the grid's.
    pub goal_elsewhere: Option<String>,
    pub cells: Vec<GridCell>,
    pub mastered: usize,
    pub level_check: LevelCheck,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasteryGrid {
    pub columns: Vec<GridColumn>,
    pub rows: Vec<GridRow>,
}

/// Students × objectives of one course: each level with the evidence behind it,
/// and the objectives a readiness check locked or found to be gaps.
pub fn mastery_grid(
    curriculum: &Curriculum,
    course: &Course,
    class: &[StudentReplay],
) -> MasteryGrid {
    let columns: Vec<GridColumn> = course
        .units
        .iter()
        .flat_map(|unit| {
            unit.objectives.iter().map(|objective| GridColumn {
                unit: unit.id.clone(),
                objective: objective.id.clone(),
                target: objective.target.clone(),
            })
        })
        .collect();
    let rows = class
        .iter()
        .map(|entry| {
            let gaps: Vec<String> = curriculum
                .units()
                .flat_map(|(_, unit)| match entry.replay.stage(&unit.id) {
                    UnitStage::Gaps { objectives } => objectives,
                    _ => Vec::new(),
                })
                .collect();
            let cells: Vec<GridCell> = columns
                .iter()
                .map(|column| {
                    let progress = entry.replay.objective(&column.objective);
                    let readiness = match entry.replay.stage(&column.unit) {
                        UnitStage::Locked { .. } => Some(ReadinessMark::Locked),
                        UnitStage::Gaps { .. } => Some(ReadinessMark::Gap),
                        _ => gaps
                            .contains(&column.objective)
                            .then_some(ReadinessMark::Gap),
                    };
                    GridCell {
                        level: progress.level,
                        evidence: progress.evidence,
                        readiness,
                    }
                })
                .collect();
            let goal = entry.student.goals.course.as_deref();
            GridRow {
                learner: entry.student.learner.clone(),
                goal_elsewhere: goal
                    .filter(|goal| *goal != course.id && curriculum.course(goal).is_some())
                    .map(str::to_string),
                mastered: cells
                    .iter()
                    .filter(|cell| cell.level == MasteryLevel::Mastered)
                    .count(),
                cells,
                level_check: entry.student.level_check(&entry.replay),
            }
        })
        .collect();
    MasteryGrid { columns, rows }
}

// ------------------------------------------------------------ groups per unit

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectiveNeed {
    pub learner: Learner,
    /// The unit's objectives this student has evidence on but is below Proficient in.
    pub objectives: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TutorSuggestion {
    pub objective: String,
    pub stuck: Learner,
    /// Classmates who have mastered the objective.
    pub tutors: Vec<Learner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitGroups {
    pub unit: String,
    pub needs_correctives: Vec<CorrectiveNeed>,
    /// Students at or above Proficient on every objective of the unit.
    pub ready_for_enrichment: Vec<Learner>,
    /// Students with no evidence on the unit yet.
    pub not_started: Vec<Learner>,
    pub tutors: Vec<TutorSuggestion>,
}

/// Per unit of the course: who needs correctives (for which objectives), who is
/// ready for enrichment, and who could help whom.
pub fn unit_groups(course: &Course, class: &[StudentReplay]) -> Vec<UnitGroups> {
    course
        .units
        .iter()
        .map(|unit| {
            let mut groups = UnitGroups {
                unit: unit.id.clone(),
                needs_correctives: Vec::new(),
                ready_for_enrichment: Vec::new(),
                not_started: Vec::new(),
                tutors: Vec::new(),
            };
            for entry in class {
                let levels: Vec<(&str, MasteryLevel)> = unit
                    .objectives
                    .iter()
                    .map(|o| (o.id.as_str(), entry.replay.level(&o.id)))
                    .collect();
                let learner = entry.student.learner.clone();
                if levels.iter().all(|(_, l)| *l == MasteryLevel::NotStarted) {
                    groups.not_started.push(learner);
                    continue;
                }
                let below: Vec<String> = levels
                    .iter()
                    .filter(|(_, l)| {
                        *l != MasteryLevel::NotStarted && *l < MasteryLevel::Proficient
                    })
                    .map(|(id, _)| id.to_string())
                    .collect();
                if below.is_empty() {
                    if levels.iter().all(|(_, l)| *l >= MasteryLevel::Proficient) {
                        groups.ready_for_enrichment.push(learner);
                    }
                    continue;
                }
                for objective in &below {
                    let tutors: Vec<Learner> = class
                        .iter()
                        .filter(|other| other.replay.level(objective) == MasteryLevel::Mastered)
                        .take(TUTORS_PER_NEED)
                        .map(|other| other.student.learner.clone())
                        .collect();
                    if !tutors.is_empty() {
                        groups.tutors.push(TutorSuggestion {
                            objective: objective.clone(),
                            stuck: learner.clone(),
                            tutors,
                        });
                    }
                }
                groups.needs_correctives.push(CorrectiveNeed {
                    learner,
                    objectives: below,
                });
            }
            groups
        })
        .collect()
}

// ------------------------------------------------------ attempts until success

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistenceRow {
    pub learner: Learner,
    pub unit: String,
    /// Scored sittings of the unit so far.
    pub sittings: u32,
    /// How many scored tries it took until every objective was mastered.
    pub mastered_after: Option<u32>,
    /// Success after [`MANY_TRIES`] or more tries.
    pub highlight: bool,
}

/// Per student and unit they have worked on: tries so far, and how many it took to
/// master the unit, with success after many tries highlighted.
pub fn persistence(course: &Course, class: &[StudentReplay]) -> Vec<PersistenceRow> {
    let mut rows = Vec::new();
    for entry in class {
        for unit in &course.units {
            let sittings = entry.replay.unit(&unit.id).map_or(0, |u| u.sittings);
            if sittings == 0 {
                continue;
            }
            let tries: Option<Vec<u32>> = unit
                .objectives
                .iter()
                .map(|o| entry.replay.objective(&o.id).sittings_to_mastery)
                .collect();
            let mastered_after = tries.and_then(|tries| tries.into_iter().max());
            rows.push(PersistenceRow {
                learner: entry.student.learner.clone(),
                unit: unit.id.clone(),
                sittings,
                mastered_after,
                highlight: mastered_after.is_some_and(|n| n >= MANY_TRIES),
            });
        }
    }
    rows
}

// ------------------------------------------------------------------ activity

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityRow {
    pub learner: Learner,
    pub goal_minutes: u32,
    /// (first day of the week as days since 1970-01-01, active minutes), oldest first.
    pub weeks: Vec<(i64, u32)>,
}

/// Active minutes per week for the `weeks` weeks up to the one holding `now`,
/// against each weekly goal: the student's own days (what their screen showed,
/// reading included) when their files carry them, else the active seconds
/// recorded with every answer (files made before).
pub fn weekly_activity(
    class: &ClassRecord,
    now: Millis,
    offset_minutes: i64,
    weeks: usize,
) -> Vec<ActivityRow> {
    let this_week = week_start(local_day(now, offset_minutes));
    let first = this_week - 7 * (weeks.saturating_sub(1) as i64);
    class
        .students
        .iter()
        .map(|student| {
            let mut seconds: BTreeMap<i64, u64> =
                (0..weeks as i64).map(|n| (first + 7 * n, 0)).collect();
            let days = student
                .activity
                .iter()
                .map(|entry| (entry.day, entry.seconds));
            let answers = student.attempts().iter().map(|attempt| {
                (
                    local_day(attempt.at, offset_minutes),
                    attempt.active_seconds,
                )
            });
            let mut count = |(day, active): (i64, u32)| {
                if let Some(total) = seconds.get_mut(&week_start(day)) {
                    *total += u64::from(active);
                }
            };
            if student.activity.is_empty() {
                answers.for_each(&mut count);
            } else {
                days.for_each(&mut count);
            }
            ActivityRow {
                learner: student.learner.clone(),
                goal_minutes: student.goals.weekly_minutes,
                weeks: seconds
                    .into_iter()
                    .map(|(week, s)| (week, u32::try_from(s / 60).unwrap_or(u32::MAX)))
                    .collect(),
            }
        })
        .collect()
}

// ------------------------------------------------------------- item analysis

/// An item is among the most missed only once this many students answered it, so
/// one student's bad day is not a class's difficulty.
pub const MIN_STUDENTS_FOR_ITEM: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemStats {
    pub item: String,
    pub objective: String,
    /// The objective's learning target.
    pub target: String,
    /// The question as a child saw it: one instance a student missed, with a
    /// template's values drawn, not its source.
    pub question: Question,
    /// Students who answered it.
    pub students: u32,
    pub attempts: u32,
    pub wrong: u32,
    /// The most frequent wrong answers, as typed or chosen, with their counts.
    pub wrong_answers: Vec<(String, u32)>,
    /// Misconceptions the wrong answers showed, most frequent first.
    pub misconceptions: Vec<(String, u32)>,
}

/// A question as one instance showed it: its prompt (the safe Markdown subset,
/// with any pictures in it) and the picture it was answered on, if any.
/// masterly-text says it in plain words, the pictures described.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub prompt: String,
    pub picture: Option<Diagram>,
}

impl ItemStats {
    pub fn wrong_percent(&self) -> u32 {
        (self.wrong * 100).checked_div(self.attempts).unwrap_or(0)
    }
}

/// The `top` most-missed items of the course's objectives (by share of wrong
/// answers, then count), among those answered by at least
/// [`MIN_STUDENTS_FOR_ITEM`] students and missed at least once, each with its
/// `top` most frequent wrong answers and misconceptions (by name).
pub fn item_analysis(
    curriculum: &Curriculum,
    course: &Course,
    class: &ClassRecord,
    top: usize,
) -> Vec<ItemStats> {
    struct Tally<'c> {
        item: &'c Item,
        objective: String,
        /// Students who answered it, and the last of them counted.
        students: u32,
        last_student: Option<usize>,
        /// The seed of the latest wrong answer: the instance shown.
        missed_seed: Option<(Millis, u64)>,
        attempts: u32,
        wrong: u32,
        /// Wrong responses as given; told as text once all are counted.
        answers: HashMap<&'c Response, u32>,
        misconceptions: HashMap<String, u32>,
    }
    // Each item is looked up once (None: not in this curriculum); each copy of its
    // id finds its place in `tallies` once.
    let mut tallies: Vec<(&str, Option<Tally>)> = Vec::new();
    let mut place_of: HashMap<&str, usize> = HashMap::default();
    let mut place_of_copy = SharedIdMemo::default();
    let in_course = |objective: &str| {
        course
            .units
            .iter()
            .any(|unit| unit.objectives.iter().any(|o| o.id == objective))
    };
    let attempts = class
        .students
        .iter()
        .enumerate()
        .flat_map(|(student, s)| s.attempts().iter().map(move |a| (student, a)));
    for (student, attempt) in attempts {
        let place = place_of_copy.get_or(&attempt.item, |item_id| {
            *place_of.entry(item_id).or_insert_with(|| {
                let tally = curriculum
                    .item(item_id)
                    .filter(|_| in_course(&attempt.objective))
                    .map(|item| Tally {
                        item,
                        objective: attempt.objective.to_string(),
                        students: 0,
                        last_student: None,
                        missed_seed: None,
                        attempts: 0,
                        wrong: 0,
                        answers: HashMap::default(),
                        misconceptions: HashMap::default(),
                    });
                tallies.push((item_id, tally));
                tallies.len() - 1
            })
        });
        let Some(tally) = &mut tallies[place].1 else {
            continue;
        };
        if tally.last_student != Some(student) {
            tally.last_student = Some(student);
            tally.students += 1;
        }
        tally.attempts += 1;
        if attempt.correct {
            continue;
        }
        tally.wrong += 1;
        if tally.missed_seed.is_none_or(|(at, _)| attempt.at >= at) {
            tally.missed_seed = Some((attempt.at, attempt.seed));
        }
        *tally.answers.entry(&attempt.response).or_default() += 1;
        if let Some(misconception) = &attempt.misconception {
            *tally
                .misconceptions
                .entry(misconception.clone())
                .or_default() += 1;
        }
    }
    // Responses that read the same (an answer typed with spaces around it) count
    // as one answer.
    let told = |item: &Item, answers: HashMap<&Response, u32>| {
        let mut counts: HashMap<String, u32> = HashMap::default();
        for (response, count) in answers {
            *counts.entry(shown_answer(item, response)).or_default() += count;
        }
        counts
    };
    let most = |counts: HashMap<String, u32>| {
        let mut counts: Vec<(String, u32)> = counts.into_iter().collect();
        order::sort_by(&mut counts, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        counts.truncate(top);
        counts
    };
    let named = |misconceptions: HashMap<String, u32>| {
        let mut by_name: HashMap<String, u32> = HashMap::default();
        for (id, count) in misconceptions {
            let name = curriculum
                .misconception(&id)
                .map_or(id, |misconception| misconception.name.clone());
            *by_name.entry(name).or_default() += count;
        }
        by_name
    };
    let mut stats: Vec<ItemStats> = tallies
        .into_iter()
        .filter_map(|(item, tally)| tally.map(|tally| (item, tally)))
        .filter(|(_, tally)| tally.students >= MIN_STUDENTS_FOR_ITEM && tally.wrong > 0)
        .map(|(item, tally)| ItemStats {
            item: item.to_string(),
            target: curriculum
                .objective(&tally.objective)
                .map_or_else(|| tally.objective.clone(), |(_, o)| o.target.clone()),
            objective: tally.objective,
            question: question_as_seen(tally.item, tally.missed_seed.map_or(0, |(_, seed)| seed)),
            students: tally.students,
            attempts: tally.attempts,
            wrong: tally.wrong,
            wrong_answers: most(told(tally.item, tally.answers)),
            misconceptions: most(named(tally.misconceptions)),
        })
        .collect();
    order::sort_by(&mut stats, |a, b| {
        // Compare wrong shares exactly: a.wrong / a.attempts vs b.wrong / b.attempts.
        (u64::from(b.wrong) * u64::from(a.attempts))
            .cmp(&(u64::from(a.wrong) * u64::from(b.attempts)))
            .then_with(|| b.wrong.cmp(&a.wrong))
            .then_with(|| a.item.cmp(&b.item))
    });
    stats.truncate(top);
    stats
}

/// An item's question as the instance of `seed` shows it; the item's own prompt
/// when that instance cannot be drawn.
fn question_as_seen(item: &Item, seed: u64) -> Question {
    match ItemInstance::generate(item, seed) {
        Ok(instance) => Question {
            prompt: instance.prompt,
            picture: instance.diagram,
        },
        Err(_) => Question {
            prompt: item.prompt.clone(),
            picture: None,
        },
    }
}

/// A response as the item analysis shows it: the choice's text, the typed answer,
/// the entries in the order given.
fn shown_answer(item: &Item, response: &Response) -> String {
    let choices = item.choices.as_deref().unwrap_or_default();
    let sequence = item.sequence.as_deref().unwrap_or_default();
    match response {
        Response::Choice { index } => choices
            .get(*index)
            .map_or_else(|| format!("choice {}", index + 1), |c| c.text.clone()),
        Response::Choices { indices } => indices
            .iter()
            .map(|i| choices.get(*i).map_or("?", |c| c.text.as_str()))
            .collect::<Vec<_>>()
            .join(" + "),
        Response::Number { text } | Response::Text { text } => text.trim().to_string(),
        Response::Order { order } => order
            .iter()
            .map(|i| sequence.get(*i).map_or("?", String::as_str))
            .collect::<Vec<_>>()
            .join(" → "),
    }
}

// ------------------------------------------------------------- goal progress

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalRow {
    pub learner: Learner,
    /// The goal course, when the student has one that this curriculum holds.
    pub course: Option<String>,
    pub target_date: Option<String>,
    pub mastered: usize,
    pub total: usize,
    /// Days left until the target date (negative once it has passed).
    pub days_left: Option<i64>,
}

/// Each student's progress towards their course goal: objectives mastered of the
/// goal course.
pub fn goal_progress(curriculum: &Curriculum, class: &[StudentReplay]) -> Vec<GoalRow> {
    class
        .iter()
        .map(|entry| {
            let goals = &entry.student.goals;
            let course = goals.course.as_deref().and_then(|id| curriculum.course(id));
            let (mastered, total) =
                course.map_or((0, 0), |course| entry.replay.course_progress(course));
            let days_left = goals
                .target_date
                .as_deref()
                .and_then(days_from_date)
                .map(|day| day - entry.replay.now.div_euclid(DAY_MS));
            GoalRow {
                learner: entry.student.learner.clone(),
                course: course.map(|c| c.id.clone()),
                target_date: goals.target_date.clone(),
                mastered,
                total,
                days_left,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------- CSV

/// Rows as CSV (RFC 4180, CRLF line ends). Cells are quoted when needed, and a cell
/// that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or
/// carriage return) is prefixed with `'` so that it stays text: nicknames and
/// answers come from students' files.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(cell: &str) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it_and_keeps_formulas_as_text() {
        let rows = vec![
            vec!["name".to_string(), "note".to_string()],
            vec!["Ana, B.".to_string(), "said \"hi\"".to_string()],
            vec!["=HYPERLINK(1)".to_string(), "-3".to_string()],
            vec!["@sum".to_string(), "line\nbreak".to_string()],
        ];
        assert_eq!(
            to_csv(&rows),
            "name,note\r\n\"Ana, B.\",\"said \"\"hi\"\"\"\r\n'=HYPERLINK(1),-3\r\n'@sum,\"line\nbreak\"\r\n"
        );
    }
}
