//! What both pages share on this browser: its storage, the library of curricula it
//! offers (`library.rs`), and the banners that tell a person what happened to what
//! is kept here. Each page's session ([`crate::student::StudentSession`],
//! [`crate::teacher::TeacherSession`]) holds one [`Device`]; it is also provided as a
//! context of its own, for the components both pages use.

use super::library::Library;
use super::storage::{LoadNotice, MemoryStorage, SaveError, Store};
use super::text;
use leptos::prelude::*;
use masterly_text::Say;

/// Something a person must be told about what is kept on this device, shown in a
/// banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// A file the person can download from the banner: (file name, contents).
    pub download: Option<(String, String)>,
    /// Offer to export the current progress file (when storage is full or blocked).
    pub offer_export: bool,
}

impl Notice {
    /// A notice that only says something.
    pub fn says(text: String) -> Notice {
        Notice {
            text,
            download: None,
            offer_export: false,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Device {
    pub library: RwSignal<Library>,
    pub notices: RwSignal<Vec<Notice>>,
    pub(crate) store: StoredValue<Store, LocalStorage>,
    /// Writes made by this tab, so that the store can tell two tabs' copies apart.
    generation: StoredValue<u64>,
}

impl Device {
    /// The device over this storage. Each page warns in its own words when the
    /// storage is blocked ([`Device::storage_blocked`]).
    pub fn with_store(store: Store) -> Device {
        Device {
            library: RwSignal::new(Library::Loading),
            notices: RwSignal::new(Vec::new()),
            store: StoredValue::new_local(store),
            generation: StoredValue::new(0),
        }
    }

    /// True when the browser's storage is blocked and nothing outlives the tab.
    pub fn storage_blocked(&self) -> bool {
        self.store.with_value(|store| store.in_memory)
    }

    /// A device with storage in memory that counts as real: for browser tests.
    pub fn in_memory() -> Device {
        Device::with_store(Store::with_backend(Box::<MemoryStorage>::default(), false))
    }

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|notices| {
            if !notices.contains(&notice) {
                notices.push(notice);
            }
        });
    }

    pub fn dismiss_notice(&self, index: usize) {
        self.notices.update(|notices| {
            if index < notices.len() {
                notices.remove(index);
            }
        });
    }

    /// Reads a key, telling the person when damaged data was found.
    pub(crate) fn load_text(&self, key: &str, kind: &str, what: &str) -> Option<String> {
        let loaded = self.store.with_value(|store| store.load(key, kind));
        match loaded {
            Ok((text, LoadNotice::None)) => text,
            Ok((text, LoadNotice::Restored { damaged, .. })) => {
                self.notify(Notice {
                    text: text::restored(what),
                    download: Some((format!("{key}.damaged.txt"), damaged)),
                    offer_export: false,
                });
                text
            }
            Ok((_, LoadNotice::Unreadable { damaged, problem })) => {
                self.notify(Notice {
                    text: text::unreadable(what, &problem.say()),
                    download: Some((format!("{key}.damaged.txt"), damaged)),
                    offer_export: false,
                });
                None
            }
            Err(error) => {
                self.notify(Notice::says(text::storage_refused(&error)));
                None
            }
        }
    }

    /// Saves, with a banner that offers an export when the storage refuses.
    pub(crate) fn save_text(&self, key: &str, kind: &str, payload: &str) -> Result<(), SaveError> {
        let result = self.save_quietly(key, kind, payload);
        match &result {
            Ok(()) => {}
            Err(SaveError::QuotaExceeded) => self.notify(Notice {
                text: text::STORAGE_FULL.to_string(),
                download: None,
                offer_export: true,
            }),
            Err(SaveError::Failed(reason)) => self.notify(Notice {
                text: text::save_failed(reason),
                download: None,
                offer_export: true,
            }),
        }
        result
    }

    /// Saves without telling anyone anything.
    pub(crate) fn save_quietly(
        &self,
        key: &str,
        kind: &str,
        payload: &str,
    ) -> Result<(), SaveError> {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.store
            .with_value(|store| store.save(key, kind, payload, crate::browser::now(), generation))
    }
}
