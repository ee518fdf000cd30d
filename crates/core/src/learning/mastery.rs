//! Mastery levels of an objective, as students and teachers see them. Levels come
//! only from recorded evidence, and each one can be explained by the evidence that
//! produced it.

use serde::{Deserialize, Serialize};

/// Answers to an objective that one mixed assessment needs, at the bar, to make
/// it Mastered: one lucky answer never masters an objective (docs/mastery.md).
pub const MIN_ANSWERS_TO_MASTER: u32 = 2;

/// The bar of a course challenge, whatever the unit's: a student who was never
/// taught here masters an objective by a challenge only with every answer right
/// (the simulation in docs/mastery.md found "4 of 5" too easy to guess there).
pub const CHALLENGE_BAR_PERCENT: u32 = 100;

/// Ordered from no evidence to mastered; the order is the order of progress. In
/// files a level is written as its [`MasteryLevel::key`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum MasteryLevel {
    #[default]
    NotStarted,
    /// Latest assessment of the objective below the familiar threshold (70%).
    Attempted,
    /// At or above the familiar threshold, below the mastery bar.
    Familiar,
    /// At or above the bar on a formative assessment (A or B).
    Proficient,
    /// Proficient, then at or above the bar again in a mixed assessment.
    Mastered,
}

impl MasteryLevel {
    pub const ALL: [MasteryLevel; 5] = [
        MasteryLevel::NotStarted,
        MasteryLevel::Attempted,
        MasteryLevel::Familiar,
        MasteryLevel::Proficient,
        MasteryLevel::Mastered,
    ];

    /// A stable machine name, used in files, CSV exports and style hooks.
    pub fn key(self) -> &'static str {
        match self {
            MasteryLevel::NotStarted => "not-started",
            MasteryLevel::Attempted => "attempted",
            MasteryLevel::Familiar => "familiar",
            MasteryLevel::Proficient => "proficient",
            MasteryLevel::Mastered => "mastered",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_from_no_evidence_to_mastered() {
        let mut sorted = MasteryLevel::ALL;
        sorted.sort();
        assert_eq!(sorted, MasteryLevel::ALL);
        assert!(MasteryLevel::Familiar < MasteryLevel::Proficient);
    }

    #[test]
    fn every_level_has_a_distinct_key() {
        let keys: std::collections::HashSet<_> =
            MasteryLevel::ALL.iter().map(|level| level.key()).collect();
        assert_eq!(keys.len(), 5);
    }
}
