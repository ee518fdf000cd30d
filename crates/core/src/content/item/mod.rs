//! Items: the questions of every assessment. An item is written flat in the
//! curriculum file with a `kind`; the fields each kind uses are checked when the
//! curriculum loads. A templated item has variables, and every text field may then
//! contain `{expression}` placeholders, filled in per instance.

mod check;
mod instance;

pub use check::{
    describe_answer, judge, model_answer, normalise_text, wrong_answer, Judgement, NearMiss,
    Response, ResponseError,
};
pub use instance::{
    interpolate, CompiledItem, Expected, InstanceCheck, InstanceError, InstanceKey, ItemInstance,
    ShownChoice, MAX_TEMPLATE_DRAWS,
};

use crate::content::picture;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    SingleChoice,
    MultipleSelect,
    Numeric,
    ShortText,
    Ordering,
    /// Place a point on a number line (the item's `diagram`).
    PlacePoint,
    /// Shade parts of a strip, area, circle or set.
    Shade,
    /// Cut a whole (number line, circle or strip) into equal parts.
    Partition,
}

impl ItemKind {
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::SingleChoice => "single_choice",
            ItemKind::MultipleSelect => "multiple_select",
            ItemKind::Numeric => "numeric",
            ItemKind::ShortText => "short_text",
            ItemKind::Ordering => "ordering",
            ItemKind::PlacePoint => "place_point",
            ItemKind::Shade => "shade",
            ItemKind::Partition => "partition",
        }
    }

    /// Whether the student answers on the item's picture (its `diagram`).
    pub fn on_picture(self) -> bool {
        matches!(
            self,
            ItemKind::PlacePoint | ItemKind::Shade | ItemKind::Partition
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    /// The question, in the safe Markdown subset.
    pub prompt: String,
    /// single_choice and multiple_select: the options, in the author's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<Choice>>,
    /// single_choice and multiple_select: show options in a per-instance order.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub shuffle: bool,
    /// numeric, place_point, shade, partition: the answer as an expression
    /// ("3/4", "a / b"); for a picture, the point's value, the fraction shaded or
    /// the number of parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// numeric: how far from the answer still counts as right (an expression, default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<String>,
    /// short_text: every accepted answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<Vec<String>>,
    /// short_text: compare letter case too (default: no).
    #[serde(default, skip_serializing_if = "is_false")]
    pub case_sensitive: bool,
    /// ordering: the entries in their correct order; they are shown shuffled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<Vec<String>>,
    /// place_point, shade, partition: the picture the student answers on, in the
    /// picture syntax (`::: number-line; from: 0; to: 1; parts: 8 :::`), templated
    /// like every text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagram: Option<String>,
    /// numeric, short_text and the picture kinds: known wrong answers with
    /// targeted feedback.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrong_answers: Vec<WrongAnswer>,
    /// Ordered hint steps, revealed one at a time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// Which hint gives the answer away (1 is the first): a right answer given
    /// after it is not the student's own evidence, so it does not count towards a
    /// level. 0 when no hint gives it away; by default the last hint does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealing_hint: Option<u32>,
    /// The worked solution, shown after the item is answered.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub solution: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Template>,
}

impl Item {
    /// How many hints shown make a right answer not count: the revealing hint's
    /// number, or none when no hint gives the answer away.
    pub fn hints_that_reveal(&self) -> Option<u32> {
        match self.revealing_hint {
            Some(0) => None,
            Some(hint) => Some(hint),
            None if self.hints.is_empty() => None,
            None => Some(self.hints.len() as u32),
        }
    }

    /// The chance that a blind guess is right: one of n choices, one non-empty
    /// set of n options, one order of n entries; on a picture (as its first
    /// instance draws it), one of the places the point may stand, one count of
    /// parts shaded, one of the cuts offered. None for numeric and short-text
    /// items, whose answer has to be written.
    pub fn guess_chance(&self) -> Option<f64> {
        let choices = self.choices.as_ref().map_or(0, Vec::len);
        if self.kind.on_picture() {
            let instance = ItemInstance::generate(self, 0).ok()?;
            let diagram = instance.diagram.as_ref()?;
            let places = match self.kind {
                ItemKind::PlacePoint => picture::stops(diagram).len(),
                ItemKind::Shade => usize::from(picture::shading(diagram)?.parts) + 1,
                _ => picture::partition_range(diagram)?.count(),
            };
            return (places > 0).then(|| 1.0 / places as f64);
        }
        match self.kind {
            ItemKind::SingleChoice if choices > 0 => Some(1.0 / choices as f64),
            ItemKind::MultipleSelect if choices > 0 => {
                Some(1.0 / (2f64.powi(choices.min(30) as i32) - 1.0))
            }
            ItemKind::Ordering => {
                let entries = self.sequence.as_ref().map_or(1, Vec::len).min(20);
                Some(1.0 / (1..=entries).map(|n| n as f64).product::<f64>())
            }
            _ => None,
        }
    }
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub correct: bool,
    /// The id of the misconception that choosing this wrong option suggests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misconception: Option<String>,
    /// Feedback for choosing this option, shown instead of the generic message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongAnswer {
    /// numeric: an expression; short_text: a text (normalised like responses).
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misconception: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

/// Variables drawn per instance, constraints they must meet, and values derived
/// from them. Drawing follows the order written, so instances are reproducible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub variables: Vec<Variable>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<Derived>,
}

/// Either a whole-number range (`from`, `to`, optional `step`) or a list (`one_of`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<i64>,
    /// Values as expressions without variables: "2", "1/2", "0.25".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derived {
    pub name: String,
    pub value: String,
}

/// The most values a range variable may take, so drawing stays cheap and bounded.
pub const MAX_RANGE_VALUES: i64 = 100_000;

#[cfg(test)]
mod tests;
