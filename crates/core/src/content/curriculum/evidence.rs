//! How much one unit test can tell about an objective, from its settings and the
//! kinds of its items: the validator warns when a guess passes too often for a
//! "Mastered" to be trusted. The assumptions are the simulation's (docs/mastery.md):
//! a student who knows the objective slips on one answer in ten, and a written
//! answer is guessed right one time in fifty.

use super::Objective;
use crate::learning::mastery::MIN_ANSWERS_TO_MASTER;

/// A student who knows the objective answers wrong this often.
pub const SLIP: f64 = 0.1;
/// A numeric or short-text answer is guessed right this often.
pub const GUESS_WRITTEN: f64 = 0.02;
/// The validator warns below this precision of a unit test's "Mastered".
pub const WARN_BELOW_PERCENT: f64 = 90.0;

/// What one unit test's part for an objective shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TestStrength {
    /// How often blind guessing passes it, in percent.
    pub guess_passes_percent: f64,
    /// Of the students it calls Mastered, how many know the objective, in percent,
    /// when half of those sitting it know it.
    pub precision_percent: f64,
}

/// The strength of a unit test asking `items` questions of the objective (at least
/// the minimum that can master it) at a bar of `bar` percent, with questions drawn
/// evenly from its pool. None for an objective without items.
pub fn unit_test_strength(objective: &Objective, items: u32, bar: u32) -> Option<TestStrength> {
    if objective.items.is_empty() {
        return None;
    }
    let guess = objective
        .items
        .iter()
        .map(|item| item.guess_chance().unwrap_or(GUESS_WRITTEN))
        .sum::<f64>()
        / objective.items.len() as f64;
    let asked = items.clamp(MIN_ANSWERS_TO_MASTER, 50);
    // The fewest right answers that meet the bar.
    let needed = (0..=asked)
        .find(|right| u64::from(*right) * 100 >= u64::from(bar) * u64::from(asked))
        .unwrap_or(asked);
    let knows = at_least(asked, needed, 1.0 - SLIP);
    let guesses = at_least(asked, needed, guess);
    let precision = if knows + guesses > 0.0 {
        knows / (knows + guesses)
    } else {
        1.0
    };
    Some(TestStrength {
        guess_passes_percent: guesses * 100.0,
        precision_percent: precision * 100.0,
    })
}

/// The chance of at least `k` successes in `n` tries of chance `p`.
fn at_least(n: u32, k: u32, p: f64) -> f64 {
    let mut total = 0.0;
    let mut ways = 1.0; // n choose 0, then n choose i
    for i in 0..=n {
        if i >= k {
            total += ways * p.powi(i as i32) * (1.0 - p).powi((n - i) as i32);
        }
        ways = ways * f64::from(n - i) / f64::from(i + 1);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomial_tails_match_hand_computed_values() {
        assert!((at_least(2, 2, 0.5) - 0.25).abs() < 1e-12);
        assert!((at_least(4, 3, 0.5) - 5.0 / 16.0).abs() < 1e-12);
        assert!((at_least(3, 0, 0.3) - 1.0).abs() < 1e-12);
        assert!((at_least(4, 3, 0.9) - (0.6561 + 0.2916)).abs() < 1e-12);
    }
}
