//! Turning text into a curriculum: limits first, then the format header (so a file
//! from a newer Masterly is explained rather than mis-parsed), then the typed parse,
//! then the semantic checks. All or nothing: a curriculum with errors is not returned.

use super::error::{CurriculumError, CurriculumErrorKind, CurriculumErrors, Severity};
use super::validate::validate;
use super::{Curriculum, CURRICULUM_FORMAT, CURRICULUM_FORMAT_VERSION};
use crate::domain::limits::{check_json_limits, JsonLimits};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Generous for real courses (the bundled pathway is well under 1 MB) while keeping
/// a mistaken or hostile file from freezing the tab.
pub const CURRICULUM_LIMITS: JsonLimits = JsonLimits {
    max_bytes: 16 * 1024 * 1024,
    max_depth: 32,
    max_string_bytes: 64 * 1024,
    max_containers: 1_000_000,
};

/// Items in one curriculum: five times the largest benchmarked curriculum.
pub const MAX_ITEMS: usize = 50_000;

/// A curriculum that passed every check, with the warnings the author should see.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedCurriculum {
    pub curriculum: Curriculum,
    pub warnings: Vec<CurriculumError>,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u32>,
}

pub fn load_curriculum(text: &str) -> Result<LoadedCurriculum, CurriculumErrors> {
    check_json_limits(text, &CURRICULUM_LIMITS).map_err(|limit| {
        CurriculumErrors(vec![CurriculumError::whole_file(
            CurriculumErrorKind::Limit(limit),
        )])
    })?;
    // The typed parse comes first; only a file it refuses is read again, for its
    // header (so a newer or different file is explained) and for the JSON path of
    // the failure, which costs a slower, path-tracking parse.
    let curriculum: Curriculum = match serde_json::from_str(text) {
        Ok(curriculum) => curriculum,
        Err(_) => {
            let header: Header = parse_located(text).map_err(one)?;
            check_header(&header).map_err(one)?;
            return Err(one(match parse_located::<Curriculum>(text) {
                Err(located) => located,
                Ok(_) => CurriculumError::whole_file(CurriculumErrorKind::Syntax {
                    line: 1,
                    column: 1,
                    detail: "the file could not be read".to_string(),
                }),
            }));
        }
    };
    check_header(&Header {
        format: Some(curriculum.format.clone()),
        format_version: Some(curriculum.format_version),
    })
    .map_err(one)?;
    let items: usize = curriculum
        .units()
        .flat_map(|(_, unit)| &unit.objectives)
        .map(|objective| objective.items.len())
        .sum();
    if items > MAX_ITEMS {
        return Err(one(CurriculumError::at(
            "$.courses",
            CurriculumErrorKind::CountOutOfRange {
                what: "the number of items in the curriculum",
                found: items,
                expected: "at most 50,000",
            },
        )));
    }

    let (errors, warnings): (Vec<_>, Vec<_>) = validate(&curriculum)
        .into_iter()
        .partition(|problem| problem.severity() == Severity::Error);
    if errors.is_empty() {
        Ok(LoadedCurriculum {
            curriculum,
            warnings,
        })
    } else {
        Err(CurriculumErrors(
            errors.into_iter().chain(warnings).collect(),
        ))
    }
}

fn one(error: CurriculumError) -> CurriculumErrors {
    CurriculumErrors(vec![error])
}

fn check_header(header: &Header) -> Result<(), CurriculumError> {
    match header.format.as_deref() {
        None => return Err(CurriculumError::at("$", CurriculumErrorKind::MissingFormat)),
        Some(CURRICULUM_FORMAT) => {}
        Some(found) => {
            return Err(CurriculumError::at(
                "$.format",
                CurriculumErrorKind::WrongFormat {
                    found: found.to_string(),
                },
            ))
        }
    }
    match header.format_version {
        Some(0) => Err(CurriculumError::at(
            "$.format_version",
            CurriculumErrorKind::UnknownFormatVersion { found: 0 },
        )),
        Some(found) if found > CURRICULUM_FORMAT_VERSION => Err(CurriculumError::at(
            "$.format_version",
            CurriculumErrorKind::NewerFormatVersion {
                found,
                supported: CURRICULUM_FORMAT_VERSION,
            },
        )),
        // A missing version is reported by the typed parse, with its path.
        _ => Ok(()),
    }
}

/// Parses JSON into `T`, locating a failure by JSON path and line:column.
pub(crate) fn parse_located<T: DeserializeOwned>(text: &str) -> Result<T, CurriculumError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = json_path(&error.path().to_string());
        locate(path, error.into_inner())
    })?;
    // Anything after the top-level value (a second object, stray text) is an error too.
    deserializer
        .end()
        .map_err(|inner| locate("$".to_string(), inner))?;
    Ok(value)
}

fn locate(path: String, inner: serde_json::Error) -> CurriculumError {
    let detail = strip_position(&inner.to_string());
    let (line, column) = (inner.line(), inner.column());
    if inner.is_syntax() || inner.is_eof() {
        CurriculumError::whole_file(CurriculumErrorKind::Syntax {
            line,
            column,
            detail,
        })
    } else {
        CurriculumError::at(
            path,
            CurriculumErrorKind::Shape {
                line,
                column,
                detail,
            },
        )
    }
}

/// serde_path_to_error writes `courses[0].units`; authors read `$.courses[0].units`.
fn json_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        "$".to_string()
    } else {
        format!("$.{path}")
    }
}

/// serde_json ends its messages with " at line L column C"; the position is reported
/// separately, so drop it from the text. Rust type names mean nothing to an author,
/// so they are said in JSON terms.
fn strip_position(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(index) => &message[..index],
        None => message,
    };
    const PLAIN_WORDS: [(&str, &str); 6] = [
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
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
