//! Ids that many attempts repeat — the unit, objective and item answered, the
//! sitting — held as one shared copy of the text. A teacher's class of 200,000
//! attempts then holds each id about once per file rather than five texts of its
//! own per attempt, and copying an attempt copies none of them.

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Text shared between its copies: cloning one costs a count, not an allocation.
/// It reads, compares, orders, hashes and serialises as the text itself.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedId(Arc<str>);

impl SharedId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both are copies of one shared text (not merely equal texts).
    pub fn shares_text_with(&self, other: &SharedId) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl Default for SharedId {
    fn default() -> SharedId {
        SharedId::from("")
    }
}

impl From<&str> for SharedId {
    fn from(text: &str) -> SharedId {
        SharedId(Arc::from(text))
    }
}

impl From<String> for SharedId {
    fn from(text: String) -> SharedId {
        SharedId(Arc::from(text))
    }
}

impl From<&String> for SharedId {
    fn from(text: &String) -> SharedId {
        SharedId::from(text.as_str())
    }
}

impl From<SharedId> for String {
    fn from(id: SharedId) -> String {
        id.as_str().to_string()
    }
}

impl fmt::Debug for SharedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for SharedId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedId {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedId> for String {
    fn eq(&self, other: &SharedId) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedId> for str {
    fn eq(&self, other: &SharedId) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedId> for &str {
    fn eq(&self, other: &SharedId) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for SharedId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedId, D::Error> {
        struct Text;

        impl Visitor<'_> for Text {
            type Value = SharedId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E>(self, text: &str) -> Result<SharedId, E> {
                Ok(SharedId::from(text))
            }
        }

        deserializer.deserialize_str(Text)
    }
}

/// What was worked out for an id, remembered by its shared copy. The attempts of
/// one file share their copies, so the same copy comes back thousands of times:
/// finding it here is one comparison of addresses instead of hashing the text. A
/// copy not remembered (another file's, or pushed out by one in the same slot) is
/// worked out again, so the answer never depends on what is remembered.
pub struct SharedIdMemo<V> {
    slots: Vec<Option<(SharedId, V)>>,
}

/// Slots of a [`SharedIdMemo`].
const MEMO_SLOTS: usize = 64;

impl<V: Clone> Default for SharedIdMemo<V> {
    fn default() -> SharedIdMemo<V> {
        SharedIdMemo {
            slots: (0..MEMO_SLOTS).map(|_| None).collect(),
        }
    }
}

impl<V: Clone> SharedIdMemo<V> {
    /// What `work_out` gives for `id`'s text, worked out once per shared copy.
    pub fn get_or<'s>(&mut self, id: &'s SharedId, work_out: impl FnOnce(&'s str) -> V) -> V {
        // The memo holds the copy it remembers, so no other text can take its address.
        let address = Arc::as_ptr(&id.0).cast::<u8>() as usize;
        let slot = &mut self.slots[(address >> 3) % MEMO_SLOTS];
        match slot {
            Some((held, value)) if held.shares_text_with(id) => value.clone(),
            _ => {
                let value = work_out(id.as_str());
                *slot = Some((id.clone(), value.clone()));
                value
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_id_compares_hashes_and_serialises_as_its_text() {
        let id = SharedId::from("u1-o2");
        assert_eq!(id, "u1-o2");
        assert_eq!("u1-o2", id);
        assert_eq!(id, "u1-o2".to_string());
        let mut sorted = vec![SharedId::from("b"), id.clone(), SharedId::from("a")];
        sorted.sort();
        assert_eq!(sorted, ["a", "b", "u1-o2"]);
        let mut map = crate::content::rng::FastMap::<SharedId, u32>::default();
        map.insert(id.clone(), 7);
        assert_eq!(map.get("u1-o2"), Some(&7));
        let json = serde_json::to_string(&id).unwrap_or_default();
        assert_eq!(json, "\"u1-o2\"");
        let back: SharedId = serde_json::from_str("\"u1-\\u006f2\"").unwrap_or_default();
        assert_eq!(back, id);
        assert_eq!(format!("{id} {id:?}"), "u1-o2 \"u1-o2\"");
    }

    #[test]
    fn a_memo_works_out_each_shared_copy_once_and_equal_texts_alike() {
        let shared = SharedId::from("item-1");
        let equal_text = SharedId::from("item-1");
        let mut memo = SharedIdMemo::default();
        let mut worked_out = 0;
        let mut length = |text: &str| {
            worked_out += 1;
            text.len()
        };
        assert_eq!(memo.get_or(&shared, &mut length), 6);
        assert_eq!(memo.get_or(&shared.clone(), &mut length), 6);
        assert_eq!(memo.get_or(&equal_text, &mut length), 6);
        // The shared copy once, the other copy of the same text once more.
        assert_eq!(worked_out, 2);
    }
}
