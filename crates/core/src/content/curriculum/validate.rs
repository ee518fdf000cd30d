//! The checks a curriculum must pass beyond having the right shape: unique ids,
//! prerequisites that exist and never form a cycle, thresholds that make sense,
//! and no empty text where a student would see a blank.

use super::error::{Count, CurriculumError, CurriculumErrorKind, Part, Threshold};
use super::validate_items::check_objective_items;
use super::{Curriculum, Unit};
use crate::content::markdown::{parse_markdown, Block};
use crate::content::rng::FastMap;
use std::collections::hash_map::Entry;
use std::fmt;

pub fn validate(curriculum: &Curriculum) -> Vec<CurriculumError> {
    let mut problems = Vec::new();
    let id_count = curriculum.courses.len()
        + curriculum
            .units()
            .map(|(_, unit)| {
                1 + unit.objectives.len()
                    + unit.objectives.iter().map(|o| o.items.len()).sum::<usize>()
            })
            .sum::<usize>();
    let mut ids = IdRegistry::with_capacity(id_count);

    check_text(
        &mut problems,
        "$.title",
        Part::CurriculumTitle,
        &curriculum.title,
    );
    check_text(
        &mut problems,
        "$.version",
        Part::Version,
        &curriculum.version,
    );
    check_text(
        &mut problems,
        "$.license",
        Part::Licence,
        &curriculum.license,
    );
    check_id(&mut problems, || "$.id".to_string(), &curriculum.id);
    if curriculum
        .authors
        .iter()
        .all(|author| author.trim().is_empty())
    {
        problems.push(CurriculumError::at(
            "$.authors",
            CurriculumErrorKind::Empty {
                what: Part::Authors,
            },
        ));
    }
    check_thresholds(&mut problems, curriculum);
    let mut misconception_ids = IdRegistry::with_capacity(curriculum.misconceptions.len());
    for (m, misconception) in curriculum.misconceptions.iter().enumerate() {
        let path = format!("$.misconceptions[{m}]");
        misconception_ids.register(&mut problems, Owner::Misconception(m), &misconception.id);
        check_text(
            &mut problems,
            format_args!("{path}.name"),
            Part::MisconceptionName,
            &misconception.name,
        );
        check_text(
            &mut problems,
            format_args!("{path}.feedback"),
            Part::MisconceptionFeedback,
            &misconception.feedback,
        );
    }
    if curriculum.courses.is_empty() {
        problems.push(CurriculumError::at(
            "$.courses",
            CurriculumErrorKind::Empty {
                what: Part::Courses,
            },
        ));
    }

    for (c, course) in curriculum.courses.iter().enumerate() {
        let course_path = format!("$.courses[{c}]");
        ids.register(&mut problems, Owner::Course(c), &course.id);
        check_text(
            &mut problems,
            format_args!("{course_path}.title"),
            Part::CourseTitle,
            &course.title,
        );
        if course.units.is_empty() {
            problems.push(CurriculumError::at(
                format!("{course_path}.units"),
                CurriculumErrorKind::Empty {
                    what: Part::CourseUnits,
                },
            ));
        }
        for (u, unit) in course.units.iter().enumerate() {
            ids.register(&mut problems, Owner::Unit(c, u), &unit.id);
            check_unit(&mut problems, &mut ids, (c, u), unit, curriculum);
        }
    }

    check_prerequisites(&mut problems, curriculum);
    problems
}

fn check_unit<'a>(
    problems: &mut Vec<CurriculumError>,
    ids: &mut IdRegistry<'a>,
    (c, u): (usize, usize),
    unit: &'a Unit,
    curriculum: &Curriculum,
) {
    let unit_path = Owner::Unit(c, u);
    check_text(
        problems,
        format_args!("{unit_path}.title"),
        Part::UnitTitle,
        &unit.title,
    );
    if let Some(bar) = unit.bar_percent {
        if !(curriculum.mastery.familiar_percent < bar && bar <= 100) {
            problems.push(CurriculumError::at(
                format!("{unit_path}.bar_percent"),
                CurriculumErrorKind::ThresholdOutOfRange {
                    what: Threshold::UnitBar,
                    found: bar,
                },
            ));
        }
    }
    match unit.objectives.len() {
        0 => problems.push(CurriculumError::at(
            format!("{unit_path}.objectives"),
            CurriculumErrorKind::Empty {
                what: Part::UnitObjectives,
            },
        )),
        3..=5 => {}
        found => problems.push(CurriculumError::at(
            format!("{unit_path}.objectives"),
            CurriculumErrorKind::UnusualObjectiveCount {
                unit: unit.id.clone(),
                found,
            },
        )),
    }
    for (o, objective) in unit.objectives.iter().enumerate() {
        let owner = Owner::Objective(c, u, o);
        let path = owner.to_string();
        ids.register(problems, owner, &objective.id);
        if objective.correctives.is_empty() {
            problems.push(CurriculumError::at(
                format!("{path}.correctives"),
                CurriculumErrorKind::MissingCorrective {
                    objective: objective.id.clone(),
                },
            ));
        }
        for (c, corrective) in objective.correctives.iter().enumerate() {
            check_text(
                problems,
                format_args!("{path}.correctives[{c}].body"),
                Part::Corrective,
                &corrective.body,
            );
        }
        if objective.enrichment.is_empty() {
            problems.push(CurriculumError::at(
                format!("{path}.enrichment"),
                CurriculumErrorKind::MissingEnrichment {
                    objective: objective.id.clone(),
                },
            ));
        }
        for (e, task) in objective.enrichment.iter().enumerate() {
            check_text(
                problems,
                format_args!("{path}.enrichment[{e}].body"),
                Part::EnrichmentTask,
                &task.body,
            );
        }
        check_objective_items(
            problems,
            curriculum,
            objective,
            (c, u, o),
            &mut |problems, owner, id| ids.register(problems, owner, id),
        );
        check_text(
            problems,
            format_args!("{path}.target"),
            Part::LearningTarget,
            &objective.target,
        );
        check_text(
            problems,
            format_args!("{path}.lesson.body"),
            Part::Lesson,
            &objective.lesson.body,
        );
        check_text(
            problems,
            format_args!("{path}.lesson.mastery_looks_like"),
            Part::MasteryLooksLike,
            &objective.lesson.mastery_looks_like,
        );
    }
}

/// How many items per objective an assessment may ask.
pub(super) const ITEMS_PER_OBJECTIVE: std::ops::RangeInclusive<u32> = 1..=10;

fn check_thresholds(problems: &mut Vec<CurriculumError>, curriculum: &Curriculum) {
    let settings = &curriculum.mastery;
    for (what, path, found) in [
        (
            Count::FormativeItems,
            "$.mastery.formative_items_per_objective",
            settings.formative_items_per_objective,
        ),
        (
            Count::UnitTestItems,
            "$.mastery.unit_test_items_per_objective",
            settings.unit_test_items_per_objective,
        ),
        (
            Count::ReviewItems,
            "$.mastery.review_items_per_objective",
            settings.review_items_per_objective,
        ),
    ] {
        if !ITEMS_PER_OBJECTIVE.contains(&found) {
            problems.push(CurriculumError::at(
                path,
                CurriculumErrorKind::CountOutOfRange {
                    what,
                    found: found as usize,
                },
            ));
        }
    }
    if settings.review_intervals_days.is_empty() || settings.review_intervals_days.contains(&0) {
        problems.push(CurriculumError::at(
            "$.mastery.review_intervals_days",
            CurriculumErrorKind::Empty {
                what: Part::ReviewIntervals,
            },
        ));
    }
    if !(1..=100).contains(&settings.bar_percent) {
        problems.push(CurriculumError::at(
            "$.mastery.bar_percent",
            CurriculumErrorKind::ThresholdOutOfRange {
                what: Threshold::Bar,
                found: settings.bar_percent,
            },
        ));
    } else if settings.familiar_percent >= settings.bar_percent {
        problems.push(CurriculumError::at(
            "$.mastery.familiar_percent",
            CurriculumErrorKind::ThresholdOutOfRange {
                what: Threshold::Familiar,
                found: settings.familiar_percent,
            },
        ));
    }
}

fn check_text(
    problems: &mut Vec<CurriculumError>,
    path: impl fmt::Display,
    what: Part,
    text: &str,
) {
    if text.trim().is_empty() {
        problems.push(CurriculumError::at(
            path.to_string(),
            CurriculumErrorKind::Empty { what },
        ));
    }
    check_pictures(problems, &path, text);
}

/// Every picture in a text can be drawn (item texts are checked per instance).
pub(super) fn check_pictures(
    problems: &mut Vec<CurriculumError>,
    path: &dyn fmt::Display,
    text: &str,
) {
    if !text.contains(":::") {
        return;
    }
    for block in parse_markdown(text) {
        if let Block::BadDiagram(error) = block {
            problems.push(CurriculumError::at(
                path.to_string(),
                CurriculumErrorKind::BadDiagram { error },
            ));
        }
    }
}

/// `path` gives the path of the id field itself, made only if the id is malformed.
fn check_id(problems: &mut Vec<CurriculumError>, path: impl FnOnce() -> String, id: &str) {
    let well_formed = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !well_formed {
        problems.push(CurriculumError::at(
            path(),
            CurriculumErrorKind::BadId { id: id.to_string() },
        ));
    }
}

/// What an id belongs to, by position; written out as its JSON path only when
/// there is a problem to report.
#[derive(Debug, Clone, Copy)]
pub(super) enum Owner {
    Misconception(usize),
    Course(usize),
    Unit(usize, usize),
    Objective(usize, usize, usize),
    Item(usize, usize, usize, usize),
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Owner::Misconception(m) => write!(f, "$.misconceptions[{m}]"),
            Owner::Course(c) => write!(f, "$.courses[{c}]"),
            Owner::Unit(c, u) => write!(f, "$.courses[{c}].units[{u}]"),
            Owner::Objective(c, u, o) => {
                write!(f, "$.courses[{c}].units[{u}].objectives[{o}]")
            }
            Owner::Item(c, u, o, i) => {
                write!(f, "$.courses[{c}].units[{u}].objectives[{o}].items[{i}]")
            }
        }
    }
}

/// Course, unit, objective and item ids share one namespace, so that anything in
/// a log or a prerequisite list names exactly one thing. The first use of each id
/// is kept as its owner's position, written out only when a duplicate appears.
struct IdRegistry<'a> {
    first_use: FastMap<&'a str, Owner>,
}

impl<'a> IdRegistry<'a> {
    fn with_capacity(capacity: usize) -> Self {
        IdRegistry {
            first_use: FastMap::with_capacity_and_hasher(capacity, Default::default()),
        }
    }

    fn register(&mut self, problems: &mut Vec<CurriculumError>, owner: Owner, id: &'a str) {
        check_id(problems, || format!("{owner}.id"), id);
        match self.first_use.entry(id) {
            Entry::Occupied(first) => problems.push(CurriculumError::at(
                format!("{owner}.id"),
                CurriculumErrorKind::DuplicateId {
                    id: id.to_string(),
                    first: format!("{}.id", first.get()),
                },
            )),
            Entry::Vacant(slot) => {
                slot.insert(owner);
            }
        }
    }
}

fn check_prerequisites(problems: &mut Vec<CurriculumError>, curriculum: &Curriculum) {
    let mut units: Vec<(String, &Unit)> = Vec::new();
    for (c, course) in curriculum.courses.iter().enumerate() {
        for (u, unit) in course.units.iter().enumerate() {
            units.push((format!("$.courses[{c}].units[{u}]"), unit));
        }
    }
    let index: FastMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, (_, unit))| (unit.id.as_str(), i))
        .collect();

    for (path, unit) in &units {
        for (p, prerequisite) in unit.prerequisites.iter().enumerate() {
            let at = format!("{path}.prerequisites[{p}]");
            if prerequisite == &unit.id {
                problems.push(CurriculumError::at(
                    at,
                    CurriculumErrorKind::SelfPrerequisite {
                        id: unit.id.clone(),
                    },
                ));
            } else if !index.contains_key(prerequisite.as_str()) {
                problems.push(CurriculumError::at(
                    at,
                    CurriculumErrorKind::UnknownPrerequisite {
                        id: prerequisite.clone(),
                    },
                ));
            }
        }
    }

    // Depth-first search; a back edge closes a cycle, which is reported once, at the
    // unit where the search entered it, listing the units in prerequisite order.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut marks = vec![Mark::New; units.len()];
    for start in 0..units.len() {
        if marks[start] != Mark::New {
            continue;
        }
        let mut path: Vec<usize> = vec![start];
        let mut next_edge: Vec<usize> = vec![0];
        marks[start] = Mark::OnPath;
        while let Some(&node) = path.last() {
            let edge = next_edge.last().copied().unwrap_or(0);
            let prerequisites = &units[node].1.prerequisites;
            if edge >= prerequisites.len() {
                marks[node] = Mark::Done;
                path.pop();
                next_edge.pop();
                continue;
            }
            if let Some(counter) = next_edge.last_mut() {
                *counter += 1;
            }
            let Some(&target) = index.get(prerequisites[edge].as_str()) else {
                continue;
            };
            match marks[target] {
                Mark::New => {
                    marks[target] = Mark::OnPath;
                    path.push(target);
                    next_edge.push(0);
                }
                Mark::OnPath if target != node => {
                    let from = path.iter().position(|&n| n == target).unwrap_or(0);
                    let mut cycle: Vec<String> = path[from..]
                        .iter()
                        .map(|&n| units[n].1.id.clone())
                        .collect();
                    cycle.push(units[target].1.id.clone());
                    problems.push(CurriculumError::at(
                        format!("{}.prerequisites", units[target].0),
                        CurriculumErrorKind::PrerequisiteCycle { cycle },
                    ));
                }
                _ => {}
            }
        }
    }
}
