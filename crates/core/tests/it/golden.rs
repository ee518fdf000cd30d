//! The seeded generator and templated items give exactly the pinned outputs.
//! `crates/web/tests/web/main.rs` runs the same check in the browser.

use masterly_test_kit::golden::golden_differences;

#[test]
fn seeds_give_the_pinned_questions() {
    let golden = include_str!("../fixtures/golden-instances.json");
    let (compared, differences) = golden_differences(golden).unwrap_or_else(|e| panic!("{e}"));
    assert!(compared >= 10, "only {compared} values compared");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
