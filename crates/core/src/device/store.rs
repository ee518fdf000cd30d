//! How data is kept safe in the browser's storage, as pure rules; the shell's
//! storage adapter does the reading and writing. Every stored value is sealed in a
//! versioned envelope with a checksum, and each key has two slots: the current copy
//! and the last good copy. Writing keeps the last good copy until the new one is
//! read back intact; loading falls back to the last good copy when the current one
//! is corrupt, and keeps the corrupt text so the student can download it.
//!
//! The payload is JSON, and the envelope holds it as it is (version 2): a value
//! stored as a JSON string inside the envelope, as version 1 did, has every quote
//! escaped again, which spent about a tenth more of the storage that students'
//! work needs. Version 1 envelopes are still read; the next write is version 2.

use crate::content::rng::fnv1a64;
use crate::time::Millis;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub const ENVELOPE_FORMAT: &str = "masterly-store";
pub const ENVELOPE_VERSION: u32 = 2;

/// A stored value, opened, with what was needed to trust it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    /// What the payload is, e.g. "learner-log"; a payload is never read as another kind.
    pub kind: String,
    pub saved_at: Millis,
    /// Counts writes, so that of two copies the newer is known.
    pub generation: u64,
    /// FNV-1a of the payload text, in hex.
    pub checksum: String,
    /// The stored data as JSON text.
    pub payload: String,
}

/// An envelope as stored: the payload as JSON within it (version 2), or as a JSON
/// string holding the JSON text (version 1).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored<P> {
    format: String,
    version: u32,
    kind: String,
    saved_at: Millis,
    generation: u64,
    checksum: String,
    payload: P,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Stored text that is not Masterly's envelope (another program's, or damaged).
    NotAnEnvelope,
    /// Written by a newer Masterly: never overwritten by this one.
    NewerVersion { found: u32 },
    /// An envelope of another kind of value than the key holds.
    WrongKind { expected: String, found: String },
    /// The payload does not match its checksum: damaged.
    ChecksumMismatch,
}

/// The checksum written into envelopes.
pub fn checksum(payload: &str) -> String {
    format!("{:016x}", fnv1a64(payload.as_bytes()))
}

/// Seals a JSON payload into envelope text. A payload that is not JSON, or has white
/// space around it (which no writer of Masterly makes), is sealed as a version 1
/// envelope, as a string, so that it is still kept exactly.
pub fn seal(kind: &str, payload: &str, saved_at: Millis, generation: u64) -> String {
    let envelope = |version| Stored {
        format: ENVELOPE_FORMAT.to_string(),
        version,
        kind: kind.to_string(),
        saved_at,
        generation,
        checksum: checksum(payload),
        payload: (),
    };
    // White space around a value is not part of it when it is read back.
    let bare = payload.trim_matches([' ', '\t', '\n', '\r']) == payload;
    let sealed = match RawValue::from_string(payload.to_string()) {
        Ok(raw) if bare => serde_json::to_string(&envelope(ENVELOPE_VERSION).holding(raw)),
        _ => serde_json::to_string(&envelope(1).holding(payload)),
    };
    sealed.unwrap_or_default()
}

impl Stored<()> {
    fn holding<P>(self, payload: P) -> Stored<P> {
        Stored {
            format: self.format,
            version: self.version,
            kind: self.kind,
            saved_at: self.saved_at,
            generation: self.generation,
            checksum: self.checksum,
            payload,
        }
    }
}

/// Opens envelope text, checking format, version, kind and checksum.
pub fn open(text: &str, kind: &str) -> Result<Envelope, StoreError> {
    let stored: Stored<Box<RawValue>> =
        crate::format::objects_only::from_str(text).map_err(|_| StoreError::NotAnEnvelope)?;
    if stored.format != ENVELOPE_FORMAT {
        return Err(StoreError::NotAnEnvelope);
    }
    if stored.version > ENVELOPE_VERSION {
        return Err(StoreError::NewerVersion {
            found: stored.version,
        });
    }
    let payload = match stored.version {
        1 => crate::format::objects_only::from_str::<String>(stored.payload.get())
            .map_err(|_| StoreError::NotAnEnvelope)?,
        _ => stored.payload.get().to_string(),
    };
    let envelope = Envelope {
        format: stored.format,
        version: stored.version,
        kind: stored.kind,
        saved_at: stored.saved_at,
        generation: stored.generation,
        checksum: stored.checksum,
        payload,
    };
    if envelope.kind != kind {
        return Err(StoreError::WrongKind {
            expected: kind.to_string(),
            found: envelope.kind,
        });
    }
    if checksum(&envelope.payload) != envelope.checksum {
        return Err(StoreError::ChecksumMismatch);
    }
    Ok(envelope)
}

/// What loading a key found, given its two slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// The current copy is good.
    Current(Envelope),
    /// The current copy was damaged; the last good copy was used. The damaged text
    /// is kept for download, and `problem` says what was wrong.
    Restored {
        envelope: Envelope,
        damaged: String,
        problem: StoreError,
    },
    /// Neither copy can be used. Nothing may be written over them until the student
    /// has had the chance to download the raw text.
    Unreadable {
        damaged: String,
        problem: StoreError,
    },
}

/// Decides what to use from the current and previous slots of a key.
pub fn load(current: Option<&str>, previous: Option<&str>, kind: &str) -> Loaded {
    let Some(current) = current else {
        return match previous.map(|text| (text, open(text, kind))) {
            // A write stopped after moving the good copy aside: it is the current data.
            Some((_, Ok(envelope))) => Loaded::Current(envelope),
            Some((text, Err(problem))) => Loaded::Unreadable {
                damaged: text.to_string(),
                problem,
            },
            None => Loaded::Empty,
        };
    };
    match open(current, kind) {
        Ok(envelope) => Loaded::Current(envelope),
        // Data from a newer Masterly is not damage: never replace it with an older copy.
        Err(problem @ StoreError::NewerVersion { .. }) => Loaded::Unreadable {
            damaged: current.to_string(),
            problem,
        },
        Err(problem) => match previous.map(|text| open(text, kind)) {
            Some(Ok(envelope)) => Loaded::Restored {
                envelope,
                damaged: current.to_string(),
                problem,
            },
            _ => Loaded::Unreadable {
                damaged: current.to_string(),
                problem,
            },
        },
    }
}

/// The steps of a safe write of `new_text` over a key whose current slot holds
/// `current`: keep the current copy as the previous one only if it is good (a
/// damaged copy must not replace the last good one), then write, then read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WritePlan {
    pub copy_current_to_previous: bool,
}

pub fn plan_write(current: Option<&str>, kind: &str) -> WritePlan {
    WritePlan {
        copy_current_to_previous: current.is_some_and(|text| open(text, kind).is_ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KIND: &str = "learner-log";

    #[test]
    fn a_sealed_payload_opens_to_the_same_payload() {
        let text = seal(KIND, r#"{"attempts":[]}"#, 1_000, 7);
        let opened = open(&text, KIND);
        assert_eq!(
            opened.as_ref().map(|e| e.payload.as_str()),
            Ok(r#"{"attempts":[]}"#)
        );
        assert_eq!(opened.map(|e| e.generation), Ok(7));
    }

    /// Version 2 keeps the payload's JSON as it is: no quote escaped again.
    #[test]
    fn the_payload_is_kept_as_json_not_as_a_string() {
        let payload = r#"{"attempts":[{"id":"a","text":"say \"hi\""}],"log":"A,B;"}"#;
        let text = seal(KIND, payload, 1_000, 7);
        assert!(text.contains(payload), "{text}");
        assert!(
            text.starts_with(r#"{"format":"masterly-store","version":2,"#),
            "{text}"
        );
        // What the envelope adds does not grow with the payload.
        let longer = format!("[{payload},{payload},{payload}]");
        assert_eq!(
            seal(KIND, &longer, 1_000, 7).len() - longer.len(),
            text.len() - payload.len()
        );
        assert_eq!(
            open(&text, KIND).map(|e| e.payload),
            Ok(payload.to_string())
        );
        // Any JSON value, with white space or not, is kept exactly.
        for payload in ["[1, 2]", "\"text\"", "3", "null", " { } "] {
            let text = seal(KIND, payload, 0, 1);
            assert_eq!(
                open(&text, KIND).map(|e| e.payload),
                Ok(payload.to_string())
            );
        }
    }

    /// What Masterly stored before version 2 still opens, and is checked as then.
    #[test]
    fn a_version_1_envelope_still_opens() {
        let payload = r#"{"attempts":[]}"#;
        let version_1 = format!(
            r#"{{"format":"masterly-store","version":1,"kind":"{KIND}","saved_at":5,"generation":3,"checksum":"{}","payload":{}}}"#,
            checksum(payload),
            serde_json::to_string(payload).unwrap_or_default()
        );
        let opened = open(&version_1, KIND);
        assert_eq!(opened.as_ref().map(|e| e.payload.as_str()), Ok(payload));
        assert_eq!(opened.map(|e| (e.version, e.generation)), Ok((1, 3)));
        let tampered = version_1.replace("attempts", "attempt5");
        assert_eq!(open(&tampered, KIND), Err(StoreError::ChecksumMismatch));
        // A payload that is not JSON (no writer of Masterly makes one) is kept as
        // version 1 did.
        let text = seal(KIND, "not json", 0, 1);
        assert!(text.contains(r#""version":1"#), "{text}");
        assert_eq!(
            open(&text, KIND).map(|e| e.payload),
            Ok("not json".to_string())
        );
    }

    #[test]
    fn any_change_to_the_payload_is_detected() {
        let text = seal(KIND, r#"{"attempts":[1,2,3]}"#, 1_000, 1);
        let tampered = text.replace("1,2,3", "1,2,4");
        assert_eq!(open(&tampered, KIND), Err(StoreError::ChecksumMismatch));
    }

    #[test]
    fn other_kinds_newer_versions_and_garbage_are_refused() {
        let text = seal("settings", "{}", 0, 1);
        assert!(matches!(
            open(&text, KIND),
            Err(StoreError::WrongKind { .. })
        ));
        let newer = seal(KIND, "{}", 0, 1).replace("\"version\":2", "\"version\":9");
        assert_eq!(
            open(&newer, KIND),
            Err(StoreError::NewerVersion { found: 9 })
        );
        assert_eq!(open("{half a write", KIND), Err(StoreError::NotAnEnvelope));
    }

    #[test]
    fn a_damaged_current_copy_falls_back_to_the_last_good_one_and_is_kept() {
        let good = seal(KIND, "[1]", 0, 1);
        let loaded = load(Some("{\"format\":\"masterly-st"), Some(&good), KIND);
        match loaded {
            Loaded::Restored {
                envelope, damaged, ..
            } => {
                assert_eq!(envelope.payload, "[1]");
                assert_eq!(damaged, "{\"format\":\"masterly-st");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn data_from_a_newer_version_is_never_replaced_by_an_older_copy() {
        let newer = seal(KIND, "{}", 0, 2).replace("\"version\":2", "\"version\":3");
        let older = seal(KIND, "{}", 0, 1);
        assert!(matches!(
            load(Some(&newer), Some(&older), KIND),
            Loaded::Unreadable {
                problem: StoreError::NewerVersion { found: 3 },
                ..
            }
        ));
    }

    #[test]
    fn an_interrupted_write_leaves_the_last_good_copy_in_use() {
        let good = seal(KIND, "[1]", 0, 1);
        assert!(matches!(load(None, Some(&good), KIND), Loaded::Current(e) if e.payload == "[1]"));
        assert_eq!(load(None, None, KIND), Loaded::Empty);
    }

    #[test]
    fn a_damaged_copy_is_never_moved_over_the_last_good_one() {
        assert!(!plan_write(Some("garbage"), KIND).copy_current_to_previous);
        assert!(plan_write(Some(&seal(KIND, "[]", 0, 1)), KIND).copy_current_to_previous);
        assert!(!plan_write(None, KIND).copy_current_to_previous);
    }
}
