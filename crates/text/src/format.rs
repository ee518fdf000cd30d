//! The file formats' problems: limits, JSON located by line and path, progress
//! files, class files and the catalog of bundled curricula.

use crate::{located, Say};
use masterly_core::format::catalog::CatalogError;
use masterly_core::format::class_file::{
    ClassFileError, ClassFileErrorKind, MAX_CLASS_NAME_CHARS, MAX_STUDENTS, MAX_WEEKLY_MINUTES,
};
use masterly_core::format::files::FileError;
use masterly_core::format::json::{FileKind, FileProblem};
use masterly_core::format::limits::LimitError;
use masterly_core::format::progress::{
    Field, IdOf, ProgressError, ProgressErrorKind, MAX_NICKNAME_CHARS,
};

/// serde_json ends its messages with " at line L column C"; the position is said
/// separately, so drop it. Rust type names mean nothing to an author or teacher, so
/// they are said in JSON terms.
pub fn plain_words(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(index) => &message[..index],
        None => message,
    };
    const PLAIN_WORDS: [(&str, &str); 7] = [
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a string", "expected text in quotes"),
        ("expected a sequence", "expected a list in [ ]"),
        ("expected struct ", "expected an object { } for "),
    ];
    PLAIN_WORDS
        .iter()
        .fold(message.to_string(), |text, (from, to)| {
            text.replace(from, to)
        })
}

/// What a file of this kind is called in a sentence.
fn noun(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Curriculum => "curriculum",
        FileKind::Progress => "progress file",
        FileKind::Class => "class file",
    }
}

/// The two kinds a file of the wrong format may be instead.
fn other_kinds(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Curriculum => "a progress or class file",
        FileKind::Progress => "a curriculum or class file",
        FileKind::Class => "a curriculum or progress file",
    }
}

impl Say for LimitError {
    fn say(&self) -> String {
        match self {
            LimitError::TooLarge { found, limit } => {
                format!(
                    "the file is {found} bytes; files of this kind may be at most {limit} bytes"
                )
            }
            LimitError::TooDeep {
                line,
                column,
                limit,
            } => format!(
                "line {line}, column {column}: values are nested more than {limit} levels deep"
            ),
            LimitError::StringTooLong {
                line,
                column,
                limit,
            } => {
                format!("line {line}, column {column}: a text value is longer than {limit} bytes")
            }
            LimitError::TooManyValues {
                line,
                column,
                limit,
            } => format!(
                "line {line}, column {column}: the file holds more than {limit} objects and lists"
            ),
        }
    }
}

impl Say for FileProblem {
    fn say(&self) -> String {
        match self {
            FileProblem::Limit(limit) => limit.say(),
            FileProblem::Syntax { line, column, detail } => format!(
                "line {line}, column {column}: this is not valid JSON ({})",
                plain_words(detail)
            ),
            FileProblem::Shape { line, column, detail } => {
                format!("line {line}, column {column}: {}", plain_words(detail))
            }
            FileProblem::Unreadable => {
                "line 1, column 1: this is not valid JSON (the file could not be read)".to_string()
            }
            FileProblem::MissingFormat { kind } => format!(
                "this file has no \"format\" field, so it is not a Masterly {} (expected \"format\": \"{}\")",
                noun(*kind),
                kind.format()
            ),
            FileProblem::WrongFormat { kind, found } => format!(
                "expected format \"{}\", found \"{found}\"; is this {}?",
                kind.format(),
                other_kinds(*kind)
            ),
            FileProblem::NewerFormatVersion { kind, found, supported } => format!(
                "this file uses {} format version {found}, but this copy of Masterly reads versions up to {supported}; open it with a newer Masterly",
                noun(*kind)
            ),
            FileProblem::UnknownFormatVersion { found } => {
                format!("format version {found} does not exist; the first version is 1")
            }
        }
    }
}

impl Say for ProgressErrorKind {
    fn say(&self) -> String {
        match self {
            ProgressErrorKind::File(problem) => problem.say(),
            ProgressErrorKind::BadId { what, found } => {
                let what = match what {
                    IdOf::Learner => "learner id",
                    IdOf::Attempt => "attempt id",
                };
                format!("\"{found}\" is not a valid {what}: use 1 to 64 letters, digits, '-' or '_'")
            }
            ProgressErrorKind::BadNickname => format!(
                "the nickname must be 1 to {MAX_NICKNAME_CHARS} characters, without < > or control characters"
            ),
            ProgressErrorKind::TooManyAttempts { found, limit } => format!(
                "the file holds {found} attempts; the most a progress file may hold is {limit}"
            ),
            ProgressErrorKind::DuplicateAttempt { id, first } => format!(
                "attempt id \"{id}\" is already used at {first}; each attempt must appear once"
            ),
            ProgressErrorKind::OutOfRange { what, found } => {
                let (what, expected) = match what {
                    Field::SittingSize => ("the sitting size", "1 to 500"),
                    Field::HintsUsed => ("the hints used", "at most 100"),
                    Field::ActiveSeconds => ("the active seconds", "at most a day (86400)"),
                    Field::Time => ("the time", "a time after 1970"),
                };
                format!("{what} is {found}, expected {expected}")
            }
            ProgressErrorKind::OtherCurriculum { expected, found } => {
                format!("this file is for curriculum \"{found}\", not \"{expected}\"")
            }
            ProgressErrorKind::OtherCurriculumVersion { expected, found } => format!(
                "this file was made with another version of the curriculum ({found}, here {expected}); levels are recomputed against this version"
            ),
            ProgressErrorKind::UnknownObjective { id } => {
                format!("objective \"{id}\" is not in this curriculum")
            }
            ProgressErrorKind::ItemNotInObjective { item, objective } => {
                format!("item \"{item}\" is not in objective \"{objective}\"")
            }
            ProgressErrorKind::WrongUnit { objective, expected, found } => format!(
                "objective \"{objective}\" belongs to unit \"{expected}\", not \"{found}\""
            ),
        }
    }
}

impl Say for ProgressError {
    fn say(&self) -> String {
        located(&self.path, &self.kind)
    }
}

impl Say for ClassFileErrorKind {
    fn say(&self) -> String {
        match self {
            ClassFileErrorKind::File(problem) => problem.say(),
            ClassFileErrorKind::BadClassId { id } => {
                format!("\"{id}\" is not a valid class id: use 1 to 64 letters, digits, '-' or '_'")
            }
            ClassFileErrorKind::BadClassName => format!(
                "the class name must be 1 to {MAX_CLASS_NAME_CHARS} characters, without < > or control characters"
            ),
            ClassFileErrorKind::StudentCount { found } => {
                format!("the class has {found} students, expected 1 to {MAX_STUDENTS}")
            }
            ClassFileErrorKind::BadStudentId { id } => format!(
                "\"{id}\" is not a valid student id: use 1 to 64 letters, digits, '-' or '_'"
            ),
            ClassFileErrorKind::DuplicateStudentId { id, first } => {
                format!("student id \"{id}\" is already used at $.students[{first}]")
            }
            ClassFileErrorKind::BadNickname => format!(
                "the nickname must be 1 to {MAX_NICKNAME_CHARS} characters, without < > or control characters"
            ),
            ClassFileErrorKind::DuplicateNickname { nickname, first } => format!(
                "\"{nickname}\" is already the nickname at $.students[{first}]; students pick their name from the list, so each must be different"
            ),
            ClassFileErrorKind::UnknownCourse { course } => {
                format!("course \"{course}\" is not in the class's curriculum")
            }
            ClassFileErrorKind::BadDate { date } => {
                format!("\"{date}\" is not a date; write it as YYYY-MM-DD")
            }
            ClassFileErrorKind::TooManyWeeklyMinutes { minutes } => {
                format!("a weekly goal of {minutes} minutes is more than {MAX_WEEKLY_MINUTES}")
            }
            // Paths the curriculum's problem names point into the embedded curriculum.
            ClassFileErrorKind::Curriculum(kind) => kind.say().replace(" $.", " $.curriculum."),
        }
    }
}

impl Say for ClassFileError {
    fn say(&self) -> String {
        located(&self.path, &self.kind)
    }
}

impl Say for FileError {
    fn say(&self) -> String {
        match self {
            FileError::Curriculum(error) => error.say(),
            FileError::Class(error) => error.say(),
            FileError::Progress(error) => error.say(),
        }
    }
}

impl Say for CatalogError {
    fn say(&self) -> String {
        match self {
            CatalogError::Parse(detail) => format!("the curriculum list is not valid: {detail}"),
            CatalogError::WrongFormat(found) => {
                format!("the curriculum list has format \"{found}\", expected \"masterly-catalog\"")
            }
            CatalogError::BadFileName { index, file } => format!(
                "curricula[{index}]: \"{file}\" must be a plain .json file name in the same folder"
            ),
            CatalogError::HalfListed { index, file } => format!(
                "curricula[{index}]: \"{file}\" gives only one of \"id\" and \"courses\"; \
                 give both, or neither to have the file fetched as the page opens"
            ),
        }
    }
}
