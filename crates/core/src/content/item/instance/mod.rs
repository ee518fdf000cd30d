//! One concrete question made from an item and a seed. For a templated item the
//! seed draws the variables (redrawing until every constraint holds), computes the
//! derived values and fills in every placeholder; for any item it fixes the order
//! choices and ordering entries are shown in. `ItemInstance::generate` is pure:
//! the same item and seed give the same instance on every machine.

use super::check::normalise_text;
use super::{Item, ItemKind, MAX_RANGE_VALUES};
use crate::content::expr::{Expr, ExprError, Scope, Value, NO_VARIABLES};
use crate::content::markdown::{parse_markdown, Block};
use crate::content::picture::{check_answer, parse_diagram, Diagram, DiagramError, NotOnPicture};
use crate::content::rational::{ArithmeticError, Rational};
use crate::content::rng::SplitMix64;
use std::borrow::Cow;
use std::rc::Rc;
pub use text::interpolate;
use text::Text;

mod text;

/// How many times a template may redraw its variables before giving up.
pub const MAX_TEMPLATE_DRAWS: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstanceError {
    /// An expression or placeholder that does not parse; `field` is relative to the
    /// item (`answer`, `template.constraints[0]`, `choices[1].text`).
    Parse {
        field: String,
        text: String,
        error: ExprError,
    },
    /// An expression that cannot be evaluated for a draw: named with the field it
    /// sits in and written back out, so that an author sees which one.
    Expression {
        field: String,
        expression: String,
        error: ExprError,
    },
    /// A `{` with no matching `}` in a text.
    UnclosedPlaceholder { field: String },
    /// A placeholder's format that is not mixed, decimal or fraction.
    UnknownFormat { field: String, format: String },
    /// The template's constraints were not met in [`MAX_TEMPLATE_DRAWS`] draws.
    Unsatisfiable,
    /// A variable with neither from/to nor one_of.
    BadVariable { name: String },
    /// A range that is empty or has more than [`super::MAX_RANGE_VALUES`] values.
    BadRange {
        name: String,
        from: i64,
        to: i64,
        step: i64,
    },
    /// A field an item of this kind needs (as the format names them).
    MissingField {
        kind: &'static str,
        field: &'static str,
    },
    /// A numeric tolerance below zero.
    NegativeTolerance { field: String },
    /// A picture that cannot be drawn, in the item's `diagram` or in a text.
    Diagram { field: String, error: DiagramError },
    /// An item answered on a picture whose answer the picture cannot give: a
    /// model its kind does not use, or a value no point, shading or partition
    /// of the picture reaches.
    NotOnPicture {
        field: String,
        kind: ItemKind,
        value: Rational,
        problem: NotOnPicture,
    },
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
    /// Items answered on the instance's `diagram`: the point's value, the fraction
    /// shaded (any equivalent shading is right) or the number of parts, exactly.
    Picture {
        value: Rational,
    },
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
    /// Items answered on a picture: the picture, checked (its answer reachable).
    pub diagram: Option<Diagram>,
}

impl ItemInstance {
    /// Compiles the item and makes the instance for `seed`. To make many instances
    /// of one item, compile it once with [`CompiledItem::compile`].
    pub fn generate(item: &Item, seed: u64) -> Result<ItemInstance, InstanceError> {
        CompiledItem::compile(item)?.instance(seed)
    }

    /// Identifies the question a student saw, independent of the seed that drew it:
    /// two seeds that draw the same values are the same question. A fixed item has
    /// one instance, keyed by its id.
    pub fn key(&self) -> InstanceKey {
        instance_key(&self.item_id, &self.values)
    }
}

/// Identifies one question: the item and the exact values drawn for it. Two seeds
/// that draw the same values give the same key. It is a 64-bit FNV-1a hash of the
/// item id and the values, computed without building any text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstanceKey(pub u64);

pub(crate) fn instance_key<N: AsRef<str>>(item_id: &str, values: &[(N, Rational)]) -> InstanceKey {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mut hash = crate::content::rng::fnv1a64(item_id.as_bytes());
    let mut mix = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    for (name, value) in values {
        mix(b"|");
        mix(name.as_ref().as_bytes());
        mix(&value.numerator().to_le_bytes());
        mix(&value.denominator().to_le_bytes());
    }
    InstanceKey(hash)
}

/// Which field of an item a text or expression comes from; made into a path like
/// `q1.choices[2].text` only when there is an error to report.
#[derive(Debug, Clone, Copy)]
enum Field {
    Prompt,
    Hint(usize),
    Solution,
    ChoiceText(usize),
    ChoiceFeedback(usize),
    Answer,
    Tolerance,
    WrongValue(usize),
    WrongFeedback(usize),
    Accepted(usize),
    Sequence(usize),
    Constraint(usize),
    Derived(usize),
    Diagram,
}

impl Field {
    /// The field's path inside the item, as in the curriculum file.
    fn relative(self) -> String {
        match self {
            Field::Prompt => "prompt".to_string(),
            Field::Hint(i) => format!("hints[{i}]"),
            Field::Solution => "solution".to_string(),
            Field::ChoiceText(i) => format!("choices[{i}].text"),
            Field::ChoiceFeedback(i) => format!("choices[{i}].feedback"),
            Field::Answer => "answer".to_string(),
            Field::Tolerance => "tolerance".to_string(),
            Field::WrongValue(i) => format!("wrong_answers[{i}].value"),
            Field::WrongFeedback(i) => format!("wrong_answers[{i}].feedback"),
            Field::Accepted(i) => format!("accepted[{i}]"),
            Field::Sequence(i) => format!("sequence[{i}]"),
            Field::Constraint(i) => format!("template.constraints[{i}]"),
            Field::Derived(i) => format!("template.derived[{i}].value"),
            Field::Diagram => "diagram".to_string(),
        }
    }

    fn path(self, id: &str) -> String {
        match self {
            Field::Prompt => format!("{id}.prompt"),
            Field::Hint(i) => format!("{id}.hints[{i}]"),
            Field::Solution => format!("{id}.solution"),
            Field::ChoiceText(i) => format!("{id}.choices[{i}].text"),
            Field::ChoiceFeedback(i) => format!("{id}.choices[{i}].feedback"),
            Field::Answer => format!("{id}.answer"),
            Field::Tolerance => format!("{id}.tolerance"),
            Field::WrongValue(i) => format!("{id}.wrong_answers[{i}].value"),
            Field::WrongFeedback(i) => format!("{id}.wrong_answers[{i}].feedback"),
            Field::Accepted(i) => format!("{id}.accepted[{i}]"),
            Field::Sequence(i) => format!("{id}.sequence[{i}]"),
            Field::Constraint(i) => format!("template.constraints[{i}]"),
            Field::Derived(i) => format!("template.derived[{i}].value"),
            Field::Diagram => format!("{id}.diagram"),
        }
    }
}

/// A known wrong answer, compiled: its value (numeric) or text (short text), and
/// its feedback.
struct CompiledWrong<'a> {
    number: Option<Expr>,
    text: Option<Text<'a>>,
    feedback: Option<Text<'a>>,
}

/// An item with every expression parsed and every text split into pieces once, so
/// that making many instances (validation, planning, practice) never parses again.
/// Instances come out exactly as [`ItemInstance::generate`] makes them.
pub struct CompiledItem<'a> {
    item: &'a Item,
    variables: Vec<(&'a str, Pool)>,
    constraints: Vec<Expr>,
    derived: Vec<(&'a str, Expr)>,
    prompt: Text<'a>,
    hints: Vec<Text<'a>>,
    solution: Text<'a>,
    choices: Vec<(Text<'a>, Option<Text<'a>>)>,
    answer: Option<Expr>,
    tolerance: Option<Expr>,
    wrong: Vec<CompiledWrong<'a>>,
    accepted: Vec<Text<'a>>,
    sequence: Vec<Text<'a>>,
    diagram: Option<Text<'a>>,
}

/// What validation needs from one instance, without building all its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceCheck {
    pub key: InstanceKey,
    /// Two choices that read the same: (first index, second index, text).
    pub duplicate_choices: Option<(usize, usize, String)>,
    /// Known wrong answers that are in fact right.
    pub wrong_but_right: Vec<usize>,
}

type Values<'a> = Vec<(&'a str, Rational)>;

/// Parses one expression of an item; with `names`, it may read only those.
fn parse_at(field: Field, text: &str, names: Option<&[&str]>) -> Result<Expr, InstanceError> {
    match names {
        Some(names) => Expr::parse_in(text, names),
        None => Expr::parse(text),
    }
    .map_err(|error| InstanceError::Parse {
        field: field.relative(),
        text: text.to_string(),
        error,
    })
}

impl<'a> CompiledItem<'a> {
    pub fn compile(item: &'a Item) -> Result<CompiledItem<'a>, InstanceError> {
        let id = item.id.as_str();
        // Every expression may read the template's variables and derived values
        // (a derived value only those before it); a fixed item has none.
        let names: Rc<[&'a str]> = item.template.as_ref().map_or_else(Rc::default, |t| {
            let variables = t.variables.iter().map(|v| v.name.as_str());
            variables
                .chain(t.derived.iter().map(|d| d.name.as_str()))
                .collect()
        });
        let variable_count = item.template.as_ref().map_or(0, |t| t.variables.len());
        let placeholders = item.template.as_ref().map(|_| &names);
        // Texts that checking an instance renders are parsed now; the others later.
        let text = |field: Field, value: &'a str| {
            Text::compile(value, field, id, placeholders.map(|n| &n[..]))
        };
        let shown = |field: Field, value: &'a str| Text::deferred(value, field, id, placeholders);
        let optional_shown =
            |field: Field, value: Option<&'a str>| -> Result<Option<Text<'a>>, InstanceError> {
                value.map(|v| shown(field, v)).transpose()
            };
        let missing = |field: &'static str| InstanceError::MissingField {
            kind: item.kind.name(),
            field,
        };

        let (mut variables, mut constraints, mut derived) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(template) = &item.template {
            for (i, constraint) in template.constraints.iter().enumerate() {
                constraints.push(parse_at(Field::Constraint(i), constraint, Some(&names))?);
            }
            for (i, d) in template.derived.iter().enumerate() {
                let known = Some(&names[..variable_count + i]);
                derived.push((
                    d.name.as_str(),
                    parse_at(Field::Derived(i), &d.value, known)?,
                ));
            }
            for variable in &template.variables {
                variables.push((variable.name.as_str(), variable_pool(variable)?));
            }
        }

        let (mut choices, mut wrong, mut accepted, mut sequence) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut answer, mut tolerance, mut diagram) = (None, None, None);
        match item.kind {
            ItemKind::SingleChoice | ItemKind::MultipleSelect => {
                let authored = item.choices.as_ref().ok_or_else(|| missing("choices"))?;
                for (index, choice) in authored.iter().enumerate() {
                    choices.push((
                        text(Field::ChoiceText(index), &choice.text)?,
                        optional_shown(Field::ChoiceFeedback(index), choice.feedback.as_deref())?,
                    ));
                }
            }
            ItemKind::Numeric => {
                let value = item.answer.as_deref().ok_or_else(|| missing("answer"))?;
                answer = Some(parse_at(Field::Answer, value, Some(&names))?);
                tolerance = item
                    .tolerance
                    .as_deref()
                    .map(|t| parse_at(Field::Tolerance, t, Some(&names)))
                    .transpose()?;
            }
            ItemKind::ShortText => {
                let authored = item.accepted.as_ref().ok_or_else(|| missing("accepted"))?;
                for (i, a) in authored.iter().enumerate() {
                    accepted.push(text(Field::Accepted(i), a)?);
                }
            }
            ItemKind::Ordering => {
                let authored = item.sequence.as_ref().ok_or_else(|| missing("sequence"))?;
                for (i, entry) in authored.iter().enumerate() {
                    sequence.push(shown(Field::Sequence(i), entry)?);
                }
            }
            ItemKind::PlacePoint | ItemKind::Shade | ItemKind::Partition => {
                let value = item.answer.as_deref().ok_or_else(|| missing("answer"))?;
                answer = Some(parse_at(Field::Answer, value, Some(&names))?);
                let picture = item.diagram.as_deref().ok_or_else(|| missing("diagram"))?;
                diagram = Some(text(Field::Diagram, picture)?);
            }
        }
        if matches!(item.kind, ItemKind::Numeric | ItemKind::ShortText) || item.kind.on_picture() {
            let numeric = item.kind != ItemKind::ShortText;
            for (i, w) in item.wrong_answers.iter().enumerate() {
                wrong.push(CompiledWrong {
                    number: if numeric {
                        Some(parse_at(Field::WrongValue(i), &w.value, Some(&names))?)
                    } else {
                        None
                    },
                    text: if numeric {
                        None
                    } else {
                        Some(text(Field::WrongValue(i), &w.value)?)
                    },
                    feedback: optional_shown(Field::WrongFeedback(i), w.feedback.as_deref())?,
                });
            }
        }
        Ok(CompiledItem {
            item,
            variables,
            constraints,
            derived,
            prompt: shown(Field::Prompt, &item.prompt)?,
            hints: item
                .hints
                .iter()
                .enumerate()
                .map(|(i, h)| shown(Field::Hint(i), h))
                .collect::<Result<_, _>>()?,
            solution: shown(Field::Solution, &item.solution)?,
            choices,
            answer,
            tolerance,
            wrong,
            accepted,
            sequence,
            diagram,
        })
    }

    /// The item's picture for these values, checked against the answer.
    fn diagram(
        &self,
        values: &[(&str, Rational)],
        answer: Option<Rational>,
    ) -> Result<Option<Diagram>, InstanceError> {
        let (Some(text), Some(value)) = (&self.diagram, answer) else {
            return Ok(None);
        };
        let field = Field::Diagram.path(&self.item.id);
        let diagram = parse_diagram(&text.render(&self.item.id, values)?).map_err(|error| {
            InstanceError::Diagram {
                field: field.clone(),
                error,
            }
        })?;
        check_answer(self.item.kind, &diagram, value).map_err(|problem| {
            InstanceError::NotOnPicture {
                field: match problem {
                    NotOnPicture::Model(_) => field.clone(),
                    NotOnPicture::Unreachable => Field::Answer.path(&self.item.id),
                },
                kind: self.item.kind,
                value,
                problem,
            }
        })?;
        Ok(Some(diagram))
    }

    /// Every text that holds a picture, rendered and read: a picture that cannot
    /// be drawn is an error of the item, found when it is checked.
    fn check_pictures(&self, values: &[(&str, Rational)]) -> Result<(), InstanceError> {
        let texts = std::iter::once(&self.prompt)
            .chain(&self.hints)
            .chain([&self.solution])
            .chain(
                self.choices
                    .iter()
                    .flat_map(|(t, f)| std::iter::once(t).chain(f)),
            )
            .chain(self.wrong.iter().filter_map(|w| w.feedback.as_ref()));
        for text in texts.filter(|t| t.may_hold_picture()) {
            let rendered = text.render(&self.item.id, values)?;
            for block in parse_markdown(&rendered) {
                if let Block::BadDiagram(error) = block {
                    return Err(InstanceError::Diagram {
                        field: text.path(&self.item.id),
                        error,
                    });
                }
            }
        }
        Ok(())
    }

    /// Draws the variables for `seed` (redrawing until every constraint holds) and
    /// returns them with the generator, positioned for the shuffles that follow.
    fn draw(&self, seed: u64) -> Result<(Values<'a>, SplitMix64), InstanceError> {
        let mut rng = SplitMix64::new(seed);
        if self.item.template.is_none() {
            return Ok((Vec::new(), rng));
        }
        let mut values: Values<'a> = Vec::with_capacity(self.variables.len() + self.derived.len());
        'draw: for _ in 0..MAX_TEMPLATE_DRAWS {
            values.clear();
            for (name, pool) in &self.variables {
                values.push((name, pool.draw(&mut rng)));
            }
            for (i, (name, expr)) in self.derived.iter().enumerate() {
                match expr.number(values.as_slice()) {
                    Ok(value) => values.push((name, value)),
                    // A derived value that divides by zero for this draw rejects
                    // the draw, like a failed constraint; an overflow is the
                    // template's mistake, reported.
                    Err(ExprError::Arithmetic(ArithmeticError::DivisionByZero)) => continue 'draw,
                    Err(error) => {
                        return Err(InstanceError::Expression {
                            field: format!("template.derived[{i}].value"),
                            expression: expr.source(values.as_slice()),
                            error,
                        })
                    }
                }
            }
            for (i, constraint) in self.constraints.iter().enumerate() {
                match constraint
                    .evaluate(values.as_slice())
                    .and_then(|v| v.boolean())
                {
                    Ok(true) => {}
                    Ok(false) | Err(ExprError::Arithmetic(ArithmeticError::DivisionByZero)) => {
                        continue 'draw
                    }
                    Err(error) => {
                        return Err(InstanceError::Expression {
                            field: format!("template.constraints[{i}]"),
                            expression: constraint.source(values.as_slice()),
                            error,
                        })
                    }
                }
            }
            return Ok((values, rng));
        }
        Err(InstanceError::Unsatisfiable)
    }

    fn evaluate(
        &self,
        expr: &Expr,
        field: Field,
        values: &[(&str, Rational)],
    ) -> Result<Rational, InstanceError> {
        expr.number(values)
            .map_err(|error| InstanceError::Expression {
                field: field.path(&self.item.id),
                expression: expr.source(values),
                error,
            })
    }

    /// The right answer and tolerance of a numeric item.
    fn numeric_expected(
        &self,
        values: &[(&str, Rational)],
    ) -> Result<Option<(Rational, Rational)>, InstanceError> {
        let Some(answer) = &self.answer else {
            return Ok(None);
        };
        let value = self.evaluate(answer, Field::Answer, values)?;
        let tolerance = match &self.tolerance {
            Some(expr) => self.evaluate(expr, Field::Tolerance, values)?,
            None => Rational::ZERO,
        };
        if tolerance < Rational::ZERO {
            return Err(InstanceError::NegativeTolerance {
                field: format!("{}.tolerance", self.item.id),
            });
        }
        Ok(Some((value, tolerance)))
    }

    /// Each known wrong answer made concrete: (number, normalised text, feedback).
    fn wrong_answers(
        &self,
        values: &[(&str, Rational)],
    ) -> Result<Vec<InstanceWrongAnswer>, InstanceError> {
        self.wrong
            .iter()
            .zip(&self.item.wrong_answers)
            .enumerate()
            .map(|(index, (compiled, authored))| {
                let number = compiled
                    .number
                    .as_ref()
                    .map(|expr| self.evaluate(expr, Field::WrongValue(index), values))
                    .transpose()?;
                let text = match &compiled.text {
                    Some(text) => Some(normalise_text(
                        &text.render(&self.item.id, values)?,
                        self.item.case_sensitive,
                    )),
                    None => None,
                };
                let feedback = compiled
                    .feedback
                    .as_ref()
                    .map(|t| t.render(&self.item.id, values).map(Cow::into_owned))
                    .transpose()?;
                Ok(InstanceWrongAnswer {
                    number,
                    text,
                    misconception: authored.misconception.clone(),
                    feedback,
                })
            })
            .collect()
    }

    fn accepted(&self, values: &[(&str, Rational)]) -> Result<Vec<String>, InstanceError> {
        self.accepted
            .iter()
            .map(|t| {
                t.render(&self.item.id, values)
                    .map(|s| normalise_text(&s, self.item.case_sensitive))
            })
            .collect()
    }

    /// The instance's key alone: what planning needs to avoid repeats.
    pub fn key(&self, seed: u64) -> Result<InstanceKey, InstanceError> {
        let (values, _) = self.draw(seed)?;
        Ok(instance_key(&self.item.id, &values))
    }

    /// The instance's key and soundness, building only the texts the checks need.
    pub fn check(&self, seed: u64) -> Result<InstanceCheck, InstanceError> {
        let (values, _) = self.draw(seed)?;
        let scope = values.as_slice();
        let mut duplicate_choices = None;
        let mut shown: Vec<Cow<str>> = Vec::with_capacity(self.choices.len());
        for (index, (text, _)) in self.choices.iter().enumerate() {
            let rendered = text.render(&self.item.id, scope)?;
            if duplicate_choices.is_none() {
                if let Some(first) = shown
                    .iter()
                    .position(|other| other.trim() == rendered.trim())
                {
                    duplicate_choices = Some((first, index, rendered.to_string()));
                }
            }
            shown.push(rendered);
        }
        let mut wrong_but_right = Vec::new();
        let expected = self.numeric_expected(scope)?;
        self.diagram(scope, expected.map(|(value, _)| value))?;
        self.check_pictures(scope)?;
        if let Some((value, tolerance)) = expected {
            for (index, wrong) in self.wrong.iter().enumerate() {
                if let Some(expr) = &wrong.number {
                    let number = self.evaluate(expr, Field::WrongValue(index), scope)?;
                    if number.is_within(value, tolerance) {
                        wrong_but_right.push(index);
                    }
                }
            }
        } else if self.wrong.iter().any(|w| w.text.is_some()) {
            let accepted = self.accepted(scope)?;
            for (index, wrong) in self.wrong.iter().enumerate() {
                if let Some(text) = &wrong.text {
                    let given = normalise_text(
                        &text.render(&self.item.id, scope)?,
                        self.item.case_sensitive,
                    );
                    if accepted.contains(&given) {
                        wrong_but_right.push(index);
                    }
                }
            }
        }
        Ok(InstanceCheck {
            key: instance_key(&self.item.id, &values),
            duplicate_choices,
            wrong_but_right,
        })
    }

    pub fn instance(&self, seed: u64) -> Result<ItemInstance, InstanceError> {
        let item = self.item;
        let (values, mut rng) = self.draw(seed)?;
        let scope = values.as_slice();
        let id = item.id.as_str();
        let render = |text: &Text<'a>| text.render(id, scope).map(Cow::into_owned);
        let render_all = |texts: &[Text<'a>]| -> Result<Vec<String>, InstanceError> {
            texts.iter().map(render).collect()
        };
        let mut choices = Vec::new();
        let mut choice_feedback = Vec::new();
        let mut sequence = Vec::new();
        let mut start_order = Vec::new();
        let mut diagram = None;
        let expected = match item.kind {
            ItemKind::SingleChoice | ItemKind::MultipleSelect => {
                let mut order: Vec<usize> = (0..self.choices.len()).collect();
                if item.shuffle {
                    rng.shuffle(&mut order);
                }
                for &index in &order {
                    choices.push(ShownChoice {
                        index,
                        text: render(&self.choices[index].0)?,
                    });
                }
                let authored = item.choices.as_deref().unwrap_or_default();
                for (index, (_, feedback)) in self.choices.iter().enumerate() {
                    let misconception = authored.get(index).and_then(|c| c.misconception.clone());
                    let feedback = feedback.as_ref().map(render).transpose()?;
                    choice_feedback.push((misconception, feedback));
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
                let (value, tolerance) =
                    self.numeric_expected(scope)?
                        .ok_or(InstanceError::MissingField {
                            kind: item.kind.name(),
                            field: "answer",
                        })?;
                Expected::Numeric { value, tolerance }
            }
            ItemKind::ShortText => Expected::Text {
                accepted: self.accepted(scope)?,
                case_sensitive: item.case_sensitive,
            },
            ItemKind::PlacePoint | ItemKind::Shade | ItemKind::Partition => {
                let (value, _) =
                    self.numeric_expected(scope)?
                        .ok_or(InstanceError::MissingField {
                            kind: item.kind.name(),
                            field: "answer",
                        })?;
                diagram = self.diagram(scope, Some(value))?;
                Expected::Picture { value }
            }
            ItemKind::Ordering => {
                sequence = render_all(&self.sequence)?;
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
            values: values
                .iter()
                .map(|(name, value)| (name.to_string(), *value))
                .collect(),
            prompt: render(&self.prompt)?,
            choices,
            choice_feedback,
            sequence,
            start_order,
            hints: render_all(&self.hints)?,
            solution: render(&self.solution)?,
            expected,
            wrong_answers: self.wrong_answers(scope)?,
            diagram,
        })
    }
}

enum Pool {
    Range { from: i64, step: i64, count: u64 },
    List(Vec<Rational>),
}

impl Pool {
    fn draw(&self, rng: &mut SplitMix64) -> Rational {
        match self {
            Pool::Range { from, step, count } => {
                // Within from..=to, checked when compiled: no overflow, and never
                // i64::MIN.
                let k = rng.below(*count) as i64;
                Rational::integer(*from + k * *step)
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
            // Every value drawn is a Rational, whose parts stay within ±i64::MAX.
            if from == i64::MIN {
                return Err(InstanceError::Expression {
                    field: format!("template.variables.{}.from", variable.name),
                    expression: from.to_string(),
                    error: ArithmeticError::Overflow.into(),
                });
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
                    .and_then(|expr| expr.number(NO_VARIABLES))
                    .map_err(|error| InstanceError::Expression {
                        field: format!("template.variables.{}.one_of[{i}]", variable.name),
                        expression: text.clone(),
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
