//! The format reference stays true: the complete examples in `docs/examples/`
//! (`curriculum.json`, and `pictures.json` for the items answered on a picture)
//! load without a single problem, use every field the JSON Schema lists, and
//! use no field the schema lacks; what the loader writes back fits the schema too.

use masterly_core::content::curriculum::load_curriculum;
use serde_json::Value;
use std::collections::BTreeSet;

const EXAMPLE: &str = include_str!("../../../../docs/examples/curriculum.json");
/// The example of pictures, which uses the fields of items answered on a picture.
const PICTURES: &str = include_str!("../../../../docs/examples/pictures.json");
const SCHEMA: &str = include_str!("../../../../public/schema/curriculum-v1.schema.json");

/// Follows a `$ref` into `$defs`.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/$defs/");
            resolve(schema, &schema["$defs"][name])
        }
        None => node,
    }
}

/// Walks `value` along `node`, recording each (schema location, property) used and
/// each key the schema does not list.
fn walk(
    schema: &Value,
    node: &Value,
    value: &Value,
    at: &str,
    used: &mut BTreeSet<String>,
    unknown: &mut Vec<String>,
) {
    let node = resolve(schema, node);
    match value {
        Value::Object(map) => {
            let Some(properties) = node.get("properties").and_then(Value::as_object) else {
                unknown.push(format!("{at}: the schema has no properties here"));
                return;
            };
            let title = node.get("title").and_then(Value::as_str).unwrap_or("?");
            for (key, child) in map {
                match properties.get(key) {
                    Some(child_node) => {
                        used.insert(format!("{title}.{key}"));
                        walk(
                            schema,
                            child_node,
                            child,
                            &format!("{at}.{key}"),
                            used,
                            unknown,
                        );
                    }
                    None => unknown.push(format!("{at}.{key}")),
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_node) = node.get("items") {
                for (i, item) in items.iter().enumerate() {
                    walk(
                        schema,
                        item_node,
                        item,
                        &format!("{at}[{i}]"),
                        used,
                        unknown,
                    );
                }
            }
        }
        _ => {}
    }
}

fn all_properties(schema: &Value) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
    for node in std::iter::once(schema).chain(defs.values()) {
        let title = node.get("title").and_then(Value::as_str).unwrap_or("?");
        for key in node
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            all.insert(format!("{title}.{key}"));
        }
    }
    all
}

#[test]
fn the_complete_example_loads_without_any_problem() {
    for example in [EXAMPLE, PICTURES] {
        match load_curriculum(example) {
            Ok(loaded) => assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings),
            Err(errors) => panic!("{:#?}", errors.0),
        }
    }
}

#[test]
fn the_example_uses_exactly_the_fields_the_schema_lists() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap_or_else(|e| panic!("schema: {e}"));
    let (mut used, mut unknown) = (BTreeSet::new(), Vec::new());
    for example in [EXAMPLE, PICTURES] {
        let example: Value =
            serde_json::from_str(example).unwrap_or_else(|e| panic!("example: {e}"));
        walk(&schema, &schema, &example, "$", &mut used, &mut unknown);
    }
    assert!(
        unknown.is_empty(),
        "fields missing from the schema: {unknown:?}"
    );
    let unused: Vec<String> = all_properties(&schema).difference(&used).cloned().collect();
    assert!(
        unused.is_empty(),
        "schema fields the example never uses: {unused:?}"
    );
}

#[test]
fn what_the_loader_writes_back_fits_the_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap_or_else(|e| panic!("schema: {e}"));
    let (mut used, mut unknown) = (BTreeSet::new(), Vec::new());
    for example in [EXAMPLE, PICTURES] {
        let loaded = load_curriculum(example).unwrap_or_else(|e| panic!("{e:?}"));
        let written = serde_json::to_value(&loaded.curriculum).unwrap_or_else(|e| panic!("{e}"));
        walk(&schema, &schema, &written, "$", &mut used, &mut unknown);
    }
    assert!(
        unknown.is_empty(),
        "the loader writes fields the schema lacks: {unknown:?}"
    );
}

#[test]
fn the_content_hash_ignores_formatting_but_not_content() {
    let loaded = load_curriculum(EXAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
    let compact: Value = serde_json::from_str(EXAMPLE).unwrap_or_else(|e| panic!("{e}"));
    let reformatted = load_curriculum(&compact.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        loaded.curriculum.content_hash(),
        reformatted.curriculum.content_hash()
    );
    assert!(loaded.curriculum.content_hash().starts_with("fnv1a64:"));
    let changed = EXAMPLE.replace("Measuring with fractions", "Measuring with fractions!");
    let changed = load_curriculum(&changed).unwrap_or_else(|e| panic!("{e:?}"));
    assert_ne!(
        loaded.curriculum.content_hash(),
        changed.curriculum.content_hash()
    );
}
