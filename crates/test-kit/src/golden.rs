//! Checks an item generator against pinned outputs
//! (`crates/core/tests/fixtures/golden-instances.json`). The native tests and the
//! browser tests both run it, proving that a seed gives the same question on both.

use masterly_core::content::item::{Item, ItemInstance};
use masterly_core::content::rng::SplitMix64;
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldenFile {
    splitmix64_seed_0: Vec<String>,
    items: Vec<GoldenItem>,
}

#[derive(Deserialize)]
struct GoldenItem {
    item: Item,
    instances: Vec<GoldenInstance>,
}

#[derive(Deserialize)]
struct GoldenInstance {
    seed: u64,
    prompt: Option<String>,
    solution: Option<String>,
    start_order: Option<Vec<usize>>,
}

/// Every difference between this build's outputs and the pinned ones, with how many
/// values were compared; an empty list means the generator is unchanged.
pub fn golden_differences(golden_json: &str) -> Result<(usize, Vec<String>), String> {
    let golden: GoldenFile =
        masterly_core::format::objects_only::from_str(golden_json).map_err(|e| e.to_string())?;
    let mut compared = 0;
    let mut differences = Vec::new();
    let mut rng = SplitMix64::new(0);
    for expected in &golden.splitmix64_seed_0 {
        let found = format!("{:016x}", rng.next_u64());
        compared += 1;
        if &found != expected {
            differences.push(format!("splitmix64(0): expected {expected}, found {found}"));
        }
    }
    for golden_item in &golden.items {
        for pinned in &golden_item.instances {
            let shown = ItemInstance::generate(&golden_item.item, pinned.seed)
                .map_err(|e| format!("{} seed {}: {e:?}", golden_item.item.id, pinned.seed))?;
            let mut compare = |what: &str, expected: &Option<String>, found: String| {
                if let Some(expected) = expected {
                    compared += 1;
                    if *expected != found {
                        differences.push(format!(
                            "{} seed {} {what}: expected {expected:?}, found {found:?}",
                            golden_item.item.id, pinned.seed
                        ));
                    }
                }
            };
            compare("prompt", &pinned.prompt, shown.prompt.clone());
            compare("solution", &pinned.solution, shown.solution.clone());
            compare(
                "start order",
                &pinned.start_order.as_ref().map(|o| format!("{o:?}")),
                format!("{:?}", shown.start_order),
            );
        }
    }
    Ok((compared, differences))
}
