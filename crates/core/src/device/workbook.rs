//! One learner's work on one curriculum, as the app keeps it between visits: the
//! attempt log, goals, active time per day, and where the student was (the page,
//! and the sitting under way with its planned items and hints shown), so that a
//! reload returns the student to exactly that place. Copies written by another tab
//! are folded in with [`Workbook::merge_from`]: attempts are a union by id, so no
//! tab ever drops another's answers.

use crate::content::rng::FastSet;
use crate::device::compact::CompactLog;
use crate::format::class_file::RosterEntry;
use crate::format::json::FileKind;
use crate::format::progress::{ClassRef, CurriculumRef, Goals, Learner, ProgressBundle};
use crate::learning::attempt::{
    merge_into, merge_logs, one_answer_per_question, AssessmentKind, Attempt,
};
use crate::learning::plan::{PlannedItem, SittingPlan};
use crate::learning::replay::Replay;
use crate::time::{Millis, DAY_MS, MINUTE_MS};
use serde::{Deserialize, Serialize};

/// The kind written into the storage envelope of a workbook.
pub const WORKBOOK_KIND: &str = "workbook";

/// What every workbook's storage key (and its archive's) begins with.
pub const WORKBOOK_PREFIX: &str = "masterly.workbook.";

/// The storage key of a learner's workbook for a curriculum.
pub fn workbook_key(learner_id: &str, curriculum_id: &str) -> String {
    format!("{WORKBOOK_PREFIX}{learner_id}.{curriculum_id}")
}

/// What an archive chunk of a workbook is stored as: a log of its older attempts.
pub const ARCHIVE_KIND: &str = "workbook-archive";

/// The storage key of the single archive a Masterly before archive chunks kept
/// beside a workbook's key (read, then moved into a chunk).
pub fn archive_key(workbook_key: &str) -> String {
    format!("{workbook_key}.archive")
}

/// What the keys of a workbook's archive chunks begin with. The workbook itself
/// keeps only the attempts not yet archived, so saving an answer writes little
/// however long the log has grown; now and then they are moved into a new chunk,
/// which is written once and never again, so it needs no last good copy.
pub fn chunk_prefix(workbook_key: &str) -> String {
    format!("{workbook_key}.chunk.")
}

/// The key of a workbook's archive chunk `name` (a page's own, so that two tabs
/// never write the same chunk).
pub fn chunk_key(workbook_key: &str, name: &str) -> String {
    format!("{}{name}", chunk_prefix(workbook_key))
}

/// Whether `key` holds archived attempts of some workbook: a chunk, or the single
/// archive kept before chunks.
pub fn holds_archive(key: &str) -> bool {
    key.starts_with(WORKBOOK_PREFIX) && (key.ends_with(".archive") || key.contains(".chunk."))
}

/// The kind of stored value a workbook's key, or its archive's, holds.
pub fn stored_kind(key: &str) -> &'static str {
    if holds_archive(key) {
        ARCHIVE_KIND
    } else {
        WORKBOOK_KIND
    }
}

/// Attempts kept in the workbook itself before they are moved to a chunk.
pub const ARCHIVE_AFTER: usize = 200;

/// A list of attempts as stored in an archive: the compact form (`compact.rs`).
pub fn archive_to_stored(attempts: &[Attempt]) -> String {
    serde_json::to_string(&CompactLog::of(attempts)).unwrap_or_default()
}

/// Which stored value could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// An archive chunk of older answers.
    Archive,
    /// A learner's workbook.
    Workbook,
    /// The device's list of learners.
    Profiles,
}

/// Why a stored value that passed the store's envelope check is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredError {
    /// Its JSON is not the value's shape; `detail` is the parser's account.
    Unreadable { what: Stored, detail: String },
    /// A workbook of another learner or curriculum than its key says: never shown,
    /// so one learner cannot see another's work.
    OtherOwner { learner: String, curriculum: String },
}

impl StoredError {
    pub(crate) fn unreadable(what: Stored, error: &serde_json::Error) -> StoredError {
        StoredError::Unreadable {
            what,
            detail: error.to_string(),
        }
    }
}

/// Reads an archive back, in the compact form or as the list of attempts stored
/// before it.
pub fn archive_from_stored(text: &str) -> Result<Vec<Attempt>, StoredError> {
    #[derive(serde::Deserialize)]
    struct Archive(#[serde(with = "crate::device::compact::stored_log")] Vec<Attempt>);
    crate::format::objects_only::from_str::<Archive>(text)
        .map(|archive| archive.0)
        .map_err(|error| StoredError::unreadable(Stored::Archive, &error))
}

/// Where in the app the student is. Read by hand (`crate::format::tagged`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "page", rename_all = "snake_case")]
pub enum Place {
    #[default]
    CourseMap,
    Unit {
        unit: String,
    },
    /// Answering the items of the active sitting.
    Sitting,
    /// The outcome of a finished sitting.
    Results {
        sitting: String,
    },
}

/// A sitting the student has started and not finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveSitting {
    pub plan: SittingPlan,
    /// The planned item being answered, as an index into `plan.items`.
    pub position: usize,
    /// Hints shown for the current item.
    pub hints_shown: u32,
    /// Answers given to the current item (practice allows trying again).
    pub tries: u32,
    /// The attempt whose feedback is showing, if the student has not moved on.
    pub feedback: Option<String>,
    /// Where to go when the sitting ends.
    pub return_to: Place,
}

impl ActiveSitting {
    pub fn new(plan: SittingPlan, return_to: Place) -> ActiveSitting {
        ActiveSitting {
            plan,
            position: 0,
            hints_shown: 0,
            tries: 0,
            feedback: None,
            return_to,
        }
    }

    pub fn current(&self) -> Option<&PlannedItem> {
        self.plan.items.get(self.position)
    }

    /// Whether the current item is the plan's last. `position` is read back from
    /// storage, so it is not trusted to leave room for one more.
    pub fn is_last(&self) -> bool {
        self.position.saturating_add(1) >= self.plan.items.len()
    }
}

use crate::format::progress::merge_days;
pub use crate::format::progress::DayActivity;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    pub learner: Learner,
    pub curriculum: CurriculumRef,
    /// The course being studied.
    #[serde(default)]
    pub course: Option<String>,
    /// Stored in the compact form (`compact.rs`); the list of attempts stored
    /// before it is still read.
    #[serde(with = "crate::device::compact::stored_log")]
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub goals: Goals,
    #[serde(default)]
    pub place: Place,
    #[serde(default)]
    pub sitting: Option<ActiveSitting>,
    #[serde(default)]
    pub activity: Vec<DayActivity>,
    /// The class joined from a teacher's class file; progress files carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<ClassRef>,
    /// The progress file of this workbook last saved on this device: a teacher
    /// may free the space once it holds every answer (`free_space.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<Exported>,
    /// What the whole log held at the last save, archived answers included,
    /// written so that the teacher's page can tell whether a saved progress file
    /// holds everything without reading the log (`free_space.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds: Option<Holds>,
}

/// A progress file saved from this device: how many answers it held, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Exported {
    pub answers: usize,
    pub at: Millis,
}

/// How many answers a workbook's whole log holds, and when the newest was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holds {
    pub answers: usize,
    pub newest: Millis,
}

impl Exported {
    /// Whether this file holds every answer of a log that holds `holds`: it was
    /// saved after the newest, with at least as many.
    pub fn holds_all(self, holds: Holds) -> bool {
        self.at >= holds.newest && self.answers >= holds.answers
    }
}

impl Workbook {
    pub fn new(learner: Learner, curriculum: CurriculumRef) -> Workbook {
        Workbook {
            learner,
            curriculum,
            course: None,
            attempts: Vec::new(),
            goals: Goals::default(),
            place: Place::CourseMap,
            sitting: None,
            activity: Vec::new(),
            class: None,
            exported: None,
            holds: None,
        }
    }

    /// Reads a stored workbook. A workbook of another learner or curriculum is
    /// refused, so a mixed-up key can never show one learner another's work.
    pub fn from_stored(
        text: &str,
        learner_id: &str,
        curriculum_id: &str,
    ) -> Result<Workbook, StoredError> {
        let workbook: Workbook = crate::format::objects_only::from_str(text)
            .map_err(|error| StoredError::unreadable(Stored::Workbook, &error))?;
        if workbook.learner.id != learner_id || workbook.curriculum.id != curriculum_id {
            return Err(StoredError::OtherOwner {
                learner: workbook.learner.id,
                curriculum: workbook.curriculum.id,
            });
        }
        Ok(workbook)
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The workbook as stored beside an archive: only the attempts whose ids are
    /// not in `archived`, with what the whole log holds.
    pub fn to_stored_beside(&mut self, archived: &FastSet<String>) -> String {
        self.holds = Some(Holds {
            answers: self.attempts.len(),
            newest: self.attempts.iter().map(|a| a.at).max().unwrap_or(0),
        });
        let all = std::mem::take(&mut self.attempts);
        self.attempts = all
            .iter()
            .filter(|attempt| !archived.contains(&attempt.id))
            .cloned()
            .collect();
        let text = self.to_stored();
        self.attempts = all;
        text
    }

    /// Starts a sitting; any unfinished one is left (its answers stay in the log).
    pub fn start_sitting(&mut self, plan: SittingPlan) {
        let return_to = match &self.place {
            Place::Sitting | Place::Results { .. } => Place::CourseMap,
            other => other.clone(),
        };
        self.sitting = Some(ActiveSitting::new(plan, return_to));
        self.place = Place::Sitting;
    }

    /// Records an answer to the current item and marks its feedback as showing.
    ///
    /// In a check or a test each planned question takes one answer. When the log
    /// already holds one for this question (given in another tab of the same
    /// learner, and merged in before this answer), that answer's feedback shows and
    /// this one is not recorded; gives whether it was. Practice takes every try.
    pub fn record(&mut self, attempt: Attempt) -> bool {
        let earlier = self
            .answer_to_question(&attempt)
            .map(|earlier| earlier.id.clone());
        if let Some(sitting) = &mut self.sitting {
            sitting.feedback = Some(earlier.clone().unwrap_or_else(|| attempt.id.clone()));
            if earlier.is_none() {
                sitting.tries = sitting.tries.saturating_add(1);
            }
        }
        if earlier.is_some() {
            return false;
        }
        self.attempts.push(attempt);
        true
    }

    /// The earlier answer in the log to the planned question `attempt` answers (same
    /// sitting, item and seed), unless the sitting is practice.
    fn answer_to_question(&self, attempt: &Attempt) -> Option<&Attempt> {
        if attempt.sitting.kind == AssessmentKind::Practice {
            return None;
        }
        self.attempts
            .iter()
            .find(|earlier| earlier.answers_same_question(attempt))
    }

    pub fn show_hint(&mut self, available: usize) {
        if let Some(sitting) = &mut self.sitting {
            if (sitting.hints_shown as usize) < available {
                sitting.hints_shown += 1;
            }
        }
    }

    /// Practice: hides the feedback so the same question can be answered again.
    pub fn try_again(&mut self) {
        if let Some(sitting) = &mut self.sitting {
            sitting.feedback = None;
        }
    }

    /// Moves past the current item; after the last one the sitting ends and the
    /// results are shown.
    pub fn advance(&mut self) {
        let Some(sitting) = &mut self.sitting else {
            return;
        };
        if sitting.is_last() {
            let id = sitting.plan.sitting.id.clone();
            self.sitting = None;
            self.place = Place::Results {
                sitting: id.to_string(),
            };
        } else {
            sitting.position += 1;
            sitting.hints_shown = 0;
            sitting.tries = 0;
            sitting.feedback = None;
        }
    }

    /// Leaves the sitting for later; it can be resumed where it stopped.
    pub fn pause_sitting(&mut self) {
        let back = self
            .sitting
            .as_ref()
            .map_or(Place::CourseMap, |sitting| sitting.return_to.clone());
        self.place = back;
    }

    pub fn go(&mut self, place: Place) {
        self.place = place;
    }

    pub fn attempt(&self, id: &str) -> Option<&Attempt> {
        self.attempts.iter().rev().find(|attempt| attempt.id == id)
    }

    /// The answers of one sitting that count, in the order given: the first answer
    /// to each question, as replay counts it (a try again in practice, or an answer
    /// another tab gave, stays in the log but is not counted twice).
    pub fn sitting_attempts(&self, sitting_id: &str) -> Vec<&Attempt> {
        one_answer_per_question(
            self.attempts
                .iter()
                .filter(|attempt| attempt.sitting.id == sitting_id)
                .collect(),
        )
    }

    pub fn add_active_seconds(&mut self, day: i64, seconds: u32) {
        if seconds == 0 {
            return;
        }
        match self.activity.iter_mut().find(|entry| entry.day == day) {
            Some(entry) => entry.seconds = entry.seconds.saturating_add(seconds),
            None => self.activity.push(DayActivity { day, seconds }),
        }
    }

    /// Active minutes in the seven days starting at `first_day`.
    pub fn active_minutes(&self, first_day: i64) -> u32 {
        let seconds: u64 = self
            .activity
            .iter()
            .filter(|entry| (first_day..first_day + 7).contains(&entry.day))
            .map(|entry| u64::from(entry.seconds))
            .sum();
        u32::try_from(seconds / 60).unwrap_or(u32::MAX)
    }

    /// Folds in a copy saved by another tab: every attempt of both is kept once;
    /// active time per day is the larger of the two (the same minutes are never
    /// counted twice). Where this tab is, stays as it is.
    pub fn merge_from(&mut self, other: &Workbook) {
        let (merged, _conflicts) = merge_logs(&self.attempts, &other.attempts);
        self.attempts = merged;
        merge_days(&mut self.activity, &other.activity);
        self.exported = self.exported.max(other.exported);
        if self.class.is_none() && other.class.is_some() {
            self.class = other.class.clone();
            self.goals = other.goals.clone();
        }
    }

    /// Joins a class from the teacher's class file as the student `entry`: the
    /// class and student id go into every progress file from now on, the
    /// teacher's goals replace the student's, and the goal course is opened.
    pub fn join_class(&mut self, class_id: &str, entry: &RosterEntry) {
        self.class = Some(ClassRef {
            class_id: class_id.to_string(),
            student_id: entry.id.clone(),
        });
        self.goals = entry.goals.clone();
        if entry.goals.course.is_some() {
            self.course = entry.goals.course.clone();
        }
    }

    /// Folds in the student's own progress file (another device, or a copy kept
    /// before storage was cleared): attempts are a union by id, so nothing is lost
    /// or doubled. A class the file joined is kept when this copy has none.
    /// Returns how many answers were new.
    pub fn merge_bundle(&mut self, bundle: ProgressBundle) -> usize {
        let (added, _conflicts) = merge_into(&mut self.attempts, bundle.attempts);
        if self.class.is_none() && bundle.class.is_some() {
            self.class = bundle.class;
            self.goals = bundle.goals;
        }
        added
    }

    /// The progress file the student hands in, with the levels this device shows
    /// (`replayed` from this workbook's log) so the teacher's import can check them.
    pub fn export(&self, replayed: &Replay, now: Millis) -> ProgressBundle {
        ProgressBundle {
            format: FileKind::Progress.format().to_string(),
            format_version: FileKind::Progress.newest_version(),
            learner: self.learner.clone(),
            curriculum: self.curriculum.clone(),
            class: self.class.clone(),
            attempts: self.attempts.clone(),
            goals: self.goals.clone(),
            exported_at: now,
            levels: Some(replayed.stated_levels()),
            activity: self.activity.clone(),
        }
    }
}

/// How one objective went in one sitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveScore {
    pub objective: String,
    pub correct: u32,
    pub total: u32,
}

/// Scores per objective, in the order the objectives first appear.
pub fn score_by_objective(attempts: &[&Attempt]) -> Vec<ObjectiveScore> {
    let mut scores: Vec<ObjectiveScore> = Vec::new();
    for attempt in attempts {
        let index = match scores.iter().position(|s| s.objective == attempt.objective) {
            Some(index) => index,
            None => {
                scores.push(ObjectiveScore {
                    objective: attempt.objective.to_string(),
                    correct: 0,
                    total: 0,
                });
                scores.len() - 1
            }
        };
        scores[index].total += 1;
        scores[index].correct += u32::from(attempt.correct);
    }
    scores
}

/// The local calendar day of a moment, for a time zone `offset_minutes` ahead of
/// UTC (JavaScript's `getTimezoneOffset` has the opposite sign).
/// Saturating: an attempt's time comes from a file and may be any time after
/// 1970, up to `i64::MAX`, and a time at the end of the range stays there.
pub fn local_day(at: Millis, offset_minutes: i64) -> i64 {
    at.saturating_add(offset_minutes.saturating_mul(MINUTE_MS))
        .div_euclid(DAY_MS)
}

/// The Monday that starts the week holding `day` (1970-01-01 was a Thursday).
pub fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

/// Time counts as active while the page is visible and the student did something
/// recently: reading a lesson for a while counts, a tab left open over lunch does not.
pub const IDLE_AFTER_MS: Millis = 2 * MINUTE_MS;
/// Gaps between ticks longer than this (a sleeping laptop) count only this much.
const LONGEST_TICK_MS: Millis = MINUTE_MS;

/// Measures active time from the shell's ticks and interactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityMeter {
    last_tick: Millis,
    last_interaction: Millis,
}

impl ActivityMeter {
    pub fn new(now: Millis) -> ActivityMeter {
        ActivityMeter {
            last_tick: now,
            last_interaction: now,
        }
    }

    pub fn interaction(&mut self, now: Millis) {
        self.last_interaction = self.last_interaction.max(now);
    }

    /// Active milliseconds since the previous tick.
    pub fn tick(&mut self, now: Millis, visible: bool) -> Millis {
        let elapsed = (now - self.last_tick).clamp(0, LONGEST_TICK_MS);
        self.last_tick = self.last_tick.max(now);
        let idle_for = now - self.last_interaction;
        if visible && idle_for <= IDLE_AFTER_MS {
            elapsed
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::item::Response;
    use crate::learning::attempt::{AssessmentKind, Sitting};

    fn learner() -> Learner {
        Learner {
            id: "l-1".into(),
            nickname: "Sam".into(),
        }
    }

    fn curriculum() -> CurriculumRef {
        CurriculumRef {
            id: "c".into(),
            hash: "h".into(),
        }
    }

    fn plan(items: usize) -> SittingPlan {
        SittingPlan {
            sitting: Sitting {
                id: "s-1".into(),
                kind: AssessmentKind::FormativeA,
                size: items as u32,
                unit: Some("u".into()),
                course: None,
            },
            items: (0..items)
                .map(|n| PlannedItem {
                    unit: "u".into(),
                    objective: "o".into(),
                    item: format!("i{n}"),
                    seed: n as u64,
                    repeated: false,
                })
                .collect(),
        }
    }

    fn attempt(id: &str) -> Attempt {
        Attempt {
            id: id.into(),
            at: 1_000,
            sitting: plan(2).sitting,
            unit: "u".into(),
            objective: "o".into(),
            item: format!("i-{id}").into(),
            seed: 0,
            response: Response::Choice { index: 0 },
            correct: true,
            misconception: None,
            hints_used: 0,
            active_seconds: 5,
        }
    }

    #[test]
    fn a_question_of_a_check_takes_one_answer_and_practice_every_try() {
        let mut workbook = Workbook::new(learner(), curriculum());
        workbook.start_sitting(plan(2));
        let first = attempt("a-1");
        // The same question answered again (as another tab did, merged in first).
        let again = Attempt {
            id: "a-2".into(),
            at: 2_000,
            correct: false,
            ..first.clone()
        };
        assert!(workbook.record(first));
        assert!(!workbook.record(again.clone()));
        assert_eq!(workbook.attempts.len(), 1);
        let sitting = workbook.sitting.as_ref();
        assert_eq!(sitting.and_then(|s| s.feedback.clone()), Some("a-1".into()));
        assert_eq!(sitting.map(|s| s.tries), Some(1));
        assert_eq!(workbook.sitting_attempts("s-1").len(), 1);

        // An answer another tab gave is merged in as is; results count the first.
        workbook.attempts.push(again.clone());
        let counted = workbook.sitting_attempts("s-1");
        assert_eq!(
            counted.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["a-1"]
        );

        // Practice: every try is an answer.
        let mut practice = Workbook::new(learner(), curriculum());
        let mut planned = plan(2);
        planned.sitting.kind = AssessmentKind::Practice;
        practice.start_sitting(planned.clone());
        let try_once = |id: &str| Attempt {
            id: id.into(),
            sitting: planned.sitting.clone(),
            ..attempt("p")
        };
        assert!(practice.record(try_once("p-1")));
        assert!(practice.record(try_once("p-2")));
        assert_eq!(practice.attempts.len(), 2);
        // Results count questions, not tries, as replay does.
        let counted = practice.sitting_attempts("s-1");
        assert_eq!(
            counted.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["p-1"]
        );
    }

    #[test]
    fn a_sitting_walks_item_by_item_to_its_results() {
        let mut workbook = Workbook::new(learner(), curriculum());
        workbook.go(Place::Unit { unit: "u".into() });
        workbook.start_sitting(plan(2));
        assert_eq!(workbook.place, Place::Sitting);
        workbook.show_hint(1);
        workbook.show_hint(1);
        assert_eq!(workbook.sitting.as_ref().map(|s| s.hints_shown), Some(1));
        workbook.record(attempt("a-1"));
        assert_eq!(
            workbook.sitting.as_ref().and_then(|s| s.feedback.clone()),
            Some("a-1".to_string())
        );
        workbook.advance();
        let sitting = workbook.sitting.clone().expect("still going");
        assert_eq!(
            (sitting.position, sitting.hints_shown, sitting.feedback),
            (1, 0, None)
        );
        workbook.record(attempt("a-2"));
        workbook.advance();
        assert_eq!(workbook.sitting, None);
        assert_eq!(
            workbook.place,
            Place::Results {
                sitting: "s-1".into()
            }
        );
        assert_eq!(workbook.sitting_attempts("s-1").len(), 2);
    }

    #[test]
    fn counters_read_from_storage_at_their_limit_stay_there() {
        // Found while writing the stored-data fuzz target: a stored sitting at
        // position usize::MAX, or with u32::MAX tries, overflowed on the next step.
        let mut workbook = Workbook::new(learner(), curriculum());
        workbook.start_sitting(plan(2));
        if let Some(sitting) = &mut workbook.sitting {
            sitting.position = usize::MAX;
            sitting.tries = u32::MAX;
        }
        assert_eq!(
            workbook.sitting.as_ref().map(ActiveSitting::is_last),
            Some(true)
        );
        workbook.record(attempt("a-1"));
        assert_eq!(workbook.sitting.as_ref().map(|s| s.tries), Some(u32::MAX));
        workbook.advance();
        assert_eq!(workbook.sitting, None, "the last item ends the sitting");
        workbook.activity = vec![
            DayActivity {
                day: 0,
                seconds: u32::MAX
            };
            70
        ];
        assert_eq!(workbook.active_minutes(0), u32::MAX);
    }

    #[test]
    fn pausing_returns_to_where_the_sitting_was_started() {
        let mut workbook = Workbook::new(learner(), curriculum());
        workbook.go(Place::Unit { unit: "u".into() });
        workbook.start_sitting(plan(3));
        workbook.pause_sitting();
        assert_eq!(workbook.place, Place::Unit { unit: "u".into() });
        assert!(workbook.sitting.is_some(), "the sitting can be resumed");
    }

    #[test]
    fn merging_keeps_every_attempt_of_both_tabs_once() {
        let mut first = Workbook::new(learner(), curriculum());
        let mut second = first.clone();
        first.record(attempt("a-1"));
        first.record(attempt("a-shared"));
        second.record(attempt("a-shared"));
        second.record(attempt("a-2"));
        second.add_active_seconds(10, 300);
        first.add_active_seconds(10, 120);
        first.merge_from(&second);
        let mut ids: Vec<&str> = first.attempts.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["a-1", "a-2", "a-shared"]);
        assert_eq!(first.active_minutes(week_start(10)), 5);
    }

    #[test]
    fn stored_text_round_trips_and_refuses_another_learner() {
        let mut workbook = Workbook::new(learner(), curriculum());
        workbook.start_sitting(plan(2));
        workbook.record(attempt("a-1"));
        let text = workbook.to_stored();
        assert_eq!(Workbook::from_stored(&text, "l-1", "c"), Ok(workbook));
        let refused = Workbook::from_stored(&text, "l-2", "c");
        assert_eq!(
            refused,
            Err(StoredError::OtherOwner {
                learner: "l-1".into(),
                curriculum: "c".into()
            })
        );
        assert!(Workbook::from_stored("{", "l-1", "c").is_err());
    }

    /// The log is stored compact; what Masterly stored before (the attempts as a
    /// list, in the workbook and in the archive) still reads, to the same attempts.
    #[test]
    fn the_log_is_stored_compact_and_the_list_stored_before_still_reads() {
        let mut workbook = Workbook::new(learner(), curriculum());
        workbook.start_sitting(plan(3));
        workbook.record(attempt("a-1"));
        workbook.record(attempt("a-2"));
        let text = workbook.to_stored();
        assert!(text.contains(r#""attempts":{"#), "{text}");
        let as_list = serde_json::to_string(&workbook.attempts).unwrap_or_default();
        assert!(!text.contains(&as_list));
        let mut before = serde_json::to_value(&workbook).unwrap_or_default();
        before["attempts"] = serde_json::to_value(&workbook.attempts).unwrap_or_default();
        let before = before.to_string();
        assert!(before.contains(r#""attempts":[{"#), "{before}");
        assert_eq!(
            Workbook::from_stored(&before, "l-1", "c"),
            Ok(workbook.clone())
        );

        let archive = archive_to_stored(&workbook.attempts);
        assert!(archive.starts_with('{'), "{archive}");
        assert_eq!(archive_from_stored(&archive), Ok(workbook.attempts.clone()));
        assert_eq!(archive_from_stored(&as_list), Ok(workbook.attempts.clone()));
        assert!(archive_from_stored("[{\"id\":1}]").is_err());
        assert!(archive_from_stored(r#"{"r":"Z;"}"#).is_err_and(|e| matches!(e, StoredError::Unreadable { detail, .. } if detail.contains("stored answer 1"))));
    }

    #[test]
    fn scores_are_grouped_by_objective_in_first_seen_order() {
        let mut first = attempt("a-1");
        first.objective = "o2".into();
        let mut second = attempt("a-2");
        second.correct = false;
        let third = attempt("a-3");
        let scores = score_by_objective(&[&first, &second, &third]);
        let summary: Vec<(&str, u32, u32)> = scores
            .iter()
            .map(|s| (s.objective.as_str(), s.correct, s.total))
            .collect();
        assert_eq!(summary, [("o2", 1, 1), ("o", 1, 2)]);
    }

    #[test]
    fn weeks_start_on_monday_and_days_follow_the_local_zone() {
        // 1970-01-05 was a Monday (day 4).
        assert_eq!(week_start(4), 4);
        assert_eq!(week_start(10), 4);
        assert_eq!(week_start(11), 11);
        assert_eq!(week_start(3), -3);
        // 23:30 UTC on day 0 is already day 1 at UTC+1.
        let late = DAY_MS - 30 * MINUTE_MS;
        assert_eq!(local_day(late, 0), 0);
        assert_eq!(local_day(late, 60), 1);
        // A progress file may give any time after 1970: the end of the range
        // stays at the end (an overflow here stopped the teacher's reports).
        let last_day = i64::MAX.div_euclid(DAY_MS);
        assert_eq!(local_day(i64::MAX, 14 * 60), last_day);
        assert_eq!(
            local_day(i64::MAX, -12 * 60),
            (i64::MAX - 720 * MINUTE_MS).div_euclid(DAY_MS)
        );
    }

    #[test]
    fn only_visible_recent_activity_counts() {
        let mut meter = ActivityMeter::new(0);
        assert_eq!(meter.tick(5_000, true), 5_000);
        assert_eq!(meter.tick(10_000, false), 0, "hidden tab");
        // No interaction for more than two minutes: idle.
        assert_eq!(meter.tick(200_000, true), 0);
        meter.interaction(200_000);
        assert_eq!(meter.tick(205_000, true), 5_000);
        // A laptop asleep for an hour counts at most a minute.
        meter.interaction(3_800_000);
        assert_eq!(meter.tick(3_805_000, true), MINUTE_MS);
    }
}
