//! Freeing space on a shared computer: whose work is stored here, how much room
//! it takes, and whether the progress files saved from here hold all of it, so
//! that a teacher can remove a learner without losing an answer. Nothing is
//! removed unless a person chooses it; the shell asks first.

use crate::device::profiles::Profiles;
use crate::device::workbook::{holds_archive, Exported, Holds, WORKBOOK_PREFIX};
use crate::format::objects_only::from_str;
use crate::format::progress::Learner;
use crate::time::Millis;
use serde::Deserialize;

/// A value of some learner's work as found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredValue {
    pub key: String,
    /// The payload opened from its envelope; None when it does not open.
    pub payload: Option<String>,
    /// Characters of storage it takes, with its last good copy.
    pub characters: u64,
}

/// One learner of this computer and their stored work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLearner {
    pub learner: Learner,
    /// Answers stored here, in every curriculum.
    pub answers: usize,
    /// Characters of storage their work takes.
    pub characters: u64,
    /// When a progress file was last saved here, in the curriculum whose file is
    /// oldest; None when a curriculum with answers never had one saved.
    pub file_saved: Option<Millis>,
    /// True when every curriculum's saved file holds all its answers stored here:
    /// it was saved after the newest of them, with at least as many.
    pub files_hold_everything: bool,
    /// True when some of their stored work cannot be checked here: damaged, or
    /// last saved by a Masterly that did not write what its log holds (such work
    /// is never removed).
    pub unread: bool,
    /// The storage keys of their work.
    pub keys: Vec<String>,
}

impl StoredLearner {
    /// Whether removing this learner from the computer loses nothing that their
    /// progress files do not hold.
    pub fn can_be_removed(&self) -> bool {
        !self.unread && (self.answers == 0 || self.files_hold_everything)
    }
}

/// The learner a key of stored work belongs to: of the learners whose key prefix
/// it has, the one with the longest id (ids from progress files may hold dots, so
/// one learner's prefix can begin another's).
fn owner<'a>(key: &str, profiles: &'a Profiles) -> Option<&'a Learner> {
    let rest = key.strip_prefix(WORKBOOK_PREFIX)?;
    profiles
        .profiles
        .iter()
        .map(|profile| &profile.learner)
        .filter(|learner| {
            rest.strip_prefix(learner.id.as_str())
                .is_some_and(|after| after.starts_with('.'))
        })
        .max_by_key(|learner| learner.id.len())
}

/// The workbook key an archive key belongs to (a workbook key is its own).
fn workbook_of(key: &str) -> &str {
    if !holds_archive(key) {
        return key;
    }
    match key.find(".chunk.") {
        Some(at) => &key[..at],
        None => key.strip_suffix(".archive").unwrap_or(key),
    }
}

/// What a stored workbook says about its whole log and its last saved file.
#[derive(Deserialize)]
struct Summary {
    #[serde(default)]
    exported: Option<Exported>,
    #[serde(default)]
    holds: Option<Holds>,
}

/// From a stored workbook's payload: whether its saved file holds every answer of
/// its log, when that file was saved, and how many answers the log holds. None
/// when that cannot be told here: the workbook does not read, or it was last saved
/// by a Masterly that did not write what its log holds (the next save on the
/// student's page writes it).
fn file_holds_all(payload: &str) -> Option<(bool, Option<Millis>, usize)> {
    let summary = from_str::<Summary>(payload).ok()?;
    let holds = summary.holds?;
    let saved = summary.exported.map(|file| file.at);
    let all = holds.answers == 0 || summary.exported.is_some_and(|file| file.holds_all(holds));
    Some((all, saved, holds.answers))
}

/// The learners of `profiles`, in their order, with the work `values` holds for
/// each (values of no learner's are left out).
pub fn stored_learners(profiles: &Profiles, values: &[StoredValue]) -> Vec<StoredLearner> {
    profiles
        .profiles
        .iter()
        .map(|profile| {
            let mine: Vec<&StoredValue> = values
                .iter()
                .filter(|value| {
                    owner(&value.key, profiles).map(|owner| &owner.id) == Some(&profile.learner.id)
                })
                .collect();
            let mut learner = StoredLearner {
                learner: profile.learner.clone(),
                answers: 0,
                characters: mine.iter().map(|value| value.characters).sum(),
                file_saved: None,
                files_hold_everything: true,
                unread: false,
                keys: mine.iter().map(|value| value.key.clone()).collect(),
            };
            let mut oldest_file: Option<Option<Millis>> = None;
            for value in &mine {
                let Some(payload) = &value.payload else {
                    learner.unread = true;
                    continue;
                };
                if holds_archive(&value.key) {
                    // Its workbook says what the whole log holds.
                    learner.unread |= !mine
                        .iter()
                        .any(|other| other.key == workbook_of(&value.key));
                    continue;
                }
                match file_holds_all(payload) {
                    None => learner.unread = true,
                    Some((all, saved, answers)) => {
                        learner.answers += answers;
                        learner.files_hold_everything &= all;
                        if answers > 0 {
                            oldest_file =
                                Some(oldest_file.map_or(saved, |oldest| oldest.min(saved)));
                        }
                    }
                }
            }
            learner.file_saved = oldest_file.flatten();
            learner
        })
        .collect()
}
