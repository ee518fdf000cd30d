//! How much room a shared computer has left for answers. A browser gives a site
//! about five million characters of local storage for every learner of that
//! computer together (Chromium refused the write that passed 5,200,000 characters
//! when measured; Firefox allows about 5 MB). The start screen warns once 70% is in
//! use, in answers the learners can picture, so that the teacher collects progress
//! files long before anyone sees "storage full".

use crate::device::compact::stored_log;
use crate::device::workbook::archive_from_stored;
use crate::learning::attempt::Attempt;
use serde::Deserialize;

/// The characters of local storage counted on: the smaller of the browsers'.
pub const STORAGE_CAPACITY: u64 = 5_000_000;
/// The share in use, in percent, from which the start screen warns.
pub const WARN_AT_PERCENT: u64 = 70;
/// Characters an answer is taken to cost before any is stored to measure by.
const CHARACTERS_PER_ANSWER: u64 = 40;

/// Local storage in use, in characters (keys and values, every copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    pub used: u64,
    pub capacity: u64,
}

impl Room {
    pub fn of(used: u64) -> Room {
        Room {
            used,
            capacity: STORAGE_CAPACITY,
        }
    }

    /// The share in use, in whole percent (at most 100).
    pub fn percent_used(self) -> u64 {
        (self.used.saturating_mul(100) / self.capacity.max(1)).min(100)
    }

    /// Whether the start screen should say how much room is left.
    pub fn is_filling(self) -> bool {
        self.percent_used() >= WARN_AT_PERCENT
    }

    /// About how many more answers fit, at what an answer has cost on this device
    /// so far: `work` characters (the learners' workbooks and archives, every copy)
    /// over the `answers` they hold, rounded up.
    pub fn answers_left(self, answers: u64, work: u64) -> u64 {
        let per_answer = match answers {
            0 => CHARACTERS_PER_ANSWER,
            answers => work.div_ceil(answers).max(1),
        };
        self.capacity.saturating_sub(self.used) / per_answer
    }
}

/// The answers a stored workbook or archive payload holds; 0 for one that does not
/// read (the page reports damage when it opens that workbook).
pub fn answers_in(payload: &str) -> usize {
    #[derive(Deserialize)]
    struct Counted {
        #[serde(with = "stored_log")]
        attempts: Vec<Attempt>,
    }
    crate::format::objects_only::from_str::<Counted>(payload)
        .map(|counted| counted.attempts.len())
        .or_else(|_| archive_from_stored(payload).map(|log| log.len()))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_starts_at_seventy_percent() {
        assert!(!Room::of(3_499_999).is_filling());
        assert!(Room::of(3_500_000).is_filling());
        assert_eq!(Room::of(3_500_000).percent_used(), 70);
        assert_eq!(Room::of(9_000_000).percent_used(), 100);
    }

    #[test]
    fn room_left_is_counted_at_what_an_answer_has_cost_here() {
        // Learners' work of 3.6 million characters for 60,000 answers: 60 each;
        // 1.4 million left.
        assert_eq!(Room::of(3_600_000).answers_left(60_000, 3_600_000), 23_333);
        // Other data in use counts against the room, not against an answer's cost.
        assert_eq!(Room::of(3_600_000).answers_left(100, 6_001), 22_950);
        // Nothing stored to measure by: 40 characters an answer.
        assert_eq!(Room::of(1_000_000).answers_left(0, 0), 100_000);
        assert_eq!(Room::of(6_000_000).answers_left(10, 600), 0);
    }

    #[test]
    fn answers_are_counted_in_workbooks_and_archives_of_either_form() {
        use crate::content::item::Response;
        use crate::device::workbook::archive_to_stored;
        use crate::learning::attempt::{AssessmentKind, Sitting};
        let attempt = |id: &str| Attempt {
            id: id.into(),
            at: 1,
            sitting: Sitting {
                id: "s".into(),
                kind: AssessmentKind::Practice,
                size: 3,
                unit: None,
                course: None,
            },
            unit: "u".into(),
            objective: "o".into(),
            item: "i".into(),
            seed: 0,
            response: Response::Choice { index: 0 },
            correct: true,
            misconception: None,
            hints_used: 0,
            active_seconds: 1,
        };
        let log = vec![attempt("a"), attempt("b"), attempt("c")];
        let compact = archive_to_stored(&log);
        let list = serde_json::to_string(&log).unwrap_or_default();
        assert_eq!(answers_in(&compact), 3);
        assert_eq!(answers_in(&list), 3);
        assert_eq!(
            answers_in(&format!(r#"{{"learner":{{}},"attempts":{compact}}}"#)),
            3
        );
        assert_eq!(
            answers_in(&format!(r#"{{"attempts":{list},"place":1}}"#)),
            3
        );
        assert_eq!(answers_in("not json"), 0);
    }
}
