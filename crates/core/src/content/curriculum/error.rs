//! What can be wrong with a curriculum file, typed so that it can be said to an
//! author (masterly-text): where (a JSON path such as `$.courses[0].units[2]`, or
//! line:column for syntax), what was expected, and what was found.

use crate::content::expr::ExprError;
use crate::content::item::{InstanceError, ItemKind};
use crate::format::json::FileProblem;

/// Errors stop a curriculum from loading; warnings are shown to the author but the
/// curriculum still works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurriculumErrorKind {
    /// A problem with the file as a whole (size, syntax, format, version).
    File(FileProblem),
    /// A text or list that must say something.
    Empty {
        what: Part,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    UnknownPrerequisite {
        id: String,
    },
    SelfPrerequisite {
        id: String,
    },
    PrerequisiteCycle {
        cycle: Vec<String>,
    },
    /// A percentage outside its range (each threshold has its own).
    ThresholdOutOfRange {
        what: Threshold,
        found: u32,
    },
    UnusualObjectiveCount {
        unit: String,
        found: usize,
    },
    /// A number of things outside its range (each count has its own).
    CountOutOfRange {
        what: Count,
        found: usize,
    },
    MissingCorrective {
        objective: String,
    },
    MissingEnrichment {
        objective: String,
    },
    MissingItemField {
        kind: &'static str,
        field: &'static str,
    },
    ForeignItemField {
        kind: &'static str,
        field: &'static str,
    },
    /// A single-choice item needs exactly one correct choice, a multiple-select
    /// item at least one.
    CorrectChoiceCount {
        kind: ItemKind,
        found: usize,
    },
    UnknownMisconception {
        id: String,
    },
    BadExpression {
        text: String,
        error: ExprError,
    },
    BadVariableName {
        name: String,
    },
    UnknownVariable {
        text: String,
        name: String,
    },
    DuplicateVariable {
        name: String,
    },
    ItemFails {
        error: Box<InstanceError>,
    },
    TemplateFails {
        seed: u64,
        error: Box<InstanceError>,
    },
    TemplateUnsatisfiable {
        draws: u32,
        last_seed: u64,
    },
    DuplicateChoices {
        seed: u64,
        first: usize,
        second: usize,
        text: String,
    },
    WrongAnswerIsRight {
        seed: u64,
        index: usize,
    },
    PoolTooSmall {
        objective: String,
        found: usize,
        needed: usize,
    },
    /// The pool is short and some of its items have errors, which leave them out (or
    /// stop a template giving more): the fix is those errors, not more items.
    PoolTooSmallWithErrors {
        objective: String,
        with_errors: usize,
        items: usize,
        found: usize,
        needed: usize,
    },
    PoolSmallForRetakes {
        objective: String,
        found: usize,
        wanted: usize,
    },
    MissingSolution {
        item: String,
    },
    /// Figures in tenths of a percent.
    WeakEvidence {
        objective: String,
        guess_passes: u32,
        precision: u32,
    },
}

/// A text or list of the curriculum that must not be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    CurriculumTitle,
    Version,
    Licence,
    Authors,
    MisconceptionName,
    MisconceptionFeedback,
    Courses,
    CourseTitle,
    CourseUnits,
    UnitTitle,
    UnitObjectives,
    Corrective,
    EnrichmentTask,
    LearningTarget,
    Lesson,
    MasteryLooksLike,
    /// The review intervals, each at least one day.
    ReviewIntervals,
    Prompt,
    Choice,
    AcceptedAnswers,
}

/// A percentage of the mastery settings, each with its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// A unit's own bar: above the curriculum's familiar threshold, at most 100.
    UnitBar,
    /// The mastery bar: 1 to 100.
    Bar,
    /// The familiar threshold: below the mastery bar.
    Familiar,
}

/// A count of the curriculum, each with its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Items per objective in a formative assessment, the unit test, a review:
    /// 1 to 10.
    FormativeItems,
    UnitTestItems,
    ReviewItems,
    /// The revealing hint: 0 (none) up to the number of hints.
    RevealingHint,
    /// Choices of an item: 2 to 8.
    Choices,
    /// Entries of an ordering item: 2 to 10.
    EntriesToOrder,
    /// Items in the whole curriculum: at most [`crate::content::curriculum::MAX_ITEMS`].
    Items,
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

/// Every problem found in one file, errors first, in document order within each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurriculumErrors(pub Vec<CurriculumError>);
