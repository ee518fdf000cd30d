//! Judging a student's response to an item instance: right or wrong, and, when a
//! wrong answer matches a known misconception, which one and what to say about it.
//! A response that cannot be judged (text where a number is needed) is an error for
//! the student to fix, not a wrong answer.

use super::instance::{Expected, InstanceWrongAnswer, ItemInstance};
use super::ItemKind;
use crate::content::case::lowercase;
use crate::content::picture::{shading, wrong_on_picture, Diagram};
use crate::content::rational::{parse_number, read_number, Form, Rational, Written};
use crate::order;
use serde::Serialize;

/// What a student answered. Choice positions are in the author's order. Read by
/// hand (`crate::format::tagged`), written by serde.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    Choice {
        index: usize,
    },
    Choices {
        indices: Vec<usize>,
    },
    Number {
        text: String,
    },
    Text {
        text: String,
    },
    /// Indices into the item's sequence, in the order the student arranged them.
    Order {
        order: Vec<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub correct: bool,
    pub misconception: Option<String>,
    /// Targeted feedback written by the author for this answer, if any.
    pub feedback: Option<String>,
    /// A wrong number close to the right one, when the author wrote nothing for it.
    pub near_miss: Option<NearMiss>,
}

/// A wrong answer that is nearly right, recognised in any item that takes a number
/// (numeric items, and short-text items whose accepted answer is a number), so a
/// student gets a nudge where the author wrote no feedback for that answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearMiss {
    /// The right value as a fraction (or mixed number) not in simplest form where
    /// the accepted answer is, or as a fraction where it is a whole number.
    NotSimplest,
    /// The right value as an improper fraction, where a mixed number is asked for.
    NotMixed,
    /// The right value as a mixed number, where a fraction is asked for.
    NotAFraction,
    /// The right value written another way (a decimal for a fraction, say).
    OtherForm,
    /// The right size with the wrong sign.
    Sign,
    /// A fraction with the denominator the author wrote and another numerator.
    Numerator,
    /// A fraction with the numerator the author wrote and another denominator.
    Denominator,
    /// The right fraction upside down: numerator and denominator swapped.
    Swapped,
}

/// What is near about `given` compared with `answer`, a right answer. For a
/// short-text item the answer is as the author wrote it, and `as_written` is true:
/// its form is the one asked for, and each part of a fraction is the one expected.
/// A numeric item takes any form of its value, and its answer is that value in
/// lowest terms, whose parts may not be the ones the question leads to (4/8 for
/// 3/8 + 1/8 is 1/2): only a sign or a fraction upside down is named there.
/// None when nothing is near, or the answer is right.
fn near_miss(given: Written, answer: Written, as_written: bool) -> Option<NearMiss> {
    if given.value == answer.value {
        let in_lowest_terms = |den: i64| den == answer.value.denominator();
        return match (given.form, answer.form) {
            _ if !as_written => None,
            (Form::Fraction { den, .. }, Form::Fraction { den: asked, .. })
            | (Form::Mixed { den, .. }, Form::Mixed { den: asked, .. })
                if in_lowest_terms(asked) && den != asked =>
            {
                Some(NearMiss::NotSimplest)
            }
            (Form::Fraction { .. }, Form::Decimal) if answer.value.is_integer() => {
                Some(NearMiss::NotSimplest)
            }
            (Form::Fraction { .. }, Form::Mixed { .. }) => Some(NearMiss::NotMixed),
            (Form::Mixed { .. }, Form::Fraction { .. }) => Some(NearMiss::NotAFraction),
            _ => Some(NearMiss::OtherForm),
        };
    }
    if given.value.checked_neg() == Ok(answer.value) {
        return Some(NearMiss::Sign);
    }
    let same_sign = (given.value < Rational::ZERO) == (answer.value < Rational::ZERO);
    match (given.form, answer.form) {
        (Form::Fraction { num, den }, Form::Fraction { num: a, den: b }) if same_sign => {
            if (num, den) == (b, a) {
                Some(NearMiss::Swapped)
            } else if as_written && den == b {
                Some(NearMiss::Numerator)
            } else if as_written && num == a {
                Some(NearMiss::Denominator)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A numeric item's answer written as a fraction in lowest terms, or as a whole
/// number.
fn written_value(value: Rational) -> Written {
    let form = if value.is_integer() {
        Form::Decimal
    } else {
        Form::Fraction {
            num: value
                .numerator()
                .unsigned_abs()
                .try_into()
                .unwrap_or(i64::MAX),
            den: value.denominator(),
        }
    };
    Written { value, form }
}

/// Why a response cannot be judged (the student is asked again; nothing is
/// recorded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseError {
    /// A response of another kind than the question's (`expected`).
    WrongKind {
        expected: ItemKind,
    },
    /// A numeric answer that does not read as a number.
    NotANumber {
        text: String,
    },
    Empty,
    /// A choice index the question does not have.
    UnknownChoice {
        index: usize,
    },
    /// An ordering that does not use every entry exactly once.
    NotAnArrangement,
}

/// Short answers are compared after normalising: case (unless the item says
/// otherwise), spacing, and trailing punctuation do not matter. Normalising twice
/// gives what normalising once gives: accepted answers are stored normalised, and
/// the one shown as the answer must be judged right when typed back.
pub fn normalise_text(text: &str, case_sensitive: bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    // Punctuation and spaces together, so that "x. ." ends as "x", not "x.".
    let trimmed = joined.trim_end_matches(|c: char| {
        matches!(c, '.' | ',' | '!' | '?' | ';' | ':') || c.is_whitespace()
    });
    if case_sensitive {
        trimmed.to_string()
    } else {
        lowercase(trimmed)
    }
}

pub fn judge(instance: &ItemInstance, response: &Response) -> Result<Judgement, ResponseError> {
    let plain = |correct: bool| Judgement {
        correct,
        misconception: None,
        feedback: None,
        near_miss: None,
    };
    let choice_count = instance.choice_feedback.len();
    match (&instance.expected, response) {
        (Expected::Single(correct), Response::Choice { index }) => {
            if *index >= choice_count {
                return Err(ResponseError::UnknownChoice { index: *index });
            }
            let (misconception, feedback) = instance.choice_feedback[*index].clone();
            Ok(Judgement {
                correct: index == correct,
                misconception: if index == correct {
                    None
                } else {
                    misconception
                },
                feedback,
                near_miss: None,
            })
        }
        (Expected::Multiple(correct), Response::Choices { indices }) => {
            if let Some(&index) = indices.iter().find(|&&i| i >= choice_count) {
                return Err(ResponseError::UnknownChoice { index });
            }
            let mut chosen = indices.clone();
            order::sort_dedup(&mut chosen);
            if chosen.is_empty() {
                return Err(ResponseError::Empty);
            }
            let is_correct = &chosen == correct;
            // The first wrongly chosen option that names a misconception explains the error.
            let (misconception, feedback) = chosen
                .iter()
                .filter(|index| !correct.contains(index))
                .map(|&index| instance.choice_feedback[index].clone())
                .find(|(misconception, _)| misconception.is_some())
                .unwrap_or((None, None));
            Ok(Judgement {
                correct: is_correct,
                misconception: if is_correct { None } else { misconception },
                feedback: if is_correct { None } else { feedback },
                near_miss: None,
            })
        }
        (Expected::Numeric { value, tolerance }, Response::Number { text }) => {
            if text.trim().is_empty() {
                return Err(ResponseError::Empty);
            }
            let given = read_number(text).ok_or_else(|| ResponseError::NotANumber {
                text: text.trim().to_string(),
            })?;
            if given.value.is_within(*value, *tolerance) {
                return Ok(plain(true));
            }
            let known = instance
                .wrong_answers
                .iter()
                .find(|wrong| wrong.number == Some(given.value));
            Ok(match known {
                Some(wrong) => known_wrong(wrong),
                // Near in form only when the answer must be exact.
                None if tolerance == &Rational::ZERO => Judgement {
                    near_miss: near_miss(given, written_value(*value), false),
                    ..plain(false)
                },
                None => plain(false),
            })
        }
        (
            Expected::Text {
                accepted,
                case_sensitive,
            },
            Response::Text { text },
        ) => {
            let given = normalise_text(text, *case_sensitive);
            if given.is_empty() {
                return Err(ResponseError::Empty);
            }
            // A number is right written as an accepted one is, whatever its
            // spacing or leading zero ("3 / 4" for "3/4", ".75" for "0.75").
            let number = read_number(&given);
            let same_number = |answer: &String| number.is_some() && read_number(answer) == number;
            if accepted.contains(&given) || accepted.iter().any(same_number) {
                return Ok(plain(true));
            }
            let known = instance
                .wrong_answers
                .iter()
                .find(|wrong| wrong.text.as_deref() == Some(given.as_str()));
            Ok(match known {
                Some(wrong) => known_wrong(wrong),
                None => Judgement {
                    near_miss: number.and_then(|given| {
                        accepted
                            .iter()
                            .find_map(|answer| read_number(answer))
                            .and_then(|answer| near_miss(given, answer, true))
                    }),
                    ..plain(false)
                },
            })
        }
        // A picture offers only its own positions: no nudge about forms applies.
        (Expected::Picture { value }, Response::Number { text }) => {
            if text.trim().is_empty() {
                return Err(ResponseError::Empty);
            }
            let given = parse_number(text).ok_or_else(|| ResponseError::NotANumber {
                text: text.trim().to_string(),
            })?;
            if given == *value {
                return Ok(plain(true));
            }
            let known = instance
                .wrong_answers
                .iter()
                .find(|wrong| wrong.number == Some(given));
            Ok(known.map_or_else(|| plain(false), known_wrong))
        }
        (Expected::Ordering, Response::Order { order }) => {
            let mut sorted = order.clone();
            order::sort(&mut sorted);
            if sorted != (0..instance.sequence.len()).collect::<Vec<_>>() {
                return Err(ResponseError::NotAnArrangement);
            }
            // Entries with the same text are interchangeable.
            let correct = order
                .iter()
                .enumerate()
                .all(|(position, &entry)| instance.sequence[entry] == instance.sequence[position]);
            Ok(plain(correct))
        }
        _ => Err(ResponseError::WrongKind {
            expected: instance.kind,
        }),
    }
}

/// The judgement of an answer the author foresaw.
fn known_wrong(wrong: &InstanceWrongAnswer) -> Judgement {
    Judgement {
        correct: false,
        misconception: wrong.misconception.clone(),
        feedback: wrong.feedback.clone(),
        near_miss: None,
    }
}

/// A response that is right for this instance: for authors' checks, simulated
/// students in tests, and showing the answer after the worked solution.
pub fn model_answer(instance: &ItemInstance) -> Response {
    match &instance.expected {
        Expected::Single(index) => Response::Choice { index: *index },
        Expected::Multiple(indices) => Response::Choices {
            indices: indices.clone(),
        },
        Expected::Numeric { value, .. } => Response::Number {
            text: value.to_string(),
        },
        Expected::Text { accepted, .. } => Response::Text {
            text: accepted.first().cloned().unwrap_or_default(),
        },
        Expected::Ordering => Response::Order {
            order: (0..instance.sequence.len()).collect(),
        },
        // A shading is answered as the shell sends it: parts shaded of a whole.
        Expected::Picture { value } => match instance.diagram.as_ref().and_then(shading) {
            Some(shading) if instance.kind == ItemKind::Shade => {
                let count = value
                    .checked_mul(Rational::integer(i64::from(shading.per_whole)))
                    .map_or(0, |count| count.numerator());
                shading.response(u16::try_from(count).unwrap_or(0))
            }
            _ => Response::Number {
                text: value.to_string(),
            },
        },
    }
}

/// A response of the right kind that is wrong for this instance: for simulated
/// students (tests, the end-to-end run) who must fail on purpose. Ordering items of
/// one entry have no wrong order; they get the right one.
pub fn wrong_answer(instance: &ItemInstance) -> Response {
    let choices = instance.choice_feedback.len().max(1);
    match &instance.expected {
        Expected::Single(index) => Response::Choice {
            index: (index + 1) % choices,
        },
        Expected::Multiple(indices) => Response::Choices {
            indices: (0..choices).filter(|i| !indices.contains(i)).collect(),
        },
        Expected::Numeric { value, tolerance } => Response::Number {
            text: value
                .checked_add(*tolerance)
                .and_then(|v| v.checked_add(Rational::ONE))
                .unwrap_or(Rational::ZERO)
                .to_string(),
        },
        Expected::Text { .. } => Response::Text {
            text: "not this".into(),
        },
        Expected::Ordering => Response::Order {
            order: (0..instance.sequence.len()).rev().collect(),
        },
        Expected::Picture { value } => match &instance.diagram {
            Some(diagram) => wrong_on_picture(instance.kind, diagram, *value),
            None => Response::Number {
                text: "0".to_string(),
            },
        },
    }
}

/// The right answer in words, shown with the worked solution: the text of the
/// correct choice(s), the number (as a decimal when the question writes decimals and
/// the number has one, as a mixed number when it asks for one), the first accepted
/// answer, or the sequence.
pub fn describe_answer(instance: &ItemInstance) -> String {
    let choice_text = |index: usize| {
        instance
            .choices
            .iter()
            .find(|choice| choice.index == index)
            .map_or_else(String::new, |choice| choice.text.clone())
    };
    match &instance.expected {
        Expected::Single(index) => choice_text(*index),
        Expected::Multiple(indices) => indices
            .iter()
            .map(|index| choice_text(*index))
            .collect::<Vec<_>>()
            .join("; "),
        // A question written in decimals is answered in decimals (0.8, not 4/5).
        Expected::Numeric { value, .. } if writes_decimals(&instance.prompt) => {
            value.to_decimal_string()
        }
        // ... and one that asks for a mixed number in a mixed number (2 3/4).
        Expected::Numeric { value, .. } if instance.prompt.contains("mixed number") => {
            value.to_mixed_string()
        }
        Expected::Picture { value } => picture_answer(instance, *value),
        Expected::Numeric { value, .. } => value.to_string(),
        Expected::Text { accepted, .. } => accepted.first().cloned().unwrap_or_default(),
        Expected::Ordering => instance.sequence.join(" → "),
    }
}

/// A picture's answer as the picture counts it: a point in the line's own parts
/// (10/8 on a line in eighths, not 5/4), a shading as parts of the parts (6/8 of a
/// strip in eighths), a decimal where the question writes decimals, a cut as its
/// number of parts.
fn picture_answer(instance: &ItemInstance, value: Rational) -> String {
    if writes_decimals(&instance.prompt) {
        return value.to_decimal_string();
    }
    let per_whole = match (instance.kind, instance.diagram.as_ref()) {
        (ItemKind::PlacePoint, Some(Diagram::NumberLine(line))) => line.axis.parts,
        (ItemKind::Shade, Some(diagram)) => shading(diagram).map_or(1, |s| s.per_whole),
        _ => 1,
    };
    match value.checked_mul(Rational::integer(i64::from(per_whole))) {
        Ok(count) if per_whole > 1 && count.is_integer() => {
            format!("{}/{per_whole}", count.numerator())
        }
        _ => value.to_string(),
    }
}

/// Whether a text writes a decimal number: a digit, a point, a digit (`0.62`).
fn writes_decimals(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
}
