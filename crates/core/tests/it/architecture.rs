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
