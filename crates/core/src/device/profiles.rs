//! Learner profiles on a shared device: classroom computers serve several
//! students, so one browser holds several learners, each with their own workbooks.
//! The profile list says who they are and which curriculum each last worked in;
//! nothing of a learner's work lives here.

use crate::content::case::lowercase;
use crate::device::workbook::{Stored, StoredError};
use crate::format::progress::{clean_nickname, Learner};
use serde::{Deserialize, Serialize};

pub const PROFILES_KEY: &str = "masterly.profiles";
pub const PROFILES_KIND: &str = "profiles";
/// A class set of computers rarely has more than a few dozen users per browser.
pub const MAX_LEARNERS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub learner: Learner,
    /// The curriculum this learner last worked in.
    #[serde(default)]
    pub curriculum: Option<String>,
    /// The learner chose to stay signed in when the browser is closed (on a
    /// computer that is theirs alone); otherwise the next visit asks who is
    /// learning.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_signed_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Profiles {
    pub profiles: Vec<Profile>,
    /// The learner using the app now; None shows the start screen.
    #[serde(default)]
    pub current: Option<String>,
    /// Learners removed from this device (their ids), so that a tab that still
    /// lists them does not bring them back when it merges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// Removed learners remembered; beyond this, the longest removed are forgotten.
const REMEMBERED_REMOVALS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// A nickname that is empty, too long or holds markup.
    BadNickname,
    /// Another learner of this device has this nickname (in any case).
    Taken(String),
    /// The device holds as many learners as it can.
    Full,
}

impl Profiles {
    /// Reads the stored list; unreadable text gives an empty list and the reason.
    pub fn from_stored(text: &str) -> Result<Profiles, StoredError> {
        crate::format::objects_only::from_str(text)
            .map_err(|error| StoredError::unreadable(Stored::Profiles, &error))
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn get(&self, learner_id: &str) -> Option<&Profile> {
        self.profiles
            .iter()
            .find(|profile| profile.learner.id == learner_id)
    }

    pub fn current(&self) -> Option<&Profile> {
        self.get(self.current.as_deref()?)
    }

    /// The learner of this device with this nickname, in any case.
    pub fn by_nickname(&self, nickname: &str) -> Option<&Profile> {
        let folded = lowercase(nickname);
        self.profiles
            .iter()
            .find(|profile| lowercase(&profile.learner.nickname) == folded)
    }

    /// Adds a learner with a fresh random id and makes them current.
    pub fn add(&mut self, nickname: &str, id: String) -> Result<Learner, ProfileError> {
        let nickname = clean_nickname(nickname).ok_or(ProfileError::BadNickname)?;
        let learner = Learner { id, nickname };
        self.add_existing(&learner)?;
        Ok(learner)
    }

    /// Adds a learner from elsewhere (their progress file), keeping their id, and
    /// makes them current. A learner already here is just made current; another
    /// learner with the same nickname is refused.
    pub fn add_existing(&mut self, learner: &Learner) -> Result<(), ProfileError> {
        if self.select(&learner.id) {
            return Ok(());
        }
        // A learner removed earlier and brought back from their progress file.
        self.removed.retain(|id| *id != learner.id);
        if self.by_nickname(&learner.nickname).is_some() {
            return Err(ProfileError::Taken(learner.nickname.clone()));
        }
        if self.profiles.len() >= MAX_LEARNERS {
            return Err(ProfileError::Full);
        }
        self.profiles.push(Profile {
            learner: learner.clone(),
            curriculum: None,
            keep_signed_in: false,
        });
        self.current = Some(learner.id.clone());
        Ok(())
    }

    pub fn select(&mut self, learner_id: &str) -> bool {
        let known = self.get(learner_id).is_some();
        if known {
            self.current = Some(learner_id.to_string());
        }
        known
    }

    pub fn sign_out(&mut self) {
        self.current = None;
    }

    /// Whether the learner signed in now stays signed in when the browser closes.
    pub fn keep_signed_in(&mut self, keep: bool) {
        let current = self.current.clone();
        if let Some(profile) = self
            .profiles
            .iter_mut()
            .find(|profile| Some(&profile.learner.id) == current.as_ref())
        {
            profile.keep_signed_in = keep;
        }
    }

    /// The browser was closed since the last visit: the learner signed in then is
    /// signed out, unless they chose to stay signed in. True when that changed
    /// anything.
    pub fn browser_reopened(&mut self) -> bool {
        let kept = self.current().is_some_and(|profile| profile.keep_signed_in);
        let signed_out = self.current.is_some() && !kept;
        if signed_out {
            self.sign_out();
        }
        signed_out
    }

    /// Takes a learner off the list (signed out, if they were signed in); false
    /// when they were not on it.
    pub fn remove(&mut self, learner_id: &str) -> bool {
        let before = self.profiles.len();
        self.profiles
            .retain(|profile| profile.learner.id != learner_id);
        if self.current.as_deref() == Some(learner_id) {
            self.current = None;
        }
        if !self.removed.iter().any(|id| id == learner_id) {
            self.removed.push(learner_id.to_string());
        }
        if self.removed.len() > REMEMBERED_REMOVALS {
            self.removed.remove(0);
        }
        self.profiles.len() < before
    }

    pub fn set_curriculum(&mut self, learner_id: &str, curriculum_id: &str) {
        if let Some(profile) = self
            .profiles
            .iter_mut()
            .find(|profile| profile.learner.id == learner_id)
        {
            profile.curriculum = Some(curriculum_id.to_string());
        }
    }

    /// Folds in the stored list, which another tab may have saved: learners
    /// added there are kept, and learners removed there are removed here too;
    /// who is current in this tab does not change, unless they were removed. The
    /// stored list is the newer word on a learner it lists: every save merges it
    /// first, so it never goes back to an older list.
    pub fn merge_from(&mut self, other: &Profiles) {
        for profile in &other.profiles {
            let id = &profile.learner.id;
            if !other.removed.contains(id) {
                // Brought back from their progress file since this tab removed them.
                self.removed.retain(|removed| removed != id);
            }
            if self.get(id).is_none() && !self.removed.contains(id) {
                self.profiles.push(profile.clone());
            }
        }
        for id in &other.removed {
            self.remove(id);
        }
    }
}

/// A learner id from 64 random bits supplied by the shell.
pub fn learner_id(random: u64) -> String {
    format!("l-{random:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learners_are_added_once_with_clean_nicknames() {
        let mut profiles = Profiles::default();
        let sam = profiles.add("  Sam ", learner_id(1)).expect("added");
        assert_eq!(sam.nickname, "Sam");
        assert_eq!(sam.id, "l-0000000000000001");
        assert_eq!(profiles.current().map(|p| &p.learner), Some(&sam));
        assert_eq!(
            profiles.add("sam", learner_id(2)),
            Err(ProfileError::Taken("sam".into()))
        );
        assert_eq!(
            profiles.add("   ", learner_id(3)),
            Err(ProfileError::BadNickname)
        );
        assert_eq!(
            profiles.add("<b>x</b>", learner_id(3)),
            Err(ProfileError::BadNickname)
        );
        assert_eq!(profiles.profiles.len(), 1);
    }

    #[test]
    fn a_reopened_browser_asks_who_is_learning_unless_they_chose_to_stay() {
        let mut profiles = Profiles::default();
        let sam = profiles.add("Sam", learner_id(1)).expect("added");
        assert!(profiles.browser_reopened());
        assert_eq!(profiles.current(), None);
        assert!(!profiles.browser_reopened(), "nobody to sign out");
        assert!(profiles.select(&sam.id));
        profiles.keep_signed_in(true);
        assert!(!profiles.browser_reopened());
        assert_eq!(profiles.current().map(|p| &p.learner), Some(&sam));
        // Stored and read back, the choice stays; a learner who did not choose is
        // stored as before.
        let stored = profiles.to_stored();
        assert!(stored.contains("\"keep_signed_in\":true"), "{stored}");
        let mut read = Profiles::from_stored(&stored).expect("reads back");
        assert!(!read.browser_reopened());
        read.keep_signed_in(false);
        assert!(!read.to_stored().contains("keep_signed_in"));
        assert!(read.browser_reopened());
    }

    #[test]
    fn a_device_holds_a_bounded_number_of_learners() {
        let mut profiles = Profiles::default();
        for n in 0..MAX_LEARNERS {
            profiles
                .add(&format!("Learner {n}"), learner_id(n as u64))
                .expect("room left");
        }
        assert_eq!(
            profiles.add("One more", learner_id(999)),
            Err(ProfileError::Full)
        );
    }

    #[test]
    fn selecting_signing_out_and_merging() {
        let mut profiles = Profiles::default();
        let ana = profiles.add("Ana", learner_id(1)).expect("added");
        let mut other_tab = profiles.clone();
        other_tab.add("Ben", learner_id(2)).expect("added");
        profiles.sign_out();
        assert_eq!(profiles.current(), None);
        assert!(!profiles.select("l-nobody"));
        assert!(profiles.select(&ana.id));
        profiles.merge_from(&other_tab);
        assert_eq!(profiles.profiles.len(), 2);
        assert_eq!(profiles.current.as_deref(), Some(ana.id.as_str()));
        profiles.set_curriculum(&ana.id, "demo");
        let text = profiles.to_stored();
        assert_eq!(Profiles::from_stored(&text), Ok(profiles));
    }
}
