//! The core is pure: no browser crate among its dependencies, direct or transitive.
//! The compiler already refuses a `use leptos::…` in a crate that does not depend on
//! leptos; this test reads the workspace's `Cargo.lock` and fails if a dependency
//! ever brings a browser crate into `masterly-core`'s tree anyway.

use std::collections::BTreeMap;

const BROWSER_CRATES: [&str; 6] = [
    "leptos",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo",
    "tachys",
];

/// Each package of a `Cargo.lock` with the names of the packages it depends on.
fn lock_graph(lock: &str) -> BTreeMap<String, Vec<String>> {
    let mut graph = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let field = |key: &str| {
            package
                .lines()
                .find_map(|line| line.strip_prefix(key))
                .map(|rest| {
                    rest.trim_matches(|c| c == ' ' || c == '=' || c == '"')
                        .to_string()
                })
        };
        let Some(name) = field("name") else { continue };
        let dependencies = package
            .split_once("dependencies = [")
            .map(|(_, list)| list.split(']').next().unwrap_or(""))
            .unwrap_or("")
            .lines()
            .filter_map(|line| {
                let entry = line.trim().trim_end_matches(',').trim_matches('"');
                entry.split(' ').next().filter(|name| !name.is_empty())
            })
            .map(str::to_string)
            .collect();
        graph.insert(name, dependencies);
    }
    graph
}

/// Every package `root` depends on, directly or not.
fn dependency_tree(graph: &BTreeMap<String, Vec<String>>, root: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut next = vec![root.to_string()];
    while let Some(name) = next.pop() {
        for dependency in graph.get(&name).into_iter().flatten() {
            if !found.contains(dependency) {
                found.push(dependency.clone());
                next.push(dependency.clone());
            }
        }
    }
    found
}

fn browser_crates_in(tree: &[String]) -> Vec<&String> {
    tree.iter()
        .filter(|name| {
            BROWSER_CRATES
                .iter()
                .any(|browser| name.starts_with(browser))
        })
        .collect()
}

#[test]
fn the_core_depends_on_no_browser_crate() {
    let lock = include_str!("../../../../Cargo.lock");
    let graph = lock_graph(lock);
    let core = dependency_tree(&graph, "masterly-core");
    assert!(
        core.iter().any(|name| name == "serde_json"),
        "the core's dependencies were not found in Cargo.lock: {core:?}"
    );
    assert_eq!(browser_crates_in(&core), Vec::<&String>::new());
}

#[test]
fn the_check_finds_a_browser_crate_in_the_shell() {
    let graph = lock_graph(include_str!("../../../../Cargo.lock"));
    let web = dependency_tree(&graph, "masterly-web");
    let found = browser_crates_in(&web);
    for expected in ["leptos", "web-sys", "wasm-bindgen"] {
        assert!(
            found.iter().any(|name| *name == expected),
            "{expected} in {found:?}"
        );
    }
}

// ------------------------------------------------------ English stays at the edge

/// The core says *what* and *where* in typed values; masterly-text says it in
/// English. So the core has no thiserror (whose messages are English) ...
#[test]
fn the_core_does_not_depend_on_thiserror() {
    let manifest = include_str!("../../Cargo.toml");
    assert!(
        !manifest
            .lines()
            .any(|line| line.trim_start().starts_with("thiserror")),
        "crates/core/Cargo.toml names thiserror"
    );
    let graph = lock_graph(include_str!("../../../../Cargo.lock"));
    let core = dependency_tree(&graph, "masterly-core");
    assert!(!core.iter().any(|name| name == "thiserror"), "{core:?}");
}

/// ... and no `Display` but for values written the same in any language. Each
/// type allowed, with why:
const DISPLAY_ALLOWED: [(&str, &str); 5] = [
    // A picture written back in its own syntax ("::: circle; parts: 4 :::").
    ("content/picture/mod.rs", "Diagram"),
    // A fraction written "3/4" or "-1 1/2": a number format, not words.
    ("content/rational.rs", "Rational"),
    // An id shared by many attempts, written as the id itself.
    ("learning/shared_id.rs", "SharedId"),
    // A JSON path such as "$.courses[0].units[1]".
    ("content/curriculum/validate.rs", "Owner"),
    // A stored log is read inside serde, which carries a problem only as text
    // (`de::Error::custom`); it reaches a person inside StoredError's detail.
    ("device/compact.rs", "CompactError"),
];

/// Every `#[error(` attribute and every `Display` impl of a source, outside the
/// items under `#[cfg(test)]`, as (line, type) pairs.
fn english_formats(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    // While skipping a test item: the depth of its braces, once it has opened.
    let mut skipping: Option<Option<usize>> = None;
    for (number, line) in source.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        if line.starts_with("#[cfg(test)]") {
            skipping = Some(None);
            continue;
        }
        if let Some(open) = skipping {
            let opens = line.matches('{').count();
            let depth = (open.unwrap_or(0) + opens).saturating_sub(line.matches('}').count());
            let opened = open.is_some() || opens > 0;
            skipping = match (opened, depth) {
                (true, 0) => None,
                (true, depth) => Some(Some(depth)),
                // An item without a body (`use …;`) ends at its semicolon.
                (false, _) if line.ends_with(';') => None,
                (false, _) => Some(None),
            };
            continue;
        }
        if line.contains("#[error(") {
            found.push((number + 1, "#[error(".to_string()));
        }
        if let (true, Some(at)) = (line.starts_with("impl"), line.find("Display for ")) {
            let name: String = line[at + "Display for ".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push((number + 1, name));
        }
    }
    found
}

/// The core's sources but its tests (`tests.rs` files), as (path under `src/`, text).
fn core_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && path.file_name().is_some_and(|name| name != "tests.rs")
            {
                let relative = path.strip_prefix(&root).unwrap();
                let relative = relative.to_string_lossy().replace('\\', "/");
                sources.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    sources
}

#[test]
fn the_core_has_no_english_error_messages_or_display_but_the_allowed_formats() {
    let sources = core_sources();
    assert!(sources.len() > 50, "only {} sources found", sources.len());
    let mut refused = Vec::new();
    let mut allowed_seen = Vec::new();
    for (file, source) in &sources {
        for (line, name) in english_formats(source) {
            if DISPLAY_ALLOWED.contains(&(file.as_str(), name.as_str())) {
                allowed_seen.push((file.clone(), name));
            } else {
                refused.push(format!("crates/core/src/{file}:{line}: {name}"));
            }
        }
    }
    assert!(
        refused.is_empty(),
        "English belongs in masterly-text (a Say impl), not the core:\n{}",
        refused.join("\n")
    );
    // An allowance that no longer applies is taken off the list.
    assert_eq!(
        allowed_seen.len(),
        DISPLAY_ALLOWED.len(),
        "{allowed_seen:?}"
    );
}

#[test]
fn the_english_check_finds_an_error_attribute_and_a_display_impl() {
    let source = "use std::fmt;\n\
        #[derive(Debug, thiserror::Error)]\n\
        pub enum Oops {\n    #[error(\"the file is broken\")]\n    Broken,\n}\n\
        impl fmt::Display for Level {\n}\n\
        impl<'a> std::fmt::Display for Token<'a> {\n}\n\
        // impl Display for Commented {}\n\
        #[cfg(test)]\nmod tests {\n    impl Display for InTests {\n    }\n}\n\
        impl Display for AfterTests {}\n";
    assert_eq!(
        english_formats(source),
        [
            (4, "#[error(".to_string()),
            (7, "Level".to_string()),
            (9, "Token".to_string()),
            (17, "AfterTests".to_string())
        ]
    );
}
