//! One concrete question made from an item and a seed. For a templated item the
//! seed draws the variables (redrawing until every constraint holds), computes the
//! derived values and fills in every placeholder; for any item it fixes the order
//! choices and ordering entries are shown in. `ItemInstance::generate` is pure:
//! the same item and seed give the same instance on every machine.

use super::check::normalise_text;
use super::{Item, ItemKind, Template, MAX_RANGE_VALUES};
use crate::domain::expr::{Expr, ExprError, NoVariables, Scope};
use crate::domain::rational::Rational;
use crate::domain::rng::SplitMix64;
use thiserror::Error;

/// How many times a template may redraw its variables before giving up.
pub const MAX_TEMPLATE_DRAWS: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InstanceError {
    #[error("{field}: {error}")]
    Expression { field: String, error: ExprError },
    #[error("{field}: a \"{{\" has no matching \"}}\" (write {{{{ for a literal brace)")]
    UnclosedPlaceholder { field: String },
    #[error("{field}: unknown format \"{format}\" (use mixed, decimal or fraction)")]
    UnknownFormat { field: String, format: String },
    #[error("the constraints were not met in {MAX_TEMPLATE_DRAWS} draws")]
    Unsatisfiable,
    #[error("variable \"{name}\" needs either from/to or one_of")]
    BadVariable { name: String },
    #[error("variable \"{name}\": the range from {from} to {to} in steps of {step} is empty or has more than {MAX_RANGE_VALUES} values")]
    BadRange {
        name: String,
        from: i64,
        to: i64,
        step: i64,
    },
    #[error("a {kind} item needs \"{field}\"")]
    MissingField {
        kind: &'static str,
        field: &'static str,
    },
    #[error("{field}: a tolerance cannot be negative")]
    NegativeTolerance { field: String },
}

/// A choice as shown: its text, and its position in the author's list (responses
/// and reports always use that position, whatever order it was shown in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownChoice {
    pub index: usize,
    pub text: String,
}

/// What counts as right for this instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Single(usize),
    Multiple(Vec<usize>),
    Numeric {
        value: Rational,
        tolerance: Rational,
    },
    Text {
        accepted: Vec<String>,
        case_sensitive: bool,
    },
    /// The entries of `sequence` in their written order.
    Ordering,
}

/// A known wrong answer, made concrete for this instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceWrongAnswer {
    pub number: Option<Rational>,
    pub text: Option<String>,
    pub misconception: Option<String>,
    pub feedback: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInstance {
    pub item_id: String,
    pub kind: ItemKind,
    pub seed: u64,
    /// Drawn and derived values, in template order (empty for a fixed item).
    pub values: Vec<(String, Rational)>,
    pub prompt: String,
    /// Choices in the order shown.
    pub choices: Vec<ShownChoice>,
    /// Per choice, in the author's order: (misconception, feedback).
    pub choice_feedback: Vec<(Option<String>, Option<String>)>,
    /// Ordering items: the entries in their correct order.
    pub sequence: Vec<String>,
    /// Ordering items: the order entries start in (indices into `sequence`).
    pub start_order: Vec<usize>,
    pub hints: Vec<String>,
    pub solution: String,
    pub expected: Expected,
    pub wrong_answers: Vec<InstanceWrongAnswer>,
}

impl ItemInstance {
    pub fn generate(item: &Item, seed: u64) -> Result<ItemInstance, InstanceError> {
        let mut rng = SplitMix64::new(seed);
        let values = match &item.template {
            Some(template) => draw_values(template, &mut rng)?,
            None => Vec::new(),
        };
        let templated = item.template.is_some();
        let fill = |field: String, text: &str| -> Result<String, InstanceError> {
            if templated {
                interpolate(text, &values, &field)
            } else {
                Ok(text.to_string())
            }
        };
        let fill_optional =
            |field: String, text: Option<&str>| -> Result<Option<String>, InstanceError> {
                text.map(|text| fill(field, text)).transpose()
            };
        let prompt = fill(format!("{}.prompt", item.id), &item.prompt)?;
        let hints = item
            .hints
            .iter()
            .enumerate()
            .map(|(i, hint)| fill(format!("{}.hints[{i}]", item.id), hint))
            .collect::<Result<Vec<_>, _>>()?;
        let solution = fill(format!("{}.solution", item.id), &item.solution)?;
        let kind_name = item.kind.name();

        let mut choices = Vec::new();
        let mut choice_feedback = Vec::new();
        let mut sequence = Vec::new();
        let mut start_order = Vec::new();
        let mut wrong_answers = Vec::new();
        let expected = match item.kind {
            ItemKind::SingleChoice | ItemKind::MultipleSelect => {
                let authored = item.choices.as_ref().ok_or(InstanceError::MissingField {
                    kind: kind_name,
                    field: "choices",
                })?;
                let mut order: Vec<usize> = (0..authored.len()).collect();
                if item.shuffle {
                    rng.shuffle(&mut order);
                }
                for &index in &order {
                    choices.push(ShownChoice {
                        index,
                        text: fill(
                            format!("{}.choices[{index}].text", item.id),
                            &authored[index].text,
                        )?,
                    });
                }
                for (index, choice) in authored.iter().enumerate() {
                    let feedback = fill_optional(
                        format!("{}.choices[{index}].feedback", item.id),
                        choice.feedback.as_deref(),
                    )?;
                    choice_feedback.push((choice.misconception.clone(), feedback));
                }
                let correct: Vec<usize> = authored
                    .iter()
                    .enumerate()
                    .filter(|(_, choice)| choice.correct)
                    .map(|(index, _)| index)
                    .collect();
                if item.kind == ItemKind::SingleChoice {
                    Expected::Single(correct.first().copied().unwrap_or(usize::MAX))
                } else {
                    Expected::Multiple(correct)
                }
            }
            ItemKind::Numeric => {
                let answer = item.answer.as_deref().ok_or(InstanceError::MissingField {
                    kind: kind_name,
                    field: "answer",
                })?;
                let value = evaluate(answer, &values, &format!("{}.answer", item.id))?;
                let tolerance = match item.tolerance.as_deref() {
                    Some(text) => evaluate(text, &values, &format!("{}.tolerance", item.id))?,
                    None => Rational::ZERO,
                };
                if tolerance < Rational::ZERO {
                    return Err(InstanceError::NegativeTolerance {
                        field: format!("{}.tolerance", item.id),
                    });
                }
                for (i, wrong) in item.wrong_answers.iter().enumerate() {
                    let field = format!("{}.wrong_answers[{i}].value", item.id);
                    wrong_answers.push(InstanceWrongAnswer {
                        number: Some(evaluate(&wrong.value, &values, &field)?),
                        text: None,
                        misconception: wrong.misconception.clone(),
                        feedback: fill_optional(
                            format!("{}.wrong_answers[{i}].feedback", item.id),
                            wrong.feedback.as_deref(),
                        )?,
                    });
                }
                Expected::Numeric { value, tolerance }
            }
            ItemKind::ShortText => {
                let authored = item.accepted.as_ref().ok_or(InstanceError::MissingField {
                    kind: kind_name,
                    field: "accepted",
                })?;
                let accepted = authored
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        fill(format!("{}.accepted[{i}]", item.id), text)
                            .map(|filled| normalise_text(&filled, item.case_sensitive))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                for (i, wrong) in item.wrong_answers.iter().enumerate() {
                    let text = fill(
                        format!("{}.wrong_answers[{i}].value", item.id),
                        &wrong.value,
                    )?;
                    wrong_answers.push(InstanceWrongAnswer {
                        number: None,
                        text: Some(normalise_text(&text, item.case_sensitive)),
                        misconception: wrong.misconception.clone(),
                        feedback: fill_optional(
                            format!("{}.wrong_answers[{i}].feedback", item.id),
                            wrong.feedback.as_deref(),
                        )?,
                    });
                }
                Expected::Text {
                    accepted,
                    case_sensitive: item.case_sensitive,
                }
            }
            ItemKind::Ordering => {
                let authored = item.sequence.as_ref().ok_or(InstanceError::MissingField {
                    kind: kind_name,
                    field: "sequence",
                })?;
                for (i, entry) in authored.iter().enumerate() {
                    sequence.push(fill(format!("{}.sequence[{i}]", item.id), entry)?);
                }
                start_order = (0..sequence.len()).collect();
                rng.shuffle(&mut start_order);
                // Never start in the solved order: rotate by one if the shuffle did.
                if start_order.len() > 1 && start_order.iter().enumerate().all(|(i, &e)| i == e) {
                    start_order.rotate_left(1);
                }
                Expected::Ordering
            }
        };

        Ok(ItemInstance {
            item_id: item.id.clone(),
            kind: item.kind,
            seed,
            values,
            prompt,
            choices,
            choice_feedback,
            sequence,
            start_order,
            hints,
            solution,
            expected,
            wrong_answers,
        })
    }

    /// Identifies the question a student saw, independent of the seed that drew it:
    /// two seeds that draw the same values are the same question. A fixed item has
    /// one instance, keyed by its id.
    pub fn key(&self) -> String {
        instance_key(&self.item_id, &self.values)
    }
}

pub(crate) fn instance_key(item_id: &str, values: &[(String, Rational)]) -> String {
    let mut key = item_id.to_string();
    for (name, value) in values {
        key.push_str(&format!("|{name}={value}"));
    }
    key
}

fn evaluate(
    text: &str,
    values: &[(String, Rational)],
    field: &str,
) -> Result<Rational, InstanceError> {
    let located = |error| InstanceError::Expression {
        field: field.to_string(),
        error,
    };
    Expr::parse(text)
        .and_then(|expr| expr.number(values))
        .map_err(located)
}

/// Draws every variable in order, computes derived values, and checks constraints,
/// redrawing up to `MAX_TEMPLATE_DRAWS` times.
fn draw_values(
    template: &Template,
    rng: &mut SplitMix64,
) -> Result<Vec<(String, Rational)>, InstanceError> {
    let constraints = template
        .constraints
        .iter()
        .enumerate()
        .map(|(i, text)| {
            Expr::parse(text).map_err(|error| InstanceError::Expression {
                field: format!("template.constraints[{i}]"),
                error,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let derived = template
        .derived
        .iter()
        .enumerate()
        .map(|(i, d)| {
            Expr::parse(&d.value)
                .map(|expr| (d.name.clone(), expr))
                .map_err(|error| InstanceError::Expression {
                    field: format!("template.derived[{i}].value"),
                    error,
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let pools = template
        .variables
        .iter()
        .map(variable_pool)
        .collect::<Result<Vec<_>, _>>()?;

    'draw: for _ in 0..MAX_TEMPLATE_DRAWS {
        let mut values: Vec<(String, Rational)> = Vec::with_capacity(pools.len() + derived.len());
        for (variable, pool) in template.variables.iter().zip(&pools) {
            values.push((variable.name.clone(), pool.draw(rng)));
        }
        for (i, (name, expr)) in derived.iter().enumerate() {
            match expr.number(&values) {
                Ok(value) => values.push((name.clone(), value)),
                // A derived value that cannot be computed for this draw (say, a
                // division by zero) rejects the draw, like a failed constraint.
                Err(ExprError::Arithmetic(_)) => continue 'draw,
                Err(error) => {
                    return Err(InstanceError::Expression {
                        field: format!("template.derived[{i}].value"),
                        error,
                    })
                }
            }
        }
        for (i, constraint) in constraints.iter().enumerate() {
            match constraint.evaluate(&values).and_then(|v| v.boolean()) {
                Ok(true) => {}
                Ok(false) | Err(ExprError::Arithmetic(_)) => continue 'draw,
                Err(error) => {
                    return Err(InstanceError::Expression {
                        field: format!("template.constraints[{i}]"),
                        error,
                    })
                }
            }
        }
        return Ok(values);
    }
    Err(InstanceError::Unsatisfiable)
}

enum Pool {
    Range { from: i64, step: i64, count: u64 },
    List(Vec<Rational>),
}

impl Pool {
    fn draw(&self, rng: &mut SplitMix64) -> Rational {
        match self {
            Pool::Range { from, step, count } => {
                let k = rng.below(*count) as i128;
                Rational::integer(i128::from(*from) + k * i128::from(*step))
            }
            Pool::List(values) => values[rng.below(values.len() as u64) as usize],
        }
    }
}

fn variable_pool(variable: &super::Variable) -> Result<Pool, InstanceError> {
    match (variable.from, variable.to, &variable.one_of) {
        (Some(from), Some(to), None) => {
            let step = variable.step.unwrap_or(1);
            let bad = InstanceError::BadRange {
                name: variable.name.clone(),
                from,
                to,
                step,
            };
            if step <= 0 || to < from {
                return Err(bad);
            }
            let count = (i128::from(to) - i128::from(from)) / i128::from(step) + 1;
            if count > i128::from(MAX_RANGE_VALUES) {
                return Err(bad);
            }
            Ok(Pool::Range {
                from,
                step,
                count: count as u64,
            })
        }
        (None, None, Some(list)) if !list.is_empty() => list
            .iter()
            .enumerate()
            .map(|(i, text)| {
                Expr::parse(text)
                    .and_then(|expr| expr.number(&NoVariables))
                    .map_err(|error| InstanceError::Expression {
                        field: format!("template.variables.{}.one_of[{i}]", variable.name),
                        error,
                    })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Pool::List),
        _ => Err(InstanceError::BadVariable {
            name: variable.name.clone(),
        }),
    }
}

/// Fills `{expression}` and `{expression:format}` placeholders; `{{` and `}}` are
/// literal braces. Formats: `fraction` (default: 3/4, 2), `mixed` (1 1/2),
/// `decimal` (0.75 when the decimal terminates).
pub fn interpolate(
    text: &str,
    scope: &(impl Scope + ?Sized),
    field: &str,
) -> Result<String, InstanceError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if rest[open..].starts_with("{{") {
            out.push('{');
            rest = &rest[open + 2..];
            continue;
        }
        if rest[open..].starts_with("}}") {
            out.push('}');
            rest = &rest[open + 2..];
            continue;
        }
        if rest[open..].starts_with('}') {
            return Err(InstanceError::UnclosedPlaceholder {
                field: field.to_string(),
            });
        }
        let close = after
            .find('}')
            .ok_or_else(|| InstanceError::UnclosedPlaceholder {
                field: field.to_string(),
            })?;
        let inner = &after[..close];
        let (expression, format) = match inner.rsplit_once(':') {
            Some((expression, format)) => (expression, format.trim()),
            None => (inner, "fraction"),
        };
        let value = Expr::parse(expression)
            .and_then(|expr| expr.number(scope))
            .map_err(|error| InstanceError::Expression {
                field: field.to_string(),
                error,
            })?;
        match format {
            "fraction" => out.push_str(&value.to_string()),
            "mixed" => out.push_str(&value.to_mixed_string()),
            "decimal" => out.push_str(&value.to_decimal_string()),
            other => {
                return Err(InstanceError::UnknownFormat {
                    field: field.to_string(),
                    format: other.to_string(),
                })
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}
