//! Reading a progress file as Masterly writes it, without serde's general machinery:
//! a teacher reads a class's files at once, tens of megabytes, and nearly all of it
//! is attempts in one fixed shape. The reader walks the text once and expects each
//! field in the order Masterly writes them (whitespace anywhere JSON allows it, so
//! pretty and compact files alike). Anything else — another order, an escape in a
//! string, a number written as a float, a null, an unknown or repeated field — makes
//! it give up, and the caller reads the file with serde instead, which accepts every
//! valid file and words every problem. So whenever it answers, it answers what serde
//! would (`tests::the_reader_agrees_with_serde…`); it only answers faster. The
//! names of enum variants (a sitting's kind, a level, a response's kind) are read by
//! the types' own derived serde readers, so they are spelled in one place.
//!
//! It also answers only for files within [`PROGRESS_LIMITS`], so that a file it
//! reads needs no separate pass for them: strings are at most `max_string_bytes`,
//! attempts at most [`MAX_ATTEMPTS`] (four objects and arrays each at most, well
//! within `max_containers`), and the shape it reads is five levels deep at most.

use crate::content::item::Response;
use crate::format::progress::{
    ClassRef, CurriculumRef, DayActivity, Goals, Learner, ProgressBundle, MAX_ATTEMPTS,
    PROGRESS_LIMITS,
};
use crate::format::tagged::ResponseKind;
use crate::learning::attempt::{AssessmentKind, Attempt, Sitting};
use crate::learning::mastery::MasteryLevel;
use crate::learning::shared_id::SharedId;
use serde::de::value::BorrowedStrDeserializer;
use std::collections::BTreeMap;

// Each attempt is at most four objects and arrays (itself, its sitting, its
// response, the response's list), and the shape read is at most five deep.
const _: () = assert!(
    4 * MAX_ATTEMPTS + 8 <= PROGRESS_LIMITS.max_containers && PROGRESS_LIMITS.max_depth >= 5
);

/// The bundle in `text`, or None where serde must read it.
pub fn read_progress_as_written(text: &str) -> Option<ProgressBundle> {
    let mut cursor = Cursor {
        text,
        at: 0,
        shared: SharedIds::default(),
    };
    let bundle = cursor.bundle()?;
    cursor.skip_space();
    (cursor.at == text.len()).then_some(bundle)
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
    /// The ids attempts repeat, one copy each.
    shared: SharedIds,
}

impl<'a> Cursor<'a> {
    fn skip_space(&mut self) {
        let bytes = self.text.as_bytes();
        while matches!(bytes.get(self.at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// The next byte after any whitespace, not taken.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.as_bytes().get(self.at).copied()
    }

    fn take(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Takes `byte` if it comes next.
    fn take_if(&mut self, byte: u8) -> bool {
        self.take(byte).is_some()
    }

    /// A string with no escape and no control character, borrowed from the text.
    fn str(&mut self) -> Option<&'a str> {
        self.take(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        // Eight bytes at a time up to the first that ends the string or needs a look.
        while let Some(chunk) = bytes.get(self.at..self.at + 8) {
            let found = needing_a_look(word(chunk)?);
            if found != 0 {
                self.at += (found.trailing_zeros() / 8) as usize;
                break;
            }
            self.at += 8;
        }
        loop {
            match *bytes.get(self.at)? {
                b'"' => break,
                b'\\' | 0..=0x1F => return None,
                _ => self.at += 1,
            }
        }
        if self.at - start > PROGRESS_LIMITS.max_string_bytes {
            return None;
        }
        let found = self.text.get(start..self.at)?;
        self.at += 1;
        Some(found)
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    /// A string many attempts repeat, as its shared copy.
    fn shared_id(&mut self) -> Option<SharedId> {
        let text = self.str()?;
        Some(self.shared.get(text))
    }

    /// The next object key, and the colon after it.
    fn key(&mut self) -> Option<&'a str> {
        let key = self.str()?;
        self.take(b':')?;
        Some(key)
    }

    /// Expects the key `name` next (written without escapes, as Masterly does).
    fn field(&mut self, name: &str) -> Option<()> {
        self.field_if(name)?.then_some(())
    }

    /// Takes the key `name` and its colon if they come next; false, taking nothing,
    /// if another key does.
    fn field_if(&mut self, name: &str) -> Option<bool> {
        self.skip_space();
        if !self.key_at(self.at, name) {
            return Some(false);
        }
        self.at += name.len() + 2;
        self.take(b':')?;
        Some(true)
    }

    /// Whether the key `name`, quoted, starts at byte `at`.
    fn key_at(&self, at: usize, name: &str) -> bool {
        let bytes = self.text.as_bytes();
        let length = name.len();
        bytes.get(at) == Some(&b'"')
            && bytes
                .get(at + 1..at + 1 + length)
                .is_some_and(|key| same_bytes(key, name.as_bytes()))
            && bytes.get(at + 1 + length) == Some(&b'"')
    }

    /// After a field: whether another follows (its comma taken), or the object
    /// ends (its brace taken).
    fn more(&mut self) -> Option<bool> {
        if self.take_if(b'}') {
            return Some(false);
        }
        self.take(b',')?;
        Some(true)
    }

    /// Where another field follows: whether it is `name`, taken with its colon.
    fn optional(&mut self, more: bool, name: &str) -> Option<bool> {
        if more {
            self.field_if(name)
        } else {
            Some(false)
        }
    }

    /// After a field: a comma and the key `name`.
    fn next_field(&mut self, name: &str) -> Option<()> {
        // Written compact, as Masterly writes files: `,"name":` right here.
        let bytes = self.text.as_bytes();
        let colon = self.at + name.len() + 3;
        if bytes.get(self.at) == Some(&b',')
            && self.key_at(self.at + 1, name)
            && bytes.get(colon) == Some(&b':')
        {
            self.at = colon + 1;
            return Some(());
        }
        self.take(b',')?;
        self.field(name)
    }

    /// After a field: a comma and the next key, or None at the object's end.
    fn next_key(&mut self) -> Option<Option<&'a str>> {
        if self.take_if(b'}') {
            return Some(None);
        }
        self.take(b',')?;
        self.key().map(Some)
    }

    /// A non-negative integer as JSON writes it: digits, no leading zero, no
    /// fraction or exponent, within u64.
    fn u64(&mut self) -> Option<u64> {
        self.skip_space();
        self.digits()
    }

    /// The digits of an integer, right here.
    fn digits(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(digit @ b'0'..=b'9') = bytes.get(self.at).copied() {
            // Compared rather than `checked_mul`, which in wasm calls a 128-bit
            // multiplication for every digit.
            if value > (u64::MAX - 9) / 10 {
                value = value
                    .checked_mul(10)?
                    .checked_add(u64::from(digit - b'0'))?;
            } else {
                value = value * 10 + u64::from(digit - b'0');
            }
            self.at += 1;
        }
        let digits = self.at - start;
        let leading_zero = digits > 1 && bytes[start] == b'0';
        let fraction = matches!(bytes.get(self.at), Some(b'.' | b'e' | b'E'));
        (digits > 0 && !leading_zero && !fraction).then_some(value)
    }

    fn u32(&mut self) -> Option<u32> {
        self.u64()?.try_into().ok()
    }

    fn usize(&mut self) -> Option<usize> {
        self.u64()?.try_into().ok()
    }

    fn i64(&mut self) -> Option<i64> {
        if self.take_if(b'-') {
            let magnitude = self.digits()?;
            0i64.checked_sub_unsigned(magnitude)
        } else {
            self.u64()?.try_into().ok()
        }
    }

    fn bool(&mut self) -> Option<bool> {
        self.skip_space();
        let rest = self.text.get(self.at..)?;
        let (value, length) = if rest.starts_with("true") {
            (true, 4)
        } else if rest.starts_with("false") {
            (false, 5)
        } else {
            return None;
        };
        self.at += length;
        Some(value)
    }

    fn usizes(&mut self) -> Option<Vec<usize>> {
        self.take(b'[')?;
        self.elements(Vec::new(), Cursor::usize)
    }

    /// The elements of an array whose `[` is taken, each read by `element`, added
    /// to `list`; the closing `]` taken.
    fn elements<T>(
        &mut self,
        mut list: Vec<T>,
        element: impl Fn(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !self.take_if(b']') {
            loop {
                list.push(element(self)?);
                if self.take_if(b']') {
                    break;
                }
                self.take(b',')?;
            }
        }
        Some(list)
    }

    /// Two string fields, `first` then `second`, as an object of exactly those.
    fn pair(&mut self, first: &str, second: &str) -> Option<(String, String)> {
        self.take(b'{')?;
        self.field(first)?;
        let one = self.string()?;
        self.next_field(second)?;
        let two = self.string()?;
        self.take(b'}')?;
        Some((one, two))
    }

    fn bundle(&mut self) -> Option<ProgressBundle> {
        self.take(b'{')?;
        self.field("format")?;
        let format = self.string()?;
        self.next_field("format_version")?;
        let format_version = self.u32()?;
        self.next_field("learner")?;
        let (id, nickname) = self.pair("id", "nickname")?;
        let learner = Learner { id, nickname };
        self.next_field("curriculum")?;
        let (id, hash) = self.pair("id", "hash")?;
        let curriculum = CurriculumRef { id, hash };
        self.take(b',')?;
        let mut key = self.key()?;
        let mut class = None;
        if key == "class" {
            let (class_id, student_id) = self.pair("class_id", "student_id")?;
            class = Some(ClassRef {
                class_id,
                student_id,
            });
            self.take(b',')?;
            key = self.key()?;
        }
        (key == "attempts").then_some(())?;
        let attempts = self.attempts()?;
        let mut key = self.next_key()??;
        let mut goals = Goals::default();
        if key == "goals" {
            goals = self.goals()?;
            key = self.next_key()??;
        }
        (key == "exported_at").then_some(())?;
        let exported_at = self.i64()?;
        let mut key = self.next_key()?;
        let mut levels = None;
        if key == Some("levels") {
            levels = Some(self.levels()?);
            key = self.next_key()?;
        }
        let mut activity = Vec::new();
        if key == Some("activity") {
            activity = self.activity()?;
            key = self.next_key()?;
        }
        key.is_none().then_some(())?;
        Some(ProgressBundle {
            format,
            format_version,
            learner,
            curriculum,
            class,
            attempts,
            goals,
            exported_at,
            levels,
            activity,
        })
    }

    fn attempts(&mut self) -> Option<Vec<Attempt>> {
        self.take(b'[')?;
        // The log is nearly all of the file, and no attempt is written in fewer
        // than about 160 bytes: room for them all at once, what is left over given
        // back at the end, instead of copying the log each time it outgrows its room.
        let room = (self.text.len() - self.at) / SHORTEST_ATTEMPT;
        let mut attempts =
            self.elements(Vec::with_capacity(room.min(MAX_ATTEMPTS)), Cursor::attempt)?;
        attempts.shrink_to_fit();
        (attempts.len() <= MAX_ATTEMPTS).then_some(attempts)
    }

    fn attempt(&mut self) -> Option<Attempt> {
        self.take(b'{')?;
        self.field("id")?;
        let id = self.string()?;
        self.next_field("at")?;
        let at = self.i64()?;
        self.next_field("sitting")?;
        let sitting = self.sitting()?;
        self.next_field("unit")?;
        let unit = self.shared_id()?;
        self.next_field("objective")?;
        let objective = self.shared_id()?;
        self.next_field("item")?;
        let item = self.shared_id()?;
        self.next_field("seed")?;
        let seed = self.u64()?;
        self.next_field("response")?;
        let response = self.response()?;
        self.next_field("correct")?;
        let correct = self.bool()?;
        let mut attempt = Attempt {
            id,
            at,
            sitting,
            unit,
            objective,
            item,
            seed,
            response,
            correct,
            misconception: None,
            hints_used: 0,
            active_seconds: 0,
        };
        // The optional fields, each at most once and in the order written; any
        // other field is left to serde.
        let mut more = self.more()?;
        if self.optional(more, "misconception")? {
            attempt.misconception = Some(self.string()?);
            more = self.more()?;
        }
        if self.optional(more, "hints_used")? {
            attempt.hints_used = self.u32()?;
            more = self.more()?;
        }
        if self.optional(more, "active_seconds")? {
            attempt.active_seconds = self.u32()?;
            more = self.more()?;
        }
        (!more).then_some(attempt)
    }

    fn sitting(&mut self) -> Option<Sitting> {
        self.take(b'{')?;
        self.field("id")?;
        let id = self.shared_id()?;
        self.next_field("kind")?;
        let kind = variant::<AssessmentKind>(self.str()?)?;
        self.next_field("size")?;
        let size = self.u32()?;
        let mut sitting = Sitting {
            id,
            kind,
            size,
            unit: None,
            course: None,
        };
        let mut more = self.more()?;
        if self.optional(more, "unit")? {
            sitting.unit = Some(self.shared_id()?);
            more = self.more()?;
        }
        if self.optional(more, "course")? {
            sitting.course = Some(self.string()?);
            more = self.more()?;
        }
        (!more).then_some(sitting)
    }

    fn response(&mut self) -> Option<Response> {
        self.take(b'{')?;
        self.field("kind")?;
        let kind = variant::<ResponseKind>(self.str()?)?;
        self.take(b',')?;
        let response = match (kind, self.key()?) {
            (ResponseKind::Choice, "index") => Response::Choice {
                index: self.usize()?,
            },
            (ResponseKind::Choices, "indices") => Response::Choices {
                indices: self.usizes()?,
            },
            (ResponseKind::Number, "text") => Response::Number {
                text: self.string()?,
            },
            (ResponseKind::Text, "text") => Response::Text {
                text: self.string()?,
            },
            (ResponseKind::Order, "order") => Response::Order {
                order: self.usizes()?,
            },
            _ => return None,
        };
        self.take(b'}')?;
        Some(response)
    }

    fn goals(&mut self) -> Option<Goals> {
        self.take(b'{')?;
        let mut goals = Goals::default();
        if self.take_if(b'}') {
            return Some(goals);
        }
        let mut key = Some(self.key()?);
        if key == Some("course") {
            goals.course = Some(self.string()?);
            key = self.next_key()?;
        }
        if key == Some("target_date") {
            goals.target_date = Some(self.string()?);
            key = self.next_key()?;
        }
        if key == Some("weekly_minutes") {
            goals.weekly_minutes = self.u32()?;
            key = self.next_key()?;
        }
        key.is_none().then_some(goals)
    }

    /// Active seconds per day, as written: `[{"day": …, "seconds": …}, …]`.
    fn activity(&mut self) -> Option<Vec<DayActivity>> {
        self.take(b'[')?;
        let mut days = Vec::new();
        if self.take_if(b']') {
            return Some(days);
        }
        loop {
            self.take(b'{')?;
            self.field("day")?;
            let day = self.i64()?;
            self.next_field("seconds")?;
            let seconds = self.u32()?;
            self.take(b'}')?;
            days.push(DayActivity { day, seconds });
            if self.take_if(b']') {
                return Some(days);
            }
            self.take(b',')?;
        }
    }

    /// Levels by objective; a repeated objective is left to serde.
    fn levels(&mut self) -> Option<BTreeMap<String, MasteryLevel>> {
        self.take(b'{')?;
        let mut levels = BTreeMap::new();
        if self.take_if(b'}') {
            return Some(levels);
        }
        loop {
            let objective = self.key()?;
            let level = variant::<MasteryLevel>(self.str()?)?;
            if levels.insert(objective.to_string(), level).is_some() {
                return None;
            }
            if self.take_if(b'}') {
                return Some(levels);
            }
            self.take(b',')?;
        }
    }
}

/// Shared copies of the ids met while reading one file. A file names a few dozen
/// units, objectives, items and sittings thousands of times over, so a small table
/// of the ids met most recently finds nearly every one; an id not found there gets
/// a copy of its own. A hash map of every id would be exact, and slower than
/// allocating each id afresh.
struct SharedIds {
    recent: Vec<Option<SharedId>>,
}

/// Slots in the table of recent ids.
const RECENT_SLOTS: usize = 256;

impl Default for SharedIds {
    fn default() -> SharedIds {
        SharedIds {
            recent: vec![None; RECENT_SLOTS],
        }
    }
}

impl SharedIds {
    /// A shared copy of `text`: the one met most recently in its slot, or a new one.
    fn get(&mut self, text: &str) -> SharedId {
        let slot = &mut self.recent[slot_of(text)];
        match slot {
            Some(id) if same_bytes(id.as_bytes(), text.as_bytes()) => id.clone(),
            _ => slot.insert(SharedId::from(text)).clone(),
        }
    }
}

/// The slot of an id, from its length and its last eight bytes (where ids of one
/// curriculum differ: "u1-o2-i3", "u1-o2-i4").
fn slot_of(text: &str) -> usize {
    let bytes = text.as_bytes();
    // One load for the last eight bytes; shorter ids a byte at a time.
    let tail = match bytes.len().checked_sub(8) {
        Some(start) => bytes.get(start..).and_then(word).unwrap_or_default(),
        None => bytes
            .iter()
            .fold(0, |tail, &byte| (tail << 8) | u64::from(byte)),
    };
    let mixed = (tail ^ bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 56) as usize % RECENT_SLOTS
}

/// Fewer bytes than an attempt as Masterly writes it takes (with 32-character ids,
/// about 290 compact).
const SHORTEST_ATTEMPT: usize = 160;

/// Whether two byte strings are equal, compared eight bytes at a time: keys are
/// short, and in wasm a slice comparison is a call to the library's `memcmp`
/// (3 % of a profile).
fn same_bytes(left: &[u8], right: &[u8]) -> bool {
    if left.len() != right.len() {
        return false;
    }
    let mut left_chunks = left.chunks_exact(8);
    let mut right_chunks = right.chunks_exact(8);
    let words_equal = left_chunks
        .by_ref()
        .zip(right_chunks.by_ref())
        .all(|(l, r)| word(l) == word(r));
    words_equal
        && left_chunks
            .remainder()
            .iter()
            .zip(right_chunks.remainder())
            .all(|(a, b)| a == b)
}

/// Eight bytes as one word; none for a chunk of another length.
fn word(chunk: &[u8]) -> Option<u64> {
    chunk.try_into().ok().map(u64::from_le_bytes)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each of the eight bytes below `limit` (at most 128); the lowest
/// bit set is exact, bits above it may be set by the borrow.
fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH_BITS
}

/// Bits as [`below`] gives them for the bytes that are a quote, a backslash or a
/// control character: the lowest set bit marks the first such byte; none at all
/// means there is none among the eight.
fn needing_a_look(word: u64) -> u64 {
    below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
        | below(word, 0x20)
}

/// The unit variant of an enum named `name`, read by the enum's own derived serde
/// reader: the spellings live in one place, the type's `#[serde]` attributes.
fn variant<'a, T: serde::Deserialize<'a>>(name: &'a str) -> Option<T> {
    T::deserialize(BorrowedStrDeserializer::<serde::de::value::Error>::new(
        name,
    ))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_from_one_file_share_one_copy() {
        let text = String::from("item-1 item-1 item-2");
        let mut shared = SharedIds::default();
        let first = shared.get(&text[0..6]);
        let again = shared.get(&text[7..13]);
        let other = shared.get(&text[14..20]);
        assert!(first.shares_text_with(&again));
        assert!(!first.shares_text_with(&other));
        assert_eq!(other, "item-2");
    }

    #[test]
    fn integers_are_read_up_to_u64_max_and_no_further() {
        let read = |text: &str| {
            Cursor {
                text,
                at: 0,
                shared: SharedIds::default(),
            }
            .u64()
        };
        assert_eq!(read("0"), Some(0));
        assert_eq!(read("1844674407370955161"), Some(1_844_674_407_370_955_161));
        assert_eq!(read("18446744073709551609"), Some(u64::MAX - 6));
        assert_eq!(read("18446744073709551615"), Some(u64::MAX));
        assert_eq!(read("18446744073709551616"), None);
        assert_eq!(read("18446744073709551620"), None);
        assert_eq!(read("184467440737095516150"), None);
        assert_eq!(read("99999999999999999999"), None);
        assert_eq!(read("007"), None);
        for value in [
            9u64,
            10,
            4_294_967_296,
            1_767_225_630_000,
            u64::MAX / 10 + 1,
        ] {
            assert_eq!(read(&value.to_string()), Some(value));
        }
    }

    #[test]
    fn byte_strings_compare_equal_only_when_every_byte_matches() {
        let keys = [
            "",
            "a",
            "id",
            "objective",
            "active_seconds",
            "format_version__x",
        ];
        for key in keys {
            assert!(same_bytes(key.as_bytes(), key.as_bytes()), "{key}");
            for place in 0..key.len() {
                let mut other = key.as_bytes().to_vec();
                other[place] ^= 0x20;
                assert!(!same_bytes(key.as_bytes(), &other), "{key} at {place}");
            }
            let longer = format!("{key}s");
            assert!(!same_bytes(key.as_bytes(), longer.as_bytes()), "{key}");
        }
    }

    #[test]
    fn the_first_byte_that_ends_a_string_or_is_a_control_character_is_found() {
        let first = |bytes: [u8; 8]| match needing_a_look(u64::from_le_bytes(bytes)) {
            0 => None,
            found => Some(found.trailing_zeros() / 8),
        };
        for special in [b'"', b'\\', 0, 0x1F, b'\n'] {
            for place in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[place] = special;
                assert_eq!(first(bytes), Some(place as u32), "{special} at {place}");
                // Another one further on does not move the first.
                bytes[7] = b'"';
                assert_eq!(first(bytes), Some(place as u32), "{special} at {place}");
            }
        }
        for plain in [
            *b"abcdefgh",
            *b"  -09:AZ",
            [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF],
        ] {
            assert_eq!(first(plain), None, "{plain:?}");
        }
    }
}
