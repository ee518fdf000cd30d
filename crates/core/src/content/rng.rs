//! The seeded generator behind templated items. An item instance is a pure function
//! of (item, seed), so the generator must give the same numbers natively and in
//! wasm, on every version of Masterly, forever. It is SplitMix64 (Steele, Lea and
//! Flood, 2014; the constants are Vigna's published ones), with rejection sampling
//! for unbiased ranges. Changing anything here changes every stored question:
//! the golden vectors in the tests below must never be edited.

#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform draw from `0..bound` (bound > 0), without modulo bias.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound <= 1 {
            return 0;
        }
        let limit = (u64::MAX / bound) * bound;
        loop {
            let x = self.next_u64();
            if x < limit {
                return x % bound;
            }
        }
    }

    /// Fisher–Yates, from the last position down.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// Mixes text into a seed (FNV-1a, 64-bit), e.g. to derive a seed from an attempt
/// id. Stable forever for the same reason as the generator.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
    }
    hash
}

/// A fast `Hasher` for maps keyed by curriculum and attempt ids inside replay and
/// planning: eight bytes per step, rotate, xor, multiply (the scheme of rustc's
/// FxHasher). Several times faster than the default SipHash on short ids, but not
/// resistant to deliberately colliding keys; the inputs are files whose size and
/// counts are capped before parsing, which bounds the harm of a crafted one.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdHasher(u64);

const ID_HASH_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(ID_HASH_SEED);
    }
}

impl std::hash::Hasher for IdHasher {
    /// The word steps leave the low bits weak for short, similar ids ("a1", "a2");
    /// hash tables index by the low bits, so mix the high bits down (the 64-bit
    /// finaliser of MurmurHash3).
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }
}

/// A `HashMap` keyed by ids, with [`IdHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;
/// A `HashSet` of ids, with [`IdHasher`].
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_its_published_sequence_for_seed_zero() {
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn golden_draws_never_change() {
        let mut rng = SplitMix64::new(20_261_123);
        let draws: Vec<u64> = (0..8).map(|_| rng.below(10)).collect();
        assert_eq!(draws, GOLDEN_DRAWS);
        let mut order = [0, 1, 2, 3, 4, 5];
        SplitMix64::new(7).shuffle(&mut order);
        assert_eq!(order, GOLDEN_SHUFFLE);
    }

    #[test]
    fn fnv1a64_matches_its_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn draws_cover_the_whole_range() {
        let mut rng = SplitMix64::new(1);
        let mut seen = [false; 6];
        for _ in 0..200 {
            seen[rng.below(6) as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }

    const GOLDEN_DRAWS: [u64; 8] = [7, 7, 9, 0, 0, 7, 2, 5];
    const GOLDEN_SHUFFLE: [usize; 6] = [1, 5, 0, 2, 4, 3];
}
