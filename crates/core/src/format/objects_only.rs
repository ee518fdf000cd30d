//! Reading with serde_json, every struct from a JSON object only.
//!
//! serde_json reads a struct from an object, and also from an array that lists the
//! struct's fields in order. Every derived struct reader therefore comes in two
//! copies, and the array one is never used: Masterly writes every struct as an object,
//! and its file formats (docs/curriculum-format.md, the progress and class files) say
//! so. `ObjectsOnly` sits between a derived reader and serde_json and asks for a map
//! wherever a struct is read, so that only the object copy is compiled: the student's
//! wasm is about 7 KB smaller gzipped (docs/size.md). A struct written as an
//! array is refused with serde_json's usual message ("invalid type: sequence, expected
//! struct …"), at its line and column.
//!
//! Everything else is handed through unchanged: the wrapper wraps each visitor, seed
//! and access it passes on, so that structs nested at any depth are read the same way.

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::fmt;

/// A deserializer, visitor, seed or access of serde, passed through, with structs
/// read as maps.
pub struct ObjectsOnly<T>(pub T);

/// `Deserializer` methods that hand the visitor on, wrapped, with their other
/// arguments unchanged.
macro_rules! forward_deserialize {
    ($($method:ident($($argument:ident: $kind:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(
                self,
                $($argument: $kind,)*
                visitor: V,
            ) -> Result<V::Value, Self::Error> {
                self.0.$method($($argument,)* ObjectsOnly(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_seq();
        deserialize_map();
        deserialize_identifier();
        deserialize_ignored_any();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    /// The one change: a struct is read from a map (a JSON object) only.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(ObjectsOnly(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// `Visitor` methods for plain values, handed on as they are.
macro_rules! forward_visit {
    ($($method:ident($kind:ty);)*) => {
        $(
            fn $method<E: serde::de::Error>(self, value: $kind) -> Result<Self::Value, E> {
                self.0.$method(value)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for ObjectsOnly<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(ObjectsOnly(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(ObjectsOnly(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(ObjectsOnly(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(ObjectsOnly(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(ObjectsOnly(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for ObjectsOnly<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(ObjectsOnly(deserializer))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for ObjectsOnly<A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.0.next_element_seed(ObjectsOnly(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for ObjectsOnly<A> {
    type Error = A::Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.0.next_key_seed(ObjectsOnly(seed))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.0.next_value_seed(ObjectsOnly(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for ObjectsOnly<A> {
    type Error = A::Error;
    type Variant = ObjectsOnly<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(ObjectsOnly(seed))?;
        Ok((value, ObjectsOnly(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for ObjectsOnly<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(ObjectsOnly(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, ObjectsOnly(visitor))
    }

    /// A struct variant's fields are a struct too: read from a map only.
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.newtype_variant_seed(MapOf(visitor))
    }
}

/// A seed that reads a map with the visitor it holds (a struct variant's fields).
struct MapOf<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for MapOf<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_map(ObjectsOnly(self.0))
    }
}

/// Reads `T` from the whole of `text` (nothing but white space may follow the
/// value), every struct from an object.
pub fn from_str<'de, T: serde::Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(ObjectsOnly(&mut deserializer))?;
    deserializer.end()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        name: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Shape {
        Dot,
        Line(u32),
        Pair(u8, u8),
        Box { width: u16, height: u16 },
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        id: u64,
        ratio: f64,
        flag: bool,
        note: Option<String>,
        inner: Inner,
        list: Vec<Inner>,
        map: BTreeMap<String, Inner>,
        shapes: Vec<Shape>,
        pair: (i32, char),
    }

    const GOOD: &str = r#"{
        "id": 18446744073709551615, "ratio": -2.5, "flag": true, "note": null,
        "inner": {"name": "a\u00e9"},
        "list": [{"name": "b", "tags": ["x", "y"]}],
        "map": {"k": {"name": "c"}},
        "shapes": ["dot", {"line": 7}, {"pair": [1, 2]}, {"box": {"width": 3, "height": 4}}],
        "pair": [-1, "z"]
    }"#;

    #[test]
    fn reads_what_serde_json_reads_from_objects() {
        let ours: Outer = from_str(GOOD).unwrap_or_else(|error| panic!("{error}"));
        let theirs: Outer = serde_json::from_str(GOOD).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(ours, theirs);
        assert_eq!(ours.id, u64::MAX);
        assert_eq!(ours.inner.name, "aé");
        assert_eq!(
            ours.shapes,
            [
                Shape::Dot,
                Shape::Line(7),
                Shape::Pair(1, 2),
                Shape::Box {
                    width: 3,
                    height: 4
                }
            ]
        );
    }

    #[test]
    fn refuses_a_struct_written_as_an_array_at_any_depth_where_serde_json_takes_it() {
        let top = GOOD.replacen(r#"{"name": "a\u00e9"}"#, r#"["a"]"#, 1);
        let nested_in_list =
            GOOD.replacen(r#"{"name": "b", "tags": ["x", "y"]}"#, r#"["b", []]"#, 1);
        let in_variant = GOOD.replacen(r#"{"width": 3, "height": 4}"#, "[3, 4]", 1);
        for text in [top, nested_in_list, in_variant] {
            assert!(serde_json::from_str::<Outer>(&text).is_ok(), "{text}");
            let error = from_str::<Outer>(&text).expect_err("an array for a struct");
            assert!(
                error
                    .to_string()
                    .starts_with("invalid type: sequence, expected"),
                "{error}"
            );
            // The position is where the array begins (serde_json names the column
            // of the last character read before it).
            let line = text.lines().nth(error.line() - 1).unwrap_or_default();
            let rest = line.get(error.column()..).unwrap_or_default();
            assert!(rest.trim_start().starts_with('['), "{error}: {rest}");
        }
    }

    #[test]
    fn keeps_serde_json_s_errors_and_positions_for_other_mistakes() {
        for text in [
            GOOD.replacen("\"flag\": true", "\"flag\": 1", 1),
            GOOD.replacen("\"id\"", "\"extra\": 0, \"id\"", 1),
            GOOD.replacen("\"dot\"", "\"circle\"", 1),
            GOOD.replacen("\"flag\": true,", "", 1),
            GOOD.replacen("]\n    }", "] x\n    }", 1),
            format!("{GOOD} {{}}"),
        ] {
            let ours = from_str::<Outer>(&text).expect_err("a mistake");
            let mut reader = serde_json::Deserializer::from_str(&text);
            let theirs = Outer::deserialize(&mut reader)
                .and_then(|_| reader.end())
                .expect_err("a mistake");
            assert_eq!(ours.to_string(), theirs.to_string());
        }
    }
}
