//! What can be wrong with a curriculum file, typed so that it can be said to an
//! author (masterly-text): where (a JSON path such as `$.courses[0].units[2]`, or
//! line:column for syntax), what was expected, and what was found.

use crate::content::expr::ExprError;
use crate::content::item::{InstanceError, ItemKind};
use crate::content::picture::DiagramError;
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
    Empty { what: Part },
    /// An id that is not 1 to 64 letters, digits, '-', '_' or '.'.
    BadId { id: String },
    /// Ids are unique in the whole curriculum; `first` is the path of the first use.
    DuplicateId { id: String, first: String },
    /// A prerequisite that is no unit of the curriculum.
    UnknownPrerequisite { id: String },
    /// A unit that names itself as a prerequisite.
    SelfPrerequisite { id: String },
    /// Units whose prerequisites go round in a circle: none could ever start.
    PrerequisiteCycle { cycle: Vec<String> },
    /// A percentage outside its range (each threshold has its own).
    ThresholdOutOfRange { what: Threshold, found: u32 },
    /// A warning: mastery learning works best with 3 to 5 objectives a unit.
    UnusualObjectiveCount { unit: String, found: usize },
    /// A number of things outside its range (each count has its own).
    CountOutOfRange { what: Count, found: usize },
    /// Students below the bar need another explanation than the lesson.
    MissingCorrective { objective: String },
    /// A warning: students at the bar need something to go on with.
    MissingEnrichment { objective: String },
    /// A field an item of this kind needs (kind and field as the format names them).
    MissingItemField {
        kind: &'static str,
        field: &'static str,
    },
    /// A field items of this kind do not use.
    ForeignItemField {
        kind: &'static str,
        field: &'static str,
    },
    /// A single-choice item needs exactly one correct choice, a multiple-select
    /// item at least one.
    CorrectChoiceCount { kind: ItemKind, found: usize },
    /// A misconception not defined in the curriculum's list.
    UnknownMisconception { id: String },
    /// An expression (a variable's value) that does not parse or evaluate.
    BadExpression { text: String, error: ExprError },
    /// A template variable named like a function, a keyword or not as a name.
    BadVariableName { name: String },
    /// An expression reading a name that is no variable or earlier derived value.
    UnknownVariable { text: String, name: String },
    /// Two variables or derived values of one template with the same name.
    DuplicateVariable { name: String },
    /// A fixed item that cannot be made.
    ItemFails { error: Box<InstanceError> },
    /// A template that cannot be made for this seed.
    TemplateFails {
        seed: u64,
        error: Box<InstanceError>,
    },
    /// A template whose constraints no seed tried could meet.
    TemplateUnsatisfiable { draws: u32, last_seed: u64 },
    /// Two choices of an instance that read the same.
    DuplicateChoices {
        seed: u64,
        first: usize,
        second: usize,
        text: String,
    },
    /// A listed wrong answer that equals the right one.
    WrongAnswerIsRight { seed: u64, index: usize },
    /// Too few distinct instances for formative A, B and the unit test without a
    /// repeat.
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
    /// A warning: enough for one cycle, not for a second formative B, a retake and
    /// reviews without repeats.
    PoolSmallForRetakes {
        objective: String,
        found: usize,
        wanted: usize,
    },
    /// A picture in a text (lesson, corrective, enrichment…) that cannot be drawn.
    BadDiagram { error: DiagramError },
    /// A warning: an item with no worked solution to show after it is answered.
    MissingSolution { item: String },
    /// A warning: blind guessing passes the objective's part of the unit test so
    /// often that a "Mastered" would too often be wrong. Figures in tenths of a
    /// percent.
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
    /// An accepted answer, judged as a typed answer is: without the spaces and
    /// the punctuation at its end.
    AcceptedAnswer,
    EntryToOrder,
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
