//! The simulated learner: what they truly know, how they learn and forget, and how
//! they answer. The defaults are assumptions, stated in docs/mastery.md with the
//! sources they come from; `make validity` prints results for other values too.

use crate::content::curriculum::evidence;
use crate::content::item::Item;
use crate::content::rng::SplitMix64;

/// Probabilities of a simulated learner, all between 0 and 1.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerModel {
    /// Knows an objective before its lesson.
    pub already_known: f64,
    /// Learns it from the lesson.
    pub learn_from_lesson: f64,
    /// Learns it from a corrective (another way of teaching it).
    pub learn_from_corrective: f64,
    /// Learns it from one practice item with its feedback.
    pub learn_from_practice: f64,
    /// Learns it from one assessed item and its feedback.
    pub learn_from_assessment: f64,
    /// Forgets a known objective overnight; each correct answer to it in a mixed
    /// assessment (a retrieval) divides the chance by one more.
    pub forget_per_day: f64,
    /// Answers wrong although they know it.
    pub slip: f64,
    /// Gets a numeric or short-text item right without knowing: a lucky guess of
    /// the exact value.
    pub guess_open: f64,
    /// When set, every item is guessed right with this chance, whatever its kind
    /// (to measure the effect of item kinds).
    pub guess_override: Option<f64>,
}

impl Default for LearnerModel {
    fn default() -> Self {
        LearnerModel {
            already_known: 0.15,
            learn_from_lesson: 0.5,
            learn_from_corrective: 0.4,
            learn_from_practice: 0.1,
            learn_from_assessment: 0.05,
            forget_per_day: 0.02,
            slip: evidence::SLIP,
            guess_open: evidence::GUESS_WRITTEN,
            guess_override: None,
        }
    }
}

impl LearnerModel {
    /// Learners for whom fractions are hard: rarely known before, learnt slowly,
    /// with more slips. The rules must stay trustworthy for them too.
    pub fn struggling() -> LearnerModel {
        LearnerModel {
            already_known: 0.05,
            learn_from_lesson: 0.25,
            learn_from_corrective: 0.25,
            learn_from_practice: 0.05,
            learn_from_assessment: 0.02,
            forget_per_day: 0.03,
            slip: 0.15,
            ..LearnerModel::default()
        }
    }

    /// The chance of answering an item right by a blind guess: the item's own
    /// ([`Item::guess_chance`]), or a lucky value for a written answer.
    pub fn guess(&self, item: &Item) -> f64 {
        self.guess_override
            .or_else(|| item.guess_chance())
            .unwrap_or(self.guess_open)
    }
}

/// One simulated student's true state.
pub(super) struct Learner {
    knows: Vec<bool>,
    /// Correct answers in mixed assessments while knowing, per objective.
    retrievals: Vec<u32>,
    slip: f64,
}

impl Learner {
    pub(super) fn new(objectives: usize, model: &LearnerModel, rng: &mut SplitMix64) -> Learner {
        Learner {
            knows: (0..objectives)
                .map(|_| chance(rng, model.already_known))
                .collect(),
            retrievals: vec![0; objectives],
            slip: model.slip,
        }
    }

    pub(super) fn knows(&self, objective: usize) -> bool {
        self.knows.get(objective).copied().unwrap_or(false)
    }

    pub(super) fn learn(&mut self, objective: usize, probability: f64, rng: &mut SplitMix64) {
        if let Some(knows) = self.knows.get_mut(objective) {
            if !*knows && chance(rng, probability) {
                *knows = true;
            }
        }
    }

    pub(super) fn answer(&self, objective: usize, guess: f64, rng: &mut SplitMix64) -> bool {
        if self.knows(objective) {
            !chance(rng, self.slip)
        } else {
            chance(rng, guess)
        }
    }

    pub(super) fn retrieved(&mut self, objective: usize) {
        if self.knows(objective) {
            if let Some(count) = self.retrievals.get_mut(objective) {
                *count += 1;
            }
        }
    }

    pub(super) fn forget_overnight(&mut self, per_day: f64, rng: &mut SplitMix64) {
        for (knows, retrievals) in self.knows.iter_mut().zip(&self.retrievals) {
            if *knows && chance(rng, per_day / f64::from(retrievals + 1)) {
                *knows = false;
            }
        }
    }
}

/// True with the given probability.
pub(super) fn chance(rng: &mut SplitMix64, probability: f64) -> bool {
    // 53 random bits, as a double between 0 and 1.
    ((rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < probability
}
