//! Turning text into a curriculum: limits first, then the format header (so a file
//! from a newer Masterly is explained rather than mis-parsed), then the typed parse,
//! then the semantic checks. All or nothing: a curriculum with errors is not returned.

use super::error::{Count, CurriculumError, CurriculumErrorKind, CurriculumErrors, Severity};
use super::validate::validate;
use super::Curriculum;
use crate::format::json::{self, check_format, check_header, FileKind, FileProblem};
use crate::format::limits::{check_json_limits, JsonLimits};
use serde::de::DeserializeOwned;

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

pub fn load_curriculum(text: &str) -> Result<LoadedCurriculum, CurriculumErrors> {
    check_json_limits(text, &CURRICULUM_LIMITS).map_err(|limit| {
        one(CurriculumError::whole_file(CurriculumErrorKind::File(
            FileProblem::Limit(limit),
        )))
    })?;
    // The typed parse comes first; only a file it refuses is read again, for its
    // header (so a newer or different file is explained) and for the JSON path of
    // the failure, which costs a slower, path-tracking parse.
    let curriculum: Curriculum = match crate::format::objects_only::from_str(text) {
        Ok(curriculum) => curriculum,
        Err(_) => {
            check_header(text, FileKind::Curriculum).map_err(file_problem)?;
            return Err(one(match parse_located::<Curriculum>(text) {
                Err(located) => located,
                Ok(_) => {
                    CurriculumError::whole_file(CurriculumErrorKind::File(FileProblem::Unreadable))
                }
            }));
        }
    };
    check_format(
        Some(&curriculum.format),
        Some(curriculum.format_version),
        FileKind::Curriculum,
    )
    .map_err(file_problem)?;
    let items: usize = curriculum
        .units()
        .flat_map(|(_, unit)| &unit.objectives)
        .map(|objective| objective.items.len())
        .sum();
    if items > MAX_ITEMS {
        return Err(one(CurriculumError::at(
            "$.courses",
            CurriculumErrorKind::CountOutOfRange {
                what: Count::Items,
                found: items,
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

fn file_problem((path, problem): (String, FileProblem)) -> CurriculumErrors {
    one(CurriculumError::at(
        path,
        CurriculumErrorKind::File(problem),
    ))
}

/// Parses JSON into `T`, locating a failure as a curriculum error.
pub(crate) fn parse_located<T: DeserializeOwned>(text: &str) -> Result<T, CurriculumError> {
    json::parse_located(text).map_err(|problem| {
        let (path, problem) = problem.into_file_problem();
        CurriculumError::at(path, CurriculumErrorKind::File(problem))
    })
}
