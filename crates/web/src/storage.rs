//! The one adapter over the browser's local storage: nothing else in the app
//! reads or writes it. The rules (envelopes, checksums, the last good copy) are in
//! `masterly_core::device::store`; this module does the input and output, and degrades to
//! memory when storage is blocked, so the app still works, with a warning.
//!
//! Local storage is reached through gloo-storage's `LocalStorage`, with three care
//! points:
//! - gloo's `LocalStorage::raw()` throws when storage is blocked (a private window,
//!   site data turned off), so `BrowserStorage::probe` looks through `web_sys` first
//!   and the app runs in memory, with its warning, when the probe fails;
//! - gloo's typed `get` and `set` encode values as JSON. A sealed envelope already
//!   is JSON, so it is written as the typed value it is (a `&RawValue`), encoded once;
//!   a string would be encoded again, with every quote escaped, spending quota that
//!   students' work needs. Reads take the text through `raw()`: the store checks its
//!   checksum over that exact text, and keeps damaged text that is not JSON;
//! - a full storage is recognised by the exception's name in Chromium and Firefox.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage as _};
use masterly_core::content::rng::FastMap;
use masterly_core::device::free_space::StoredValue;
use masterly_core::device::room::answers_in;
use masterly_core::device::store::{load, open, plan_write, seal, Loaded, StoreError};
use masterly_core::device::workbook::{stored_kind, WORKBOOK_PREFIX};
use masterly_core::time::Millis;
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Why the backend could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The browser's storage is full.
    QuotaExceeded,
    /// Storage refused for another reason (blocked, private mode, …).
    Refused(String),
}

/// Where text is kept: the browser's local storage, or memory.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    /// Every key held (none when the backend cannot list them).
    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The browser's `localStorage`, once a probe has found that it can be written.
pub struct BrowserStorage(());

/// The names browsers give the full-storage exception: Chromium's and today's
/// Firefox's, and older Firefox's.
const QUOTA_EXCEEDED: [&str; 2] = ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"];

fn refused(name: &str, message: String) -> BackendError {
    if QUOTA_EXCEEDED.contains(&name) {
        BackendError::QuotaExceeded
    } else {
        BackendError::Refused(message)
    }
}

/// An exception thrown by a call through `LocalStorage::raw()`.
fn refusal(error: wasm_bindgen::JsValue) -> BackendError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => refused(&exception.name(), exception.message()),
        None => BackendError::Refused(error.as_string().unwrap_or_default()),
    }
}

/// A refused typed write.
fn write_refusal(error: StorageError) -> BackendError {
    match error {
        StorageError::JsError(error) => refused(&error.name, error.message),
        StorageError::SerdeError(_) | StorageError::KeyNotFound(_) => {
            BackendError::Refused(String::new())
        }
    }
}

impl BrowserStorage {
    /// The page's local storage if it can really be written (a probe key is written
    /// and removed), or None when it is blocked. Until this has succeeded, nothing
    /// calls gloo's `LocalStorage`, which throws when storage is blocked.
    pub fn probe() -> Option<BrowserStorage> {
        let storage = web_sys::window()?.local_storage().ok()??;
        let probe = "masterly.probe";
        storage.set_item(probe, "1").ok()?;
        storage.remove_item(probe).ok()?;
        Some(BrowserStorage(()))
    }
}

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        LocalStorage::raw().get_item(key).map_err(refusal)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        match masterly_core::format::objects_only::from_str::<&RawValue>(value) {
            // JSON with nothing around it (every envelope): written as the value it is.
            Ok(json) if json.get().len() == value.len() => {
                LocalStorage::set(key, json).map_err(write_refusal)
            }
            // Other text (a damaged copy kept for download) is kept exactly.
            _ => LocalStorage::raw().set_item(key, value).map_err(refusal),
        }
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        (0..LocalStorage::length())
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect()
    }
}

/// Storage in memory, for when the browser's is blocked (and for tests).
#[derive(Default, Clone)]
pub struct MemoryStorage(Rc<RefCell<FastMap<String, String>>>);

impl MemoryStorage {
    /// Every key held, sorted: for tests that check nothing was written.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.0.borrow().keys().cloned().collect();
        masterly_core::order::sort(&mut keys);
        keys
    }
}

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.0.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        MemoryStorage::keys(self)
    }
}

/// Why a save did not happen. In every case the data stored before is intact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full: offer to export.
    QuotaExceeded,
    /// The write was refused, or what was read back did not match.
    Failed(String),
}

/// What a student must be told after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNotice {
    None,
    /// The current copy was damaged and the last good copy was restored; the damaged
    /// text can be downloaded.
    Restored {
        damaged: String,
        problem: StoreError,
    },
    /// Nothing usable was found under the key; the raw text can be downloaded, and
    /// nothing will be written over it.
    Unreadable {
        damaged: String,
        problem: StoreError,
    },
}

pub struct Store {
    backend: Box<dyn KeyValue>,
    /// True when the browser's storage was unavailable and data lives in memory only.
    pub in_memory: bool,
    /// Per key, the stored text this tab last read or wrote and found intact. While
    /// the key still holds exactly that text, nobody else has written it and it need
    /// not be checked or merged again: saves stay fast as a log grows.
    verified: RefCell<FastMap<String, String>>,
}

fn previous_key(key: &str) -> String {
    format!("{key}.previous")
}

fn damaged_key(key: &str) -> String {
    format!("{key}.damaged")
}

impl Store {
    /// The browser's local storage, or memory with `in_memory` set when it is blocked.
    pub fn open_browser() -> Store {
        match BrowserStorage::probe() {
            Some(storage) => Store::with_backend(Box::new(storage), false),
            None => Store::with_backend(Box::<MemoryStorage>::default(), true),
        }
    }

    pub fn with_backend(backend: Box<dyn KeyValue>, in_memory: bool) -> Store {
        Store {
            backend,
            in_memory,
            verified: RefCell::new(FastMap::default()),
        }
    }

    fn remember(&self, key: &str, text: Option<String>) {
        let mut verified = self.verified.borrow_mut();
        match text {
            Some(text) => verified.insert(key.to_string(), text),
            None => verified.remove(key),
        };
    }

    /// True when the key holds exactly what this tab last read or wrote there:
    /// no other tab has saved since, so there is nothing to merge.
    pub fn unchanged_since_last_use(&self, key: &str) -> bool {
        self.backend
            .get(key)
            .is_ok_and(|current| self.is_remembered(key, current.as_deref()))
    }

    /// True when `current` is the intact text this tab last read or wrote at `key`.
    fn is_remembered(&self, key: &str, current: Option<&str>) -> bool {
        current.is_some_and(|current| {
            self.verified
                .borrow()
                .get(key)
                .is_some_and(|known| known == current)
        })
    }

    /// Loads a key: the payload text (None when nothing is stored) and what the
    /// student must be told. A restored copy is written back as the current one, and
    /// damaged text is kept under `<key>.damaged` until the student has seen it.
    pub fn load(
        &self,
        key: &str,
        kind: &str,
    ) -> Result<(Option<String>, LoadNotice), BackendError> {
        let current = self.backend.get(key)?;
        let previous = self.backend.get(&previous_key(key))?;
        let loaded = load(current.as_deref(), previous.as_deref(), kind);
        self.remember(
            key,
            match loaded {
                Loaded::Current(_) => current.clone(),
                _ => None,
            },
        );
        Ok(match loaded {
            Loaded::Empty => (None, LoadNotice::None),
            Loaded::Current(envelope) => (Some(envelope.payload), LoadNotice::None),
            Loaded::Restored {
                envelope,
                damaged,
                problem,
            } => {
                self.backend.set(&damaged_key(key), &damaged)?;
                if let Some(previous) = &previous {
                    self.backend.set(key, previous)?;
                }
                (
                    Some(envelope.payload),
                    LoadNotice::Restored { damaged, problem },
                )
            }
            Loaded::Unreadable { damaged, problem } => {
                self.backend.set(&damaged_key(key), &damaged)?;
                (None, LoadNotice::Unreadable { damaged, problem })
            }
        })
    }

    /// Saves a payload safely: the current copy, if good, becomes the last good copy;
    /// the new one is written and read back before the save counts.
    pub fn save(
        &self,
        key: &str,
        kind: &str,
        payload: &str,
        now: Millis,
        generation: u64,
    ) -> Result<(), SaveError> {
        let failed = |error: BackendError| match error {
            BackendError::QuotaExceeded => SaveError::QuotaExceeded,
            BackendError::Refused(reason) => SaveError::Failed(reason),
        };
        let current = self.backend.get(key).map_err(failed)?;
        // What this tab last found intact there need not be checked again.
        let known_good = self.is_remembered(key, current.as_deref());
        self.remember(key, None);
        if known_good || plan_write(current.as_deref(), kind).copy_current_to_previous {
            if let Some(current) = &current {
                self.backend
                    .set(&previous_key(key), current)
                    .map_err(failed)?;
            }
        }
        let sealed = seal(kind, payload, now, generation);
        self.backend.set(key, &sealed).map_err(failed)?;
        // Read back exactly what was sealed: intact, with no need to open it again.
        let read_back = self.backend.get(key).map_err(failed)?;
        if read_back.as_deref() == Some(sealed.as_str()) {
            self.remember(key, Some(sealed));
            Ok(())
        } else {
            Err(SaveError::Failed(
                "what was written could not be read back intact".to_string(),
            ))
        }
    }

    /// Damaged text kept for the student to download, if any.
    /// The keys that begin with `prefix`, current copies only (no last good or
    /// damaged copies), sorted.
    pub fn keys_starting(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .filter(|key| {
                key.starts_with(prefix) && !key.ends_with(".previous") && !key.ends_with(".damaged")
            })
            .collect();
        masterly_core::order::sort(&mut keys);
        keys
    }

    /// Removes a key and its last good copy (a damaged copy kept for download
    /// stays).
    pub fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.backend.remove(key)?;
        self.backend.remove(&previous_key(key))?;
        self.verified.borrow_mut().remove(key);
        Ok(())
    }

    /// Characters in use, as the browser counts them against its quota: every key
    /// and value, every copy.
    pub fn characters_in_use(&self) -> u64 {
        self.backend
            .keys()
            .iter()
            .map(|key| {
                let value = self.backend.get(key).ok().flatten().unwrap_or_default();
                (key.encode_utf16().count() + value.encode_utf16().count()) as u64
            })
            .sum()
    }

    /// Every learner's stored work on this device: each workbook or archive key
    /// (current copies), its payload if it opens, and the characters it takes with
    /// its last good and damaged copies.
    pub fn stored_work(&self) -> Vec<StoredValue> {
        let characters = |key: &str| {
            self.backend.get(key).ok().flatten().map_or(0, |text| {
                (key.encode_utf16().count() + text.encode_utf16().count()) as u64
            })
        };
        self.keys_starting(WORKBOOK_PREFIX)
            .into_iter()
            .map(|key| {
                let payload = self
                    .backend
                    .get(&key)
                    .ok()
                    .flatten()
                    .and_then(|text| open(&text, stored_kind(&key)).ok())
                    .map(|envelope| envelope.payload);
                StoredValue {
                    characters: characters(&key)
                        + characters(&previous_key(&key))
                        + characters(&damaged_key(&key)),
                    payload,
                    key,
                }
            })
            .collect()
    }

    /// The answers stored in every learner's workbooks and archives on this device
    /// (in current copies; one that does not open counts none), and the characters
    /// those keys take, every copy.
    pub fn stored_answers(&self) -> (u64, u64) {
        self.stored_work()
            .iter()
            .fold((0, 0), |(answers, characters), value| {
                let held = value.payload.as_deref().map_or(0, answers_in) as u64;
                (answers + held, characters + value.characters)
            })
    }

    pub fn damaged(&self, key: &str) -> Option<String> {
        self.backend.get(&damaged_key(key)).ok().flatten()
    }
}
