//! Deterministic synthetic curricula and attempt logs of any size, for benchmarks
//! and load tests. The same parameters always give the same text and log, so
//! figures from different runs measure the same work.

use masterly_core::content::curriculum::{Curriculum, Objective, Unit};
use masterly_core::content::item::{
    judge, model_answer, wrong_answer, CompiledItem, Item, Response,
};
use masterly_core::content::rng::SplitMix64;
use masterly_core::device::compact::{id_prefix, numbered_id, sitting_id};
use masterly_core::format::json::FileKind;
use masterly_core::format::progress::{CurriculumRef, DayActivity, Goals, Learner, ProgressBundle};
use masterly_core::learning::attempt::{AssessmentKind, Attempt, Sitting};
use masterly_core::learning::plan::SEED_MASK;
use masterly_core::learning::replay::replay;
use masterly_core::time::{Millis, DAY_MS};
use serde_json::{json, Value};

/// The shape of a synthetic curriculum: courses × units × objectives × items.
#[derive(Debug, Clone, Copy)]
pub struct CurriculumShape {
    pub courses: usize,
    pub units_per_course: usize,
    pub objectives_per_unit: usize,
    pub items_per_objective: usize,
}

impl CurriculumShape {
    pub fn item_count(&self) -> usize {
        self.courses * self.units_per_course * self.objectives_per_unit * self.items_per_objective
    }
}

/// 4 courses × 25 units × 5 objectives × 20 items = 10,000 items.
pub const TEN_THOUSAND_ITEMS: CurriculumShape = CurriculumShape {
    courses: 4,
    units_per_course: 25,
    objectives_per_unit: 5,
    items_per_objective: 20,
};

/// A valid curriculum as JSON text. Items cycle through every kind; half are
/// templated numeric items with two variables, a constraint and a derived value,
/// like real fraction practice.
pub fn synthetic_curriculum(shape: CurriculumShape) -> String {
    let misconceptions: Vec<Value> = (0..10)
        .map(|m| json!({"id": format!("m{m}"), "name": format!("Misconception {m}"), "feedback": "Check the size of the parts."}))
        .collect();
    let mut courses = Vec::new();
    for c in 0..shape.courses {
        let mut units = Vec::new();
        for u in 0..shape.units_per_course {
            let unit_id = format!("c{c}-u{u}");
            let prerequisites: Vec<String> = if u > 0 {
                vec![format!("c{c}-u{}", u - 1)]
            } else if c > 0 {
                vec![format!("c{}-u{}", c - 1, shape.units_per_course - 1)]
            } else {
                vec![]
            };
            let objectives: Vec<Value> = (0..shape.objectives_per_unit)
                .map(|o| synthetic_objective(&format!("{unit_id}-o{o}"), shape.items_per_objective))
                .collect();
            units.push(json!({
                "id": unit_id, "title": format!("Unit {u} of course {c}"),
                "prerequisites": prerequisites, "objectives": objectives
            }));
        }
        courses.push(json!({"id": format!("c{c}"), "title": format!("Course {c}"), "grade": 3 + c, "units": units}));
    }
    json!({
        "format": "masterly-curriculum", "format_version": 1, "id": "synthetic",
        "title": "Synthetic curriculum", "version": "1.0.0", "license": "CC0-1.0",
        "authors": ["Masterly benchmark generator"], "misconceptions": misconceptions,
        "courses": courses
    })
    .to_string()
}

fn synthetic_objective(id: &str, items: usize) -> Value {
    let items: Vec<Value> = (0..items)
        .map(|i| {
            let item_id = format!("{id}-i{i}");
            match i % 8 {
                // Ranges and wording vary per item, as they would in real content.
                0 | 2 | 4 | 6 => json!({
                    "id": item_id, "kind": "numeric",
                    "prompt": format!("Question {i}: what is {{a}}/{{d}} + {{b}}/{{d}}?"), "answer": "(a + b) / d",
                    "wrong_answers": [{"value": format!("(a + b) / ({} * d)", 2 + i % 3), "misconception": "m1"}],
                    "hints": ["Add the numerators."], "solution": "{a} + {b} = {s}, so {s}/{d}.",
                    "template": {
                        "variables": [
                            {"name": "d", "from": 2 + i % 3, "to": 10 + i % 5},
                            {"name": "a", "from": 1, "to": 9 + i % 3},
                            {"name": "b", "from": 1, "to": 9 + i % 4}
                        ],
                        "constraints": [format!("a + b < d + {}", i % 2)], "derived": [{"name": "s", "value": "a + b"}]
                    }
                }),
                1 | 5 => json!({
                    "id": item_id, "kind": "single_choice", "prompt": format!("Which is larger? ({i})"),
                    "choices": [{"text": "1/3", "correct": true}, {"text": "1/4", "misconception": "m2"}, {"text": "1/5"}],
                    "solution": "Fewer parts are bigger parts."
                }),
                3 => json!({
                    "id": item_id, "kind": "short_text", "prompt": format!("Name the bottom number ({i})."),
                    "accepted": ["denominator"], "wrong_answers": [{"value": "numerator", "misconception": "m3"}],
                    "solution": "It is the denominator."
                }),
                _ => json!({
                    "id": item_id, "kind": "ordering", "prompt": format!("Smallest first ({i})."),
                    "sequence": ["1/8", "1/4", "1/2"], "solution": "More parts, smaller parts."
                }),
            }
        })
        .collect();
    json!({
        "id": id, "target": "I can add fractions with like denominators.",
        "lesson": {"body": "Add the numerators; the denominator stays.", "mastery_looks_like": "You add like fractions correctly."},
        "correctives": [{"modality": "visual", "body": "Draw the parts on a strip."}],
        "enrichment": [{"kind": "create", "body": "Write a story problem."}],
        "items": items
    })
}

/// A log of `count` attempts by one learner working through the curriculum in
/// sittings (formative A, B for some objectives, unit tests, reviews), about 80%
/// correct, over many days. Item and seed choices are random, not planned: replay
/// does not depend on how items were chosen.
pub fn synthetic_log(curriculum: &Curriculum, count: usize, seed: u64) -> Vec<Attempt> {
    let mut rng = SplitMix64::new(seed);
    let mut log = Vec::with_capacity(count);
    let mut now: Millis = 1_767_225_600_000;
    let units: Vec<_> = curriculum.units().map(|(_, unit)| unit).collect();
    let kinds = [
        AssessmentKind::FormativeA,
        AssessmentKind::FormativeB,
        AssessmentKind::UnitTest,
        AssessmentKind::Review,
    ];
    let mut sitting_number = 0u64;
    'outer: loop {
        for unit in &units {
            for kind in kinds {
                sitting_number += 1;
                let planned: Vec<_> = unit
                    .objectives
                    .iter()
                    .filter(|_| kind != AssessmentKind::FormativeB || rng.below(3) == 0)
                    .flat_map(|objective| (0..2).map(move |_| objective))
                    .collect();
                let sitting = unit_sitting(format!("s{sitting_number}"), kind, planned.len(), unit);
                for objective in planned {
                    if log.len() >= count {
                        break 'outer;
                    }
                    let Some(item) = random_item(&mut rng, objective) else {
                        continue;
                    };
                    now += 20_000 + rng.below(40_000) as Millis;
                    log.push(Attempt {
                        id: format!("a{}", log.len()),
                        at: now,
                        sitting: sitting.clone(),
                        unit: unit.id.as_str().into(),
                        objective: objective.id.as_str().into(),
                        item: item.id.as_str().into(),
                        seed: rng.next_u64() >> 11,
                        response: Response::Number { text: "3/4".into() },
                        correct: rng.below(10) < 8,
                        misconception: None,
                        hints_used: rng.below(2) as u32,
                        active_seconds: 20 + rng.below(60) as u32,
                    });
                }
                now += DAY_MS / 4;
            }
        }
        if units.is_empty() {
            break;
        }
    }
    log
}

/// A sitting of `size` items on `unit` (a review is on no unit).
fn unit_sitting(id: String, kind: AssessmentKind, size: usize, unit: &Unit) -> Sitting {
    Sitting {
        id: id.into(),
        kind,
        size: size as u32,
        unit: (kind != AssessmentKind::Review).then(|| unit.id.as_str().into()),
        course: None,
    }
}

/// One of the objective's items, at random.
fn random_item<'c>(rng: &mut SplitMix64, objective: &'c Objective) -> Option<&'c Item> {
    objective
        .items
        .get(rng.below(objective.items.len() as u64) as usize)
}

/// Progress files of a synthetic class, as JSON text: `students` learners with
/// `attempts_each` attempts of their own, all started on the same day.
pub fn synthetic_progress_files(
    curriculum: &Curriculum,
    students: usize,
    attempts_each: usize,
    seed: u64,
) -> Vec<String> {
    (0..students)
        .map(|s| {
            let log = synthetic_log(curriculum, attempts_each, seed.wrapping_add(s as u64));
            let exported_at = log.last().map_or(1_767_225_600_000, |a| a.at);
            let activity = activity_of(&log);
            let bundle = ProgressBundle {
                format: FileKind::Progress.format().to_string(),
                format_version: 1,
                learner: Learner {
                    id: format!("learner-{s:03}"),
                    nickname: format!("Student {}", s + 1),
                },
                curriculum: CurriculumRef {
                    id: curriculum.id.clone(),
                    hash: curriculum.content_hash(),
                },
                class: None,
                levels: Some(replay(curriculum, &log, exported_at).stated_levels()),
                attempts: log,
                goals: Goals::default(),
                exported_at,
                activity,
            };
            serde_json::to_string(&bundle).unwrap_or_default()
        })
        .collect()
}

/// The days a device counts for `log`: each answer's active time, and a minute of
/// reading on each day with an answer.
pub fn activity_of(log: &[Attempt]) -> Vec<DayActivity> {
    let mut days: Vec<DayActivity> = Vec::new();
    for attempt in log {
        let day = attempt.at.div_euclid(DAY_MS);
        match days.iter_mut().find(|entry| entry.day == day) {
            Some(entry) => entry.seconds += attempt.active_seconds,
            None => days.push(DayActivity {
                day,
                seconds: 60 + attempt.active_seconds,
            }),
        }
    }
    days
}

/// A log as the student's page writes one, for measuring what storing it costs:
/// a student works through `curriculum`'s units in order (check A, practice on one
/// objective, check B, the unit test, a review), answering real instances of the
/// items — right four times in five with the model answer, otherwise with a wrong
/// one, judged as the page judges — with ids made as the page makes them (a new
/// [`id_prefix`] every 25 answers, as if the page were opened again) and sitting ids
/// and seeds as the page draws them.
pub fn app_like_log(curriculum: &Curriculum, count: usize, seed: u64) -> Vec<Attempt> {
    let mut rng = SplitMix64::new(seed);
    let mut log = Vec::with_capacity(count);
    let mut now: Millis = 1_767_225_600_000;
    let mut prefix = id_prefix(rng.next_u64());
    let mut numbered = 0u64;
    let units: Vec<_> = curriculum.units().map(|(_, unit)| unit).collect();
    let settings = &curriculum.mastery;
    let sittings = [
        (
            AssessmentKind::FormativeA,
            settings.formative_items_per_objective,
        ),
        (AssessmentKind::Practice, 2),
        (
            AssessmentKind::FormativeB,
            settings.formative_items_per_objective,
        ),
        (
            AssessmentKind::UnitTest,
            settings.unit_test_items_per_objective,
        ),
        (AssessmentKind::Review, settings.review_items_per_objective),
    ];
    'outer: loop {
        for unit in &units {
            for (kind, per_objective) in sittings {
                let objectives: Vec<_> = match kind {
                    AssessmentKind::Practice => unit.objectives.iter().take(1).collect(),
                    _ => unit.objectives.iter().collect(),
                };
                let planned: Vec<_> = objectives
                    .iter()
                    .flat_map(|objective| (0..per_objective).map(move |_| *objective))
                    .collect();
                let sitting = unit_sitting(sitting_id(rng.next_u64()), kind, planned.len(), unit);
                for objective in planned {
                    if log.len() >= count {
                        break 'outer;
                    }
                    let Some(item) = random_item(&mut rng, objective) else {
                        continue;
                    };
                    let item_seed = rng.next_u64() & SEED_MASK;
                    let Some(instance) = CompiledItem::compile(item)
                        .ok()
                        .and_then(|compiled| compiled.instance(item_seed).ok())
                    else {
                        continue;
                    };
                    let response = if rng.below(5) < 4 {
                        model_answer(&instance)
                    } else {
                        wrong_answer(&instance)
                    };
                    let Ok(judgement) = judge(&instance, &response) else {
                        continue;
                    };
                    if numbered == 25 {
                        prefix = id_prefix(rng.next_u64());
                        numbered = 0;
                    }
                    now += 20_000 + rng.below(40_000) as Millis;
                    log.push(Attempt {
                        id: numbered_id(&prefix, numbered),
                        at: now,
                        sitting: sitting.clone(),
                        unit: unit.id.as_str().into(),
                        objective: objective.id.as_str().into(),
                        item: item.id.as_str().into(),
                        seed: item_seed,
                        response,
                        correct: judgement.correct,
                        misconception: judgement.misconception,
                        hints_used: if kind == AssessmentKind::Practice {
                            rng.below(3) as u32
                        } else {
                            0
                        },
                        active_seconds: 10 + rng.below(80) as u32,
                    });
                    numbered += 1;
                }
                now += DAY_MS / 4;
            }
        }
        if units.is_empty() {
            break;
        }
    }
    log
}
