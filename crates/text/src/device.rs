//! What one browser keeps, said when it cannot be used: the store's envelope,
//! stored values that do not read, the learners of a device.

use crate::Say;
use masterly_core::device::profiles::{ProfileError, MAX_LEARNERS};
use masterly_core::device::store::StoreError;
use masterly_core::device::workbook::{Stored, StoredError};
use masterly_core::format::progress::MAX_NICKNAME_CHARS;

impl Say for StoreError {
    fn say(&self) -> String {
        match self {
            StoreError::NotAnEnvelope => {
                "the stored text is not a Masterly storage envelope".to_string()
            }
            StoreError::NewerVersion { found } => format!(
                "the stored data was written by a newer Masterly (storage version {found}); open it there, or export it from there"
            ),
            StoreError::WrongKind { expected, found } => {
                format!("the stored data is \"{found}\", not \"{expected}\"")
            }
            StoreError::ChecksumMismatch => {
                "the stored data is damaged: its checksum does not match".to_string()
            }
        }
    }
}

impl Say for StoredError {
    fn say(&self) -> String {
        match self {
            StoredError::Unreadable { what, detail } => match what {
                Stored::Archive => format!("the saved older answers could not be read: {detail}"),
                Stored::Workbook => format!("the saved progress could not be read: {detail}"),
                Stored::Profiles => format!("the learner list: {detail}"),
            },
            StoredError::OtherOwner { learner, curriculum } => format!(
                "the saved progress belongs to learner \"{learner}\" and curriculum \"{curriculum}\""
            ),
        }
    }
}

impl Say for ProfileError {
    fn say(&self) -> String {
        match self {
            ProfileError::BadNickname => format!(
                "a nickname needs 1 to {MAX_NICKNAME_CHARS} characters, without < > or control characters"
            ),
            ProfileError::Taken(nickname) => format!(
                "\"{nickname}\" is already a learner on this device; choose another nickname"
            ),
            ProfileError::Full => {
                format!("this device already holds {MAX_LEARNERS} learners, the most it can")
            }
        }
    }
}
