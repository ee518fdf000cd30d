//! The compact stored form of an attempt log. A browser's local storage is about
//! five million characters for every learner of a shared computer together, and an
//! attempt written as JSON is about 300 of them, so the log is kept as:
//!
//! - tables of what attempts repeat: the beginnings of attempt ids, the (unit,
//!   objective, item) answered, the sittings, the misconceptions named;
//! - one record per attempt in a single line of text, its fields positional and
//!   separated by `,`, records ended by `;`.
//!
//! A record's fields, in order (a number is written in the 64 digits `A`–`Z`, `a`–`z`,
//! `0`–`9`, `-`, `_`, most significant first, so `A` is 0 and `BA` is 64):
//!
//! 1. the index of the id's beginning in the table of beginnings (empty: the record
//!    before's), and
//! 2. the rest of the id as text: an id is the two joined, split after its last `.`
//!    (`a9fK2Lm0Q.Bx` is `a9fK2Lm0Q.` and `Bx`; an id without a `.` has the empty
//!    beginning);
//! 3. the time, as milliseconds after the record before (the first record: after 0),
//!    zigzag-coded so that a clock set back is kept too;
//! 4. the index of its sitting (empty: the record before's); 5. the index of what it
//!    answered;
//! 6. the seed;
//! 7. the response: `c` and the choice, `m` and the choices, `o` and the order (lists
//!    of numbers joined by `.`), `n` and the number as typed, `t` and the text;
//! 8. twice the hints used, plus 1 when the answer was right;
//! 9. the index of the misconception named (empty: none);
//! 10. the active seconds.
//!
//! Units and objectives are named once, in a table of names. A row of the
//! questions' table is `unit,objective,item`, the unit and objective by their index
//! in the names; a sitting's is `id,kind,size,unit,course`, the kind a digit
//! ([`KINDS`]), a unit (by its index in the names) or course that is there written
//! after a `+` and one that is not left empty.
//!
//! Text (an id's rest, a typed answer, a table's fields) is kept as written, with
//! `~` put before each `,`, `;` and `~` in it. Reading a log back gives the attempts
//! exactly as written, in the same order. Nothing here depends on a curriculum: a
//! log stays readable whatever becomes of the course.

use crate::content::item::Response;
use crate::content::rng::FastMap;
use crate::learning::attempt::{AssessmentKind, Attempt, Sitting};
use crate::learning::shared_id::SharedId;
use serde::{Deserialize, Serialize};
use std::hash::Hash;

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const FIELD_END: char = ',';
const RECORD_END: char = ';';
const ESCAPE: char = '~';
const LIST_SEPARATOR: char = '.';

/// The beginning of the ids of the attempts one page writes: `a`, eight digits of a
/// random number (48 bits) and a `.`, so that two tabs or two devices never make
/// the same id; [`numbered_id`] makes each id from it.
pub fn id_prefix(random: u64) -> String {
    let mut prefix = short_id('a', random);
    prefix.push(LIST_SEPARATOR);
    prefix
}

/// A new sitting's id: `s` and eight digits of a random number (48 bits). Every
/// stored sitting carries it.
pub fn sitting_id(random: u64) -> String {
    short_id('s', random)
}

/// `letter` and eight digits of the low 48 bits of `random`.
fn short_id(letter: char, random: u64) -> String {
    let mut id = String::with_capacity(10);
    id.push(letter);
    let mut digits = String::new();
    push_number(&mut digits, (random & ((1 << 48) - 1)) | (1 << 48));
    // 2^48 written in digits is `BAAAAAAAA`: drop the leading `B`, keep eight.
    id.push_str(&digits[1..]);
    id
}

/// The id of the page's attempt `number` (from 0) after its [`id_prefix`].
pub fn numbered_id(prefix: &str, number: u64) -> String {
    let mut id = String::with_capacity(prefix.len() + 3);
    id.push_str(prefix);
    push_number(&mut id, number);
    id
}

/// The kinds of sitting by their digit in a sitting's row. Stored logs depend on
/// this order: a new kind goes at the end.
pub const KINDS: [AssessmentKind; 7] = [
    AssessmentKind::Readiness,
    AssessmentKind::FormativeA,
    AssessmentKind::FormativeB,
    AssessmentKind::UnitTest,
    AssessmentKind::CourseChallenge,
    AssessmentKind::Review,
    AssessmentKind::Practice,
];

/// A kind's position in [`KINDS`] (a match, so that a new kind cannot be left out).
fn kind_digit(kind: AssessmentKind) -> u64 {
    match kind {
        AssessmentKind::Readiness => 0,
        AssessmentKind::FormativeA => 1,
        AssessmentKind::FormativeB => 2,
        AssessmentKind::UnitTest => 3,
        AssessmentKind::CourseChallenge => 4,
        AssessmentKind::Review => 5,
        AssessmentKind::Practice => 6,
    }
}

/// What marks an optional field of a row as there.
const PRESENT: char = '+';

/// An attempt log in its compact stored form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompactLog {
    /// The beginnings of attempt ids.
    #[serde(rename = "p", default)]
    prefixes: Vec<String>,
    /// Units and objectives, named once.
    #[serde(rename = "n", default)]
    names: Vec<String>,
    /// What attempts answered: `unit,objective,item`, the unit and objective by
    /// their index in `names`.
    #[serde(rename = "q", default)]
    questions: Vec<String>,
    /// The sittings: `id,kind,size,unit,course`.
    #[serde(rename = "s", default)]
    sittings: Vec<String>,
    /// Misconceptions named by wrong answers.
    #[serde(rename = "m", default)]
    misconceptions: Vec<String>,
    /// One record per attempt.
    #[serde(rename = "r", default)]
    records: String,
}

/// Why a stored log could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactError {
    /// The record's position in the log, from 1.
    pub record: usize,
    pub problem: &'static str,
}

// A stored log is read inside serde (`stored_log`), which carries a problem only as
// text (`de::Error::custom`); its words reach the person inside the parser's detail
// of `StoredError::Unreadable`. (On the architecture test's allow-list.)
impl std::fmt::Display for CompactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "stored answer {} cannot be read: {}",
            self.record, self.problem
        )
    }
}

impl CompactLog {
    /// The compact form of `attempts`, in their order.
    pub fn of(attempts: &[Attempt]) -> CompactLog {
        let mut writer = Writer::default();
        let mut previous_at = 0i64;
        for attempt in attempts {
            writer.record(attempt, previous_at);
            previous_at = attempt.at;
        }
        writer.log
    }

    /// How many attempts it holds.
    pub fn len(&self) -> usize {
        records(&self.records).count()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The attempts, exactly as they were written, or the first record (or table
    /// row) that cannot be read.
    pub fn attempts(&self) -> Result<Vec<Attempt>, CompactError> {
        let row_problem = |problem| CompactError { record: 0, problem };
        // Ids that the tables repeat are shared copies of one text.
        let names: Vec<SharedId> = self.names.iter().map(SharedId::from).collect();
        let questions = self
            .questions
            .iter()
            .map(|row| question(row, &names).ok_or(row_problem("a question in the table")))
            .collect::<Result<Vec<_>, _>>()?;
        let sittings = self
            .sittings
            .iter()
            .map(|row| sitting(row, &names).ok_or(row_problem("a sitting in the table")))
            .collect::<Result<Vec<_>, _>>()?;
        let mut attempts = Vec::new();
        let mut previous_at = 0i64;
        let mut prefix_index = 0;
        let mut sitting_index = 0;
        let mut previous_number: Option<u64> = None;
        for (index, record) in records(&self.records).enumerate() {
            let fail = |problem| CompactError {
                record: index + 1,
                problem,
            };
            let mut fields = Fields::of(record);
            let same_prefix = fields.index_or(prefix_index).ok_or(fail("its id"))?;
            let follows_on = same_prefix == prefix_index;
            prefix_index = same_prefix;
            let prefix = self.prefixes.get(prefix_index).ok_or(fail("its id"))?;
            let rest = match fields.raw().ok_or(fail("its id"))? {
                "" if follows_on && index > 0 => {
                    let number = previous_number
                        .and_then(|n| n.checked_add(1))
                        .ok_or(fail("its id"))?;
                    let mut rest = String::new();
                    push_number(&mut rest, number);
                    rest
                }
                "." => String::new(),
                written => unescape(written).ok_or(fail("its id"))?,
            };
            previous_number = canonical_number(&rest);
            let id = format!("{prefix}{rest}");
            let at = previous_at.wrapping_add(unzigzag(fields.number().ok_or(fail("its time"))?));
            sitting_index = fields.index_or(sitting_index).ok_or(fail("its sitting"))?;
            let sitting = sittings
                .get(sitting_index)
                .ok_or(fail("its sitting"))?
                .clone();
            let (unit, objective, item) = questions
                .get(fields.index().ok_or(fail("its question"))?)
                .ok_or(fail("its question"))?
                .clone();
            let seed = fields.number().ok_or(fail("its seed"))?;
            let response = fields.response().ok_or(fail("its response"))?;
            let flags = fields.number().ok_or(fail("its hints"))?;
            let hints_used = u32::try_from(flags >> 1).map_err(|_| fail("its hints"))?;
            let misconception = match fields.raw().ok_or(fail("its misconception"))? {
                "" => None,
                named => Some(
                    number(named)
                        .and_then(|named| usize::try_from(named).ok())
                        .and_then(|named| self.misconceptions.get(named))
                        .ok_or(fail("its misconception"))?
                        .clone(),
                ),
            };
            let active_seconds = fields
                .number()
                .and_then(|seconds| u32::try_from(seconds).ok())
                .ok_or(fail("its active time"))?;
            if !fields.done() {
                return Err(fail("it has more fields than an answer"));
            }
            attempts.push(Attempt {
                id,
                at,
                sitting,
                unit,
                objective,
                item,
                seed,
                response,
                correct: flags & 1 == 1,
                misconception,
                hints_used,
                active_seconds,
            });
            previous_at = at;
        }
        Ok(attempts)
    }
}

/// A question row read back: (unit, objective, item).
fn question(row: &str, names: &[SharedId]) -> Option<(SharedId, SharedId, SharedId)> {
    let mut fields = Fields::of(row);
    let question = (
        names.get(fields.index()?)?.clone(),
        names.get(fields.index()?)?.clone(),
        SharedId::from(fields.text()?),
    );
    fields.done().then_some(question)
}

/// A sitting row read back.
fn sitting(row: &str, names: &[SharedId]) -> Option<Sitting> {
    let mut fields = Fields::of(row);
    let id = SharedId::from(fields.text()?);
    let kind = *KINDS.get(fields.index()?)?;
    let size = u32::try_from(fields.number()?).ok()?;
    let unit = match fields.raw()? {
        "" => None,
        field => {
            let index = usize::try_from(number(field.strip_prefix(PRESENT)?)?).ok()?;
            Some(names.get(index)?.clone())
        }
    };
    let course = fields.optional_text()?;
    fields.done().then_some(Sitting {
        id,
        kind,
        size,
        unit,
        course,
    })
}

/// Builds a log, with a lookup for each table.
#[derive(Default)]
struct Writer {
    log: CompactLog,
    prefixes: FastMap<String, usize>,
    names: FastMap<String, usize>,
    questions: FastMap<String, usize>,
    sittings: FastMap<String, usize>,
    misconceptions: FastMap<String, usize>,
    /// The prefix and sitting of the record before, which a record leaves out.
    previous: Option<(usize, usize)>,
    /// The number the record before's id ended in, if it ended in one.
    previous_number: Option<u64>,
}

impl Writer {
    /// A unit's or objective's index in the names.
    fn name(&mut self, name: &str) -> u64 {
        row(&mut self.log.names, &mut self.names, name.to_string()) as u64
    }

    fn record(&mut self, attempt: &Attempt, previous_at: i64) {
        let split = attempt.id.rfind(LIST_SEPARATOR).map_or(0, |dot| dot + 1);
        let (prefix, rest) = attempt.id.split_at(split);
        let prefix = row(
            &mut self.log.prefixes,
            &mut self.prefixes,
            prefix.to_string(),
        );
        let mut question = String::new();
        push_number(&mut question, self.name(&attempt.unit));
        question.push(FIELD_END);
        push_number(&mut question, self.name(&attempt.objective));
        question.push(FIELD_END);
        push_text(&mut question, &attempt.item);
        let question = row(&mut self.log.questions, &mut self.questions, question);
        let unit = attempt.sitting.unit.as_ref().map(|unit| self.name(unit));
        let sitting = row(
            &mut self.log.sittings,
            &mut self.sittings,
            sitting_row(&attempt.sitting, unit),
        );
        let misconception = attempt.misconception.as_ref().map(|named| {
            row(
                &mut self.log.misconceptions,
                &mut self.misconceptions,
                named.clone(),
            )
        });
        let (previous_prefix, previous_sitting) = self.previous.unwrap_or((0, 0));
        self.previous = Some((prefix, sitting));
        let out = &mut self.log.records;
        if prefix != previous_prefix {
            push_number(out, prefix as u64);
        }
        out.push(FIELD_END);
        let number = canonical_number(rest);
        let follows = prefix == previous_prefix
            && number.is_some()
            && number == self.previous_number.and_then(|n| n.checked_add(1));
        self.previous_number = number;
        if rest.is_empty() {
            out.push(LIST_SEPARATOR);
        } else if !follows {
            push_text(out, rest);
        }
        out.push(FIELD_END);
        push_number(out, zigzag(attempt.at.wrapping_sub(previous_at)));
        out.push(FIELD_END);
        if sitting != previous_sitting {
            push_number(out, sitting as u64);
        }
        out.push(FIELD_END);
        push_number(out, question as u64);
        out.push(FIELD_END);
        push_number(out, attempt.seed);
        out.push(FIELD_END);
        push_response(out, &attempt.response);
        out.push(FIELD_END);
        push_number(
            out,
            u64::from(attempt.hints_used) << 1 | u64::from(attempt.correct),
        );
        out.push(FIELD_END);
        if let Some(misconception) = misconception {
            push_number(out, misconception as u64);
        }
        out.push(FIELD_END);
        push_number(out, u64::from(attempt.active_seconds));
        out.push(RECORD_END);
    }
}

/// A sitting's row: `id,kind,size,unit,course`, with the unit's index in the names.
fn sitting_row(sitting: &Sitting, unit: Option<u64>) -> String {
    let mut row = String::new();
    push_text(&mut row, &sitting.id);
    row.push(FIELD_END);
    push_number(&mut row, kind_digit(sitting.kind));
    row.push(FIELD_END);
    push_number(&mut row, u64::from(sitting.size));
    row.push(FIELD_END);
    if let Some(unit) = unit {
        row.push(PRESENT);
        push_number(&mut row, unit);
    }
    row.push(FIELD_END);
    if let Some(course) = &sitting.course {
        row.push(PRESENT);
        push_text(&mut row, course);
    }
    row
}

/// The index of `value` in `table`, added at the end when new.
fn row<T: Clone + Eq + Hash>(
    table: &mut Vec<T>,
    lookup: &mut FastMap<T, usize>,
    value: T,
) -> usize {
    *lookup.entry(value).or_insert_with_key(|value| {
        table.push(value.clone());
        table.len() - 1
    })
}

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

fn push_number(out: &mut String, value: u64) {
    let mut digits = [0u8; 11];
    let mut start = digits.len();
    let mut rest = value;
    loop {
        start -= 1;
        digits[start] = DIGITS[(rest % 64) as usize];
        rest /= 64;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&digit| char::from(digit)));
}

fn push_numbers(out: &mut String, values: &[usize]) {
    for (position, value) in values.iter().enumerate() {
        if position > 0 {
            out.push(LIST_SEPARATOR);
        }
        push_number(out, *value as u64);
    }
}

fn push_text(out: &mut String, text: &str) {
    for character in text.chars() {
        if matches!(character, FIELD_END | RECORD_END | ESCAPE) {
            out.push(ESCAPE);
        }
        out.push(character);
    }
}

fn push_response(out: &mut String, response: &Response) {
    match response {
        Response::Choice { index } => {
            out.push('c');
            push_number(out, *index as u64);
        }
        Response::Choices { indices } => {
            out.push('m');
            push_numbers(out, indices);
        }
        Response::Order { order } => {
            out.push('o');
            push_numbers(out, order);
        }
        Response::Number { text } => {
            out.push('n');
            push_text(out, text);
        }
        Response::Text { text } => {
            out.push('t');
            push_text(out, text);
        }
    }
}

/// The records of a log's text: each up to its unescaped `;`.
fn records(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = unescaped(rest, RECORD_END).unwrap_or(rest.len());
        let record = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        Some(record)
    })
}

/// Where the first `wanted` not escaped by `~` is.
fn unescaped(text: &str, wanted: char) -> Option<usize> {
    let mut escaped = false;
    for (at, character) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if character == ESCAPE {
            escaped = true;
        } else if character == wanted {
            return Some(at);
        }
    }
    None
}

/// The fields of one record, read in order.
struct Fields<'a> {
    /// What is left after the fields read; None once the last one is read.
    rest: Option<&'a str>,
}

impl<'a> Fields<'a> {
    fn of(text: &'a str) -> Fields<'a> {
        Fields { rest: Some(text) }
    }

    /// The next field as written (escapes kept); the last one has no `,` after it.
    fn raw(&mut self) -> Option<&'a str> {
        let text = self.rest?;
        match unescaped(text, FIELD_END) {
            Some(end) => {
                self.rest = Some(&text[end + 1..]);
                Some(&text[..end])
            }
            None => {
                self.rest = None;
                Some(text)
            }
        }
    }

    /// Whether every field has been read.
    fn done(&self) -> bool {
        self.rest.is_none()
    }

    fn number(&mut self) -> Option<u64> {
        self.raw().and_then(number)
    }

    fn index(&mut self) -> Option<usize> {
        self.number().and_then(|value| usize::try_from(value).ok())
    }

    /// A number, or `previous` when the field is empty.
    fn index_or(&mut self, previous: usize) -> Option<usize> {
        match self.raw()? {
            "" => Some(previous),
            field => number(field).and_then(|value| usize::try_from(value).ok()),
        }
    }

    fn text(&mut self) -> Option<String> {
        self.raw().and_then(unescape)
    }

    fn optional_text(&mut self) -> Option<Option<String>> {
        self.raw().and_then(optional)
    }

    fn response(&mut self) -> Option<Response> {
        let field = self.raw()?;
        let mut characters = field.chars();
        let kind = characters.next()?;
        let rest = characters.as_str();
        Some(match kind {
            'c' => Response::Choice {
                index: usize::try_from(number(rest)?).ok()?,
            },
            'm' => Response::Choices {
                indices: numbers(rest)?,
            },
            'o' => Response::Order {
                order: numbers(rest)?,
            },
            'n' => Response::Number {
                text: unescape(rest)?,
            },
            't' => Response::Text {
                text: unescape(rest)?,
            },
            _ => return None,
        })
    }
}

fn digit(byte: u8) -> Option<u64> {
    Some(u64::from(match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    }))
}

fn number(field: &str) -> Option<u64> {
    if field.is_empty() {
        return None;
    }
    field.bytes().try_fold(0u64, |value, byte| {
        value.checked_mul(64)?.checked_add(digit(byte)?)
    })
}

/// The number `text` is written as, when it is written with the fewest digits.
fn canonical_number(text: &str) -> Option<u64> {
    let value = number(text)?;
    (text.len() == 1 || !text.starts_with('A')).then_some(value)
}

fn numbers(field: &str) -> Option<Vec<usize>> {
    if field.is_empty() {
        return Some(Vec::new());
    }
    field
        .split(LIST_SEPARATOR)
        .map(|value| number(value).and_then(|value| usize::try_from(value).ok()))
        .collect()
}

/// An optional text field: empty for none, the text after a `+` for some; None when
/// it is neither.
fn optional(field: &str) -> Option<Option<String>> {
    match field.strip_prefix(PRESENT) {
        Some(text) => unescape(text).map(Some),
        None if field.is_empty() => Some(None),
        None => None,
    }
}

/// Text with its escapes taken out; None for a `~` that escapes nothing.
fn unescape(field: &str) -> Option<String> {
    let mut text = String::with_capacity(field.len());
    let mut characters = field.chars();
    while let Some(character) = characters.next() {
        if character == ESCAPE {
            text.push(characters.next()?);
        } else {
            text.push(character);
        }
    }
    Some(text)
}

/// A log as stored in a workbook or an archive (`#[serde(with = "stored_log")]`):
/// written in the compact form, read from it or from the list of attempts that
/// Masterly stored before it.
pub mod stored_log {
    use super::CompactLog;
    use crate::learning::attempt::Attempt;
    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(
        attempts: &[Attempt],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        CompactLog::of(attempts).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Attempt>, D::Error> {
        deserializer.deserialize_any(LogVisitor)
    }

    struct LogVisitor;

    impl<'de> Visitor<'de> for LogVisitor {
        type Value = Vec<Attempt>;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("a stored log of answers")
        }

        /// The list of attempts, as Masterly stored them before the compact form.
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut attempts = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(attempt) = seq.next_element::<Attempt>()? {
                attempts.push(attempt);
            }
            Ok(attempts)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            CompactLog::deserialize(de::value::MapAccessDeserializer::new(map))?
                .attempts()
                .map_err(de::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(id: &str, at: i64, response: Response) -> Attempt {
        Attempt {
            id: id.to_string(),
            at,
            sitting: Sitting {
                id: SharedId::from("s-1"),
                kind: AssessmentKind::FormativeA,
                size: 12,
                unit: Some(SharedId::from("u1")),
                course: None,
            },
            unit: SharedId::from("u1"),
            objective: SharedId::from("o1"),
            item: SharedId::from("i1"),
            seed: 7,
            response,
            correct: true,
            misconception: None,
            hints_used: 0,
            active_seconds: 12,
        }
    }

    /// Every kind of response, text with every character the format uses, ids with
    /// and without a beginning, times out of order and at the ends of their range,
    /// numbers at the ends of theirs, every kind of sitting.
    fn varied_log() -> Vec<Attempt> {
        let mut log = vec![
            attempt(
                "a9fK2Lm0Q.B",
                1_764_000_000_000,
                Response::Choice { index: 2 },
            ),
            attempt(
                "a9fK2Lm0Q.C",
                1_764_000_031_250,
                Response::Choices {
                    indices: vec![0, 3, 64, 4095],
                },
            ),
            attempt(
                "a-00ff00ff00ff00ff",
                1_763_999_000_000,
                Response::Order { order: vec![] },
            ),
            attempt(
                "x.",
                i64::MIN,
                Response::Number {
                    text: "1 1/2".to_string(),
                },
            ),
            attempt(
                ".",
                i64::MAX,
                Response::Text {
                    text: "a,b;c~d~~e \"quoted\" \\ é 🙂\n".to_string(),
                },
            ),
            attempt(
                "",
                0,
                Response::Text {
                    text: String::new(),
                },
            ),
            attempt(
                "~,;",
                -5,
                Response::Number {
                    text: "~".to_string(),
                },
            ),
            attempt(
                "a.b.c",
                3,
                Response::Order {
                    order: vec![2, 0, 1],
                },
            ),
        ];
        log[1].correct = false;
        log[1].misconception = Some("adds the denominators".to_string());
        log[1].hints_used = u32::MAX;
        log[2].seed = u64::MAX;
        log[2].active_seconds = u32::MAX;
        log[3].sitting = Sitting {
            id: SharedId::from("s-2"),
            kind: AssessmentKind::CourseChallenge,
            size: u32::MAX,
            unit: None,
            course: Some("g3, \"fractions\"".to_string()),
        };
        log[3].misconception = Some("adds the denominators".to_string());
        log[4].unit = SharedId::from("u2");
        log[4].objective = SharedId::from("o;2");
        log[4].item = SharedId::from("i,2");
        log[5].misconception = Some(String::new());
        log[6].correct = false;
        log[6].hints_used = 3;
        log
    }

    #[test]
    fn a_log_reads_back_exactly_as_written() {
        let log = varied_log();
        let compact = CompactLog::of(&log);
        assert_eq!(compact.len(), log.len());
        assert_eq!(compact.attempts(), Ok(log.clone()));
        // And through JSON, as it is stored.
        let stored = serde_json::to_string(&compact).unwrap_or_default();
        let read: CompactLog = crate::format::objects_only::from_str(&stored)
            .unwrap_or_else(|error| panic!("{error}: {stored}"));
        assert_eq!(read.attempts(), Ok(log));
    }

    #[test]
    fn what_attempts_repeat_is_written_once() {
        let prefix = id_prefix(0x1234_5678_9abc);
        let log: Vec<Attempt> = (0..70)
            .map(|n| {
                attempt(
                    &numbered_id(&prefix, n as u64),
                    1_764_000_000_000 + n * 20_000,
                    Response::Choice { index: 1 },
                )
            })
            .collect();
        let compact = CompactLog::of(&log);
        assert_eq!(compact.prefixes, vec![prefix]);
        assert_eq!(compact.questions.len(), 1);
        assert_eq!(compact.sittings.len(), 1);
        // The first record: the first prefix and sitting, id number 0, the time.
        assert!(
            compact.records.starts_with(",A,zVtL9AA,,"),
            "{}",
            compact.records
        );
        // Every other: the same prefix, the next number, 20 s later, the same
        // sitting, question 0, seed 7, choice 1, right, no misconception, 12 s.
        let rest = ",,JxA,,A,H,cB,B,,M;";
        assert_eq!(
            compact.records.matches(rest).count(),
            69,
            "{}",
            compact.records
        );
        assert_eq!(
            compact.records.len(),
            ",A,zVtL9AA,,A,H,cB,B,,M;".len() + 69 * rest.len()
        );
        let decoded = compact.attempts().unwrap_or_default();
        assert_eq!(decoded, log);
        assert!(decoded[0].item.shares_text_with(&decoded[49].item));
        assert!(decoded[0]
            .sitting
            .id
            .shares_text_with(&decoded[49].sitting.id));
    }

    #[test]
    fn ids_are_a_page_prefix_and_a_number() {
        assert_eq!(id_prefix(0), "aAAAAAAAA.");
        assert_eq!(id_prefix(u64::MAX), "a________.");
        let prefix = id_prefix(0x1234_5678_9abc);
        assert_eq!(prefix.len(), 10);
        assert_eq!(numbered_id(&prefix, 0), format!("{prefix}A"));
        assert_eq!(numbered_id(&prefix, 64), format!("{prefix}BA"));
    }

    /// Ids, times and texts drawn from the characters the format gives a meaning
    /// to, and ids that follow one another or nearly do: every log reads back.
    #[test]
    fn random_logs_read_back_exactly() {
        let mut rng = crate::content::rng::SplitMix64::new(5);
        let alphabet: Vec<char> = "aA0_-.,;~+ é".chars().collect();
        let text = |rng: &mut crate::content::rng::SplitMix64, longest: u64| -> String {
            (0..rng.below(longest + 1))
                .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
                .collect()
        };
        for _ in 0..200 {
            let prefixes = [
                id_prefix(rng.next_u64()),
                id_prefix(rng.next_u64()),
                text(&mut rng, 4),
            ];
            let mut log = Vec::new();
            for n in 0..rng.below(40) {
                let id = match rng.below(4) {
                    0 => text(&mut rng, 6),
                    1 => numbered_id(&prefixes[rng.below(3) as usize], n / 2),
                    _ => numbered_id(&prefixes[0], n + rng.below(2)),
                };
                let response = match rng.below(5) {
                    0 => Response::Choice {
                        index: rng.below(70) as usize,
                    },
                    1 => Response::Choices {
                        indices: vec![rng.below(9) as usize; rng.below(3) as usize],
                    },
                    2 => Response::Order {
                        order: vec![rng.below(9) as usize; rng.below(3) as usize],
                    },
                    3 => Response::Number {
                        text: text(&mut rng, 5),
                    },
                    _ => Response::Text {
                        text: text(&mut rng, 5),
                    },
                };
                let mut attempt = attempt(&id, rng.next_u64() as i64, response);
                attempt.seed = rng.next_u64() >> rng.below(64);
                attempt.sitting.id = SharedId::from(text(&mut rng, 3));
                attempt.sitting.unit =
                    (rng.below(2) == 0).then(|| SharedId::from(text(&mut rng, 3)));
                attempt.sitting.course = (rng.below(2) == 0).then(|| text(&mut rng, 3));
                attempt.item = SharedId::from(text(&mut rng, 3));
                attempt.misconception = (rng.below(2) == 0).then(|| text(&mut rng, 3));
                attempt.hints_used = rng.next_u64() as u32 >> rng.below(32);
                attempt.correct = rng.below(2) == 0;
                log.push(attempt);
            }
            let compact = CompactLog::of(&log);
            assert_eq!(compact.attempts(), Ok(log.clone()), "{compact:?}");
        }
    }

    #[test]
    fn an_empty_log_is_empty() {
        let compact = CompactLog::of(&[]);
        assert!(compact.is_empty());
        assert_eq!(compact.attempts(), Ok(Vec::new()));
    }

    #[test]
    fn each_kind_of_sitting_has_its_own_digit() {
        for (digit, kind) in KINDS.iter().enumerate() {
            assert_eq!(kind_digit(*kind), digit as u64);
        }
    }

    #[test]
    fn numbers_use_the_fewest_digits_and_refuse_overflow() {
        for (value, written) in [(0, "A"), (63, "_"), (64, "BA"), (u64::MAX, "P__________")] {
            let mut out = String::new();
            push_number(&mut out, value);
            assert_eq!(out, written);
            assert_eq!(number(written), Some(value));
        }
        assert_eq!(number("Q__________"), None, "2^64 does not fit");
        assert_eq!(number(""), None);
        assert_eq!(number("A!"), None);
        for value in [0, 1, -1, i64::MAX, i64::MIN, 20_000, -20_000] {
            assert_eq!(unzigzag(zigzag(value)), value);
        }
    }

    /// A damaged record is refused with its position, never read as something else
    /// and never a panic.
    #[test]
    fn a_damaged_record_is_refused_with_its_position() {
        let good = CompactLog::of(&varied_log());
        let damaged = |records: &str| CompactLog {
            records: records.to_string(),
            ..good.clone()
        };
        let first_two: String = records(&good.records)
            .take(2)
            .map(|record| format!("{record};"))
            .collect();
        for (records, record, problem) in [
            (format!("{first_two}Z,B,A,A,A,A,cA,A,A,A;"), 3, "its id"),
            (format!("{first_two}A,B,!,A,A,A,cA,A,A,A;"), 3, "its time"),
            (
                format!("{first_two}A,B,A,Z,A,A,cA,A,A,A;"),
                3,
                "its sitting",
            ),
            (
                format!("{first_two}A,B,A,A,Z,A,cA,A,A,A;"),
                3,
                "its question",
            ),
            (format!("{first_two}A,B,A,A,A,,cA,A,A,A;"), 3, "its seed"),
            (
                format!("{first_two}A,B,A,A,A,A,xA,A,A,A;"),
                3,
                "its response",
            ),
            (
                format!("{first_two}A,B,A,A,A,A,cA,__________,A,A;"),
                3,
                "its hints",
            ),
            (
                format!("{first_two}A,B,A,A,A,A,cA,A,Z,A;"),
                3,
                "its misconception",
            ),
            (
                format!("{first_two}A,B,A,A,A,A,cA,A,A,______;"),
                3,
                "its active time",
            ),
            (
                format!("{first_two}A,B,A,A,A,A,cA,A,A,A,A;"),
                3,
                "it has more fields than an answer",
            ),
            ("A,B~".to_string(), 1, "its id"),
            ("A".to_string(), 1, "its id"),
            ("A,B".to_string(), 1, "its time"),
        ] {
            assert_eq!(
                damaged(&records).attempts(),
                Err(CompactError { record, problem }),
                "{records}"
            );
        }
        for (sittings, questions, problem) in [
            (
                vec!["s-1,H,A,,".to_string()],
                good.questions.clone(),
                "a sitting in the table",
            ),
            (
                vec!["s-1,B,A,u1,".to_string()],
                good.questions.clone(),
                "a sitting in the table",
            ),
            (
                vec!["s-1,B,A,,,".to_string()],
                good.questions.clone(),
                "a sitting in the table",
            ),
            (
                good.sittings.clone(),
                vec!["u1,o1".to_string()],
                "a question in the table",
            ),
            (
                good.sittings.clone(),
                vec!["u1,o1,i1,x".to_string()],
                "a question in the table",
            ),
        ] {
            let log = CompactLog {
                sittings,
                questions,
                ..good.clone()
            };
            assert_eq!(log.attempts(), Err(CompactError { record: 0, problem }));
        }
        // A log cut short after a whole record still reads: a checksum, not this
        // format, tells whether the text is all there.
        assert_eq!(damaged(&first_two).attempts().map(|log| log.len()), Ok(2));
    }
}
