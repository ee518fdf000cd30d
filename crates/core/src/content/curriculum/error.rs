//! What can be wrong with a curriculum file, typed so that it can be said to an
//! author (masterly-text): where (a JSON path such as `$.courses[0].units[2]`, or
//! line:column for syntax), what was expected, and what was found.

use crate::content::expr::ExprError;
use crate::content::item::InstanceError;
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
    Empty {
        what: &'static str,
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
    ThresholdOutOfRange {
        what: &'static str,
        found: u32,
        expected: &'static str,
    },
    UnusualObjectiveCount {
        unit: String,
        found: usize,
    },
    CountOutOfRange {
        what: &'static str,
        found: usize,
        expected: &'static str,
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
    CorrectChoiceCount {
        kind: &'static str,
        expected: &'static str,
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
