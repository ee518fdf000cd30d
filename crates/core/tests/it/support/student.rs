//! The core's fixture curriculum for tests that play a student
//! (`masterly_test_kit::student`).

use masterly_core::content::curriculum::{load_curriculum, Curriculum};

/// The small fixture curriculum: course `c1`, unit `u1` (objectives `u1-o1` to
/// `u1-o3`) and unit `u2` after it.
#[allow(dead_code)] // not every test that plays a student uses the fixture
pub fn fixture_curriculum() -> Curriculum {
    let text = include_str!("../../fixtures/curricula/good/minimal.json");
    load_curriculum(text)
        .map(|loaded| loaded.curriculum)
        .unwrap_or_else(|e| panic!("{e:?}"))
}

#[allow(dead_code)]
pub fn unit(id: &str) -> String {
    id.to_string()
}
