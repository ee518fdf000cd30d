//! The mastery method in words: levels and what they mean, the kinds of
//! assessment, the reason a level is what it is, why a sitting cannot be planned,
//! why replay left an answer out, and the simulated learners' paths.

use crate::Say;
use masterly_core::learning::attempt::AssessmentKind;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::learning::plan::PlanError;
use masterly_core::learning::replay::{Evidence, Ignored, LevelChange, ObjectiveProgress};
use masterly_core::learning::simulate::{Observer, Path};
use masterly_core::time::{civil_date, Millis, DAY_MS};

/// The name shown next to a level's colour, so the level never depends on colour
/// alone.
pub fn level_label(level: MasteryLevel) -> &'static str {
    match level {
        MasteryLevel::NotStarted => "Not started",
        MasteryLevel::Attempted => "Attempted",
        MasteryLevel::Familiar => "Familiar",
        MasteryLevel::Proficient => "Proficient",
        MasteryLevel::Mastered => "Mastered",
    }
}

/// A level in one letter, for the teacher's compact grid (its key says each word).
pub fn level_letter(level: MasteryLevel) -> &'static str {
    match level {
        MasteryLevel::NotStarted => "–",
        MasteryLevel::Attempted => "A",
        MasteryLevel::Familiar => "F",
        MasteryLevel::Proficient => "P",
        MasteryLevel::Mastered => "M",
    }
}

/// What a level means, in words a student understands.
pub fn level_meaning(level: MasteryLevel) -> &'static str {
    match level {
        MasteryLevel::NotStarted => "No answers yet for this objective.",
        MasteryLevel::Attempted => "Started: the last check was below 70%.",
        MasteryLevel::Familiar => "Getting there: 70% or more, not yet at the mastery bar.",
        MasteryLevel::Proficient => "At the mastery bar on a practice check.",
        MasteryLevel::Mastered => "Proficient, and shown again in a mixed test or review.",
    }
}

impl Say for MasteryLevel {
    fn say(&self) -> String {
        level_label(*self).to_string()
    }
}

/// The words students and teachers see for a kind of assessment ("check A"); the
/// file format and the curriculum's authors say formative A and B.
pub fn kind_label(kind: AssessmentKind) -> &'static str {
    match kind {
        AssessmentKind::Readiness => "readiness check",
        AssessmentKind::FormativeA => "check A",
        AssessmentKind::FormativeB => "check B",
        AssessmentKind::UnitTest => "unit test",
        AssessmentKind::CourseChallenge => "course challenge",
        AssessmentKind::Review => "review",
        AssessmentKind::Practice => "practice",
    }
}

impl Say for AssessmentKind {
    fn say(&self) -> String {
        kind_label(*self).to_string()
    }
}

/// "3 Mar 2026", in UTC.
pub fn format_date(at: Millis) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day) = civil_date(at.div_euclid(DAY_MS));
    let name = MONTHS.get(month as usize - 1).copied().unwrap_or("?");
    format!("{day} {name} {year}")
}

/// A level explained by its evidence: "Proficient because check B on 3 Mar 2026:
/// 3/3".
pub fn reason(level: MasteryLevel, evidence: Option<&Evidence>) -> String {
    let Some(evidence) = evidence else {
        return format!("{}: no answers yet.", level_label(level));
    };
    let when = format!(
        "{} on {}: {}/{}",
        kind_label(evidence.kind),
        format_date(evidence.at),
        evidence.correct,
        evidence.total
    );
    let level = match evidence.change {
        LevelChange::Set => format!("{} because {when}", level_label(level)),
        LevelChange::Demoted(from) => format!(
            "{}, down from {}, because {when}",
            level_label(level),
            level_label(from)
        ),
    };
    let hints = match evidence.hinted {
        0 => level,
        1 => format!("{level}, 1 answer after a hint"),
        n => format!("{level}, {n} answers after hints"),
    };
    match evidence.revealed {
        0 => hints,
        1 => format!(
            "{hints}. 1 answer came after a hint that showed the answer, so it does not count"
        ),
        n => format!(
            "{hints}. {n} answers came after a hint that showed the answer, so they do not count"
        ),
    }
}

impl Say for ObjectiveProgress {
    fn say(&self) -> String {
        reason(self.level, self.evidence.as_ref())
    }
}

impl Say for PlanError {
    fn say(&self) -> String {
        match self {
            PlanError::UnknownUnit(id) => format!("there is no unit \"{id}\" in this curriculum"),
            PlanError::UnknownCourse(id) => {
                format!("there is no course \"{id}\" in this curriculum")
            }
            PlanError::UnknownObjective(id) => {
                format!("there is no objective \"{id}\" in this curriculum")
            }
            PlanError::NothingToAssess(kind) => {
                let why = match kind {
                    AssessmentKind::Readiness => "the prerequisites are already mastered",
                    AssessmentKind::FormativeB => "every objective is already at the bar",
                    AssessmentKind::Review => "no review is due",
                    _ => "the unit or course has no objectives",
                };
                format!("there is nothing to assess: {why}")
            }
            PlanError::NoItems(objective) => format!("objective \"{objective}\" has no items"),
            PlanError::Instance(error) => error.say(),
        }
    }
}

impl Say for Ignored {
    fn say(&self) -> String {
        match self {
            Ignored::ItemNotInObjective { item, objective } => {
                format!("item \"{item}\" is not in objective \"{objective}\"")
            }
            Ignored::UnknownObjective { objective } => {
                format!("objective \"{objective}\" is not in this curriculum")
            }
        }
    }
}

impl Say for Path {
    fn say(&self) -> String {
        match self {
            Path::FullCycle => "full cycle",
            Path::SkipAhead => "skip ahead (unit test first)",
            Path::CourseChallenge => "course challenge first",
        }
        .to_string()
    }
}

impl Say for Observer {
    fn say(&self) -> String {
        match self {
            Observer::ThreeInARow => "3 correct in a row",
            Observer::FourInARow => "4 correct in a row",
            Observer::KnowledgeTracing => "knowledge tracing ≥ 0.95",
        }
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_in_day_month_year_order() {
        assert_eq!(format_date(0), "1 Jan 1970");
        // 2026-03-03T10:00:00Z
        assert_eq!(format_date(1_772_532_000_000), "3 Mar 2026");
        // 2024-02-29, a leap day
        assert_eq!(format_date(1_709_164_800_000), "29 Feb 2024");
        assert_eq!(format_date(-DAY_MS), "31 Dec 1969");
    }

    #[test]
    fn every_level_has_a_distinct_label_and_meaning() {
        use std::collections::HashSet;
        let labels: HashSet<&str> = MasteryLevel::ALL.iter().map(|l| level_label(*l)).collect();
        let meanings: HashSet<&str> = MasteryLevel::ALL
            .iter()
            .map(|l| level_meaning(*l))
            .collect();
        assert_eq!((labels.len(), meanings.len()), (5, 5));
    }
}
