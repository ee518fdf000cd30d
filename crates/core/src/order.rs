//! Sorting with one compiled copy of the algorithm. The standard library's sorts
//! are compiled again for every element type and every comparison, about 2 KB
//! gzipped each in the student's download (docs/size.md); here only a short
//! adapter is, and the merge sort itself is compiled once, over positions.
//!
//! Every sort here is stable and takes linear time on input already in order, the
//! usual case for logs Masterly wrote itself.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by a key, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by a key worked out once per item, keeping items with equal keys
/// in their order.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` and removes the repeats.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

/// Sorts whole numbers by their bytes, least significant first (a radix sort):
/// linear time, for the hashes of a file's attempt ids, and a few hundred bytes of
/// code where a comparison sort for `u64` would be a few thousand.
pub fn sort_u64(values: &mut [u64]) {
    let mut from = values.to_vec();
    let mut to = vec![0; values.len()];
    for shift in (0..64).step_by(8) {
        let byte = |value: u64| (value >> shift) as usize & 0xff;
        let mut starts = [0usize; 256];
        for &value in &from {
            starts[byte(value)] += 1;
        }
        let mut next = 0;
        for start in &mut starts {
            let count = *start;
            *start = next;
            next += count;
        }
        for &value in &from {
            let slot = &mut starts[byte(value)];
            to[*slot] = value;
            *slot += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    values.copy_from_slice(&from);
}

/// The positions of `len` items in sorted order: a bottom-up merge sort of
/// positions, after one pass that returns at once if they are in order already.
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    if (1..len).all(|i| compare(i - 1, i) != Ordering::Greater) {
        return order;
    }
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // Equal items come from the left run first: the sort is stable.
                let take_left = right == end
                    || (left < middle && compare(order[left], order[right]) != Ordering::Greater);
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Rearranges `items` so that position `i` holds the item that was at `order[i]`,
/// cycle by cycle, with swaps.
fn permute<T>(items: &mut [T], order: Vec<usize>) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::rng::SplitMix64;

    #[test]
    fn sorting_matches_the_standard_librarys_stable_sort() {
        let mut rng = SplitMix64::new(7);
        for len in (0..70).chain([255, 256, 257, 1000]) {
            for range in [2, 10, 1000] {
                // Pairs of (key, original position): equal keys must keep their order.
                let mut items: Vec<(u64, usize)> =
                    (0..len).map(|i| (rng.below(range), i)).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|item| item.0);
                let mut cached = items.clone();
                sort_by_key(&mut items, |item| item.0);
                assert_eq!(items, expected, "{len} items, keys below {range}");
                sort_by_cached_key(&mut cached, |item| item.0);
                assert_eq!(cached, expected, "{len} items, keys below {range}, cached");
            }
        }
    }

    #[test]
    fn whole_numbers_sort_as_the_standard_library_sorts_them() {
        let mut rng = SplitMix64::new(11);
        for len in [0, 1, 2, 3, 255, 256, 257, 5000] {
            let mut values: Vec<u64> = (0..len)
                .map(|i| match i % 7 {
                    0 => 0,
                    1 => u64::MAX,
                    2 => rng.below(300),
                    _ => rng.next_u64(),
                })
                .collect();
            let mut expected = values.clone();
            expected.sort_unstable();
            sort_u64(&mut values);
            assert_eq!(values, expected, "{len} values");
        }
    }

    #[test]
    fn sorted_reversed_and_repeated_input_sorts() {
        let mut ascending: Vec<u32> = (0..100).collect();
        sort(&mut ascending);
        assert_eq!(ascending, (0..100).collect::<Vec<_>>());
        let mut descending: Vec<u32> = (0..100).rev().collect();
        sort(&mut descending);
        assert_eq!(descending, ascending);
        let mut words = vec!["b", "a", "c", "a", "b"];
        sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
        let mut pairs = vec![(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b')];
        sort_by(&mut pairs, |a, b| b.0.cmp(&a.0));
        assert_eq!(pairs, [(2, 'x'), (2, 'a'), (1, 'y'), (1, 'b')]);
    }
}
