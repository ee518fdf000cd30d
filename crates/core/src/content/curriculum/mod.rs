//! Curriculum format v1: the file an author writes and a teacher hands out.
//! A curriculum holds courses; a course is a sequence of units; a unit holds the
//! objectives (learning targets) a student must master, and names the units that
//! must be mastered first. Ids are unique across the whole curriculum, so a
//! prerequisite may point into another course and an attempt names its objective
//! without ambiguity. The reference is `docs/curriculum-format.md`.

mod error;
pub mod evidence;
mod load;
mod validate;
mod validate_items;

pub use error::{
    Count, CurriculumError, CurriculumErrorKind, CurriculumErrors, Part, Severity, Threshold,
};
pub use load::{load_curriculum, LoadedCurriculum, CURRICULUM_LIMITS, MAX_ITEMS};
pub use validate::validate;

use crate::content::item::Item;
use serde::{Deserialize, Serialize};

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
    /// Common errors that wrong answers can be tied to, with feedback that targets them.
    #[serde(default)]
    pub misconceptions: Vec<Misconception>,
    pub courses: Vec<Course>,
    /// Findings of the content linter (`masterly-lint`) that a teacher reviewed and
    /// kept on purpose, each with the reason; the linter does not report them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<Reviewed>,
}

/// A content linter finding kept on purpose: which check, where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    /// The check's name, as the linter prints it: "answer-never-changes".
    pub check: String,
    /// The id of the item, objective or course the finding is about.
    pub id: String,
    /// Why it is intended, for the next author who reads it.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misconception {
    pub id: String,
    /// A short name a teacher reads in reports: "Adds the denominators".
    pub name: String,
    /// What the student is told when an answer shows this misconception.
    pub feedback: String,
}

/// Thresholds of the mastery model, in percent of items correct.
/// Bloom's Learning for Mastery commonly sets the bar at 80–90% of a long test; with
/// the default 4 items per objective, 75% (3 of 4) is the bar the simulation chose:
/// one slip forgiven, a guess rarely passing (docs/mastery.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MasterySettings {
    #[serde(default = "default_bar_percent")]
    pub bar_percent: u32,
    /// At or above this (and below the bar) an objective is Familiar.
    #[serde(default = "default_familiar_percent")]
    pub familiar_percent: u32,
    /// Items per objective in formative assessment A, and again in each B.
    #[serde(default = "default_formative_items")]
    pub formative_items_per_objective: u32,
    /// Items per objective in the unit test.
    #[serde(default = "default_unit_test_items")]
    pub unit_test_items_per_objective: u32,
    /// Items per objective in a spaced review.
    #[serde(default = "default_review_items")]
    pub review_items_per_objective: u32,
    /// Days from mastery to the first review, then between reviews; a failed review
    /// starts the ladder again.
    #[serde(default = "default_review_intervals")]
    pub review_intervals_days: Vec<u32>,
}

// The defaults come from the simulation of learners (`make validity`,
// docs/mastery.md): 4 items at a bar of 75% (3 of 4) are the fewest whose
// "Mastered" was right at least 95% of the time on every path, for typical and for
// struggling learners.
fn default_formative_items() -> u32 {
    4
}

fn default_unit_test_items() -> u32 {
    4
}

fn default_review_items() -> u32 {
    2
}

fn default_review_intervals() -> Vec<u32> {
    vec![2, 7, 21, 60]
}

fn default_bar_percent() -> u32 {
    75
}

fn default_familiar_percent() -> u32 {
    70
}

impl Default for MasterySettings {
    fn default() -> Self {
        MasterySettings {
            bar_percent: default_bar_percent(),
            familiar_percent: default_familiar_percent(),
            formative_items_per_objective: default_formative_items(),
            unit_test_items_per_objective: default_unit_test_items(),
            review_items_per_objective: default_review_items(),
            review_intervals_days: default_review_intervals(),
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
    /// The denominators the course's numbers keep to (its grade's band, as 3.NF
    /// keeps to 2, 3, 4, 6 and 8); the content linter reports any other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub denominators: Vec<i64>,
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
    /// The standards it teaches, as codes ("3.NF.2a", "4.MD.4").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<String>,
    pub lesson: Lesson,
    /// Re-teaching for students below the bar: a *different* explanation or
    /// modality than the lesson, never the lesson again.
    #[serde(default)]
    pub correctives: Vec<Corrective>,
    /// Deeper work for students at or above the bar: not more of the same.
    #[serde(default)]
    pub enrichment: Vec<Enrichment>,
    /// The objective's item pool; templated items give unlimited parallel forms.
    #[serde(default)]
    pub items: Vec<Item>,
}

/// How a corrective explains differently from the lesson (Guskey: correctives must
/// present the concept in a new way, not repeat it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    WorkedExample,
    Visual,
    SubSkill,
    Analogy,
    Manipulative,
    Explanation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrective {
    pub modality: Modality,
    #[serde(default)]
    pub title: String,
    pub body: String,
}

/// The kind of thinking an enrichment task asks for, from the upper levels of
/// Bloom's taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrichmentKind {
    Analyse,
    Compare,
    Explain,
    Create,
    Transfer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Enrichment {
    pub kind: EnrichmentKind,
    #[serde(default)]
    pub title: String,
    pub body: String,
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

impl Curriculum {
    /// Every unit with its course, in document order.
    pub fn units(&self) -> impl Iterator<Item = (&Course, &Unit)> {
        self.courses
            .iter()
            .flat_map(|course| course.units.iter().map(move |unit| (course, unit)))
    }

    /// The unit and objective an objective id names.
    pub fn objective(&self, objective_id: &str) -> Option<(&Unit, &Objective)> {
        self.units().find_map(|(_, unit)| {
            unit.objectives
                .iter()
                .find(|objective| objective.id == objective_id)
                .map(|objective| (unit, objective))
        })
    }

    /// The item an item id names, wherever it is.
    pub fn item(&self, item_id: &str) -> Option<&Item> {
        self.units()
            .flat_map(|(_, unit)| &unit.objectives)
            .find_map(|objective| objective.item(item_id))
    }

    pub fn misconception(&self, id: &str) -> Option<&Misconception> {
        self.misconceptions.iter().find(|m| m.id == id)
    }

    /// Identifies this exact content: FNV-1a over the canonical JSON of the parsed
    /// curriculum, so formatting and key order in the file do not change it.
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_string(self).unwrap_or_default();
        format!(
            "fnv1a64:{:016x}",
            crate::content::rng::fnv1a64(canonical.as_bytes())
        )
    }
}

impl Objective {
    pub fn item(&self, item_id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == item_id)
    }
}

impl Course {
    pub fn objective_count(&self) -> usize {
        self.units.iter().map(|unit| unit.objectives.len()).sum()
    }
}
