//! Checks of an objective's items: each kind has the fields it needs and no others,
//! answers parse, misconceptions exist, templates can be drawn and give sound
//! questions, and the pool holds enough distinct instances for formative A,
//! formative B and the unit test never to repeat a question.

use super::error::{CurriculumError, CurriculumErrorKind as Kind};
use super::{Curriculum, Objective};
use crate::domain::expr::{Expr, NoVariables};
use crate::domain::item::{
    Expected, InstanceError, Item, ItemInstance, ItemKind, MAX_TEMPLATE_DRAWS,
};
use std::collections::HashSet;

/// Seeds tried per template, at most; sampling stops early once the objective's
/// needs are covered, which keeps validating a large curriculum fast.
const TEMPLATE_SAMPLE_SEEDS: u64 = 24;

pub(super) fn check_objective_items(
    problems: &mut Vec<CurriculumError>,
    curriculum: &Curriculum,
    objective: &Objective,
    objective_path: &str,
    register_id: &mut dyn FnMut(&mut Vec<CurriculumError>, &str, &str),
) {
    let settings = &curriculum.mastery;
    let formative = settings.formative_items_per_objective as usize;
    let unit_test = settings.unit_test_items_per_objective as usize;
    let review = settings.review_items_per_objective as usize;
    let needed = 2 * formative + unit_test;
    let wanted = 3 * formative + 2 * unit_test + 2 * review;

    let mut keys: HashSet<String> = HashSet::new();
    let problems_before_items = problems.len();
    for (i, item) in objective.items.iter().enumerate() {
        let path = format!("{objective_path}.items[{i}]");
        register_id(problems, &path, &item.id);
        let before = problems.len();
        check_fields(problems, curriculum, item, &path);
        if problems.len() > before {
            continue; // instances of a malformed item would only repeat the problem
        }
        match &item.template {
            None => match ItemInstance::generate(item, 0) {
                Ok(instance) => {
                    check_instance(problems, &instance, &path, 0);
                    keys.insert(instance.key());
                }
                Err(error) => problems.push(instance_problem(&path, 0, error, false)),
            },
            Some(_) => sample_template(problems, item, &path, &mut keys, wanted),
        }
    }
    // A broken item already has its own message; a pool count without it would
    // only repeat the problem in other words.
    let items_failed = problems[problems_before_items..]
        .iter()
        .any(|problem| problem.severity() == super::error::Severity::Error);
    if items_failed {
        return;
    }
    if keys.len() < needed {
        problems.push(CurriculumError::at(
            format!("{objective_path}.items"),
            Kind::PoolTooSmall {
                objective: objective.id.clone(),
                found: keys.len(),
                needed,
            },
        ));
    } else if keys.len() < wanted {
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

fn sample_template(
    problems: &mut Vec<CurriculumError>,
    item: &Item,
    path: &str,
    keys: &mut HashSet<String>,
    wanted: usize,
) {
    let mut generated = 0;
    for seed in 0..TEMPLATE_SAMPLE_SEEDS {
        match ItemInstance::generate(item, seed) {
            Ok(instance) => {
                generated += 1;
                let before = problems.len();
                check_instance(problems, &instance, path, seed);
                if problems.len() > before {
                    return;
                }
                keys.insert(instance.key());
            }
            Err(InstanceError::Unsatisfiable) => continue,
            Err(error) => {
                problems.push(instance_problem(path, seed, error, true));
                return;
            }
        }
        if keys.len() >= wanted && generated >= 2 {
            return;
        }
    }
    if generated == 0 {
        problems.push(CurriculumError::at(
            format!("{path}.template.constraints"),
            Kind::TemplateUnsatisfiable {
                draws: MAX_TEMPLATE_DRAWS,
                last_seed: TEMPLATE_SAMPLE_SEEDS - 1,
            },
        ));
    }
}

fn instance_problem(
    path: &str,
    seed: u64,
    error: InstanceError,
    templated: bool,
) -> CurriculumError {
    if templated {
        CurriculumError::at(
            format!("{path}.template"),
            Kind::TemplateFails {
                seed,
                detail: error.to_string(),
            },
        )
    } else {
        CurriculumError::at(
            path,
            Kind::ItemFails {
                detail: error.to_string(),
            },
        )
    }
}

/// Sound questions: no two choices read the same, and no listed wrong answer is right.
fn check_instance(
    problems: &mut Vec<CurriculumError>,
    instance: &ItemInstance,
    path: &str,
    seed: u64,
) {
    for (position, choice) in instance.choices.iter().enumerate() {
        if let Some(earlier) = instance.choices[..position]
            .iter()
            .find(|other| other.text.trim() == choice.text.trim())
        {
            problems.push(CurriculumError::at(
                format!("{path}.choices"),
                Kind::DuplicateChoices {
                    seed,
                    first: earlier.index.min(choice.index),
                    second: earlier.index.max(choice.index),
                    text: choice.text.clone(),
                },
            ));
            return;
        }
    }
    for (index, wrong) in instance.wrong_answers.iter().enumerate() {
        let is_right = match &instance.expected {
            Expected::Numeric { value, tolerance } => wrong.number.is_some_and(|n| {
                n.checked_sub(*value)
                    .map(|d| d.abs() <= *tolerance)
                    .unwrap_or(false)
            }),
            Expected::Text { accepted, .. } => wrong
                .text
                .as_ref()
                .is_some_and(|text| accepted.contains(text)),
            _ => false,
        };
        if is_right {
            problems.push(CurriculumError::at(
                format!("{path}.wrong_answers[{index}]"),
                Kind::WrongAnswerIsRight { seed, index },
            ));
        }
    }
}

fn check_fields(
    problems: &mut Vec<CurriculumError>,
    curriculum: &Curriculum,
    item: &Item,
    path: &str,
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
    require(item.answer.is_some(), "answer", is(&[ItemKind::Numeric]));
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
            is(&[ItemKind::Numeric, ItemKind::ShortText]),
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
            Kind::Empty {
                what: "an item's prompt",
            },
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
    if let Some(choices) = &item.choices {
        if !(2..=8).contains(&choices.len()) {
            problems.push(CurriculumError::at(
                format!("{path}.choices"),
                Kind::CountOutOfRange {
                    what: "the number of choices",
                    found: choices.len(),
                    expected: "2 to 8",
                },
            ));
        }
        let correct = choices.iter().filter(|choice| choice.correct).count();
        let (ok, expected) = match item.kind {
            ItemKind::SingleChoice => (correct == 1, "exactly one"),
            _ => (correct >= 1, "at least one"),
        };
        if !ok {
            problems.push(CurriculumError::at(
                format!("{path}.choices"),
                Kind::CorrectChoiceCount {
                    kind,
                    expected,
                    found: correct,
                },
            ));
        }
        for (c, choice) in choices.iter().enumerate() {
            if choice.text.trim().is_empty() {
                problems.push(CurriculumError::at(
                    format!("{path}.choices[{c}].text"),
                    Kind::Empty { what: "a choice" },
                ));
            }
            check_misconception(
                problems,
                curriculum,
                choice.misconception.as_deref(),
                &format!("{path}.choices[{c}].misconception"),
            );
        }
    }
    for (w, wrong) in item.wrong_answers.iter().enumerate() {
        check_misconception(
            problems,
            curriculum,
            wrong.misconception.as_deref(),
            &format!("{path}.wrong_answers[{w}].misconception"),
        );
        if item.kind == ItemKind::Numeric {
            check_expression(
                problems,
                &wrong.value,
                &format!("{path}.wrong_answers[{w}].value"),
            );
        }
    }
    if let Some(answer) = &item.answer {
        check_expression(problems, answer, &format!("{path}.answer"));
    }
    if let Some(tolerance) = &item.tolerance {
        check_expression(problems, tolerance, &format!("{path}.tolerance"));
    }
    if let Some(accepted) = &item.accepted {
        if accepted.iter().all(|text| text.trim().is_empty()) {
            problems.push(CurriculumError::at(
                format!("{path}.accepted"),
                Kind::Empty {
                    what: "the list of accepted answers",
                },
            ));
        }
    }
    if let Some(sequence) = &item.sequence {
        if !(2..=10).contains(&sequence.len()) {
            problems.push(CurriculumError::at(
                format!("{path}.sequence"),
                Kind::CountOutOfRange {
                    what: "the number of entries to order",
                    found: sequence.len(),
                    expected: "2 to 10",
                },
            ));
        }
    }
    if let Some(template) = &item.template {
        let mut names = HashSet::new();
        for (v, variable) in template.variables.iter().enumerate() {
            check_variable_name(
                problems,
                &variable.name,
                &format!("{path}.template.variables[{v}].name"),
            );
            if !names.insert(variable.name.clone()) {
                problems.push(CurriculumError::at(
                    format!("{path}.template.variables[{v}].name"),
                    Kind::DuplicateId {
                        id: variable.name.clone(),
                        first: format!("{path}.template.variables"),
                    },
                ));
            }
            for (o, value) in variable.one_of.iter().flatten().enumerate() {
                let at = format!("{path}.template.variables[{v}].one_of[{o}]");
                if let Err(error) = Expr::parse(value).and_then(|e| e.number(&NoVariables)) {
                    problems.push(CurriculumError::at(
                        at,
                        Kind::BadExpression {
                            text: value.clone(),
                            detail: error.to_string(),
                        },
                    ));
                }
            }
        }
        for (d, derived) in template.derived.iter().enumerate() {
            check_variable_name(
                problems,
                &derived.name,
                &format!("{path}.template.derived[{d}].name"),
            );
            check_expression(
                problems,
                &derived.value,
                &format!("{path}.template.derived[{d}].value"),
            );
        }
        for (c, constraint) in template.constraints.iter().enumerate() {
            check_expression(
                problems,
                constraint,
                &format!("{path}.template.constraints[{c}]"),
            );
        }
    }
}

fn check_misconception(
    problems: &mut Vec<CurriculumError>,
    curriculum: &Curriculum,
    id: Option<&str>,
    path: &str,
) {
    if let Some(id) = id {
        if curriculum.misconception(id).is_none() {
            problems.push(CurriculumError::at(
                path,
                Kind::UnknownMisconception { id: id.to_string() },
            ));
        }
    }
}

fn check_expression(problems: &mut Vec<CurriculumError>, text: &str, path: &str) {
    if let Err(error) = Expr::parse(text) {
        problems.push(CurriculumError::at(
            path,
            Kind::BadExpression {
                text: text.to_string(),
                detail: error.to_string(),
            },
        ));
    }
}

fn check_variable_name(problems: &mut Vec<CurriculumError>, name: &str, path: &str) {
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
            path,
            Kind::BadVariableName {
                name: name.to_string(),
            },
        ));
    }
}
