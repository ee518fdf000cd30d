//! The two scans of `masterly_core::format::limits` compared on random texts: the
//! block scan that answers for nearly every file, and the byte scan that names the
//! limit broken. Run natively here and in the browser, where the block scan compares
//! bytes with SIMD128.

use masterly_core::content::rng::SplitMix64;
use masterly_core::format::limits::{first_limit_broken, within_limits, JsonLimits};

/// Runs both scans over `cases` random texts made of the bytes that matter —
/// quotes, escapes, brackets — between runs of letters of every length, against
/// random limits. Gives how many texts were within and beyond the limits, or the
/// first text on which the block scan and the byte scan disagree.
pub fn compare_scans(seed: u64, cases: usize) -> Result<(usize, usize), String> {
    let mut rng = SplitMix64::new(seed);
    let pieces = ["\"", "\\", "[", "]", "{", "}", ",", "é", "\\\"", "\n"];
    let (mut within, mut broken) = (0, 0);
    for case in 0..cases {
        let limits = JsonLimits {
            max_bytes: usize::MAX,
            max_depth: 1 + rng.below(6) as usize,
            // Mostly above the 64 bytes blocks rely on, sometimes below.
            max_string_bytes: if rng.below(8) == 0 {
                rng.below(64) as usize
            } else {
                64 + rng.below(100) as usize
            },
            max_containers: 1 + rng.below(40) as usize,
        };
        let mut text = String::new();
        let length = rng.below(700) as usize;
        while text.len() < length {
            if rng.below(3) == 0 {
                text.push_str(&"a".repeat(1 + rng.below(120) as usize));
            } else {
                text.push_str(pieces[rng.below(pieces.len() as u64) as usize]);
            }
        }
        let bytewise = first_limit_broken(&text, &limits).is_ok();
        if within_limits(text.as_bytes(), &limits) != bytewise {
            return Err(format!("case {case}: {text:?} with {limits:?}"));
        }
        if bytewise {
            within += 1;
        } else {
            broken += 1;
        }
    }
    Ok((within, broken))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_scan_agrees_with_the_byte_scan() {
        let (within, broken) = compare_scans(2026, 40_000).unwrap_or_else(|case| panic!("{case}"));
        // Both answers were given often enough for the agreement to mean something.
        assert!(
            within > 5_000 && broken > 5_000,
            "{within} within, {broken} broken"
        );
    }
}
