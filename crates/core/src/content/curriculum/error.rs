//! What can be wrong with a curriculum file, said so that an author can fix it:
//! where (a JSON path such as `$.courses[0].units[2]`, or line:column for syntax),
//! what was expected, and what was found.

use crate::format::json::FileProblem;
use std::fmt;
use thiserror::Error;

/// Errors stop a curriculum from loading; warnings are shown to the author but the
/// curriculum still works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CurriculumErrorKind {
    /// A problem with the file as a whole (size, syntax, format, version).
    #[error("{0}")]
    File(FileProblem),
    #[error("{what} must not be empty")]
    Empty { what: &'static str },
    #[error("id \"{id}\" must be 1 to 64 characters of letters, digits, '-', '_' or '.'")]
    BadId { id: String },
    #[error("id \"{id}\" is already used at {first}; ids must be unique in the whole curriculum")]
    DuplicateId { id: String, first: String },
    #[error("prerequisite \"{id}\" is not the id of any unit in this curriculum")]
    UnknownPrerequisite { id: String },
    #[error("unit \"{id}\" names itself as a prerequisite")]
    SelfPrerequisite { id: String },
    #[error("prerequisites form a cycle, so none of these units could ever be started: {}", cycle.join(" → "))]
    PrerequisiteCycle { cycle: Vec<String> },
    #[error("{what} is {found}%, expected {expected}")]
    ThresholdOutOfRange {
        what: &'static str,
        found: u32,
        expected: &'static str,
    },
    #[error("unit \"{unit}\" has {found} objective(s); mastery learning works best with 3 to 5 per unit")]
    UnusualObjectiveCount { unit: String, found: usize },
    #[error("{what} is {found}, expected {expected}")]
    CountOutOfRange {
        what: &'static str,
        found: usize,
        expected: &'static str,
    },
    #[error("objective \"{objective}\" has no corrective; students below the bar need a different explanation than the lesson")]
    MissingCorrective { objective: String },
    #[error("objective \"{objective}\" has no enrichment task for students who reach the bar")]
    MissingEnrichment { objective: String },
    #[error("a {kind} item needs \"{field}\"")]
    MissingItemField {
        kind: &'static str,
        field: &'static str,
    },
    #[error("\"{field}\" is not used by {kind} items")]
    ForeignItemField {
        kind: &'static str,
        field: &'static str,
    },
    #[error("a {kind} item needs {expected} correct choice(s), found {found}")]
    CorrectChoiceCount {
        kind: &'static str,
        expected: &'static str,
        found: usize,
    },
    #[error("misconception \"{id}\" is not defined in the curriculum's \"misconceptions\"")]
    UnknownMisconception { id: String },
    #[error("\"{text}\" does not parse: {detail}")]
    BadExpression { text: String, detail: String },
    #[error("\"{name}\" cannot name a variable: use letters, digits and _, starting with a letter, and not a function or and/or/not")]
    BadVariableName { name: String },
    #[error("\"{text}\" reads \"{name}\", which is not one of the template's variables or of the derived values before it")]
    UnknownVariable { text: String, name: String },
    #[error("\"{name}\" names two values of this template; each variable and derived value needs a name of its own")]
    DuplicateVariable { name: String },
    #[error("{detail}")]
    ItemFails { detail: String },
    #[error("seed {seed}: {detail}")]
    TemplateFails { seed: u64, detail: String },
    #[error("the template's constraints were never met in {draws} draws for any of seeds 0 to {last_seed}")]
    TemplateUnsatisfiable { draws: u32, last_seed: u64 },
    #[error("seed {seed}: choices {first} and {second} both read \"{text}\"")]
    DuplicateChoices {
        seed: u64,
        first: usize,
        second: usize,
        text: String,
    },
    #[error("seed {seed}: wrong answer {index} equals the right answer")]
    WrongAnswerIsRight { seed: u64, index: usize },
    #[error("objective \"{objective}\" has {found} distinct item instance(s), but formative A, formative B and the unit test need {needed} without repeating one; add items or a template")]
    PoolTooSmall {
        objective: String,
        found: usize,
        needed: usize,
    },
    /// The pool is short and some of its items have errors, which leave them out (or
    /// stop a template giving more): the fix is those errors, not more items.
    #[error("objective \"{objective}\" has {found} distinct item instance(s), but formative A, formative B and the unit test need {needed} without repeating one: {with_errors} of its {items} items have errors (above), which leave them out; fix those first")]
    PoolTooSmallWithErrors {
        objective: String,
        with_errors: usize,
        items: usize,
        found: usize,
        needed: usize,
    },
    #[error("objective \"{objective}\" has {found} distinct item instance(s); {wanted} would also cover a second formative B, a retake of the unit test and reviews without repeats")]
    PoolSmallForRetakes {
        objective: String,
        found: usize,
        wanted: usize,
    },
    #[error("item \"{item}\" has no worked solution to show after it is answered")]
    MissingSolution { item: String },
    /// Figures in tenths of a percent.
    #[error("objective \"{objective}\": blind guessing passes its part of the unit test {}% of the time, so when half the class knows it only {}% of its \"Mastered\" would be right (below 90%); add items with more choices or written answers, or ask more items per objective", tenths(*guess_passes), tenths(*precision))]
    WeakEvidence {
        objective: String,
        guess_passes: u32,
        precision: u32,
    },
}

/// Tenths of a percent as "12.5".
fn tenths(value: u32) -> String {
    format!("{}.{}", value / 10, value % 10)
}

impl CurriculumErrorKind {
    pub fn severity(&self) -> Severity {
        match self {
            CurriculumErrorKind::UnusualObjectiveCount { .. }
            | CurriculumErrorKind::MissingEnrichment { .. }
            | CurriculumErrorKind::PoolSmallForRetakes { .. }
            | CurriculumErrorKind::MissingSolution { .. }
            | CurriculumErrorKind::WeakEvidence { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem and where it is. `path` is empty for problems about the file as a
/// whole (size, syntax), whose kind carries line and column instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurriculumError {
    pub path: String,
    pub kind: CurriculumErrorKind,
}

impl CurriculumError {
    pub fn at(path: impl Into<String>, kind: CurriculumErrorKind) -> Self {
        CurriculumError {
            path: path.into(),
            kind,
        }
    }

    pub fn whole_file(kind: CurriculumErrorKind) -> Self {
        CurriculumError::at(String::new(), kind)
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl fmt::Display for CurriculumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

/// Every problem found in one file, errors first, in document order within each.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{} problem(s) in the curriculum, the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
pub struct CurriculumErrors(pub Vec<CurriculumError>);
