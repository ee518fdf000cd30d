//! The attempt log: every answer a student gives, append-only. Everything else a
//! student or teacher sees (levels, stages, reviews, reports) is derived from it by
//! replay, so the log is the one thing that must never be lost or doubled.

use crate::content::item::Response;
use crate::content::rng::FastMap as HashMap;
use crate::learning::shared_id::SharedId;
use crate::order;
use crate::time::Millis;
use serde::{Deserialize, Serialize};

/// The kinds of assessment in the mastery cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// The pre-assessment of a unit's prerequisite objectives.
    Readiness,
    FormativeA,
    /// A parallel formative: the same objectives, new item instances.
    FormativeB,
    /// The summative unit test, mixed over all the unit's objectives.
    UnitTest,
    /// A test sampling a whole course, to show mastery and skip ahead.
    CourseChallenge,
    /// A spaced review of mastered objectives.
    Review,
    /// Corrective practice with hints; it does not change levels.
    Practice,
}

impl AssessmentKind {
    /// Mixed assessments interleave objectives; at the bar in one, a proficient
    /// objective becomes mastered.
    pub fn is_mixed(self) -> bool {
        matches!(
            self,
            AssessmentKind::UnitTest | AssessmentKind::CourseChallenge | AssessmentKind::Review
        )
    }
}

/// One sitting of an assessment: the answers given to one planned set of items.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sitting {
    pub id: SharedId,
    pub kind: AssessmentKind,
    /// How many items were planned; the sitting counts once this many are answered.
    pub size: u32,
    /// The unit the sitting is for (the unit being entered, for a readiness check);
    /// none for course challenges and reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<SharedId>,
    /// The course a course challenge covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// Unique across every device and learner (the shell makes 128 random bits).
    pub id: String,
    /// When the answer was submitted.
    pub at: Millis,
    pub sitting: Sitting,
    pub unit: SharedId,
    pub objective: SharedId,
    pub item: SharedId,
    /// With the item, fixes the exact question shown (see `ItemInstance`).
    pub seed: u64,
    pub response: Response,
    pub correct: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misconception: Option<String>,
    #[serde(default)]
    pub hints_used: u32,
    /// Seconds of active work on the item (tab visible, recent interaction).
    #[serde(default)]
    pub active_seconds: u32,
}

impl Attempt {
    /// Whether both answer the same planned question: the same sitting, item and
    /// seed (in any sitting, replay counts only the first answer to a question).
    pub fn answers_same_question(&self, other: &Attempt) -> bool {
        self.sitting.id == other.sitting.id && self.item == other.item && self.seed == other.seed
    }
}

/// Two attempts share an id but differ: a sign of a corrupted or edited file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    pub id: String,
}

/// The union of two logs by attempt id: nothing lost, nothing doubled, in
/// (time, id) order. Merging is commutative and idempotent for consistent logs;
/// when the same id carries different content, the first log's version is kept
/// and the id is reported.
pub fn merge_logs(first: &[Attempt], second: &[Attempt]) -> (Vec<Attempt>, Vec<MergeConflict>) {
    let mut by_id: HashMap<&str, &Attempt> =
        HashMap::with_capacity_and_hasher(first.len() + second.len(), Default::default());
    let mut conflicts = Vec::new();
    for attempt in first.iter().chain(second) {
        match by_id.get(attempt.id.as_str()) {
            Some(existing) if *existing != attempt => conflicts.push(MergeConflict {
                id: attempt.id.clone(),
            }),
            Some(_) => {}
            None => {
                by_id.insert(&attempt.id, attempt);
            }
        }
    }
    let mut merged: Vec<Attempt> = by_id.into_values().cloned().collect();
    sort_log(&mut merged);
    order::sort_by(&mut conflicts, |a, b| a.id.cmp(&b.id));
    conflicts.dedup();
    (merged, conflicts)
}

/// Adds `incoming` to `log` by attempt id, as [`merge_logs`] does (the version
/// already in `log` wins a conflict), moving attempts rather than copying them.
/// Returns how many attempts were new and the conflicting ids; `log` ends in
/// canonical order.
pub fn merge_into(log: &mut Vec<Attempt>, incoming: Vec<Attempt>) -> (usize, Vec<MergeConflict>) {
    let mut conflicts = Vec::new();
    // Which incoming attempts are new: the first of each id not in the log. Found
    // with borrowed ids, then moved in one pass.
    let mut new = vec![false; incoming.len()];
    {
        let known: HashMap<&str, usize> = log
            .iter()
            .enumerate()
            .map(|(index, attempt)| (attempt.id.as_str(), index))
            .collect();
        let mut first_of: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(incoming.len(), Default::default());
        for (index, attempt) in incoming.iter().enumerate() {
            let existing = match known.get(attempt.id.as_str()) {
                Some(&known) => Some(&log[known]),
                None => first_of
                    .get(attempt.id.as_str())
                    .map(|&first| &incoming[first]),
            };
            match existing {
                Some(existing) if existing != attempt => conflicts.push(MergeConflict {
                    id: attempt.id.clone(),
                }),
                Some(_) => {}
                None => {
                    first_of.insert(&attempt.id, index);
                    new[index] = true;
                }
            }
        }
    }
    let before = log.len();
    log.reserve(new.iter().filter(|new| **new).count());
    log.extend(
        incoming
            .into_iter()
            .zip(new)
            .filter_map(|(attempt, new)| new.then_some(attempt)),
    );
    let added = log.len() - before;
    sort_log(log);
    order::sort_by(&mut conflicts, |a, b| a.id.cmp(&b.id));
    conflicts.dedup();
    (added, conflicts)
}

/// The canonical order of a log: by time, then id, so equal sets sort equally.
pub fn sort_log(log: &mut [Attempt]) {
    order::sort_by(log, |a, b| canonical_key(a).cmp(&canonical_key(b)));
}

/// Whether a log is in canonical order with no id twice at the same time (as
/// Masterly writes files).
pub fn in_canonical_order(log: &[Attempt]) -> bool {
    log.windows(2)
        .all(|pair| canonical_key(&pair[0]) < canonical_key(&pair[1]))
}

fn canonical_key(attempt: &Attempt) -> (Millis, &str) {
    (attempt.at, &attempt.id)
}

/// `attempts` (of any sittings, in any order) with only the earliest answer to each
/// planned question: the same sitting, item and seed. Replay counts the first answer
/// to each question and nothing after it, and results count the same: a second
/// answer given in another tab, or a further try in practice, stays in the log.
/// Earliest is by time, then id, as replay orders the log.
pub fn one_answer_per_question(mut attempts: Vec<&Attempt>) -> Vec<&Attempt> {
    let mut first: Vec<&Attempt> = Vec::with_capacity(attempts.len());
    crate::order::sort_by(&mut attempts, |a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    for attempt in attempts {
        if !first.iter().any(|kept| kept.answers_same_question(attempt)) {
            first.push(attempt);
        }
    }
    first
}
