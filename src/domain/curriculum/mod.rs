//! Curriculum format v1: the file an author writes and a teacher hands out.
//! A curriculum holds courses; a course is a sequence of units; a unit holds the
//! objectives (learning targets) a student must master, and names the units that
//! must be mastered first. Ids are unique across the whole curriculum, so a
//! prerequisite may point into another course and an attempt names its objective
//! without ambiguity. The reference is `docs/curriculum-format.md`.

mod error;
mod load;
mod validate;

pub use error::{CurriculumError, CurriculumErrorKind, CurriculumErrors, Severity};
pub use load::{load_curriculum, LoadedCurriculum, CURRICULUM_LIMITS};

use serde::{Deserialize, Serialize};

/// The `format` value every curriculum file carries.
pub const CURRICULUM_FORMAT: &str = "masterly-curriculum";
/// The newest format version this build reads.
pub const CURRICULUM_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub title: String,
    /// The author's version of the content, e.g. "1.2.0".
    pub version: String,
    /// An SPDX licence identifier or a short licence statement.
    pub license: String,
    pub authors: Vec<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub mastery: MasterySettings,
    pub courses: Vec<Course>,
}

/// Thresholds of the mastery model, in percent of items correct.
/// Bloom's Learning for Mastery commonly sets the bar at 80–90%; 80 is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MasterySettings {
    #[serde(default = "default_bar_percent")]
    pub bar_percent: u32,
    /// At or above this (and below the bar) an objective is Familiar.
    #[serde(default = "default_familiar_percent")]
    pub familiar_percent: u32,
}

fn default_bar_percent() -> u32 {
    80
}

fn default_familiar_percent() -> u32 {
    70
}

impl Default for MasterySettings {
    fn default() -> Self {
        MasterySettings {
            bar_percent: default_bar_percent(),
            familiar_percent: default_familiar_percent(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub id: String,
    pub title: String,
    /// The grade the course is taught in, used when recommending a course goal.
    #[serde(default)]
    pub grade: Option<u32>,
    #[serde(default)]
    pub description: String,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub title: String,
    /// Ids of units (in any course of this curriculum) to master before this one.
    #[serde(default)]
    pub prerequisites: Vec<String>,
    /// Overrides the curriculum's mastery bar for this unit.
    #[serde(default)]
    pub bar_percent: Option<u32>,
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    /// The learning target in the student's words: "I can place a unit fraction on a number line."
    pub target: String,
    pub lesson: Lesson,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// The explanation, in the safe Markdown subset.
    pub body: String,
    /// What mastery of the objective looks like, shown before the student practises.
    pub mastery_looks_like: String,
}

impl Curriculum {
    pub fn course(&self, course_id: &str) -> Option<&Course> {
        self.courses.iter().find(|course| course.id == course_id)
    }

    pub fn unit(&self, unit_id: &str) -> Option<&Unit> {
        self.courses
            .iter()
            .flat_map(|course| &course.units)
            .find(|unit| unit.id == unit_id)
    }

    /// The bar a unit's assessments must reach: the unit's own, else the curriculum's.
    pub fn bar_percent(&self, unit: &Unit) -> u32 {
        unit.bar_percent.unwrap_or(self.mastery.bar_percent)
    }
}

impl Course {
    pub fn objective_count(&self) -> usize {
        self.units.iter().map(|unit| unit.objectives.len()).sum()
    }
}
