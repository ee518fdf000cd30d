//! What a simulation measures: every level the rules give, held against what the
//! simulated student truly knows at that moment, and the same answers read by
//! other published mastery rules ("N correct in a row", knowledge tracing) for
//! comparison.

use crate::learning::attempt::AssessmentKind;
use crate::learning::mastery::MasteryLevel;

/// A share: `hits` of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rate {
    pub hits: u64,
    pub of: u64,
}

impl Rate {
    fn count(&mut self, hit: bool) {
        self.of += 1;
        if hit {
            self.hits += 1;
        }
    }

    /// The share in percent; none when nothing was counted.
    pub fn percent(self) -> Option<f64> {
        (self.of > 0).then(|| self.hits as f64 * 100.0 / self.of as f64)
    }
}

/// A mean of counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mean {
    pub sum: u64,
    pub count: u64,
}

impl Mean {
    fn add(&mut self, value: u64) {
        self.sum += value;
        self.count += 1;
    }

    pub fn value(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }
}

/// What another mastery rule would have said on the same answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObserverMeasures {
    pub rule: Observer,
    /// Its "mastered" verdicts that were true when given.
    pub precision: Rate,
    /// Objectives a student knew at some check that the rule called mastered.
    pub reached: Rate,
    /// Scored answers to the objective before its verdict.
    pub items_to_mastery: Mean,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Measures {
    pub students: u32,
    /// Students who had not mastered the course when their time or sittings ran out.
    pub unfinished: u32,
    /// "Mastered" verdicts true at the time of the verdict.
    pub precision: Rate,
    /// The same, by the kind of assessment that gave the verdict.
    pub precision_by_kind: Vec<(AssessmentKind, Rate)>,
    /// Objectives a student knew at a scored check (counted from that check) that
    /// reached Mastered within two and within four checks, and at all.
    pub recall_within_2: Rate,
    pub recall_within_4: Rate,
    pub recall: Rate,
    /// Scored answers, and scored sittings, on an objective before it was first Mastered.
    pub items_to_mastery: Mean,
    pub checks_to_mastery: Mean,
    /// A formative that sent a student who knew the objective to correctives.
    pub false_correctives: Rate,
    /// Reviews of a forgotten objective that the student failed (forgetting caught).
    pub reviews_catch_forgetting: Rate,
    /// Reviews of a known objective that the student failed (a false alarm).
    pub reviews_false_alarm: Rate,
    pub observers: Vec<ObserverMeasures>,
    /// Items answered in all, practice included.
    pub scored_answers: u64,
}

/// One objective's level after one scored sitting.
pub(super) struct Verdict {
    pub objective: usize,
    pub kind: AssessmentKind,
    pub before: MasteryLevel,
    pub after: MasteryLevel,
    pub knows: bool,
}

/// One objective of the current student.
#[derive(Clone, Default)]
struct ObjectiveState {
    /// Scored sittings since the first in which the student knew it.
    checks_since_known: Option<u64>,
    scored_items: u64,
    scored_sittings: u64,
    mastered: bool,
    streak: u32,
    tracing: Option<f64>,
    fired: [bool; OBSERVERS],
}

const OBSERVERS: usize = 3;
/// Another mastery rule, watching the same answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Observer {
    /// Three right answers in a row.
    #[default]
    ThreeInARow,
    /// Four right answers in a row.
    FourInARow,
    /// Knowledge tracing at or above 0.95 (`TRACING_THRESHOLD`).
    KnowledgeTracing,
}

const OBSERVER_RULES: [Observer; OBSERVERS] = [
    Observer::ThreeInARow,
    Observer::FourInARow,
    Observer::KnowledgeTracing,
];
/// Knowledge-tracing parameters of the observer (Corbett and Anderson's model):
/// prior, learning per answer and slip. The guess is the item's blind-guess chance.
const TRACING_PRIOR: f64 = 0.2;
const TRACING_LEARN: f64 = 0.1;
const TRACING_SLIP: f64 = 0.1;
const TRACING_THRESHOLD: f64 = 0.95;

pub(super) struct Recorder {
    measures: Measures,
    objectives: Vec<ObjectiveState>,
}

impl Recorder {
    pub(super) fn new(objectives: usize) -> Recorder {
        Recorder {
            measures: Measures {
                observers: OBSERVER_RULES
                    .iter()
                    .map(|&rule| ObserverMeasures {
                        rule,
                        ..ObserverMeasures::default()
                    })
                    .collect(),
                ..Measures::default()
            },
            objectives: vec![ObjectiveState::default(); objectives],
        }
    }

    pub(super) fn start_student(&mut self) {
        for state in &mut self.objectives {
            *state = ObjectiveState::default();
        }
    }

    /// One scored answer (a check, a test, a challenge or a review).
    pub(super) fn answer(&mut self, objective: usize, correct: bool, guess: f64, knows: bool) {
        self.measures.scored_answers += 1;
        let Some(state) = self.objectives.get_mut(objective) else {
            return;
        };
        state.scored_items += 1;
        state.streak = if correct { state.streak + 1 } else { 0 };
        let prior = state.tracing.unwrap_or(TRACING_PRIOR);
        let guess = guess.clamp(0.001, 0.999);
        let posterior = if correct {
            prior * (1.0 - TRACING_SLIP) / (prior * (1.0 - TRACING_SLIP) + (1.0 - prior) * guess)
        } else {
            prior * TRACING_SLIP / (prior * TRACING_SLIP + (1.0 - prior) * (1.0 - guess))
        };
        let tracing = posterior + (1.0 - posterior) * TRACING_LEARN;
        state.tracing = Some(tracing);
        let says = [
            state.streak >= 3,
            state.streak >= 4,
            tracing >= TRACING_THRESHOLD,
        ];
        for (observer, says) in says.into_iter().enumerate() {
            if says && !state.fired[observer] {
                state.fired[observer] = true;
                let measures = &mut self.measures.observers[observer];
                measures.precision.count(knows);
                measures.items_to_mastery.add(state.scored_items);
            }
        }
    }

    /// An objective's level after a scored sitting.
    pub(super) fn verdict(&mut self, verdict: Verdict) {
        let measures = &mut self.measures;
        let Some(state) = self.objectives.get_mut(verdict.objective) else {
            return;
        };
        state.scored_sittings += 1;
        if verdict.knows && state.checks_since_known.is_none() {
            state.checks_since_known = Some(0);
        }
        if let Some(checks) = &mut state.checks_since_known {
            *checks += 1;
        }
        if verdict.after == MasteryLevel::Mastered && verdict.before != MasteryLevel::Mastered {
            measures.precision.count(verdict.knows);
            let by_kind = &mut measures.precision_by_kind;
            let place = match by_kind.iter().position(|(kind, _)| *kind == verdict.kind) {
                Some(place) => place,
                None => {
                    by_kind.push((verdict.kind, Rate::default()));
                    by_kind.len() - 1
                }
            };
            by_kind[place].1.count(verdict.knows);
            if !state.mastered {
                state.mastered = true;
                measures.items_to_mastery.add(state.scored_items);
                measures.checks_to_mastery.add(state.scored_sittings);
                if let Some(checks) = state.checks_since_known {
                    if checks <= 2 {
                        measures.recall_within_2.hits += 1;
                    }
                    if checks <= 4 {
                        measures.recall_within_4.hits += 1;
                    }
                }
            }
        }
        match verdict.kind {
            AssessmentKind::FormativeA | AssessmentKind::FormativeB if verdict.knows => {
                measures
                    .false_correctives
                    .count(verdict.after < MasteryLevel::Proficient);
            }
            AssessmentKind::Review => {
                let failed = verdict.after < verdict.before;
                if verdict.knows {
                    measures.reviews_false_alarm.count(failed);
                } else {
                    measures.reviews_catch_forgetting.count(failed);
                }
            }
            _ => {}
        }
    }

    pub(super) fn end_student(&mut self, finished: bool) {
        let measures = &mut self.measures;
        measures.students += 1;
        if !finished {
            measures.unfinished += 1;
        }
        for state in &self.objectives {
            if state.checks_since_known.is_none() {
                continue;
            }
            measures.recall_within_2.of += 1;
            measures.recall_within_4.of += 1;
            measures.recall.count(state.mastered);
            for (observer, fired) in state.fired.iter().enumerate() {
                measures.observers[observer].reached.count(*fired);
            }
        }
    }

    pub(super) fn finish(self) -> Measures {
        self.measures
    }
}
