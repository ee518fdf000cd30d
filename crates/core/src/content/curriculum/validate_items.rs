//! Checks of an objective's items: each kind has the fields it needs and no others,
//! answers parse, misconceptions exist, templates can be drawn and give sound
//! questions, and the pool holds enough distinct instances for formative A,
//! formative B and the unit test never to repeat a question.

use super::error::{Count, CurriculumError, CurriculumErrorKind as Kind, Part, Severity};
use super::validate::{Owner, ITEMS_PER_OBJECTIVE};
use super::{Curriculum, Objective};
use crate::content::expr::{Expr, ExprError, NO_VARIABLES};
use crate::content::item::{
    normalise_text, CompiledItem, InstanceCheck, InstanceError, InstanceKey, Item, ItemKind,
    MAX_TEMPLATE_DRAWS,
};
use crate::content::rng::FastSet as HashSet;

/// Seeds tried per template, at most; sampling stops early once the objective's
/// needs are covered, which keeps validating a large curriculum fast.
const TEMPLATE_SAMPLE_SEEDS: u64 = 24;

/// A template that has given one sound instance and may give more, from `next_seed`.
struct Sampled<'a> {
    compiled: CompiledItem<'a>,
    path: Owner,
    next_seed: u64,
}

pub(super) fn check_objective_items<'a>(
    problems: &mut Vec<CurriculumError>,
    curriculum: &Curriculum,
    objective: &'a Objective,
    (c, u, o): (usize, usize, usize),
    register_id: &mut dyn FnMut(&mut Vec<CurriculumError>, Owner, &'a str),
) {
    let objective_path = Owner::Objective(c, u, o);
    let settings = &curriculum.mastery;
    let formative = settings.formative_items_per_objective as usize;
    let unit_test = settings.unit_test_items_per_objective as usize;
    let review = settings.review_items_per_objective as usize;
    // With a count out of range (reported by `check_thresholds`) the pool's size is
    // not judged, and nothing is sized by that count: 222,222,222 items per
    // formative would ask for room for two thirds of a billion questions.
    let in_range = [
        settings.formative_items_per_objective,
        settings.unit_test_items_per_objective,
        settings.review_items_per_objective,
    ]
    .iter()
    .all(|count| ITEMS_PER_OBJECTIVE.contains(count));
    let (needed, wanted) = if in_range {
        (
            2 * formative + unit_test,
            3 * formative + 2 * unit_test + 2 * review,
        )
    } else {
        (0, 0)
    };

    let mut keys: HashSet<InstanceKey> =
        HashSet::with_capacity_and_hasher(objective.items.len().max(wanted), Default::default());
    let mut templates = Vec::with_capacity(objective.items.len());
    // Items with an error: left out of the pool, or (a template) giving no more
    // instances after it. A warning never leaves an item out.
    let mut with_errors = 0;
    // Every item first shows one sound instance; templates then give more, in
    // turn, only while the pool still lacks distinct questions.
    for (index, item) in objective.items.iter().enumerate() {
        let path = Owner::Item(c, u, o, index);
        register_id(problems, path, &item.id);
        let before = problems.len();
        check_fields(problems, curriculum, item, path);
        if has_error(&problems[before..]) {
            with_errors += 1;
            continue; // instances of a malformed item would only repeat the problem
        }
        let templated = item.template.is_some();
        let compiled = match CompiledItem::compile(item) {
            Ok(compiled) => compiled,
            Err(InstanceError::Parse { field, text, error }) => {
                let kind = match error {
                    ExprError::UnknownVariable(name) => Kind::UnknownVariable { text, name },
                    error => Kind::BadExpression { text, error },
                };
                problems.push(CurriculumError::at(format!("{path}.{field}"), kind));
                with_errors += 1;
                continue;
            }
            Err(error) => {
                problems.push(instance_problem(path, 0, error, templated));
                with_errors += 1;
                continue;
            }
        };
        if templated {
            let mut sampled = Sampled {
                compiled,
                path,
                next_seed: 0,
            };
            match sample_once(problems, &mut sampled, &mut keys) {
                Sample::Sound => templates.push(sampled),
                Sample::Unsatisfiable => {
                    problems.push(CurriculumError::at(
                        format!("{path}.template.constraints"),
                        Kind::TemplateUnsatisfiable {
                            draws: MAX_TEMPLATE_DRAWS,
                            last_seed: TEMPLATE_SAMPLE_SEEDS - 1,
                        },
                    ));
                    with_errors += 1;
                }
                Sample::Reported => with_errors += 1,
                Sample::Exhausted => {}
            }
        } else {
            match compiled.check(0) {
                Ok(check) => {
                    if report_check(problems, &check, path, 0) {
                        with_errors += 1;
                    } else {
                        keys.insert(check.key);
                    }
                }
                Err(error) => {
                    problems.push(instance_problem(path, 0, error, false));
                    with_errors += 1;
                }
            }
        }
    }
    while keys.len() < wanted && !templates.is_empty() {
        templates.retain_mut(|sampled| {
            if keys.len() >= wanted {
                return false;
            }
            match sample_once(problems, sampled, &mut keys) {
                Sample::Sound => true,
                Sample::Reported => {
                    with_errors += 1;
                    false
                }
                Sample::Exhausted | Sample::Unsatisfiable => false,
            }
        });
    }
    let bar = curriculum
        .courses
        .get(c)
        .and_then(|course| course.units.get(u))
        .map_or(settings.bar_percent, |unit| curriculum.bar_percent(unit));
    // Judged on sound items only: an item with errors is left out of every sitting.
    let strength = (with_errors == 0)
        .then(|| {
            super::evidence::unit_test_strength(
                objective,
                settings.unit_test_items_per_objective,
                bar,
            )
        })
        .flatten();
    if let Some(strength) = strength {
        if strength.precision_percent < super::evidence::WARN_BELOW_PERCENT {
            problems.push(CurriculumError::at(
                format!("{objective_path}.items"),
                Kind::WeakEvidence {
                    objective: objective.id.clone(),
                    guess_passes: (strength.guess_passes_percent * 10.0).round() as u32,
                    precision: (strength.precision_percent * 10.0).round() as u32,
                },
            ));
        }
    }
    if keys.len() < needed {
        let kind = if with_errors > 0 {
            // The pool is short because of the errors above: say so, so that the
            // author fixes those rather than writing more items.
            Kind::PoolTooSmallWithErrors {
                objective: objective.id.clone(),
                with_errors,
                items: objective.items.len(),
                found: keys.len(),
                needed,
            }
        } else {
            Kind::PoolTooSmall {
                objective: objective.id.clone(),
                found: keys.len(),
                needed,
            }
        };
        problems.push(CurriculumError::at(format!("{objective_path}.items"), kind));
    } else if keys.len() < wanted && with_errors == 0 {
        problems.push(CurriculumError::at(
            format!("{objective_path}.items"),
            Kind::PoolSmallForRetakes {
                objective: objective.id.clone(),
                found: keys.len(),
                wanted,
            },
        ));
    }
}

/// Whether any of these problems is an error (a warning never leaves an item out).
fn has_error(problems: &[CurriculumError]) -> bool {
    problems
        .iter()
        .any(|problem| problem.severity() == Severity::Error)
}

enum Sample {
    /// A sound instance was drawn and its key counted.
    Sound,
    /// A problem was found and reported; the template gives no more instances.
    Reported,
    /// The template's seeds to try are used up.
    Exhausted,
    /// No seed tried so far met the constraints, and none is left.
    Unsatisfiable,
}

/// Draws the template's next sound instance, skipping seeds whose draws never
/// meet the constraints.
fn sample_once(
    problems: &mut Vec<CurriculumError>,
    sampled: &mut Sampled,
    keys: &mut HashSet<InstanceKey>,
) -> Sample {
    let first = sampled.next_seed == 0;
    while sampled.next_seed < TEMPLATE_SAMPLE_SEEDS {
        let seed = sampled.next_seed;
        sampled.next_seed += 1;
        match sampled.compiled.check(seed) {
            Ok(check) => {
                if report_check(problems, &check, sampled.path, seed) {
                    return Sample::Reported;
                }
                keys.insert(check.key);
                return Sample::Sound;
            }
            Err(InstanceError::Unsatisfiable) => continue,
            Err(error) => {
                problems.push(instance_problem(sampled.path, seed, error, true));
                return Sample::Reported;
            }
        }
    }
    if first {
        Sample::Unsatisfiable
    } else {
        Sample::Exhausted
    }
}

fn instance_problem(
    path: Owner,
    seed: u64,
    error: InstanceError,
    templated: bool,
) -> CurriculumError {
    if templated {
        CurriculumError::at(
            format!("{path}.template"),
            Kind::TemplateFails {
                seed,
                error: Box::new(error),
            },
        )
    } else {
        CurriculumError::at(
            path.to_string(),
            Kind::ItemFails {
                error: Box::new(error),
            },
        )
    }
}

/// Sound questions: no two choices read the same, and no listed wrong answer is
/// right. Returns whether an error was found.
fn report_check(
    problems: &mut Vec<CurriculumError>,
    check: &InstanceCheck,
    path: Owner,
    seed: u64,
) -> bool {
    let before = problems.len();
    if let Some((first, second, text)) = &check.duplicate_choices {
        problems.push(CurriculumError::at(
            format!("{path}.choices"),
            Kind::DuplicateChoices {
                seed,
                first: *first,
                second: *second,
                text: text.clone(),
            },
        ));
    }
    for &index in &check.wrong_but_right {
        problems.push(CurriculumError::at(
            format!("{path}.wrong_answers[{index}]"),
            Kind::WrongAnswerIsRight { seed, index },
        ));
    }
    has_error(&problems[before..])
}

fn check_fields(
    problems: &mut Vec<CurriculumError>,
    curriculum: &Curriculum,
    item: &Item,
    path: Owner,
) {
    let kind = item.kind.name();
    let mut require = |present: bool, field: &'static str, used: bool| {
        if used && !present {
            problems.push(CurriculumError::at(
                path.to_string(),
                Kind::MissingItemField { kind, field },
            ));
        } else if !used && present {
            problems.push(CurriculumError::at(
                format!("{path}.{field}"),
                Kind::ForeignItemField { kind, field },
            ));
        }
    };
    let is = |kinds: &[ItemKind]| kinds.contains(&item.kind);
    let choice_kind = is(&[ItemKind::SingleChoice, ItemKind::MultipleSelect]);
    require(item.choices.is_some(), "choices", choice_kind);
    let picture = item.kind.on_picture();
    require(
        item.answer.is_some(),
        "answer",
        picture || is(&[ItemKind::Numeric]),
    );
    require(item.diagram.is_some(), "diagram", picture);
    if item.tolerance.is_some() {
        require(true, "tolerance", is(&[ItemKind::Numeric]));
    }
    require(
        item.accepted.is_some(),
        "accepted",
        is(&[ItemKind::ShortText]),
    );
    require(
        item.sequence.is_some(),
        "sequence",
        is(&[ItemKind::Ordering]),
    );
    if !item.wrong_answers.is_empty() {
        require(
            true,
            "wrong_answers",
            picture || is(&[ItemKind::Numeric, ItemKind::ShortText]),
        );
    }
    if item.case_sensitive {
        require(true, "case_sensitive", is(&[ItemKind::ShortText]));
    }
    if !item.shuffle {
        require(true, "shuffle", choice_kind);
    }

    if item.prompt.trim().is_empty() {
        problems.push(CurriculumError::at(
            format!("{path}.prompt"),
            Kind::Empty { what: Part::Prompt },
        ));
    }
    if item.solution.trim().is_empty() {
        problems.push(CurriculumError::at(
            format!("{path}.solution"),
            Kind::MissingSolution {
                item: item.id.clone(),
            },
        ));
    }
    if let Some(hint) = item.revealing_hint {
        if hint as usize > item.hints.len() {
            problems.push(CurriculumError::at(
                format!("{path}.revealing_hint"),
                Kind::CountOutOfRange {
                    what: Count::RevealingHint,
                    found: hint as usize,
                },
            ));
        }
    }
    if let Some(choices) = &item.choices {
        if !(2..=8).contains(&choices.len()) {
            problems.push(CurriculumError::at(
                format!("{path}.choices"),
                Kind::CountOutOfRange {
                    what: Count::Choices,
                    found: choices.len(),
                },
            ));
        }
        let correct = choices.iter().filter(|choice| choice.correct).count();
        let ok = match item.kind {
            ItemKind::SingleChoice => correct == 1,
            _ => correct >= 1,
        };
        if !ok {
            problems.push(CurriculumError::at(
                format!("{path}.choices"),
                Kind::CorrectChoiceCount {
                    kind: item.kind,
                    found: correct,
                },
            ));
        }
        for (c, choice) in choices.iter().enumerate() {
            if choice.text.trim().is_empty() {
                problems.push(CurriculumError::at(
                    format!("{path}.choices[{c}].text"),
                    Kind::Empty { what: Part::Choice },
                ));
            }
            check_misconception(
                problems,
                curriculum,
                choice.misconception.as_deref(),
                || format!("{path}.choices[{c}].misconception"),
            );
        }
    }
    // Answers, tolerances, constraints and derived values are parsed once, by
    // `CompiledItem::compile`, which reports a failure with its field and text.
    for (w, wrong) in item.wrong_answers.iter().enumerate() {
        check_misconception(problems, curriculum, wrong.misconception.as_deref(), || {
            format!("{path}.wrong_answers[{w}].misconception")
        });
    }
    if let Some(accepted) = &item.accepted {
        if accepted.is_empty() {
            problems.push(CurriculumError::at(
                format!("{path}.accepted"),
                Kind::Empty {
                    what: Part::AcceptedAnswers,
                },
            ));
        }
        // Judged as typed, an answer of spaces and end punctuation is empty: no
        // one could give it, and as the first it would be shown as the answer.
        for (a, text) in accepted.iter().enumerate() {
            if normalise_text(text, item.case_sensitive).is_empty() {
                problems.push(CurriculumError::at(
                    format!("{path}.accepted[{a}]"),
                    Kind::Empty {
                        what: Part::AcceptedAnswer,
                    },
                ));
            }
        }
    }
    if let Some(sequence) = &item.sequence {
        if !(2..=10).contains(&sequence.len()) {
            problems.push(CurriculumError::at(
                format!("{path}.sequence"),
                Kind::CountOutOfRange {
                    what: Count::EntriesToOrder,
                    found: sequence.len(),
                },
            ));
        }
        for (e, entry) in sequence.iter().enumerate() {
            if entry.trim().is_empty() {
                problems.push(CurriculumError::at(
                    format!("{path}.sequence[{e}]"),
                    Kind::Empty {
                        what: Part::EntryToOrder,
                    },
                ));
            }
        }
    }
    if let Some(template) = &item.template {
        let mut names = HashSet::default();
        for (v, variable) in template.variables.iter().enumerate() {
            check_variable_name(problems, &variable.name, || {
                format!("{path}.template.variables[{v}].name")
            });
            if !names.insert(variable.name.as_str()) {
                problems.push(CurriculumError::at(
                    format!("{path}.template.variables[{v}].name"),
                    Kind::DuplicateVariable {
                        name: variable.name.clone(),
                    },
                ));
            }
            for (o, value) in variable.one_of.iter().flatten().enumerate() {
                let at = format!("{path}.template.variables[{v}].one_of[{o}]");
                if let Err(error) = Expr::parse(value).and_then(|e| e.number(NO_VARIABLES)) {
                    problems.push(CurriculumError::at(
                        at,
                        Kind::BadExpression {
                            text: value.clone(),
                            error,
                        },
                    ));
                }
            }
        }
        // Derived values share the variables' names space: each name means one value.
        for (d, derived) in template.derived.iter().enumerate() {
            check_variable_name(problems, &derived.name, || {
                format!("{path}.template.derived[{d}].name")
            });
            if !names.insert(derived.name.as_str()) {
                problems.push(CurriculumError::at(
                    format!("{path}.template.derived[{d}].name"),
                    Kind::DuplicateVariable {
                        name: derived.name.clone(),
                    },
                ));
            }
        }
    }
}

fn check_misconception(
    problems: &mut Vec<CurriculumError>,
    curriculum: &Curriculum,
    id: Option<&str>,
    path: impl FnOnce() -> String,
) {
    if let Some(id) = id {
        if curriculum.misconception(id).is_none() {
            problems.push(CurriculumError::at(
                path(),
                Kind::UnknownMisconception { id: id.to_string() },
            ));
        }
    }
}

fn check_variable_name(
    problems: &mut Vec<CurriculumError>,
    name: &str,
    path: impl FnOnce() -> String,
) {
    const RESERVED: [&str; 14] = [
        "and", "or", "not", "gcd", "lcm", "min", "max", "abs", "floor", "ceil", "round", "num",
        "den", "mod",
    ];
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.len() <= 32
        && !RESERVED.contains(&name);
    if !well_formed {
        problems.push(CurriculumError::at(
            path(),
            Kind::BadVariableName {
                name: name.to_string(),
            },
        ));
    }
}
