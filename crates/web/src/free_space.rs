//! Freeing space on a shared computer, from the teacher's page: the learners whose
//! work this browser keeps, and removing one whose saved progress files hold all
//! of it (the rule is `masterly_core::device::free_space`). Nothing is removed
//! unless the teacher chooses it and confirms.

use crate::device::Device;
use crate::storage::SaveError;
use crate::text;
use leptos::prelude::*;
use masterly_core::device::free_space::{stored_learners, StoredLearner};
use masterly_core::device::profiles::{Profiles, PROFILES_KEY, PROFILES_KIND};
use masterly_core::device::room::Room;

/// Why a learner was not removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRemoved {
    /// Since the list was shown, the learner answered again (or their work was
    /// found damaged, or they are gone): nothing was removed.
    NoLongerSafe,
    /// The learner list could not be saved: nothing was removed.
    NotSaved(SaveError),
}

impl Device {
    /// The learners of this device as stored, if the list reads.
    pub(crate) fn stored_profiles(&self) -> Option<Profiles> {
        self.load_text(PROFILES_KEY, PROFILES_KIND, text::LEARNER_LIST)
            .and_then(|text| Profiles::from_stored(&text).ok())
    }

    /// Every learner of this device with their stored work, and the storage in use.
    pub fn stored_learners(&self) -> (Vec<StoredLearner>, Room) {
        let (work, used) = self
            .store
            .with_value(|store| (store.stored_work(), store.characters_in_use()));
        let profiles = self.stored_profiles().unwrap_or_default();
        (stored_learners(&profiles, &work), Room::of(used))
    }

    /// Removes a learner and their work from this device, if their saved progress
    /// files still hold all of it: first from the learner list (so no tab offers
    /// them again), then their workbooks and archives.
    pub fn remove_learner(&self, learner_id: &str) -> Result<(), NotRemoved> {
        let (learners, _) = self.stored_learners();
        let learner = learners
            .into_iter()
            .find(|stored| stored.learner.id == learner_id && stored.can_be_removed())
            .ok_or(NotRemoved::NoLongerSafe)?;
        let mut profiles = self.stored_profiles().ok_or(NotRemoved::NoLongerSafe)?;
        profiles.remove(learner_id);
        self.save_quietly(PROFILES_KEY, PROFILES_KIND, &profiles.to_stored())
            .map_err(NotRemoved::NotSaved)?;
        self.store.with_value(|store| {
            for key in &learner.keys {
                let _ = store.remove(key);
            }
        });
        Ok(())
    }
}
