//! The progress bundle: the file a student hands in. It carries the learner, the
//! curriculum it was made with, the whole attempt log and the goals; levels are
//! never trusted from the file but recomputed by replay. Loading checks limits
//! first, refuses files from a newer Masterly, and reports every problem with its
//! JSON path; `check_against` then compares the file with a curriculum.

use crate::content::curriculum::{Curriculum, Objective, Unit};
use crate::content::rng::{FastMap as HashMap, IdHasher};
use crate::format::json::{parse_file_with, FileKind, FileProblem};
use crate::format::limits::JsonLimits;
use crate::format::progress_reader::read_progress_as_written;
use crate::learning::attempt::Attempt;
use crate::learning::mastery::MasteryLevel;
use crate::learning::shared_id::SharedIdMemo;
use crate::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A year of daily practice is a few thousand attempts; these limits leave room
/// for ten times that while refusing files that could exhaust the tab.
pub const PROGRESS_LIMITS: JsonLimits = JsonLimits {
    max_bytes: 32 * 1024 * 1024,
    max_depth: 16,
    max_string_bytes: 4 * 1024,
    max_containers: 1_000_000,
};
pub const MAX_ATTEMPTS: usize = 100_000;
pub const MAX_NICKNAME_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressBundle {
    pub format: String,
    pub format_version: u32,
    pub learner: Learner,
    pub curriculum: CurriculumRef,
    /// Set when the student joined a class from a teacher's class file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<ClassRef>,
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub goals: Goals,
    pub exported_at: Millis,
    /// The levels the student's device showed when the file was made, by
    /// objective (objectives not started are left out). Never trusted: the
    /// teacher's import replays the attempts and flags a file that disagrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<BTreeMap<String, MasteryLevel>>,
    /// Active seconds per local day on the student's device, reading lessons and
    /// correctives as well as answering: the teacher's weekly minutes are the ones
    /// the student saw. Files made before have none, and there each answer's own
    /// active seconds count instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activity: Vec<DayActivity>,
}

/// Active seconds on one local calendar day (days counted from 1970-01-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayActivity {
    pub day: i64,
    pub seconds: u32,
}

/// Folds another copy's days into these: for a day both hold, the larger figure
/// (two copies of one device count the same minutes, never twice), in day order.
pub fn merge_days(mine: &mut Vec<DayActivity>, theirs: &[DayActivity]) {
    for entry in theirs {
        match mine.iter_mut().find(|kept| kept.day == entry.day) {
            Some(kept) => kept.seconds = kept.seconds.max(entry.seconds),
            None => mine.push(*entry),
        }
    }
    crate::order::sort_by_key(mine, |entry| entry.day);
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learner {
    /// Random, made on the student's device; identifies the learner across files.
    pub id: String,
    pub nickname: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurriculumRef {
    pub id: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassRef {
    pub class_id: String,
    pub student_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    /// The course the student aims to master, and by when (a date, YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_date: Option<String>,
    #[serde(default = "default_weekly_minutes")]
    pub weekly_minutes: u32,
}

fn default_weekly_minutes() -> u32 {
    45
}

impl Default for Goals {
    fn default() -> Self {
        Goals {
            course: None,
            target_date: None,
            weekly_minutes: default_weekly_minutes(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressErrorKind {
    /// A problem with the file as a whole (size, syntax, format, version).
    File(FileProblem),
    /// An id that is not 1 to 64 letters, digits, '-' or '_'.
    BadId { what: IdOf, found: String },
    /// A nickname that is empty, too long or holds markup.
    BadNickname,
    /// More attempts than a progress file may hold.
    TooManyAttempts { found: usize, limit: usize },
    /// An attempt id used twice; `first` is the path of its first use.
    DuplicateAttempt { id: String, first: String },
    /// A number of an attempt outside its range (each field has its own).
    OutOfRange { what: Field, found: u64 },
    /// The file is for another curriculum than the one it is checked against.
    OtherCurriculum { expected: String, found: String },
    /// The file was made with another version of the curriculum (a warning:
    /// levels are recomputed against this one).
    OtherCurriculumVersion { expected: String, found: String },
    /// An attempt names an objective the curriculum does not have.
    UnknownObjective { id: String },
    /// An attempt names an item that is not in its objective.
    ItemNotInObjective { item: String, objective: String },
    /// An attempt names its objective's unit wrongly.
    WrongUnit {
        objective: String,
        expected: String,
        found: String,
    },
}

/// Whose id is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Learner,
    Attempt,
}

/// A number of an attempt, each with its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The items its sitting planned: 1 to 500.
    SittingSize,
    /// Hints used: at most 100.
    HintsUsed,
    /// Active seconds: at most a day.
    ActiveSeconds,
    /// The time answered: after 1970.
    Time,
}

impl ProgressErrorKind {
    /// Warnings let the file be used; errors refuse it.
    pub fn is_warning(&self) -> bool {
        matches!(self, ProgressErrorKind::OtherCurriculumVersion { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressError {
    pub path: String,
    pub kind: ProgressErrorKind,
}

fn at(path: impl Into<String>, kind: ProgressErrorKind) -> ProgressError {
    ProgressError {
        path: path.into(),
        kind,
    }
}

/// Reads a progress file: the bundle, or every problem found. All or nothing.
pub fn load_progress(text: &str) -> Result<ProgressBundle, Vec<ProgressError>> {
    load_progress_with(text, |_| None)
}

/// Reads a progress file as [`load_progress`] does, with the same result, faster
/// for a file as Masterly writes it (`progress_reader`): for the teacher's import
/// of a whole class. The student's page, which reads one file now and then, keeps
/// to [`load_progress`], so its download does not carry the reader.
pub fn load_progress_quickly(text: &str) -> Result<ProgressBundle, Vec<ProgressError>> {
    load_progress_with(text, read_progress_as_written)
}

fn load_progress_with(
    text: &str,
    as_written: fn(&str) -> Option<ProgressBundle>,
) -> Result<ProgressBundle, Vec<ProgressError>> {
    let file_problem =
        |(path, problem): (String, FileProblem)| vec![at(path, ProgressErrorKind::File(problem))];
    let bundle: ProgressBundle = parse_file_with(
        text,
        &PROGRESS_LIMITS,
        FileKind::Progress,
        |bundle: &ProgressBundle| (&bundle.format, bundle.format_version),
        as_written,
    )
    .map_err(file_problem)?;
    let problems = validate(&bundle);
    if problems.is_empty() {
        Ok(bundle)
    } else {
        Err(problems)
    }
}

/// The nickname as it is kept: trimmed, 1 to MAX_NICKNAME_CHARS characters, no control or markup
/// characters. None when it cannot be used.
pub fn clean_nickname(nickname: &str) -> Option<String> {
    let nickname = nickname.trim();
    let usable = (1..=MAX_NICKNAME_CHARS).contains(&nickname.chars().count())
        && !nickname
            .chars()
            .any(|c| c.is_control() || c == '<' || c == '>');
    usable.then(|| nickname.to_string())
}

/// Ids made by Masterly: 1 to 64 ASCII letters, digits, '-' or '_'.
pub fn well_formed_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn validate(bundle: &ProgressBundle) -> Vec<ProgressError> {
    let mut problems = Vec::new();
    if !well_formed_id(&bundle.learner.id) {
        problems.push(at(
            "$.learner.id",
            ProgressErrorKind::BadId {
                what: IdOf::Learner,
                found: bundle.learner.id.clone(),
            },
        ));
    }
    // The nickname is shown on screens and in reports; it is always rendered as
    // text, and refusing markup characters keeps exported CSV and printouts clean too.
    if clean_nickname(&bundle.learner.nickname).is_none() {
        problems.push(at("$.learner.nickname", ProgressErrorKind::BadNickname));
    }
    if bundle.attempts.len() > MAX_ATTEMPTS {
        problems.push(at(
            "$.attempts",
            ProgressErrorKind::TooManyAttempts {
                found: bundle.attempts.len(),
                limit: MAX_ATTEMPTS,
            },
        ));
        return problems;
    }
    // Where the first use of each id is, kept only when some id may repeat.
    let mut first_use: Option<HashMap<&str, usize>> = ids_may_repeat(&bundle.attempts)
        .then(|| HashMap::with_capacity_and_hasher(bundle.attempts.len(), Default::default()));
    for (index, attempt) in bundle.attempts.iter().enumerate() {
        // Made only for a problem: most files have none.
        let path = || format!("$.attempts[{index}]");
        if !well_formed_id(&attempt.id) {
            problems.push(at(
                format!("{}.id", path()),
                ProgressErrorKind::BadId {
                    what: IdOf::Attempt,
                    found: attempt.id.clone(),
                },
            ));
        } else if let Some(first) = first_use.as_mut().and_then(|first_use| {
            let first = *first_use.entry(&attempt.id).or_insert(index);
            (first != index).then_some(first)
        }) {
            problems.push(at(
                format!("{}.id", path()),
                ProgressErrorKind::DuplicateAttempt {
                    id: attempt.id.clone(),
                    first: format!("$.attempts[{first}]"),
                },
            ));
        }
        let ranges: [(Field, &str, u64, u64); 3] = [
            (
                Field::SittingSize,
                "sitting.size",
                u64::from(attempt.sitting.size),
                500,
            ),
            (
                Field::HintsUsed,
                "hints_used",
                u64::from(attempt.hints_used),
                100,
            ),
            (
                Field::ActiveSeconds,
                "active_seconds",
                u64::from(attempt.active_seconds),
                86_400,
            ),
        ];
        for (what, field, found, max) in ranges {
            let too_small = what == Field::SittingSize && found == 0;
            if found > max || too_small {
                problems.push(at(
                    format!("{}.{field}", path()),
                    ProgressErrorKind::OutOfRange { what, found },
                ));
            }
        }
        if attempt.at < 0 {
            problems.push(at(
                format!("{}.at", path()),
                ProgressErrorKind::OutOfRange {
                    what: Field::Time,
                    found: 0,
                },
            ));
        }
    }
    problems
}

/// Whether two attempts may share an id: their ids' hashes, sorted, have a repeat.
/// False proves every id different (equal ids hash alike) without a map of all
/// 5,000 ids of a file; true sends the caller to find which, exactly.
fn ids_may_repeat(attempts: &[Attempt]) -> bool {
    use std::hash::BuildHasher;
    let hasher = std::hash::BuildHasherDefault::<IdHasher>::default();
    let mut hashes: Vec<u64> = attempts
        .iter()
        .map(|attempt| hasher.hash_one(attempt.id.as_str()))
        .collect();
    crate::order::sort_u64(&mut hashes);
    hashes.windows(2).any(|pair| pair[0] == pair[1])
}

/// Compares a loaded bundle with the curriculum it should belong to: the same
/// curriculum id (an error otherwise), the same version (a warning otherwise), and
/// attempts that name only units, objectives and items of that curriculum.
pub fn check_against(bundle: &ProgressBundle, curriculum: &Curriculum) -> Vec<ProgressError> {
    CurriculumCheck::new(curriculum).check(bundle)
}

/// What checking files against one curriculum needs, worked out once for many
/// files: the curriculum's hash and its objectives by id.
pub struct CurriculumCheck<'c> {
    pub curriculum: &'c Curriculum,
    hash: String,
    objectives: HashMap<&'c str, (&'c Unit, &'c Objective)>,
}

impl<'c> CurriculumCheck<'c> {
    pub fn new(curriculum: &'c Curriculum) -> CurriculumCheck<'c> {
        let objectives = curriculum
            .units()
            .flat_map(|(_, unit)| {
                unit.objectives
                    .iter()
                    .map(move |o| (o.id.as_str(), (unit, o)))
            })
            .collect();
        CurriculumCheck {
            curriculum,
            hash: curriculum.content_hash(),
            objectives,
        }
    }

    /// The curriculum's content hash.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The curriculum checked against, and its version.
    pub fn version(&self) -> CurriculumRef {
        CurriculumRef {
            id: self.curriculum.id.clone(),
            hash: self.hash.clone(),
        }
    }

    /// [`check_against`] with the work shared between files already done.
    pub fn check(&self, bundle: &ProgressBundle) -> Vec<ProgressError> {
        let curriculum = self.curriculum;
        let mut problems = Vec::new();
        if bundle.curriculum.id != curriculum.id {
            problems.push(at(
                "$.curriculum.id",
                ProgressErrorKind::OtherCurriculum {
                    expected: curriculum.id.clone(),
                    found: bundle.curriculum.id.clone(),
                },
            ));
            return problems;
        }
        let hash = self.hash.clone();
        if bundle.curriculum.hash != hash {
            problems.push(at(
                "$.curriculum.hash",
                ProgressErrorKind::OtherCurriculumVersion {
                    expected: hash,
                    found: bundle.curriculum.hash.clone(),
                },
            ));
        }
        let mut objectives = SharedIdMemo::default();
        for (index, attempt) in bundle.attempts.iter().enumerate() {
            let path = || format!("$.attempts[{index}]");
            let objective = objectives.get_or(&attempt.objective, |objective| {
                self.objectives.get(objective).copied()
            });
            match objective {
                None => problems.push(at(
                    format!("{}.objective", path()),
                    ProgressErrorKind::UnknownObjective {
                        id: attempt.objective.to_string(),
                    },
                )),
                Some((unit, objective)) => {
                    if unit.id != attempt.unit {
                        problems.push(at(
                            format!("{}.unit", path()),
                            ProgressErrorKind::WrongUnit {
                                objective: attempt.objective.to_string(),
                                expected: unit.id.clone(),
                                found: attempt.unit.to_string(),
                            },
                        ));
                    }
                    if objective.item(&attempt.item).is_none() {
                        problems.push(at(
                            format!("{}.item", path()),
                            ProgressErrorKind::ItemNotInObjective {
                                item: attempt.item.to_string(),
                                objective: attempt.objective.to_string(),
                            },
                        ));
                    }
                }
            }
        }
        problems
    }
}
