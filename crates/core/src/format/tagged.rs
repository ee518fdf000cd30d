//! Reading the two internally tagged enums of the formats, a student's [`Response`]
//! (`{"kind": "choice", "index": 2}`) and a workbook's [`Place`]
//! (`{"page": "unit", "unit": "u1"}`), by hand. Serde's derive for such an enum
//! first copies every value into a generic tree, to find the tag wherever it is;
//! that is slow for a class of files with 5,000 answers each and large in the wasm.
//! Here each field is read straight into its slot, in any order, with the messages
//! serde would give: a missing, unknown or repeated field, an unknown kind.

use crate::content::item::Response;
use crate::device::workbook::Place;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Fills a slot once: a second value for the same field is an error.
fn fill<T, E: de::Error>(slot: &mut Option<T>, value: T, field: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(field));
    }
    *slot = Some(value);
    Ok(())
}

/// The value of a field this kind needs.
fn needed<T, E: de::Error>(slot: &mut Option<T>, field: &'static str) -> Result<T, E> {
    slot.take().ok_or_else(|| E::missing_field(field))
}

/// A field given that this kind does not have (`present` says whether it was).
fn refuse_extra<E: de::Error>(
    fields: &[(&'static str, bool)],
    allowed: &'static [&'static str],
) -> Result<(), E> {
    match fields.iter().find(|(_, present)| *present) {
        Some((name, _)) => Err(E::unknown_field(name, allowed)),
        None => Ok(()),
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ResponseField {
    Kind,
    Index,
    Indices,
    Text,
    Order,
}

/// The kinds of [`Response`], spelled as its `#[serde(tag = "kind", rename_all =
/// "snake_case")]` spells them (`tests::every_kind_reads_back_what_it_writes_with_the_kind_anywhere`).
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ResponseKind {
    Choice,
    Choices,
    Number,
    Text,
    Order,
}

struct ResponseVisitor;

impl<'de> Visitor<'de> for ResponseVisitor {
    type Value = Response;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a response: an object with a \"kind\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Response, A::Error> {
        let mut kind = None;
        let mut index = None;
        let mut indices = None;
        let mut text = None;
        let mut order = None;
        while let Some(field) = map.next_key::<ResponseField>()? {
            match field {
                ResponseField::Kind => fill(&mut kind, map.next_value()?, "kind")?,
                ResponseField::Index => fill(&mut index, map.next_value()?, "index")?,
                ResponseField::Indices => fill(&mut indices, map.next_value()?, "indices")?,
                ResponseField::Text => fill(&mut text, map.next_value()?, "text")?,
                ResponseField::Order => fill(&mut order, map.next_value()?, "order")?,
            }
        }
        let response = match needed(&mut kind, "kind")? {
            ResponseKind::Choice => Response::Choice {
                index: needed(&mut index, "index")?,
            },
            ResponseKind::Choices => Response::Choices {
                indices: needed(&mut indices, "indices")?,
            },
            ResponseKind::Number => Response::Number {
                text: needed(&mut text, "text")?,
            },
            ResponseKind::Text => Response::Text {
                text: needed(&mut text, "text")?,
            },
            ResponseKind::Order => Response::Order {
                order: needed(&mut order, "order")?,
            },
        };
        let allowed: &'static [&'static str] = match response {
            Response::Choice { .. } => &["kind", "index"],
            Response::Choices { .. } => &["kind", "indices"],
            Response::Number { .. } | Response::Text { .. } => &["kind", "text"],
            Response::Order { .. } => &["kind", "order"],
        };
        // Every field this kind used has been taken out of its slot.
        refuse_extra(
            &[
                ("index", index.is_some()),
                ("indices", indices.is_some()),
                ("text", text.is_some()),
                ("order", order.is_some()),
            ],
            allowed,
        )?;
        Ok(response)
    }
}

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ResponseVisitor)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum PlaceField {
    Page,
    Unit,
    Sitting,
    /// A workbook may be read by an older Masterly: fields it does not know are
    /// skipped, as the derive did.
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Page {
    CourseMap,
    Unit,
    Sitting,
    Results,
}

struct PlaceVisitor;

impl<'de> Visitor<'de> for PlaceVisitor {
    type Value = Place;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a place: an object with a \"page\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Place, A::Error> {
        let mut page = None;
        let mut unit = None;
        let mut sitting = None;
        while let Some(field) = map.next_key::<PlaceField>()? {
            match field {
                PlaceField::Page => fill(&mut page, map.next_value()?, "page")?,
                PlaceField::Unit => fill(&mut unit, map.next_value()?, "unit")?,
                PlaceField::Sitting => fill(&mut sitting, map.next_value()?, "sitting")?,
                PlaceField::Other => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(match needed(&mut page, "page")? {
            Page::CourseMap => Place::CourseMap,
            Page::Unit => Place::Unit {
                unit: needed(&mut unit, "unit")?,
            },
            Page::Sitting => Place::Sitting,
            Page::Results => Place::Results {
                sitting: needed(&mut sitting, "sitting")?,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Place {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PlaceVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(text: &str) -> Result<Response, String> {
        crate::format::objects_only::from_str(text).map_err(|error| error.to_string())
    }

    #[test]
    fn every_kind_reads_back_what_it_writes_with_the_kind_anywhere() {
        let responses = [
            Response::Choice { index: 2 },
            Response::Choices {
                indices: vec![0, 3],
            },
            Response::Number { text: "3/4".into() },
            Response::Text {
                text: "denominator".into(),
            },
            Response::Order {
                order: vec![2, 0, 1],
            },
        ];
        for written in responses {
            let text = serde_json::to_string(&written).unwrap_or_default();
            assert_eq!(response(&text), Ok(written), "{text}");
        }
        assert_eq!(
            response(r#"{"index": 1, "kind": "choice"}"#),
            Ok(Response::Choice { index: 1 })
        );
    }

    #[test]
    fn a_response_that_does_not_fit_its_kind_says_what_is_wrong() {
        let cases = [
            (r#"{"index": 1}"#, "missing field `kind`"),
            (r#"{"kind": "choice"}"#, "missing field `index`"),
            (
                r#"{"kind": "essay", "text": "x"}"#,
                "unknown variant `essay`",
            ),
            (
                r#"{"kind": "choice", "index": 1, "text": "x"}"#,
                "unknown field `text`, expected `kind` or `index`",
            ),
            (
                r#"{"kind": "text", "text": "a", "text": "b"}"#,
                "duplicate field `text`",
            ),
            (
                r#"{"kind": "choice", "index": 1, "colour": "red"}"#,
                "unknown field `colour`",
            ),
            (
                r#"{"kind": "choice", "index": "1"}"#,
                "invalid type: string \"1\", expected usize",
            ),
            (r#"[1]"#, "invalid type: sequence, expected a response"),
        ];
        for (text, expected) in cases {
            let message = response(text).err().unwrap_or_default();
            assert!(message.starts_with(expected), "{text}: {message}");
        }
    }

    #[test]
    fn every_place_reads_back_and_an_unknown_field_is_skipped() {
        for place in [
            Place::CourseMap,
            Place::Unit { unit: "u1".into() },
            Place::Sitting,
            Place::Results {
                sitting: "s-3".into(),
            },
        ] {
            let text = serde_json::to_string(&place).unwrap_or_default();
            let read: Result<Place, _> = crate::format::objects_only::from_str(&text);
            assert_eq!(read.ok(), Some(place), "{text}");
        }
        let read: Result<Place, _> = crate::format::objects_only::from_str(
            r#"{"unit": "u2", "later": [1], "page": "unit"}"#,
        );
        assert_eq!(read.ok(), Some(Place::Unit { unit: "u2".into() }));
        let missing: Result<Place, _> =
            crate::format::objects_only::from_str(r#"{"page": "results"}"#);
        assert!(missing.is_err());
    }
}
